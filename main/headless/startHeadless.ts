import fs from 'node:fs';
import path from 'node:path';
import { withFirstDay } from '../../shared/firstDay';
import { emptyIntents, type Intents, salvageIntents } from '../../shared/intents';
import { loadSettings, type Settings } from '../../shared/settings';
import { ClientSettingsFile } from '../auth/clientSettings';
import { type Cipher, FileVault } from '../auth/vault';
import { CadenceService } from '../core/cadenceService';
import { FileLog } from '../core/fileLog';
import { isKnownHolidayCountry, publicHolidays } from '../core/holidayCalendar';
import { integrationStateOf } from '../core/integrationState';
import { Integrations } from '../core/integrations';
import { logLine } from '../core/integrationWords';
import { DisposableStore, type IDisposable, setUnexpectedErrorHandler } from '../base/lifetime';
import { createProvider } from '../providers/createProvider';
import {
  microsoftKind,
  organisationFile,
  type ProviderConfig,
  providerConfigs,
  readOrganisation,
} from '../providers/endpoints';
import type { ProviderId } from '../providers/provider';
import { openConf } from '../core/confBackend';
import { NodeNotifier, MemoryNotifier } from '../core/desktopNotifier';
import { DocumentStore, type Parsed } from '../core/documentStore';
import type { ActivityProbe, Clock, DocumentBackend, Notifier } from '../core/ports';
import { learnRuntimeZone, SystemClock } from '../core/systemClock';
import { openTeamFollower } from '../core/teamStore';
import { setGoalTeam } from '../../shared/focusGoal';
import {
  apiToken,
  readApiToken,
  readConnection,
  removeConnection,
  writeConnection,
} from '../server/connectionFile';
import { provesToken } from '../server/healthProof';
import { FolderLockedError, LOCK_FILE, lockDataFolder } from './folderLock';
import { removeLeftoverTemporaries } from './leftovers';
import { probeLinuxActivity } from './linuxActivity';
import { LocalApi } from '../server/localApi';
import type { ContactRecorder } from '../core/contactRecorder';
import { openContactRecorder } from '../core/contactStore';
import type { Teammate } from '../../shared/intents';
import { teammatesOf } from '../core/queries';

/** Another Cadence holds the data folder; the message says where it is. */
export class AlreadyRunningError extends Error {}

/** A running Cadence: the core, its integrations and its local API, disposed together (last first). */
export interface CadenceHost extends IDisposable {
  service: CadenceService;
  integrations: Integrations;
  /** The record of contacts outside hours (#25). */
  contacts: ContactRecorder;
  api: LocalApi;
  url: string;
  /** The address that opens the window, token included (in the fragment, never sent to a server). */
  windowUrl: string;
}

export interface HostOptions {
  dataDir: string;
  port?: number;
  preferredPort?: number;
  clock?: Clock;
  notifier?: Notifier;
  /** How the host sees activity at the machine; by default what this Linux session offers. */
  activity?: ActivityProbe;
  rendererDir?: string | null;
  allowedOrigins?: readonly string[];
  /** How a document is kept: conf in headless mode, electron-store in Electron. */
  openBackend?: (directory: string, name: string) => DocumentBackend;
  /** Encrypts the token vault (Electron's safeStorage); headless mode keeps a 0600 file. */
  cipher?: Cipher | null;
  /** Provider endpoints; by default the public ones, overridden by CADENCE_* environment variables. */
  providers?: Record<ProviderId, ProviderConfig>;
  coalesceMs?: number;
}

export function parseIntents(raw: unknown): Parsed<Intents> {
  if (raw === undefined) return { value: emptyIntents(), problems: [] };
  const { intents, problems, details } = salvageIntents(raw);
  return details ? { value: intents, problems, details } : { value: intents, problems };
}

export function parseSettingsFor(systemZone: string): (raw: unknown) => Parsed<Settings> {
  return (raw) => {
    const loaded = loadSettings(raw ?? {}, systemZone);
    // A file from before the week's first day was a setting keeps the one it was given now, for good.
    const changed = typeof raw === 'object' && raw !== null && !('weekStart' in raw);
    return {
      value: loaded.settings,
      ...(changed ? { changed } : {}),
      problems:
        raw === undefined
          ? []
          : loaded.problems.map((problem) => `${problem.path || 'file'}: ${problem.message}`),
    };
  };
}

/** Headless mode's activity source: on Linux what the session offers; elsewhere, in words, none. */
export async function defaultActivity(): Promise<ActivityProbe> {
  if (process.platform === 'linux') return probeLinuxActivity(process.env);
  return {
    source: null,
    reason: `headless mode reads idle time on Linux only (this is ${process.platform})`,
  };
}

export function defaultNotifier(): Notifier {
  return process.env.CADENCE_NOTIFIER === 'memory' ? new MemoryNotifier() : new NodeNotifier();
}

/** The two documents of a data folder, validated at the boundary. */
export function openDocuments(
  dataDir: string,
  clock: Clock,
  open: (directory: string, name: string) => DocumentBackend = openConf,
): { settings: DocumentStore<Settings>; intents: DocumentStore<Intents> } {
  const now = () => clock.now();
  const settings = new DocumentStore<Settings>({
    file: path.join(dataDir, 'settings.json'),
    label: 'settings',
    parse: parseSettingsFor(clock.timeZone()),
    open: () => open(dataDir, 'settings'),
    now,
  });
  const intents = new DocumentStore<Intents>({
    file: path.join(dataDir, 'intents.json'),
    label: 'saved activity',
    parse: (raw) => {
      const parsed = parseIntents(raw);
      // The day Cadence first ran, kept from the first start on: the review knows the days before it not.
      const value = withFirstDay(parsed.value, clock.now(), settings.value.workTimeZone);
      return value === parsed.value ? parsed : { ...parsed, value, changed: true };
    },
    open: () => open(dataDir, 'intents'),
    now,
  });
  return { settings, intents };
}

/** Opens the data folder, starts the core and the local API: the composition root of headless mode. */
export async function startHost(options: HostOptions): Promise<CadenceHost> {
  const { dataDir } = options;
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  refuseFoldersInPlaceOfFiles(dataDir);
  const store = new DisposableStore();
  try {
    store.add(await lockDataFolder(dataDir));
  } catch (error) {
    if (error instanceof FolderLockedError) throw new AlreadyRunningError(await whoHolds(dataDir));
    throw error;
  }
  try {
    return await startLocked(options, store, removeLeftoverTemporaries(dataDir));
  } catch (error) {
    store.dispose();
    throw error;
  }
}

/** Says where the Cadence that holds a folder is, once it has proved it holds this folder's token. */
async function whoHolds(dataDir: string): Promise<string> {
  const connection = readConnection(dataDir);
  const token = readApiToken(dataDir);
  if (connection && token && isAlive(connection.pid) && (await provesToken(connection.port, token)))
    return `Cadence is already running for ${dataDir} at ${connection.url} (process ${connection.pid}).${
      connection.servesWindow
        ? `\nIts window: ${connection.url}/#token=${token}\n(or run "cadence open" to open it in your browser)`
        : ''
    }`;
  return `Cadence is already running for ${dataDir}: another process holds ${path.join(dataDir, LOCK_FILE)} and is still starting.`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const DATA_FILES = [
  'settings.json',
  'intents.json',
  'integrations.json',
  'api-token',
  'service.json',
  'tokens.json',
  'tokens.bin',
  'cadence.log',
  'team.json',
];

function refuseFoldersInPlaceOfFiles(dataDir: string): void {
  for (const name of [...DATA_FILES, LOCK_FILE]) {
    const file = path.join(dataDir, name);
    if (fs.statSync(file, { throwIfNoEntry: false })?.isDirectory())
      throw new Error(
        `${file} is a folder, but Cadence keeps a file there. Move it away, then start Cadence again.`,
      );
  }
}

async function startLocked(
  options: HostOptions,
  store: DisposableStore,
  leftovers: readonly string[],
): Promise<CadenceHost> {
  const { dataDir } = options;
  // Before the first date is worked out: the computer's zone is then read without Intl (about 8 MB less).
  learnRuntimeZone();
  const clock = options.clock ?? new SystemClock();
  const open = options.openBackend ?? openConf;
  const { settings, intents } = openDocuments(dataDir, clock, open);
  const log = new FileLog(dataDir, () => clock.now());
  const { token, warning: tokenWarning } = apiToken(dataDir);
  const vault = new FileVault(dataDir, options.cipher ?? null);
  const organisation = options.providers ? null : readOrganisation(organisationFile(dataDir));
  const startupProblems = [
    tokenWarning,
    vault.permissionWarning,
    vault.alert,
    organisation?.problem ?? null,
  ].filter((p): p is string => p !== null);
  store.add(
    setUnexpectedErrorHandler((error) =>
      log.error(`unexpected: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
    ),
  );
  const activity = options.activity ?? (await defaultActivity());
  store.add({ dispose: () => activity.source?.dispose?.() });
  log.info(
    activity.source ? `activity: ${activity.source.description}` : `no activity source: ${activity.reason}`,
  );
  const notifier = options.notifier ?? defaultNotifier();
  // Before the service, so that it is disposed after it: the service listens to it.
  const team = store.add(openTeamFollower(dataDir, clock, open, () => settings.value.team.address, notifier));
  // The focus goal plans around the team's core hours and onto its meeting-free day (issue #24).
  setGoalTeam(team.follower.view().team);
  store.add({ dispose: () => setGoalTeam(null) });
  store.add(team.follower.onDidChange((view) => setGoalTeam(view.team)));
  // The record of contacts outside hours (#25): reads only while on and allowed; the service and the
  // integrations it reads through are given to it once they exist.
  let slackAccess: (() => ReturnType<Integrations['messenger']>) | null = null;
  let calendarAccess: (() => ReturnType<Integrations['messenger']>['provider']) | null = null;
  let outlookAccess: (() => ReturnType<Integrations['messenger']>) | null = null;
  let people: () => readonly Teammate[] = () => [];
  const record = openContactRecorder(dataDir, clock, open, {
    settings: () => service.settings,
    intents: () => service.intents,
    slack: () => {
      const access = slackAccess?.();
      return access ? { provider: access.provider, missing: access.recordMissing, self: access.self } : null;
    },
    google: () => calendarAccess?.() ?? null,
    microsoft: () => {
      const access = outlookAccess?.();
      // A personal account: its Teams chats cannot be read.
      const personal = microsoftKind(vault.get('microsoft')) === 'personal';
      return access ? { provider: access.provider, missing: access.recordMissing, personal } : null;
    },
    people: () => people(),
  });
  store.add(record.recorder);
  const service = store.add(
    new CadenceService({
      clock,
      settings,
      intents,
      notifier,
      team: team.follower,
      contacts: record.recorder,
      activity,
      holidays: publicHolidays,
      knowsHolidays: isKnownHolidayCountry,
      startupProblems: [...startupProblems, ...team.problems, ...record.problems],
    }),
  );
  store.add(service.onEvent((event) => event.name === 'settings.changed' && team.follower.settingsChanged()));
  // A changed team file moves the goal's blocks: the calendars holding them follow at once.
  store.add(team.follower.onDidChange(() => service.resync()));
  const integrations = store.add(
    new Integrations({
      clock,
      vault,
      configs: options.providers ?? providerConfigs(process.env, organisation?.settings),
      clients: new ClientSettingsFile(dataDir),
      // Slack's readings wait out a Retry-After on the app's clock.
      createProvider: (id, config, tokens, memory) =>
        createProvider(id, config, tokens, memory, {
          wait: (ms) => new Promise((resolve) => clock.setTimer(clock.now() + ms, () => resolve())),
        }),
      ...(options.coalesceMs !== undefined ? { coalesceMs: options.coalesceMs } : {}),
    }),
  );
  service.attachIntegrations(integrations);
  slackAccess = () => integrations.messenger('slack');
  calendarAccess = () => integrations.messenger('google').provider;
  outlookAccess = () => integrations.messenger('microsoft');
  people = () => teammatesOf(service);
  // Turned on, or allowed in Slack: the record reads at once rather than at its next turn.
  let recordReady = '';
  const recordNow = () => {
    const google = integrations.messenger('google').provider !== null;
    const outlook = integrations.messenger('microsoft');
    const ready = [
      service.settings.contactRecord,
      integrations.messenger('slack').recordMissing.length,
      google,
      outlook.provider !== null && outlook.recordMissing.length === 0,
    ].join(':');
    // Turned off too: the record notes when, so what comes while it is off is never read.
    if (ready !== recordReady) void record.recorder.read();
    recordReady = ready;
  };
  store.add(service.onEvent((event) => event.name === 'settings.changed' && recordNow()));
  store.add(integrations.onDidChange(recordNow));
  const lastHealth = new Map<string, string>();
  store.add(
    integrations.onDidChange(() => {
      for (const view of integrations.list()) {
        const state = logLine(view);
        if (lastHealth.get(view.id) !== state) log.info(`${view.name} ${state}`);
        lastHealth.set(view.id, state);
      }
    }),
  );
  const api = store.add(
    new LocalApi({
      service,
      token,
      ...(options.port !== undefined ? { port: options.port } : {}),
      ...(options.preferredPort !== undefined ? { preferredPort: options.preferredPort } : {}),
      rendererDir: options.rendererDir ?? null,
      ...(options.allowedOrigins ? { allowedOrigins: options.allowedOrigins } : {}),
    }),
  );
  const port = await api.listen();
  service.start();
  team.follower.start();
  integrations.attach(integrationStateOf(service));
  record.recorder.start();
  log.info(`started (pid ${process.pid}, port ${port})`);
  if (leftovers.length)
    log.info(
      `removed temporary files an earlier Cadence left when it stopped mid-write: ${leftovers.join(', ')}`,
    );
  for (const problem of service.problems()) log.warn(problem);
  writeConnection(dataDir, {
    port,
    token,
    pid: process.pid,
    url: api.url,
    servesWindow: Boolean(options.rendererDir),
  });
  return {
    service,
    integrations,
    contacts: record.recorder,
    api,
    url: api.url,
    windowUrl: `${api.url}/#token=${token}`,
    dispose: () => {
      removeConnection(dataDir, process.pid);
      store.dispose();
    },
  };
}
