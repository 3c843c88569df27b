import type { Settings } from '../settings';
import { sharedWorkdayHours } from '../workSpans';
import type { TeamFile } from './teamFile';
import { TEAM_SCHEMA_ADDRESS, TEAM_WEEKDAYS } from './teamNames';

const addMinutes = (hhmm: string, minutes: number): string => {
  const total = Math.min(23 * 60 + 59, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)) + minutes);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
};

/**
 * A starter team file from one member's own settings, to share with the team and edit together: their
 * urgency rule, their evenings and weekend as quiet time, their lunch and the end of their day. Core hours
 * and the meeting-free day are the team's to agree, so they are left for the team to fill in.
 */
export function starterTeamFile(settings: Settings): TeamFile {
  const hours = sharedWorkdayHours(settings.week, settings.weekendDays);
  const first = hours?.[0];
  const last = hours?.at(-1);
  const daytime =
    first && last && !last.nextDay && first.start < last.end ? { start: first.start, end: last.end } : null;
  const { rule, keywords, alwaysFrom } = settings.urgency;
  const lunch = settings.lunch;
  const { country, region } = settings.holidays;
  return {
    $schema: TEAM_SCHEMA_ADDRESS,
    urgency: {
      ...(rule ? { rule } : {}),
      ...(keywords.length ? { keywords } : {}),
      ...(alwaysFrom.length ? { alwaysFrom } : {}),
    },
    quiet: {
      ...(daytime ? { evenings: { from: daytime.end, until: daytime.start } } : {}),
      ...(settings.weekendDays.length
        ? { days: [...settings.weekendDays].sort().flatMap((day) => TEAM_WEEKDAYS[day - 1] ?? []) }
        : {}),
      ...(country ? { holidays: { country, ...(region ? { region } : {}) } } : {}),
    },
    ...(lunch.enabled
      ? {
          lunch: {
            minutes: lunch.minutes,
            between: { from: lunch.earliestStart, until: addMinutes(lunch.latestStart, lunch.minutes) },
          },
        }
      : {}),
    ...(daytime ? { endOfDay: { by: daytime.end } } : {}),
  };
}

/** The starter as the text of a file, ready to save as team.json. */
export function starterTeamText(settings: Settings): string {
  return `${JSON.stringify(starterTeamFile(settings), null, 2)}\n`;
}
