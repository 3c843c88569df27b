import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { seedSettings, tempDir } from '../fakes/serviceHarness';
import { cli, serve, stopAllServices } from '../fakes/processHarness';
import { everyDay } from '../unit/shared/domainFixtures';

const hasFaketime = (() => {
  try {
    execFileSync('faketime', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

// Under faketime the service is the wrapper's child: stopAllServices ends both, not just the wrapper.
afterEach(() => stopAllServices());

/** The real service and CLI at another instant and zone, through libfaketime. */
async function at(
  zone: string,
  instant: string,
  patch = {},
): Promise<{ dir: string; run: (...args: string[]) => Promise<string> }> {
  const dir = tempDir();
  seedSettings(dir, zone, patch);
  const env = { TZ: zone, LC_ALL: 'en_GB.UTF-8' };
  await serve(dir, { faketime: instant, env });
  const run = async (...args: string[]) => {
    const result = await cli(dir, args, env);
    if (result.code !== 0) throw new Error(result.stderr);
    return result.stdout;
  };
  return { dir, run };
}

describe.skipIf(!hasFaketime)('the real service at chosen instants (libfaketime)', () => {
  it('starts a 30-minute block at 01:59 on the US spring-forward night and ends it at 03:29 EDT', async () => {
    const { run } = await at('America/New_York', '2026-03-08 01:59:00');
    const before = JSON.parse(await run('status', '--json')) as {
      mode: string;
      reason: string;
      nextWorkStart: string;
    };
    expect([before.mode, before.reason]).toEqual(['off', 'weekend']);
    expect(before.nextWorkStart).toBe('2026-03-09T09:00:00.000-04:00');
    await run('focus', '30');
    const status = JSON.parse(await run('status', '--json')) as { focus: { endsAt: string } };
    expect(status.focus.endsAt).toMatch(/^2026-03-08T03:29:0\d\.\d{3}-04:00$/);
  });

  it('prompts the shutdown ritual on a Friday afternoon and is off until Monday once it is done', async () => {
    const { run } = await at('Europe/Berlin', '2026-11-27 17:25:00');
    const status = JSON.parse(await run('status', '--json')) as { prompts: { kind: string }[] };
    expect(status.prompts.map((p) => p.kind)).toEqual(['shutdown']);
    expect(await run('shutdown', '--note', 'Wrapped up')).toMatch(/off until Mon 30 Nov, 9:00\./);
  });

  it('answers commands in the working zone, whatever zone the terminal is in', async () => {
    const { dir } = await at('Europe/Berlin', '2026-11-27 10:00:00');
    const result = await cli(dir, ['focus', '25'], { TZ: 'America/Los_Angeles', LC_ALL: 'en_GB.UTF-8' });
    expect(result.stdout.trim()).toBe('Focusing until 10:25.');
    const american = await cli(dir, ['focus', 'extend', '5'], { TZ: 'Asia/Tokyo', LC_ALL: 'en_US.UTF-8' });
    expect(american.stdout.trim()).toBe('Focus extended until 10:30 AM.');
  });

  it('shows the night shift of Lord Howe Island across its half-hour change', async () => {
    const { run } = await at('Australia/Lord_Howe', '2026-04-05 01:45:00', {
      week: everyDay([{ start: '22:00', end: '06:00' }]),
      weekendDays: [],
    });
    const status = JSON.parse(await run('status', '--json')) as {
      mode: string;
      until: string;
      workday: string;
    };
    expect([status.mode, status.workday]).toEqual(['working', '2026-04-04']);
    expect(status.until).toBe('2026-04-05T06:00:00.000+10:30');
  });
});
