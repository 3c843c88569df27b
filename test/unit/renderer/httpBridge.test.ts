import { afterEach, describe, expect, it, vi } from 'vitest';
import WsSocket from 'ws';
import { BEHIND_CLOSE_CODE, LocalApi } from '../../../main/server/localApi';
import { createHttpBridge } from '../../../renderer/src/bridge/httpBridge';
import { cadenceStore, connect, initialState } from '../../../renderer/src/store/store';
import { FakeClock } from '../../fakes/fakeClock';
import { type Harness, seedSettings, startService, tempDir } from '../../fakes/serviceHarness';
import { at } from '../shared/domainFixtures';

const ZONE = 'Europe/Berlin';
const TOKEN = 'bridge-token-0123456789';

/** The window's WebSocket, played by ws's client (same attributes), each one kept to be paused. */
class RecordingSocket extends WsSocket {
  static readonly made: RecordingSocket[] = [];
  readonly closeCodes: number[] = [];
  constructor(url: string) {
    super(url);
    RecordingSocket.made.push(this);
    this.on('close', (code) => this.closeCodes.push(code));
    // A browser's socket reports a refused connection as an event, never as a thrown error.
    this.on('error', () => undefined);
  }
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
  RecordingSocket.made.length = 0;
  vi.unstubAllGlobals();
});

async function until(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the window’s bridge, dropped for falling behind', () => {
  it('reconnects and loads the state it missed', async () => {
    const dir = tempDir();
    seedSettings(dir, ZONE);
    const harness: Harness = startService(dir, new FakeClock(at('2026-11-25T10:00', ZONE), ZONE));
    cleanups.push(() => harness.service.dispose());
    const api = new LocalApi({ service: harness.service, token: TOKEN });
    cleanups.push(() => api.dispose());
    await api.listen();
    vi.stubGlobal('WebSocket', RecordingSocket);
    cadenceStore.setState(initialState, true);
    const bridge = createHttpBridge(api.url, TOKEN);
    cleanups.push(() => bridge.dispose());
    const states: string[] = [];
    cleanups.push(bridge.onConnection((state) => states.push(state)));
    cleanups.push(connect(bridge));
    await until(() => cadenceStore.getState().connection === 'open', 'the first connection');

    const first = RecordingSocket.made[0]!;
    first.pause();
    for (let key = 0; key < 4; key++) harness.service.reportHostProblem(`steady${key}`, 'y'.repeat(950));
    for (let i = 0; i < 4_000; i++) {
      harness.service.reportHostProblem('busy', `problem ${i} ${'x'.repeat(900)}`);
      if (i % 25 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    harness.service.reportHostProblem('busy', 'the last word');
    first.resume();

    await until(() => first.closeCodes.length > 0, 'the drop');
    expect(first.closeCodes).toEqual([BEHIND_CLOSE_CODE]);
    await until(
      () => RecordingSocket.made.length > 1 && cadenceStore.getState().connection === 'open',
      'a reconnection',
    );
    await until(
      () => (cadenceStore.getState().status?.problems ?? []).includes('the last word'),
      'the state reloaded',
    );
    expect(states.slice(-2)).toEqual(['lost', 'open']);
  });
});

/** A service behind the local API, and the window's bridge to it, with the window's store connected. */
async function connectedWindow(wakeups: Parameters<typeof createHttpBridge>[2] = null) {
  const dir = tempDir();
  seedSettings(dir, ZONE);
  const harness: Harness = startService(dir, new FakeClock(at('2026-11-25T10:00', ZONE), ZONE));
  cleanups.push(() => harness.service.dispose());
  const apis: LocalApi[] = [new LocalApi({ service: harness.service, token: TOKEN })];
  cleanups.push(() => apis.forEach((api) => api.dispose()));
  await apis[0]!.listen();
  const port = Number(new URL(apis[0]!.url).port);
  vi.stubGlobal('WebSocket', RecordingSocket);
  cadenceStore.setState(initialState, true);
  const bridge = createHttpBridge(apis[0]!.url, TOKEN, wakeups);
  cleanups.push(() => bridge.dispose());
  cleanups.push(connect(bridge));
  await until(() => cadenceStore.getState().connection === 'open', 'the first connection');
  return {
    harness,
    bridge,
    /** Stops the local API, as when Cadence quits. */
    stop: () => apis.at(-1)!.dispose(),
    /** A Cadence answering on the same port again (a new instance, as after a restart). */
    restart: async () => {
      const api = new LocalApi({ service: harness.service, token: TOKEN, port });
      apis.push(api);
      await api.listen();
    },
  };
}

/** The browser's fetch, except that the answer to the first command on `path` is lost after it ran. */
function loseFirstAnswer(path: string, meanwhile: () => unknown = () => undefined): { asked: number } {
  const real = globalThis.fetch;
  const seen = { asked: 0 };
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    if (!url.endsWith(path)) return real(url, init);
    seen.asked += 1;
    const response = await real(url, init);
    if (seen.asked > 1) return response;
    await meanwhile();
    throw new TypeError('Failed to fetch');
  });
  return seen;
}

describe('the window’s bridge, when an answer is lost', () => {
  it('asks again once Cadence is back and gets what was done, done once, the window connected', async () => {
    const { harness, bridge } = await connectedWindow();
    const seen = loseFirstAnswer('/api/command/teammates.add');
    const added = await bridge.command('teammates.add', { name: 'Ana', timeZone: 'Europe/Lisbon' });
    expect(added).toMatchObject({ ok: true, value: { name: 'Ana' } });
    expect(seen.asked).toBe(2);
    expect(harness.service.teammates().map((t) => t.name)).toEqual(['Ana']);
    // The window does not stay "Not connected" while Cadence answers.
    await until(() => cadenceStore.getState().connection === 'open', 'the connection back');
  });

  it('says the outcome is not known when Cadence restarted in between, and does nothing twice', async () => {
    const cadence = await connectedWindow();
    loseFirstAnswer('/api/command/teammates.add', async () => {
      cadence.stop();
      await cadence.restart();
    });
    const added = await cadence.bridge.command('teammates.add', { name: 'Ana', timeZone: 'Europe/Lisbon' });
    expect(added).toMatchObject({ ok: false, error: 'outcome_unknown' });
    expect(added.ok ? '' : added.message).toContain('do it again if it is not there');
    expect(cadence.harness.service.teammates().map((t) => t.name)).toEqual(['Ana']);
  });
});

describe('the window’s bridge, when Cadence goes away', () => {
  it('tries again at once when the browser says so (online, shown, focused), not after its wait', async () => {
    let wake: () => void = () => undefined;
    const cadence = await connectedWindow((callback) => {
      wake = callback;
      return () => undefined;
    });
    cadence.stop();
    await until(() => cadenceStore.getState().connection === 'lost', 'the loss');
    // Failed attempts at 0.5, 1 and 2 s: the next one waits 4 s.
    await new Promise((resolve) => setTimeout(resolve, 3_700));
    await cadence.restart();
    const woken = Date.now();
    wake();
    await until(() => cadenceStore.getState().connection === 'open', 'the reconnection', 1_500);
    expect(Date.now() - woken).toBeLessThan(1_500);
  });
});
