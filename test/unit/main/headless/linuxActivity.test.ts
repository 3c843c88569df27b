import { describe, expect, it } from 'vitest';
import {
  logindIdleSeconds,
  parseLogindSession,
  parseXprintidle,
  probeLinuxActivity,
  type Run,
} from '../../../../main/headless/linuxActivity';

/** 2024-11-05 20:00:00 UTC, in milliseconds: "now" for every reading here. */
const NOW = Date.UTC(2024, 10, 5, 20, 0, 0);
const micros = (ms: number) => String(ms * 1000);

const notInstalled = () => Object.assign(new Error('spawn ENOENT'), { code: 'ENOENT' });
const failed = (stderr: string) => Object.assign(new Error('Command failed'), { code: 1, stderr });

/** A fake `run`: answers per program, and records what was asked with which environment. */
function fakeRun(answers: Record<string, (args: readonly string[]) => string>): Run & { calls: string[] } {
  const calls: string[] = [];
  const run = (command: string, args: readonly string[], env: NodeJS.ProcessEnv) => {
    calls.push(`${env.DISPLAY ? `DISPLAY=${env.DISPLAY} ` : ''}${[command, ...args].join(' ')}`);
    const answer = answers[command];
    if (!answer) return Promise.reject(notInstalled());
    try {
      return Promise.resolve(answer(args));
    } catch (error) {
      return Promise.reject(error as Error);
    }
  };
  return Object.assign(run, { calls });
}

const session = (lines: Record<string, string>) =>
  Object.entries(lines)
    .map(([name, value]) => `${name}=${value}`)
    .join('\n') + '\n';

describe("reading logind's idle hint", () => {
  it('reads the properties loginctl prints, one Name=value a line', () => {
    expect(
      parseLogindSession(
        session({ Id: '3', Type: 'wayland', IdleHint: 'yes', IdleSinceHint: micros(NOW - 600_000) }),
      ),
    ).toEqual({ id: '3', type: 'wayland', idle: true, sinceMicros: (NOW - 600_000) * 1000 });
    expect(parseLogindSession('')).toBeNull();
    expect(parseLogindSession('IdleHint=maybe\nIdleSinceHint=0\n')).toBeNull();
    expect(parseLogindSession('IdleHint=no\nIdleSinceHint=soon\n')).toBeNull();
  });

  it('counts from when the desktop said idle; "not idle" is someone at the machine', () => {
    const idleTenMinutes = { id: '3', type: 'x11', idle: true, sinceMicros: (NOW - 600_000) * 1000 };
    expect(logindIdleSeconds(idleTenMinutes, NOW)).toBe(600);
    const active = { id: '3', type: 'x11', idle: false, sinceMicros: (NOW - 600_000) * 1000 };
    expect(logindIdleSeconds(active, NOW)).toBe(0);
  });

  it('cannot tell for a desktop that never set the hint', () => {
    expect(logindIdleSeconds({ id: '3', type: 'wayland', idle: false, sinceMicros: 0 }, NOW)).toBeNull();
  });

  it("takes a terminal session's last use, whatever the hint says", () => {
    const tty = { id: '7', type: 'tty', idle: false, sinceMicros: (NOW - 42_000) * 1000 };
    expect(logindIdleSeconds(tty, NOW)).toBe(42);
  });
});

describe("reading xprintidle's output", () => {
  it('turns milliseconds into whole seconds and refuses anything else', () => {
    expect(parseXprintidle('12345\n')).toBe(12);
    expect(parseXprintidle('999')).toBe(0);
    expect(parseXprintidle('')).toBeNull();
    expect(parseXprintidle("couldn't open display")).toBeNull();
    expect(parseXprintidle('-5')).toBeNull();
  });
});

describe('what a Linux session offers', () => {
  it("uses logind's idle hint for the session in XDG_SESSION_ID, read afresh each time", async () => {
    let since = NOW - 300_000;
    const run = fakeRun({
      loginctl: () => session({ Id: '5', Type: 'x11', IdleHint: 'yes', IdleSinceHint: micros(since) }),
      xprintidle: () => '1000',
    });
    const probe = await probeLinuxActivity({ XDG_SESSION_ID: '5' }, run, () => NOW);
    expect(probe.source?.description).toBe("logind's idle hint for session 5");
    expect(await probe.source?.idleSeconds()).toBe(300);
    since = NOW - 60_000;
    expect(await probe.source?.idleSeconds()).toBe(60);
    expect(run.calls[0]).toBe('loginctl show-session 5 -p Id -p Type -p IdleHint -p IdleSinceHint');
    expect(run.calls.some((call) => call.includes('xprintidle'))).toBe(false);
  });

  it('prefers the X screen saver where there is an X display: logind says "not idle" for minutes', async () => {
    const run = fakeRun({
      loginctl: () => session({ Id: '5', Type: 'x11', IdleHint: 'no', IdleSinceHint: micros(NOW - 300_000) }),
      xprintidle: () => '42000',
    });
    const probe = await probeLinuxActivity({ XDG_SESSION_ID: '5', DISPLAY: ':0' }, run, () => NOW);
    expect(await probe.source?.idleSeconds()).toBe(42);
    expect(probe.source?.description).not.toMatch(/logind/);
  });

  it('asks logind to find the session itself when XDG_SESSION_ID is not set', async () => {
    const run = fakeRun({
      loginctl: () => session({ Id: '2', Type: 'tty', IdleHint: 'no', IdleSinceHint: micros(NOW - 5000) }),
    });
    const probe = await probeLinuxActivity({}, run, () => NOW);
    expect(run.calls[0]).toContain('loginctl show-session auto ');
    expect(probe.source?.description).toBe("logind's idle hint for session 2");
    expect(await probe.source?.idleSeconds()).toBe(5);
  });

  it('says "cannot tell" (null) when a later read fails, and does not throw', async () => {
    let up = true;
    const run = fakeRun({
      loginctl: () => {
        if (!up) throw failed('Failed to connect to bus');
        return session({ Id: '5', Type: 'x11', IdleHint: 'no', IdleSinceHint: micros(NOW - 1000) });
      },
    });
    const probe = await probeLinuxActivity({}, run, () => NOW);
    expect(await probe.source?.idleSeconds()).toBe(0);
    up = false;
    expect(await probe.source?.idleSeconds()).toBeNull();
  });

  it('prefers the X screen saver while the desktop has never set the idle hint', async () => {
    const run = fakeRun({
      loginctl: () => session({ Id: '5', Type: 'x11', IdleHint: 'no', IdleSinceHint: '0' }),
      xprintidle: () => '61000\n',
    });
    const probe = await probeLinuxActivity({ DISPLAY: ':0' }, run, () => NOW);
    expect(probe.source?.description).toBe("the X screen saver's idle time on display :0");
    expect(await probe.source?.idleSeconds()).toBe(61);
  });

  it('keeps logind (which cannot tell yet) when a Wayland desktop has not set the hint: X cannot see its input', async () => {
    const run = fakeRun({
      loginctl: () => session({ Id: '4', Type: 'wayland', IdleHint: 'no', IdleSinceHint: '0' }),
      xprintidle: () => '900000',
    });
    const probe = await probeLinuxActivity({ DISPLAY: ':0' }, run, () => NOW);
    expect(probe.source?.description).toBe("logind's idle hint for session 4");
    expect(await probe.source?.idleSeconds()).toBeNull();
    expect(run.calls.some((call) => call.includes('xprintidle'))).toBe(false);
  });

  it('uses the X screen saver when there is no logind, and null when a read fails', async () => {
    let output = '2500';
    const run = fakeRun({
      loginctl: () => {
        throw failed("System has not been booted with systemd as init system (PID 1). Can't operate.");
      },
      xprintidle: () => output,
    });
    const probe = await probeLinuxActivity({ DISPLAY: ':1' }, run, () => NOW);
    expect(probe.source?.description).toBe("the X screen saver's idle time on display :1");
    expect(await probe.source?.idleSeconds()).toBe(2);
    output = 'garbage';
    expect(await probe.source?.idleSeconds()).toBeNull();
  });

  it('says plainly what is missing when there is neither', async () => {
    const noLogind = () => {
      throw failed('Failed to connect to bus: Host is down');
    };
    await expect(probeLinuxActivity({}, fakeRun({ loginctl: noLogind }))).resolves.toEqual({
      source: null,
      reason: 'no logind session and no X display (DISPLAY is not set)',
    });
    await expect(probeLinuxActivity({ DISPLAY: ':0' }, fakeRun({ loginctl: noLogind }))).resolves.toEqual({
      source: null,
      reason: 'no logind session and xprintidle is not installed — apt install xprintidle',
    });
    await expect(probeLinuxActivity({}, fakeRun({}))).resolves.toEqual({
      source: null,
      reason: 'no logind (loginctl is not installed) and no X display (DISPLAY is not set)',
    });
    const noDisplay = fakeRun({
      xprintidle: () => {
        throw failed("couldn't open display\n");
      },
    });
    await expect(probeLinuxActivity({ DISPLAY: ':9' }, noDisplay)).resolves.toEqual({
      source: null,
      reason:
        "no logind (loginctl is not installed) and the X display :9 could not be read (couldn't open display)",
    });
  });

  it('never throws, even when running a program throws at once', async () => {
    const broken: Run = () => {
      throw new Error('spawn failed');
    };
    const probe = await probeLinuxActivity({ DISPLAY: ':0' }, broken);
    expect(probe.source).toBeNull();
    expect(probe.source === null && probe.reason).toContain('spawn failed');
  });
});
