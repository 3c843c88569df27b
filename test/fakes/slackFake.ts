import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  FakeAuthorizationServer,
  type FakeReply,
  type FakeRequest,
  grantedOnConsent,
  ProviderFake,
} from './fakeHttp';
import { type SearchableMessage, searchMessages } from './slackSearch';

/** The redirect URLs slack-app-manifest.yml registers (oauth_config.redirect_urls), read from the file. */
export function manifestRedirects(): string[] {
  const lines = fs
    .readFileSync(fileURLToPath(new URL('../../slack-app-manifest.yml', import.meta.url)), 'utf8')
    .split('\n');
  const start = lines.findIndex((line) => /^\s+redirect_urls:\s*$/.test(line));
  const urls: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const item = /^\s+-\s+(\S+)\s*$/.exec(line);
    if (!item) break;
    urls.push(item[1]!);
  }
  return urls;
}

/**
 * Profile updates are limited per user: "about 10 a minute" ("Profile update rate limits",
 * https://docs.slack.dev/apis/web-api/rate-limits); beyond that, HTTP 429 with Retry-After.
 */
const PROFILE_SETS_PER_USER_MINUTE = 10;
/**
 * dnd.setSnooze: `too_long`, "The value for num_minutes was too large"
 * (https://docs.slack.dev/reference/methods/dnd.setSnooze). No maximum is documented; the fake takes the
 * stricter reading and refuses more than a day.
 */
const SNOOZE_MAX_MINUTES = 24 * 60;

/**
 * Slack's per-method rate tiers (calls per minute), as each method's page gives them ("Rate limits" in
 * its facts, https://docs.slack.dev/reference/methods/<method>; tiers: https://docs.slack.dev/apis/web-api/rate-limits):
 * Tier 2 is 20+, Tier 3 50+, Tier 4 100+ a minute; the fake allows the floor.
 */
const TIER: Record<string, number> = {
  'users.profile.set': 50, // Tier 3
  'users.profile.get': 100, // Tier 4
  'dnd.setSnooze': 20, // Tier 2
  'dnd.endSnooze': 20, // Tier 2
  'users.setPresence': 20, // Tier 2
  'users.list': 20, // Tier 2
  // "Tier 2: 20+ per minute" (https://docs.slack.dev/reference/methods/dnd.teamInfo)
  'dnd.teamInfo': 20,
  // "Special rate limits apply" (https://docs.slack.dev/reference/methods/auth.test): bounded here.
  'auth.test': 100,
  // "Tier 3: 50+ per minute" (https://docs.slack.dev/reference/methods/conversations.open)
  'conversations.open': 50,
  // "Tier 3: 50+ per minute" (https://docs.slack.dev/reference/methods/chat.scheduleMessage)
  'chat.scheduleMessage': 50,
  // "Special rate limits apply": "posting to several hundred messages per minute" across the workspace,
  // and "1 message per second to a specific channel" (https://docs.slack.dev/reference/methods/chat.postMessage),
  // the latter enforced per channel below.
  'chat.postMessage': 300,
  // "Tier 3: 50+ per minute" (https://docs.slack.dev/reference/methods/chat.deleteScheduledMessage)
  'chat.deleteScheduledMessage': 50,
  // "Tier 2: 20+ per minute" (https://docs.slack.dev/reference/methods/conversations.list)
  'conversations.list': 20,
  // "Tier 3: 50+ per minute" for internal apps (https://docs.slack.dev/reference/methods/conversations.history);
  // `newAppHistoryLimits` applies the 1-a-minute limit of newer non-Marketplace apps instead.
  'conversations.history': 50,
  // Tier 2 (https://docs.slack.dev/reference/methods/search.messages, Rate limits)
  'search.messages': 20,
};

/**
 * The user scope each method needs ("Required scopes" on each method's page,
 * https://docs.slack.dev/reference/methods/<method>); a token without it is refused with `missing_scope`,
 * "The token used is not granted the specific scope permissions required to complete this request"
 * (the Errors table of each method). auth.test needs none.
 */
const METHOD_SCOPE: Record<string, string | null> = {
  'users.profile.set': 'users.profile:write',
  'users.profile.get': 'users.profile:read',
  'dnd.setSnooze': 'dnd:write',
  'dnd.endSnooze': 'dnd:write',
  'users.setPresence': 'users:write',
  'users.list': 'users:read',
  'dnd.teamInfo': 'dnd:read',
  'auth.test': null,
  // A 1:1 DM needs `im:write`: "You only need the scopes corresponding to that conversation type"
  // (https://api.slack.com/methods/conversations.open; scopes listed on https://docs.slack.dev/reference/methods/conversations.open).
  'conversations.open': 'im:write',
  'chat.scheduleMessage': 'chat:write',
  'chat.postMessage': 'chat:write',
  'chat.deleteScheduledMessage': 'chat:write',
  // Checked per conversation type below (im:read / mpim:read, im:history / mpim:history).
  'conversations.list': null,
  'conversations.history': null,
  // "User token: search:read" (https://docs.slack.dev/reference/methods/search.messages, Scopes)
  'search.messages': 'search:read',
};

/** What a sign-in that asked for nothing beyond status grants (messages need `chat:write` and `im:write`). */
const STATUS_SCOPES = Object.values(METHOD_SCOPE).filter(
  (scope): scope is string =>
    scope !== null && scope !== 'chat:write' && scope !== 'im:write' && scope !== 'search:read',
);

/**
 * chat.scheduleMessage's Restrictions (https://docs.slack.dev/reference/methods/chat.scheduleMessage): "up to
 * 120 days into the future" (else `time_too_far`), and "you cannot schedule more than 30 messages to post
 * within a 5-minute window to the same channel" (else `restricted_too_many`); a `post_at` in the past is
 * `time_in_past`.
 */
const SCHEDULE_MAX_AHEAD_S = 120 * 24 * 3600;
const SCHEDULE_WINDOW_S = 5 * 60;
const SCHEDULE_PER_WINDOW = 30;
/**
 * "Slack will truncate messages containing more than 40,000 characters"
 * (https://docs.slack.dev/reference/methods/chat.postMessage, "Truncating content"); scheduleMessage still
 * lists `msg_too_long`, so the fake refuses longer text there (the stricter reading).
 */
const TEXT_MAX_CHARS = 40_000;

/** A message in a DM, posted now or scheduled. */
export interface FakeDirectMessage {
  channel: string;
  /** The member the DM is with. */
  user: string;
  text: string;
  /** Unix seconds it posts (scheduled) or posted (now). */
  postAt: number;
  scheduledId: string | null;
}

export interface SlackMember {
  id: string;
  name: string;
  real_name: string;
  tz: string;
  deleted?: boolean;
  is_bot?: boolean;
}

/** A fake of Slack's Web API and OAuth v2 (user tokens, PKCE), following the documented shapes and errors. */
export class SlackFake extends ProviderFake {
  protected readonly apiPath = '/api';
  /**
   * Slack matches a redirect URL exactly, host and port included, against the app's registered ones
   * (https://docs.slack.dev/authentication/installing-with-oauth; only localhost redirects of a PKCE app
   * are desktop redirects, https://docs.slack.dev/authentication/using-pkce): the manifest's list.
   */
  readonly auth = new FakeAuthorizationServer('slack-client', 'xoxp-', null, manifestRedirects());
  /** The app's client secret, which Cadence does not have: needed for any grant not made on localhost. */
  readonly clientSecret = 'slack-app-secret';
  /**
   * The workspace is moving into an Enterprise organisation: every method answers `team_added_to_org`,
   * "Web API and other platform operations will be intermittently unavailable until the transition is
   * complete" (the Errors table of each method, e.g. https://docs.slack.dev/reference/methods/users.profile.set).
   */
  migrating = false;
  private profileSets: number[] = [];
  /** The user scopes the app lists (null: every scope asked for): an app made from an older manifest. */
  appScopes: string[] | null = null;
  /** User scopes the person (or the workspace's admin) does not grant, whatever the sign-in asks for. */
  withheld: string[] = [];
  /** The user scopes the grant holds: every sign-in adds what it asked for, less the withheld ones. */
  granted: string[] = [...STATUS_SCOPES];
  /**
   * Apps "commercially distributed outside of the Marketplace" get 1 conversations.history request a
   * minute, with `limit` "reduced to 15 objects" (https://docs.slack.dev/reference/methods/conversations.history;
   * https://docs.slack.dev/apis/web-api/rate-limits, App types and rate limits).
   */
  newAppHistoryLimits = false;
  /** Group DMs the user is in (`mpim`), by id: their members. */
  readonly groups = new Map<string, string[]>();
  /** Messages in the user's DMs and group DMs, by conversation, oldest first. */
  readonly history = new Map<string, { ts: string; user: string; text: string; subtype?: string }[]>();
  /** A sign-in was granted before: later ones add to its scopes. */
  private signedIn = false;
  /** Direct messages the signed-in user sent or scheduled, in order. */
  readonly messages: FakeDirectMessage[] = [];
  /** DMs opened with conversations.open: channel id → the member. */
  private readonly dms = new Map<string, string>();
  private lastPostPerChannel = new Map<string, number>();

  constructor() {
    super();
    this.auth.secretOffDesktop = this.clientSecret;
  }
  /**
   * With token rotation on, access tokens "expire every 12 hours" and come with a refresh token; an
   * expired one is refused with token_expired, and a refresh answers with the new tokens at the top
   * level (https://docs.slack.dev/authentication/using-token-rotation).
   */
  get tokenRotation(): boolean {
    return this.auth.rotateRefreshTokens;
  }
  set tokenRotation(on: boolean) {
    this.auth.rotateRefreshTokens = on;
  }
  team = 'Acme';
  /** The next call to a method gets this answer instead (e.g. a 429 with Retry-After for one method). */
  readonly nextAnswer = new Map<string, FakeReply>();
  /** The next calls to a method, in turn: a planned answer, or null for the real one. */
  readonly plannedAnswers = new Map<string, (FakeReply | null)[]>();
  /** The token endpoint has a passing server error for this many more requests (a fault switch). */
  tokenEndpointFailures = 0;
  /** Calls refused for the per-user profile limit. */
  profileLimitRefusals = 0;
  profile = { status_text: '', status_emoji: '', status_expiration: 0 };
  snoozeEndTime: number | null = null;
  presence: 'auto' | 'away' = 'auto';
  members: SlackMember[] = [];
  /** Users currently inside their DND hours. */
  dndUsers = new Set<string>();
  override now = () => Date.now();
  private readonly recentCalls = new Map<string, number[]>();

  /** Whether Do Not Disturb is snoozed right now (a snooze ends by itself at its end time). */
  dndActive(): boolean {
    return this.snoozeEndTime !== null && this.snoozeEndTime * 1000 > this.now();
  }

  /** Calls to Web API methods (not OAuth), in order. */
  methodCalls(): string[] {
    return this.server.calls
      .filter((c) => c.path.startsWith('/api/') && c.path !== '/api/oauth.v2.access')
      .map((c) => c.path.slice(5));
  }

  private ok(body: Record<string, unknown> = {}): FakeReply {
    return { status: 200, body: { ok: true, ...body } };
  }

  private error(error: string): FakeReply {
    return { status: 200, body: { ok: false, error } };
  }

  protected route(request: FakeRequest): FakeReply {
    if (request.path === '/oauth/v2/authorize') {
      // A scope the app does not list: Slack's own error page, not a redirect back ("Appending scopes":
      // the scopes asked for must be the app's, https://docs.slack.dev/authentication/installing-with-oauth;
      // the page, not a redirect, is the stricter reading: the app hears nothing).
      const asked = (request.query.get('user_scope') ?? '').split(',').filter(Boolean);
      if (this.appScopes && asked.some((scope) => !this.appScopes!.includes(scope)))
        return { status: 400, headers: { 'content-type': 'text/html' }, body: 'invalid_scope' };
      const reply = this.auth.authorize(request.query);
      // "each scope you request is additive… It is not possible to downgrade an access token's scopes"
      // (https://docs.slack.dev/authentication/installing-with-oauth, "Appending scopes"): what an
      // earlier sign-in granted stays granted.
      if (reply.status < 400)
        this.granted = this.signedIn
          ? [...new Set([...this.granted, ...grantedOnConsent(request.query, 'user_scope', this.withheld)])]
          : grantedOnConsent(request.query, 'user_scope', this.withheld);
      if (reply.status < 400) this.signedIn = true;
      return reply;
    }
    if (request.path === '/api/oauth.v2.access') {
      if (this.tokenEndpointFailures > 0) {
        this.tokenEndpointFailures--;
        return { status: 503, body: 'upstream unavailable' };
      }
      const refreshing = request.body.grant_type === 'refresh_token';
      const result = this.auth.exchange(request.body);
      if ('error' in result) return this.error(result.error);
      const lasting = this.tokenRotation ? { refresh_token: result.refreshToken, expires_in: 43_200 } : {};
      if (refreshing) return this.ok({ access_token: result.accessToken, token_type: 'user', ...lasting });
      return this.ok({
        team: { id: 'T0ACME', name: this.team },
        authed_user: {
          id: 'U0ME',
          scope: this.granted.join(','),
          access_token: result.accessToken,
          token_type: 'user',
          ...lasting,
        },
      });
    }
    const method = request.path.replace(/^\/api\//, '');
    if (!(method in TIER)) return { status: 404, body: { ok: false, error: 'unknown_method' } };
    if (!request.token) return this.error('not_authed');
    if (!this.auth.accessTokens.has(request.token)) return this.error('token_revoked');
    if (this.auth.expired.has(request.token)) return this.error('token_expired');
    const needed = METHOD_SCOPE[method];
    if (needed && !this.granted.includes(needed))
      return {
        status: 200,
        body: { ok: false, error: 'missing_scope', needed, provided: this.granted.join(',') },
      };
    const recent = (this.recentCalls.get(method) ?? []).filter((at) => at > this.now() - 60_000);
    this.recentCalls.set(method, [...recent, this.now()]);
    if (recent.length >= TIER[method]!)
      return { status: 429, headers: { 'retry-after': '30' }, body: { ok: false, error: 'ratelimited' } };
    if (this.migrating) return this.error('team_added_to_org');
    const queued = this.plannedAnswers.get(method)?.shift();
    if (queued) return queued;
    const planned = this.nextAnswer.get(method);
    if (planned) {
      this.nextAnswer.delete(method);
      return planned;
    }
    const body = request.body;
    switch (method) {
      case 'auth.test':
        return this.ok({
          url: 'https://acme.slack.com/',
          team: this.team,
          user: 'me',
          team_id: 'T0ACME',
          user_id: 'U0ME',
        });
      case 'users.profile.get':
        return this.ok({ profile: { ...this.profile, real_name: 'Me' } });
      case 'users.profile.set': {
        const profile = (typeof body.profile === 'string' ? JSON.parse(body.profile) : body.profile) as
          Record<string, unknown> | undefined;
        if (!profile) return this.error('invalid_profile');
        this.profileSets = this.profileSets.filter((at) => at > this.now() - 60_000);
        if (this.profileSets.length >= PROFILE_SETS_PER_USER_MINUTE) {
          const wait = Math.max(1, Math.ceil((this.profileSets[0]! + 60_000 - this.now()) / 1000));
          this.profileLimitRefusals++;
          return {
            status: 429,
            headers: { 'retry-after': String(wait) },
            body: { ok: false, error: 'ratelimited' },
          };
        }
        this.profileSets.push(this.now());
        const text = String(profile.status_text ?? '');
        // "status_text - a string of no more than 100 characters"
        // (https://docs.slack.dev/apis/web-api/user-presence-and-status); longer is refused with too_long.
        if (text.length > 100) return this.error('too_long');
        this.profile = {
          status_text: text,
          status_emoji: String(profile.status_emoji ?? ''),
          status_expiration: Number(profile.status_expiration ?? 0),
        };
        return this.ok({ profile: this.profile });
      }
      case 'dnd.setSnooze': {
        const minutes = Number(body.num_minutes);
        if (!Number.isInteger(minutes) || minutes < 1) return this.error('invalid_arguments');
        if (minutes > SNOOZE_MAX_MINUTES) return this.error('too_long');
        this.snoozeEndTime = Math.floor(this.now() / 1000) + minutes * 60;
        return this.ok({
          snooze_enabled: true,
          snooze_endtime: this.snoozeEndTime,
          snooze_remaining: minutes * 60,
        });
      }
      case 'dnd.endSnooze':
        if (this.snoozeEndTime === null || this.snoozeEndTime * 1000 <= this.now())
          return this.error('snooze_not_active');
        this.snoozeEndTime = null;
        return this.ok({ dnd_enabled: true, snooze_enabled: false });
      case 'users.setPresence':
        if (body.presence !== 'auto' && body.presence !== 'away') return this.error('invalid_presence');
        this.presence = body.presence;
        return this.ok();
      case 'users.list': {
        const limit = Math.min(1000, Number(body.limit ?? 100) || 100);
        const start = body.cursor
          ? Number(Buffer.from(String(body.cursor), 'base64').toString().replace('offset:', ''))
          : 0;
        const page = this.members.slice(start, start + limit);
        const next =
          start + limit < this.members.length
            ? Buffer.from(`offset:${start + limit}`).toString('base64')
            : '';
        return this.ok({ members: page, response_metadata: { next_cursor: next } });
      }
      case 'dnd.teamInfo': {
        const users = String(body.users ?? '')
          .split(',')
          .filter(Boolean);
        if (users.length > 50) return this.error('too_many_users');
        const seconds = Math.floor(this.now() / 1000);
        return this.ok({
          users: Object.fromEntries(
            users.map((user) => [
              user,
              this.dndUsers.has(user)
                ? { dnd_enabled: true, next_dnd_start_ts: seconds - 600, next_dnd_end_ts: seconds + 3600 }
                : { dnd_enabled: false, next_dnd_start_ts: 1, next_dnd_end_ts: 1 },
            ]),
          ),
        });
      }
      case 'conversations.open':
        return this.openDirect(body);
      case 'chat.scheduleMessage':
      case 'chat.postMessage':
        return this.post(method, body);
      case 'chat.deleteScheduledMessage':
        return this.unschedule(body);
      case 'conversations.list':
        return this.listConversations(body);
      case 'search.messages': {
        const answer = searchMessages(this.searchable(), body);
        return 'error' in answer ? this.error(answer.error) : this.ok(answer.body);
      }
      case 'conversations.history':
        return this.readHistory(body);
    }
    return this.error('unknown_method');
  }

  /** conversations.open (https://docs.slack.dev/reference/methods/conversations.open): a 1:1 DM's id. */
  private openDirect(body: Record<string, unknown>): FakeReply {
    if (body.channel !== undefined) {
      const known = this.dms.get(String(body.channel));
      return known ? this.ok({ channel: { id: String(body.channel) } }) : this.error('channel_not_found');
    }
    // "Missing `users` in request"
    if (typeof body.users !== 'string' || !body.users) return this.error('users_list_not_supplied');
    const users = body.users.split(',');
    // "Provide 1 to 8 user IDs"; "Needs at most 8 users to open"
    if (users.length > 8) return this.error('too_many_users');
    // "Don't include the ID of the user you're calling conversations.open on behalf of – we do that for
    // you": the stricter reading refuses it.
    if (users.includes('U0ME')) return this.error('invalid_arguments');
    // Two or more others make a group DM, which needs `mpim:write` (https://docs.slack.dev/reference/methods/conversations.open).
    if (users.length !== 1 && !this.granted.includes('mpim:write'))
      return { status: 200, body: { ok: false, error: 'missing_scope', needed: 'mpim:write' } };
    if (users.length !== 1) return this.error('method_not_supported_for_channel_type');
    const member = this.members.find((m) => m.id === users[0]);
    // "Value(s) passed for `users` was invalid."; "A specified `user` has been disabled."
    if (!member) return this.error('user_not_found');
    if (member.deleted) return this.error('user_disabled');
    const id = `D${member.id}`;
    this.dms.set(id, member.id);
    return this.ok({ channel: { id } });
  }

  /** chat.scheduleMessage and chat.postMessage into a DM opened before (a `D…` id; other ids are not known). */
  private post(method: string, body: Record<string, unknown>): FakeReply {
    // as_user "Can only be used by classic apps" (https://docs.slack.dev/reference/methods/chat.postMessage,
    // whose Errors table has as_user_not_supported) and "Cannot be used by new Slack apps" (…/chat.scheduleMessage):
    // Cadence's app is new, so it is refused on both.
    if (body.as_user !== undefined)
      return this.error(method === 'chat.postMessage' ? 'as_user_not_supported' : 'invalid_arguments');
    const channel = String(body.channel ?? '');
    const user = this.dms.get(channel);
    // "You may receive a channel_not_found error if your app doesn't have permission to enter into an
    // direct message with the intended user."
    if (!user) return this.error('channel_not_found');
    const text = typeof body.text === 'string' ? body.text : '';
    if (!text.trim()) return this.error('no_text');
    const seconds = Math.floor(this.now() / 1000);
    if (method === 'chat.postMessage') {
      const last = this.lastPostPerChannel.get(channel) ?? 0;
      if (this.now() - last < 1000)
        return { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } };
      this.lastPostPerChannel.set(channel, this.now());
      this.messages.push({
        channel,
        user,
        text: text.slice(0, TEXT_MAX_CHARS),
        postAt: seconds,
        scheduledId: null,
      });
      return this.ok({
        channel,
        ts: `${seconds}.000${this.messages.length}`,
        ...(text.length > TEXT_MAX_CHARS ? { response_metadata: { warnings: ['message_truncated'] } } : {}),
      });
    }
    if (text.length > TEXT_MAX_CHARS) return this.error('msg_too_long');
    // "Unix timestamp representing the future time the message should post to Slack."
    const raw = String(body.post_at ?? '');
    if (!/^\d+$/.test(raw)) return this.error('invalid_time');
    const postAt = Number(raw);
    if (postAt <= seconds) return this.error('time_in_past');
    if (postAt > seconds + SCHEDULE_MAX_AHEAD_S) return this.error('time_too_far');
    const near = this.messages.filter(
      (m) => m.channel === channel && m.scheduledId && Math.abs(m.postAt - postAt) < SCHEDULE_WINDOW_S,
    );
    if (near.length >= SCHEDULE_PER_WINDOW) return this.error('restricted_too_many');
    const scheduledId = `Q${this.messages.length + 1}`;
    this.messages.push({ channel, user, text, postAt, scheduledId });
    // The page's example answers post_at as a string.
    return this.ok({ channel, scheduled_message_id: scheduledId, post_at: String(postAt) });
  }

  /**
   * chat.deleteScheduledMessage (https://docs.slack.dev/reference/methods/chat.deleteScheduledMessage): "You
   * cannot delete scheduled messages that have already been posted to Slack or that will be posted to Slack
   * within 60 seconds of the delete request", answered `invalid_scheduled_message_id`, as is an unknown or
   * already deleted id; an unknown channel is `channel_not_found`.
   */
  private unschedule(body: Record<string, unknown>): FakeReply {
    const channel = String(body.channel ?? '');
    if (!this.dms.has(channel)) return this.error('channel_not_found');
    const index = this.messages.findIndex(
      (m) => m.channel === channel && m.scheduledId !== null && m.scheduledId === body.scheduled_message_id,
    );
    const message = this.messages[index];
    if (!message || message.postAt * 1000 - this.now() < 60_000)
      return this.error('invalid_scheduled_message_id');
    this.messages.splice(index, 1);
    return this.ok();
  }

  private missingScope(needed: string): FakeReply | null {
    return this.granted.includes(needed)
      ? null
      : {
          status: 200,
          body: { ok: false, error: 'missing_scope', needed, provided: this.granted.join(',') },
        };
  }

  /** A DM (the ones with history, and those opened) or a group DM, by id. */
  private conversation(id: string): { id: string; kind: 'im' | 'mpim'; user?: string } | null {
    if (this.groups.has(id)) return { id, kind: 'mpim' };
    if (this.dms.has(id)) return { id, kind: 'im', user: this.dms.get(id)! };
    if (this.history.has(id) && id.startsWith('D')) return { id, kind: 'im', user: id.slice(1) };
    return null;
  }

  /**
   * conversations.list (https://docs.slack.dev/reference/methods/conversations.list): `types` of
   * im and mpim need `im:read` and `mpim:read`; `limit` "Must be an integer under 1000"; paginated with a
   * cursor, one that is "not valid or is no longer valid" refused with `invalid_cursor`.
   */
  private listConversations(body: Record<string, unknown>): FakeReply {
    const types = String(body.types ?? 'public_channel').split(',');
    if (types.some((t) => !['public_channel', 'private_channel', 'im', 'mpim'].includes(t)))
      return this.error('invalid_types');
    for (const [type, scope] of [
      ['im', 'im:read'],
      ['mpim', 'mpim:read'],
    ] as const)
      if (types.includes(type)) {
        const refused = this.missingScope(scope);
        if (refused) return refused;
      }
    const limit = Number(body.limit ?? 100);
    if (!Number.isInteger(limit) || limit < 1 || limit > 999) return this.error('invalid_limit');
    const ids = [...new Set([...this.history.keys(), ...this.dms.keys(), ...this.groups.keys()])].sort();
    const all = ids
      .map((id) => this.conversation(id))
      .filter((c): c is NonNullable<typeof c> => c !== null && types.includes(c.kind));
    const start = cursorOffset(body.cursor);
    if (start === null) return this.error('invalid_cursor');
    const page = all.slice(start, start + limit);
    const next = start + limit < all.length ? Buffer.from(String(start + limit)).toString('base64') : '';
    return this.ok({
      channels: page.map((c) =>
        c.kind === 'im'
          ? { id: c.id, is_im: true, user: c.user }
          : { id: c.id, is_mpim: true, is_group: true },
      ),
      response_metadata: { next_cursor: next },
    });
  }

  /**
   * conversations.history (https://docs.slack.dev/reference/methods/conversations.history): newest first;
   * `oldest` "Only messages after this Unix timestamp will be included" (unless `inclusive`); `limit` at
   * most 999 (15 under the newer apps' limits); `has_more` and a cursor when more remain; a DM's history
   * needs `im:history`, a group DM's `mpim:history`.
   */
  private readHistory(body: Record<string, unknown>): FakeReply {
    const conversation = this.conversation(String(body.channel ?? ''));
    if (!conversation) return this.error('channel_not_found');
    // `access_denied`, "Access to a resource specified in the request is denied." (the method's Errors).
    if (this.unreadable.has(conversation.id)) return this.error('access_denied');
    const refused = this.missingScope(conversation.kind === 'im' ? 'im:history' : 'mpim:history');
    if (refused) return refused;
    if (this.newAppHistoryLimits) {
      const recent = this.historyCalls.filter((at) => at > this.now() - 60_000);
      if (recent.length >= 1)
        return { status: 429, headers: { 'retry-after': '60' }, body: { ok: false, error: 'ratelimited' } };
      this.historyCalls = [...recent, this.now()];
    }
    const max = this.newAppHistoryLimits ? 15 : 999;
    const asked = Number(body.limit ?? 100);
    // The stricter reading: a limit that is not a whole number from 1, or above the maximum ("Maximum of
    // 999", "reduced to 15 objects"), is refused, not replaced. The page lists no `invalid_limit` for this
    // method: its `invalid_arguments`, "The method was called with invalid arguments."
    if (!Number.isInteger(asked) || asked < 1 || asked > max) return this.error('invalid_arguments');
    const limit = asked;
    // `invalid_ts_oldest` / `invalid_ts_latest`: "Value passed for `oldest` / `latest` was invalid".
    const timestamp = /^\d+(\.\d+)?$/;
    if (body.oldest !== undefined && !timestamp.test(String(body.oldest)))
      return this.error('invalid_ts_oldest');
    if (body.latest !== undefined && !timestamp.test(String(body.latest)))
      return this.error('invalid_ts_latest');
    const oldest = Number(body.oldest ?? 0);
    // `latest`: "Only messages before this Unix timestamp will be included"; `inclusive` takes in both ends.
    const latest = body.latest !== undefined ? Number(body.latest) : Infinity;
    const inclusive = body.inclusive === 'true' || body.inclusive === true;
    const newestFirst = [...(this.history.get(conversation.id) ?? [])]
      .filter((m) => (inclusive ? Number(m.ts) >= oldest : Number(m.ts) > oldest))
      .filter((m) => (inclusive ? Number(m.ts) <= latest : Number(m.ts) < latest))
      .reverse();
    const start = cursorOffset(body.cursor);
    if (start === null) return this.error('invalid_cursor');
    // "Fewer than the requested number of items may be returned, even if the end of the conversation
    // history hasn't been reached": with `emptyPagesWithMore`, a first page comes back empty, with more.
    if (this.emptyPagesWithMore && body.cursor === undefined && newestFirst.length)
      return this.ok({
        messages: [],
        has_more: true,
        response_metadata: { next_cursor: Buffer.from('0').toString('base64') },
      });
    const page = newestFirst.slice(start, start + limit);
    const more = start + limit < newestFirst.length;
    return this.ok({
      messages: page.map((m) => ({ type: 'message', ...m })),
      has_more: more,
      ...(more
        ? { response_metadata: { next_cursor: Buffer.from(String(start + limit)).toString('base64') } }
        : {}),
    });
  }
  /** Public and private channels the user is in, by id: their name and messages, oldest first. */
  readonly channels = new Map<
    string,
    {
      name: string;
      private?: boolean;
      messages: { ts: string; user: string; text: string; bot_id?: string }[];
    }
  >();

  /** Everything search finds: the channels' messages, and the direct and group messages. */
  private searchable(): SearchableMessage[] {
    const found: SearchableMessage[] = [];
    for (const [id, channel] of this.channels)
      for (const m of channel.messages)
        found.push({ ...m, channel: { id, name: channel.name, is_private: channel.private === true } });
    for (const [id, messages] of this.history) {
      const kind = this.conversation(id)?.kind;
      const where = { id, name: id, ...(kind === 'mpim' ? { is_mpim: true } : { is_im: true }) };
      for (const m of messages) found.push({ ts: m.ts, user: m.user, text: m.text, channel: where });
    }
    return found;
  }
  private historyCalls: number[] = [];
  /** Pages of conversations.history may be short, even empty, while `has_more` is true (see readHistory). */
  emptyPagesWithMore = false;
  /** Conversations listed whose history Slack refuses (`access_denied`). */
  readonly unreadable = new Set<string>();
}

/** The fake's cursors are offsets, base64: null for one that is not (Slack's `invalid_cursor`). */
function cursorOffset(cursor: unknown): number | null {
  if (cursor === undefined || cursor === '') return 0;
  const offset = Number(Buffer.from(String(cursor), 'base64').toString());
  return Number.isInteger(offset) && offset >= 0 ? offset : null;
}
