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

function electronBinary() {
  try {
    const dir = dirname(require.resolve('electron/package.json'));
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
  const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

let binary = process.env.CADENCE_HEADLESS ? null : electronBinary();
if (!binary && !process.env.CADENCE_HEADLESS) {
  console.log("Electron's binary is not installed; trying to fetch it…");
  const installer = join(dirname(require.resolve('electron/package.json')), 'install.js');
  const fetched = spawnSync(process.execPath, [installer], { cwd: root, stdio: 'ignore', timeout: 120_000 });
  binary = fetched.status === 0 ? electronBinary() : null;
}

const canShowWindows =
  process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
if (binary && canShowWindows) {
  console.log('Starting the Cadence desktop app.');
  const child = spawn(binary, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const why = !binary
    ? "Electron's binary could not be installed here"
    : 'there is no display to show a desktop window on';
  console.log(`Running Cadence headless, because ${why}. Same core, window in your browser:`);
  const child = spawn(
    process.execPath,
    [...SERVICE_NODE_FLAGS, join(root, 'main', 'bin', 'cadence.js'), 'serve', ...process.argv.slice(2)],
    {
      stdio: 'inherit',
    },
  );
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}
