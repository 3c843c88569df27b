import { createInterface } from 'node:readline/promises';
import { resolveZone, searchZones, type ZoneMatch, zoneIndex } from '../../shared/zoneSearch';

/**
 * A time zone as typed on the command line, found the way the window finds it (shared/zoneSearch.ts):
 * "Asia/Calcutta", "Berlin", "new york", "mumbai", "germany". Either the one zone it names, or the
 * zones it might mean (none when it names nothing).
 */
export type ZoneArgument = { zone: string } | { choices: ZoneMatch[] };

const CHOICES = 6;

export async function zoneArgument(text: string): Promise<ZoneArgument> {
  // The places load only for the verbs that take a zone.
  const index = zoneIndex(await import('../../shared/zoneData/places'));
  const zone = resolveZone(text, index);
  return zone ? { zone } : { choices: searchZones(text, index, CHOICES) };
}

/** One line per choice: "  1. Berlin, Germany (Europe/Berlin)". */
export function choiceLines(choices: readonly ZoneMatch[]): string[] {
  return choices.map(
    ({ zone, place, country }, at) => `  ${at + 1}. ${place}${country ? `, ${country}` : ''} (${zone})`,
  );
}

/**
 * Asks on the terminal which of the zones is meant; the zone, or null when the answer picks none.
 * Only where a person is at the keyboard: a script gets the choices in the refusal instead.
 */
export async function askWhichZone(
  text: string,
  choices: readonly ZoneMatch[],
  write: (line: string) => void,
): Promise<string | null> {
  write(`"${text}" could be more than one time zone:`);
  for (const line of choiceLines(choices)) write(line);
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = (await prompt.question(`Which one (1–${choices.length}, or Enter for none)? `)).trim();
    const picked = /^\d+$/.test(answer) ? choices[Number(answer) - 1] : undefined;
    return picked?.zone ?? null;
  } finally {
    prompt.close();
  }
}
