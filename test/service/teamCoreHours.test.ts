import { afterEach, describe, expect, it } from 'vitest';
import { TEAM_FILE_EXAMPLE } from '../../shared/team/teamExample';
import { api, cli, serve, stopAllServices } from '../fakes/processHarness';
import { seedSettings, tempDir } from '../fakes/serviceHarness';
import { TeamFileServer } from '../fakes/teamFileServer';

// Issue #24: a member's `cadence plan` shows the team's core hours in their own time, read from a real
// team file served over HTTP on 127.0.0.1 (core hours 15:00–17:00 Europe/Berlin, Monday to Friday).

const servers: TeamFileServer[] = [];
afterEach(async () => {
  await stopAllServices();
  await Promise.all(servers.splice(0).map((server) => server.close().catch(() => undefined)));
});

describe('cadence plan: the team’s core hours in the member’s own time', () => {
  it('a member in Los Angeles sees them on their clock, moved by the DST weeks, not on weekends', async () => {
    const server = await new TeamFileServer(JSON.stringify(TEAM_FILE_EXAMPLE)).start();
    servers.push(server);
    const dir = tempDir();
    seedSettings(dir, 'America/Los_Angeles', { locale: 'en-US', clock: '12h' });
    // Monday 9 March 2026, 08:00 in Los Angeles: the US is on summer time since Sunday, Berlin is not.
    const service = await serve(dir, { faketime: '2026-03-09 15:00:00' });
    expect((await cli(dir, ['plan'])).stdout).not.toContain('Team core hours');

    const saved = await api(service, '/api/command/settings.update', {
      patch: { team: { address: server.url } },
    });
    expect(saved.status).toBe(200);
    await expect
      .poll(async () => (await cli(dir, ['plan'])).stdout)
      .toContain('Team core hours: 7:00 AM–9:00 AM your time');

    // Both sides on summer time: back to 6:00 in Los Angeles. A Saturday: none.
    expect((await cli(dir, ['plan', '--date', '2026-03-30'])).stdout).toContain(
      'Team core hours: 6:00 AM–8:00 AM your time',
    );
    expect((await cli(dir, ['plan', '--date', '2026-03-14'])).stdout).not.toContain('Team core hours');
    const json = JSON.parse((await cli(dir, ['plan', '--json'])).stdout) as { coreHours: unknown };
    expect(json.coreHours).toEqual([
      { start: '2026-03-09T07:00:00.000-07:00', end: '2026-03-09T09:00:00.000-07:00' },
    ]);
  });

  it('a member in Riyadh (Friday–Saturday weekend) sees Berlin’s Friday core hours, 24-hour clock', async () => {
    const server = await new TeamFileServer(JSON.stringify(TEAM_FILE_EXAMPLE)).start();
    servers.push(server);
    const dir = tempDir();
    seedSettings(dir, 'Asia/Riyadh', {
      locale: 'en-GB',
      clock: '24h',
      team: { address: server.url },
    });
    await serve(dir, { faketime: '2026-03-13 06:00:00' }); // Friday 13 March, 09:00 in Riyadh
    await expect
      .poll(async () => (await cli(dir, ['plan'])).stdout)
      .toContain('Team core hours: 17:00–19:00 your time');
    // After Berlin's change on 29 March, an hour earlier in Riyadh, which has no DST.
    expect((await cli(dir, ['plan', '--date', '2026-04-02'])).stdout).toContain(
      'Team core hours: 16:00–18:00 your time',
    );
  });

  it('the weekly focus goal keeps Berlin’s core hours free and fills the meeting-free Wednesday first', async () => {
    const server = await new TeamFileServer(JSON.stringify(TEAM_FILE_EXAMPLE)).start();
    servers.push(server);
    const dir = tempDir();
    seedSettings(dir, 'Europe/Berlin', {
      locale: 'en-GB',
      clock: '24h',
      focusGoal: {
        weeklyHours: 10,
        minBlockMinutes: 45,
        maxBlockMinutes: 120,
        preferred: 'afternoon',
        start: 'auto',
      },
    });
    const service = await serve(dir, { faketime: '2026-11-23 07:00:00' }); // Monday, 08:00 in Berlin
    type Ahead = { start: string; end: string }[];
    const ahead = async (): Promise<Ahead> =>
      (JSON.parse((await cli(dir, ['plan', '--json'])).stdout) as { goal: { ahead: Ahead } }).goal.ahead;
    /** The minutes of the week's goal blocks inside the core hours (15:00–17:00 Berlin, +01:00 in November). */
    const inCore = (blocks: Ahead) =>
      blocks.filter((b) => b.start.slice(11, 16) < '17:00' && b.end.slice(11, 16) > '15:00').length;
    const wednesday = (blocks: Ahead) =>
      blocks
        .filter((b) => b.start.startsWith('2026-11-25'))
        .reduce((sum, b) => sum + (Date.parse(b.end) - Date.parse(b.start)) / 60_000, 0);
    // Without a team file the afternoons (preferred) run through the core hours.
    expect(inCore(await ahead())).toBeGreaterThan(0);

    const saved = await api(service, '/api/command/settings.update', {
      patch: { team: { address: server.url } },
    });
    expect(saved.status).toBe(200);
    await expect.poll(async () => inCore(await ahead())).toBe(0);
    const blocks = await ahead();
    // Wednesday holds all its free time can (09:00–12:00 and 14:15–15:00), before the other days.
    expect(wednesday(blocks)).toBe(225);
    const day = (await cli(dir, ['plan', '--date', '2026-11-25'])).stdout;
    expect(day).toContain('  9:00–11:00  focus for your weekly goal (planned)');
    expect(day).toContain('  14:15–15:00  focus for your weekly goal (planned)');
  });
});
