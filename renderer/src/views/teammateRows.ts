import type { TeammateView } from '../../../shared/statusView';
import { zoneCity, zoneFilter } from '../../../shared/zoneSearch';

export type SortKey = 'available' | 'zone' | 'name';

/** A group of teammates whose clocks read the same now (Berlin, Paris, Prague and Zurich are one). */
export interface GroupHeader {
  kind: 'header';
  /** Their offset minus yours, in minutes. */
  offset: number;
  /** The cities of the group's zones, in alphabetical order. */
  cities: string[];
  count: number;
}

export type Row = GroupHeader | { kind: 'teammate'; teammate: TeammateView };

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

/** The teammates a filter keeps: by name, or by zone or city ("lisbon", "new york", "europe"). */
function filtered(teammates: readonly TeammateView[], filter: string): TeammateView[] {
  const needle = filter.trim().toLowerCase();
  if (!needle) return [...teammates];
  const inZone = zoneFilter(filter);
  return teammates.filter((t) => t.name.toLowerCase().includes(needle) || inZone(t.timeZone));
}

/** Filters, sorts and optionally groups teammates by their current offset into the rows the list renders. */
export function teammateRows(
  teammates: readonly TeammateView[],
  filter: string,
  sort: SortKey,
  group: boolean,
): Row[] {
  const chosen = filtered(teammates, filter);
  const order = comparators[sort];
  chosen.sort(group ? (a, b) => a.offsetFromYou - b.offsetFromYou || order(a, b) : order);
  if (!group) return chosen.map((teammate) => ({ kind: 'teammate', teammate }));
  const rows: Row[] = [];
  let header: GroupHeader | undefined;
  let zones = new Set<string>();
  const close = () => {
    if (header) header.cities = [...zones].map(zoneCity).sort((a, b) => a.localeCompare(b));
  };
  for (const teammate of chosen) {
    if (!header || header.offset !== teammate.offsetFromYou) {
      close();
      header = { kind: 'header', offset: teammate.offsetFromYou, cities: [], count: 0 };
      zones = new Set();
      rows.push(header);
    }
    header.count++;
    zones.add(teammate.timeZone);
    rows.push({ kind: 'teammate', teammate });
  }
  close();
  return rows;
}
