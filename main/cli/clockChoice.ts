import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type ClockChoice = { clock?: 'locale' | '12h' | '24h'; locale?: string | null };

/**
 * How the user wants times written (their locale, a 12- or 24-hour clock), read straight from the settings
 * file, so the next command follows a change made by hand at once. Whatever is missing or unreadable is left
 * out: the service's settings, or the locale's own clock, then apply.
 */
export function clockChoice(dataDir: string): ClockChoice {
  try {
    const stored = JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    const choice: ClockChoice = {};
    if (stored.clock === 'locale' || stored.clock === '12h' || stored.clock === '24h')
      choice.clock = stored.clock;
    if (stored.locale === null || (typeof stored.locale === 'string' && stored.locale.length <= 35))
      choice.locale = stored.locale;
    return choice;
  } catch {
    return {};
  }
}
