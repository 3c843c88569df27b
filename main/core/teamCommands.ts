import type { TeamCommand } from '../../shared/commands/command';
export { isTeamCommand } from '../../shared/commands/command';
import {
  type ApiResult,
  commandInputSchemas,
  type CommandResult,
  issuesOf,
  refusal,
} from '../../shared/contract';
import type { TeamPort } from './servicePorts';

/** A command about the team file followed, from a transport: its input checked, then the follower asked. */
export async function runTeamCommand(
  team: TeamPort | null,
  name: TeamCommand,
  input: unknown,
): Promise<ApiResult<CommandResult<TeamCommand>>> {
  const parsed = commandInputSchemas[name].safeParse(input === undefined ? {} : input);
  if (!parsed.success)
    return refusal('invalid_input', `The ${name} command's input is not valid.`, issuesOf(parsed.error));
  if (!team)
    return refusal('not_available', 'This Cadence does not follow a team file (it was started without one).');
  return { ok: true, value: name === 'team.refresh' ? await team.refresh() : team.noticeSeen() };
}
