import { availabilityAt, isDayClosed } from '../availability';
import { isoInZone, MINUTE } from '../clockTime';
import { refusal } from '../contract';
import { agendaOn } from '../agenda';
import { activeFocus } from '../focus';
import type { CarriedPriority } from '../intents';
import { shutdownTimes } from '../prompts';
import { patternOf } from '../workPattern';
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
  // What goes on is what was on this day's list and not done, keeping the first day it was meant for.
  const agenda = agendaOn(workday, intents, patternOf(settings));
  const carried: CarriedPriority[] = [];
  for (const text of new Set(input.carry)) {
    const item = agenda.items.find((entry) => entry.text === text);
    if (!item)
      return refusal('invalid_input', `“${text}” is not on this day's priorities, so it cannot be carried.`);
    if (!input.priorities.includes(text))
      carried.push({ text, from: item.from ?? agenda.meantFor ?? workday });
  }
  const { carry: _carry, ...notes } = input;
  const record = { date: workday, completedAt, ...notes, ...(carried.length ? { carried } : {}) };
  const next: typeof intents = {
    ...intents,
    focus: running
      ? intents.focus.map((b) => (b.id === running.id ? { ...b, stoppedAt: completedAt } : b))
      : intents.focus,
    shutdowns: [...intents.shutdowns, record],
    // A snooze ends with the day it was for: nothing is snoozed on a closed day.
    lunchSnoozes: intents.lunchSnoozes.filter((snooze) => snooze.date !== workday),
    shutdownSnoozes: intents.shutdownSnoozes.filter((snooze) => snooze.date !== workday),
  };
  const offUntil = availabilityAt(now, settings, next, calendar).nextWorkStart;
  const end = shutdownTimes(workday, settings)?.end ?? now;
  return handled(
    {
      workday,
      offUntil: offUntil === null ? null : isoInZone(offUntil, settings.workTimeZone),
      earlyMinutes: Math.max(0, Math.round((end - now) / MINUTE)),
    },
    { intents: next },
  );
};
