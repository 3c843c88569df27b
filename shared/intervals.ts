import { type Instant, MINUTE } from './clockTime';

/** From one instant to a later one. */
export type Interval = [Instant, Instant];

/** The parts of the intervals between `from` and `to`; empty ones are left out. */
export function clip(intervals: Interval[], from: Instant, to: Instant): Interval[] {
  return intervals
    .map(([start, end]): Interval => [Math.max(start, from), Math.min(end, to)])
    .filter(([start, end]) => end > start);
}

/** The intervals merged where they overlap or touch, in time order. */
export function union(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const merged: Interval[] = [];
  for (const [start, end] of sorted) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** The intervals without the holes. */
export function subtract(intervals: Interval[], holes: Interval[]): Interval[] {
  let result = intervals;
  for (const [holeStart, holeEnd] of holes) {
    result = result.flatMap(([start, end]): Interval[] => {
      if (holeEnd <= start || holeStart >= end) return [[start, end]];
      const parts: Interval[] = [];
      if (holeStart > start) parts.push([start, holeStart]);
      if (holeEnd < end) parts.push([holeEnd, end]);
      return parts;
    });
  }
  return result;
}

/** The parts of `a` that are in `b` too; each list in time order, without overlaps of its own. */
export function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const both: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [aStart, aEnd] = a[i]!;
    const [bStart, bEnd] = b[j]!;
    const start = Math.max(aStart, bStart);
    const end = Math.min(aEnd, bEnd);
    if (end > start) both.push([start, end]);
    if (aEnd < bEnd) i++;
    else j++;
  }
  return both;
}

/** The minutes the intervals cover, rounded (they should not overlap: see union). */
export const minutes = (intervals: Interval[]): number =>
  Math.round(intervals.reduce((sum, [start, end]) => sum + (end - start), 0) / MINUTE);
