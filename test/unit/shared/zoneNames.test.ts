import { describe, expect, it, vi } from 'vitest';
import { countDateTimeFormats } from '../../fakes/intlCounter';
import { ZONE_ALIASES } from '../../../shared/zoneData/aliases';
import { ZONE_PLACES } from '../../../shared/zoneData/places';
import { loadSettings } from '../../../shared/settings';
import { canonicalZone, sameZone } from '../../../shared/zoneNames';
import { DEFAULT_TEAMMATE_WEEK, teammateSchema } from '../../../shared/intents';

describe('one name per zone', () => {
  it('accepts the names the runtime list spells the old way, and stores the current one', () => {
    expect(canonicalZone('Asia/Kolkata')).toBe('Asia/Kolkata');
    expect(canonicalZone('Asia/Calcutta')).toBe('Asia/Kolkata');
    expect(canonicalZone('Europe/Kyiv')).toBe('Europe/Kyiv');
    expect(canonicalZone('Europe/Kiev')).toBe('Europe/Kyiv');
    expect(canonicalZone('Asia/Ho_Chi_Minh')).toBe('Asia/Ho_Chi_Minh');
    expect(canonicalZone('America/Argentina/Buenos_Aires')).toBe('America/Argentina/Buenos_Aires');
    expect(canonicalZone('Atlantic/Faeroe')).toBe('Atlantic/Faroe');
    expect(canonicalZone('US/Eastern')).toBe('America/New_York');
  });

  it('calls every UTC and GMT name "UTC", as ECMA-402 does', () => {
    for (const name of ['UTC', 'Etc/UTC', 'etc/utc', 'Etc/Universal', 'Zulu', 'GMT', 'Etc/GMT'])
      expect(canonicalZone(name)).toBe('UTC');
  });

  it('keeps each zone a country is offered under as it is, and takes every link to its zone', () => {
    for (const [zone] of ZONE_PLACES) expect(canonicalZone(zone)).toBe(zone);
    for (const [alias, zone] of Object.entries(ZONE_ALIASES))
      if (canonicalZone(alias) !== null) expect(canonicalZone(alias), alias).toBe(zone);
    // a link that only shares clocks since 1970 is not the same place: Iceland is Reykjavik, not Abidjan
    expect(canonicalZone('Iceland')).toBe('Atlantic/Reykjavik');
    expect(Object.keys(ZONE_ALIASES).filter((alias) => canonicalZone(alias) !== null).length).toBeGreaterThan(
      130,
    );
  });

  it('takes any case, and nothing that is not a zone', () => {
    expect(canonicalZone(' asia/kolkata ')).toBe('Asia/Kolkata');
    expect(canonicalZone('Mars/Base')).toBeNull();
    expect(canonicalZone('')).toBeNull();
    expect(canonicalZone('x'.repeat(200))).toBeNull();
  });

  it('tells two names of one zone as the same zone', () => {
    expect(sameZone('Etc/UTC', 'UTC')).toBe(true);
    expect(sameZone('Asia/Calcutta', 'Asia/Kolkata')).toBe(true);
    expect(sameZone('Europe/Amsterdam', 'Europe/Brussels')).toBe(false);
  });

  it('stores settings and teammates under the current name, also when loaded from an older file', () => {
    const loaded = loadSettings({ homeTimeZone: 'Asia/Calcutta', workTimeZone: 'Etc/UTC' }, 'Europe/Kiev');
    expect(loaded.settings.homeTimeZone).toBe('Asia/Kolkata');
    expect(loaded.settings.workTimeZone).toBe('UTC');
    const teammate = teammateSchema.parse({
      id: 't1',
      name: 'Priya',
      timeZone: 'Asia/Calcutta',
      week: DEFAULT_TEAMMATE_WEEK,
      weekendDays: [6, 7],
      source: 'manual',
    });
    expect(teammate.timeZone).toBe('Asia/Kolkata');
  });
});

describe('naming a zone the runtime lists, without a DateTimeFormat', () => {
  it('spells every listed zone as a DateTimeFormat would', () => {
    for (const zone of Intl.supportedValuesOf('timeZone'))
      expect(new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone, zone).toBe(
        zone,
      );
    for (const zone of ['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT'])
      expect(new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone, zone).toBe(
        'UTC',
      );
  });

  it('names the computer’s zone without creating one (the first costs about 8 MB for good)', async () => {
    // A fresh copy of the module: the tests above have filled its memo.
    vi.resetModules();
    const { canonicalZone } = await import('../../../shared/zoneNames');
    const created = countDateTimeFormats();
    try {
      expect(canonicalZone('Europe/Lisbon')).toBe('Europe/Lisbon');
      expect(canonicalZone('America/Argentina/Salta')).toBe('America/Argentina/Salta');
      expect(canonicalZone('Etc/UTC')).toBe('UTC');
      expect(created.count).toBe(0);
      // Any other spelling still goes to the runtime, as before.
      expect(canonicalZone('europe/lisbon')).toBe('Europe/Lisbon');
      expect(created.count).toBe(1);
    } finally {
      created.restore();
    }
  });
});
