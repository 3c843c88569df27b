/**
 * Problems are told in a few bounded lines wherever they travel (every status, every event, the log);
 * the full list is given on request (`cadence problems`), itself bounded.
 */

/** The longest one problem line may be, in characters. */
export const MAX_PROBLEM_LINE = 1_000;
/** How many problem lines `status` carries; the rest are counted. */
export const MAX_SHOWN_PROBLEMS = 8;
/** How many lines the full list holds; the rest are counted. */
export const MAX_PROBLEM_DETAILS = 1_000;
/** How many examples a summary names. */
const EXAMPLES = 2;

/** Where the full list is. */
export const PROBLEMS_COMMAND = '`cadence problems` lists them';

const number = (count: number) => count.toLocaleString('en-GB');

/** A text cut to `max` characters, saying how much was left out. */
export function boundedLine(text: string, max = MAX_PROBLEM_LINE): string {
  if (text.length <= max) return text;
  const rest = ` … (${number(text.length - max)} more characters)`;
  return text.slice(0, Math.max(0, max - rest.length)) + rest;
}

/** "Ana, Bo and 19,998 more": a few examples of a count, each short. */
export function someOf(examples: readonly string[], count: number): string {
  const named = examples.slice(0, EXAMPLES).map((example) => boundedLine(example, 60));
  const more = count - named.length;
  if (more <= 0)
    return named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named.at(-1)}` : named.join('');
  return `${named.join(', ')} and ${number(more)} more`;
}

/** At most `max` lines, each bounded; what is left is counted in a last line that says where the rest is. */
export function boundedProblems(lines: readonly string[], max = MAX_SHOWN_PROBLEMS): string[] {
  if (lines.length <= max) return lines.map((line) => boundedLine(line));
  const shown = lines.slice(0, max - 1).map((line) => boundedLine(line));
  return [...shown, `${number(lines.length - shown.length)} more problems: ${PROBLEMS_COMMAND}.`];
}

/** The full list, each line bounded, and no longer than MAX_PROBLEM_DETAILS lines. */
export function problemDetails(lines: readonly string[]): string[] {
  return boundedProblems(lines, MAX_PROBLEM_DETAILS);
}

/** Records set aside, grouped by why: one line per reason, with a few examples and a count. */
export class SetAside {
  private readonly groups = new Map<
    string,
    { words: (count: number) => string; examples: string[]; count: number }
  >();

  /** How many records were set aside, for every reason. */
  count = 0;

  add(key: string, words: (count: number) => string, example: string): void {
    this.count++;
    let group = this.groups.get(key);
    if (!group) {
      group = { words, examples: [], count: 0 };
      this.groups.set(key, group);
    }
    group.count++;
    if (group.examples.length < EXAMPLES) group.examples.push(example);
  }

  lines(): string[] {
    return [...this.groups.values()].map(
      ({ words, examples, count }) => `${words(count)}: ${someOf(examples, count)}`,
    );
  }
}

export { number as countWords };
