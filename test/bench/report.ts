import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../fakes/processHarness';

export const SHORT = process.env.BENCH_SHORT === '1';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  target?: string;
  note?: string;
}

const file = path.join(ROOT, 'test-output', 'bench.json');

/** Prints a table of figures and merges them into test-output/bench.json. */
export function report(section: string, figures: Figure[]): void {
  const rows = figures.map((f) => ({
    figure: f.name,
    value: `${Number.isInteger(f.value) ? f.value : f.value.toFixed(f.value < 10 ? 3 : 1)} ${f.unit}`,
    target: f.target ?? '',
    note: f.note ?? '',
  }));
  const widths = ['figure', 'value', 'target', 'note'].map((key) =>
    Math.max(key.length, ...rows.map((row) => row[key as keyof typeof row].length)),
  );
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ');
  const text = [
    `\n${section}${SHORT ? ' (short mode)' : ''}`,
    line(['figure', 'value', 'target', 'note']),
    ...rows.map((r) => line(Object.values(r))),
  ];
  process.stdout.write(`${text.join('\n')}\n`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let all: Record<string, Figure[]> = {};
  try {
    all = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Figure[]>;
  } catch {
    // first section of this run
  }
  all[section] = figures;
  fs.writeFileSync(file, JSON.stringify(all, null, 2));
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Microseconds per call, after a warm-up. */
export function perCall(fn: (i: number) => unknown, iterations: number): number {
  for (let i = 0; i < Math.min(200, iterations); i++) fn(i);
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) fn(i);
  return Number(process.hrtime.bigint() - start) / 1000 / iterations;
}
