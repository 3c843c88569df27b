// Clock and day words for the commonest English locales, written without Intl. The first
// Intl.DateTimeFormat pages in about 8 MB of ICU's formatting data that stay resident for the life of the
// process; the service writes a few times a day (`cadence status`, a prompt), and for these locales the
// words are fixed. Every other locale goes through Intl. test/unit/shared/plainTimeText.test.ts compares
// each entry here with Intl for every minute of a day and every weekday and month.

type Cycle = 'h12' | 'h23';

interface LocaleWords {
  /** The locale's own clock. */
  own: Cycle;
  /** "09:05" rather than "9:05" on the 24-hour clock. */
  padHour: boolean;
  /** Before and after noon on the 12-hour clock. */
  periods: readonly [string, string];
  day(weekday: string, day: number, month: string): string;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const BRITISH_MONTHS = MONTHS.map((month) => (month === 'Sep' ? 'Sept' : month));

const AMERICAN: LocaleWords = {
  own: 'h12',
  padHour: true,
  periods: ['AM', 'PM'],
  day: (weekday, day, month) => `${weekday}, ${month} ${day}`,
};

const WORDS: Record<string, LocaleWords & { months?: readonly string[] }> = {
  en: AMERICAN,
  'en-US': AMERICAN,
  'en-GB': {
    own: 'h23',
    padHour: false,
    periods: ['am', 'pm'],
    day: (weekday, day, month) => `${weekday} ${day} ${month}`,
    months: BRITISH_MONTHS,
  },
};

const two = (n: number) => String(n).padStart(2, '0');

/** "5:05 PM", "17:05" or "0:05" as the locale writes the time on the clock given (its own if none); null: ask Intl. */
export function plainClockText(
  locale: string,
  cycle: Cycle | undefined,
  hour: number,
  minute: number,
): string | null {
  const words = WORDS[locale];
  if (!words) return null;
  if ((cycle ?? words.own) === 'h23') return `${words.padHour ? two(hour) : hour}:${two(minute)}`;
  return `${hour % 12 || 12}:${two(minute)} ${words.periods[hour < 12 ? 0 : 1]}`;
}

/** "Mon, Dec 7" or "Mon 7 Dec" (ISO weekday 1–7, month 1–12); null: ask Intl. */
export function plainDayText(locale: string, weekday: number, day: number, month: number): string | null {
  const words = WORDS[locale];
  if (!words) return null;
  return words.day(WEEKDAYS[weekday - 1]!, day, (words.months ?? MONTHS)[month - 1]!);
}
