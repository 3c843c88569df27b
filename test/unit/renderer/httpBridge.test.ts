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
