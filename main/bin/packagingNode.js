// `npm run dist` builds installers with electron-builder, whose native rebuild step (@electron/rebuild
// and node-abi, which rebuild os-lock for Electron) declares Node.js 22.12 or newer. Running and testing
// Cadence need only Node.js 20.19; this check stops packaging on an older Node in words, before
// electron-builder fails half-way with a module error.
import process from 'node:process';
import { fileURLToPath } from 'node:url';

export const PACKAGING_NODE = [22, 12];

/** Words saying why packaging cannot run on this Node version, or null when it can. */
export function packagingRefusal(version) {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  const [needMajor, needMinor] = PACKAGING_NODE;
  if (major > needMajor || (major === needMajor && minor >= needMinor)) return null;
  return (
    `Building installers needs Node.js ${needMajor}.${needMinor} or newer; this is Node.js ${version.replace(/^v/, '')}.\n` +
    `electron-builder's native rebuild step asks for it (running and testing Cadence need only Node.js 20.19).\n` +
    `Install Node.js ${needMajor} LTS, run \`npm ci\` again, then \`npm run dist\`.`
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const refusal = packagingRefusal(process.version);
  if (refusal) {
    process.stderr.write(`${refusal}\n`);
    process.exitCode = 1;
  }
}
