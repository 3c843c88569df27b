#!/usr/bin/env node
// `npm run bench [-- --short]`: prints tables of figures and writes test-output/bench.json, then every
// figure that has a target, met or missed, with its ratio to bare Node where one applies.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const short = process.argv.includes('--short');
// `--fuzz`: only the long raw-HTTP run (requests sent, exits observed), not part of the usual figures.
const fuzz = process.argv.includes('--fuzz');
const output = join(root, 'test-output', 'bench.json');
if (
  !existsSync(join(root, 'out', 'main', 'cli.js')) ||
  !existsSync(join(root, 'out', 'main', 'quickStatus.cjs'))
) {
  spawnSync(join(root, 'node_modules/.bin/electron-vite'), ['build'], { cwd: root, stdio: 'inherit' });
  spawnSync(
    join(root, 'node_modules/.bin/vite'),
    ['build', '-c', 'vite.quick.config.ts', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
}
rmSync(output, { force: true });
const result = spawnSync(
  join(root, 'node_modules/.bin/vitest'),
  [
    'run',
    '--config',
    'test/bench/vitest.bench.config.ts',
    '--reporter=dot',
    ...(fuzz ? ['test/bench/fuzz.bench.ts'] : []),
  ],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, BENCH_SHORT: short ? '1' : '0', BENCH_FUZZ: fuzz ? '1' : '0' },
  },
);

function summary() {
  let sections;
  try {
    sections = JSON.parse(readFileSync(output, 'utf8'));
  } catch {
    return;
  }
  const number = (value) => (Number.isInteger(value) ? String(value) : value.toFixed(value < 10 ? 3 : 1));
  const rows = [];
  for (const [section, figures] of Object.entries(sections)) {
    for (const f of figures) {
      if (!f.target) continue;
      rows.push([
        f.met === undefined ? '·' : f.met ? '✓' : '✗',
        `${section}: ${f.name}`,
        `${number(f.value)}${f.unit ? ` ${f.unit}` : ''}`,
        f.target,
        f.ratioToBareNode === undefined
          ? ''
          : `${f.ratioToBareNode.toFixed(2)}× ${f.bareLabel ?? 'bare node'}`,
      ]);
    }
  }
  if (!rows.length) return;
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  console.log(`\nTargets${short ? ' (short mode)' : ''} (✓ met, ✗ missed, · not checked)`);
  for (const row of rows)
    console.log(
      row
        .map((cell, i) => cell.padEnd(widths[i]))
        .join('  ')
        .trimEnd(),
    );
  const missed = rows.filter((row) => row[0] === '✗').length;
  const met = rows.filter((row) => row[0] === '✓').length;
  console.log(`${met} met, ${missed} missed`);
}

summary();
console.log(`\nFigures written to test-output/bench.json`);
process.exit(result.status ?? 1);
