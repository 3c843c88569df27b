// Finds the processes a test run left behind. `npm test` (test/run-all.js) puts one fresh marker,
// CADENCE_TEST_RUN=<uuid>, in the environment of every step it starts; every process those steps start
// inherits it, so whatever still carries the marker once the steps are over was leaked. Linux only (/proc).
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

export const MARKER_VARIABLE = 'CADENCE_TEST_RUN';

export function newMarker() {
  return randomUUID();
}

/** Whether this machine lets us look at other processes' environments. */
export function canScan() {
  return existsSync('/proc/self/environ');
}

/**
 * The live processes whose environment holds variable=marker (CADENCE_TEST_RUN unless told), as
 * { pid, command }, lowest pid first. `exclude` lists pids to leave out (the caller itself by default).
 * Zombies have an empty environment and are never reported.
 */
export function findMarkedProcesses(marker, { exclude = [process.pid], variable = MARKER_VARIABLE } = {}) {
  if (!marker) throw new Error('findMarkedProcesses needs a marker');
  if (!canScan()) return [];
  const entry = `${variable}=${marker}`;
  const found = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    if (exclude.includes(pid)) continue;
    try {
      const environment = readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0');
      if (!environment.includes(entry)) continue;
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
      found.push({ pid, command: command || `(pid ${pid}, no command line)` });
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found.sort((a, b) => a.pid - b.pid);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function signal(pid, name) {
  try {
    process.kill(pid, name);
  } catch {
    // already gone, or not ours
  }
}

/**
 * Waits up to graceMs for marked processes to finish on their own (a service may still be shutting down
 * when the step that stopped it returns), then returns those still alive. Other options as for
 * findMarkedProcesses.
 */
export async function waitForMarkedProcesses(marker, { graceMs = 3000, ...options } = {}) {
  const deadline = Date.now() + graceMs;
  for (;;) {
    const alive = findMarkedProcesses(marker, options);
    if (!alive.length || Date.now() >= deadline) return alive;
    await sleep(50);
  }
}

/**
 * Ends every process carrying the marker: SIGTERM, then SIGKILL for those still there after graceMs.
 * Only pids that still carry the marker are signalled, so a reused pid is never hit. Returns what
 * survived even SIGKILL (normally nothing).
 */
export async function killMarkedProcesses(marker, { graceMs = 2000, ...options } = {}) {
  for (const { pid } of findMarkedProcesses(marker, options)) signal(pid, 'SIGTERM');
  const stubborn = await waitForMarkedProcesses(marker, { graceMs, ...options });
  for (const { pid } of stubborn) signal(pid, 'SIGKILL');
  return waitForMarkedProcesses(marker, { graceMs: 1000, ...options });
}

/** One line per leftover, naming its pid and command line. */
export function describeLeaks(leaks) {
  return leaks.map(({ pid, command }) => `Leftover process ${pid}: ${command}`);
}
