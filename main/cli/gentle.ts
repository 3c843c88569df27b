import type { ApiResult } from '../../shared/contract';
import { timeFormsText } from '../../shared/clockWords';
import { printable } from '../../shared/printable';

// The CLI's refusals in Cadence's own words, each with the next step: no parser's or schema's phrasing.

/** Edits between two words, a swap of neighbours counting as one ("stauts" and "status" are one apart). */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number): number => rows[i]?.[j] ?? Infinity;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, at(i - 2, j - 2) + 1);
      rows[i]![j] = best;
    }
  return at(a.length, b.length);
}

/** The one choice a typo most likely meant: a few edits away, or the only one it begins. */
export function closest(word: string, choices: readonly string[]): string | null {
  const typed = word.toLowerCase();
  if (!typed) return null;
  const allowed = typed.length <= 3 ? 1 : 2;
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const choice of choices) {
    const distance = editDistance(typed, choice.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [choice, distance];
  }
  if (best !== null && bestDistance <= allowed) return best;
  const starting = choices.filter((choice) => typed.length >= 3 && choice.startsWith(typed));
  return starting.length === 1 ? (starting[0] ?? null) : null;
}

/** ' Did you mean "cadence status"?', or nothing when no choice is close. */
export function didYouMean(word: string, choices: readonly string[], prefix = ''): string {
  const guess = closest(word, choices);
  return guess ? ` Did you mean "${prefix}${guess}"?` : '';
}

/** What each option takes, for the words when its value is missing. */
const OPTION_EXAMPLES: Record<string, string> = {
  'data-dir': '--data-dir ~/cadence-data',
  date: '--date 2026-03-09',
  from: '--from 2026-03-09',
  to: '--to 2026-03-09',
  note: '--note "Fixed the login"',
  carry: '--carry "Finish the review"',
  priority: '--priority "Ship v1"',
  port: '--port 47110',
  'client-secret': '--client-secret SECRET',
};

/** node:util parseArgs's refusal (an unknown option, a missing value) in Cadence's words. */
export function optionWords(error: Error, options: readonly string[]): string {
  const code = (error as NodeJS.ErrnoException).code;
  const given = /'(-{1,2}[^' <]+)/.exec(error.message)?.[1] ?? '';
  const name = given.replace(/^-+/, '');
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
    return `Cadence has no option ${printable(given)}.${didYouMean(name, options, '--')} "cadence help" lists every command and option.`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const example = OPTION_EXAMPLES[name];
    return example
      ? `--${name} needs a value after it, e.g. ${example}.`
      : `--${name} takes no value: write just --${name}.`;
  }
  return `Cadence could not read those words (${printable(error.message)}). "cadence help" lists every command and option.`;
}

type Refusal = ApiResult<unknown> & { ok: false };

/** How a field of a command's input is spoken of, with the value the user typed when it helps. */
function fieldWords(field: string, message: string, input: Record<string, unknown>): string {
  const value = input[field.split('.')[0] ?? ''];
  const given = typeof value === 'string' || typeof value === 'number' ? printable(String(value)) : '';
  switch (field.split('.')[0]) {
    case 'timeZone':
      return `Cadence does not know the time zone "${given}". Try a city, like Berlin, or a zone like Europe/Berlin.`;
    case 'email':
      return `"${given}" is not an email address. Give one like ana@example.com, or leave it out.`;
    case 'name':
      return `A teammate's name ${message}.`;
    case 'minutes':
      return `${given} minutes will not do: ${message}.`;
    case 'until':
      return `"${given}" is not a time of day. Give one like ${timeFormsText()}.`;
    case 'date':
    case 'from':
    case 'to':
      return `--${field} ${given} is not a real date. Give one like 2026-03-09.`;
    case 'priorities':
      return field === 'priorities'
        ? 'Give at most three priorities (--priority).'
        : `A priority ${message}.`;
    case 'done':
      return `The note (--note) ${message}.`;
    case 'carryOver':
      return `The carry-over (--carry) ${message}.`;
    case 'title':
      return `The title ${message}.`;
    case 'body':
      return `The text ${message}.`;
    case 'key':
      return `The key ${message}; "cadence plan --json" shows each planned block's key.`;
    case 'clientId':
      return `The client id will not do: ${message}.`;
    case 'clientSecret':
      return `The client secret (--client-secret) ${message}.`;
    default:
      return `${printable(field || 'What you gave')}: ${message}.`;
  }
}

/** A refusal from the service, as the CLI says it: a schema's complaint becomes one sentence per field. */
export function refusalWords(result: Refusal, input: unknown): string {
  const issues = result.issues ?? [];
  if (result.error !== 'invalid_input' || issues.length === 0)
    return [
      printable(result.message),
      ...issues.map((issue) => `  ${printable(issue.path || 'input')}: ${printable(issue.message)}`),
    ].join('\n');
  const given = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  const lines = issues.map((issue) =>
    issue.path === 'from' && typeof given.title === 'string'
      ? `The sender's name (--from) ${printable(issue.message)}.`
      : fieldWords(issue.path, printable(issue.message), given),
  );
  return [...new Set(lines)].join('\n');
}
