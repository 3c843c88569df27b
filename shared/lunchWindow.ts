import { atLocalTime, type Instant, minutesOfDay } from './clockTime';
import type { Settings } from './settings';

/**
 * When lunch may start on a workday: from the earliest to the latest start the user set, in the working
 * zone. The prompts, the day plan and the focus goal (which plans around it) all read it here.
 */
export function lunchWindow(workday: string, settings: Settings): { start: Instant; end: Instant } {
  const zone = settings.workTimeZone;
  return {
    start: atLocalTime(workday, minutesOfDay(settings.lunch.earliestStart), zone),
    end: atLocalTime(workday, minutesOfDay(settings.lunch.latestStart), zone),
  };
}
