#!/usr/bin/env node
// The `cadence` command: a thin launcher for the built CLI. CommonJS, so that the verb typed most,
// `cadence status`, runs from one small bundle (out/main/quickStatus.cjs) without Node's ES module loader;
// everything else, and any status the quick path cannot give, goes to the whole CLI (out/main/cli.js).
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

const out = join(__dirname, '..', '..', 'out', 'main');
const args = process.argv.slice(2);

async function run() {
  const built = join(out, 'cli.js');
  if (!existsSync(built)) {
    console.error(
      'Cadence is not built yet. Run "npm run build" in the Cadence folder (npm install does it too).',
    );
    return 1;
  }
  const quick = join(out, 'quickStatus.cjs');
  if (existsSync(quick)) {
    const code = await require(quick).quickStatus(args);
    if (code !== null) return code;
  }
  const { main } = await import(pathToFileURL(built).href);
  return main(args);
}

run().then((code) => {
  // `serve` may leave sockets from departing clients behind; once it has shut down, nothing is left to wait for.
  if (args[0] === 'serve') process.exit(code);
  process.exitCode = code;
});
