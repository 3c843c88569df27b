import type { Instant } from '../../../shared/clockTime';
import type { Desired } from '../../../shared/desired';
import { DEFAULT_TEAMMATE_WEEK, DEFAULT_TEAMMATE_WEEKEND, type Teammate } from '../../../shared/intents';
import { canonicalZone } from '../../../shared/zoneNames';
import { httpCall, ProviderError } from '../providerError';
import type { AccountMemory, Provider, TokenSource } from '../provider';
import { type SentMessage, sendDirect, takeBack } from './slackMessages';
import { type ConversationReading, type ReadMarks, readConversations, readingMemory } from './slackContacts';
import { type MentionReading, mentionMemory, readMentions } from './slackMentions';

const AUTH_ERRORS = new Set(['invalid_auth', 'token_revoked', 'not_authed', 'account_inactive']);
/**
 * dnd.teamInfo is "Tier 2: 20+ per minute" (https://docs.slack.dev/reference/methods/dnd.teamInfo):
 * one reading asks about at most this many batches of 50, and the next reading goes on from there.
 */
const DND_BATCHES_PER_READ = 10;

interface SlackStatus {
  text: string;
  emoji: string;
  expiration: number;
}

/**
 * Errors every Web API method lists as Slack's own passing trouble, worth another try: `internal_error`
 * ("likely due to a transient issue on our end"), `fatal_error`, `service_unavailable`, `request_timeout`
 * (the Errors table of each method, e.g. https://docs.slack.dev/reference/methods/users.profile.set).
 */
const TRANSIENT_ERRORS = new Set([
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
  // "The workspace associated with your request is currently undergoing migration to an Enterprise
  // Organization. Web API and other platform operations will be intermittently unavailable until the
  // transition is complete." (the Errors table of each method, e.g.
  // https://docs.slack.dev/reference/methods/users.profile.set)
  'team_added_to_org',
]);

/**
 * Profile updates are limited per user, not per app: about 10 a minute ("Profile update rate limits",
 * https://docs.slack.dev/apis/web-api/rate-limits). Cadence sends at most this many in any minute; the
 * newest status waits for the next free slot (every push sends the state as it is then).
 */
const PROFILE_SETS_PER_MINUTE = 10;
/**
 * Slack counts a change when it arrives, Cadence when it sends: a change sent late, or answered slowly, would
 * land in Slack's minute while Cadence counted it out of its own. The window Cadence keeps is a few seconds
 * longer than Slack's, so the eleventh change never arrives inside the same minute as the first.
 */
const PROFILE_WINDOW_MS = 65_000;
/**
 * dnd.setSnooze answers `too_long` when "the value for num_minutes was too large" and documents no
 * maximum (https://docs.slack.dev/reference/methods/dnd.setSnooze). Cadence snoozes at most a day at a
 * time and snoozes again before that runs out; a refusal halves the cap, down to an hour.
 */
const SNOOZE_CAP_MINUTES = 24 * 60;
const SNOOZE_FLOOR_MINUTES = 60;
const RESNOOZE_AHEAD_MS = 10 * 60_000;
/** users.list is Tier 2 (https://docs.slack.dev/reference/methods/users.list): waits out this many 429s a reading. */
const LIST_WAITS_PER_READ = 5;

export interface SlackOptions {
  /** Resolves after `ms` of the app's clock: how a reading waits out Slack's Retry-After. */
  wait?: (ms: number) => Promise<void>;
}

/** The problem that says most about what to do next: wait longest, then retry, then report. */
function worst(problems: ProviderError[]): ProviderError {
  const rank = { auth: 0, permission: 1, rateLimited: 2, transient: 3, permanent: 4 } as const;
  return [...problems].sort(
    (a, b) => rank[a.kind] - rank[b.kind] || (b.retryAfterMs ?? 0) - (a.retryAfterMs ?? 0),
  )[0]!;
}

/** Slack's Web API (user token): status with expiry, Do Not Disturb, presence; teammates from users.list. */
export class SlackProvider implements Provider {
  readonly id = 'slack' as const;
  private appliedStatus: string | null = null;
  private appliedDnd: number | null | undefined = undefined;
  private appliedAway: boolean | null = null;
  /** The user's own custom status, put back when Cadence's own ends. */
  private ownStatus: SlackStatus | null = null;
  private cadenceText: string | null = null;

  constructor(
    private readonly apiUrl: string,
    private readonly tokens: TokenSource,
    /** The workspace, and the status text Cadence last set (so it is never taken for the user's own). */
    private readonly memory: AccountMemory,
    /** How long one call may take before it counts as a network failure. */
    private readonly timeoutMs = 10_000,
    private readonly options: SlackOptions = {},
  ) {}

  /** When the last users.profile.set calls went out (within the last minute). */
  private profileSets: number[] = [];
  /** When the snooze Cadence set ends, and the longest snooze Slack takes as far as Cadence knows. */
  private snoozeEnds: number | null = null;
  private snoozeCap = SNOOZE_CAP_MINUTES;
  /** A users.list reading cut short by rate limits: the pages read, and where to go on. */
  private listing: { people: Teammate[]; cursor: string; startedAt: Instant } | null = null;

  /** Where the last reading of teammates' DND stopped, and until when Slack asked us to wait. */
  private dndCursor = 0;
  private dndPausedUntil = 0;
  /** What dnd.teamInfo said of each teammate, kept between readings: user → in DND hours until. */
  private dndKnown = new Map<string, number>();

  /** A direct message to a workspace member, now or at `postAt`. */
  message(member: string, text: string, postAt: Instant | null, now: Instant): Promise<SentMessage> {
    return sendDirect((method, form) => this.call(method, form), member, text, postAt, now);
  }

  /** The record's rounds of the user's conversations, kept between readings. */
  private readonly reading = readingMemory();

  /** The user's direct and group messages since each conversation's mark (the record of contacts, #25). */
  conversations(marks: ReadMarks, since: Instant, now: Instant): Promise<ConversationReading> {
    return readConversations((method, form) => this.call(method, form), marks, since, this.reading, now);
  }

  /** Where a search for the user's mentions stopped, kept between readings. */
  private readonly mentionPass = mentionMemory();

  /** Messages in channels that mention the user (`self`) since `from` (the record of contacts, #25). */
  mentions(self: string, from: Instant, now: Instant): Promise<MentionReading> {
    return readMentions((method, form) => this.call(method, form), self, from, this.mentionPass, now);
  }

  /** Takes back a message scheduled with `message` ("channel/id"), before Slack posts it. */
  unschedule(scheduled: string): Promise<void> {
    return takeBack((method, form) => this.call(method, form), scheduled);
  }

  reset(): void {
    this.appliedStatus = null;
    this.appliedDnd = undefined;
    this.appliedAway = null;
    this.snoozeEnds = null;
  }

  revisitAt(): Instant | null {
    const wanted = this.appliedDnd;
    return this.snoozeEnds !== null && typeof wanted === 'number' && this.snoozeEnds < wanted
      ? this.snoozeEnds - RESNOOZE_AHEAD_MS
      : null;
  }

  /**
   * One Web API call. With token rotation an access token lasts 12 hours and an expired one answers
   * `token_expired` ("Using token rotation", https://docs.slack.dev/authentication/using-token-rotation):
   * it is renewed once and the call repeated.
   */
  private async call(method: string, form: Record<string, string> = {}): Promise<Record<string, unknown>> {
    try {
      return await this.callOnce(method, form);
    } catch (error) {
      if (!(error instanceof ProviderError && error.code === 'token_expired')) throw error;
      if (!(await this.tokens.refresh()))
        throw new ProviderError(
          'auth',
          'Slack refused to renew the sign-in; reconnect Slack',
          undefined,
          'token_expired',
        );
      return this.callOnce(method, form);
    }
  }

  private async callOnce(method: string, form: Record<string, string>): Promise<Record<string, unknown>> {
    let response;
    try {
      response = await httpCall(
        {
          timeoutMs: this.timeoutMs,
          url: `${this.apiUrl.replace(/\/$/, '')}/${method}`,
          token: await this.tokens.token(),
          form,
        },
        'Slack',
      );
    } catch (error) {
      // An HTTP 429 is Slack's `ratelimited` (https://docs.slack.dev/apis/web-api/rate-limits).
      if (error instanceof ProviderError && error.kind === 'rateLimited' && !error.code)
        throw new ProviderError('rateLimited', error.message, error.retryAfterMs, 'ratelimited');
      throw error;
    }
    const body = (response.body ?? {}) as Record<string, unknown>;
    if (body.ok === true) return body;
    const code = String(body.error ?? `http_${response.status}`);
    if (AUTH_ERRORS.has(code) || code === 'token_expired')
      throw new ProviderError('auth', `Slack refused the token (${code}); reconnect Slack`, undefined, code);
    // The token works but was not granted what this method needs (each method's Errors table): signing in
    // again asks for it; it is not an expired sign-in.
    // conversations.list's `invalid_types`: "Value passed for type could not be used based on the
    // method's capabilities or the permission scopes granted to the used token"
    // (https://docs.slack.dev/reference/methods/conversations.list); Cadence asks only for im and mpim,
    // which the method takes, so it is the permission.
    if (code === 'missing_scope' || (code === 'invalid_types' && method === 'conversations.list'))
      throw new ProviderError(
        'permission',
        'Cadence is missing a permission in Slack: sign in to Slack again and allow it',
        undefined,
        code,
      );
    // `ratelimited` is the HTTP 429; `rate_limited`, "Application has posted too many messages"
    // (the Errors tables of https://docs.slack.dev/reference/methods/chat.postMessage and
    // …/chat.scheduleMessage), comes without a Retry-After: both wait.
    if (code === 'ratelimited' || code === 'rate_limited')
      throw new ProviderError('rateLimited', 'Slack asked us to slow down', 30_000, code);
    if (TRANSIENT_ERRORS.has(code))
      throw new ProviderError(
        'transient',
        `Slack had a passing problem (${code}); retrying`,
        undefined,
        code,
      );
    throw new ProviderError('permanent', `Slack said ${code} to ${method}`, undefined, code);
  }

  /** The workspace's name, read once (auth.test), and whether the app's tokens rotate. */
  private async learnAccount(): Promise<void> {
    if (this.memory.read().kind) return;
    const body = await this.call('auth.test');
    this.memory.remember({
      kind: this.tokens.expiresAt() !== null ? 'slack-rotating' : 'slack-lasting',
      ...(typeof body.team === 'string' && body.team ? { label: body.team.slice(0, 80) } : {}),
    });
  }

  /**
   * Status, Do Not Disturb and presence, each on its own: one refused or paced step never keeps the others
   * from going out (Slack's limits are per method). A refused token or a network failure stops everything
   * (no other call could pass).
   */
  async apply(desired: Desired, now: Instant): Promise<void> {
    await this.learnAccount();
    const problems: ProviderError[] = [];
    const steps = [
      () => this.applyStatus(desired, now),
      () => this.applyDnd(desired, now),
      () => this.applyPresence(desired),
    ];
    for (const step of steps) {
      try {
        await step();
      } catch (error) {
        // A refused token or an unreachable Slack (no code of Slack's own) would fail every step alike.
        if (!(error instanceof ProviderError) || error.kind === 'auth' || !error.code) throw error;
        problems.push(error);
      }
    }
    if (problems.length) throw worst(problems);
  }

  private async applyPresence(desired: Desired): Promise<void> {
    if (this.appliedAway === desired.away) return;
    await this.call('users.setPresence', { presence: desired.away ? 'away' : 'auto' });
    this.appliedAway = desired.away;
  }

  /** The status showing now. */
  private async currentStatus(): Promise<SlackStatus> {
    const profile = ((await this.call('users.profile.get')).profile ?? {}) as Record<string, unknown>;
    return {
      text: String(profile.status_text ?? ''),
      emoji: String(profile.status_emoji ?? ''),
      expiration: Number(profile.status_expiration ?? 0),
    };
  }

  /**
   * Cadence's status over the user's own, and the user's own back afterwards. What Cadence set last and
   * the status it covered are kept with the account, so that after a restart Cadence's own status is
   * never taken for the user's, and the user's comes back all the same.
   */
  private async applyStatus(desired: Desired, now: Instant): Promise<void> {
    const ours = desired.statusText !== '';
    const memory = this.memory.read();
    if (this.cadenceText === null && (ours || memory.ownStatus)) {
      const showing = await this.currentStatus();
      if (showing.text && showing.text === memory.ownStatus) {
        // Cadence's own, left from before a restart.
        this.cadenceText = showing.text;
        this.ownStatus = memory.savedStatus ?? null;
      } else if (ours) {
        this.ownStatus = showing.text ? showing : null;
        this.memory.remember({ savedStatus: this.ownStatus });
      } else {
        // The user changed their status since (or Cadence's expired): theirs stays.
        this.memory.remember({ ownStatus: '', savedStatus: null });
      }
    }
    // Cadence leaves the user's own status alone until it has one of its own to show.
    if (!ours && this.cadenceText === null) return;
    const status: SlackStatus = ours
      ? {
          text: desired.statusText,
          emoji: desired.emoji,
          expiration: desired.until ? Math.floor(desired.until / 1000) : 0,
        }
      : (this.ownStatus ?? { text: '', emoji: '', expiration: 0 });
    const key = JSON.stringify(status);
    if (key === this.appliedStatus) return;
    this.profileSets = this.profileSets.filter((at) => at > now - PROFILE_WINDOW_MS && at <= now);
    if (this.profileSets.length >= PROFILE_SETS_PER_MINUTE)
      throw new ProviderError(
        'rateLimited',
        `Slack takes at most ${PROFILE_SETS_PER_MINUTE} status changes a minute`,
        this.profileSets[0]! + PROFILE_WINDOW_MS - now,
        'profile_paced',
      );
    if (ours) this.memory.remember({ ownStatus: status.text });
    this.profileSets.push(now);
    await this.call('users.profile.set', {
      profile: JSON.stringify({
        status_text: status.text,
        status_emoji: status.emoji,
        status_expiration: status.expiration,
      }),
    });
    this.appliedStatus = key;
    this.cadenceText = ours ? status.text : null;
    if (!ours) {
      this.ownStatus = null;
      this.memory.remember({ ownStatus: '', savedStatus: null });
    }
  }

  private async applyDnd(desired: Desired, now: Instant): Promise<void> {
    const until =
      desired.dndUntil !== null && desired.dndUntil > now
        ? Math.ceil(desired.dndUntil / 60_000) * 60_000
        : null;
    if (until !== null) {
      // A snooze shorter than wanted (a weekend off) is renewed before it runs out.
      const renew =
        this.snoozeEnds !== null && this.snoozeEnds < until && now >= this.snoozeEnds - RESNOOZE_AHEAD_MS;
      if (until === this.appliedDnd && !renew) return;
      const wanted = Math.max(1, Math.ceil((until - now) / 60_000));
      for (;;) {
        const minutes = Math.min(wanted, this.snoozeCap);
        try {
          await this.call('dnd.setSnooze', { num_minutes: String(minutes) });
          this.snoozeEnds = now + minutes * 60_000;
          break;
        } catch (error) {
          if (
            !(error instanceof ProviderError && error.code === 'too_long') ||
            minutes <= SNOOZE_FLOOR_MINUTES
          )
            throw error;
          this.snoozeCap = Math.max(SNOOZE_FLOOR_MINUTES, Math.floor(minutes / 2));
        }
      }
    } else if (this.appliedDnd !== undefined) {
      try {
        await this.call('dnd.endSnooze');
      } catch (error) {
        if (!(error instanceof ProviderError && error.code === 'snooze_not_active')) throw error;
      }
      this.snoozeEnds = null;
    }
    this.appliedDnd = until;
  }

  /**
   * Teammates from users.list, 200 a page. It is Tier 2 (https://docs.slack.dev/reference/methods/users.list):
   * a 429 is waited out (Retry-After) and the reading goes on from the cursor with the pages it has; when
   * Slack keeps refusing, the next reading goes on from there.
   */
  async teammates(now: Instant): Promise<Teammate[]> {
    if (this.listing && now - this.listing.startedAt > 60 * 60_000) this.listing = null;
    const listing = (this.listing ??= { people: [], cursor: '', startedAt: now });
    let waits = 0;
    let at = now;
    for (let page = 0; page < 200; page++) {
      let body: Record<string, unknown>;
      try {
        body = await this.call('users.list', {
          limit: '200',
          ...(listing.cursor ? { cursor: listing.cursor } : {}),
        });
      } catch (error) {
        if (!(error instanceof ProviderError && error.kind === 'rateLimited')) throw error;
        if (!this.options.wait || waits >= LIST_WAITS_PER_READ) throw error;
        const ms = error.retryAfterMs ?? 30_000;
        waits++;
        await this.options.wait(ms);
        at += ms;
        page--;
        continue;
      }
      for (const member of (body.members ?? []) as Record<string, unknown>[]) {
        if (member.deleted || member.is_bot || member.id === 'USLACKBOT' || typeof member.tz !== 'string')
          continue;
        const profile = (member.profile ?? {}) as Record<string, unknown>;
        listing.people.push({
          id: `slack:${String(member.id)}`,
          name: String(profile.real_name || member.real_name || member.name || member.id).slice(0, 80),
          timeZone: canonicalZone(member.tz) ?? member.tz,
          // Slack has no working hours: nine to five is assumed, and said to be.
          week: DEFAULT_TEAMMATE_WEEK,
          weekendDays: [...DEFAULT_TEAMMATE_WEEKEND],
          hoursAssumed: true,
          source: 'slack',
        });
      }
      listing.cursor = String(((body.response_metadata ?? {}) as Record<string, unknown>).next_cursor ?? '');
      if (!listing.cursor) break;
    }
    this.listing = null;
    const people = listing.people;
    await this.readDnd(
      people.map((p) => p.id.slice('slack:'.length)),
      at,
    );
    return people.map((person) => {
      const until = this.dndKnown.get(person.id.slice('slack:'.length)) ?? 0;
      return until > at
        ? { ...person, presence: { state: 'dnd' as const, until: new Date(until).toISOString() } }
        : person;
    });
  }

  /**
   * Teammates' Do Not Disturb hours, best effort: a few batches of 50 a reading, going on from where the
   * last one stopped, and none while Slack asked us to wait. A refusal never costs the teammate list.
   * Only the DND schedule counts: "All of the snooze_* properties will only be visible if the user being
   * queried is also the current user" (https://docs.slack.dev/reference/methods/dnd.info), so a
   * teammate's snooze is never claimed.
   */
  private async readDnd(users: string[], now: Instant): Promise<void> {
    if (now < this.dndPausedUntil || !users.length) return;
    if (this.dndCursor >= users.length) this.dndCursor = 0;
    for (let asked = 0; asked < DND_BATCHES_PER_READ && asked * 50 < users.length; asked++) {
      const batch = users.slice(this.dndCursor, this.dndCursor + 50);
      let body: Record<string, unknown>;
      try {
        body = await this.call('dnd.teamInfo', { users: batch.join(',') });
      } catch (error) {
        if (error instanceof ProviderError && error.kind === 'auth') throw error;
        if (error instanceof ProviderError && error.kind === 'rateLimited')
          this.dndPausedUntil = now + (error.retryAfterMs ?? 60_000);
        return;
      }
      for (const user of batch) this.dndKnown.delete(user);
      for (const [user, info] of Object.entries(
        (body.users ?? {}) as Record<string, Record<string, unknown>>,
      )) {
        const start = Number(info.next_dnd_start_ts ?? 0) * 1000;
        const end = Number(info.next_dnd_end_ts ?? 0) * 1000;
        if (info.dnd_enabled === true && start <= now && now < end) this.dndKnown.set(user, end);
      }
      this.dndCursor += 50;
      if (this.dndCursor >= users.length) this.dndCursor = 0;
    }
  }
}
