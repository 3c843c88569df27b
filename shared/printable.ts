/**
 * The one printable form of any text Cadence shows outside the window (the terminal, the log, a desktop
 * notification). A terminal obeys control characters and escape sequences (ESC]0;… retitles it, ESC[8m
 * hides everything after it), and bidirectional overrides or invisible format characters make it show
 * text that is not what was stored. Each such character is written as its escape instead (`\u001b`,
 * `\u202e`, `\n`), which is visible, inert, and reads the same in JSON. Applying it twice changes nothing.
 */

// Controls (C0, DEL, C1), format characters (bidi marks, overrides and isolates, zero-width spaces,
// tags, the BOM), line and paragraph separators, surrogates left without their pair, and the reserved code
// points Unicode sets aside to be shown as nothing (unassigned and default-ignorable, such as U+2065 among
// the invisible operators): a later Unicode may make them format characters too.
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]|(?=\p{Cn})\p{Default_Ignorable_Code_Point}/gu;

// Joiners shape scripts and emoji (👩‍💻, Persian words) and cannot reorder or hide anything.
const SHAPING = new Set(['\u200c', '\u200d']);

const SHORT: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escaped(character: string): string {
  const short = SHORT[character];
  if (short) return short;
  // UTF-16 units, as JSON writes them: an astral tag character becomes two escapes.
  let text = '';
  for (let index = 0; index < character.length; index++)
    text += `\\u${character.charCodeAt(index).toString(16).padStart(4, '0')}`;
  return text;
}

/** A single-line field (a name, a priority, a message): line breaks are shown as `\n` too. */
export function printable(text: string): string {
  return text.replace(HIDDEN, (character) => (SHAPING.has(character) ? character : escaped(character)));
}

/** Text of several lines (a whole answer of the CLI): its line breaks stay, everything else as above. */
export function printableLines(text: string): string {
  return text.split('\n').map(printable).join('\n');
}
