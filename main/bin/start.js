#!/usr/bin/env node
// `npm start`: the desktop app where Electron's binary is (or can be fetched), otherwise the same core
// headless with the window served on a local address.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVICE_NODE_FLAGS } from './nodeFlags.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const windows = process.platform === 'win32';

/** The electron package's folder, or null where it is not installed (e.g. `npm ci --omit=dev`). */
function electronPackage() {
  try {
    return dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

function electronBinary() {
  if (process.env.CADENCE_ELECTRON_BINARY) return process.env.CADENCE_ELECTRON_BINARY;
  const dir = electronPackage();
  if (!dir) return null;
  try {
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

if (!existsSync(join(root, 'out', 'main', 'cli.js')) || process.env.CADENCE_REBUILD) {
  console.log('Building Cadence…');
  // npm is npm.cmd on Windows, which Node runs only through a shell.
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: windows });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

let binary = process.env.CADENCE_HEADLESS ? null : electronBinary();
if (!binary && !process.env.CADENCE_HEADLESS && electronPackage()) {
  console.log("Electron's binary is not installed; trying to fetch it…");
  const installer = join(electronPackage(), 'install.js');
  const fetched = spawnSync(process.execPath, [installer], { cwd: root, stdio: 'ignore', timeout: 120_000 });
  binary = fetched.status === 0 ? electronBinary() : null;
}

function headless(why) {
  console.log(`Running Cadence headless, because ${why}. Same core, window in your browser:`);
  const child = spawn(
    process.execPath,
    [...SERVICE_NODE_FLAGS, join(root, 'main', 'bin', 'cadence.cjs'), 'serve', ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

/** A desktop app that ends this soon after starting, by a signal or an error code, did not start. */
const START_WINDOW_MS = 15_000;

const canShowWindows =
  process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
if (binary && canShowWindows) {
  console.log('Starting the Cadence desktop app.');
  const started = Date.now();
  const child = spawn(binary, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'])
    process.on(signal, () => {
      stopping = true;
      child.kill(signal);
    });
  child.on('error', (error) => headless(`the desktop app could not be started (${error.message})`));
  child.on('exit', (code, signal) => {
    const early = Date.now() - started < START_WINDOW_MS;
    if (!stopping && early && (signal !== null || (code ?? 0) !== 0)) {
      // Ubuntu 23.10+ lets no unprivileged user namespaces for unknown binaries (AppArmor), and
      // Chromium's sandbox then aborts at start: see the README's note on AppImages.
      headless(
        `the desktop app stopped as it started (${signal ? `signal ${signal}` : `exit code ${code}`}); on Ubuntu 24.04 this is usually the sandbox rule described in the README`,
      );
      return;
    }
    process.exit(code ?? (signal ? 1 : 0));
  });
} else {
  headless(
    !binary
      ? "Electron's binary could not be installed here"
      : 'there is no display to show a desktop window on',
  );
}
