import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { execRun, probeLinuxActivity, type Run } from '../../main/headless/linuxActivity';
import { serve, stopAllServices } from '../fakes/processHarness';
import { seedSettings, tempDir } from '../fakes/serviceHarness';

/**
 * The Linux headless activity source against what a real session offers: an X server (Xvfb) read through
 * xprintidle and moved with xdotool, logind where this machine has a session, and the plain "no source"
 * where it has neither. `npm test` and .ci/run install xvfb, xprintidle and xdotool; without them the X
 * test is skipped, and says so.
 */
const installed = (command: string, args: string[]) => {
  try {
    execFileSync(command, args, { stdio: 'ignore', timeout: 5000 });
    return true;
  } catch (error) {
    // Installed but unhappy without a display (xprintidle): it ran, so it is there.
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
};
const xTools = ['Xvfb', 'xprintidle', 'xdotool'].filter(
  (tool) => !installed(tool, tool === 'Xvfb' ? ['-help'] : tool === 'xdotool' ? ['version'] : []),
);
const hasLogind = (() => {
  try {
    return /^IdleHint=/m.test(
      execFileSync('loginctl', ['show-session', process.env.XDG_SESSION_ID || 'auto', '-p', 'IdleHint'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
        timeout: 5000,
      }),
    );
  } catch {
    return false;
  }
})();
if (process.platform === 'linux' && xTools.length)
  console.warn(
    `Skipped: the X screen saver test needs ${xTools.join(', ')} (apt install xvfb xprintidle xdotool).`,
  );
if (process.platform === 'linux' && !hasLogind)
  console.warn('Skipped: the logind test — this machine has no logind session to read.');

afterEach(() => stopAllServices());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts Xvfb on a display it picks itself (-displayfd: no race for a free number). */
async function startXvfb(): Promise<{ display: string; server: ChildProcess }> {
  const server = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '640x480x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  server.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const number = await new Promise<string>((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`Xvfb did not start: ${errors}`)), 10_000);
    (server.stdio[3] as NodeJS.ReadableStream).on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\n')) {
        clearTimeout(timer);
        resolve(text.trim());
      }
    });
    server.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb exited (${code}): ${errors}`));
    });
  });
  return { display: `:${number}`, server };
}

async function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}

// This machine's logind (if any) has nothing to do with the X server the test starts: leave it out.
const withoutLogind: Run = (command, args, env) =>
  command === 'loginctl'
    ? Promise.reject(Object.assign(new Error('no session'), { code: 1 }))
    : execRun(command, args, env);

describe.skipIf(process.platform !== 'linux' || xTools.length > 0)(
  "the X screen saver's idle time (Xvfb, xprintidle, xdotool)",
  () => {
    let xvfb: { display: string; server: ChildProcess } | null = null;
    beforeAll(async () => {
      xvfb = await startXvfb();
    });
    afterAll(async () => {
      if (xvfb) await stop(xvfb.server);
    });

    it('is found on the display, grows while nothing happens, and starts again when the mouse moves', async () => {
      const { display } = xvfb!;
      const env = { PATH: process.env.PATH, DISPLAY: display };
      const probe = await probeLinuxActivity(env, withoutLogind);
      expect(probe.source?.description).toBe(`the X screen saver's idle time on display ${display}`);
      const source = probe.source!;
      const first = (await source.idleSeconds())!;
      await sleep(2200);
      const later = (await source.idleSeconds())!;
      expect(later).toBeGreaterThanOrEqual(first + 2);
      execFileSync('xdotool', ['mousemove', '200', '150'], { env, timeout: 5000 });
      expect(await source.idleSeconds()).toBeLessThan(later);
      expect(await source.idleSeconds()).toBeLessThanOrEqual(1);
    });

    it.skipIf(hasLogind)('is what the built headless service uses on that display', async () => {
      const dir = tempDir();
      seedSettings(dir, 'UTC');
      const service = await serve(dir, { env: { DISPLAY: xvfb!.display, XDG_SESSION_ID: '' } });
      await service.stop();
      expect(fs.readFileSync(path.join(dir, 'cadence.log'), 'utf8')).toContain(
        `activity: the X screen saver's idle time on display ${xvfb!.display}`,
      );
    });

    it('reads "cannot tell" once the display is gone, without throwing', async () => {
      const { display, server } = xvfb!;
      const probe = await probeLinuxActivity({ PATH: process.env.PATH, DISPLAY: display }, withoutLogind);
      expect(probe.source).not.toBeNull();
      await stop(server);
      expect(await probe.source!.idleSeconds()).toBeNull();
    });
  },
);

describe.skipIf(process.platform !== 'linux')('what this machine offers', () => {
  it.skipIf(hasLogind)(
    'says plainly that there is no source without logind and with DISPLAY unset',
    async () => {
      const started = Date.now();
      const probe = await probeLinuxActivity({ PATH: process.env.PATH });
      expect(probe).toEqual({
        source: null,
        reason: expect.stringMatching(
          /^no logind( session| \(loginctl is not installed\)) and no X display \(DISPLAY is not set\)$/,
        ) as unknown,
      });
      expect(Date.now() - started).toBeLessThan(3000);
    },
  );

  it.skipIf(!hasLogind)("reads logind's idle hint for this session", async () => {
    const probe = await probeLinuxActivity({
      PATH: process.env.PATH,
      ...(process.env.XDG_SESSION_ID ? { XDG_SESSION_ID: process.env.XDG_SESSION_ID } : {}),
    });
    expect(probe.source?.description).toMatch(/^logind's idle hint for session /);
    const idle = await probe.source!.idleSeconds();
    expect(idle === null || idle >= 0).toBe(true);
  });
});
