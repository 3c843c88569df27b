import { it } from 'vitest';
import { integrationWorld } from '../fakes/integrationHarness';
import { at } from '../unit/shared/domainFixtures';
import { median, percentile, report, SHORT } from './report';

const ZONE = 'Europe/Berlin';

it('integrations: calls per 100 toggles, toggle to all services updated, 2,000 teammates', async () => {
  const w = await integrationWorld(at('2026-11-23T10:00', ZONE), ZONE);
  for (const id of ['slack', 'google', 'microsoft'] as const) await w.connect(id);
  const counts = () => ({
    slack: w.slack.methodCalls().length,
    google: w.google.writes().length,
    graph: w.graph.writes().length,
  });
  const before = counts();
  for (let i = 0; i < 101; i++) {
    await w.host.service.execute(i % 2 ? 'focus.stop' : 'focus.start', i % 2 ? {} : { minutes: 25 });
    w.clock.advance(10);
  }
  await w.settle();
  const after = counts();

  // Toggle-to-updated latency, in real time: the coalescing window is fake time, so what is measured is the work and the HTTP.
  const latencies: number[] = [];
  for (let i = 0; i < (SHORT ? 10 : 40); i++) {
    const begin = performance.now();
    await w.host.service.execute(i % 2 ? 'focus.stop' : 'focus.start', i % 2 ? {} : { minutes: 25 });
    await w.settle();
    latencies.push(performance.now() - begin);
    w.clock.advance(60_000);
  }
  await w.stop();

  const zones = ['America/New_York', 'Asia/Tokyo', 'Europe/Lisbon', 'Asia/Kolkata'];
  const t = await integrationWorld(at('2026-11-23T16:00', ZONE), ZONE);
  t.slack.members = Array.from({ length: 2000 }, (_, i) => ({
    id: `U${i}`,
    name: `p${i}`,
    real_name: `Person ${i}`,
    tz: zones[i % 4]!,
  }));
  const loadBegin = performance.now();
  await t.connect('slack');
  const loadMs = performance.now() - loadBegin;
  const glances: number[] = [];
  for (let i = 0; i < 6; i++) {
    const glanceBegin = performance.now();
    t.host.service.teammates();
    glances.push(performance.now() - glanceBegin);
    t.clock.advance(3_600_000); // another instant: nothing from the last glance can be reused
  }
  const [firstGlanceMs = 0, ...later] = glances;
  await t.stop();

  report('Integrations (fakes on 127.0.0.1)', [
    {
      name: '101 toggles in 1 s (ending in focus): Slack calls',
      value: after.slack - before.slack,
      unit: 'calls',
      target: 'a few',
      note: 'one push per toggle would be ≥ 300',
    },
    { name: '101 toggles: Google writes', value: after.google - before.google, unit: 'calls' },
    { name: '101 toggles: Graph writes', value: after.graph - before.graph, unit: 'calls' },
    {
      name: 'toggle → all three updated (p50)',
      value: median(latencies),
      unit: 'ms',
      note: 'plus the 250 ms coalescing window',
    },
    { name: 'toggle → all three updated (p95)', value: percentile(latencies, 95), unit: 'ms' },
    {
      name: '2,000 Slack teammates: sign-in to loaded',
      value: loadMs,
      unit: 'ms',
      note: '11 pages + 10 DND batches (Tier 2: the rest over the next readings)',
    },
    {
      name: '2,000 teammates glance (service)',
      value: median(later),
      unit: 'ms',
      target: '< 20 ms',
      limit: { max: 20 },
      note: 'median of 5, each at another hour',
    },
    {
      name: '2,000 teammates glance, first after sign-in',
      value: firstGlanceMs,
      unit: 'ms',
      note: 'includes compiling the code paths on first use',
    },
  ]);
}, 120_000);
