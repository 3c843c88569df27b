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
    // Whatever the quick path cannot answer, or trips over, the whole CLI answers in its own words.
    const code = await Promise.resolve()
      .then(() => require(quick).quickStatus(args))
      .catch(() => null);
    if (code !== null) return code;
  }
  const { main } = await import(pathToFileURL(built).href);
  return main(args);
}

/** The verb: the first word that is neither an option nor an option's value. */
function verbOf(words) {
  for (let i = 0; i < words.length; i++) {
    if (words[i] === '--data-dir' || words[i] === '--port') i++;
    else if (!words[i].startsWith('-')) return words[i];
  }
  return 'status';
}

/**
 * The service wants V8 flags that the short-lived verbs are faster without (main/bin/nodeFlags.js): `serve`
 * typed by hand starts it again under them and waits, as `npm start` does (the waiting process costs its
 * own resident memory, about that of a bare node). Signals are passed on; on Windows, Ctrl+C reaches both
 * through the shared console, and a passed-on one would end the service outright, so it is only awaited.
 */
function serveWithFlags() {
  const { SERVICE_NODE_FLAGS } = require('./nodeFlags.js');
  if (SERVICE_NODE_FLAGS.every((flag) => process.execArgv.includes(flag))) return false;
  const { spawn } = require('node:child_process');
  const child = spawn(process.execPath, [...process.execArgv, ...SERVICE_NODE_FLAGS, __filename, ...args], {
    stdio: 'inherit',
  });
  const windows = process.platform === 'win32';
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'])
    process.on(signal, () => {
      if (!(windows && signal === 'SIGINT')) child.kill(signal);
    });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  return true;
}

const serving = verbOf(args) === 'serve';
if (!serving || !serveWithFlags())
  run().then((code) => {
    // `serve` may leave sockets from departing clients behind; once it has shut down, nothing is left to wait for.
    if (serving) process.exit(code);
    process.exitCode = code;
  });
