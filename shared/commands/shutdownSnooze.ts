import { settingsTime } from '../clockWords';
import { isDayClosed } from '../availability';
import { isoInZone, MINUTE, parseInstant } from '../clockTime';
import { CLOSED_NOTHING_TO_SNOOZE } from '../closing';
import { refusal } from '../contract';
import { shutdownTimes } from '../prompts';
import { type CommandHandler, handled } from './command';
import { closingWorkday } from './workdays';

export const shutdownSnooze: CommandHandler<'shutdown.snooze'> = (
  { intents, settings, now },
  { minutes },
) => {
  const zone = settings.workTimeZone;
  const workday = closingWorkday(now, settings);
  if (isDayClosed(workday, intents)) return refusal('conflict', CLOSED_NOTHING_TO_SNOOZE);
  const times = shutdownTimes(workday, settings);
  if (!times) return refusal('conflict', 'There is no workday to close today.');
  if (now >= times.snoozeLimit)
    return refusal(
      'snooze_limit',
      `No more snoozing: it is ${Math.round((now - times.end) / MINUTE)} minutes past the end of your day. Time to close it.`,
    );
  const previous = intents.shutdownSnoozes.find((s) => s.date === workday);
  // The promised minutes are given in full: on top of the end of the day, or of the last snooze, when
  // asked before either is reached.
  const from = Math.max(now, times.end, previous ? parseInstant(previous.until) : 0);
  const until = from + minutes * MINUTE;
  if (until > times.snoozeLimit)
    return refusal(
      'snooze_limit',
      `You can snooze the end of the day until ${settingsTime(times.snoozeLimit, settings)} (${settings.shutdown.maxSnoozeMinutes} minutes past the end of your day at ${settingsTime(times.end, settings)}) at most.`,
    );
  const record = {
    date: workday,
    until: new Date(until).toISOString(),
    totalMinutes: (previous?.totalMinutes ?? 0) + minutes,
  };
  return handled(
    { until: isoInZone(until, zone) },
    {
      intents: {
        ...intents,
        shutdownSnoozes: [...intents.shutdownSnoozes.filter((s) => s.date !== workday), record],
      },
    },
  );
};
