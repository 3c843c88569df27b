import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { printable, printableLines } from '../../../shared/printable';

/** What a terminal obeys or hides: controls, format characters (bidi included), separators, lone surrogates. */
const OBEYED = /[\p{Cc}\p{Zl}\p{Zp}\p{Cs}\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2069\ufeff]/u;

/** Text as hostile as it gets: every kind of code point, with escape sequences and bidi controls mixed in. */
const hostile = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.constantFrom(
        '\u001b]0;pwned\u0007',
        '\u001b[8m',
        '\u009b2J',
        '\r',
        '\n',
        '\u202e',
        '\u2067',
        '\ud800',
      ),
      fc.integer({ min: 0, max: 0x10ffff }).map((code) => String.fromCodePoint(code)),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

describe('the printable form', () => {
  it('shows escape sequences and bidi overrides as visible escapes, leaving words and emoji as they are', () => {
    expect(printable('Ship \u001b]0;owned\u0007 v2\u001b[8m')).toBe(
      'Ship \\u001b]0;owned\\u0007 v2\\u001b[8m',
    );
    expect(printable('invoice\u202egpj.exe')).toBe('invoice\\u202egpj.exe');
    // U+2065 is reserved among the invisible operators: shown as nothing, so written as its escape.
    expect(printable('a\u2065b')).toBe('a\\u2065b');
    expect(printable('two\nlines\r')).toBe('two\\nlines\\r');
    expect(printable('Zoë 👩‍💻 مریم‌ها ✓')).toBe('Zoë 👩‍💻 مریم‌ها ✓');
  });

  it('keeps the line breaks of a whole answer, and nothing else', () => {
    expect(printableLines('a\u001b[2J\nb\r\n')).toBe('a\\u001b[2J\nb\\r\n');
  });

  it('never lets a control, a bidi control or a lone surrogate through, and is idempotent', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const once = printable(text);
        expect(once).not.toMatch(OBEYED);
        expect(printable(once)).toBe(once);
        const lines = printableLines(text);
        expect(lines.replaceAll('\n', '')).not.toMatch(OBEYED);
        expect(printableLines(lines)).toBe(lines);
        expect(lines.split('\n').length).toBe(text.split('\n').length);
      }),
      { numRuns: 2000 },
    );
  });

  it('changes text only where it had something hidden', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        if (!OBEYED.test(text) && !/\p{Cf}|(?=\p{Cn})\p{Default_Ignorable_Code_Point}/u.test(text))
          expect(printable(text)).toBe(text);
      }),
    );
  });
});
