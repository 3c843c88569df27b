import type { Teammate } from '../../shared/intents';

/** `--hours 8-16`, `--hours 08:30-17:00`: the same hours Monday to Friday, as the window's form gives. */
const HOURS = /^(\d{1,2})(?::(\d{2}))?\s*[-–]\s*(\d{1,2})(?::(\d{2}))?$/;

const clock = (hours: string, minutes = '00'): string | null =>
  Number(hours) < 24 && Number(minutes) < 60 ? `${hours.padStart(2, '0')}:${minutes}` : null;

/** The working week `--hours` gives, or null when it is not two times of day with a dash between. */
export function weekOfHours(text: string): Teammate['week'] | null {
  const match = HOURS.exec(text.trim());
  if (!match) return null;
  const [, fromHours = '', fromMinutes, toHours = '', toMinutes] = match;
  const start = clock(fromHours, fromMinutes);
  const end = clock(toHours, toMinutes);
  if (!start || !end || start === end) return null;
  const spans = [{ start, end }];
  return { '1': spans, '2': spans, '3': spans, '4': spans, '5': spans, '6': [], '7': [] };
}

/** What `teammates edit` may change, as typed (the zone is looked up by the caller). */
export interface TeammateEditWords {
  name?: string | undefined;
  zone?: string | undefined;
  hours?: string | undefined;
  email?: string | undefined;
}

/** Said when `teammates edit` is given nothing to change. */
export const EDIT_USAGE =
  'teammates edit needs a name or an id and what to change, e.g. teammates edit Ana --zone Lisbon --hours 08:00-16:00 (also --name NEW-NAME, --email ADDRESS or --email none).';

/** Whether anything is to change at all. */
export function anyChange(words: TeammateEditWords): boolean {
  return [words.name, words.zone, words.hours, words.email].some((word) => word !== undefined);
}
