import {
  addDays,
  atLocalTime,
  type Instant,
  isHourMinute,
  localDate,
  minutesOfDay,
  weekdayOf,
} from './clockTime';
import type { Settings, WeekdayKey, WorkSpan } from './settings';

/** What decides when someone works: the user's settings, or a teammate's pattern. */
export interface WorkPattern {
  timeZone: string;
  week: Partial<Record<WeekdayKey, WorkSpan[]>>;
  weekendDays: number[];
  holidays?: { country: string | null; region: string | null };
  /** Where the names of public holidays come from; without one, no date is a holiday. */
  holidaySource?: HolidaySource;
  daysOff?: string[];
}

const patterns = new WeakMap<Settings, WorkPattern>();
const settingsHolidays = new WeakMap<Settings, HolidaySource>();

/**
 * Gives these settings a holiday calendar: the pattern derived from them carries it, so every pure
 * function handed the settings sees the same holidays. The host supplies the source (main/core).
 */
export function withHolidays(settings: Settings, source: HolidaySource): Settings {
  if (settingsHolidays.get(settings) !== source) {
    settingsHolidays.set(settings, source);
    patterns.delete(settings);
  }
  return settings;
}
const patternKeys = new WeakMap<WorkPattern, string>();

/** The user's pattern: the same object for the same settings, so what derives from it can be cached. */
export function patternOf(settings: Settings): WorkPattern {
  let pattern = patterns.get(settings);
  if (!pattern) {
    pattern = {
      timeZone: settings.workTimeZone,
      week: settings.week,
      weekendDays: settings.weekendDays,
      holidays: settings.holidays,
      daysOff: settings.daysOff,
    };
    const source = settingsHolidays.get(settings);
    if (source) pattern.holidaySource = source;
    patterns.set(settings, pattern);
  }
  return pattern;
}

const WEEKDAY_KEYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
const weekKeys = new WeakMap<object, string>();

/**
 * A week's spans as a short string: "[09:0017:00]" a day, "-" for a day without an entry. Each
 * teammate read from a file has a week object of its own, so this runs once per teammate: it must
 * be cheaper than JSON. Anything but valid "HH:MM" spans falls back to JSON (marked "J").
 */
export function weekKey(week: WorkPattern['week']): string {
  let key = weekKeys.get(week);
  if (key === undefined) {
    key = compactWeek(week) ?? `J${JSON.stringify(week)}`;
    weekKeys.set(week, key);
  }
  return key;
}

function compactWeek(week: WorkPattern['week']): string | null {
  let text = '';
  for (const day of WEEKDAY_KEYS) {
    const spans: unknown = week[day];
    if (spans === undefined) {
      text += '-';
      continue;
    }
    if (!Array.isArray(spans)) return null;
    text += '[';
    for (const span of spans) {
      const { start, end } = (span ?? {}) as { start?: unknown; end?: unknown };
      if (typeof start !== 'string' || typeof end !== 'string' || !isHourMinute(start) || !isHourMinute(end))
        return null;
      text += start + end;
    }
    text += ']';
  }
  return text;
}

/**
 * Weekend days as a number, one bit a day, when they are days 0…30 (always, once validated): they
 * only ever answer `includes`, which order and repeats do not change. Anything else as JSON.
 */
export function weekendKey(days: readonly unknown[]): number | string {
  let bits = 0;
  for (let i = 0; i < days.length; i++) {
    const day = days[i];
    if (typeof day !== 'number' || !Number.isInteger(day) || day < 0 || day > 30)
      return `J${JSON.stringify(days)}`;
    bits |= 1 << day;
  }
  return bits;
}

/**
 * What decides a pattern's spans, as a string: patterns with the same key have the same spans on
 * every date (the span tables are shared by key). Each part delimits itself (the zone by its
 * length), so different patterns never share a key.
 */
export function patternKeyOf(pattern: WorkPattern): string {
  const rest =
    pattern.holidays === undefined && pattern.daysOff === undefined
      ? ''
      : JSON.stringify([pattern.holidays ?? null, pattern.daysOff ?? null, sourceId(pattern.holidaySource)]);
  const weekend = weekendKey(pattern.weekendDays);
  return `${pattern.timeZone.length}:${pattern.timeZone}${weekKey(pattern.week)}${typeof weekend === 'number' ? `w${weekend};` : weekend}${rest}`;
}

function patternKey(pattern: WorkPattern): string {
  let key = patternKeys.get(pattern);
  if (key === undefined) {
    key = patternKeyOf(pattern);
    patternKeys.set(pattern, key);
  }
  return key;
}

/**
 * Spans by pattern and date: pure, so cached. Patterns with the same content share one table (found
 * once per pattern object); the whole cache is bounded so a long-running service does not grow.
 */
const spanCache = new Map<string, Map<string, Span[]>>();
const tables = new WeakMap<WorkPattern, Map<string, Span[]>>();
let cachedDays = 0;
const SPAN_CACHE_LIMIT = 8_000;

function clearSpanCache(): void {
  for (const table of spanCache.values()) table.clear();
  spanCache.clear();
  cachedDays = 0;
}

function spanTable(pattern: WorkPattern): Map<string, Span[]> {
  let table = tables.get(pattern);
  if (!table) {
    const key = patternKey(pattern);
    table = spanCache.get(key);
    if (!table) {
      table = new Map();
      spanCache.set(key, table);
    }
    tables.set(pattern, table);
  }
  return table;
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'dayOff';

export interface Span {
  /** The local date the span belongs to (a night shift belongs to the day it starts). */
  workday: string;
  start: Instant;
  end: Instant;
}

/** Public holidays of a country (and region) in a year: date → name. Supplied by the host (main/core). */
export type HolidaySource = (
  country: string,
  region: string | null,
  year: number,
) => ReadonlyMap<string, string>;

/** Each source's answers by country, region and year: a source is pure, so they are kept. */
const holidayYears = new WeakMap<HolidaySource, Map<string, ReadonlyMap<string, string>>>();
const sourceIds = new WeakMap<HolidaySource, number>();
let lastSourceId = 0;

function sourceId(source: HolidaySource | undefined): number {
  if (!source) return 0;
  let id = sourceIds.get(source);
  if (id === undefined) sourceIds.set(source, (id = ++lastSourceId));
  return id;
}

/** The public holiday on a date in the pattern's country and region, if any. */
export function holidayOn(date: string, pattern: WorkPattern): string | null {
  const country = pattern.holidays?.country;
  const source = pattern.holidaySource;
  if (!country || !source) return null;
  const region = pattern.holidays?.region ?? null;
  const key = `${country}/${region ?? ''}/${date.slice(0, 4)}`;
  let years = holidayYears.get(source);
  if (!years) holidayYears.set(source, (years = new Map()));
  let names = years.get(key);
  if (!names) {
    names = source(country, region, Number(date.slice(0, 4)));
    years.set(key, names);
  }
  return names.get(date) ?? null;
}

export function dayKind(date: string, pattern: WorkPattern): DayKind {
  if (pattern.daysOff?.includes(date)) return 'dayOff';
  if (pattern.weekendDays.includes(weekdayOf(date))) return 'weekend';
  if (holidayOn(date, pattern)) return 'holiday';
  return 'workday';
}

/** The working spans of one local date, as instants; none on weekends, holidays and days off. */
export function spansOn(date: string, pattern: WorkPattern): Span[] {
  if (cachedDays >= SPAN_CACHE_LIMIT) clearSpanCache();
  const table = spanTable(pattern);
  let spans = table.get(date);
  if (!spans) {
    spans = computeSpans(date, pattern);
    table.set(date, spans);
    cachedDays++;
  }
  return spans;
}

function computeSpans(date: string, pattern: WorkPattern): Span[] {
  if (dayKind(date, pattern) !== 'workday') return [];
  const local = pattern.week[String(weekdayOf(date)) as WeekdayKey] ?? [];
  return local
    .map((span) => {
      const startMinutes = minutesOfDay(span.start);
      let endMinutes = minutesOfDay(span.end);
      if (endMinutes <= startMinutes) endMinutes += 24 * 60;
      return {
        workday: date,
        start: atLocalTime(date, startMinutes, pattern.timeZone),
        end: atLocalTime(date, endMinutes, pattern.timeZone),
      };
    })
    .sort((a, b) => a.start - b.start);
}

/** Spans of the workdays from one day before `from` on, lazily, up to `days` days ahead. */
export function* spansFrom(from: Instant, pattern: WorkPattern, days = 400): Generator<Span> {
  let date = addDays(localDate(from, pattern.timeZone), -1);
  for (let i = 0; i <= days; i++, date = addDays(date, 1)) yield* spansOn(date, pattern);
}

export function spanAt(at: Instant, pattern: WorkPattern): Span | null {
  for (const span of spansFrom(at, pattern, 2)) {
    if (span.start <= at && at < span.end) return span;
  }
  return null;
}

/** The first span that starts after `after`, optionally on a workday later than `afterWorkday`. */
export function nextSpan(after: Instant, pattern: WorkPattern, afterWorkday?: string): Span | null {
  for (const span of spansFrom(after, pattern)) {
    if (span.start > after && (!afterWorkday || span.workday > afterWorkday)) return span;
  }
  return null;
}

/** The end of the last span of a workday: the end of that day's work. */
export function workdayEnd(workday: string, pattern: WorkPattern): Instant | null {
  const spans = spansOn(workday, pattern);
  return spans.length ? Math.max(...spans.map((span) => span.end)) : null;
}

/** Minutes of [from, to) that fall outside every working span. */
export function minutesOutsideWork(from: Instant, to: Instant, pattern: WorkPattern): number {
  if (to <= from) return 0;
  let inside = 0;
  for (const span of spansFrom(from, pattern, Math.ceil((to - from) / 86_400_000) + 2)) {
    if (span.start >= to) break;
    inside += Math.max(0, Math.min(to, span.end) - Math.max(from, span.start));
  }
  return Math.round((to - from - inside) / 60_000);
}

/** The latest workday whose work ended before `at` on the same or the previous local date. */
export function lastWorkdayEnded(at: Instant, pattern: WorkPattern): string | null {
  const today = localDate(at, pattern.timeZone);
  for (const date of [today, addDays(today, -1)]) {
    const end = workdayEnd(date, pattern);
    if (end !== null && end <= at) return date;
  }
  return null;
}
