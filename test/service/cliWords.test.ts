import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cli, ROOT, serve, stopAllServices } from '../fakes/processHarness';
import { seedSettings, tempDir } from '../fakes/serviceHarness';
import { everyDay } from '../unit/shared/domainFixtures';

afterEach(() => stopAllServices());

const firstLine = (text: string) => text.split('\n')[0];

describe('the CLI refuses in Cadence’s own words, with the next step', () => {
  it('knows its version, and suggests the command or option a typo meant', async () => {
    const dir = tempDir();
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(await cli(dir, ['--version'])).toEqual({ code: 0, stdout: `Cadence ${version}\n`, stderr: '' });
    const typo = await cli(dir, ['stauts']);
    expect([typo.code, typo.stderr]).toEqual([
      2,
      'Cadence has no command "stauts". Did you mean "cadence status"?\n',
    ]);
    expect((await cli(dir, ['teammate'])).stderr).toMatch(/Did you mean "cadence teammates"\?/);
    const option = await cli(dir, ['status', '--verison']);
    expect([option.code, firstLine(option.stderr)]).toEqual([
      2,
      'Cadence has no option --verison. Did you mean "--version"? "cadence help" lists every command and option.',
    ]);
    expect(firstLine((await cli(dir, ['plan', '--date'])).stderr)).toBe(
      '--date needs a value after it, e.g. --date 2026-03-09.',
    );
    expect(firstLine((await cli(dir, ['lunch', 'skp'])).stderr)).toBe(
      'Unknown lunch action "skp": use start, snooze, skip or done. Did you mean "lunch skip"?',
    );
    expect(firstLine((await cli(dir, ['connect', 'slak'])).stderr)).toBe(
      'connect needs slack, google or microsoft. Did you mean "connect slack"?',
    );
    expect(firstLine((await cli(dir, ['teammates', 'remvoe', 'Ana'])).stderr)).toMatch(
      /Did you mean "teammates remove"\?$/,
    );
    // Nothing near: the whole list, not a guess.
    expect((await cli(dir, ['banana'])).stderr).toMatch(/^Cadence has no command "banana"\.\n\nUsage:/);
  });

  it('says an unknown zone, a bad email or too many minutes in words, never a schema’s', async () => {
    const dir = tempDir();
    seedSettings(dir, 'UTC', { week: everyDay([{ start: '00:00', end: '23:59' }]), weekendDays: [] });
    await serve(dir);
    const zone = await cli(dir, ['teammates', 'add', 'Lena', 'Atlantis']);
    expect([zone.code, zone.stderr]).toEqual([
      2,
      'Cadence does not know the time zone "Atlantis". Try a city, like Berlin, or a zone like Europe/Berlin.\n',
    ]);
    expect((await cli(dir, ['teammates', 'add', 'Lena', 'Europe/Berlin', 'lena-at-work'])).stderr).toBe(
      '"lena-at-work" is not an email address. Give one like ana@example.com, or leave it out.\n',
    );
    expect((await cli(dir, ['lunch', 'snooze', '200'])).stderr).toBe(
      '200 minutes will not do: use 90 or less.\n',
    );
    expect((await cli(dir, ['plan', '--date', '2026-02-30'])).stderr).toBe(
      '--date 2026-02-30 is not a real date. Give one like 2026-03-09.\n',
    );
    // The examples follow the clock (the locale's here): clock.test.ts tries both.
    expect((await cli(dir, ['focus', 'until', '25:00'])).stderr).toMatch(
      /^Cadence cannot read "25:00" as a time\. Give one like .+ or noon, e\.g\. cadence focus until \S+/,
    );
    for (const words of [
      ['teammates', 'add', 'x'.repeat(81), 'UTC'],
      ['shutdown', '--priority', 'a', '--priority', 'b', '--priority', 'c', '--priority', 'd'],
      ['notify', 'x'.repeat(201)],
      ['configure', 'slack', 'has spaces?'],
    ]) {
      const refused = await cli(dir, words);
      expect(refused.code, words[0]).toBe(2);
      expect(refused.stderr, words[0]).not.toMatch(/input is not valid|^\s+\w+(\.\d+)?: /m);
    }
  });

  it('removes a teammate by name when only one has it, and lists the choices when several do', async () => {
    const dir = tempDir();
    seedSettings(dir, 'UTC');
    await serve(dir);
    await cli(dir, ['teammates', 'add', 'Priya', 'Asia/Kolkata']);
    await cli(dir, ['teammates', 'add', 'Ana', 'Europe/Lisbon']);
    await cli(dir, ['teammates', 'add', 'ana', 'America/Sao_Paulo']);
    const priya = await cli(dir, ['teammates', 'remove', 'priya']);
    expect([priya.code, priya.stdout]).toEqual([0, 'Removed Priya.\n']);
    expect((await cli(dir, ['teammates'])).stdout).not.toContain('Priya');
    const ana = await cli(dir, ['teammates', 'remove', 'Ana']);
    expect(ana.code).toBe(1);
    const lines = ana.stderr.trim().split('\n');
    expect(lines[0]).toBe('2 teammates are called Ana. Say which by its id:');
    expect(lines[1]).toMatch(/^ {2}Ana \(Europe\/Lisbon\) {2}\[[\w-]+\]$/);
    expect(lines[2]).toMatch(/^ {2}ana \(America\/Sao_Paulo\) {2}\[[\w-]+\]$/);
    const id = /\[([\w-]+)\]/.exec(lines[1] ?? '')?.[1] ?? '';
    expect(lines[3]).toMatch(/^For example: cadence teammates remove [\w-]+$/);
    expect((await cli(dir, ['teammates', 'remove', id])).stdout).toBe('Removed Ana.\n');
    const nobody = await cli(dir, ['teammates', 'remove', 'Zed']);
    expect([nobody.code, firstLine(nobody.stderr)]).toEqual([
      1,
      'No teammate is called Zed. The teammates you added:',
    ]);
    expect(nobody.stderr).toMatch(/ana \(America\/Sao_Paulo\)/);
  });
});
