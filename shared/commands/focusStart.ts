import { settingsTime } from '../clockWords';
import { atLocalTime, isoInZone, localDate, MINUTE, minutesOfDay } from '../clockTime';
import { refusal } from '../contract';
import { activeFocus, upcomingFocus } from '../focus';
import { type CommandHandler, handled } from './command';

export const focusStart: CommandHandler<'focus.start'> = ({ intents, settings, now, newId }, input) => {
  const zone = settings.workTimeZone;
  const running = activeFocus(now, intents);
  if (running)
    return refusal(
      'conflict',
      `A focus block is already running until ${settingsTime(running.end, settings)}. Extend or stop it first.`,
    );
  const requested = input.at === undefined ? null : Date.parse(input.at);
  if (requested !== null && requested < now - MINUTE)
    return refusal('invalid_input', 'A focus block cannot start in the past.');
  const start = requested === null ? now : Math.max(now, requested);
  let minutes = input.minutes ?? settings.focus.defaultMinutes;
  if (input.until !== undefined) {
    // Until midnight is until the end of today, never this morning's.
    const wall = minutesOfDay(input.until) || 24 * 60;
    const end = atLocalTime(localDate(start, zone), wall, zone);
    if (end <= start)
      return refusal(
        'invalid_input',
        `${settingsTime(end, settings)} has already passed today; pick a later time.`,
      );
    minutes = Math.ceil((end - start) / MINUTE);
  }
  const end = start + minutes * MINUTE;
  const clash = upcomingFocus(now, intents).find((block) => block.start < end && block.end > start);
  if (clash)
    return refusal(
      'conflict',
      `That overlaps the focus block planned at ${settingsTime(clash.start, settings)}.`,
    );
  const block = { id: newId(), startAt: new Date(start).toISOString(), plannedMinutes: minutes };
  return handled(
    { id: block.id, startAt: isoInZone(start, zone), endsAt: isoInZone(end, zone) },
    { intents: { ...intents, focus: [...intents.focus, block] } },
  );
};
