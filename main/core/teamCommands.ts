import type { TeamCommand } from '../../shared/commands/command';
export { isTeamCommand } from '../../shared/commands/command';
import { type ApiResult, commandInput, type CommandResult, refusal } from '../../shared/contract';
import type { TeamPort } from './servicePorts';

/** A command about the team file followed, from a transport: its input checked, then the follower asked. */
export async function runTeamCommand(
  team: TeamPort | null,
  name: TeamCommand,
  input: unknown,
): Promise<ApiResult<CommandResult<TeamCommand>>> {
  const parsed = commandInput(name, input);
  if (!parsed.ok) return parsed;
  if (!team)
    return refusal('not_available', 'This Cadence does not follow a team file (it was started without one).');
  return { ok: true, value: name === 'team.refresh' ? await team.refresh() : team.noticeSeen() };
}
