/**
 * A time of day as a person types it, under either clock, read into Cadence's own "HH:MM" (24-hour).
 *
 * Read: "17:30", "9:05", "17.30" and "17h30" / "17h" (the separators other languages write); "5pm",
 * "5 pm", "5:30pm", "5.30 p.m.", "12am" (midnight) and "12pm" (noon); "noon", "midday" and "midnight";
 * and the day-period words of the user's own language when given (`marks`, e.g. "오후 4:30").
 * Not read, on purpose: a bare number ("5" could be five in the morning or the afternoon, and the CLI's
 * "focus 5" means minutes), "24:00", and an hour past 12 with am/pm ("17pm").
 */

/** The words a locale writes for the morning and the afternoon ("AM"/"PM", "vorm."/"nachm."…). */
export interface DayPeriodMarks {
  am: readonly string[];
  pm: readonly string[];
}

const NO_MARKS: DayPeriodMarks = { am: [], pm: [] };
const TWELVE_HOUR = /^(\d{1,2})(?:[:.](\d{2}))?(am|pm)$/;
const TWENTY_FOUR_HOUR = /^(\d{1,2})(?:[:.h](\d{2})|h)$/;

const hourMinute = (hour: number, minute: number): string =>
  `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;

/** The period a locale's mark at either end of the text names, and the text without it. */
function localPeriod(text: string, marks: DayPeriodMarks): [string, 'am' | 'pm' | null] {
  for (const [period, words] of [
    ['am', marks.am],
    ['pm', marks.pm],
  ] as const)
    for (const word of words) {
      const mark = word.toLowerCase().replace(/\s+/g, '');
      if (!mark || /\d/.test(mark)) continue;
      if (text.endsWith(mark)) return [text.slice(0, -mark.length), period];
      if (text.startsWith(mark)) return [text.slice(mark.length), period];
    }
  return [text, null];
}

/** "HH:MM" for what was typed, or null when it is no time of day Cadence can read. */
export function readTimeOfDay(typed: string, marks: DayPeriodMarks = NO_MARKS): string | null {
  // Every space goes, the narrow no-break one Intl writes before "PM" included; "p.m." is "pm".
  let text = typed.toLowerCase().replace(/\s+/g, '');
  if (text === 'noon' || text === 'midday') return '12:00';
  if (text === 'midnight') return '00:00';
  text = text.replace(/([ap])\.?m\.?$/, '$1m');
  const [bare, local] = localPeriod(text, marks);
  if (local) text = `${bare}${local}`;
  const twelve = TWELVE_HOUR.exec(text);
  if (twelve) {
    const hour = Number(twelve[1]);
    const minute = Number(twelve[2] ?? '0');
    if (hour < 1 || hour > 12 || minute > 59) return null;
    return hourMinute((hour % 12) + (twelve[3] === 'pm' ? 12 : 0), minute);
  }
  const twentyFour = TWENTY_FOUR_HOUR.exec(text);
  if (twentyFour) {
    const hour = Number(twentyFour[1]);
    const minute = Number(twentyFour[2] ?? '0');
    if (hour > 23 || minute > 59) return null;
    return hourMinute(hour, minute);
  }
  return null;
}
