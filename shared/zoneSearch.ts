/**
 * Finding a time zone by what people type: a city with spaces or underscores, any case, with or
 * without accents ("new york", "sao paulo", "Zürich" all find theirs). Pure: the caller hands in the
 * zones its runtime knows (Intl.supportedValuesOf('timeZone') in a window).
 */

/** Lower case, accents dropped, underscores and runs of spaces as one space. */
function searchable(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[_\s]+/g, ' ')
    .trim();
}

/** The place a zone is named after, as people write it: "America/Argentina/Buenos_Aires" → "Buenos Aires". */
export function zoneCity(zone: string): string {
  return (zone.slice(zone.lastIndexOf('/') + 1) || zone).replace(/_/g, ' ');
}

interface Entry {
  zone: string;
  city: string;
  path: string;
}

const indexes = new WeakMap<readonly string[], Entry[]>();

function indexOf(zones: readonly string[]): Entry[] {
  let index = indexes.get(zones);
  if (!index) {
    index = zones.map((zone) => ({ zone, city: searchable(zoneCity(zone)), path: searchable(zone) }));
    indexes.set(zones, index);
  }
  return index;
}

/** How well a zone answers the query, best first; null when it does not. */
function rank(entry: Entry, query: string): number | null {
  if (entry.path === query || entry.city === query) return 0;
  if (entry.city.startsWith(query)) return 1;
  if (entry.city.includes(` ${query}`)) return 2;
  if (entry.path.includes(query)) return 3;
  return null;
}

/** The zones that match the query, best first (a city before a region), at most `limit`. */
export function searchZones(query: string, zones: readonly string[], limit = 8): string[] {
  const needle = searchable(query);
  if (!needle) return [];
  const found: { zone: string; rank: number }[] = [];
  for (const entry of indexOf(zones)) {
    const r = rank(entry, needle);
    if (r !== null) found.push({ zone: entry.zone, rank: r });
  }
  found.sort((a, b) => a.rank - b.rank || a.zone.localeCompare(b.zone));
  return found.slice(0, limit).map((match) => match.zone);
}

/**
 * The zone the text names without doubt: the zone itself in any case, with spaces for underscores,
 * or a city only one zone is named after ("lisbon" → Europe/Lisbon). Null when it names none or several.
 */
export function resolveZone(text: string, zones: readonly string[]): string | null {
  const needle = searchable(text);
  if (!needle) return null;
  const index = indexOf(zones);
  const exact = index.find((entry) => entry.path === needle);
  if (exact) return exact.zone;
  const cities = index.filter((entry) => entry.city === needle);
  return cities.length === 1 ? cities[0]!.zone : null;
}

const searchableZones = new Map<string, string>();

/** A test of whether a zone or its city answers a filter ("new york", "europe", "lisbon"), for long lists. */
export function zoneFilter(query: string): (zone: string) => boolean {
  const needle = searchable(query);
  return (zone) => {
    let text = searchableZones.get(zone);
    if (text === undefined) searchableZones.set(zone, (text = searchable(zone)));
    return needle !== '' && text.includes(needle);
  };
}
