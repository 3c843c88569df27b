import { type CommandHandler, handled } from './command';
import { currentWorkday } from './workdays';

export const lunchSkip: CommandHandler<'lunch.skip'> = ({ intents, settings, now }) => {
  const workday = currentWorkday(now, settings);
  const record = { date: workday, status: 'skipped' as const };
  return handled(null, {
    intents: { ...intents, lunches: [...intents.lunches.filter((l) => l.date !== workday), record] },
  });
};
