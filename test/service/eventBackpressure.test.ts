import v8 from 'node:v8';
import vm from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { BEHIND_CLOSE_CODE, LocalApi } from '../../main/server/localApi';
import { FakeClock } from '../fakes/fakeClock';
import { type Harness, seedSettings, startService, tempDir } from '../fakes/serviceHarness';
import { at } from '../unit/shared/domainFixtures';

const ZONE = 'Europe/Berlin';
const TOKEN = 'events-token-0123456789';
let harness: Harness | null = null;
let api: LocalApi | null = null;
const sockets: WebSocket[] = [];

afterEach(() => {
  for (const socket of sockets.splice(0)) socket.terminate();
  api?.dispose();
  harness?.service.dispose();
  api = null;
  harness = null;
});

async function reader(url: string): Promise<{ socket: WebSocket; events: number; closed: Promise<number> }> {
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/api/events?token=${TOKEN}`);
  sockets.push(socket);
  const state = { socket, events: 0, closed: new Promise<number>((resolve) => socket.on('close', resolve)) };
  socket.on('message', () => state.events++);
  await new Promise((resolve, reject) => (socket.once('open', resolve), socket.once('error', reject)));
  return state;
}

v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

/** Memory the process holds, garbage collected first, outside the JS heap too (socket buffers are there). */
function heldMb(): number {
  collectGarbage();
  const usage = process.memoryUsage();
  return (usage.heapUsed + usage.external + usage.arrayBuffers) / 1048576;
}

/** `count` events of about 6 KB: a status with a few long problems, one of which changes each time. */
async function emitEvents(h: Harness, count: number): Promise<void> {
  for (let key = 0; key < 4; key++) h.service.reportHostProblem(`steady${key}`, 'y'.repeat(950));
  for (let i = 0; i < count; i++) {
    h.service.reportHostProblem('bench', `problem ${i} ${'x'.repeat(1_500)}`);
    // The readers live in this process: they read when the loop turns, as a real window would.
    if (i % 25 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('the event stream, with readers that stop reading', () => {
  it('drops each reader too far behind, keeps the others, and stays bounded in memory', async () => {
    const dir = tempDir();
    seedSettings(dir, ZONE);
    harness = startService(dir, new FakeClock(at('2026-11-25T10:00', ZONE), ZONE));
    api = new LocalApi({ service: harness.service, token: TOKEN });
    await api.listen();
    const healthy = await reader(api.url);
    const paused = await Promise.all(Array.from({ length: 20 }, () => reader(api!.url)));
    for (const { socket } of paused) socket.pause();
    const before = heldMb();
    await emitEvents(harness, 4_000);
    const grown = heldMb() - before;
    expect(grown).toBeLessThan(30);
    // A paused reader reads again: what was queued, then the close that says why it was dropped (or, had
    // it stayed stuck past the grace, the connection simply ended).
    for (const { socket } of paused) socket.resume();
    const codes = await Promise.all(paused.map(({ closed }) => closed));
    expect(codes.every((code) => code === BEHIND_CLOSE_CODE || code === 1006)).toBe(true);
    expect(codes).toContain(BEHIND_CLOSE_CODE);
    expect(healthy.socket.readyState).toBe(WebSocket.OPEN);
    expect(healthy.events).toBeGreaterThan(4_000);
  });
});
