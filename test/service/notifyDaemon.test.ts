import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeNotifier } from '../../main/core/desktopNotifier';
import { tempDir } from '../fakes/serviceHarness';

/**
 * Notifications against a real notification daemon: Xvfb, a private D-Bus session bus and dunst, which
 * prints each notification it receives (`dunst -print`). Debian: apt install xvfb dbus-x11 dunst
 * libnotify-bin; without them this is skipped and says so (test/unit/main/core/notifySend.test.ts checks
 * the same rules against a recording stand-in for notify-send).
 */
const present = (command: string, args: string[]) => {
  try {
    execFileSync(command, args, { stdio: 'ignore', timeout: 5000 });
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
};
const missing = [
  ['Xvfb', ['-help']],
  ['dbus-daemon', ['--version']],
  ['dunst', ['-version']],
  ['notify-send', ['--version']],
].filter(([command, args]) => !present(command as string, args as string[]));
if (process.platform === 'linux' && missing.length)
  console.warn(
    `Skipped: the real notification daemon test needs ${missing.map(([c]) => c).join(', ')} (apt install xvfb dbus-x11 dunst libnotify-bin).`,
  );

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts a program and waits for the first line it writes on `fd` (Xvfb's display, the bus address). */
function startReading(command: string, args: string[], fd: number, env?: NodeJS.ProcessEnv) {
  const stdio: ('ignore' | 'pipe')[] = ['ignore', 'ignore', 'pipe'];
  while (stdio.length <= fd) stdio.push('pipe');
  const child = spawn(command, args, { stdio, ...(env ? { env } : {}) });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const line = new Promise<string>((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`${command} did not start: ${errors}`)), 10_000);
    (child.stdio[fd] as NodeJS.ReadableStream).on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (!text.includes('\n')) return;
      clearTimeout(timer);
      resolve(text.trim());
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited (${code}): ${errors}`));
    });
  });
  return { child, line };
}

async function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}

// A session bus with no service files: nothing is started behind the test's back once dunst is stopped.
const BUS_CONFIG = `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy>
</busconfig>
`;

describe.skipIf(process.platform !== 'linux' || missing.length > 0)(
  'notifications shown by a real daemon (Xvfb, D-Bus, dunst, notify-send)',
  () => {
    let xvfb: ChildProcess | undefined;
    let bus: ChildProcess | undefined;
    let dunst: ChildProcess | undefined;
    let shown = '';
    let env: NodeJS.ProcessEnv = {};
    const saved = {
      DISPLAY: process.env.DISPLAY,
      DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS,
    };

    beforeAll(async () => {
      const x = startReading(
        'Xvfb',
        ['-displayfd', '3', '-screen', '0', '640x480x24', '-nolisten', 'tcp'],
        3,
      );
      xvfb = x.child;
      const display = `:${await x.line}`;
      const config = path.join(tempDir(), 'session.conf');
      fs.writeFileSync(config, BUS_CONFIG);
      const b = startReading('dbus-daemon', [`--config-file=${config}`, '--nofork', '--print-address=3'], 3);
      bus = b.child;
      env = {
        PATH: process.env.PATH,
        HOME: tempDir(),
        DISPLAY: display,
        DBUS_SESSION_BUS_ADDRESS: await b.line,
      };
      // This process's own session is the test's too, as it would be the user's for Cadence.
      Object.assign(process.env, {
        DISPLAY: env.DISPLAY,
        DBUS_SESSION_BUS_ADDRESS: env.DBUS_SESSION_BUS_ADDRESS,
      });
      dunst = spawn('dunst', ['-print'], { env, stdio: ['ignore', 'pipe', 'ignore'] });
      dunst.stdout?.on('data', (chunk: Buffer) => (shown += chunk.toString()));
      const notifier = new NodeNotifier('linux', env);
      for (let tries = 0; tries < 50; tries++) {
        if ((await notifier.notify({ title: 'ready', message: 'ready' })).delivered) return;
        await sleep(100);
      }
      throw new Error('dunst did not take notifications within 5 s');
    });

    afterAll(async () => {
      for (const [name, value] of Object.entries(saved))
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      await stop(dunst);
      await stop(bus);
      await stop(xvfb);
    });

    it('shows titles that look like options as text, without blocking or raising the urgency', async () => {
      const notifier = new NodeNotifier('linux', env);
      const started = Date.now();
      for (const title of ['--wait', '--action=open=Open', '--urgency=critical'])
        expect(await notifier.notify({ title, message: `body of ${title}` })).toEqual({ delivered: true });
      expect(Date.now() - started).toBeLessThan(5000);
      await sleep(300);
      for (const title of ['--wait', '--action=open=Open', '--urgency=critical']) {
        const entry = shown.split('\n}').find((block) => block.includes(`summary: '${title}'`));
        expect(entry, title).toContain(`body: 'body of ${title}'`);
        expect(entry).toContain('urgency: NORMAL');
      }
    });

    it('shows a body even when none was given', async () => {
      expect(await new NodeNotifier('linux', env).notify({ title: 'Deploy done', message: '' })).toEqual({
        delivered: true,
      });
      await sleep(300);
      const entry = shown.split('\n}').find((block) => block.includes("summary: 'Deploy done'"));
      expect(entry).toContain("body: 'From Cadence'");
    });

    it('says no notification service answers once the daemon is gone', async () => {
      await stop(dunst);
      const outcome = await new NodeNotifier('linux', env).notify({
        title: 'Lunch',
        message: 'Time for lunch',
      });
      expect(outcome).toEqual({
        delivered: false,
        reason: expect.stringMatching(/^no notification service answers in this session/),
      });
    });
  },
);
