import type { TeammateView } from '../../../shared/statusView';

export type SortKey = 'available' | 'zone' | 'name';

export type Row =
  { kind: 'header'; zone: string; count: number } | { kind: 'teammate'; teammate: TeammateView };

const byName = (a: TeammateView, b: TeammateView) => a.name.localeCompare(b.name);

const comparators: Record<SortKey, (a: TeammateView, b: TeammateView) => number> = {
  available: (a, b) =>
    Number(b.inWorkingHours) - Number(a.inWorkingHours) ||
    (a.nextAvailable ? Date.parse(a.nextAvailable) : Infinity) -
      (b.nextAvailable ? Date.parse(b.nextAvailable) : Infinity) ||
    byName(a, b),
  zone: (a, b) => a.offsetFromYou - b.offsetFromYou || a.timeZone.localeCompare(b.timeZone) || byName(a, b),
  name: byName,
};

/** Filters, sorts and optionally groups teammates into the rows the list renders. */
export function teammateRows(
  teammates: readonly TeammateView[],
  filter: string,
  sort: SortKey,
  group: boolean,
): Row[] {
  const needle = filter.trim().toLowerCase();
  const chosen = needle ? teammates.filter((t) => t.name.toLowerCase().includes(needle)) : [...teammates];
  chosen.sort(group ? (a, b) => comparators.zone(a, b) || comparators[sort](a, b) : comparators[sort]);
  if (!group) return chosen.map((teammate) => ({ kind: 'teammate', teammate }));
  const rows: Row[] = [];
  let header: Extract<Row, { kind: 'header' }> | undefined;
  for (const teammate of chosen) {
    if (!header || header.zone !== teammate.timeZone) {
      header = { kind: 'header', zone: teammate.timeZone, count: 0 };
      rows.push(header);
    }
    header.count++;
    rows.push({ kind: 'teammate', teammate });
  }
  return rows;
}
