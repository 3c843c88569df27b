import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type {
  ApiResult,
  CommandInput,
  CommandName,
  CommandResult,
  QueryInput,
  QueryName,
  QueryResult,
} from '../../shared/contract';
import { PROVIDER_IDS, type ProviderId } from '../../shared/integrationView';
import { offsetClockTime, offsetDayTime, setTimeWriting } from '../../shared/words';
import { readTypedTime, timeFormsText, timeOfDayText } from '../../shared/clockWords';
import { earlyCloseWords } from '../../shared/closing';
import { writeFileAtomically } from '../base/atomicFile';
import { escapeHtml } from '../base/html';
import { resolveDataDir } from '../server/connectionFile';
import { ApiClient, NotRunningError } from './apiClient';
import { clockChoice } from './clockChoice';
import { windowLine } from './quickStatus';
import { describeStatus } from '../../shared/statusLines';
import { printable, printableLines } from '../../shared/printable';
import { describeIntegrations, describePlan, describeTeammates } from './describe';
import { didYouMean, optionWords, refusalWords } from './gentle';
import { teammateByName } from './teammateByName';
import { anyChange, EDIT_USAGE, weekOfHours } from './teammateChanges';
import type { MessageSentView } from '../../shared/messageTiming';
import { askWhichZone, choiceLines, type ZoneArgument, zoneArgument } from './zoneArgument';

const OPTIONS = {
  json: { type: 'boolean' },
  'data-dir': { type: 'string' },
  date: { type: 'string' },
  note: { type: 'string' },
  carry: { type: 'string' },
  priority: { type: 'string', multiple: true },
  port: { type: 'string' },
  urgent: { type: 'boolean' },
  for: { type: 'string' },
  'take-back': { type: 'string' },
  csv: { type: 'boolean' },
  list: { type: 'boolean' },
  'on-it': { type: 'string' },
  'not-on-it': { type: 'string' },
  delete: { type: 'boolean' },
  from: { type: 'string' },
  to: { type: 'string' },
  'client-secret': { type: 'string' },
  remove: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  // teammates edit
  name: { type: 'string' },
  zone: { type: 'string' },
  hours: { type: 'string' },
  email: { type: 'string' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

class UsageError extends Error {}
/** A refusal in Cadence's own words, said without the usage list (it already says what to type). */
class WordsError extends Error {}

/**
 * Everything the CLI writes to the terminal goes out through these two, in the printable form: text from
 * the service (a priority, a teammate's name, a file's snippet) can never retitle, clear or hide the
 * terminal. JSON stays valid JSON: each escape is one JSON reads back as the same character.
 */
function show(text: string): void {
  console.log(printableLines(text));
}

function complain(text: string): void {
  console.error(printableLines(text));
}

interface Invocation {
  client: ApiClient;
  /** The words after the verb. */
  args: string[];
  values: Values;
}

/** One verb of the CLI: its lines of usage and what it does, declared once. */
interface Verb {
  usage: string[];
  run(invocation: Invocation): Promise<number>;
}

function positiveMinutes(text: string | undefined, what: string): number {
  // Decimal digits only: Number() would read "0x10" as 16 and "1e2" as 100.
  const value = text !== undefined && /^\d{1,6}$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(value) || value < 1)
    throw new UsageError(`${what} needs a whole number of minutes, e.g. 25.`);
  return value;
}

/** The time after `focus until`, in any form a person types it ("5pm", "5 pm", "17:00", "noon"). */
function untilTime([, ...words]: string[]): string {
  const typed = words.join(' ').trim();
  const until = readTypedTime(typed);
  if (until) return until;
  const example = `e.g. cadence focus until ${timeOfDayText('16:00')}`;
  throw new WordsError(
    typed
      ? `Cadence cannot read "${printable(typed)}" as a time. Give one like ${timeFormsText()}, ${example}`
      : `focus until needs a time, like ${timeFormsText()}, ${example}`,
  );
}

function providerOf(word: string | undefined, verb: string): ProviderId {
  const provider = PROVIDER_IDS.find((id) => id === word);
  if (!provider)
    throw new UsageError(
      `${verb} needs ${PROVIDER_IDS.join(', ').replace(/, (?=[^,]*$)/, ' or ')}.${word ? didYouMean(word, PROVIDER_IDS, `${verb} `) : ''}`,
    );
  return provider;
}

/** A refusal in Cadence's words: a schema's complaint about what was typed becomes a sentence per field. */
function report(result: ApiResult<unknown> & { ok: false }, input: unknown = {}): number {
  complain(refusalWords(result, input));
  return result.error === 'invalid_input' || result.error === 'invalid_settings' ? 2 : 1;
}

/** Sends one command and prints its outcome in words (or as JSON). */
async function send<C extends CommandName>(
  { client, values }: Invocation,
  name: C,
  input: CommandInput<C>,
  say: (value: CommandResult<C>) => string,
): Promise<number> {
  return print(await client.command(name, input), values, say, input);
}

/** Asks one query and prints its answer in words (or as JSON). */
async function ask<Q extends QueryName>(
  { client, values }: Invocation,
  name: Q,
  input: QueryInput<Q>,
  say: (value: QueryResult<Q>) => string,
): Promise<number> {
  return print(await client.query(name, input), values, say, input);
}

function print<T>(result: ApiResult<T>, values: Values, say: (value: T) => string, input: unknown): number {
  if (!result.ok) return report(result, input);
  show(values.json ? JSON.stringify(result.value, null, 2) : say(result.value));
  return 0;
}

/** The teammates, and with them when the whole team is next together (left out by an older service). */
async function listTeammates(invocation: Invocation): Promise<number> {
  const listed = await invocation.client.query('teammates', {});
  if (!listed.ok || invocation.values.json) return print(listed, invocation.values, describeTeammates, {});
  const together = await invocation.client.query('teammates.together', {});
  show(describeTeammates(listed.value, together.ok ? together.value : null));
  return 0;
}

/** Whether no zone at all goes by what was typed. */
const nowhere = (found: ZoneArgument): boolean => !('zone' in found) && !found.choices.length;

/** The zone a teammate's place names; asks which one at a terminal when it could be several. */
async function zoneOf(
  text: string,
  found: ZoneArgument,
  values: Values,
  verb: 'add NAME' | 'edit NAME --zone' = 'add NAME',
): Promise<string> {
  if ('zone' in found) return found.zone;
  if (!found.choices.length)
    throw new WordsError(
      `Cadence does not know the time zone "${text}". Try a city, like Berlin, or a zone like Europe/Berlin.`,
    );
  if (process.stdin.isTTY && process.stdout.isTTY && !values.json) {
    const zone = await askWhichZone(text, found.choices, show);
    if (zone) return zone;
    throw new WordsError(
      verb === 'add NAME'
        ? 'No time zone chosen, so no one was added.'
        : 'No time zone chosen, so nothing was changed.',
    );
  }
  throw new WordsError(
    [
      `"${text}" could be more than one time zone:`,
      ...choiceLines(found.choices),
      `Give the one you mean, e.g. teammates ${verb} ${found.choices[0]!.zone}`,
    ].join('\n'),
  );
}

/** The page `cadence open` hands the browser: readable by the user alone, it passes the browser on. */
function writeOpener(dataDir: string, url: string, name = 'open-window.html'): string {
  const file = join(dataDir, name);
  const href = escapeHtml(url);
  writeFileAtomically(
    file,
    `<!doctype html><meta charset="utf-8"><meta name="referrer" content="no-referrer"><meta http-equiv="refresh" content="0;url=${href}"><title>Opening Cadence…</title><p><a href="${href}">Open Cadence</a></p>\n`,
    0o600,
  );
  return file;
}

/** Opens a sign-in's start page in the browser (through a file of the user's own, like `open`), in words. */
function signInWords(invocation: Invocation, startUrl: string): string {
  const page = writeOpener(invocation.client.folder, startUrl, 'open-sign-in.html');
  const opened = openInBrowser(pathToFileURL(page).href);
  return `${opened ? 'Your browser opens the sign-in page; if it does not, open' : 'Open'} this address to sign in (Cadence finishes by itself once you approve; it works once, in one browser):\n${startUrl}`;
}

/** Opens an address in the system browser where there is one; false when it cannot (no display). */
function openInBrowser(url: string): boolean {
  if (process.env.CADENCE_NO_BROWSER) return false;
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return false;
  // Without a shell: the address's & and ? stay as they are.
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['rundll32', ['url.dll,FileProtocolHandler', url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { detached: true, stdio: 'ignore' });
    child.on('error', () => undefined);
    child.unref();
    return true;
  } catch {
    return false;
  }
}

/** `teammates remove NAME|ID`: by id, or by a name only one teammate has; a list of choices otherwise. */
async function removeTeammate(invocation: Invocation, who: string): Promise<number> {
  const listed = await invocation.client.query('teammates', {});
  if (!listed.ok) return report(listed);
  const choice = teammateByName(listed.value, who);
  if (!choice.ok) {
    complain(choice.message);
    return 1;
  }
  return send(invocation, 'teammates.remove', { id: choice.id }, () => `Removed ${printable(choice.name)}.`);
}

/** `cadence shutdown`'s answer: closed, early or not, and until when. */
function closedWords(value: CommandResult<'shutdown.complete'>): string {
  const off = value.offUntil ? ` You are off until ${offsetDayTime(value.offUntil)}.` : '';
  return `${earlyCloseWords(value.earlyMinutes, 'Day closed') ?? 'Day closed.'}${off}`;
}

/** `teammates edit NAME|ID [--name N] [--zone Z] [--hours HH:MM-HH:MM] [--email E|none]`: what is given changes. */
async function editTeammate(invocation: Invocation, who: string): Promise<number> {
  const { values } = invocation;
  if (!who || !anyChange(values)) throw new UsageError(EDIT_USAGE);
  const week = values.hours === undefined ? undefined : weekOfHours(values.hours);
  if (week === null)
    throw new WordsError(
      `--hours needs two 24-hour times with a dash, e.g. --hours 08:00-16:00 (Monday to Friday); "${printable(values.hours ?? '')}" is not that.`,
    );
  const listed = await invocation.client.query('teammates', {});
  if (!listed.ok) return report(listed);
  const choice = teammateByName(listed.value, who, 'edit');
  if (!choice.ok) {
    complain(choice.message);
    return 1;
  }
  const timeZone =
    values.zone === undefined
      ? undefined
      : await zoneOf(values.zone, await zoneArgument(values.zone), values, 'edit NAME --zone');
  const email =
    values.email === undefined
      ? undefined
      : values.email.trim().toLowerCase() === 'none'
        ? null
        : values.email;
  return send(
    invocation,
    'teammates.edit',
    {
      id: choice.id,
      ...(values.name !== undefined ? { name: values.name } : {}),
      ...(timeZone ? { timeZone } : {}),
      ...(week ? { week } : {}),
      ...(email !== undefined ? { email } : {}),
    },
    (v) =>
      `Changed ${printable(v.name)} (${v.timeZone}${v.email ? `, ${printable(v.email)}` : ''}) [${v.id}].`,
  );
}

const VERBS: Record<string, Verb> = {
  status: {
    usage: [
      "status [--json]                      what you are now, and until when, and the window's address",
    ],
    run: async (invocation) => {
      // Printed to the user's own terminal only: the address carries the token.
      const address = windowLine(invocation.client.windowUrl);
      if (invocation.values.json) return ask(invocation, 'status', {}, () => '');
      // The words come from the service: the CLI prints them without loading a date library. A service
      // started before this CLI was built does not write them yet: the CLI then writes them itself.
      const input = clockChoice(invocation.client.folder);
      const answer = await invocation.client.query('status.text', input);
      if (!answer.ok && answer.error === 'unknown_query')
        return ask(invocation, 'status', {}, (status) => `${describeStatus(status)}${address}`);
      return print(answer, invocation.values, ({ text }) => `${text}${address}`, input);
    },
  },
  open: {
    usage: ["open                                 open Cadence's window in your browser"],
    run: async (invocation) => {
      const { client } = invocation;
      const link = await client.windowLink();
      if (!link.ok) return report(link);
      // A command line is readable by every local user (/proc/…/cmdline): the browser is given a file of
      // the user's own (0600, in the data folder) that sends it on to the one-time link, so not even the
      // link can be raced for. The full address, token and all, goes only to this terminal.
      const opened = openInBrowser(pathToFileURL(writeOpener(client.folder, link.value.url)).href);
      const address = client.windowUrl;
      show(
        `${opened ? 'Your browser opens the Cadence window.' : 'No browser could be opened here.'} ${
          address
            ? `The window's address, to keep or bookmark (it holds your key to Cadence; share it with no one):\n${address}`
            : `Open this link within a minute (it works once):\n${link.value.url}`
        }`,
      );
      return 0;
    },
  },
  problems: {
    usage: ['problems [--json]                    every problem in full (status shows a summary)'],
    run: (invocation) =>
      ask(invocation, 'problems', {}, (lines) =>
        lines.length ? lines.map((line) => `! ${printable(line)}`).join('\n') : 'No problems.',
      ),
  },
  focus: {
    usage: [
      'focus [MINUTES | until TIME]         start a focus block (default length from settings)',
      'focus stop | focus extend MINUTES',
    ],
    run: (invocation) => {
      const [first, second] = invocation.args;
      const started = (value: CommandResult<'focus.start'>) =>
        `Focusing until ${offsetClockTime(value.endsAt)}.`;
      if (first === undefined) return send(invocation, 'focus.start', {}, started);
      if (first === 'stop')
        return send(invocation, 'focus.stop', {}, (v) => `Focus stopped after ${v.focusedMinutes} min.`);
      if (first === 'extend')
        return send(
          invocation,
          'focus.extend',
          { minutes: positiveMinutes(second, 'focus extend') },
          (v) => `Focus extended until ${offsetClockTime(v.endsAt)}.`,
        );
      if (first !== 'until' && !/^\d+$/.test(first) && didYouMean(first, ['stop', 'extend', 'until']))
        throw new UsageError(
          `focus takes minutes, until a time, stop or extend.${didYouMean(first, ['stop', 'extend', 'until'], 'focus ')}`,
        );
      if (first === 'until')
        return send(invocation, 'focus.start', { until: untilTime(invocation.args) }, started);
      return send(invocation, 'focus.start', { minutes: positiveMinutes(first, 'focus') }, started);
    },
  },
  lunch: {
    usage: ['lunch [start [MINUTES] | snooze MINUTES | skip | done]'],
    run: (invocation) => {
      const [action = 'start', amount] = invocation.args;
      if (action === 'start')
        return send(
          invocation,
          'lunch.start',
          amount ? { minutes: positiveMinutes(amount, 'lunch start') } : {},
          (v) => `Enjoy lunch; back at ${offsetClockTime(v.until)}.`,
        );
      if (action === 'snooze')
        return send(
          invocation,
          'lunch.snooze',
          { minutes: positiveMinutes(amount, 'lunch snooze') },
          (v) => `Lunch reminder snoozed until ${offsetClockTime(v.until)}.`,
        );
      if (action === 'skip') return send(invocation, 'lunch.skip', {}, () => 'Lunch skipped today.');
      if (action === 'done') return send(invocation, 'lunch.done', {}, () => 'Welcome back.');
      throw new UsageError(
        `Unknown lunch action "${action}": use start, snooze, skip or done.${didYouMean(action, ['start', 'snooze', 'skip', 'done'], 'lunch ')}`,
      );
    },
  },
  shutdown: {
    usage: [
      'shutdown [--note TEXT] [--carry TEXT] [--priority TEXT]...   close the day',
      'shutdown snooze MINUTES',
    ],
    run: (invocation) => {
      const { args, values } = invocation;
      if (args[0] === 'snooze')
        return send(
          invocation,
          'shutdown.snooze',
          { minutes: positiveMinutes(args[1], 'shutdown snooze') },
          (v) => `End of day snoozed until ${offsetClockTime(v.until)}.`,
        );
      return send(
        invocation,
        'shutdown.complete',
        { done: values.note ?? '', carryOver: values.carry ?? '', priorities: values.priority ?? [] },
        closedWords,
      );
    },
  },
  goal: {
    usage: ['goal start | skip [KEY]              start or skip the planned focus block waiting for you'],
    run: async (invocation) => {
      const [action, given] = invocation.args;
      if (action !== 'start' && action !== 'skip')
        throw new UsageError(
          `Unknown goal action "${action ?? ''}": use start or skip.${didYouMean(action ?? '', ['start', 'skip'], 'goal ')}`,
        );
      let key = given;
      if (!key) {
        const status = await invocation.client.query('status', {});
        if (!status.ok) return report(status);
        key = status.value.prompts.find((prompt) => prompt.kind === 'goalStart')?.goalKey;
        if (!key)
          throw new UsageError(
            `No planned focus block is waiting for you; give its key (as in 'cadence plan --json') to ${action} another.`,
          );
      }
      return action === 'start'
        ? send(invocation, 'goal.start', { key }, (v) => `Focusing until ${offsetClockTime(v.endsAt)}.`)
        : send(invocation, 'goal.skip', { key }, () => 'Planned focus skipped; its time is free.');
    },
  },
  nudge: {
    usage: ["nudge close | urgent                 answer the after-hours nudge ('Urgent — I'm on it')"],
    run: (invocation) => {
      const [action] = invocation.args;
      if (action !== 'close' && action !== 'urgent')
        throw new UsageError(
          `Unknown nudge answer "${action ?? ''}": use close or urgent.${didYouMean(action ?? '', ['close', 'urgent'], 'nudge ')}`,
        );
      return send(invocation, 'nudge.answer', { answer: action === 'close' ? 'closing' : 'urgent' }, (v) =>
        v.answer === 'urgent'
          ? "Noted as urgent; Cadence won't ask again until your next workday."
          : 'Time to close it down. Cadence stays quiet until your next workday.',
      );
    },
  },
  plan: {
    usage: ["plan [--date YYYY-MM-DD] [--json]    the day's timeline"],
    run: (invocation) => {
      const { values } = invocation;
      if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date))
        throw new UsageError('--date needs a date like 2026-03-09.');
      return ask(invocation, 'plan', values.date ? { date: values.date } : {}, describePlan);
    },
  },
  export: {
    usage: [
      'export [--from YYYY-MM-DD] [--to YYYY-MM-DD]   daily totals as CSV (default: the last 4 calendar weeks)',
    ],
    run: async (invocation) => {
      const { values } = invocation;
      for (const [name, value] of Object.entries({ from: values.from, to: values.to }))
        if (value !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(value))
          throw new UsageError(`--${name} needs a date like 2026-03-09.`);
      // Loaded here: the weeks and the CSV need the date library, which no other verb loads.
      const [{ exportRange }, { daysToCsv }] = await Promise.all([
        import('./exportRange'),
        import('../../shared/exportCsv'),
      ]);
      const range = await exportRange(invocation.client, values.from, values.to);
      if (!range.ok) return report(range);
      const { from, to } = range.value;
      if (from > to) throw new UsageError(`--from ${from} comes after --to ${to}: swap them.`);
      // CSV on standard output, nothing else: `cadence export > days.csv`.
      const result = await invocation.client.query('history', { from, to });
      if (!result.ok) return report(result);
      process.stdout.write(daysToCsv(result.value));
      return 0;
    },
  },
  contacts: {
    usage: [
      'contacts [--from D] [--to D] [--csv] the record of contacts outside your hours (--csv: the report)',
      'contacts --list [--from D] [--to D] each contact, with what you did about it and its key',
      'contacts --on-it KEY | --not-on-it KEY  mark a contact "Urgent — I\'m on it", or take it back',
      'contacts --delete [KEY ...]          delete those contacts, or the whole record',
    ],
    run: async (invocation) => {
      const { values, client, args } = invocation;
      if (values.remove || values.delete) {
        const deleted = await client.command('contacts.delete', args.length ? { keys: args } : {});
        if (!deleted.ok) return report(deleted);
        show(`Deleted: ${deleted.value.deleted} contact${deleted.value.deleted === 1 ? '' : 's'}.`);
        return 0;
      }
      const key = values['on-it'] ?? values['not-on-it'];
      if (key !== undefined) {
        const marked = await client.command('contacts.mark', { key, onIt: values['on-it'] !== undefined });
        if (!marked.ok) return report(marked);
        show(marked.value.marked ? 'Marked: urgent — you were on it.' : 'The mark is taken back.');
        return 0;
      }
      for (const [name, value] of Object.entries({ from: values.from, to: values.to }))
        if (value !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(value))
          throw new UsageError(`--${name} needs a date like 2026-03-09.`);
      const range = {
        ...(values.from ? { from: values.from } : {}),
        ...(values.to ? { to: values.to } : {}),
      };
      const view = await client.query('contacts', range);
      if (!view.ok) return report(view);
      if (values.csv) {
        const [{ contactsToCsv }, settings] = await Promise.all([
          import('../../shared/contacts/contactCsv'),
          client.query('settings', {}),
        ]);
        if (!settings.ok) return report(settings);
        process.stdout.write(contactsToCsv(view.value.contacts, settings.value));
        return 0;
      }
      if (values.json) return (show(JSON.stringify(view.value, null, 2)), 0);
      if (values.list) {
        const { contactLines } = await import('../../shared/contacts/contactCsv');
        show(contactLines(view.value.contacts).join('\n') || 'No contacts in those days.');
        return 0;
      }
      show(
        view.value.on || view.value.since
          ? [view.value.lastWeek, view.value.thisWeek, view.value.notRead, ...view.value.unread].join('\n')
          : 'The record of contacts outside your hours is off. Turn it on in Settings; nothing is read before.',
      );
      return 0;
    },
  },
  teammates: {
    usage: [
      'teammates [--json] | teammates add NAME ZONE-OR-CITY [EMAIL] | teammates remove NAME|ID',
      'teammates edit NAME|ID [--name NEW] [--zone ZONE-OR-CITY] [--hours HH:MM-HH:MM] [--email ADDRESS|none]',
    ],
    run: async (invocation) => {
      // Not `client` here: reading it opens the connection, and a usage error comes first.
      const { args } = invocation;
      if (args[0] === 'add') {
        // The zone may take several words ("New York"); an email, when given, comes last.
        const [, name, ...rest] = args;
        let email = rest.length > 1 && rest.at(-1)!.includes('@') ? rest.at(-1) : undefined;
        let place = (email ? rest.slice(0, -1) : rest).join(' ');
        if (!name || !place)
          throw new UsageError(
            'teammates add needs a name and a time zone or city, e.g. teammates add Ana Europe/Lisbon or teammates add Lena Berlin',
          );
        let found = await zoneArgument(place);
        // A last word that is no part of the place is meant as the email, even a mistyped one: the
        // service then says what an email should look like.
        if (!email && rest.length > 1 && nowhere(found)) {
          const shorter = rest.slice(0, -1).join(' ');
          const withoutLast = await zoneArgument(shorter);
          if (!nowhere(withoutLast)) [email, place, found] = [rest.at(-1), shorter, withoutLast];
        }
        const timeZone = await zoneOf(place, found, invocation.values);
        return send(
          invocation,
          'teammates.add',
          { name, timeZone, ...(email ? { email } : {}) },
          (v) => `Added ${printable(v.name)} (${v.timeZone}) [${v.id}].`,
        );
      }
      if (args[0] === 'remove') {
        const who = args.slice(1).join(' ').trim();
        if (!who)
          throw new UsageError(
            'teammates remove needs a name or an id, e.g. teammates remove Ana (cadence teammates lists them).',
          );
        return removeTeammate(invocation, who);
      }
      if (args[0] === 'edit') return editTeammate(invocation, args.slice(1).join(' ').trim());
      if (args.length)
        throw new UsageError(
          `Unknown teammates action "${args[0]}": use add, edit or remove.${didYouMean(args[0] ?? '', ['add', 'edit', 'remove'], 'teammates ')}`,
        );
      return listTeammates(invocation);
    },
  },
  notify: {
    usage: ["notify TITLE [BODY] [--urgent] [--from NAME]   send a notification through Cadence's gate"],
    run: (invocation) => {
      const { args, values } = invocation;
      if (!args[0]) throw new UsageError('notify needs a title.');
      return send(
        invocation,
        'notify',
        {
          title: args[0],
          body: args[1] ?? '',
          ...(values.urgent ? { urgent: true } : {}),
          ...(values.from ? { from: values.from } : {}),
        },
        (v) =>
          v.action === 'hold'
            ? `Held until ${offsetDayTime(v.until)} (${v.why}).`
            : v.action === 'drop'
              ? `Dropped: ${v.why}.`
              : v.notShown
                ? `Not shown: ${v.notShown}. (Cadence let it through: ${v.why}.)`
                : `Delivered: ${v.why}.`,
      );
    },
  },
  configure: {
    usage: [
      'configure slack|google|microsoft CLIENT_ID [--client-secret S]   your app for a service',
      "configure slack|google|microsoft --remove   forget your app's client id (and its sign-in)",
    ],
    run: (invocation) => {
      const provider = providerOf(invocation.args[0], 'configure');
      if (invocation.values.remove && invocation.args[1] !== undefined)
        throw new UsageError(
          `configure --remove forgets the client id that is saved and takes none: run cadence configure ${provider} --remove`,
        );
      if (invocation.values.remove)
        return send(
          invocation,
          'integration.unconfigure',
          { provider },
          (v) => `${v.name}: client id removed, with any sign-in made with it.`,
        );
      const clientId = invocation.args[1];
      if (!clientId)
        throw new UsageError('configure needs the client id of your app, e.g. configure slack 1234.5678');
      const secret = invocation.values['client-secret'];
      return send(
        invocation,
        'integration.configure',
        { provider, clientId, ...(secret ? { clientSecret: secret } : {}) },
        (v) => `${v.name}: client id saved. Now run: cadence connect ${v.id}`,
      );
    },
  },
  connect: {
    usage: [
      'connect slack|google|microsoft       sign in to a service (opens your browser)',
      'connect slack --for messages         sign in again, allowing Cadence to send your messages',
      'connect SERVICE --for permission     sign in again, allowing what a feature that is on still needs',
    ],
    run: (invocation) => {
      const provider = providerOf(invocation.args[0], 'connect');
      const purpose = invocation.values.for;
      if (purpose !== undefined && purpose !== 'messages' && purpose !== 'permission')
        throw new UsageError(
          `connect --for takes messages (what sending a teammate a message needs) or permission (what a feature that is on still needs).`,
        );
      return send(
        invocation,
        'integration.connect',
        { provider, ...(purpose ? { for: purpose } : {}) },
        (v) => signInWords(invocation, v.startUrl),
      );
    },
  },
  send: {
    usage: [
      'send NAME TEXT [--urgent]            a Slack message to a teammate: it waits for their working hours',
      '                                     (--urgent: now, marked urgent by the team rule)',
      'send --take-back ID                  take back a message before it lands (the id send printed)',
    ],
    run: async (invocation) => {
      const { args, values, client } = invocation;
      const scheduled = values['take-back'];
      if (scheduled !== undefined) {
        if (args.length)
          throw new UsageError('send --take-back takes the id alone, e.g. cadence send --take-back DU123/Q1');
        return send(invocation, 'message.cancel', { id: scheduled }, (v) => v.words);
      }
      if (args.length < 2)
        throw new UsageError('send needs who and what, e.g. cadence send Ana "The draft is in the folder"');
      const input = {
        to: args[0]!,
        text: args.slice(1).join(' '),
        ...(values.urgent ? { urgent: true } : {}),
      };
      const sent = await client.command('message.send', input);
      const words = (v: MessageSentView) =>
        v.scheduledId
          ? `${v.words}\nTake it back before then: cadence send --take-back ${v.scheduledId}`
          : v.words;
      if (sent.ok || sent.error !== 'permission_needed') return print(sent, values, words, input);
      // Asked only now, the first time: the sign-in opens, and the message is sent once it is allowed.
      const asked = await client.command('integration.connect', { provider: 'slack', for: 'messages' });
      if (!asked.ok) return report(asked);
      complain(
        `Not sent yet. ${sent.message}\n${signInWords(invocation, asked.value.startUrl)}\nOnce you have allowed it, run the same command again.`,
      );
      return 1;
    },
  },
  disconnect: {
    usage: ["disconnect slack|google|microsoft    forget a service's sign-in"],
    run: (invocation) =>
      send(
        invocation,
        'integration.disconnect',
        { provider: providerOf(invocation.args[0], 'disconnect') },
        () => 'Disconnected; the sign-in was forgotten.',
      ),
  },
  team: {
    usage: [
      'team [read] [--json]                 the team file you follow (read: read it again now)',
      'team check FILE [--json]             check a team file before the team publishes it',
    ],
    run: async (invocation) => {
      const { args, values } = invocation;
      const { teamCheck, teamShow } = await import('./teamVerb');
      if (args.length === 0 || (args[0] === 'read' && args.length === 1))
        return teamShow(invocation.client, args[0] === 'read', values.json === true, { show, complain });
      if (args[0] !== 'check' || !args[1] || args.length > 2)
        throw new UsageError(
          args[0] === 'check'
            ? 'team check needs the path of one team file, e.g. cadence team check team.json'
            : `Unknown team action "${args[0]}": use read or check FILE.`,
        );
      return teamCheck(args[1], values.json === true, { show, complain });
    },
  },
  integrations: {
    usage: ["integrations [--json]                each service's health"],
    run: (invocation) => ask(invocation, 'integrations', {}, describeIntegrations),
  },
};

const USAGE = `Usage: cadence <command> [options]

${[
  ...Object.values(VERBS).flatMap((verb) => verb.usage),
  'serve [--port N]                     run Cadence headless and serve the window locally',
]
  .map((line) => `  ${line}`)
  .join('\n')}

Options: --data-dir DIR (or CADENCE_DATA_DIR) chooses where data lives.`;

async function serveHeadless(dataDir: string, portText: string | undefined): Promise<number> {
  const port = portText === undefined ? undefined : Number(portText);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536)) {
    complain('--port needs a port number between 0 and 65535.');
    return 2;
  }
  const { serve } = await import('../headless/serve');
  return serve({ dataDir, ...(port !== undefined ? { port } : {}) });
}

/**
 * Times are written as the user chose in settings (locale, 12/24-hour clock), as in the window. Read straight
 * from the settings file: a status line costs no extra request, and an unreadable file means the defaults.
 */
function followClockPreference(dataDir: string): void {
  try {
    const { clock, locale } = clockChoice(dataDir);
    setTimeWriting(locale ?? null, clock ?? 'locale');
  } catch {
    // No settings yet, or a file the service itself will report: the locale's own clock.
  }
}

/** Cadence's version, from its package.json (beside out/ when built, in the app's resources when packed). */
function version(): string {
  try {
    const file = new URL('../../package.json', import.meta.url);
    return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (error) {
    complain(optionWords(error as Error, Object.keys(OPTIONS)));
    return 2;
  }
  const { values, positionals } = parsed;
  const [word = 'status', ...args] = positionals;
  if (values.version) {
    show(`Cadence ${version()}`);
    return 0;
  }
  if (values.help || word === 'help') {
    show(USAGE);
    return 0;
  }
  const dataDir = resolveDataDir(values['data-dir']);
  followClockPreference(dataDir);
  if (word === 'serve') return serveHeadless(dataDir, values.port);
  try {
    const verb = Object.hasOwn(VERBS, word) ? VERBS[word] : undefined;
    if (!verb) {
      const guess = didYouMean(word, [...Object.keys(VERBS), 'serve', 'help'], 'cadence ');
      // A near miss gets the one suggestion; anything else the whole list.
      if (guess) {
        complain(`Cadence has no command "${word}".${guess}`);
        return 2;
      }
      throw new UsageError(`Cadence has no command "${positionals.join(' ')}".`);
    }
    let client: ApiClient | null = null;
    return await verb.run({
      // Opened on first use, so a typo is reported as one even when Cadence is not running.
      get client() {
        client ??= ApiClient.open(dataDir);
        return client;
      },
      args,
      values,
    });
  } catch (error) {
    if (error instanceof UsageError) {
      complain(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof WordsError) {
      complain(error.message);
      return 2;
    }
    if (error instanceof NotRunningError) {
      complain(
        `${error.message}\nStart it with "npm start" in the Cadence folder, or run "cadence serve${values['data-dir'] ? ` --data-dir ${values['data-dir']}` : ''}".`,
      );
      return 3;
    }
    throw error;
  }
}
