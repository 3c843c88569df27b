#!/usr/bin/env -S node --max-semi-space-size=1 --single-threaded-gc
// The `cadence` command: a thin launcher for the built CLI.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = fileURLToPath(new URL('../../out/main/cli.js', import.meta.url));
if (!existsSync(built)) {
  console.error(
    'Cadence is not built yet. Run "npm run build" in the Cadence folder (npm install does it too).',
  );
  process.exit(1);
}
const { main } = await import(pathToFileURL(built).href);
const code = await main(process.argv.slice(2));
// `serve` may leave sockets from departing clients behind; once it has shut down, nothing is left to wait for.
if (process.argv[2] === 'serve') process.exit(code);
process.exitCode = code;
