#!/usr/bin/env node
// `npm test`: build, type-check, lint, then every test suite; ends with one "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'test-output');
mkdirSync(out, { recursive: true });
const bin = (name) => join(root, 'node_modules', '.bin', name);

function step(title, command, args, env = {}) {
  console.log(`\n── ${title}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

const failures = [];
if (!step('build', bin('electron-vite'), ['build'])) failures.push('build');
if (!step('type-check', bin('tsc'), ['-p', 'tsconfig.node.json', '--noEmit']) || !step('type-check (web)', bin('tsc'), ['-p', 'tsconfig.web.json', '--noEmit'])) failures.push('type-check');
if (!step('lint', bin('eslint'), ['.'])) failures.push('lint');
if (!step('format', bin('prettier'), ['--check', '--log-level', 'warn', '{main,renderer,shared,test}/**/*.{ts,tsx}'])) failures.push('format');

const counts = { passed: 0, failed: 0, skipped: 0 };
step('unit and service tests (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${join(out, 'vitest.json')}`]);
try {
  const report = JSON.parse(readFileSync(join(out, 'vitest.json'), 'utf8'));
  counts.passed += report.numPassedTests;
  counts.failed += report.numFailedTests + (report.numFailedTestSuites ?? 0);
  counts.skipped += report.numPendingTests + report.numTodoTests;
} catch {
  failures.push('vitest (no report)');
}

const e2eDir = join(root, 'test', 'e2e');
if (existsSync(e2eDir)) {
  step('end-to-end tests (Playwright, Chromium)', bin('playwright'), ['test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: join(out, 'playwright.json') });
  try {
    const report = JSON.parse(readFileSync(join(out, 'playwright.json'), 'utf8'));
    counts.passed += report.stats.expected + report.stats.flaky;
    counts.failed += report.stats.unexpected;
    counts.skipped += report.stats.skipped;
    for (const error of report.errors ?? []) console.log(`Playwright: ${error.message ?? error}`);
    const skips = [];
    const visit = (suite) => {
      for (const spec of suite.specs ?? []) for (const t of spec.tests ?? []) for (const a of t.annotations ?? []) if (a.type === 'skip') skips.push(`${spec.title}: ${a.description}`);
      for (const child of suite.suites ?? []) visit(child);
    };
    for (const suite of report.suites ?? []) visit(suite);
    for (const skip of skips) console.log(`Skipped — ${skip}`);
    if ((report.errors ?? []).length) failures.push('playwright setup');
  } catch {
    failures.push('playwright (no report)');
  }
}

if (failures.length) console.log(`\nFailed steps: ${failures.join(', ')}`);
console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(failures.length || counts.failed ? 1 : 0);
