import type { CalendarEvent } from '../calendar';
import type { Instant } from '../clockTime';
import type { CommandData, CommandName, CommandResult, Refusal } from '../contract';
import type { Intents } from '../intents';
import type { Settings } from '../settings';
import type { PromptView } from '../statusView';

/** Everything a command may read: pure data, plus the two things the host supplies. */
export interface CommandContext {
  readonly intents: Intents;
  readonly settings: Settings;
  readonly now: Instant;
  readonly calendar: readonly CalendarEvent[];
  /** A fresh id for a new record. */
  newId(): string;
  /** Whether a public holiday calendar exists for the country (and region). */
  knowsHolidays(country: string, region: string | null): boolean;
}

/** What the host does once a command's new state is saved. */
export type Effect = { kind: 'notify'; title: string; body: string } | { kind: 'prompt'; prompt: PromptView };

/** A command that went through: the new documents (when they changed), its answer, and what follows. */
export interface Handled<V> {
  ok: true;
  value: V;
  intents?: Intents;
  settings?: Settings;
  effects?: readonly Effect[];
}

export type HandlerOutcome<V> = Handled<V> | Refusal;

/** Commands about connected services: they talk to the world and to the token vault, not to the documents. */
export type IntegrationCommand =
  'integration.connect' | 'integration.disconnect' | 'integration.configure' | 'integration.unconfigure';

const INTEGRATION_COMMANDS: ReadonlySet<CommandName> = new Set<IntegrationCommand>([
  'integration.connect',
  'integration.disconnect',
  'integration.configure',
  'integration.unconfigure',
]);

export function isIntegrationCommand(name: CommandName): name is IntegrationCommand {
  return INTEGRATION_COMMANDS.has(name);
}

/** Commands about the team file followed: they read the world (the file's address), not the documents. */
export type TeamCommand = 'team.refresh' | 'team.seen';

export function isTeamCommand(name: CommandName): name is TeamCommand {
  return name === 'team.refresh' || name === 'team.seen';
}

/** Commands that send something to a connected service on the user's behalf (a message to a teammate). */
export type MessageCommand = 'message.send' | 'message.cancel' | 'contacts.delete' | 'contacts.mark';

/** Messages to teammates, and the record of contacts outside hours (#25). */
export function isMessageCommand(name: CommandName): name is MessageCommand {
  return (
    name === 'message.send' ||
    name === 'message.cancel' ||
    name === 'contacts.delete' ||
    name === 'contacts.mark'
  );
}

/** Commands that talk to the world (a sign-in, the team file, a message) rather than to the documents. */
export type WorldCommand = IntegrationCommand | TeamCommand | MessageCommand;

/** Commands that only change Cadence's own documents. */
export type DocumentCommand = Exclude<CommandName, WorldCommand>;

export function isWorldCommand(name: CommandName): name is WorldCommand {
  return isIntegrationCommand(name) || isTeamCommand(name) || isMessageCommand(name);
}

export type CommandHandler<C extends DocumentCommand> = (
  context: CommandContext,
  input: CommandData<C>,
) => HandlerOutcome<CommandResult<C>>;

export function handled<V>(value: V, change: Omit<Handled<V>, 'ok' | 'value'> = {}): Handled<V> {
  return { ok: true, value, ...change };
}
