import { afterEach, describe, expect, it } from 'vitest';
import { cli, serve, stopAllServices } from '../fakes/processHarness';
import { seedSettings, tempDir } from '../fakes/serviceHarness';

afterEach(() => stopAllServices());

/**
 * The service on a Wednesday at a wall-clock time in its zone (libfaketime reads it in the process's TZ),
 * at 08:00 UTC either way: 13:30 in Kolkata. Work is Mon–Fri 09:00–17:30.
 */
async function cadenceIn(zone: string, clock: '12h' | '24h', now: string) {
  const dir = tempDir();
  seedSettings(dir, zone, { clock });
  await serve(dir, { faketime: now, env: { TZ: zone } });
  return async (...words: string[]) => {
    const result = await cli(dir, words, { TZ: zone });
    return (result.stdout + result.stderr).trim();
  };
}

describe('the CLI reads and writes times on the clock the user chose', () => {
  it('on a 12-hour clock in UTC: 5pm, 5:30 pm and noon are read; refusals say 12-hour times', async () => {
    const cadence = await cadenceIn('UTC', '12h', '2026-11-25 08:00:00');
    expect(await cadence('focus', 'until', '5pm')).toMatch(/^Focusing until 5:00\sPM\.$/);
    expect(await cadence('focus', 'until', '5:30', 'pm')).toMatch(
      /^A focus block is already running until 5:00\sPM\. Extend or stop it first\.$/,
    );
    await cadence('focus', 'stop');
    expect(await cadence('focus', 'until', '7am')).toMatch(
      /^7:00\sAM has already passed today; pick a later time\.$/,
    );
    expect(await cadence('focus', 'until', 'soon')).toMatch(
      /^Cadence cannot read "soon" as a time\. Give one like 4:30\sPM, 4pm or noon, e\.g\. cadence focus until 4:00\sPM$/,
    );
    expect(await cadence('focus', 'until', 'noon')).toMatch(/^Focusing until 12:00\sPM\.$/);
    await cadence('teammates', 'add', 'Priya', 'Kolkata');
    expect(await cadence('teammates')).toMatch(/^1:30\sPM {2}Priya \(Asia\/Kolkata\)/);
    expect(await cadence('plan')).toMatch(/\n {2}9:00\sAM–5:30\sPM {2}working hours\n/);
  });

  it('on a 24-hour clock in Asia/Kolkata: 5pm and 4:30 p.m. are read too; refusals say 24-hour times', async () => {
    const cadence = await cadenceIn('Asia/Kolkata', '24h', '2026-11-25 13:30:00');
    expect(await cadence('focus', 'until', '5pm')).toBe('Focusing until 17:00.');
    expect(await cadence('focus', 'until', '4:30', 'p.m.')).toBe(
      'A focus block is already running until 17:00. Extend or stop it first.',
    );
    await cadence('focus', 'stop');
    expect(await cadence('focus', 'until', '9am')).toBe('09:00 has already passed today; pick a later time.');
    expect(await cadence('focus', 'until', '11')).toBe(
      'Cadence cannot read "11" as a time. Give one like 16:30 or noon, e.g. cadence focus until 16:00',
    );
    expect(await cadence('focus', 'until', '17.45')).toBe('Focusing until 17:45.');
    await cadence('focus', 'stop');
    // Until midnight is until the end of today.
    expect(await cadence('focus', 'until', 'midnight')).toBe('Focusing until 00:00.');
    await cadence('teammates', 'add', 'Lena', 'Berlin');
    expect(await cadence('teammates')).toMatch(/^09:00 {2}Lena \(Europe\/Berlin\)/);
    expect(await cadence('plan')).toMatch(/\n {2}09:00–17:30 {2}working hours\n/);
  });
});
