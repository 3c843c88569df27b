import type { CalendarEvent } from '../../../../shared/calendar';
import type { CommandContext, CommandHandler, DocumentCommand } from '../../../../shared/commands/command';
import { commandSchemas, type CommandInput, type CommandResult } from '../../../../shared/contract';
import { emptyIntents, type Intents } from '../../../../shared/intents';
import type { Settings } from '../../../../shared/settings';
import { at, settingsIn } from '../domainFixtures';

export const ZONE = 'Europe/Berlin';

/** A Wednesday in late November: Mon–Fri 09:00–17:30 in Berlin, lunch from 12:00, on a 24-hour clock. */
export function contextAt(
  local: string,
  options: {
    intents?: Intents;
    settings?: Settings;
    calendar?: CalendarEvent[];
    knowsHolidays?: CommandContext['knowsHolidays'];
  } = {},
): CommandContext {
  let ids = 0;
  return {
    intents: options.intents ?? emptyIntents(),
    settings: options.settings ?? { ...settingsIn(ZONE), clock: '24h' },
    now: at(local, ZONE),
    calendar: options.calendar ?? [],
    newId: () => `id${++ids}`,
    knowsHolidays: options.knowsHolidays ?? (() => true),
  };
}

/** Runs a handler as the service would: the input through the contract's schema first. */
export function apply<C extends DocumentCommand>(
  handler: CommandHandler<C>,
  name: C,
  context: CommandContext,
  input: CommandInput<C>,
): ReturnType<CommandHandler<C>> {
  const parsed = commandSchemas[name].safeParse(input);
  if (!parsed.success) throw new Error(`test input for ${name} is invalid: ${parsed.error.message}`);
  return handler(context, parsed.data as Parameters<CommandHandler<C>>[1]);
}

/** The handled outcome, or a failure that names the refusal. */
export function accepted<V>(
  outcome:
    | { ok: true; value: V; intents?: Intents; settings?: Settings; effects?: readonly unknown[] }
    | {
        ok: false;
        message: string;
      },
) {
  if (!outcome.ok) throw new Error(`refused: ${outcome.message}`);
  return outcome;
}

export type Result<C extends DocumentCommand> = CommandResult<C>;
