import { settingsTime } from '../clockWords';
import { lunchIfStartedAt, lunchInterval, lunchOn } from '../availability';
import { isoInZone } from '../clockTime';
import { refusal } from '../contract';
import { activeFocus } from '../focus';
import { type CommandHandler, handled } from './command';
import { currentWorkday } from './workdays';

export const lunchStart: CommandHandler<'lunch.start'> = ({ intents, settings, now }, input) => {
  const zone = settings.workTimeZone;
  const workday = currentWorkday(now, settings);
  const existing = lunchInterval(lunchOn(workday, intents));
  if (existing && existing.end > now)
    return refusal('conflict', `You are already at lunch until ${settingsTime(existing.end, settings)}.`);
  const running = activeFocus(now, intents);
  if (running)
    return refusal(
      'conflict',
      `You are focusing until ${settingsTime(running.end, settings)}; stop the block before lunch.`,
    );
  const minutes = input.minutes ?? settings.lunch.minutes;
  const record = {
    date: workday,
    status: 'taken' as const,
    startedAt: new Date(now).toISOString(),
    minutes,
  };
  return handled(
    { until: isoInZone(lunchIfStartedAt(now, minutes).end, zone) },
    { intents: { ...intents, lunches: [...intents.lunches.filter((l) => l.date !== workday), record] } },
  );
};
