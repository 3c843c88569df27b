import { lunchInterval, lunchOn } from '../availability';
import { refusal } from '../contract';
import { type CommandHandler, handled } from './command';
import { currentWorkday } from './workdays';

export const lunchDone: CommandHandler<'lunch.done'> = ({ intents, settings, now }) => {
  const workday = currentWorkday(now, settings);
  const lunch = lunchInterval(lunchOn(workday, intents));
  if (!lunch || lunch.end <= now) return refusal('conflict', 'You are not at lunch right now.');
  const endedAt = new Date(now).toISOString();
  return handled(null, {
    intents: {
      ...intents,
      lunches: intents.lunches.map((l) => (l.date === workday ? { ...l, endedAt } : l)),
    },
  });
};
