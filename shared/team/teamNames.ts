// The team file's plain names, without the validator: the window's bundle reads these (teamFile.ts has the schema).

/** Where the published schema is (docs/team-file.schema.json), for editors that check the file as it is written. */
export const TEAM_SCHEMA_ADDRESS = 'https://example.org/cadence/team-file.schema.json';

export const TEAM_WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
export type TeamWeekday = (typeof TEAM_WEEKDAYS)[number];

/** One thing wrong with a team file: where (a field path), what, and a good value to copy. */
export interface TeamProblem {
  path: string;
  message: string;
  /** A good value for that field, as it is written in the file: `"from": "18:30"`. */
  example: string;
  /** For a field the file should not have: the fields it may have there. */
  fields?: string | undefined;
}
