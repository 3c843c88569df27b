import { isDayClosed } from '../availability';
import { isoInZone, MINUTE } from '../clockTime';
import { CLOSED_NOTHING_TO_SNOOZE } from '../closing';
import { refusal } from '../contract';
import { type CommandHandler, handled } from './command';
import { currentWorkday } from './workdays';

export const lunchSnooze: CommandHandler<'lunch.snooze'> = ({ intents, settings, now }, { minutes }) => {
  const workday = currentWorkday(now, settings);
  if (isDayClosed(workday, intents)) return refusal('conflict', CLOSED_NOTHING_TO_SNOOZE);
  const until = now + minutes * MINUTE;
  const snooze = { date: workday, until: new Date(until).toISOString() };
  return handled(
    { until: isoInZone(until, settings.workTimeZone) },
    {
      intents: {
        ...intents,
        lunchSnoozes: [...intents.lunchSnoozes.filter((s) => s.date !== workday), snooze],
      },
    },
  );
};
