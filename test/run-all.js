#!/usr/bin/env node
// `npm test`: build, type-check, lint, then every test suite; checks that no process the tests started is
// still running; ends with one "N passed, N failed" line.
// `node test/run-all.js --leak-check-only=MARKER` runs only that last check, for processes carrying MARKER.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  canScan,
  describeLeaks,
  killMarkedProcesses,
  MARKER_VARIABLE,
  newMarker,
  waitForMarkedProcesses,
} from './processLeaks.js';
import { ensureSystemPackages } from './systemPackages.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'test-output');
mkdirSync(out, { recursive: true });
const bin = (name) => join(root, 'node_modules', '.bin', name);

/**
 * Every process this run starts, and every process those start, carries this marker in its environment:
 * whatever still carries it at the end was left behind.
 */
const marker = newMarker();

/** Names each process still carrying the marker and ends it; true when there were none. */
async function noProcessesLeft(runMarker) {
  console.log('\n── processes left behind');
  if (!canScan()) {
    console.log('Not checked: this system has no /proc to look for them in.');
    return true;
  }
  // A service being stopped as a step returned gets a moment to finish.
  const leaks = await waitForMarkedProcesses(runMarker, { graceMs: 2000 });
  if (!leaks.length) {
    console.log('None.');
    return true;
  }
  for (const line of describeLeaks(leaks)) console.log(line);
  const survivors = await killMarkedProcesses(runMarker);
  const ended = leaks.length - survivors.length;
  console.log(`${leaks.length} process(es) outlived the tests that started them; ended ${ended}.`);
  for (const { pid, command } of survivors) console.log(`Could not end ${pid}: ${command}`);
  return false;
}

const leakCheckOnly = process.argv.find((arg) => arg.startsWith('--leak-check-only='));
if (leakCheckOnly)
  process.exit((await noProcessesLeft(leakCheckOnly.slice('--leak-check-only='.length))) ? 0 : 1);

function step(title, command, args, env = {}) {
  console.log(`\n── ${title}`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env, [MARKER_VARIABLE]: marker },
  });
  return result.status === 0;
}

/** Test files that failed without a failing test in them (did not load, a hook threw): each counts once. */
function filesFailedOutsideTests(report) {
  return (report.testResults ?? []).filter(
    (file) =>
      file.status === 'failed' && !(file.assertionResults ?? []).some((test) => test.status === 'failed'),
  ).length;
}

if (!existsSync(bin('vitest'))) {
  console.error('The npm packages are not installed: run "npm install" (or "npm ci") first.');
  process.exit(1);
}
if (!ensureSystemPackages()) process.exit(1);

const failures = [];
if (
  !step('build', bin('electron-vite'), ['build']) ||
  // `cadence status`'s quick path (main/bin/cadence.cjs), built beside the CLI as `npm run build` does.
  !step('build (quick status)', bin('vite'), ['build', '-c', 'vite.quick.config.ts', '--logLevel', 'warn']) ||
  !step('build (tray icons)', process.execPath, [join(root, 'main', 'bin', 'icons.js'), '--tray'])
)
  failures.push('build');
if (
  !step('type-check', bin('tsc'), ['-p', 'tsconfig.node.json', '--noEmit']) ||
  !step('type-check (web)', bin('tsc'), ['-p', 'tsconfig.web.json', '--noEmit'])
)
  failures.push('type-check');
if (!step('lint', bin('eslint'), ['.'])) failures.push('lint');
if (
  !step('format', bin('prettier'), [
    '--check',
    '--log-level',
    'warn',
    '{main,renderer,shared,test}/**/*.{ts,tsx}',
  ])
)
  failures.push('format');

const counts = { passed: 0, failed: 0, skipped: 0 };
const vitestOk = step('unit and service tests (vitest)', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${join(out, 'vitest.json')}`,
]);
try {
  const report = JSON.parse(readFileSync(join(out, 'vitest.json'), 'utf8'));
  // A failing test is one failure; its file and describe blocks (numFailedTestSuites) are not more.
  const failed = report.numFailedTests + filesFailedOutsideTests(report);
  counts.passed += report.numPassedTests;
  counts.failed += failed;
  counts.skipped += report.numPendingTests + report.numTodoTests;
  // e.g. an unhandled error between tests: vitest fails the run though every test passed.
  if (!vitestOk && !failed) failures.push('vitest (errors outside tests)');
} catch {
  failures.push('vitest (no report)');
}

const e2eDir = join(root, 'test', 'e2e');
if (existsSync(e2eDir)) {
  step('end-to-end tests (Playwright, Chromium)', bin('playwright'), ['test'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: join(out, 'playwright.json'),
  });
  try {
    const report = JSON.parse(readFileSync(join(out, 'playwright.json'), 'utf8'));
    counts.passed += report.stats.expected + report.stats.flaky;
    counts.failed += report.stats.unexpected;
    counts.skipped += report.stats.skipped;
    for (const error of report.errors ?? []) console.log(`Playwright: ${error.message ?? error}`);
    const skips = [];
    const visit = (suite) => {
      for (const spec of suite.specs ?? [])
        for (const t of spec.tests ?? [])
          for (const a of t.annotations ?? [])
            if (a.type === 'skip') skips.push(`${spec.title}: ${a.description}`);
      for (const child of suite.suites ?? []) visit(child);
    };
    for (const suite of report.suites ?? []) visit(suite);
    for (const skip of skips) console.log(`Skipped — ${skip}`);
    if ((report.errors ?? []).length) failures.push('playwright setup');
  } catch {
    failures.push('playwright (no report)');
  }
}

if (!(await noProcessesLeft(marker))) failures.push('processes left behind');

if (failures.length) console.log(`\nFailed steps: ${failures.join(', ')}`);
console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(failures.length || counts.failed ? 1 : 0);
