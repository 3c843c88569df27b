import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVICE_NODE_FLAGS } from '../../main/bin/nodeFlags.js';
import { canScan, findMarkedProcesses } from '../processLeaks.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI = path.join(ROOT, 'main/bin/cadence.cjs');

export interface RunningService {
  /** The spawned process: the service itself, or the faketime wrapper that runs it. */
  process: ChildProcess;
  /** The service's own pid (under faketime, the wrapper's child). */
  pid: number;
  url: string;
  windowUrl: string;
  token: string;
  port: number;
  output: string[];
  /** Signals the service (and its wrapper) and resolves once none of its processes is left. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface ServeOptions {
  env?: Record<string, string>;
  /**
   * A libfaketime start such as "2026-03-08 01:30:00": the real service at another instant; or, from
   * "@", libfaketime's own format with a speed ("@2026-03-08 01:30:00 x30": thirty times faster).
   */
  faketime?: string;
  args?: string[];
  /** Start through `npm start`'s script (main/bin/start.js), which picks the desktop app or headless. */
  viaStart?: boolean;
  /** `cadence serve` as typed in a terminal: plain `node`, without the service's V8 flags. */
  byHand?: boolean;
}

/**
 * Every process a service started here runs with its own marker in the environment, so that stopping it
 * reaches the service wherever it is in the tree: `faketime` forks the service and outlives neither a
 * SIGTERM nor a SIGKILL to itself, which left the service orphaned, still running.
 */
const SERVICE_MARKER = 'CADENCE_TEST_SERVICE';

interface Tracked {
  child: ChildProcess;
  marker: string;
  /** Started through the faketime wrapper. */
  faketime: boolean;
  /** The service's pid once it has said where it listens. */
  pid?: number;
}

/** Services started by this process and not yet seen to end. */
const live = new Set<Tracked>();

function isAlive(pid: number | undefined): pid is number {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pids of a service's processes that are still running (without /proc: its child and its own pid). */
function processesOf(service: Tracked): number[] {
  if (canScan()) return findMarkedProcesses(service.marker, { variable: SERVICE_MARKER }).map((p) => p.pid);
  const exited = service.child.exitCode !== null || service.child.signalCode !== null;
  return [...new Set([exited ? undefined : service.child.pid, service.pid])].filter(isAlive);
}

function signal(service: Tracked, name: NodeJS.Signals): void {
  for (const pid of processesOf(service)) {
    try {
      process.kill(pid, name);
    } catch {
      // gone meanwhile
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Signals every process of a service, escalates to SIGKILL after 10 s, and waits until all are gone. */
async function end(service: Tracked, name: NodeJS.Signals): Promise<number | null> {
  const { child } = service;
  const exited = new Promise<number | null>((resolve) => {
    // No pid: it never started (the 'error' event), and no 'exit' will come.
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null)
      resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
  signal(service, name);
  const escalateAt = Date.now() + 10_000;
  let escalated = name === 'SIGKILL';
  while (processesOf(service).length) {
    if (!escalated && Date.now() > escalateAt) {
      signal(service, 'SIGKILL');
      escalated = true;
    }
    await sleep(20);
  }
  const code = await exited;
  live.delete(service);
  if (service.faketime && child.pid !== undefined) removeFaketimeLeftovers(child.pid);
  return code;
}

/**
 * faketime keeps a shared-memory segment and a semaphore named after its pid, removed only when it
 * exits normally. Killed, it leaves them in /dev/shm, and a later faketime that gets the same pid
 * refuses to start ("sem_open: File exists").
 */
function removeFaketimeLeftovers(pid: number): void {
  for (const name of [`faketime_shm_${pid}`, `sem.faketime_sem_${pid}`])
    fs.rmSync(path.join('/dev/shm', name), { force: true });
}

/** Stops every service this process started that is still running (for afterEach and fixture teardown). */
export async function stopAllServices(name: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  await Promise.all([...live].map((service) => end(service, name)));
}

let exitHooked = false;
/** A worker that ends (vitest stops its workers with SIGTERM) takes the services it started with it. */
function hookExit(): void {
  if (exitHooked) return;
  exitHooked = true;
  const killAll = () => {
    for (const service of live) signal(service, 'SIGKILL');
  };
  process.on('exit', killAll);
  for (const name of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const)
    process.once(name, () => {
      killAll();
      // Nobody else listens: end as the signal would have ended us.
      if (process.listenerCount(name) === 0) process.kill(process.pid, name);
    });
}

/** Starts `cadence serve` as a real process on a data folder and waits until it is ready. */
export function serve(dataDir: string, options: ServeOptions = {}): Promise<RunningService> {
  hookExit();
  const marker = randomUUID();
  const baseEnv = { ...process.env, CADENCE_NOTIFIER: 'memory', ...options.env, [SERVICE_MARKER]: marker };
  const command = options.faketime ? 'faketime' : process.execPath;
  // As the `cadence` command and `npm start` run it: with the service's V8 flags.
  const args = options.viaStart
    ? [path.join(ROOT, 'main/bin/start.js'), '--data-dir', dataDir, ...(options.args ?? [])]
    : [
        ...(options.byHand ? [] : SERVICE_NODE_FLAGS),
        CLI,
        'serve',
        '--data-dir',
        dataDir,
        ...(options.args ?? []),
      ];
  // "@2026-11-23 08:00:00 x30" is libfaketime's own format (a start and a speed), given with -f.
  const fake = options.faketime?.startsWith('@') ? ['-f', options.faketime] : [options.faketime ?? ''];
  const child = spawn(command, options.faketime ? [...fake, process.execPath, ...args] : args, {
    env: baseEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const service: Tracked = { child, marker, faketime: Boolean(options.faketime) };
  live.add(service);
  const output: string[] = [];
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (message: string): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // Whatever got started goes, before the caller hears of the failure.
      void end(service, 'SIGKILL').then(() => reject(new Error(`${message}:\n${output.join('')}`)));
    };
    const timer = setTimeout(() => fail('service did not start within 15 s'), 15_000);
    const onData = (chunk: Buffer): void => {
      output.push(chunk.toString());
      if (settled || !/^ready$/m.test(output.join(''))) return;
      let connection: { port: number; token: string; url: string; pid: number };
      try {
        connection = JSON.parse(
          fs.readFileSync(path.join(dataDir, 'service.json'), 'utf8'),
        ) as typeof connection;
      } catch (error) {
        return fail(`service said ready but its service.json is unreadable (${(error as Error).message})`);
      }
      settled = true;
      clearTimeout(timer);
      service.pid = connection.pid;
      resolve({
        process: child,
        pid: connection.pid,
        url: connection.url,
        port: connection.port,
        token: connection.token,
        windowUrl: `${connection.url}/#token=${connection.token}`,
        output,
        stop: (name = 'SIGTERM') => end(service, name),
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', (error) => fail(`could not start ${command}: ${error.message}`));
    child.once('exit', (code) => fail(`service exited with ${code}`));
  });
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function cli(dataDir: string, args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args, '--data-dir', dataDir],
      { env: { ...process.env, ...env } },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

export async function api(
  service: RunningService,
  pathname: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${service.url}${pathname}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${service.token}`, 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
