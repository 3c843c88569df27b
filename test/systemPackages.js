// What `npm test` needs from the system besides npm packages: Chromium for the window's tests,
// faketime for the service at chosen instants, and an X server with xprintidle and xdotool for the Linux
// activity source. On Debian as root they are installed; otherwise the run stops at once with the one
// command that installs them.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

function onPath(command, env = process.env) {
  return (env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, command)));
}

/** The Debian packages that are missing, by what the tests look for. */
export function missingPackages(env = process.env) {
  const missing = [];
  if (!existsSync(env.CHROMIUM_PATH ?? '/usr/bin/chromium')) missing.push('chromium');
  if (!onPath('faketime', env)) missing.push('faketime');
  if (!onPath('Xvfb', env)) missing.push('xvfb');
  if (!onPath('xprintidle', env)) missing.push('xprintidle');
  if (!onPath('xdotool', env)) missing.push('xdotool');
  return missing;
}

/** Installs what is missing where that is possible; true when everything is there afterwards. */
export function ensureSystemPackages() {
  const missing = missingPackages();
  if (!missing.length) return true;
  const names = missing.length > 1 ? `${missing.slice(0, -1).join(', ')} and ${missing.at(-1)}` : missing[0];
  const command = `apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || !onPath('apt-get')) {
    console.error(`npm test needs ${names}, which ${missing.length > 1 ? 'are' : 'is'} not installed.`);
    console.error(
      onPath('apt-get')
        ? `Install with: sudo ${command}`
        : `Install ${names} with your system's package manager.`,
    );
    return false;
  }
  console.log(`── installing from Debian: ${missing.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const install =
    update.status === 0 && spawnSync('apt-get', command.split(' ').slice(1), { stdio: 'inherit', env });
  if (!install || install.status !== 0 || missingPackages().length) {
    console.error(`Could not install ${names}; run: ${command}`);
    return false;
  }
  return true;
}
