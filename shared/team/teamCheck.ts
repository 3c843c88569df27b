import type { z } from 'zod';
import { TEAM_FILE_EXAMPLE } from './teamExample';
import { type TeamFile, teamFileSchema } from './teamFile';
import type { TeamProblem } from './teamNames';

export type { TeamProblem } from './teamNames';

export type TeamCheck = { ok: true; team: TeamFile } | { ok: false; problems: TeamProblem[] };

/** The longest team file Cadence reads, in characters: a page of norms is a few kilobytes. */
export const MAX_TEAM_FILE_CHARACTERS = 200_000;

type Step = string | number;

/** The example's value at a path, and the field name it sits under; the nearest parent when there is none. */
function exampleAt(path: readonly Step[]): string {
  let value: unknown = TEAM_FILE_EXAMPLE;
  let key: Step | undefined;
  for (const step of path) {
    const next: unknown = Array.isArray(value)
      ? value[0]
      : typeof value === 'object' && value !== null
        ? (value as Record<string, unknown>)[String(step)]
        : undefined;
    if (next === undefined) break;
    value = next;
    key = step;
  }
  const written = JSON.stringify(value);
  return typeof key === 'string' ? `"${key}": ${written}` : written;
}

/** The fields the example has at a path: what a team file may say there. */
function fieldsAt(path: readonly Step[]): string {
  let value: unknown = TEAM_FILE_EXAMPLE;
  for (const step of path)
    value =
      typeof value === 'object' && value !== null
        ? (value as Record<string, unknown>)[String(step)]
        : undefined;
  return typeof value === 'object' && value !== null ? Object.keys(value).join(', ') : '';
}

/** What the file holds at a path (undefined when the field is missing). */
function valueAt(raw: unknown, path: readonly Step[]): unknown {
  let value = raw;
  for (const step of path)
    value =
      typeof value === 'object' && value !== null
        ? (value as Record<string, unknown>)[String(step)]
        : undefined;
  return value;
}

/** A field path as a person reads it: quiet.days[1]. */
export function fieldPath(path: readonly Step[]): string {
  return path
    .map((step, index) => (typeof step === 'number' ? `[${step}]` : index ? `.${step}` : step))
    .join('');
}

function problemsOf(error: z.ZodError, raw: unknown): TeamProblem[] {
  return error.issues.flatMap((issue): TeamProblem[] => {
    const path = issue.path.filter((step): step is Step => typeof step !== 'symbol');
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => ({
        path: fieldPath([...path, key]),
        message: 'not a field a team file has here (check the spelling)',
        example: exampleAt(path),
        fields: fieldsAt(path),
      }));
    const missing = issue.code === 'invalid_type' && valueAt(raw, path) === undefined;
    return [
      {
        path: fieldPath(path),
        message: missing ? 'missing: this field is needed here' : issue.message,
        example: exampleAt(path),
      },
    ];
  });
}

/** Checks a parsed team file: the whole file, or every problem in it. */
export function checkTeamFile(raw: unknown): TeamCheck {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return {
      ok: false,
      problems: [
        {
          path: '',
          message: 'a team file is one JSON object, { … }',
          example: '{ "name": "Platform team" }',
        },
      ],
    };
  const parsed = teamFileSchema.safeParse(raw);
  return parsed.success
    ? { ok: true, team: parsed.data }
    : { ok: false, problems: problemsOf(parsed.error, raw) };
}

/** Checks a team file's text: JSON, not too long, and valid. */
export function checkTeamText(text: string): TeamCheck {
  if (text.length > MAX_TEAM_FILE_CHARACTERS)
    return {
      ok: false,
      problems: [
        {
          path: '',
          message: `the file is ${text.length.toLocaleString('en-GB')} characters long; a team file may have at most ${MAX_TEAM_FILE_CHARACTERS.toLocaleString('en-GB')}`,
          example: '{ "name": "Platform team" }',
        },
      ],
    };
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return {
      ok: false,
      problems: [
        {
          path: '',
          message: `not valid JSON (${(error as Error).message})`,
          example: '{ "name": "Platform team", "meetingFreeDay": "wednesday" }',
        },
      ],
    };
  }
  return checkTeamFile(raw);
}

export { teamProblemLine } from './teamWords';
