import type { DaySummary } from './history';

export interface WeekTotals {
  focusMinutes: number;
  meetingMinutes: number;
  lunches: number;
  afterHoursMinutes: number;
  weekendMinutes: number;
}

export function weekTotals(days: readonly DaySummary[]): WeekTotals {
  return days.reduce(
    (sum, day) => ({
      focusMinutes: sum.focusMinutes + day.focusMinutes,
      meetingMinutes: sum.meetingMinutes + day.meetingMinutes,
      lunches: sum.lunches + (day.lunchTaken ? 1 : 0),
      afterHoursMinutes: sum.afterHoursMinutes + day.afterHoursMinutes,
      weekendMinutes: sum.weekendMinutes + day.weekendMinutes,
    }),
    { focusMinutes: 0, meetingMinutes: 0, lunches: 0, afterHoursMinutes: 0, weekendMinutes: 0 },
  );
}

/** One plain sentence on what changed from the previous week to this one. */
export function weekChangeSentence(previous: WeekTotals, current: WeekTotals): string {
  const hours = (m: number): string => `${(m / 60).toFixed(1).replace(/\.0$/, '')} h`;
  const focusDelta = current.focusMinutes - previous.focusMinutes;
  const afterDelta =
    current.afterHoursMinutes + current.weekendMinutes - previous.afterHoursMinutes - previous.weekendMinutes;
  // From nothing, or to nothing, "rose by 5.9 h to 5.9 h" says it twice: say where it went from.
  const focusPart =
    focusDelta === 0
      ? `Focus time held steady at ${hours(current.focusMinutes)}`
      : previous.focusMinutes === 0
        ? `Focus time rose to ${hours(current.focusMinutes)}, from none the week before`
        : current.focusMinutes === 0
          ? `There was no focus time, after ${hours(previous.focusMinutes)} the week before`
          : `Focus time ${focusDelta > 0 ? 'rose' : 'fell'} from ${hours(previous.focusMinutes)} to ${hours(current.focusMinutes)}`;
  const afterPart =
    afterDelta === 0
      ? 'time after hours did not change'
      : `you worked ${Math.abs(afterDelta)} min ${afterDelta > 0 ? 'more' : 'less'} after hours`;
  return `${focusPart}, ${afterPart}, and you took ${current.lunches} lunch${current.lunches === 1 ? '' : 'es'} (${previous.lunches} the week before).`;
}
