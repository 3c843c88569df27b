import { afterEach, describe, expect, it } from 'vitest';
import { cli, serve, stopAllServices } from '../fakes/processHarness';
import { seedSettings, tempDir } from '../fakes/serviceHarness';

afterEach(() => stopAllServices());

describe('cadence teammates edit', () => {
  it('changes a teammate found by name (name, place, hours, email), and says what is wrong in words', async () => {
    const dir = tempDir();
    seedSettings(dir, 'UTC');
    await serve(dir);
    await cli(dir, ['teammates', 'add', 'Priya', 'Asia/Kolkata', 'priya@example.com']);

    const moved = await cli(dir, ['teammates', 'edit', 'priya', '--zone', 'Berlin', '--hours', '8-16']);
    expect(moved.code).toBe(0);
    expect(moved.stdout).toMatch(/^Changed Priya \(Europe\/Berlin, priya@example\.com\) \[[\w-]+\]\.\n$/);
    const renamed = await cli(dir, [
      'teammates',
      'edit',
      'Priya',
      '--name',
      'Priya Raman',
      '--email',
      'none',
    ]);
    expect(renamed.stdout).toMatch(/^Changed Priya Raman \(Europe\/Berlin\) \[[\w-]+\]\.\n$/);
    const [stored] = JSON.parse((await cli(dir, ['teammates', '--json'])).stdout) as {
      name: string;
      timeZone: string;
      entered: { week: Record<string, { start: string; end: string }[]>; email?: string };
    }[];
    expect(stored?.name).toBe('Priya Raman');
    expect(stored?.entered.week['1']).toEqual([{ start: '08:00', end: '16:00' }]);
    expect(stored?.entered.email).toBeUndefined();

    const nothing = await cli(dir, ['teammates', 'edit', 'Priya Raman']);
    expect([nothing.code, nothing.stderr.split('\n')[0]]).toEqual([
      2,
      'teammates edit needs a name or an id and what to change, e.g. teammates edit Ana --zone Lisbon --hours 08:00-16:00 (also --name NEW-NAME, --email ADDRESS or --email none).',
    ]);
    const hours = await cli(dir, ['teammates', 'edit', 'Priya Raman', '--hours', 'mornings']);
    expect(hours.stderr).toBe(
      '--hours needs two 24-hour times with a dash, e.g. --hours 08:00-16:00 (Monday to Friday); "mornings" is not that.\n',
    );
    const email = await cli(dir, ['teammates', 'edit', 'Priya Raman', '--email', 'priya-at-work']);
    expect(email.stderr).toBe(
      '"priya-at-work" is not an email address. Give one like ana@example.com, or leave it out.\n',
    );
    const nobody = await cli(dir, ['teammates', 'edit', 'Zed', '--zone', 'Atlantis']);
    expect([nobody.code, nobody.stderr.split('\n')[0]]).toEqual([
      1,
      'No teammate is called Zed. The teammates you added:',
    ]);
    const zone = await cli(dir, ['teammates', 'edit', 'Priya Raman', '--zone', 'Atlantis']);
    expect(zone.stderr).toBe(
      'Cadence does not know the time zone "Atlantis". Try a city, like Berlin, or a zone like Europe/Berlin.\n',
    );
  });
});
