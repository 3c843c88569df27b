import { type DayPeriodMarks, readTimeOfDay } from './timeOfDay';
import { type ClockPreference, clockTime } from './timeWriting';

// A time of day ("HH:MM", as Cadence stores it) as the user reads and types it: on their clock.

const onClock = (hhmm: string, clock?: ClockPreference): string =>
  clockTime(`1970-01-01T${hhmm}:00Z`, 'UTC', undefined, clock);

/** "17:30" written on the user's clock: "5:30 PM" or "17:30". */
export function timeOfDayText(hhmm: string): string {
  return onClock(hhmm);
}

/** Whether the user's clock runs to 12 and says AM and PM. */
export function twelveHourClock(): boolean {
  return !onClock('13:00').includes('13');
}

/** The words the user's language writes for the morning and the afternoon, from its own 12-hour clock. */
function dayPeriodMarks(): DayPeriodMarks {
  const mark = (hhmm: string): string[] => {
    const word = onClock(hhmm, '12h')
      .replace(/[\d:.]/g, '')
      .trim();
    return word ? [word] : [];
  };
  return { am: mark('00:00'), pm: mark('12:00') };
}

/** A time as the user typed it, read under either clock (and in their language's AM/PM): "HH:MM" or null. */
export function readTypedTime(typed: string): string | null {
  return readTimeOfDay(typed, dayPeriodMarks());
}

/** The forms a time may take, as examples on the user's clock: "4:30 PM, 4pm or noon" or "16:30 or noon". */
export function timeFormsText(): string {
  return twelveHourClock() ? `${onClock('16:30')}, 4pm or noon` : `${onClock('16:30')} or noon`;
}

/** An instant on the clock given settings choose, in the work zone: how a command's refusal says a time. */
export function settingsTime(
  at: number,
  settings: { locale: string | null; clock: ClockPreference; workTimeZone: string },
): string {
  return clockTime(at, settings.workTimeZone, settings.locale ?? undefined, settings.clock);
}
