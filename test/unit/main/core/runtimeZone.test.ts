import fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runtimeZone } from '../../../../main/core/systemClock';

// Which zone Date's local getters run in, learnt without Intl: only a name ICU takes exactly as written,
// and the one Cadence stores (else null, and every zone goes through Intl as before).
const originalTz = process.env.TZ;

afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
  vi.restoreAllMocks();
});

/** Whether Date, with TZ as given, keeps the clocks of the named zone (July and January, 2026). */
function dateRunsIn(zone: string): boolean {
  return [Date.UTC(2026, 6, 1), Date.UTC(2026, 0, 1)].every((at) => {
    const local = new Date(at);
    const wall = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    return (
      wall.format(at) ===
      `${String(local.getHours()).padStart(2, '0')}:${String(local.getMinutes()).padStart(2, '0')}`
    );
  });
}

describe("the zone Date's local getters run in", () => {
  it('is the zone TZ names, with or without the leading colon, and Date indeed keeps its clocks', () => {
    for (const [tz, zone] of [
      ['Europe/Berlin', 'Europe/Berlin'],
      [':Europe/Berlin', 'Europe/Berlin'],
      ['America/St_Johns', 'America/St_Johns'],
      ['Asia/Kolkata', 'Asia/Kolkata'],
    ] as const) {
      process.env.TZ = tz;
      expect(runtimeZone(), tz).toBe(zone);
      expect(dateRunsIn(zone), tz).toBe(true);
    }
  });

  it('is not known for a name ICU does not take as written, an empty TZ, or a name Cadence stores otherwise', () => {
    // Intl accepts "europe/berlin", but Date then runs in UTC; an empty TZ gives ICU's Etc/Unknown.
    process.env.TZ = 'europe/berlin';
    expect(dateRunsIn('Europe/Berlin')).toBe(false);
    for (const tz of [
      'europe/berlin',
      '',
      'CET-1CEST',
      'Mars/Olympus',
      'Asia/Calcutta',
      'posix/Europe/Berlin',
    ]) {
      process.env.TZ = tz;
      expect(runtimeZone(), tz).toBeNull();
    }
  });

  it('is UTC under any of its names, where Date keeps offset 0 all year', () => {
    for (const tz of ['UTC', 'Etc/UTC', 'Etc/Universal', 'Zulu', 'Etc/GMT']) {
      process.env.TZ = tz;
      expect(runtimeZone(), tz).toBe('UTC');
      expect(dateRunsIn('UTC'), tz).toBe(true);
    }
  });

  it('is the zone /etc/localtime links to when TZ is not set', () => {
    delete process.env.TZ;
    const link = vi.spyOn(fs, 'readlinkSync').mockReturnValue('/usr/share/zoneinfo/Europe/Berlin');
    expect(runtimeZone()).toBe('Europe/Berlin');
    link.mockReturnValue('../usr/share/zoneinfo/Asia/Calcutta');
    expect(runtimeZone()).toBeNull();
  });
});
