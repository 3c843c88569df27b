import { type ChildProcess, execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../../fakes/processHarness';
import {
  canScan,
  describeLeaks,
  findMarkedProcesses,
  killMarkedProcesses,
  MARKER_VARIABLE,
  newMarker,
} from '../../processLeaks.js';

/** An argument that makes the probe's command line recognisable. */
const PROBE = 'cadence-leak-probe';
const markers: string[] = [];

/** A test that leaks: a long-running process, detached so that nothing ends it with us. */
function leak(): { child: ChildProcess; marker: string } {
  const marker = newMarker();
  markers.push(marker);
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', PROBE], {
    detached: true,
    stdio: 'ignore',
    env: { ...process.env, [MARKER_VARIABLE]: marker },
  });
  child.unref();
  return { child, marker };
}

/** Until it has exec'd, a forked child still carries our environment, not the marker. */
async function seen(marker: string, pid: number | undefined): Promise<void> {
  await expect
    .poll(() => findMarkedProcesses(marker).map((p) => p.pid), { timeout: 5000, interval: 20 })
    .toEqual([pid]);
}

afterEach(async () => {
  await Promise.all(markers.splice(0).map((marker) => killMarkedProcesses(marker, { graceMs: 500 })));
});

describe.skipIf(!canScan())('finding the processes a test run left behind', () => {
  it('reports a process carrying the marker, by pid and command line, and nothing once it has ended', async () => {
    const { child, marker } = leak();
    await seen(marker, child.pid);
    const [found] = findMarkedProcesses(marker);
    expect(found?.pid).toBe(child.pid);
    expect(found?.command).toBe(`${process.execPath} -e setInterval(() => {}, 1000) ${PROBE}`);
    expect(describeLeaks([found!])).toEqual([`Leftover process ${child.pid}: ${found!.command}`]);

    expect(await killMarkedProcesses(marker, { graceMs: 2000 })).toEqual([]);
    expect(findMarkedProcesses(marker)).toEqual([]);
  });

  it('reports only the processes carrying this marker, and leaves out the caller', async () => {
    const { child, marker } = leak();
    await seen(marker, child.pid);
    expect(findMarkedProcesses(newMarker())).toEqual([]);
    expect(findMarkedProcesses(marker, { variable: 'SOME_OTHER_VARIABLE' })).toEqual([]);
    expect(findMarkedProcesses(marker, { exclude: [child.pid!] })).toEqual([]);
  });

  it('fails the run (npm test) while such a process is alive, names it, and ends it', async () => {
    const { child, marker } = leak();
    await seen(marker, child.pid);
    const check = await runLeakCheck(marker);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`Leftover process ${child.pid}: `);
    expect(check.stdout).toContain(PROBE);
    expect(findMarkedProcesses(marker)).toEqual([]);
  });

  it('passes the run when nothing is left', async () => {
    const check = await runLeakCheck(newMarker());
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/processes left behind\nNone\./);
  });
});

/** The last step of `npm test` alone: test/run-all.js --leak-check-only=MARKER. */
function runLeakCheck(marker: string): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(ROOT, 'test/run-all.js'), `--leak-check-only=${marker}`],
      { cwd: ROOT },
      (error, stdout) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout }),
    );
  });
}
