import fs from 'node:fs';
import path from 'node:path';
import { it } from 'vitest';
import WebSocket from 'ws';
import { LocalApi } from '../../main/server/localApi';
import { emptyIntents, INTENT_LIMITS } from '../../shared/intents';
import { FakeClock } from '../fakes/fakeClock';
import { type Harness, seedSettings, startService, tempDir } from '../fakes/serviceHarness';
import { at } from '../unit/shared/domainFixtures';
import { median, report, SHORT } from './report';

const ZONE = 'Europe/Berlin';
const DAY = 86_400_000;
const TOKEN = 'bench-token-0123456789';

function heldMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  const usage = process.memoryUsage();
  return (usage.heapUsed + usage.external + usage.arrayBuffers) / 1048576;
}

/** `count` finished one-minute blocks over the two weeks before `now`, as a busy user leaves them. */
function finishedBlocks(count: number, now: number) {
  return Array.from({ length: count }, (_, i) => {
    const start = now - 13 * DAY + Math.floor((i * 12 * DAY) / count);
    return {
      id: `b${i}`,
      startAt: new Date(start).toISOString(),
      plannedMinutes: 1,
      stoppedAt: new Date(start + 30_000).toISOString(),
    };
  });
}

function folder(blocks: number, now: number): Harness {
  const dir = tempDir('cadence-limits-');
  seedSettings(dir, ZONE);
  if (blocks)
    fs.writeFileSync(
      path.join(dir, 'intents.json'),
      JSON.stringify({ ...emptyIntents(), focus: finishedBlocks(blocks, now) }),
    );
  return startService(dir, new FakeClock(now, ZONE));
}

/** A command cycle as the CLI drives it: plan a block (the list is then full), read the status, cancel it. */
function cycle(h: Harness): number {
  const begin = performance.now();
  const planned = h.service.execute('focus.start', {
    minutes: 25,
    at: new Date(h.clock.now() + 3_600_000).toISOString(),
  });
  h.service.status();
  if (!planned.ok) throw new Error(planned.message);
  h.service.execute('focus.cancel', { id: planned.value.id });
  const took = performance.now() - begin;
  h.clock.advance(60_000);
  return took;
}

it('limits: focus blocks at their limit, paused event readers', async () => {
  // Command time: a fresh folder and one holding the most focus blocks kept, measured in turns.
  const now = at('2026-11-25T10:00', ZONE);
  const fresh = folder(0, now);
  const full = folder(INTENT_LIMITS.focus - 1, now);
  const rounds = SHORT ? 15 : 60;
  const freshTimes: number[] = [];
  const fullTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    cycle(fresh);
    cycle(full);
  }
  for (let i = 0; i < rounds; i++) {
    freshTimes.push(cycle(fresh));
    fullTimes.push(cycle(full));
  }
  fresh.service.dispose();
  full.service.dispose();
  const freshMs = median(freshTimes);
  const fullMs = median(fullTimes);

  // Memory: 20 readers that stop reading while 4,000 events of about 5 KB go out.
  const dir = tempDir('cadence-readers-');
  seedSettings(dir, ZONE);
  const h = startService(dir, new FakeClock(now, ZONE));
  const api = new LocalApi({ service: h.service, token: TOKEN });
  await api.listen();
  const url = `${api.url.replace(/^http/, 'ws')}/api/events?token=${TOKEN}`;
  const readers = await Promise.all(
    Array.from(
      { length: 20 },
      () =>
        new Promise<WebSocket>((resolve, reject) => {
          const socket = new WebSocket(url);
          socket.once('open', () => resolve(socket));
          socket.once('error', reject);
        }),
    ),
  );
  for (const reader of readers) reader.pause();
  const idle = heldMb();
  let peak = idle;
  for (let key = 0; key < 4; key++) h.service.reportHostProblem(`steady${key}`, 'y'.repeat(950));
  for (let i = 0; i < 4_000; i++) {
    h.service.reportHostProblem('busy', `problem ${i} ${'x'.repeat(900)}`);
    if (i % 25 === 0) await new Promise((resolve) => setImmediate(resolve));
    if (i % 500 === 0) peak = Math.max(peak, heldMb());
  }
  peak = Math.max(peak, heldMb());
  for (const reader of readers) reader.terminate();
  api.dispose();
  h.service.dispose();

  report('Limits', [
    {
      name: 'command cycle, fresh folder',
      value: freshMs,
      unit: 'ms',
      note: 'focus.start (planned), status, focus.cancel',
    },
    {
      name: `command cycle, ${INTENT_LIMITS.focus} focus blocks kept`,
      value: fullMs,
      unit: 'ms',
      note: 'the most two weeks may hold',
    },
    {
      name: 'command time at the focus limit ÷ fresh folder',
      value: fullMs / freshMs,
      unit: '×',
      target: '≤ 1.5×',
      limit: { max: 1.5, inclusive: true },
    },
    {
      name: 'memory with 20 paused event readers, 4,000 events',
      value: peak - idle,
      unit: 'MB over idle',
      target: '≤ 30 MB',
      limit: { max: 30, inclusive: true },
      note: 'heap + buffers, peak; readers over 1 MiB behind are dropped',
    },
  ]);
});
