import { addDays } from './clockTime';
import type { Intents, ShutdownRecord } from './intents';
import { dayKind, type WorkPattern } from './workPattern';

/** One of the priorities a day starts with. */
export interface AgendaItem {
  text: string;
  /** The first day a carried priority was meant for; null for the top three set for this day. */
  from: string | null;
  done: boolean;
}

/** The priorities a day starts with: what the last closing before it set, and whether it was meant for it. */
export interface Agenda {
  items: AgendaItem[];
  /** The workday whose closing set the list (the key its ticks are stored under). */
  setOn: string | null;
  /**
   * The workday the list was written for, when that is an earlier day that was never closed: the list
   * is shown labelled, not as if set for this day.
   */
  meantFor: string | null;
  /** What that closing wrote under "Notes for tomorrow" ('' when nothing). */
  notes: string;
  /**
   * On a weekend, holiday or day off: the next workday, which the list is for (it is not this day's).
   * Null on a workday, or when no workday follows within the look-back.
   */
  nextWorkday: string | null;
}

/** How far a workday is looked for, back or ahead: a month of workdays. */
const LOOKBACK_DAYS = 45;

/** The first workday from `from` on and before `before`, if any within the look-back. */
function firstWorkday(from: string, before: string | null, pattern: WorkPattern): string | null {
  for (
    let day = from, n = 0;
    (before === null || day < before) && n < LOOKBACK_DAYS;
    day = addDays(day, 1), n++
  )
    if (dayKind(day, pattern) === 'workday') return day;
  return null;
}

export function agendaOn(date: string, intents: Intents, pattern: WorkPattern): Agenda {
  const nextWorkday = dayKind(date, pattern) === 'workday' ? null : firstWorkday(date, null, pattern);
  let record: ShutdownRecord | null = null;
  for (const item of intents.shutdowns)
    if (item.date < date && (!record || item.date > record.date)) record = item;
  if (!record) return { items: [], setOn: null, meantFor: null, notes: '', nextWorkday };
  const setOn = record.date;
  const seen = new Set<string>();
  const items: AgendaItem[] = [];
  for (const [text, from] of [
    ...record.priorities.map((text) => [text, null] as const),
    ...(record.carried ?? []).map((item) => [item.text, item.from] as const),
  ]) {
    if (seen.has(text)) continue;
    seen.add(text);
    const done = intents.ticks.some((tick) => tick.setOn === setOn && tick.text === text);
    items.push({ text, from, done });
  }
  // The first workday after the closing is the day the list was written for.
  const meantFor = firstWorkday(addDays(setOn, 1), date, pattern);
  return { items, setOn, meantFor, notes: record.carryOver.trim(), nextWorkday };
}
