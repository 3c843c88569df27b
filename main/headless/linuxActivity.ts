import { execFile } from 'node:child_process';
import type { ActivityProbe, ActivitySource } from '../core/ports';

/**
 * Runs a program without a shell and resolves with what it printed; rejects when it cannot be started
 * (error.code 'ENOENT': not installed), fails, or takes longer than a moment.
 */
export type Run = (command: string, args: readonly string[], env: NodeJS.ProcessEnv) => Promise<string>;

const READ_TIMEOUT_MS = 1500;

export const execRun: Run = (command, args, env) =>
  new Promise((resolve, reject) => {
    execFile(
      command,
      [...args],
      { env, timeout: READ_TIMEOUT_MS, killSignal: 'SIGKILL', windowsHide: true },
      (error, stdout, stderr) => {
        if (error) reject(Object.assign(error, { stderr: String(stderr) }));
        else resolve(String(stdout));
      },
    );
  });

interface LogindSession {
  id: string;
  type: string;
  idle: boolean;
  /** Microseconds since the epoch: when the desktop last changed the hint, or a terminal's last use. */
  sinceMicros: number;
}

const GRAPHICAL = new Set(['x11', 'wayland', 'mir']);

/** `loginctl show-session … -p Id -p Type -p IdleHint -p IdleSinceHint`: one Name=value a line. */
export function parseLogindSession(stdout: string): LogindSession | null {
  const values = new Map<string, string>();
  for (const line of stdout.split('\n')) {
    const at = line.indexOf('=');
    if (at > 0) values.set(line.slice(0, at).trim(), line.slice(at + 1).trim());
  }
  const hint = values.get('IdleHint');
  const since = Number(values.get('IdleSinceHint'));
  if ((hint !== 'yes' && hint !== 'no') || !Number.isFinite(since) || since < 0) return null;
  return {
    id: values.get('Id') ?? '',
    type: values.get('Type') ?? '',
    idle: hint === 'yes',
    sinceMicros: since,
  };
}

/**
 * Seconds idle by logind. A graphical session's hint is the desktop's: it turns "yes" after the desktop's
 * own idle delay (GNOME: 5 minutes) and the time says since when; "no" means someone used the machine
 * within that delay. A desktop that never set the hint leaves the time at 0, and then nothing can be
 * told. For a terminal session logind gives the terminal's last use whatever the hint says.
 */
export function logindIdleSeconds(session: LogindSession, nowMs: number): number | null {
  if (session.sinceMicros === 0) return null;
  const since = Math.max(0, Math.floor((nowMs - session.sinceMicros / 1000) / 1000));
  if (session.idle || !GRAPHICAL.has(session.type)) return since;
  return 0;
}

/** xprintidle prints the X screen saver extension's idle time in milliseconds, one number. */
export function parseXprintidle(stdout: string): number | null {
  const text = stdout.trim();
  if (!/^\d+$/.test(text)) return null;
  return Math.floor(Number(text) / 1000);
}

type Attempt = { source: ActivitySource } | { reason: string };

const missing = (error: unknown): boolean => (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';

function firstLine(error: unknown): string {
  const stderr = (error as { stderr?: string } | null)?.stderr?.trim();
  const text = stderr || (error instanceof Error ? error.message : String(error));
  return text.split('\n')[0] ?? '';
}

type LogindAttempt = { source: ActivitySource; type: string } | { reason: string; type?: undefined };

async function tryLogind(env: NodeJS.ProcessEnv, run: Run, now: () => number): Promise<LogindAttempt> {
  // 'auto' is logind's own lookup: the caller's session, else the user's graphical one.
  const sessionId = env.XDG_SESSION_ID || 'auto';
  const args = ['show-session', sessionId, '-p', 'Id', '-p', 'Type', '-p', 'IdleHint', '-p', 'IdleSinceHint'];
  const read = async (): Promise<LogindSession | null> =>
    parseLogindSession(await run('loginctl', args, env));
  let session: LogindSession | null;
  try {
    session = await read();
  } catch (error) {
    return { reason: missing(error) ? 'no logind (loginctl is not installed)' : 'no logind session' };
  }
  if (!session) return { reason: 'no idle hint from logind' };
  return {
    source: logindSource(session.id || sessionId, read, now),
    type: session.type,
  };
}

function logindSource(
  id: string,
  read: () => Promise<LogindSession | null>,
  now: () => number,
): ActivitySource {
  return {
    description: `logind's idle hint for session ${id}`,
    idleSeconds: async () => {
      try {
        const session = await read();
        return session ? logindIdleSeconds(session, now()) : null;
      } catch {
        return null;
      }
    },
  };
}

async function tryXScreenSaver(env: NodeJS.ProcessEnv, run: Run, sessionType: string): Promise<Attempt> {
  if (!env.DISPLAY) return { reason: 'no X display (DISPLAY is not set)' };
  // Under Wayland the X server sees only what goes to X windows: its idle time would grow while you type.
  if (sessionType === 'wayland')
    return { reason: 'the X screen saver cannot see input in a Wayland session' };
  const read = async (): Promise<number | null> => parseXprintidle(await run('xprintidle', [], env));
  try {
    if ((await read()) === null) return { reason: `xprintidle gave no idle time for display ${env.DISPLAY}` };
  } catch (error) {
    if (missing(error)) return { reason: 'xprintidle is not installed — apt install xprintidle' };
    return { reason: `the X display ${env.DISPLAY} could not be read (${firstLine(error)})` };
  }
  return {
    source: {
      description: `the X screen saver's idle time on display ${env.DISPLAY}`,
      idleSeconds: () => read().catch(() => null),
    },
  };
}

/**
 * What this Linux session offers to tell whether someone is at the machine: logind's idle hint, else the
 * X screen saver's idle time through xprintidle, else in plain words why there is neither. Quick (each
 * read is cut off after 1.5 s) and never throws.
 */
export async function probeLinuxActivity(
  env: NodeJS.ProcessEnv,
  run: Run = execRun,
  now: () => number = Date.now,
): Promise<ActivityProbe> {
  try {
    const logind = await tryLogind(env, run, now);
    // The X screen saver counts idle time to the second; logind's hint says "not idle" until the
    // desktop's own idle delay (minutes) has passed, and a video that keeps the screen awake holds it
    // there: where there is an X display (not under Wayland, which X does not see), X is asked first.
    const x = await tryXScreenSaver(env, run, logind.type ?? env.XDG_SESSION_TYPE ?? '');
    if ('source' in x) return x;
    if ('source' in logind) return { source: logind.source };
    return { source: null, reason: `${logind.reason} and ${x.reason}` };
  } catch (error) {
    return { source: null, reason: `the session could not be asked (${firstLine(error)})` };
  }
}
