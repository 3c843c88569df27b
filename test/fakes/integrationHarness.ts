import { browseSignIn } from './signInBrowser';
import fs from 'node:fs';
import { MemoryNotifier } from '../../main/core/desktopNotifier';
import { type CadenceHost, startHost } from '../../main/headless/startHeadless';
import { providerConfigs } from '../../main/providers/endpoints';
import type { ProviderId } from '../../main/providers/provider';
import type { Settings } from '../../shared/settings';
import { FakeClock } from './fakeClock';
import { GoogleFake } from './googleFake';
import { GraphFake } from './graphFake';
import { seedSettings, tempDir } from './serviceHarness';
import { SlackFake } from './slackFake';

export interface IntegrationWorld {
  clock: FakeClock;
  host: CadenceHost;
  slack: SlackFake;
  google: GoogleFake;
  graph: GraphFake;
  dir: string;
  run(name: string, input?: unknown): Promise<{ ok: boolean; value?: unknown; message?: string }>;
  /** Lets pushes happen: moves the fake clock in small steps while real HTTP completes. */
  settle(maxMs?: number): Promise<void>;
  /** Moves time forward like a machine that stays awake, letting pushes happen on the way. */
  advanceTo(at: number): Promise<void>;
  /** Signs in to a service as a person would in the browser (asking too for what `purpose` needs). */
  connect(id: ProviderId, purpose?: 'messages' | 'permission'): Promise<void>;
  /** Ends the host as a quit would and starts a new one on the same folder and fakes. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The real core, local API and integrations on a temporary folder, with fakes of all three services. */
export async function integrationWorld(
  start: number,
  zone: string,
  settings: Partial<Settings> = {},
): Promise<IntegrationWorld> {
  const [slack, google, graph] = await Promise.all([
    new SlackFake().start(),
    new GoogleFake().start(),
    new GraphFake().start(),
  ]);
  const clock = new FakeClock(start, zone);
  slack.now = () => clock.now();
  graph.now = () => clock.now();
  google.now = () => clock.now();
  const dir = tempDir('cadence-int-');
  seedSettings(dir, zone, settings);
  const providers = providerConfigs({
    CADENCE_SLACK_API_URL: slack.apiUrl,
    CADENCE_SLACK_AUTHORIZE_URL: `${slack.server.url}/oauth/v2/authorize`,
    CADENCE_SLACK_TOKEN_URL: `${slack.apiUrl}/oauth.v2.access`,
    CADENCE_SLACK_CLIENT_ID: slack.auth.clientId,
    CADENCE_GOOGLE_API_URL: google.apiUrl,
    CADENCE_GOOGLE_AUTHORIZE_URL: `${google.server.url}/o/oauth2/v2/auth`,
    CADENCE_GOOGLE_TOKEN_URL: `${google.server.url}/token`,
    CADENCE_GOOGLE_CLIENT_ID: google.auth.clientId,
    CADENCE_GOOGLE_CLIENT_SECRET: google.auth.clientSecret ?? '',
    CADENCE_MICROSOFT_API_URL: graph.apiUrl,
    CADENCE_MICROSOFT_AUTHORIZE_URL: `${graph.server.url}/common/oauth2/v2.0/authorize`,
    CADENCE_MICROSOFT_TOKEN_URL: `${graph.server.url}/common/oauth2/v2.0/token`,
    CADENCE_MICROSOFT_CLIENT_ID: graph.auth.clientId,
  });
  // Short enough that a slow fake trips it without slowing the suite down.
  for (const config of Object.values(providers)) config.timeoutMs = 400;
  const launch = () =>
    startHost({ dataDir: dir, clock, notifier: new MemoryNotifier(), providers, coalesceMs: 250 });
  let host = await launch();
  const settle = async (maxMs = 5 * 60_000): Promise<void> => {
    const until = clock.now() + maxMs;
    // Until nothing is scheduled, or (once the time is up) nothing is under way any more.
    for (let i = 0; i < 2000 && (clock.now() < until || host.integrations.busy); i++) {
      await pause(2);
      if (host.integrations.idle) {
        await pause(5);
        if (host.integrations.idle) return;
      }
      const next = host.integrations.nextPushAt;
      if (next !== null && clock.now() < until) clock.advanceTo(Math.max(clock.now(), Math.min(next, until)));
    }
  };
  const world: IntegrationWorld = {
    clock,
    get host() {
      return host;
    },
    slack,
    google,
    graph,
    dir,
    run: async (name, input = {}) => {
      const result = await host.service.handleCommand(name, input);
      await settle();
      return result as { ok: boolean; value?: unknown; message?: string };
    },
    settle,
    advanceTo: async (at) => {
      while (clock.now() < at) {
        const next = Math.min(at, host.service.nextDeadline ?? at, host.integrations.nextPushAt ?? at);
        clock.advanceTo(Math.max(next, clock.now() + 1));
        await settle(at - clock.now());
      }
    },
    connect: async (id, purpose) => {
      const outcome = await host.service.command('integration.connect', {
        provider: id,
        ...(purpose ? { for: purpose } : {}),
      });
      if (!outcome.ok) throw new Error(outcome.message);
      const page = await browseSignIn(outcome.value.startUrl);
      if (!page.ok) throw new Error(`sign-in failed: ${await page.text()}`);
      for (let i = 0; i < 100 && !host.integrations.list().find((v) => v.id === id)?.connected; i++)
        await pause(5);
      await settle();
    },
    restart: async () => {
      host.dispose();
      host = await launch();
      await settle();
    },
    stop: async () => {
      host.dispose();
      await Promise.all([slack.server.stop(), google.server.stop(), graph.server.stop()]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return world;
}
