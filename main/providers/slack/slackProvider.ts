import type { Instant } from '../../../shared/clockTime';
import type { Desired } from '../../../shared/desired';
import { DEFAULT_TEAMMATE_WEEK, DEFAULT_TEAMMATE_WEEKEND, type Teammate } from '../../../shared/intents';
import { httpCall, ProviderError } from '../providerError';
import type { AccountMemory, Provider, TokenSource } from '../provider';

const AUTH_ERRORS = new Set([
  'invalid_auth',
  'token_revoked',
  'not_authed',
  'account_inactive',
  'missing_scope',
]);
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
const TRANSIENT_ERRORS = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

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
  ) {}

  /** Where the last reading of teammates' DND stopped, and until when Slack asked us to wait. */
  private dndCursor = 0;
  private dndPausedUntil = 0;
  /** What dnd.teamInfo said of each teammate, kept between readings: user → in DND hours until. */
  private dndKnown = new Map<string, number>();

  reset(): void {
    this.appliedStatus = null;
    this.appliedDnd = undefined;
    this.appliedAway = null;
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
      if (!(error instanceof ProviderError && error.message.includes('(token_expired)'))) throw error;
      if (!(await this.tokens.refresh()))
        throw new ProviderError('auth', 'Slack refused to renew the sign-in; reconnect Slack');
      return this.callOnce(method, form);
    }
  }

  private async callOnce(method: string, form: Record<string, string>): Promise<Record<string, unknown>> {
    const response = await httpCall(
      {
        timeoutMs: this.timeoutMs,
        url: `${this.apiUrl.replace(/\/$/, '')}/${method}`,
        token: await this.tokens.token(),
        form,
      },
      'Slack',
    );
    const body = (response.body ?? {}) as Record<string, unknown>;
    if (body.ok === true) return body;
    const error = String(body.error ?? `HTTP ${response.status}`);
    if (AUTH_ERRORS.has(error) || error === 'token_expired')
      throw new ProviderError('auth', `Slack refused the token (${error}); reconnect Slack`);
    if (error === 'ratelimited')
      throw new ProviderError('rateLimited', 'Slack asked us to slow down', 30_000);
    if (TRANSIENT_ERRORS.has(error))
      throw new ProviderError('transient', `Slack had a passing problem (${error}); retrying`);
    throw new ProviderError('permanent', `Slack said ${error} to ${method}`);
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

  async apply(desired: Desired, now: Instant): Promise<void> {
    await this.learnAccount();
    await this.applyStatus(desired);
    await this.applyDnd(desired, now);
    if (this.appliedAway !== desired.away) {
      await this.call('users.setPresence', { presence: desired.away ? 'away' : 'auto' });
      this.appliedAway = desired.away;
    }
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
  private async applyStatus(desired: Desired): Promise<void> {
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
    if (ours) this.memory.remember({ ownStatus: status.text });
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
    if (until === this.appliedDnd) return;
    if (until !== null) {
      await this.call('dnd.setSnooze', {
        num_minutes: String(Math.max(1, Math.ceil((until - now) / 60_000))),
      });
    } else if (this.appliedDnd !== undefined) {
      try {
        await this.call('dnd.endSnooze');
      } catch (error) {
        if (!(error instanceof ProviderError && /snooze_not_active/.test(error.message))) throw error;
      }
    }
    this.appliedDnd = until;
  }

  async teammates(now: Instant): Promise<Teammate[]> {
    const people: Teammate[] = [];
    let cursor = '';
    for (let page = 0; page < 200; page++) {
      const body = await this.call('users.list', { limit: '200', ...(cursor ? { cursor } : {}) });
      for (const member of (body.members ?? []) as Record<string, unknown>[]) {
        if (member.deleted || member.is_bot || member.id === 'USLACKBOT' || typeof member.tz !== 'string')
          continue;
        const profile = (member.profile ?? {}) as Record<string, unknown>;
        people.push({
          id: `slack:${String(member.id)}`,
          name: String(profile.real_name || member.real_name || member.name || member.id).slice(0, 80),
          timeZone: member.tz,
          // Slack has no working hours: nine to five is assumed, and said to be.
          week: DEFAULT_TEAMMATE_WEEK,
          weekendDays: [...DEFAULT_TEAMMATE_WEEKEND],
          hoursAssumed: true,
          source: 'slack',
        });
      }
      cursor = String(((body.response_metadata ?? {}) as Record<string, unknown>).next_cursor ?? '');
      if (!cursor) break;
    }
    await this.readDnd(
      people.map((p) => p.id.slice('slack:'.length)),
      now,
    );
    return people.map((person) => {
      const until = this.dndKnown.get(person.id.slice('slack:'.length)) ?? 0;
      return until > now
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
