import { z } from 'zod';

/** The unit a count is in, for the words below. */
const UNITS: Record<string, [string, string]> = {
  string: ['character', 'characters'],
  array: ['item', 'items'],
  set: ['item', 'items'],
  file: ['byte', 'bytes'],
};
const count = (n: number | bigint, origin: string): string => {
  const [one, many] = UNITS[origin] ?? ['', ''];
  return `${n}${one ? ` ${Number(n) === 1 ? one : many}` : ''}`;
};
const EXPECTED: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  boolean: 'yes or no (true or false)',
  array: 'a list',
  object: 'a group of fields',
  date: 'a date',
};

/**
 * Cadence's own words for validation problems, everywhere a schema speaks to a person (the window,
 * the CLI, the local API): "use 0 or more", not the validator's "Too small: expected number to be >=0".
 * A message written on a schema itself still wins (zod's precedence: schema, then this).
 */
z.config({
  customError: (issue) => {
    switch (issue.code) {
      case 'too_small':
        if (issue.origin === 'string' && Number(issue.minimum) === 1) return 'cannot be empty';
        return issue.origin === 'number' || issue.origin === 'int'
          ? `use ${issue.minimum} or more`
          : `needs at least ${count(issue.minimum as number, issue.origin)}`;
      case 'too_big':
        return issue.origin === 'number' || issue.origin === 'int'
          ? `use ${issue.maximum} or less`
          : `can have at most ${count(issue.maximum as number, issue.origin)}`;
      case 'invalid_type':
        return `expected ${EXPECTED[issue.expected] ?? issue.expected}`;
      case 'invalid_value':
        return `choose one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
      case 'unrecognized_keys':
        return `not known here: ${issue.keys.join(', ')}`;
      case 'invalid_format':
        return issue.format === 'email'
          ? 'use an email address like ana@example.com'
          : `use the ${issue.format} format`;
      default:
        return undefined;
    }
  },
});
