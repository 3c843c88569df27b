import { z } from 'zod';
import { teamFileSchema } from './teamFile';

// What a member's Cadence keeps of the team file it follows (team.json in the data folder), and what it
// shows of it. The copy changes only when a good file is read; a failed read records why and nothing else.

const problemSchema = z.object({
  path: z.string().max(300),
  message: z.string().max(1000),
  example: z.string().max(2000),
  fields: z.string().max(1000).optional(),
});

export const teamStateSchema = z.object({
  /** The address the copy was read from. */
  address: z.string().max(2000).nullable(),
  /** The last good copy: what the member's Cadence follows, offline too. */
  team: teamFileSchema.nullable(),
  etag: z.string().max(500).nullable(),
  /** When the file was last read and found good (or unchanged). */
  readAt: z.iso.datetime({ offset: true }).nullable(),
  /** When Cadence last tried, whatever came of it. */
  checkedAt: z.iso.datetime({ offset: true }).nullable(),
  /** Why the last try did not give a good file, in words; null when it did. */
  error: z.string().max(2000).nullable(),
  /** The problems of the file last read, when it was not a valid team file. */
  problems: z.array(problemSchema).max(200),
  /** What changed in the team's file, said once: shown until the member has seen it. */
  notice: z
    .object({ lines: z.array(z.string().max(500)).max(20), at: z.iso.datetime({ offset: true }) })
    .nullable(),
});
export type TeamState = z.infer<typeof teamStateSchema>;

export const EMPTY_TEAM_STATE: TeamState = {
  address: null,
  team: null,
  etag: null,
  readAt: null,
  checkedAt: null,
  error: null,
  problems: [],
  notice: null,
};

/** What the window and the CLI show of the team file followed. */
export interface TeamView extends Omit<TeamState, 'etag'> {
  /** What the followed copy sets, a line a field (shared/team/teamWords.ts). */
  summary: string[];
}
