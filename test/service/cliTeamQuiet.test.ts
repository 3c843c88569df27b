import { afterEach, describe, expect, it } from 'vitest';
import { cli, serve, stopAllServices } from '../fakes/processHarness';
import { seedSettings, tempDir } from '../fakes/serviceHarness';
import { TeamFileServer } from '../fakes/teamFileServer';

const servers: TeamFileServer[] = [];
afterEach(async () => {
  await stopAllServices();
  await Promise.all(servers.splice(0).map((server) => server.close().catch(() => undefined)));
});

const LONG_DAYS = [{ start: '09:00', end: '19:00' }];

describe('cadence status while following a team file with quiet hours', () => {
  it('names the team’s quiet hours as the reason, and says once where the member’s hours run into them', async () => {
    const server = await new TeamFileServer(
      JSON.stringify({ name: 'Platform team', quiet: { evenings: { from: '18:30', until: '08:00' } } }),
    ).start();
    servers.push(server);
    const dir = tempDir();
    seedSettings(dir, 'Europe/Berlin', {
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
      team: { address: server.url },
    });
    // Wednesday 25 November 2026, 18:45 in Berlin (libfaketime's clock, in UTC).
    await serve(dir, { faketime: '2026-11-25 17:45:00', env: { TZ: 'UTC' } });
    await expect
      .poll(async () => (await cli(dir, ['status'])).stdout, { timeout: 10_000 })
      .toContain(
        'Team quiet hours: no one on your team is expected to read or answer. Work resumes Thu 26 Nov, 9:00.',
      );
    const { stdout } = await cli(dir, ['status']);
    const clash = stdout.split('\n').filter((line) => line.includes("your team's quiet hours"));
    expect(clash).toEqual([
      "! Your working hours run past your team's quiet hours (18:30 to 8:00): Monday, Tuesday, Wednesday, Thursday and Friday until 19:00. Cadence shows you as off from 18:30.",
    ]);
  });
});
