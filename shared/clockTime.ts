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

/**
 * The zone Date's own local getters run in, when the host has learnt it without asking Intl (null: not
 * known). The first Intl.DateTimeFormat pages in ICU's formatting data, about 8 MB that stay resident for
 * the process's life, while Date's local time needs only the zone's rules. So for this one zone (the
 * computer's, in the common case the one the person works in) the functions below read Date's local
 * getters, and Intl (through luxon) for every other zone. Both give the same answers:
 * test/unit/shared/localZone.test.ts compares them across zones, DST changes and instants.
 */
let localZone: string | null = null;

/** Tells which zone Date's local getters run in (null: none known); the host learns it at start. */
export function setLocalZone(zone: string | null): void {
  localZone = zone;
}

/**
 * Date in its local zone for an instant when that zone is the one asked, in the years and whole-minute
 * offsets both ways write alike (older local mean times had seconds in their offsets); else null.
 */
function localClock(at: Instant, zone: string): Date | null {
  if (zone !== localZone) return null;
  const local = new Date(at);
  const year = local.getFullYear();
  return year >= 1900 && year <= 9999 && Number.isInteger(local.getTimezoneOffset()) ? local : null;
}

/** The wall-clock fields of an instant in a zone. */
export interface WallFields {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  /** ISO: 1 (Monday) … 7 (Sunday) */
  weekday: number;
  hour: number;
  minute: number;
}

/** The wall-clock fields of an instant, read from Date when the zone is the local one; null otherwise. */
export function localWallFields(at: Instant, zone: string): WallFields | null {
  const local = localClock(at, zone);
  if (!local) return null;
  return {
    year: local.getFullYear(),
    month: local.getMonth() + 1,
    day: local.getDate(),
    weekday: local.getDay() || 7,
    hour: local.getHours(),
    minute: local.getMinutes(),
  };
}

const two = (n: number) => String(n).padStart(2, '0');
const ymd = (d: Date) => `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
const hm = (d: Date) => `${two(d.getHours())}:${two(d.getMinutes())}`;
/** Minutes east of UTC (never -0). */
const eastOfUtc = (d: Date) => -d.getTimezoneOffset() || 0;

/** Zones already asked about: telling an unknown zone costs a thrown error, and a file may hold thousands. */
const ZONE_MEMO_LIMIT = 1024;
const zoneMemo = new Map<string, boolean>();

export function isTimeZone(zone: string): boolean {
  if (zone === localZone) return true;
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
  const local = localClock(at, zone);
  if (local) return ymd(local);
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
  const local = withZoneName ? null : localClock(at, zone);
  if (local) return hm(local);
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
  const at = localWallTime(date, minutes, zone) ?? luxonWallTime(date, minutes, zone);
  if (localTimeMemo.size >= LOCAL_TIME_MEMO_LIMIT) localTimeMemo.clear();
  localTimeMemo.set(key, at);
  return at;
}

/**
 * atLocalTime from the local zone's offsets as Date tells them, where the wall time names exactly one
 * instant: the offset a day before and a day after (a zone changes at most once in between), and the
 * wall time read with each; a time in a gap or an overlap (neither or both fit) is left to luxon, as are
 * other zones, impossible dates and odd minutes (null).
 */
function localWallTime(date: string, minutes: number, zone: string): Instant | null {
  if (zone !== localZone || !Number.isInteger(minutes) || minutes < 0 || minutes >= 2 * 24 * 60) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const midnight = new Date(Date.UTC(year, month, day));
  if (year < 1900 || midnight.getUTCMonth() !== month || midnight.getUTCDate() !== day) return null;
  // luxon reaches a time on the next day from the same time on this one, moved out of any gap there.
  if (minutes >= 24 * 60 && localWallTime(date, minutes - 24 * 60, zone) === null) return null;
  // The wall time as if it were UTC; the instant is that minus the offset in force then.
  const wall = midnight.getTime() + minutes * MINUTE;
  const fits = [offsetAt(wall - DAY), offsetAt(wall + DAY)]
    .map((offset) => wall - offset * MINUTE)
    .filter(
      (at, i, all) => all.indexOf(at) === i && localClock(at, zone) && offsetAt(at) * MINUTE === wall - at,
    );
  return fits.length === 1 ? fits[0]! : null;
}

/** Minutes east of UTC in the local zone at an instant. */
const offsetAt = (at: Instant) => -new Date(at).getTimezoneOffset() || 0;

function luxonWallTime(date: string, minutes: number, zone: string): Instant {
  const midnight = DateTime.fromISO(date, { zone }).startOf('day');
  const wall = midnight.set({ hour: Math.floor(minutes / 60) % 24, minute: minutes % 60 });
  const shifted = minutes >= 24 * 60 ? wall.plus({ days: 1 }) : wall;
  return shifted.toMillis();
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
    const local = localClock(at, zone);
    iso = local
      ? `${ymd(local)}T${hm(local)}:${two(local.getSeconds())}.${String(local.getMilliseconds()).padStart(3, '0')}${offsetText(eastOfUtc(local))}`
      : DateTime.fromMillis(at, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZZ");
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

/** An offset as ISO 8601 writes it: +01:00, -03:30, +00:00. */
function offsetText(minutes: number): string {
  const size = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${two(Math.floor(size / 60))}:${two(size % 60)}`;
}

export function offsetMinutes(at: Instant, zone: string): number {
  const local = localClock(at, zone);
  if (local) return eastOfUtc(local);
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
  const here = localClock(at, zone);
  if (here) {
    // Both midnights read from Date where each names one instant; a day that starts in a gap or an
    // overlap is luxon's (it starts the day from the instant's own offset).
    const date = ymd(here);
    const dayStart = localWallTime(date, 0, zone);
    const nextStart = localWallTime(addDays(date, 1), 0, zone);
    if (dayStart !== null && nextStart !== null)
      return {
        date,
        localTime: hm(here),
        offset: eastOfUtc(here),
        dayStart,
        dayLength: nextStart - dayStart,
      };
  }
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
