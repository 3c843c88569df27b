import { settingsTime } from '../clockWords';
import { isoInZone, MINUTE, parseInstant } from '../clockTime';
import { refusal, type Refusal } from '../contract';
import { focusInterval, focusIntervals } from '../focus';
import type { FocusBlock, Intents } from '../intents';
import { type CommandHandler, handled } from './command';

/** A block the user planned for later, or why the command cannot touch it. */
function plannedBlock(intents: Intents, id: string, now: number): FocusBlock | Refusal {
  const block = intents.focus.find((item) => item.id === id);
  if (!block) return refusal('not_found', 'That focus block is no longer planned.');
  const interval = focusInterval(block);
  if (interval.end <= interval.start) return refusal('not_found', 'That focus block is no longer planned.');
  if (interval.start <= now)
    return refusal('conflict', 'That focus block has already started: stop it or extend it instead.');
  return block;
}

/** Cancels a planned block: it never happened, and the calendars let its slot go. */
export const focusCancel: CommandHandler<'focus.cancel'> = ({ intents, now }, { id }) => {
  const block = plannedBlock(intents, id, now);
  if ('ok' in block) return block;
  const focus = intents.focus.filter((item) => item !== block);
  // A block of the focus goal, cancelled, is skipped: the plan does not put it back in the same place.
  const goalSkips = id.startsWith('goal:')
    ? [...intents.goalSkips, { key: id, at: new Date(now).toISOString() }]
    : intents.goalSkips;
  return handled({ id }, { intents: { ...intents, focus, goalSkips } });
};

/** Moves a planned block to another start, its length kept, clear of the other blocks. */
export const focusMove: CommandHandler<'focus.move'> = ({ intents, settings, now }, { id, at }) => {
  const block = plannedBlock(intents, id, now);
  if ('ok' in block) return block;
  const zone = settings.workTimeZone;
  const start = parseInstant(at);
  if (start < now) return refusal('invalid_input', 'A focus block cannot be moved into the past.');
  const end = start + block.plannedMinutes * MINUTE;
  const clash = focusIntervals(intents).find(
    (other) => other.id !== id && other.end > other.start && other.start < end && other.end > start,
  );
  if (clash)
    return refusal(
      'conflict',
      `That overlaps the focus block at ${settingsTime(clash.start, settings)}–${settingsTime(clash.end, settings)}.`,
    );
  const moved = { ...block, startAt: new Date(start).toISOString() };
  return handled(
    { id, startAt: isoInZone(start, zone), endsAt: isoInZone(end, zone) },
    { intents: { ...intents, focus: intents.focus.map((item) => (item === block ? moved : item)) } },
  );
};
