import { isoInZone, type Instant, localDate } from '../clockTime';
import { shutdownTimes } from '../prompts';
import type { Settings } from '../settings';
import type { PromptView } from '../statusView';
import { lastWorkdayEnded, patternOf, spanAt } from '../workPattern';

/** The workday `now` belongs to: the span's, else today's local date. */
export function currentWorkday(now: Instant, settings: Settings): string {
  return spanAt(now, patternOf(settings))?.workday ?? localDate(now, settings.workTimeZone);
}

/** The workday a shutdown ritual closes now: the one in progress, else the last one that ended today. */
export function closingWorkday(now: Instant, settings: Settings): string {
  const pattern = patternOf(settings);
  return (
    spanAt(now, pattern)?.workday ?? lastWorkdayEnded(now, pattern) ?? localDate(now, settings.workTimeZone)
  );
}

/** The ritual's prompt when the user opens it by hand. */
export function manualShutdownPrompt(workday: string, settings: Settings): PromptView {
  const times = shutdownTimes(workday, settings);
  const zone = settings.workTimeZone;
  return {
    kind: 'shutdown',
    key: `shutdown:${workday}:manual`,
    workday,
    endOfDay: times ? isoInZone(times.end, zone) : null,
    snoozeLimit: times ? isoInZone(times.snoozeLimit, zone) : null,
    windowEnd: null,
  };
}
