import type { CalendarEvent } from '../../shared/calendar';
import { DAY, type Instant } from '../../shared/clockTime';
import { type ApiResult, refusal } from '../../shared/contract';
import type { Desired } from '../../shared/desired';
import type { Teammate } from '../../shared/intents';
import {
  type Health,
  type AccountFacts,
  accountWords,
  type IntegrationView,
  type ProviderId,
  PROVIDER_IDS,
  PROVIDER_NAMES,
} from '../../shared/integrationView';
import type { Settings } from '../../shared/settings';
import {
  beginAuthorization,
  type PendingAuthorization,
  refreshTokens,
  SignInRefused,
  TokenEndpointError,
} from '../auth/oauthPkce';
import { missingScopes } from '../auth/grantedScopes';
import { LoopbackPortsBusy } from '../auth/loopbackListener';
import { signInAdvice } from '../auth/signInWords';
import type { ClientSetting, ClientSettings } from '../auth/clientSettings';
import type { Vault } from '../auth/vault';
import type { ProviderConfig } from '../providers/endpoints';
import type { AccountMemory, Provider, TeammateUpdate, TokenSource } from '../providers/provider';
import { ProviderError } from '../providers/providerError';
import { Disposable, Emitter, type IDisposable } from './lifetime';
import type { Clock } from './ports';
import { Reconciler } from './reconciler';

/** Builds the provider for a service: the composition root decides which classes those are. */
export type ProviderFactory = (
  id: ProviderId,
  config: ProviderConfig,
  tokens: TokenSource,
  memory: AccountMemory,
) => Provider;

/** What the integrations read of the core: the state to push, and when it changes. */
export interface IntegrationState {
  /** What every service should show now, and the settings it was derived from. */
  desired(now: Instant): { desired: Desired; settings: Settings };
  /** The teammates the user added, for calendars that tell their busy times. */
  ownTeammates(): readonly Teammate[];
  /** `status` when what to push may have changed; `teammates` when the user's list changed. */
  readonly onDidChange: (listener: (what: 'status' | 'teammates') => void) => IDisposable;
  /** Meetings or teammates were read anew: the core recomputes from them. */
  remoteChanged(): void;
  /** The user's settings as they are, without computing what to push (what a sign-in asks for depends on them). */
  settings?(): Settings;
}

const REMOTE_REFRESH_MS = 30 * 60_000;
/** An access token this close to its expiry is renewed before it is used. */
const RENEW_AHEAD_MS = 5 * 60_000;

interface Connection {
  provider: Provider;
  reconciler: Reconciler;
}

export interface IntegrationsOptions {
  clock: Clock;
  vault: Vault;
  /** Endpoints and, where the organisation set them, client ids; what they leave empty comes from `clients`. */
  configs: Record<ProviderId, ProviderConfig>;
  /** Client ids the user entered in Settings. */
  clients?: ClientSettings;
  createProvider: ProviderFactory;
  coalesceMs?: number;
}

/** The connected services: one reconciler each, their meetings and teammates, and the sign-in flow. */
export class Integrations extends Disposable {
  private readonly connections = new Map<ProviderId, Connection>();
  private readonly pending = new Map<ProviderId, PendingAuthorization>();
  private meetingCache = new Map<ProviderId, CalendarEvent[]>();
  private teammateCache = new Map<ProviderId, Teammate[]>();
  private enrichments = new Map<ProviderId, Map<string, TeammateUpdate>>();
  private state: IntegrationState | null = null;
  private refreshTimer: IDisposable | null = null;
  private readonly changed = this.register(new Emitter<void>());
  readonly onDidChange = this.changed.event;

  constructor(private readonly options: IntegrationsOptions) {
    super();
  }

  /** Starts every service that has a token, following the core's changes from now on. */
  attach(state: IntegrationState): void {
    this.state = state;
    this.register(
      state.onDidChange((what) => {
        if (what === 'status') {
          this.pokeAll();
          this.followGoalPermissions();
        } else if (this.connections.size) void this.refreshRemote();
      }),
    );
    for (const id of PROVIDER_IDS) if (this.options.vault.get(id)) this.open(id);
    void this.refreshRemote();
  }

  private tokenSource(id: ProviderId): TokenSource {
    const { vault } = this.options;
    const source: TokenSource = {
      token: async () => {
        let tokens = vault.get(id);
        if (!tokens) throw new ProviderError('auth', `${PROVIDER_NAMES[id]} is not connected`);
        // Renewed ahead of its expiry (Slack's rotating tokens last 12 hours), so no call meets an
        // expired token in the first place.
        if (
          tokens.refreshToken &&
          tokens.expiresAt !== undefined &&
          tokens.expiresAt - this.options.clock.now() < RENEW_AHEAD_MS
        ) {
          if (!(await source.refresh()))
            throw new ProviderError(
              'auth',
              `${PROVIDER_NAMES[id]} no longer accepts Cadence's sign-in; reconnect ${PROVIDER_NAMES[id]}`,
            );
          tokens = vault.get(id) ?? tokens;
        }
        return tokens.accessToken;
      },
      expiresAt: () => vault.get(id)?.expiresAt ?? null,
      identity: () => vault.get(id)?.identity ?? null,
      granted: () => vault.get(id)?.scopes ?? null,
      // One refresh at a time per service: where refresh tokens rotate, a second refresh with the same
      // token looks like theft and the service revokes the grant. Every waiting call shares the result.
      refresh: () => {
        let running = this.refreshes.get(id);
        if (!running) {
          running = this.refreshOnce(id).finally(() => this.refreshes.delete(id));
          this.refreshes.set(id, running);
        }
        return running;
      },
    };
    return source;
  }

  /** What the provider learned of the account, kept with its tokens. */
  /**
   * What the provider learned of the account, kept with its tokens. Read once from the vault (a file,
   * decrypted in the desktop app) and then from memory: views and providers read it on every push.
   */
  private accountMemory(id: ProviderId): AccountMemory {
    const { vault } = this.options;
    return {
      read: () => this.accountFacts(id),
      remember: (facts) => {
        const tokens = vault.get(id);
        if (!tokens) return;
        const account = { ...this.accountFacts(id), ...facts };
        if (JSON.stringify(account) === JSON.stringify(this.accountFacts(id))) return;
        vault.set(id, { ...tokens, account });
        this.accounts.set(id, account);
        this.changed.fire();
      },
    };
  }

  private accountFacts(id: ProviderId): AccountFacts {
    let facts = this.accounts.get(id);
    if (!facts) this.accounts.set(id, (facts = this.options.vault.get(id)?.account ?? {}));
    return facts;
  }

  /** Account facts as last read or remembered; dropped when the account's tokens are replaced or removed. */
  private readonly accounts = new Map<ProviderId, AccountFacts>();

  private readonly refreshes = new Map<ProviderId, Promise<boolean>>();
  /** Why the last sign-in of a service did not finish, until the next one begins. */
  private readonly signInProblems = new Map<ProviderId, string>();

  /** The service's configuration with the client id (and secret) the organisation or the user gave. */
  private configFor(id: ProviderId): ProviderConfig {
    const config = this.options.configs[id];
    if (config.oauth.clientId) return config;
    const entered = this.options.clients?.get(id);
    if (!entered) return config;
    return {
      ...config,
      oauth: {
        ...config.oauth,
        clientId: entered.clientId,
        ...(entered.clientSecret ? { clientSecret: entered.clientSecret } : {}),
      },
    };
  }

  /** Keeps the client id (and secret) the user entered for a service. */
  configure(id: ProviderId, setting: ClientSetting): ApiResult<IntegrationView> {
    if (this.options.configs[id].oauth.clientId)
      return refusal(
        'conflict',
        `${PROVIDER_NAMES[id]}'s client id is set by your organisation (CADENCE_${id.toUpperCase()}_CLIENT_ID or cadence-organisation.json); it cannot be changed here.`,
      );
    const clients = this.options.clients;
    if (!clients) return refusal('not_available', 'Client ids cannot be saved in this build.');
    try {
      clients.set(id, setting);
    } catch (error) {
      return refusal('storage', `Could not save the client id: ${(error as Error).message}.`);
    }
    this.changed.fire();
    return { ok: true, value: this.view(id) };
  }

  /** False when the grant is gone and the user must reconnect; a passing failure is thrown as transient. */
  private async refreshOnce(id: ProviderId): Promise<boolean> {
    const { vault, clock } = this.options;
    const tokens = vault.get(id);
    if (!tokens?.refreshToken) return false;
    try {
      const oauth = this.configFor(id).oauth;
      const fresh = await refreshTokens(oauth, tokens.refreshToken, clock.now(), tokens.desktopGrant);
      vault.set(id, {
        ...fresh,
        // How the grant was made decides how it renews (Slack: a desktop grant without the secret).
        ...(tokens.desktopGrant ? { desktopGrant: true } : {}),
        ...(tokens.account ? { account: tokens.account } : {}),
        ...(fresh.identity || !tokens.identity ? {} : { identity: tokens.identity }),
        // A refresh that does not say which scopes it granted keeps those of the sign-in (RFC 6749 §5.1).
        ...(fresh.scopes || !tokens.scopes ? {} : { scopes: tokens.scopes }),
      });
      return true;
    } catch (error) {
      if (error instanceof TokenEndpointError && !error.grantRevoked)
        throw new ProviderError(
          'transient',
          `${PROVIDER_NAMES[id]}: ${error.message}; trying again soon`,
          undefined,
          error.code ?? undefined,
        );
      return false;
    }
  }

  private open(id: ProviderId): Connection {
    const provider = this.options.createProvider(
      id,
      this.configFor(id),
      this.tokenSource(id),
      this.accountMemory(id),
    );
    const reconciler = new Reconciler({
      clock: this.options.clock,
      provider,
      current: () => {
        if (!this.state) throw new Error('Integrations pushed before they were attached to the core.');
        return this.state.desired(this.options.clock.now());
      },
      onHealth: () => this.changed.fire(),
      ...(this.options.coalesceMs !== undefined ? { coalesceMs: this.options.coalesceMs } : {}),
    });
    const connection = { provider, reconciler };
    this.connections.set(id, connection);
    reconciler.restart();
    return connection;
  }

  pokeAll(): void {
    for (const { reconciler } of this.connections.values()) reconciler.poke();
  }

  /** Whether the user set a weekly focus goal: only then are its extra permissions asked for. */
  private goalOn(): boolean {
    return (this.state?.settings?.().focusGoal.weeklyHours ?? 0) > 0;
  }

  /** What the focus goal needs of a connected service that its sign-in did not grant. */
  private missingForGoal(id: ProviderId): string[] {
    const needed = this.options.configs[id].goalScopes;
    if (!needed || !this.connections.has(id) || !this.goalOn()) return [];
    return missingScopes(this.options.vault.get(id)?.scopes, needed);
  }

  /** The service's sign-in, asking for the focus goal's scopes too while the goal is on (incremental consent). */
  private signInConfig(id: ProviderId): ProviderConfig {
    const config = this.configFor(id);
    if (!config.goalScopes || !this.goalOn()) return config;
    return {
      ...config,
      oauth: { ...config.oauth, scopes: [...new Set([...config.oauth.scopes, ...config.goalScopes])] },
    };
  }

  private goalPermissions = '[]';

  /** Turning the focus goal on or off changes what the cards ask for: they are told at once. */
  private followGoalPermissions(): void {
    const now = JSON.stringify(PROVIDER_IDS.map((id) => this.missingForGoal(id)));
    if (now === this.goalPermissions) return;
    this.goalPermissions = now;
    this.changed.fire();
  }

  /** Begins a sign-in and returns the address to open in the browser. */
  async connect(id: ProviderId): Promise<ApiResult<{ authorizeUrl: string }>> {
    const config = this.signInConfig(id);
    if (!config.oauth.clientId)
      return refusal(
        'not_configured',
        `${PROVIDER_NAMES[id]} needs the client id of your ${PROVIDER_NAMES[id]} app: enter it in Settings → Integrations (the steps are there and in the README).`,
      );
    const previous = this.pending.get(id);
    this.pending.delete(id);
    previous?.cancel();
    let pending: PendingAuthorization;
    try {
      pending = await beginAuthorization(config.oauth, () => this.options.clock.now());
    } catch (error) {
      // Every redirect port the service accepts is taken: said plainly, with what to do.
      if (error instanceof LoopbackPortsBusy)
        return refusal('not_available', `${PROVIDER_NAMES[id]} cannot sign in now. ${error.message}`);
      throw error;
    }
    this.pending.set(id, pending);
    this.signInProblems.delete(id);
    this.changed.fire();
    pending.result.then(
      (tokens) => {
        this.pending.delete(id);
        this.options.vault.set(id, tokens);
        this.accounts.delete(id);
        const existing = this.connections.get(id);
        if (existing) existing.reconciler.restart();
        else this.open(id);
        void this.refreshRemote();
        this.changed.fire();
      },
      (error: unknown) => {
        // A sign-in replaced by a newer one is not a failure; any other end keeps its reason.
        if (this.pending.get(id) !== pending) return;
        this.pending.delete(id);
        const code =
          error instanceof TokenEndpointError || error instanceof SignInRefused ? error.code : null;
        const detail = (error as Error).message;
        this.signInProblems.set(id, `${signInAdvice(id, code, detail)} (Details: ${detail}.)`);
        this.changed.fire();
      },
    );
    return { ok: true, value: { authorizeUrl: pending.url } };
  }

  disconnect(id: ProviderId): ApiResult<null> {
    const pending = this.pending.get(id);
    this.pending.delete(id);
    pending?.cancel();
    this.signInProblems.delete(id);
    this.connections.get(id)?.reconciler.dispose();
    this.connections.delete(id);
    this.meetingCache.delete(id);
    this.teammateCache.delete(id);
    this.enrichments.delete(id);
    this.options.vault.delete(id);
    this.accounts.delete(id);
    this.changed.fire();
    return { ok: true, value: null };
  }

  private view(id: ProviderId): IntegrationView {
    return {
      id,
      name: PROVIDER_NAMES[id],
      connected: this.connections.has(id),
      configured: Boolean(this.configFor(id).oauth.clientId),
      managed: Boolean(this.options.configs[id].oauth.clientId),
      signIn: this.pending.has(id)
        ? { state: 'pending' }
        : this.signInProblems.has(id)
          ? { state: 'failed', message: this.signInProblems.get(id)! }
          : null,
      health: this.connections.get(id)?.reconciler.health ?? null,
      account: this.connections.has(id) ? accountWords(this.accountFacts(id)) : null,
      ...(this.missingForGoal(id).length
        ? {
            permission: `To put your focus goal’s blocks on your ${id === 'microsoft' ? 'Outlook ' : ''}calendar, Cadence needs your permission to add events there. Nothing is written to your calendar until you allow it; the rest keeps working.`,
          }
        : {}),
    };
  }

  list(): IntegrationView[] {
    return PROVIDER_IDS.map((id) => this.view(id));
  }

  /** One line per connected service whose health needs the user, for `status`. */
  problems(): string[] {
    const vault = this.options.vault.problem ?? null;
    return [...(vault ? [vault] : []), ...this.problemsOfServices()];
  }

  private problemsOfServices(): string[] {
    const views = this.list();
    return [
      ...views
        .filter((view) => view.health && (view.health.state === 'reconnect' || view.health.state === 'error'))
        .map((view) => `${view.name}: ${view.health!.message}`),
      ...views.filter((view) => view.permission).map((view) => `${view.name}: ${view.permission!}`),
    ];
  }

  calendar(): CalendarEvent[] {
    return [...this.meetingCache.values()].flat();
  }

  teammates(): Teammate[] {
    return [...this.teammateCache.values()].flat();
  }

  /** A teammate you added, with what connected calendars say of them (Microsoft's working hours first). */
  enrich(teammate: Teammate): Teammate {
    let result = teammate;
    for (const id of ['google', 'microsoft'] as const) {
      const update = this.enrichments.get(id)?.get(teammate.id);
      if (update) result = { ...result, ...update, presence: update.presence ?? result.presence };
    }
    return result;
  }

  private refreshing: Promise<void> | null = null;
  private lastRead: Instant | null = null;

  /**
   * Reads the calendars again when the last read is older than `maxAgeMs` (someone opened the window: a
   * meeting accepted a moment ago should show, not wait for the half-hourly read).
   */
  refreshIfStale(maxAgeMs: number): void {
    if (!this.connections.size || this.refreshing) return;
    if (this.lastRead !== null && this.options.clock.now() - this.lastRead < maxAgeMs) return;
    void this.refreshRemote();
  }

  /** Reads meetings and teammates from every connected service (on connect, then every half hour). */
  refreshRemote(): Promise<void> {
    const run = this.readRemote().finally(() => {
      if (this.refreshing === run) this.refreshing = null;
    });
    this.refreshing = run;
    return run;
  }

  private async readRemote(): Promise<void> {
    this.refreshTimer?.dispose();
    const now: Instant = this.options.clock.now();
    this.lastRead = now;
    await Promise.all(
      [...this.connections.entries()].map(async ([id, { provider }]) => {
        try {
          if (provider.meetings) this.meetingCache.set(id, await provider.meetings(now - DAY, now + 8 * DAY));
          if (provider.teammates) this.teammateCache.set(id, await provider.teammates(now));
          if (provider.enrich && this.state)
            this.enrichments.set(id, await provider.enrich(this.state.ownTeammates(), now));
        } catch {
          // the reconciler reports this service's health; stale meetings are better than none
        }
      }),
    );
    if (this.connections.size) {
      this.state?.remoteChanged();
      this.changed.fire();
    }
    this.refreshTimer = this.options.clock.setTimer(now + REMOTE_REFRESH_MS, () => void this.refreshRemote());
  }

  /** Resolves when every service has pushed what it had to push. */
  async settled(): Promise<void> {
    await Promise.all([...this.connections.values()].map(({ reconciler }) => reconciler.whenIdle()));
  }

  /** No push scheduled or in flight anywhere. */
  get idle(): boolean {
    return !this.refreshing && [...this.connections.values()].every(({ reconciler }) => reconciler.idle);
  }

  /** A push or a reading is under way right now (not merely scheduled). */
  get busy(): boolean {
    return (
      this.refreshing !== null || [...this.connections.values()].some(({ reconciler }) => reconciler.busy)
    );
  }

  /** When the next push is due, if one is scheduled. */
  get nextPushAt(): Instant | null {
    const times = [...this.connections.values()]
      .map(({ reconciler }) => reconciler.pendingAt)
      .filter((t): t is Instant => t !== null);
    return times.length ? Math.min(...times) : null;
  }

  health(id: ProviderId): Health | null {
    return this.connections.get(id)?.reconciler.health ?? null;
  }

  override dispose(): void {
    this.refreshTimer?.dispose();
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const signIn of pending) signIn.cancel();
    for (const { reconciler } of this.connections.values()) reconciler.dispose();
    this.connections.clear();
    super.dispose();
  }
}
