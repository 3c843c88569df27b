import { afterEach, describe, expect, it } from 'vitest';
import { seedSettings, tempDir } from '../fakes/serviceHarness';
import { cli, serve, stopAllServices } from '../fakes/processHarness';

afterEach(() => stopAllServices());

describe('time zones on the command line', () => {
  it('adds a teammate by a city, a big city, a country or any name of a zone, stored under one name', async () => {
    const dir = tempDir();
    seedSettings(dir, 'Europe/Berlin');
    await serve(dir, { env: { TZ: 'Europe/Berlin' } });
    const added = async (...words: string[]) => {
      const result = await cli(dir, ['teammates', 'add', ...words]);
      expect(result.stderr, words.join(' ')).toBe('');
      return result.stdout.trim();
    };
    expect(await added('Lena', 'Berlin')).toMatch(/^Added Lena \(Europe\/Berlin\)/);
    expect(await added('Priya', 'Asia/Kolkata')).toMatch(/^Added Priya \(Asia\/Kolkata\)/);
    expect(await added('Arjun', 'Asia/Calcutta')).toMatch(/^Added Arjun \(Asia\/Kolkata\)/);
    expect(await added('Meera', 'mumbai')).toMatch(/^Added Meera \(Asia\/Kolkata\)/);
    expect(await added('Olena', 'kyiv')).toMatch(/^Added Olena \(Europe\/Kyiv\)/);
    expect(await added('Linh', 'ho', 'chi', 'minh', 'linh@example.org')).toMatch(
      /^Added Linh \(Asia\/Ho_Chi_Minh\)/,
    );
    expect(await added('Jonas', 'germany')).toMatch(/^Added Jonas \(Europe\/Berlin\)/);
    const listed = JSON.parse((await cli(dir, ['teammates', '--json'])).stdout) as { timeZone: string }[];
    expect(listed.map((t) => t.timeZone).sort()).toEqual([
      'Asia/Ho_Chi_Minh',
      'Asia/Kolkata',
      'Asia/Kolkata',
      'Asia/Kolkata',
      'Europe/Berlin',
      'Europe/Berlin',
      'Europe/Kyiv',
    ]);
  });

  it('gives the choices when a place could be several zones, and says when it names none', async () => {
    const dir = tempDir();
    seedSettings(dir, 'Europe/Berlin');
    await serve(dir, { env: { TZ: 'Europe/Berlin' } });
    const several = await cli(dir, ['teammates', 'add', 'Sam', 'united', 'states']);
    expect(several.code).toBe(2);
    expect(several.stderr).toMatch(/^"united states" could be more than one time zone:/);
    expect(several.stderr).toMatch(/1\. New York, United States \(America\/New_York\)/);
    const none = await cli(dir, ['teammates', 'add', 'Sam', 'Atlantis']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^Cadence does not know the time zone "Atlantis"\. Try a city, like Berlin/);
    expect(JSON.parse((await cli(dir, ['teammates', '--json'])).stdout)).toEqual([]);
  });

  it("calls the computer's zone by the name the settings use: Etc/UTC is UTC, no travel is told", async () => {
    const cases: [string, string][] = [
      ['Etc/UTC', 'UTC'],
      ['Asia/Calcutta', 'Asia/Kolkata'],
    ];
    for (const [system, stored] of cases) {
      const dir = tempDir();
      seedSettings(dir, stored);
      await serve(dir, { env: { TZ: system } });
      const status = JSON.parse((await cli(dir, ['status', '--json'])).stdout) as {
        timeZone: string;
        systemTimeZone: string;
      };
      expect([status.timeZone, status.systemTimeZone]).toEqual([stored, stored]);
      expect((await cli(dir, ['status'])).stdout).not.toMatch(/this computer is in/);
      await stopAllServices();
    }
  });
});
