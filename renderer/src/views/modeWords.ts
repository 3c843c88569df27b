import type { StatusView } from '../../../shared/statusView';
import { clockTime, whenText } from '../timeFormat';

export const MODE_LABEL: Record<StatusView['mode'], string> = {
  focus: 'Focusing',
  meeting: 'In a meeting',
  lunch: 'At lunch',
  working: 'Working',
  off: 'Off',
};

const OFF_REASON: Record<string, string> = {
  afterHours: 'Your workday is over.',
  beforeHours: 'Your workday has not started yet.',
  betweenSpans: 'You are between working hours.',
  weekend: 'It is the weekend.',
  holiday: 'It is a public holiday.',
  dayOff: 'It is your day off.',
  dayClosed: 'You closed the day.',
  away: 'You are away.',
};

/** One plain sentence of where the user stands. */
export function headline(status: StatusView, now: number, locale?: string): string {
  const zone = status.timeZone;
  switch (status.mode) {
    case 'focus':
      return status.focus ? `Focusing until ${clockTime(status.focus.endsAt, zone, locale)}.` : 'Focusing.';
    case 'meeting':
      return status.meeting
        ? `In “${status.meeting.title}” until ${clockTime(status.meeting.endsAt, zone, locale)}.`
        : 'In a meeting.';
    case 'lunch':
      return status.until ? `At lunch until ${clockTime(status.until, zone, locale)}.` : 'At lunch.';
    case 'working':
      return status.until ? `Working until ${whenText(status.until, zone, now, locale)}.` : 'Working.';
    case 'off': {
      const back = status.nextWorkStart
        ? ` Work resumes ${whenText(status.nextWorkStart, zone, now, locale)}.`
        : '';
      return `${OFF_REASON[status.reason] ?? 'You are off.'}${back}`;
    }
  }
}
