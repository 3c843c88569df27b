import path from 'node:path';
import { EMPTY_TEAM_STATE, type TeamState, teamStateSchema } from '../../shared/team/teamView';
import { DocumentStore, type Parsed } from './documentStore';
import type { Clock, DocumentBackend, Notifier } from './ports';
import { TeamFollower } from './teamFollower';

/** team.json as read back: the last good copy of the team file, or nothing when it cannot be trusted. */
export function parseTeamState(raw: unknown): Parsed<TeamState> {
  if (raw === undefined) return { value: EMPTY_TEAM_STATE, problems: [] };
  const parsed = teamStateSchema.safeParse(raw);
  if (parsed.success) return { value: parsed.data, problems: [] };
  return {
    value: EMPTY_TEAM_STATE,
    problems: ['the saved copy of the team file could not be used; Cadence reads the file again'],
  };
}

/** The team file follower of a data folder, with its copy kept in team.json. */
export function openTeamFollower(
  dataDir: string,
  clock: Clock,
  open: (directory: string, name: string) => DocumentBackend,
  address: () => string | null,
  notifier: Notifier,
): { follower: TeamFollower; problems: string[]; dispose(): void } {
  const store = new DocumentStore<TeamState>({
    file: path.join(dataDir, 'team.json'),
    label: 'team file copy',
    parse: parseTeamState,
    open: () => open(dataDir, 'team'),
    now: () => clock.now(),
  });
  const follower = new TeamFollower({ clock, store, address, notifier });
  return { follower, problems: store.problems, dispose: () => follower.dispose() };
}
