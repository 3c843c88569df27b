import type { DaySummary } from './intents';

type Field = string | number | boolean | null | undefined;

/**
 * The columns of the daily totals, in order, as the CSV header names them. Days stored before a field
 * was measured lack it: their cell is empty, as is one of a day that saw nothing to measure.
 */
const COLUMNS: [string, (day: DaySummary) => Field][] = [
  ['date', (day) => day.date],
  ['workday', (day) => day.workday],
  ['focus_minutes', (day) => day.focusMinutes],
  ['meeting_minutes', (day) => day.meetingMinutes],
  ['meetings', (day) => day.meetings],
  ['lunch_taken', (day) => day.lunchTaken],
  ['after_hours_minutes', (day) => day.afterHoursMinutes],
  ['weekend_minutes', (day) => day.weekendMinutes],
  ['day_closed_at', (day) => day.shutdownAt],
  ['closed_on_time', (day) => day.closedOnTime],
  ['first_active', (day) => day.firstActive],
  ['last_active', (day) => day.lastActive],
  ['span_minutes', (day) => day.spanMinutes],
  ['urgent', (day) => day.urgent],
];

/** A field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break. */
export function field(value: Field): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The daily totals as CSV (RFC 4180: a header line, CRLF line ends), for the user's own records. */
export function daysToCsv(days: readonly DaySummary[]): string {
  const lines = [COLUMNS.map(([name]) => name).join(',')];
  // A day before Cadence first ran has its date and whether it was a workday; the rest is not known.
  for (const day of days)
    lines.push(
      COLUMNS.map(([, value], i) => field(day.beforeCadence && i > 1 ? null : value(day))).join(','),
    );
  return `${lines.join('\r\n')}\r\n`;
}
