import { availabilityAt, isDayClosed } from '../availability';
import { isoInZone } from '../clockTime';
import { refusal } from '../contract';
import { activeFocus } from '../focus';
import { type CommandHandler, handled } from './command';
import { closingWorkday } from './workdays';

export const shutdownComplete: CommandHandler<'shutdown.complete'> = (
  { intents, settings, now, calendar },
  input,
) => {
  const workday = closingWorkday(now, settings);
  if (isDayClosed(workday, intents)) return refusal('conflict', 'You already closed this workday.');
  const completedAt = new Date(now).toISOString();
  const running = activeFocus(now, intents);
  const record = { date: workday, completedAt, ...input };
  const next: typeof intents = {
    ...intents,
    focus: running
      ? intents.focus.map((b) => (b.id === running.id ? { ...b, stoppedAt: completedAt } : b))
      : intents.focus,
    shutdowns: [...intents.shutdowns, record],
  };
  const offUntil = availabilityAt(now, settings, next, calendar).nextWorkStart;
  return handled(
    { workday, offUntil: offUntil === null ? null : isoInZone(offUntil, settings.workTimeZone) },
    { intents: next },
  );
};
