import { describe, expect, it } from 'vitest';
import { resolveZone, searchZones, zoneCity, zoneFilter } from '../../../shared/zoneSearch';

const ZONES = [
  'America/New_York',
  'America/North_Dakota/New_Salem',
  'America/Argentina/Buenos_Aires',
  'America/Sao_Paulo',
  'Africa/Sao_Tome',
  'Europe/Lisbon',
  'Europe/Zurich',
  'Europe/Berlin',
  'Asia/Tokyo',
  'Australia/Sydney',
  'UTC',
];

describe('zone search', () => {
  it('finds a city typed with spaces, underscores or in another case', () => {
    expect(searchZones('new york', ZONES)[0]).toBe('America/New_York');
    expect(searchZones('New_York', ZONES)[0]).toBe('America/New_York');
    expect(searchZones('  NEW   YORK ', ZONES)[0]).toBe('America/New_York');
    expect(searchZones('buenos aires', ZONES)).toEqual(['America/Argentina/Buenos_Aires']);
  });

  it('ignores accents, as people write their own city', () => {
    expect(searchZones('Zürich', ZONES)).toEqual(['Europe/Zurich']);
    expect(searchZones('são paulo', ZONES)).toEqual(['America/Sao_Paulo']);
  });

  it('ranks a city that starts with the query before one that only contains it', () => {
    expect(searchZones('new', ZONES)).toEqual(['America/New_York', 'America/North_Dakota/New_Salem']);
    expect(searchZones('sao', ZONES)).toEqual(['Africa/Sao_Tome', 'America/Sao_Paulo']);
  });

  it('finds the zones of a region, at most as many as asked', () => {
    expect(searchZones('europe', ZONES)).toEqual(['Europe/Berlin', 'Europe/Lisbon', 'Europe/Zurich']);
    expect(searchZones('europe', ZONES, 2)).toHaveLength(2);
  });

  it('finds nothing for an empty query or an unknown place', () => {
    expect(searchZones('   ', ZONES)).toEqual([]);
    expect(searchZones('atlantis', ZONES)).toEqual([]);
  });

  it('resolves a zone written loosely, or a city only one zone is named after', () => {
    expect(resolveZone('america/new york', ZONES)).toBe('America/New_York');
    expect(resolveZone('lisbon', ZONES)).toBe('Europe/Lisbon');
    expect(resolveZone('utc', ZONES)).toBe('UTC');
    expect(resolveZone('Mars/Base', ZONES)).toBeNull();
    expect(resolveZone('sao', ZONES)).toBeNull();
    expect(resolveZone('', ZONES)).toBeNull();
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
