import type { Instant } from '../../../shared/clockTime';
import type { Desired } from '../../../shared/desired';
import { DEFAULT_TEAMMATE_WEEK, DEFAULT_TEAMMATE_WEEKEND, type Teammate } from '../../../shared/intents';
import { httpCall, ProviderError } from '../providerError';
import type { Provider, TokenSource } from '../provider';

const AUTH_ERRORS = new Set([
  'invalid_auth',
  'token_revoked',
  'not_authed',
  'account_inactive',
  'token_expired',
  'missing_scope',
]);

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
    /** How long one call may take before it counts as a network failure. */
    private readonly timeoutMs = 10_000,
  ) {}

  reset(): void {
    this.appliedStatus = null;
    this.appliedDnd = undefined;
    this.appliedAway = null;
  }

  private async call(method: string, form: Record<string, string> = {}): Promise<Record<string, unknown>> {
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
    if (AUTH_ERRORS.has(error))
      throw new ProviderError('auth', `Slack refused the token (${error}); reconnect Slack`);
    if (error === 'ratelimited')
      throw new ProviderError('rateLimited', 'Slack asked us to slow down', 30_000);
    if (TRANSIENT_ERRORS.has(error))
      throw new ProviderError('transient', `Slack had a passing problem (${error}); retrying`);
    throw new ProviderError('permanent', `Slack said ${error} to ${method}`);
  }

  async apply(desired: Desired, now: Instant): Promise<void> {
    await this.applyStatus(desired);
    await this.applyDnd(desired, now);
    if (this.appliedAway !== desired.away) {
      await this.call('users.setPresence', { presence: desired.away ? 'away' : 'auto' });
      this.appliedAway = desired.away;
    }
  }

  private async applyStatus(desired: Desired): Promise<void> {
    const ours = desired.statusText !== '';
    // Cadence leaves the user's own status alone until it has one of its own to show.
    if (!ours && this.cadenceText === null) return;
    if (ours && this.cadenceText === null) {
      const current = await this.call('users.profile.get');
      const profile = (current.profile ?? {}) as Record<string, unknown>;
      const text = String(profile.status_text ?? '');
      if (text)
        this.ownStatus = {
          text,
          emoji: String(profile.status_emoji ?? ''),
          expiration: Number(profile.status_expiration ?? 0),
        };
    }
    const status: SlackStatus = ours
      ? {
          text: desired.statusText,
          emoji: desired.emoji,
          expiration: desired.until ? Math.floor(desired.until / 1000) : 0,
        }
      : (this.ownStatus ?? { text: '', emoji: '', expiration: 0 });
    const key = JSON.stringify(status);
    if (key === this.appliedStatus) return;
    await this.call('users.profile.set', {
      profile: JSON.stringify({
        status_text: status.text,
        status_emoji: status.emoji,
        status_expiration: status.expiration,
      }),
    });
    this.appliedStatus = key;
    this.cadenceText = ours ? status.text : null;
    if (!ours) this.ownStatus = null;
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
          week: DEFAULT_TEAMMATE_WEEK,
          weekendDays: [...DEFAULT_TEAMMATE_WEEKEND],
          source: 'slack',
        });
      }
      cursor = String(((body.response_metadata ?? {}) as Record<string, unknown>).next_cursor ?? '');
      if (!cursor) break;
    }
    const inDnd = new Set<string>();
    for (let i = 0; i < people.length; i += 50) {
      const batch = people.slice(i, i + 50).map((p) => p.id.slice('slack:'.length));
      const body = await this.call('dnd.teamInfo', { users: batch.join(',') });
      for (const [user, info] of Object.entries(
        (body.users ?? {}) as Record<string, Record<string, unknown>>,
      )) {
        const start = Number(info.next_dnd_start_ts ?? 0) * 1000;
        const end = Number(info.next_dnd_end_ts ?? 0) * 1000;
        if (info.snooze_enabled || (info.dnd_enabled && start <= now && now < end)) inDnd.add(user);
      }
    }
    return people.map((person) =>
      inDnd.has(person.id.slice('slack:'.length))
        ? { ...person, presence: { state: 'dnd' as const } }
        : person,
    );
  }
}
