/**
 * Finding a time zone by what people type: a zone under any of its names ("Asia/Calcutta"), the city
 * it is named after ("ho chi minh", "Zürich"), a big city inside it ("mumbai") or its country
 * ("germany"), with spaces or underscores, in any case, with or without accents. Pure: the caller
 * hands in the places table (shared/zoneData/places.ts), which a window loads only when a zone
 * field is used.
 */
import { canonicalZone } from './zoneNames';

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

/** The tables a search index is built from (shared/zoneData/places.ts). */
export interface ZonePlaces {
  ZONE_PLACES: readonly (readonly [string, string, string, readonly string[]])[];
  COUNTRY_NAMES: Readonly<Record<string, string>>;
}

interface Entry {
  zone: string;
  /** The country's name, as the tz database spells it; empty for UTC. */
  country: string;
  /** zone.tab's words on which part of the country the zone covers ("most of Germany"). */
  comment: string;
  /** The big cities in the zone, the first one the zone is named after. */
  cities: readonly string[];
  keys: { city: string; cities: string[]; country: string; path: string; comment: string };
}

export interface ZoneIndex {
  entries: readonly Entry[];
}

/** A zone that answers a search, with the place that made it answer ("Mumbai" for Asia/Kolkata). */
export interface ZoneMatch {
  zone: string;
  place: string;
  country: string;
}

const UTC_ENTRY: readonly [string, string, string, readonly string[]] = [
  'UTC',
  '',
  'Coordinated Universal Time',
  [],
];

export function zoneIndex({ ZONE_PLACES, COUNTRY_NAMES }: ZonePlaces): ZoneIndex {
  const entries = [...ZONE_PLACES, UTC_ENTRY].map(([zone, code, comment, bigCities]): Entry => {
    const cities = [zoneCity(zone), ...bigCities];
    const country = COUNTRY_NAMES[code] ?? '';
    return {
      zone,
      country,
      comment,
      cities,
      keys: {
        city: searchable(cities[0]!),
        cities: cities.map(searchable),
        country: searchable(country),
        path: searchable(zone),
        comment: searchable(comment),
      },
    };
  });
  return { entries };
}

/** How well a zone answers the query (0 best), and the place that answered; null when it does not. */
function rank(entry: Entry, query: string): { rank: number; place: string } | null {
  const { keys } = entry;
  const own = entry.cities[0]!;
  if (keys.path === query || keys.city === query) return { rank: 0, place: own };
  const city = keys.cities.indexOf(query);
  if (city > 0) return { rank: 1, place: entry.cities[city]! };
  if (keys.country === query) return { rank: 2, place: own };
  if (keys.city.startsWith(query)) return { rank: 3, place: own };
  const cityStart = keys.cities.findIndex((name) => name.startsWith(query));
  if (cityStart > 0) return { rank: 4, place: entry.cities[cityStart]! };
  if (keys.country.startsWith(query)) return { rank: 5, place: own };
  const word = ` ${query}`;
  if (keys.city.includes(word) || keys.country.includes(word)) return { rank: 6, place: own };
  const cityWord = keys.cities.findIndex((name) => name.includes(word));
  if (cityWord > 0) return { rank: 6, place: entry.cities[cityWord]! };
  if (keys.path.includes(query) || keys.comment.includes(query)) return { rank: 7, place: own };
  return null;
}

/** The zones that answer the query, best first (a zone's own city before a country), at most `limit`. */
export function searchZones(query: string, index: ZoneIndex, limit = 8): ZoneMatch[] {
  const needle = searchable(query);
  if (!needle) return [];
  const named = canonicalZone(query);
  const found: { entry: Entry; rank: number; place: string }[] = [];
  for (const entry of index.entries) {
    const hit = entry.zone === named ? { rank: 0, place: entry.cities[0]! } : rank(entry, needle);
    if (hit) found.push({ entry, ...hit });
  }
  // Within a rank, the zone with more big cities first: Europe/Berlin before Europe/Busingen for "germany".
  found.sort(
    (a, b) =>
      a.rank - b.rank ||
      b.entry.cities.length - a.entry.cities.length ||
      a.entry.zone.localeCompare(b.entry.zone),
  );
  return found
    .slice(0, limit)
    .map(({ entry, place }) => ({ zone: entry.zone, place, country: entry.country }));
}

/**
 * The zone the text names without doubt, as Cadence stores it: a zone under any of its names and
 * in any case ("asia/calcutta" → Asia/Kolkata), with spaces for underscores; a city only one zone
 * is named after or holds ("lisbon", "mumbai"); a country with one zone, or one zone the tz database
 * calls "most of" it ("germany" → Europe/Berlin). Null when it names none or several.
 */
export function resolveZone(text: string, index: ZoneIndex | null): string | null {
  const named = canonicalZone(text) ?? canonicalZone(text.trim().replace(/\s+/g, '_'));
  if (named) return named;
  const needle = searchable(text);
  if (!needle || !index) return null;
  const only = (entries: Entry[]) => (entries.length === 1 ? entries[0]!.zone : null);
  const { entries } = index;
  const named1 = entries.filter((entry) => entry.keys.city === needle || entry.keys.path === needle);
  if (named1.length) return only(named1);
  const holding = entries.filter((entry) => entry.keys.cities.includes(needle));
  if (holding.length) return only(holding);
  const inCountry = entries.filter((entry) => entry.keys.country === needle);
  if (inCountry.length <= 1) return only(inCountry);
  return only(inCountry.filter((entry) => entry.keys.comment.startsWith('most of')));
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
