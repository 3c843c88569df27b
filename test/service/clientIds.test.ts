import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cli, serve, stopAllServices } from '../fakes/processHarness';
import { seedSettings, tempDir } from '../fakes/serviceHarness';

afterEach(() => stopAllServices());

describe('the client id of your own app, from the command line', () => {
  it('cadence integrations names the id in use and whether a secret is saved; configure --remove forgets it', async () => {
    const dir = tempDir();
    seedSettings(dir, 'UTC');
    await serve(dir);
    const id = 'cadence-1.apps.googleusercontent.com';
    expect((await cli(dir, ['configure', 'google', id, '--client-secret', 'GOCSPX-not-for-eyes'])).code).toBe(
      0,
    );
    const listed = await cli(dir, ['integrations']);
    expect(listed.stdout).toContain(
      `Google Calendar: not connected\n  client ID ${id} (client secret saved)`,
    );
    expect(listed.stdout).not.toContain('GOCSPX-not-for-eyes');
    const removed = await cli(dir, ['configure', 'google', '--remove']);
    expect([removed.code, removed.stdout.trim()]).toEqual([
      0,
      'Google Calendar: client id removed, with any sign-in made with it.',
    ]);
    expect((await cli(dir, ['integrations'])).stdout).toContain(
      'Google Calendar: not set up (cadence configure)',
    );
    // Nothing saved any more: said so, not "removed"; an id given to --remove is refused, not ignored.
    const again = await cli(dir, ['configure', 'google', '--remove']);
    expect(again.code).not.toBe(0);
    expect(again.stdout + again.stderr).toContain(
      'Google Calendar has no client id saved in Cadence, so there is nothing to remove.',
    );
    const withId = await cli(dir, ['configure', 'slack', 'some-app', '--remove']);
    expect(withId.code).not.toBe(0);
    expect(withId.stdout + withId.stderr).toContain(
      'configure --remove forgets the client id that is saved and takes none: run cadence configure slack --remove',
    );
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'integrations.json'), 'utf8'))).toEqual({});
  }, 30_000);
});
