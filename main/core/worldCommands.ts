import type { Instant } from '../../shared/clockTime';
import { isIntegrationCommand, isTeamCommand, type WorldCommand } from '../../shared/commands/command';
import type { ApiResult, CommandResult } from '../../shared/contract';
import { runIntegrationCommand } from './integrationCommands';
import { deleteContacts, markContact } from './contactCommands';
import { runMessageCommand, runTakeBackCommand } from './messageCommands';
import type { QuerySource } from './servicePorts';
import { runTeamCommand } from './teamCommands';

/**
 * A command that talks to the world rather than to Cadence's own documents: a sign-in, the team file, a
 * message to a teammate. Each checks its own input against the contract.
 */
export function worldCommand(
  name: WorldCommand,
  input: unknown,
  source: Pick<QuerySource, 'settings' | 'intents' | 'integrations' | 'team' | 'contacts'>,
  now: Instant,
): Promise<ApiResult<CommandResult<WorldCommand>>> {
  if (isIntegrationCommand(name)) return runIntegrationCommand(source.integrations, name, input);
  if (isTeamCommand(name)) return runTeamCommand(source.team, name, input);
  if (name === 'contacts.delete') return Promise.resolve(deleteContacts(source.contacts, input));
  if (name === 'contacts.mark') return Promise.resolve(markContact(source.contacts, input));
  return name === 'message.send'
    ? runMessageCommand(source, input, now)
    : runTakeBackCommand(source.integrations, input);
}
