import { DateTime, IANAZone } from 'luxon';

/** An instant as milliseconds since the epoch: the only way the domain passes time around. */
export type Instant = number;

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isHourMinute(text: string): boolean {
  return HH_MM.test(text);
}

/** Minutes after local midnight for "HH:MM". */
export function minutesOfDay(text: string): number {
  const match = HH_MM.exec(text);
  if (!match) throw new Error(`not a time of day: ${text}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Zones already asked about: telling an unknown zone costs a thrown error, and a file may hold thousands. */
const ZONE_MEMO_LIMIT = 1024;
const zoneMemo = new Map<string, boolean>();

export function isTimeZone(zone: string): boolean {
  let known = zoneMemo.get(zone);
  if (known === undefined) {
    known = zone.length <= 100 && IANAZone.isValidZone(zone);
    if (zoneMemo.size >= ZONE_MEMO_LIMIT) zoneMemo.clear();
    zoneMemo.set(zone, known);
  }
  return known;
}

/** A local date as YYYY-MM-DD in the zone. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function localDate(at: Instant, zone: string): string {
  let format = dateFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dateFormats.set(zone, format);
  }
  return format.format(at);
}

const wallClocks = new Map<string, Intl.DateTimeFormat>();

/** 24-hour wall-clock time in a zone, "17:30" (or "17:30 CET" with the zone's short name). */
export function wallClock(at: Instant, zone: string, withZoneName = false): string {
  const key = `${zone}|${withZoneName}`;
  let format = wallClocks.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      ...(withZoneName ? { timeZoneName: 'short' as const } : {}),
    });
    wallClocks.set(key, format);
  }
  return format.format(at);
}

/** ISO weekday 1 (Monday) … 7 (Sunday) of a local date. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/**
 * The instant a wall-clock time happens on a local date. A time inside a spring-forward gap moves
 * forward by the gap (02:30 → 03:30); an ambiguous fall-back time takes its first occurrence.
 */
export function atLocalTime(date: string, minutes: number, zone: string): Instant {
  // Pure and asked again for the same few days on every command (lunch windows, day ends): remembered.
  const key = `${zone}|${date}|${minutes}`;
  const known = localTimeMemo.get(key);
  if (known !== undefined) return known;
  const midnight = DateTime.fromISO(date, { zone }).startOf('day');
  const wall = midnight.set({ hour: Math.floor(minutes / 60) % 24, minute: minutes % 60 });
  const shifted = minutes >= 24 * 60 ? wall.plus({ days: 1 }) : wall;
  const at = shifted.toMillis();
  if (localTimeMemo.size >= LOCAL_TIME_MEMO_LIMIT) localTimeMemo.clear();
  localTimeMemo.set(key, at);
  return at;
}

const LOCAL_TIME_MEMO_LIMIT = 4096;
const localTimeMemo = new Map<string, Instant>();

/** A small memo: long lists (the teammates glance) repeat the same instants in the same zone. */
const ISO_MEMO_LIMIT = 4096;
const isoMemo = new Map<string, string>();

/** ISO 8601 with the zone's offset, e.g. 2026-03-09T11:02:00.000+01:00. */
export function isoInZone(at: Instant, zone: string): string {
  const key = `${at}|${zone}`;
  let iso = isoMemo.get(key);
  if (iso === undefined) {
    iso = DateTime.fromMillis(at, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZZ");
    if (isoMemo.size >= ISO_MEMO_LIMIT) isoMemo.clear();
    isoMemo.set(key, iso);
  }
  return iso;
}

export function parseInstant(iso: string): Instant {
  const fast = Date.parse(iso);
  if (!Number.isNaN(fast)) return fast;
  const parsed = DateTime.fromISO(iso, { setZone: true });
  if (!parsed.isValid) throw new Error(`not an ISO 8601 instant: ${iso}`);
  return parsed.toMillis();
}

export function offsetMinutes(at: Instant, zone: string): number {
  return DateTime.fromMillis(at, { zone }).offset;
}

/** What one zone looks like at one instant: its local date and time, offset and the day's bounds. */
export interface ZonedDay {
  date: string;
  localTime: string;
  offset: number;
  dayStart: Instant;
  dayLength: number;
}

export function zonedDay(at: Instant, zone: string): ZonedDay {
  const local = DateTime.fromMillis(at, { zone });
  const dayStart = local.startOf('day').toMillis();
  return {
    date: local.toISODate() ?? '',
    localTime: local.toFormat('HH:mm'),
    offset: local.offset,
    dayStart,
    dayLength: local.endOf('day').toMillis() + 1 - dayStart,
  };
}
