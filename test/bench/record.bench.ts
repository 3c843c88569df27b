import { it } from 'vitest';
import { outsideHoursAt } from '../../shared/contacts/contactRecord';
import { integrationWorld } from '../fakes/integrationHarness';
import { at } from '../unit/shared/domainFixtures';
import { report } from './report';

const ZONE = 'Europe/Berlin';
const HOUR = 3_600_000;

/**
 * The record of contacts outside hours (#25) over a whole week of fake time: how often it wakes during the
 * person's working hours (it should not), and how many Slack requests it makes in its busiest hour, with
 * Slack's newer 1-a-minute history limit on and twelve conversations to read.
 */
async function aWeek(oneAMinute: boolean) {
  const monday = at('2026-11-30T00:00', ZONE);
  const w = await integrationWorld(monday, ZONE, { clock: '24h' });
  const people = Array.from({ length: 12 }, (_, i) => `U${i}`);
  w.slack.members = people.map((id) => ({ id, name: id, real_name: `Person ${id}`, tz: ZONE }));
  w.slack.newAppHistoryLimits = oneAMinute;
  // Each writes every evening of the week at 20:00 + i minutes, and on the weekend's afternoons.
  for (const [i, id] of people.entries())
    w.slack.history.set(
      `D${id}`,
      Array.from({ length: 7 }, (_, day) => ({
        ts: ((monday + day * 24 * HOUR + (day < 5 ? 20 : 15) * HOUR + i * 60_000) / 1000).toFixed(6),
        user: id,
        text: i === 0 ? '!urgent prod is down' : 'When you have a minute',
      })),
    );
  await w.connect('slack');
  await w.run('settings.update', { patch: { contactRecord: true } });
  await w.connect('slack');
  const recorder = w.host.contacts;
  const readings: number[] = [];
  const read = recorder.read.bind(recorder);
  recorder.read = () => (readings.push(w.clock.now()), read());
  const settings = () => w.host.service.settings;
  const intents = () => w.host.service.intents;
  // The record's own requests: the status pushes and the teammates' readings go on in working hours.
  const conversationCalls = () => w.slack.methodCalls().filter((m) => m.startsWith('conversations.')).length;
  const perHour: number[] = [];
  const hours = 7 * 24;
  const started = performance.now();
  for (let hour = 1; hour <= hours; hour++) {
    const before = conversationCalls();
    const end = monday + hour * HOUR;
    // From one reading to the next, as the record's own timer falls due (the clock is fake).
    while (w.clock.now() < end) {
      w.clock.advanceTo(Math.min(end, Math.max(recorder.nextAt ?? end, w.clock.now() + 1)));
      await recorder.settled();
    }
    perHour.push(conversationCalls() - before);
  }
  const elapsed = performance.now() - started;
  if (process.env.RECORD_DEBUG)
    console.log(readings.map((t) => new Date(t).toISOString().slice(5, 16)).join(' '));
  const inHours = readings.filter((t) => !outsideHoursAt(t, settings(), intents())).length;
  const kept = recorder.state.contacts.length;
  const inWorkingHours = perHour.filter(
    (_, i) => !outsideHoursAt(monday + i * HOUR + HOUR / 2, settings(), intents()),
  );
  await w.stop();
  return {
    readings: readings.length,
    inHours,
    busiest: Math.max(...perHour),
    working: Math.max(...inWorkingHours),
    kept,
    elapsed,
  };
}

it('the record: wake-ups in working hours, Slack requests per hour', async () => {
  const paced = await aWeek(true);
  const tier3 = await aWeek(false);
  const limit = { max: 100, inclusive: true };
  report('The record of contacts outside hours (a week of fake time, Slack fake, 12 conversations)', [
    {
      name: 'readings that woke during working hours',
      value: paced.inHours + tier3.inHours,
      unit: 'readings',
      target: '0',
      limit: { max: 0, inclusive: true },
      note: `${paced.readings} readings under the 1-a-minute limit, ${tier3.readings} at Tier 3, all outside 09:00–17:30 on weekdays`,
    },
    {
      name: 'Slack requests in a working hour (most)',
      value: Math.max(paced.working, tier3.working),
      unit: 'requests',
      target: '0',
      limit: { max: 0, inclusive: true },
    },
    {
      name: 'Slack requests in the busiest hour, 1-a-minute history limit',
      value: paced.busiest,
      unit: 'requests',
      target: '≤ 100',
      limit,
      note: 'a round of the 12 conversations a history call a minute, then 10 minutes’ rest',
    },
    {
      name: 'Slack requests in the busiest hour, Tier 3 (internal app)',
      value: tier3.busiest,
      unit: 'requests',
      target: '≤ 100',
      limit,
      note: 'a list and 12 history calls every 10 minutes (Tier 3 allows 50+ a minute)',
    },
    {
      name: 'contacts kept (each run)',
      value: paced.kept,
      unit: 'contacts',
      note: `Tier 3: ${tier3.kept}; 12 people × 7 evenings`,
    },
    { name: 'a week of readings, real time', value: paced.elapsed + tier3.elapsed, unit: 'ms' },
  ]);
}, 300_000);
