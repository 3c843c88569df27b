import type { CalendarEvent } from '../../shared/calendar';
import type { Instant } from '../../shared/clockTime';
import type { ApiResult } from '../../shared/contract';
import type { Desired } from '../../shared/desired';
import type { Teammate } from '../../shared/intents';
import {
  accountWords,
  type Health,
  type IntegrationView,
  type ProviderId,
  PROVIDER_IDS,
  PROVIDER_NAMES,
} from '../../shared/integrationView';
import type { Settings } from '../../shared/settings';
import type { ClientSetting, ClientSettings } from '../auth/clientSettings';
import type { Vault } from '../auth/vault';
import type { ProviderConfig } from '../providers/endpoints';
import type { AccountMemory, Provider, TokenSet, TokenSource } from '../providers/provider';
import { Disposable, Emitter, type IDisposable } from '../base/lifetime';
import { AccountBook } from './accountBook';
import { ClientConfigs } from './clientConfigs';
import { FeaturePermissions, type SignInPurpose } from './featurePermissions';
import type { Messenger } from './messageSending';
import { problemLines } from './integrationWords';
import type { Clock } from './ports';
import { Reconciler } from './reconciler';
import { RemoteReads } from './remoteReads';
import { ServiceTokens } from './serviceTokens';
import { SignIns } from './signIns';

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

/**
 * The connected services: one provider and reconciler each, composed from the parts that sign in
 * (`SignIns`), keep tokens (`ServiceTokens`), remember accounts (`AccountBook`) and read calendars and
 * teammates (`RemoteReads`).
 */
export class Integrations extends Disposable {
  private readonly connections = new Map<ProviderId, Connection>();
  private state: IntegrationState | null = null;
  private readonly changed = this.register(new Emitter<void>());
  readonly onDidChange = this.changed.event;
  private readonly configs: ClientConfigs;
  private readonly accounts: AccountBook;
  private readonly tokens: ServiceTokens;
  private readonly goal: FeaturePermissions;
  private readonly signIns: SignIns;
  private readonly remote: RemoteReads;

  constructor(private readonly options: IntegrationsOptions) {
    super();
    const { clock, vault } = options;
    const fire = () => this.changed.fire();
    this.configs = new ClientConfigs(options.configs, options.clients);
    this.accounts = new AccountBook(vault, fire);
    this.tokens = new ServiceTokens(vault, clock, (id) => this.configs.of(id));
    this.goal = new FeaturePermissions(
      this.configs,
      vault,
      (id) => this.connections.has(id),
      () => this.state?.settings?.(),
    );
    this.signIns = new SignIns({
      clock,
      config: (id) => this.goal.signInConfig(id),
      onSignedIn: (id, tokens) => this.signedIn(id, tokens),
      onChange: fire,
    });
    this.remote = new RemoteReads({
      clock,
      providers: () => new Map([...this.connections].map(([id, { provider }]) => [id, provider])),
      ownTeammates: () => this.state?.ownTeammates() ?? [],
      onRead: () => {
        this.state?.remoteChanged();
        fire();
      },
    });
  }

  /** Starts every service that has a token, following the core's changes from now on. */
  attach(state: IntegrationState): void {
    this.state = state;
    this.register(
      state.onDidChange((what) => {
        if (what === 'status') {
          this.pokeAll();
          if (this.goal.changed()) this.changed.fire();
        } else if (this.connections.size) void this.refreshRemote();
      }),
    );
    for (const id of PROVIDER_IDS) if (this.options.vault.get(id)) this.open(id);
    void this.refreshRemote();
  }

  /** Keeps the client id (and secret) the user entered for a service. */
  configure(id: ProviderId, setting: ClientSetting): ApiResult<IntegrationView> {
    const another = this.configs.replaces(id, setting.clientId);
    const saved = this.configs.save(id, setting);
    if (!saved.ok) return saved;
    // A sign-in belongs to the app it was made with: another app's id cannot renew it, so it is ended,
    // and so is one still open in the browser (it would come back with the old app's tokens).
    if (another) this.disconnect(id);
    this.changed.fire();
    return { ok: true, value: this.view(id) };
  }

  /** Forgets the client id the user entered for a service, and the sign-in made with it. */
  unconfigure(id: ProviderId): ApiResult<IntegrationView> {
    const removed = this.configs.remove(id);
    if (!removed.ok) return removed;
    this.disconnect(id);
    return { ok: true, value: this.view(id) };
  }

  private open(id: ProviderId): Connection {
    const provider = this.options.createProvider(
      id,
      this.configs.of(id),
      this.tokens.source(id),
      this.accounts.memory(id),
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

  private signedIn(id: ProviderId, tokens: TokenSet): void {
    // A new sign-in of the same account keeps what Cadence learned of it (the user's own status it
    // covered, the event types the calendar refused); another account's starts afresh.
    const previous = this.options.vault.get(id);
    const kept = previous?.accountKey === tokens.accountKey ? previous?.account : undefined;
    this.options.vault.set(id, kept ? { ...tokens, account: kept } : tokens);
    this.accounts.forget(id);
    const existing = this.connections.get(id);
    if (existing) existing.reconciler.restart();
    else this.open(id);
    void this.refreshRemote();
    this.changed.fire();
  }

  pokeAll(): void {
    for (const { reconciler } of this.connections.values()) reconciler.poke();
  }

  /** Begins a sign-in (asking too for what `purpose` needs) and returns the address to open in the browser. */
  connect(id: ProviderId, purpose?: SignInPurpose) {
    if (purpose) this.goal.want(id, purpose);
    // Its scopes are settled as it begins: asking for what features lack is this sign-in's alone.
    return this.signIns.begin(id).finally(() => this.goal.done(id));
  }

  /** What sending messages through a service needs (#25): its provider, and the permissions not granted. */
  messenger(id: ProviderId): Messenger {
    const provider = this.connections.get(id)?.provider ?? null;
    const self = this.options.vault.get(id)?.accountKey?.split('/')[1] ?? null;
    const [missing, recordMissing] = [this.goal.missingForMessages(id), this.goal.missingForRecord(id)];
    return { provider, missing, recordMissing, now: this.options.clock.now(), self };
  }

  disconnect(id: ProviderId): ApiResult<null> {
    this.signIns.cancel(id);
    this.connections.get(id)?.reconciler.dispose();
    this.connections.delete(id);
    this.remote.forget(id);
    this.options.vault.delete(id);
    this.accounts.forget(id);
    this.changed.fire();
    return { ok: true, value: null };
  }

  private view(id: ProviderId): IntegrationView {
    const connected = this.connections.has(id);
    return {
      id,
      name: PROVIDER_NAMES[id],
      connected,
      configured: this.configs.configured(id),
      managed: this.configs.managed(id),
      client: this.configs.client(id),
      signIn: this.signIns.view(id),
      health: this.health(id),
      account: connected ? accountWords(this.accounts.read(id)) : null,
      ...this.goal.permissionWords(id),
    };
  }

  list(): IntegrationView[] {
    return PROVIDER_IDS.map((id) => this.view(id));
  }

  /** One line per connected service whose health needs the user, for `status`. */
  problems(): string[] {
    const vault = this.options.vault.problem ?? null;
    const clients = this.options.clients?.problems?.() ?? [];
    return [...(vault ? [vault] : []), ...clients, ...problemLines(this.list())];
  }

  calendar(): CalendarEvent[] {
    return this.remote.calendar();
  }

  teammates(): Teammate[] {
    return this.remote.teammates();
  }

  enrich(teammate: Teammate): Teammate {
    return this.remote.enrich(teammate);
  }

  refreshIfStale(maxAgeMs: number): void {
    this.remote.refreshIfStale(maxAgeMs);
  }

  refreshRemote(): Promise<void> {
    return this.remote.refresh();
  }

  /** Resolves when every service has pushed what it had to push. */
  async settled(): Promise<void> {
    await Promise.all([...this.connections.values()].map(({ reconciler }) => reconciler.whenIdle()));
  }

  /** No push scheduled or in flight anywhere. */
  get idle(): boolean {
    return !this.remote.reading && [...this.connections.values()].every(({ reconciler }) => reconciler.idle);
  }

  /** A push or a reading is under way right now (not merely scheduled). */
  get busy(): boolean {
    return this.remote.reading || [...this.connections.values()].some(({ reconciler }) => reconciler.busy);
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
    this.remote.dispose();
    this.signIns.dispose();
    for (const { reconciler } of this.connections.values()) reconciler.dispose();
    this.connections.clear();
    super.dispose();
  }
}
