import { randomUUID } from 'node:crypto';
import type { CalendarEvent } from '../../shared/calendar';
import type { Instant } from '../../shared/clockTime';
import type { CommandContext, DocumentCommand, Handled } from '../../shared/commands/command';
import { commandHandlers } from '../../shared/commands/commandTable';
import {
  type ApiResult,
  commandInputSchemas,
  type CommandResult,
  issuesOf,
  type Refusal,
  refusal,
} from '../../shared/contract';
import { type Intents, unstorable } from '../../shared/intents';
import { compactIntents } from '../../shared/retention';
import type { Settings } from '../../shared/settings';
import type { DocumentStore } from './documentStore';
import type { NotifyOutcome } from './ports';
import type { ProblemBoard } from './problemBoard';
import type { CadenceServiceOptions } from './servicePorts';

/** A command's outcome ready to be saved, with the intents it was computed from. */
export type Ran<C extends DocumentCommand> =
  { ok: true; outcome: Handled<CommandResult<C>>; before: Intents } | Refusal;

/**
 * Runs a command on Cadence's own documents, untrusted input first checked against the contract, by its
 * pure handler; refuses what could not be stored. Nothing is saved here.
 */
export function runDocumentCommand<C extends DocumentCommand>(
  name: C,
  input: unknown,
  context: CommandContext,
): Ran<C> {
  const parsed = commandInputSchemas[name].safeParse(input === undefined ? {} : input);
  if (!parsed.success)
    return refusal('invalid_input', `The ${name} command's input is not valid.`, issuesOf(parsed.error));
  const outcome = commandHandlers[name](context, parsed.data);
  if (!outcome.ok) return outcome;
  const problem = outcome.intents ? unstorable(context.intents, outcome.intents) : null;
  if (problem) return refusal('invalid_input', `That was not saved: ${problem}`);
  return { ok: true, outcome, before: context.intents };
}

/** A message let through answers once the desktop showed it or said why not: "Delivered" is never a guess. */
export function answerOnceShown(
  result: ApiResult<CommandResult<'notify'>>,
  shown: Promise<NotifyOutcome> | null,
): ApiResult<CommandResult<'notify'>> | Promise<ApiResult<CommandResult<'notify'>>> {
  if (!result.ok || !shown || result.value.action !== 'deliver') return result;
  const value = result.value;
  return shown.then((outcome) =>
    outcome.delivered ? result : { ok: true, value: { ...value, notShown: outcome.reason } },
  );
}

/** What a command's handler is given: the documents, the instant, the calendars and the host's answers. */
export function commandContext(
  options: Pick<CadenceServiceOptions, 'newId' | 'knowsHolidays'>,
  now: Instant,
  settings: Settings,
  intents: Intents,
  calendar: readonly CalendarEvent[],
): CommandContext {
  return {
    intents,
    settings,
    now,
    calendar,
    newId: options.newId ?? (() => randomUUID().slice(0, 12)),
    knowsHolidays: options.knowsHolidays ?? (() => false),
  };
}

/** Saves the two documents; a failed save is refused in words, shown on the problem board, and loses nothing. */
export class DocumentWriter {
  constructor(
    private readonly stores: { settings: DocumentStore<Settings>; intents: DocumentStore<Intents> },
    private readonly board: ProblemBoard,
    /** What compacting the intents reads: the instant, the settings and the calendars now. */
    private readonly current: () => { now: Instant; settings: Settings; calendar: readonly CalendarEvent[] },
  ) {}

  persist(intents: Intents | undefined, settings: Settings | undefined): ApiResult<never> | null {
    if (settings) {
      try {
        this.stores.settings.write(settings);
      } catch (error) {
        return refusal(
          'storage',
          `Could not save your settings: ${(error as Error).message}. Nothing was changed.`,
        );
      }
    }
    return intents ? this.save(intents) : null;
  }

  save(next: Intents): ApiResult<never> | null {
    try {
      const { now, settings, calendar } = this.current();
      this.stores.intents.write(compactIntents(next, now, settings, calendar));
      this.board.set('storage', null);
      return null;
    } catch (error) {
      const message = `Could not save your data: ${(error as Error).message}. Nothing was changed.`;
      this.board.set('storage', message);
      return refusal('storage', message);
    }
  }
}
