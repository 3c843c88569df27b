import { it } from 'vitest';
import { emptyIntents } from '../../shared/intents';
import { FakeClock } from '../fakes/fakeClock';
import { seedSettings, startService, tempDir } from '../fakes/serviceHarness';
import { at } from '../unit/shared/domainFixtures';
import { median, report, SHORT } from './report';
import { manyTeammates } from '../fakes/teammateFixtures';

const ZONE = 'Europe/Berlin';
const DAY = 86_400_000;

function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1048576;
}

it('scale: simulated days, a year of history, 10,000 teammates', async () => {
  const dir = tempDir('cadence-scale-');
  seedSettings(dir, ZONE);
  const clock = new FakeClock(at('2026-01-05T08:55', ZONE), ZONE);
  const h = startService(dir, clock);
  const cycles = SHORT ? 1000 : 10_000;
  let warm = 0;
  let half = 0;
  const samples: string[] = [];
  const begin = performance.now();
  for (let i = 0; i < cycles; i++) {
    const day = at('2026-01-05T00:00', ZONE) + i * DAY;
    clock.advanceTo(day + 10 * 3_600_000);
    h.service.execute('focus.start', { minutes: 50 });
    clock.advanceTo(day + 11 * 3_600_000);
    clock.advanceTo(day + 12.25 * 3_600_000);
    h.service.execute('lunch.start', {});
    clock.advanceTo(day + 17.5 * 3_600_000 - 300_000);
    h.service.execute('shutdown.complete', { done: 'x', priorities: ['a'] });
    // Let pending work (notifications are async) run, as the event loop does between real timers.
    await new Promise((resolve) => setImmediate(resolve));
    // The harness records events and notifications for assertions; a long run must not count them.
    h.events.length = 0;
    h.notifier.shown.length = 0;
    if (i === Math.floor(cycles / 10)) warm = heapMb();
    if (i === Math.floor(cycles / 2)) half = heapMb();
    if (process.env.BENCH_TRACE && i % 1000 === 0) samples.push(`${i}:${heapMb().toFixed(1)}`);
  }
  const perCycleMs = (performance.now() - begin) / cycles;
  const end = heapMb();
  const intentsSize = JSON.stringify(h.service.intents).length / 1024;

  const now = clock.now();
  const yearStart = new Date(now - 364 * DAY).toISOString().slice(0, 10);
  const historyBegin = performance.now();
  h.service.query('history', { from: yearStart, to: new Date(now).toISOString().slice(0, 10) });
  const historyMs = performance.now() - historyBegin;

  const intents = emptyIntents();
  const zones = [
    'America/New_York',
    'Asia/Tokyo',
    'Europe/Lisbon',
    'Australia/Sydney',
    'Asia/Kolkata',
    'America/Sao_Paulo',
    'Africa/Lagos',
  ];
  const week = h.service.settings.week;
  const teammates = manyTeammates(10_000, zones, week);
  (h.service as unknown as { options: { intents: { write(v: unknown): void } } }).options.intents.write({
    ...intents,
    teammates,
  });
  const glances: number[] = [];
  for (let i = 0; i < 6; i++) {
    const glanceBegin = performance.now();
    h.service.teammates();
    glances.push(performance.now() - glanceBegin);
    h.clock.advance(3_600_000); // another instant: nothing from the last glance can be reused
  }
  const [firstGlanceMs = 0, ...later] = glances;
  h.service.dispose();

  if (samples.length) console.log(samples.join(' '));
  report('Scale and memory', [
    { name: `simulated workdays (focus, lunch, shutdown)`, value: cycles, unit: 'days' },
    {
      name: 'cost per simulated day',
      value: perCycleMs,
      unit: 'ms',
      note: '3 commands, each an atomic write',
    },
    { name: 'heap after 10% of the days', value: warm, unit: 'MB' },
    { name: 'heap halfway', value: half, unit: 'MB' },
    {
      name: 'heap at the end',
      value: end,
      unit: 'MB',
      note: `growth over the second half ${(end - half).toFixed(1)} MB`,
    },
    { name: 'saved intents at the end', value: intentsSize, unit: 'KB' },
    { name: 'history query, one year', value: historyMs, unit: 'ms' },
    {
      name: 'teammates glance, 10,000 (service)',
      value: median(later),
      unit: 'ms',
      target: '< 100 ms',
      limit: { max: 100 },
      note: 'median of 5, each at another hour: seven zones, one pattern',
    },
    {
      name: 'teammates glance, 10,000, first after start',
      value: firstGlanceMs,
      unit: 'ms',
      note: 'includes compiling the code paths on first use',
    },
  ]);
}, 600_000);
