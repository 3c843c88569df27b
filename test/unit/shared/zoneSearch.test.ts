import { describe, expect, it } from 'vitest';
import * as places from '../../../shared/zoneData/places';
import { resolveZone, searchZones, zoneCity, zoneFilter, zoneIndex } from '../../../shared/zoneSearch';

const index = zoneIndex(places);
const zones = (query: string, limit?: number) => searchZones(query, index, limit).map((match) => match.zone);

describe('zone search', () => {
  it('finds a city typed with spaces, underscores or in another case', () => {
    expect(zones('new york')[0]).toBe('America/New_York');
    expect(zones('New_York')[0]).toBe('America/New_York');
    expect(zones('  NEW   YORK ')[0]).toBe('America/New_York');
    expect(zones('buenos aires')[0]).toBe('America/Argentina/Buenos_Aires');
  });

  it('ignores accents, as people write their own city', () => {
    expect(zones('Zürich')[0]).toBe('Europe/Zurich');
    expect(zones('são paulo')[0]).toBe('America/Sao_Paulo');
  });

  it("finds the zones the runtime's own list spells the old way, by their city", () => {
    expect(zones('kolkata')[0]).toBe('Asia/Kolkata');
    expect(zones('kyiv')[0]).toBe('Europe/Kyiv');
    expect(zones('ho chi minh')[0]).toBe('Asia/Ho_Chi_Minh');
    expect(zones('faroe')[0]).toBe('Atlantic/Faroe');
  });

  it('finds a zone by a big city in it, saying which city answered', () => {
    expect(searchZones('mumbai', index)[0]).toEqual({
      zone: 'Asia/Kolkata',
      place: 'Mumbai',
      country: 'India',
    });
    expect(zones('munich')[0]).toBe('Europe/Berlin');
  });

  it("finds a country's zones, its main zone first", () => {
    expect(zones('germany')).toEqual(['Europe/Berlin', 'Europe/Busingen']);
    expect(zones('ukraine')[0]).toBe('Europe/Kyiv');
    expect(zones('vietnam')).toEqual(['Asia/Ho_Chi_Minh']);
  });

  it('finds a zone by any of its names, as the name Cadence stores', () => {
    expect(zones('Asia/Calcutta')[0]).toBe('Asia/Kolkata');
    expect(zones('Europe/Kiev')[0]).toBe('Europe/Kyiv');
    expect(zones('etc/utc')[0]).toBe('UTC');
  });

  it('ranks a city that starts with the query before one that only contains it', () => {
    const found = zones('new');
    expect(found.indexOf('America/New_York')).toBeLessThan(found.indexOf('America/North_Dakota/New_Salem'));
  });

  it('finds the zones of a region, at most as many as asked', () => {
    expect(zones('europe', 20).every((zone) => zone.startsWith('Europe/'))).toBe(true);
    expect(zones('europe', 2)).toHaveLength(2);
  });

  it('finds nothing for an empty query or an unknown place', () => {
    expect(zones('   ')).toEqual([]);
    expect(zones('atlantis')).toEqual([]);
  });

  it('resolves a zone written loosely, or a city only one zone is named after', () => {
    expect(resolveZone('america/new york', index)).toBe('America/New_York');
    expect(resolveZone('lisbon', index)).toBe('Europe/Lisbon');
    expect(resolveZone('utc', index)).toBe('UTC');
    expect(resolveZone('Mars/Base', index)).toBeNull();
    expect(resolveZone('sao', index)).toBeNull();
    expect(resolveZone('', index)).toBeNull();
  });

  it('resolves every name of a zone to the one Cadence stores, even before the places are loaded', () => {
    expect(resolveZone('Asia/Calcutta', null)).toBe('Asia/Kolkata');
    expect(resolveZone('Asia/Kolkata', null)).toBe('Asia/Kolkata');
    expect(resolveZone('Etc/UTC', null)).toBe('UTC');
    expect(resolveZone('Asia/Saigon', null)).toBe('Asia/Ho_Chi_Minh');
    expect(resolveZone('America/Buenos_Aires', null)).toBe('America/Argentina/Buenos_Aires');
  });

  it('resolves a city, a big city or a country that names one zone, and nothing that names several', () => {
    expect(resolveZone('Berlin', index)).toBe('Europe/Berlin');
    expect(resolveZone('kolkata', index)).toBe('Asia/Kolkata');
    expect(resolveZone('mumbai', index)).toBe('Asia/Kolkata');
    expect(resolveZone('germany', index)).toBe('Europe/Berlin');
    expect(resolveZone('ho chi minh', index)).toBe('Asia/Ho_Chi_Minh');
    expect(resolveZone('united states', index)).toBeNull();
    expect(resolveZone('Berlin', null)).toBeNull();
  });

  it('names the city of a zone as people write it', () => {
    expect(zoneCity('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
    expect(zoneCity('UTC')).toBe('UTC');
  });
});

describe('zone filter', () => {
  it('matches a zone by its city or region, as typed', () => {
    const newYork = zoneFilter('new york');
    expect(newYork('America/New_York')).toBe(true);
    expect(newYork('Europe/Lisbon')).toBe(false);
    expect(zoneFilter('EUROPE')('Europe/Lisbon')).toBe(true);
    expect(zoneFilter('zürich')('Europe/Zurich')).toBe(true);
    expect(zoneFilter('  ')('Europe/Zurich')).toBe(false);
  });
});
