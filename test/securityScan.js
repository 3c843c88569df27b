#!/usr/bin/env node
// `npm run security`: Electronegativity over the Electron code and the built app; fails on any HIGH finding.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const report = join(root, 'test-output', 'electronegativity.csv');
mkdirSync(dirname(report), { recursive: true });
const electron = JSON.parse(
  readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
).version;
const scan = spawnSync(
  'npx',
  [
    '--yes',
    '@doyensec/electronegativity@1.10.3',
    '-i',
    root,
    '-e',
    electron,
    '-r',
    '-v',
    'false',
    '-o',
    report,
  ],
  { cwd: root, encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'error' } },
);
let findings;
try {
  findings = readFileSync(report, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .filter((line) => line.split(',')[1] === '"HIGH"');
} catch {
  console.error(`The security scan did not run:\n${scan.stderr || scan.stdout}`);
  process.exit(1);
}
for (const finding of findings) console.log(finding);
console.log(`Electronegativity (Electron ${electron}): ${findings.length} high-severity finding(s).`);
process.exit(findings.length ? 1 : 0);
