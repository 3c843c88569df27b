import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../fakes/processHarness';

export const SHORT = process.env.BENCH_SHORT === '1';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The target in words, e.g. "< 300 ms"; with `limit`, it is also checked. */
  target?: string;
  /** The figure meets its target when below this (or at it, with `inclusive`); compared with `ratio` when `of` is "ratio". */
  limit?: { max: number; inclusive?: boolean; of?: 'value' | 'ratio' };
  /** The same figure for a bare `node` process measured in the same run; the table shows the ratio. */
  bare?: number;
  /** What `bare` is, when it is not a bare `node` process (e.g. "static page"). */
  bareLabel?: string;
  note?: string;
}

/** The figure divided by bare Node's, when there is one. */
export function ratioOf(figure: Figure): number | null {
  return figure.bare ? figure.value / figure.bare : null;
}

/** Whether the figure meets its target: null when it has no checkable one. */
export function meets(figure: Figure): boolean | null {
  if (!figure.limit) return null;
  const measured = figure.limit.of === 'ratio' ? ratioOf(figure) : figure.value;
  if (measured === null || Number.isNaN(measured)) return false;
  return figure.limit.inclusive ? measured <= figure.limit.max : measured < figure.limit.max;
}

const file = path.join(ROOT, 'test-output', 'bench.json');

function formatValue(f: Figure): string {
  return `${Number.isInteger(f.value) ? f.value : f.value.toFixed(f.value < 10 ? 3 : 1)}${f.unit ? ` ${f.unit}` : ''}`;
}

/** Rows of figure, value, target (with met or missed), ratio to bare Node, note. */
export function table(figures: Figure[]): string[] {
  const rows = figures.map((f) => {
    const met = meets(f);
    const ratio = ratioOf(f);
    return {
      figure: f.name,
      value: formatValue(f),
      target: `${f.target ?? ''}${met === null ? '' : met ? '  ✓ met' : '  ✗ MISSED'}`,
      'vs baseline':
        ratio === null
          ? ''
          : `${ratio.toFixed(2)}× (${f.bareLabel ?? 'node'}: ${formatValue({ ...f, value: f.bare! })})`,
      note: f.note ?? '',
    };
  });
  const keys = ['figure', 'value', 'target', 'vs baseline', 'note'] as const;
  const widths = keys.map((key) => Math.max(key.length, ...rows.map((row) => row[key].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line([...keys]), ...rows.map((r) => line(keys.map((key) => r[key])))];
}

/** Prints a table of figures and merges them into test-output/bench.json. */
export function report(section: string, figures: Figure[]): void {
  const text = [`\n${section}${SHORT ? ' (short mode)' : ''}`, ...table(figures)];
  process.stdout.write(`${text.join('\n')}\n`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let all: Record<string, Figure[]> = {};
  try {
    all = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Figure[]>;
  } catch {
    // first section of this run
  }
  all[section] = figures.map((f) => ({
    ...f,
    ...(f.bare ? { ratioToBareNode: ratioOf(f) } : {}),
    ...(f.limit ? { met: meets(f) } : {}),
  }));
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
