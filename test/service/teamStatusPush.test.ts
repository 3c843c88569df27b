import { afterEach, describe, expect, it } from 'vitest';
import { type IntegrationWorld, integrationWorld } from '../fakes/integrationHarness';
import type { Settings } from '../../shared/settings';
import { TeamFileServer } from '../fakes/teamFileServer';
import { at, FIVE_HOUR_GOAL } from '../unit/shared/domainFixtures';

// The whole way: a team file served over HTTP on 127.0.0.1, followed by the real host, and what it pushes to
// the Slack and Microsoft Graph fakes (which refuse what the services refuse, such as a status over 100 characters).

const ZONE = 'Europe/Berlin';
const LONG_DAYS = [{ start: '09:00', end: '19:00' }];
const TEAM = {
  name: 'Platform team',
  urgency: { rule: 'urgent: call me', keywords: ['prod down'] },
  replies: { chat: { workingHours: 4 } },
  quiet: { evenings: { from: '18:30', until: '08:00' } },
};

let world: IntegrationWorld | null = null;
let server: TeamFileServer | null = null;
afterEach(async () => {
  await world?.stop();
  await server?.close().catch(() => undefined);
  world = null;
  server = null;
});

describe('the status pushed while following a team file', () => {
  it('carries the reply expectation and the urgency rule, and the team’s quiet hours with their expiry', async () => {
    const w = await followingTeam(TEAM, '2026-11-23T09:50', {
      locale: 'en-GB',
      clock: '24h',
      week: {
        '1': LONG_DAYS,
        '2': LONG_DAYS,
        '3': LONG_DAYS,
        '4': LONG_DAYS,
        '5': LONG_DAYS,
        '6': [],
        '7': [],
      },
    });
    // The host read the file at start.
    expect(w.host.service.team?.view().team?.name).toBe('Platform team');
    for (const id of ['slack', 'microsoft'] as const) await w.connect(id);

    expect((await w.run('focus.start', { minutes: 100 })).ok).toBe(true);
    const focusing = 'Focusing until 11:30 CET · replies within 4 working hours · urgent: call me';
    expect(w.slack.profile.status_text).toBe(focusing);
    expect(w.graph.statusMessage?.content).toBe(focusing);

    // 18:30: the member's own hours run to 19:00, the team's quiet hours begin. Off, with the same expiry
    // Slack's do-not-disturb and status carry for any off time: the member's next working minute.
    await w.advanceTo(at('2026-11-23T18:31', ZONE));
    expect(w.host.service.status()).toMatchObject({ mode: 'off', reason: 'teamQuietHours' });
    expect(w.slack.profile.status_text).toBe(
      'Off until Tue 09:00 CET (Tue 08:00 UTC) · replies within 4 working hours · urgent: call me',
    );
    expect(w.slack.profile.status_expiration).toBe(Math.floor(at('2026-11-24T09:00', ZONE) / 1000));
    expect(w.slack.snoozeEndTime).toBe(Math.floor(at('2026-11-24T09:00', ZONE) / 1000));
  });

  it('makes a focus block on the team’s meeting-free day decline new invitations on Google Calendar', async () => {
    // Wednesday 25 November, Berlin.
    const w = await followingTeam({ ...TEAM, meetingFreeDay: 'wednesday' }, '2026-11-25T09:50');
    await w.connect('google');
    expect((await w.run('focus.start', { minutes: 50 })).ok).toBe(true);
    const [wednesday] = [...w.google.events.values()];
    expect(wednesday?.focusTimeProperties).toMatchObject({
      autoDeclineMode: 'declineOnlyNewConflictingInvitations',
      declineMessage: expect.stringMatching(
        /^Declined: Wednesday is my team's meeting-free day \(set by Cadence\)\./,
      ),
    });
    await w.run('focus.stop');

    // Thursday: the member's own choice (declining nothing) again.
    await w.advanceTo(at('2026-11-26T10:00', ZONE));
    expect((await w.run('focus.start', { minutes: 50 })).ok).toBe(true);
    const thursday = [...w.google.events.values()].find((event) => event.id !== wednesday?.id);
    expect(thursday?.focusTimeProperties).toMatchObject({
      autoDeclineMode: 'declineNone',
      declineMessage: expect.stringMatching(/^Declined because I am in focus time/),
    });
  });

  it('the automatic email reply while off says the team’s email reply expectation, whole', async () => {
    // The rule's words hold what HTML would read as markup: the reply keeps them as words.
    const team = {
      ...TEAM,
      urgency: { rule: 'urgent: call me <on-call> & page' },
      replies: { chat: { workingHours: 4 }, email: { workingDays: 1 } },
    };
    const w = await followingTeam(team, '2026-11-23T17:20', { offHoursAutoReply: true });
    await w.connect('microsoft');
    await w.run('shutdown.complete', { done: '' });
    expect(w.graph.mailbox.automaticRepliesSetting).toMatchObject({ status: 'scheduled' });
    expect(w.graph.autoReplyText).toBe(
      'Off until Tue 09:00 CET (Tue 08:00 UTC). Email replies by the next working day. Urgent: call me <on-call> & page.',
    );
  });

  it('the weekly goal’s blocks already on Google follow a meeting-free day the team adds later', async () => {
    // Monday 23 November, 08:00: the goal puts its five hours on the calendar ahead of time.
    const w = await followingTeam(TEAM, '2026-11-23T08:00', { focusGoal: FIVE_HOUR_GOAL });
    await w.connect('google');
    await w.settle();
    const blocks = () =>
      w.google
        .visible()
        .filter((event) => event.eventType === 'focusTime')
        .map((event) => ({
          day: new Date(event.start.dateTime!).toLocaleDateString('en-GB', {
            weekday: 'long',
            timeZone: ZONE,
          }),
          decline: event.focusTimeProperties?.autoDeclineMode,
          message: String(event.focusTimeProperties?.declineMessage),
        }));
    expect(blocks().length).toBeGreaterThan(0);
    expect(blocks().every((block) => block.decline === 'declineNone')).toBe(true);

    served().publish(JSON.stringify({ ...TEAM, meetingFreeDay: 'wednesday' }));
    expect((await w.run('team.refresh')).ok).toBe(true);
    await w.settle();
    const after = blocks();
    expect(after.some((block) => block.day === 'Wednesday')).toBe(true);
    for (const block of after)
      expect(block).toMatchObject(
        block.day === 'Wednesday'
          ? {
              decline: 'declineOnlyNewConflictingInvitations',
              message: expect.stringMatching(/^Declined: Wednesday/),
            }
          : {
              decline: 'declineNone',
              message: expect.stringMatching(/^Declined because I am in focus time/),
            },
      );
  }, 30_000);

  it('blocks planned by hand follow the meeting-free day as the team adds it and drops it again', async () => {
    const w = await followingTeam(TEAM, '2026-11-23T08:00');
    await w.connect('google');
    for (const day of ['24', '25'])
      expect(
        (
          await w.run('focus.start', {
            minutes: 60,
            at: new Date(at(`2026-11-${day}T10:00`, ZONE)).toISOString(),
          })
        ).ok,
      ).toBe(true);
    await w.settle();
    const declines = () =>
      Object.fromEntries(
        w.google
          .visible()
          .filter((event) => event.eventType === 'focusTime')
          .map((event) => [event.start.dateTime!.slice(0, 10), event.focusTimeProperties?.autoDeclineMode]),
      );
    expect(declines()).toEqual({ '2026-11-24': 'declineNone', '2026-11-25': 'declineNone' });

    served().publish(JSON.stringify({ ...TEAM, meetingFreeDay: 'wednesday' }));
    expect((await w.run('team.refresh')).ok).toBe(true);
    await w.settle();
    expect(declines()).toEqual({
      '2026-11-24': 'declineNone',
      '2026-11-25': 'declineOnlyNewConflictingInvitations',
    });

    served().publish(JSON.stringify(TEAM));
    expect((await w.run('team.refresh')).ok).toBe(true);
    await w.settle();
    expect(declines()).toEqual({ '2026-11-24': 'declineNone', '2026-11-25': 'declineNone' });
  });
});

/** The team file's server of the test under way. */
function served(): TeamFileServer {
  if (!server) throw new Error('No team file is served: start the test with followingTeam().');
  return server;
}

/** A Berlin member at `local` who follows `team`, served over HTTP on 127.0.0.1, once the host has read it. */
async function followingTeam(
  team: object,
  local: string,
  settings: Partial<Settings> = {},
): Promise<IntegrationWorld> {
  server = await new TeamFileServer(JSON.stringify(team)).start();
  const w = (world = await integrationWorld(at(local, ZONE), ZONE, {
    ...settings,
    team: { address: server.url },
  }));
  for (let i = 0; i < 200 && !w.host.service.team?.view().readAt; i++)
    await new Promise((resolve) => setTimeout(resolve, 10));
  return w;
}
