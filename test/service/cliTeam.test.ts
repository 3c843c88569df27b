import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TEAM_FILE_EXAMPLE } from '../../shared/team/teamExample';
import { api, cli, serve, stopAllServices } from '../fakes/processHarness';
import { seedSettings, tempDir } from '../fakes/serviceHarness';
import { TeamFileServer } from '../fakes/teamFileServer';

const servers: TeamFileServer[] = [];
afterEach(async () => {
  await stopAllServices();
  await Promise.all(servers.splice(0).map((server) => server.close().catch(() => undefined)));
});

/** A data folder whose settings write times on a 24-hour clock, and a team file in it. */
function folderWith(team: string): { dir: string; file: string } {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ locale: 'en-GB', clock: '24h' }));
  const file = path.join(dir, 'team.json');
  fs.writeFileSync(file, team);
  return { dir, file };
}

describe('cadence team check FILE (no running Cadence needed)', () => {
  it('sums up what a valid file sets, and exits 0', async () => {
    const { dir, file } = folderWith(JSON.stringify(TEAM_FILE_EXAMPLE));
    const result = await cli(dir, ['team', 'check', file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${file} is a valid team file. It sets:`);
    expect(result.stdout).toContain('  Core hours: 15:00–17:00 Europe/Berlin time');
    expect(result.stdout).toContain('  Meeting-free day: Wednesday');
  });

  it('says every problem by its field with a good value, and exits 2', async () => {
    const { dir, file } = folderWith(
      '{"quiet": {"evenings": {"from": "6pm", "until": "08:00"}}, "meetingFreeDay": "Wed"}',
    );
    const result = await cli(dir, ['team', 'check', file]);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')).toEqual([
      `${file} is not a team file Cadence can follow yet: 2 problems.`,
      '  quiet.evenings.from: use a 24-hour time like 18:30 — for example "from": "18:30"',
      '  meetingFreeDay: choose one of "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" — for example "meetingFreeDay": "wednesday"',
      'Nothing in it is used until every problem is fixed.',
      '',
    ]);
    const json = await cli(dir, ['team', 'check', file, '--json']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: false,
      problems: [{ path: 'quiet.evenings.from' }, { path: 'meetingFreeDay' }],
    });
  });

  it('says when the file is not JSON, or not there', async () => {
    const { dir, file } = folderWith('name: Platform team');
    const notJson = await cli(dir, ['team', 'check', file]);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/the file: not valid JSON/);
    const missing = await cli(dir, ['team', 'check', path.join(dir, 'nowhere.json')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^There is no file .*nowhere\.json: give the path of the team file/);
    const usage = await cli(dir, ['team', 'check']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^team check needs the path of one team file/);
  });
});

describe('cadence team: the team file a running Cadence follows', () => {
  it('shows the team and when it was read; a change once; a failed read without losing the copy', async () => {
    const server = await new TeamFileServer(JSON.stringify(TEAM_FILE_EXAMPLE)).start();
    servers.push(server);
    const dir = tempDir();
    seedSettings(dir, 'UTC', { locale: 'en-GB', clock: '24h' });
    // The service's own clock says when the file was read: here libfaketime's.
    const service = await serve(dir, { faketime: '2026-03-09 09:00:00' });
    expect((await cli(dir, ['team'])).stdout).toMatch(
      /^You follow no team file\. Set its address in Settings → Team/,
    );

    // Settings → Team: the address, as the window sets it through the local API.
    const saved = await api(service, '/api/command/settings.update', {
      patch: { team: { address: server.url } },
    });
    expect(saved.status).toBe(200);
    await expect
      .poll(async () => (await cli(dir, ['team'])).stdout)
      .toMatch(/^Following Platform team \(http:/);
    const shown = (await cli(dir, ['team'])).stdout;
    expect(shown).toMatch(/, last read Mon 9 Mar, 9:0\d\.\n/);
    expect(shown).toContain('  Meeting-free day: Wednesday');
    const view = JSON.parse((await cli(dir, ['team', '--json'])).stdout) as { readAt: string };
    expect(view.readAt).toMatch(/^2026-03-09T09:0\d:\d\d\.\d{3}\+00:00$/);

    server.publish(JSON.stringify({ ...TEAM_FILE_EXAMPLE, meetingFreeDay: 'thursday' }));
    const read = await cli(dir, ['team', 'read']);
    expect(read.stdout).toContain('Changed: Now: Meeting-free day: Thursday.');
    // Said once: seen here, it is not said again (here or in the window).
    expect((await cli(dir, ['team'])).stdout).not.toContain('Changed:');
    expect(server.conditions.at(-1)).toMatch(/^"/);

    await server.close();
    const offline = await cli(dir, ['team', 'read']);
    expect(offline.stdout).toContain('  Meeting-free day: Thursday');
    expect(offline.stdout).toMatch(/! Could not reach .*: are you offline\? Cadence tries again later/);

    // A plain-http address elsewhere is refused, and nothing changes.
    const refused = await api(service, '/api/command/settings.update', {
      patch: { team: { address: 'http://example.com/team.json' } },
    });
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body)).toContain(
      'use https: a team file is read over plain http only from this computer',
    );
    expect((await cli(dir, ['team'])).stdout).toContain(`(${server.url})`);
  });
});
