import { timeOfDayText } from '../clockWords';
import type { TeamFile } from './teamFile';
import type { TeamProblem, TeamWeekday } from './teamNames';

// What a team file sets, in words: the summary `cadence team check` and the window show, and the notice
// of what changed when the team's file does.

const capital = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);
const list = (items: readonly string[]): string =>
  items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : (items[0] ?? '');
const daysText = (days: readonly TeamWeekday[]): string => list(days.map(capital));
const quoted = (items: readonly string[]): string => list(items.map((item) => `“${item}”`));

function within(reply: { workingHours?: number | undefined; workingDays?: number | undefined }): string {
  if (reply.workingHours !== undefined)
    return `within ${reply.workingHours} working hour${reply.workingHours === 1 ? '' : 's'}`;
  return reply.workingDays === 1 ? 'by the next working day' : `within ${reply.workingDays} working days`;
}

type Field = Exclude<keyof TeamFile, '$schema'>;

/** Each field's line, or null when the file leaves it out. */
const LINES: { [K in Field]: (value: NonNullable<TeamFile[K]>) => string } = {
  name: (name) => `Team: ${name}`,
  coreHours: (core) =>
    `Core hours: ${timeOfDayText(core.start)}–${timeOfDayText(core.end)} ${core.timeZone} time${core.days ? `, on ${daysText(core.days)}` : ', every working day'}`,
  urgency: (urgency) =>
    `Urgent: ${
      [
        urgency.rule ? `senders read “${urgency.rule}”` : '',
        urgency.keywords?.length ? `marked by ${quoted(urgency.keywords)}` : '',
        urgency.alwaysFrom?.length ? `always from ${list(urgency.alwaysFrom)}` : '',
      ]
        .filter(Boolean)
        .join('; ') || 'no rule'
    }`,
  quiet: (quiet) =>
    `Quiet: ${
      [
        quiet.evenings
          ? `${timeOfDayText(quiet.evenings.from)} to ${timeOfDayText(quiet.evenings.until)}, in each member's own time`
          : '',
        quiet.days?.length ? `all day on ${daysText(quiet.days)}` : '',
        quiet.holidays
          ? `public holidays in ${quiet.holidays.country}${quiet.holidays.region ? ` (${quiet.holidays.region})` : ''}`
          : '',
      ]
        .filter(Boolean)
        .join('; ') || 'nothing'
    }`,
  meetingFreeDay: (day) => `Meeting-free day: ${capital(day)}`,
  replies: (replies) =>
    `Replies: ${
      [
        replies.chat ? `chat ${within(replies.chat)}` : '',
        replies.email ? `email ${within(replies.email)}` : '',
      ]
        .filter(Boolean)
        .join('; ') || 'no expectation'
    }`,
  lunch: (lunch) =>
    `Lunch: ${[
      lunch.minutes ? `${lunch.minutes} minutes` : 'a break',
      lunch.between
        ? `between ${timeOfDayText(lunch.between.from)} and ${timeOfDayText(lunch.between.until)}`
        : '',
    ]
      .filter(Boolean)
      .join(' ')}`,
  endOfDay: (end) => `End of day: by ${timeOfDayText(end.by)}`,
  disconnecting: (policy) => `Disconnecting policy: version ${policy.version} of ${policy.date}`,
};

const FIELDS = Object.keys(LINES) as Field[];

/** What the field says, or null when the file leaves it out. */
function lineOf<K extends Field>(team: TeamFile, field: K): string | null {
  const value = team[field];
  return value === undefined ? null : LINES[field](value as NonNullable<TeamFile[K]>);
}

/** What a valid team file sets, a line a field, in the file's order of importance. */
export function teamSummary(team: TeamFile): string[] {
  const lines = FIELDS.map((field) => lineOf(team, field)).filter((line) => line !== null);
  return lines.length ? lines : ['The file sets nothing yet: every field is optional.'];
}

const NAMES: Record<Field, string> = {
  name: "the team's name",
  coreHours: 'core hours',
  urgency: 'an urgency rule',
  quiet: 'quiet hours',
  meetingFreeDay: 'a meeting-free day',
  replies: 'reply expectations',
  lunch: 'a lunch expectation',
  endOfDay: 'an end of day',
  disconnecting: 'a disconnecting policy',
};

/** The quiet evenings' change said as a person would: "Quiet hours now start at 18:30". */
function eveningsChange(before: TeamFile['quiet'], after: TeamFile['quiet']): string[] | null {
  const [was, now] = [before?.evenings, after?.evenings];
  if (!was || !now) return null;
  const said: string[] = [];
  if (was.from !== now.from) said.push(`Quiet hours now start at ${timeOfDayText(now.from)}`);
  if (was.until !== now.until) said.push(`Quiet hours now end at ${timeOfDayText(now.until)}`);
  const rest = (quiet: TeamFile['quiet']) => JSON.stringify({ ...quiet, evenings: undefined });
  return rest(before) === rest(after) ? said : null;
}

/** What changed between two versions of the team's file, a sentence each; empty when nothing did. */
export function teamChanges(before: TeamFile, after: TeamFile): string[] {
  return FIELDS.flatMap((field): string[] => {
    if (JSON.stringify(before[field]) === JSON.stringify(after[field])) return [];
    if (field === 'quiet') {
      const evenings = eveningsChange(before.quiet, after.quiet);
      if (evenings) return evenings;
    }
    const line = lineOf(after, field);
    if (line === null) return [`The team no longer sets ${NAMES[field]}`];
    if (field === 'name') return [`The team is now called ${after.name}`];
    return [before[field] === undefined ? `New: ${line}` : `Now: ${line}`];
  });
}

/** A problem in one line: `quiet.evenings.from: use a 24-hour time like 18:30 — for example "from": "18:30"`. */
export function teamProblemLine(problem: TeamProblem): string {
  const hint = problem.fields ? `the fields here are ${problem.fields}` : `for example ${problem.example}`;
  return `${problem.path || 'the file'}: ${problem.message} — ${hint}`;
}
