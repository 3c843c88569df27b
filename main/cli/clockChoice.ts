import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { posixLocale } from '../base/posixLocale';

export type ClockChoice = { clock?: 'locale' | '12h' | '24h'; locale?: string | null };

/** The terminal's locale (see posixLocale): the service writes the CLI's words in it when the settings name none. */
export function terminalLocale(env: NodeJS.ProcessEnv = process.env): string | null {
  return posixLocale(env);
}

/**
 * How the user wants times written (their locale, a 12- or 24-hour clock), read straight from the settings
 * file, so the next command follows a change made by hand at once. A clock that is missing or unreadable is
 * left out (the service's settings apply); with no locale in the file, the terminal's.
 */
export function clockChoice(dataDir: string): ClockChoice {
  let stored: Record<string, unknown> = {};
  try {
    stored = JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as Record<string, unknown>;
  } catch {
    // No settings yet, or a file the service itself will report.
  }
  const choice: ClockChoice = {};
  if (stored.clock === 'locale' || stored.clock === '12h' || stored.clock === '24h')
    choice.clock = stored.clock;
  choice.locale =
    typeof stored.locale === 'string' && stored.locale.length <= 35 ? stored.locale : terminalLocale();
  return choice;
}
