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
  const focusPart =
    focusDelta === 0
      ? `Focus time held steady at ${hours(current.focusMinutes)}`
      : `Focus time ${focusDelta > 0 ? 'rose' : 'fell'} by ${hours(Math.abs(focusDelta))} to ${hours(current.focusMinutes)}`;
  const afterPart =
    afterDelta === 0
      ? 'time after hours did not change'
      : `you worked ${Math.abs(afterDelta)} min ${afterDelta > 0 ? 'more' : 'less'} after hours`;
  return `${focusPart}, ${afterPart}, and you took ${current.lunches} lunch${current.lunches === 1 ? '' : 'es'} (${previous.lunches} the week before).`;
}
