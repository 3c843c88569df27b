import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI = path.join(ROOT, 'main/bin/cadence.js');

export interface RunningService {
  process: ChildProcess;
  url: string;
  windowUrl: string;
  token: string;
  port: number;
  output: string[];
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface ServeOptions {
  env?: Record<string, string>;
  /** A libfaketime start such as "2026-03-08 01:30:00": the real service at another instant. */
  faketime?: string;
  args?: string[];
}

/** Starts `cadence serve` as a real process on a data folder and waits until it is ready. */
export function serve(dataDir: string, options: ServeOptions = {}): Promise<RunningService> {
  const baseEnv = { ...process.env, CADENCE_NOTIFIER: 'memory', ...options.env };
  const command = options.faketime ? 'faketime' : process.execPath;
  const args = [CLI, 'serve', '--data-dir', dataDir, ...(options.args ?? [])];
  const child = spawn(command, options.faketime ? [options.faketime, process.execPath, ...args] : args, {
    env: baseEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`service did not start:\n${output.join('')}`)), 15_000);
    const onData = (chunk: Buffer): void => {
      output.push(chunk.toString());
      const text = output.join('');
      if (!/^ready$/m.test(text)) return;
      clearTimeout(timer);
      const connection = JSON.parse(fs.readFileSync(path.join(dataDir, 'service.json'), 'utf8')) as {
        port: number;
        token: string;
        url: string;
      };
      resolve({
        process: child,
        url: connection.url,
        port: connection.port,
        token: connection.token,
        windowUrl: `${connection.url}/#token=${connection.token}`,
        output,
        stop: (signal = 'SIGTERM') =>
          new Promise((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done(child.exitCode);
            child.once('exit', (code) => done(code));
            child.kill(signal);
          }),
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`service exited with ${code}:\n${output.join('')}`));
    });
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
