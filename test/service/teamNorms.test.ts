import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CadenceService } from '../../main/core/cadenceService';
import { openConf } from '../../main/core/confBackend';
import { MemoryNotifier } from '../../main/core/desktopNotifier';
import { isKnownHolidayCountry, publicHolidays } from '../../main/core/holidayCalendar';
import { integrationStateOf } from '../../main/core/integrationState';
import { openTeamFollower } from '../../main/core/teamStore';
import { openDocuments } from '../../main/headless/startHeadless';
import type { CompanionEvent } from '../../shared/contract';
import { TEAM_FILE_EXAMPLE } from '../../shared/team/teamExample';
import { headline, setTimeWriting } from '../../shared/words';
import { FakeClock } from '../fakes/fakeClock';
import { seedSettings, tempDir } from '../fakes/serviceHarness';
import { TeamFileServer } from '../fakes/teamFileServer';

// A member's Cadence following a team file served over HTTP on 127.0.0.1, end to end: the file read by the
// real follower, then the member's status, the notification gate and the status pushed to the services.

const LONG_DAYS = [{ start: '07:00', end: '19:00' }];
const WEEK = {
  '1': LONG_DAYS,
  '2': LONG_DAYS,
  '3': LONG_DAYS,
  '4': LONG_DAYS,
  '5': LONG_DAYS,
  '6': [],
  '7': [],
};
/** Wednesday 25 November 2026, 18:45 in Berlin: inside the member's own hours, past the team's 18:30. */
const EVENING = Date.parse('2026-11-25T17:45:00Z');

let server: TeamFileServer;
const opened: { dispose(): void }[] = [];
beforeEach(async () => {
  setTimeWriting('en-GB', '24h');
  server = await new TeamFileServer(JSON.stringify(TEAM_FILE_EXAMPLE)).start();
});
afterEach(async () => {
  for (const item of opened.splice(0).reverse()) item.dispose();
  await server.close().catch(() => undefined);
});

/** A Berlin member working 07:00–19:00 on weekdays, following the server's team file, as the host starts them. */
function memberFollowingTheTeam(now = EVENING) {
  const dir = tempDir();
  seedSettings(dir, 'Europe/Berlin', {
    week: WEEK,
    team: { address: server.url },
    locale: 'en-GB',
    clock: '24h',
  });
  const clock = new FakeClock(now);
  const notifier = new MemoryNotifier();
  const { settings, intents } = openDocuments(dir, clock);
  const team = openTeamFollower(dir, clock, openConf, () => settings.value.team.address, notifier);
  const service = new CadenceService({
    clock,
    settings,
    intents,
    notifier,
    team: team.follower,
    holidays: publicHolidays,
    knowsHolidays: isKnownHolidayCountry,
  });
  opened.push(team, service);
  const events: CompanionEvent[] = [];
  service.onEvent((event) => events.push(event));
  service.start();
  return { service, follower: team.follower, clock, events };
}

describe('a member’s Cadence following the team file', () => {
  it('is off in the team’s quiet hours, says where their own hours run into them, and is working again without them', async () => {
    const { service, follower, events } = memberFollowingTheTeam();
    expect(service.status()).toMatchObject({ mode: 'working' });
    await follower.refresh();
    const status = service.status();
    expect(status).toMatchObject({ mode: 'off', reason: 'teamQuietHours' });
    expect(headline(status, EVENING)).toBe(
      'Team quiet hours: no one on your team is expected to read or answer. Work resumes Thu 26 Nov, 8:00.',
    );
    expect(status.problems).toContain(
      "Your working hours run past your team's quiet hours (18:30 to 8:00): Monday, Tuesday, Wednesday, Thursday and Friday until 19:00. Cadence shows you as off from 18:30.",
    );
    // The change was pushed to the clients at once, not at the next timer.
    expect(
      events.some((event) => event.name === 'availability.changed' && event.data.reason === 'teamQuietHours'),
    ).toBe(true);
    // The team drops its quiet evenings: the member's own hours apply again.
    const { quiet: _quiet, ...noQuiet } = TEAM_FILE_EXAMPLE;
    server.publish(JSON.stringify(noQuiet));
    await follower.refresh();
    expect(service.status()).toMatchObject({ mode: 'working', problems: [] });
  });

  it('gates notifications with the team’s keywords and always-urgent senders, and the member’s own', async () => {
    const { service, follower } = memberFollowingTheTeam();
    await follower.refresh();
    const send = (input: { title: string; body?: string; from?: string }) =>
      service.command('notify', { body: '', ...input });
    expect(await send({ title: 'Alert', body: 'prod down in eu-west' })).toMatchObject({
      ok: true,
      value: { action: 'deliver' },
    });
    expect(await send({ title: 'Page', from: 'On-call pager' })).toMatchObject({
      value: { action: 'deliver' },
    });
    expect(await send({ title: 'Ping', body: 'see this !urgent' })).toMatchObject({
      value: { action: 'deliver' },
    });
    expect(await send({ title: 'Build finished', body: 'main is green' })).toMatchObject({
      value: { action: 'hold', until: '2026-11-26T08:00:00.000+01:00' },
    });
  });

  it('pushes a status with the team’s reply expectation and urgency rule, within Slack’s 100 characters', async () => {
    const morning = Date.parse('2026-11-25T09:00:00Z');
    const { service, follower } = memberFollowingTheTeam(morning);
    await follower.refresh();
    expect((await service.command('focus.start', { minutes: 90 })).ok).toBe(true);
    const { desired } = integrationStateOf(service).desired(morning);
    // Whole, the example's words would take 104 characters: the reply expectation gives way to the rule.
    expect(desired.statusText).toBe(
      'Focusing until 11:30 CET · Urgent? Call me, or @mention me with !urgent.',
    );
    expect(desired.note).toBe(
      'replies within 4 working hours · Urgent? Call me, or @mention me with !urgent.',
    );
  });
});
