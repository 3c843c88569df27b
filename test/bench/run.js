#!/usr/bin/env node
// `npm run bench [-- --short]`: prints tables of figures and writes test-output/bench.json.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const short = process.argv.includes('--short');
if (!existsSync(join(root, 'out', 'main', 'cli.js'))) spawnSync(join(root, 'node_modules/.bin/electron-vite'), ['build'], { cwd: root, stdio: 'inherit' });
rmSync(join(root, 'test-output', 'bench.json'), { force: true });
const result = spawnSync(join(root, 'node_modules/.bin/vitest'), ['run', '--config', 'test/bench/vitest.bench.config.ts', '--reporter=dot'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, BENCH_SHORT: short ? '1' : '0' },
});
console.log(`\nFigures written to test-output/bench.json`);
process.exit(result.status ?? 1);
