import { it } from 'vitest';
import { outsideHoursAt } from '../../shared/contacts/contactRecord';
import { integrationWorld } from '../fakes/integrationHarness';
import { at } from '../unit/shared/domainFixtures';
import { report } from './report';

const ZONE = 'Europe/Berlin';
const HOUR = 3_600_000;

/**
 * The record of contacts outside hours (#25) over a whole week of fake time: how often it wakes during the
 * person's working hours (it should not), how many Slack requests it makes in its busiest hour, with
 * Slack's newer 1-a-minute history limit on and twelve conversations to read (and the channel mentions
 * searched), and how many Microsoft 365 requests (Outlook mail and invitations, Teams chats), with how
 * often the Teams chats are polled.
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
  // Mentions in a channel, each evening; five Teams chats, each written in every evening.
  w.slack.channels.set('CTEAM', {
    name: 'team',
    messages: Array.from({ length: 7 }, (_, day) => ({
      ts: ((monday + day * 24 * HOUR + 21 * HOUR) / 1000).toFixed(6),
      user: 'U1',
      text: '<@U0ME> a question for tomorrow',
    })),
  });
  for (let c = 0; c < 5; c++) {
    const id = `19:chat${c}@thread.v2`;
    w.graph.teams.chats.set(id, { id, chatType: c ? 'group' : 'oneOnOne', messages: [] });
    for (let day = 0; day < 7; day++)
      w.graph.teams.write(
        id,
        { user: { id: `aad-${c}`, displayName: `Colleague ${c}` } },
        'see you tomorrow',
        monday + day * 24 * HOUR + 19 * HOUR + c * 60_000,
      );
  }
  await w.connect('slack');
  await w.connect('microsoft');
  await w.run('settings.update', { patch: { contactRecord: true } });
  await w.connect('slack');
  // Mentions are allowed apart, from the Slack card, once the direct messages are.
  await w.connect('slack', 'permission');
  await w.connect('microsoft');
  const recorder = w.host.contacts;
  const readings: number[] = [];
  const read = recorder.read.bind(recorder);
  recorder.read = () => (readings.push(w.clock.now()), read());
  const settings = () => w.host.service.settings;
  const intents = () => w.host.service.intents;
  // The record's own requests: the status pushes and the teammates' readings go on in working hours.
  const conversationCalls = () =>
    w.slack.methodCalls().filter((m) => m.startsWith('conversations.') || m === 'search.messages').length;
  const graphCalls = () =>
    w.graph.server.calls.filter((c) => /\/me\/(mailFolders|events|chats)/.test(c.path) && c.method === 'GET')
      .length;
  const perHour: number[] = [];
  const graphPerHour: number[] = [];
  const hours = 7 * 24;
  const started = performance.now();
  for (let hour = 1; hour <= hours; hour++) {
    const before = conversationCalls();
    const graphBefore = graphCalls();
    const end = monday + hour * HOUR;
    // From one reading to the next, as the record's own timer falls due (the clock is fake).
    while (w.clock.now() < end) {
      w.clock.advanceTo(Math.min(end, Math.max(recorder.nextAt ?? end, w.clock.now() + 1)));
      await recorder.settled();
    }
    perHour.push(conversationCalls() - before);
    graphPerHour.push(graphCalls() - graphBefore);
    if (process.env.RECORD_DEBUG && graphCalls() - graphBefore > 20)
      console.log(
        hour,
        w.graph.server.calls.slice(-(graphCalls() - graphBefore)).map((c) => c.path.replace('/v1.0', '')),
      );
  }
  const elapsed = performance.now() - started;
  if (process.env.RECORD_DEBUG)
    console.log(readings.map((t) => new Date(t).toISOString().slice(5, 16)).join(' '));
  const inHours = readings.filter((t) => !outsideHoursAt(t, settings(), intents())).length;
  const kept = recorder.state.contacts.length;
  const working = (counts: number[]) =>
    Math.max(
      ...counts.filter((_, i) => !outsideHoursAt(monday + i * HOUR + HOUR / 2, settings(), intents())),
    );
  const teamsPolls = w.graph.teams.listings.length;
  const teamsTooClose = w.graph.teams.pollsWithinADay;
  const byChannel = (channel: string) => recorder.state.contacts.filter((c) => c.channel === channel).length;
  const mentions = byChannel('slackMention');
  const teamsKept = byChannel('teamsChat');
  await w.stop();
  return {
    readings: readings.length,
    inHours,
    busiest: Math.max(...perHour),
    working: Math.max(working(perHour), working(graphPerHour)),
    graphBusiest: Math.max(...graphPerHour),
    teamsPolls,
    teamsTooClose,
    mentions,
    teamsKept,
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
      name: 'Slack or Microsoft 365 requests in a working hour (most)',
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
      note: 'a round of the 12 conversations a history call a minute, then 10 minutes’ rest; a search for mentions a reading',
    },
    {
      name: 'Slack requests in the busiest hour, Tier 3 (internal app)',
      value: tier3.busiest,
      unit: 'requests',
      target: '≤ 100',
      limit,
      note: 'a list, 12 history calls and a search every 10 minutes (Tier 3 allows 50+ a minute)',
    },
    {
      name: 'Microsoft 365 requests in the busiest hour',
      value: Math.max(paced.graphBusiest, tier3.graphBusiest),
      unit: 'requests',
      target: '≤ 100',
      limit,
      note: 'Outlook mail and invitations every 10 minutes outside hours; Teams chats once a day',
    },
    {
      name: 'Teams chat listings (polls) in the week',
      value: paced.teamsPolls,
      unit: 'polls',
      target: '≤ 7, none within a day of another',
      limit: { max: 7, inclusive: true },
      note: `${paced.teamsTooClose + tier3.teamsTooClose} within a day of the one before (Microsoft allows one a day)`,
    },
    {
      name: 'contacts kept (each run)',
      value: paced.kept,
      unit: 'contacts',
      note: `Tier 3: ${tier3.kept}; 12 people × 7 evenings in direct messages (${paced.mentions} channel mentions, ${paced.teamsKept} Teams messages among them)`,
    },
    { name: 'a week of readings, real time', value: paced.elapsed + tier3.elapsed, unit: 'ms' },
  ]);
}, 300_000);
