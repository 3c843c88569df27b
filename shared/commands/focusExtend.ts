import { settingsTime } from '../clockWords';
import { isoInZone, MINUTE } from '../clockTime';
import { refusal } from '../contract';
import { activeFocus, upcomingFocus } from '../focus';
import { MAX_FOCUS_MINUTES } from '../intents';
import { type CommandHandler, handled } from './command';

export const focusExtend: CommandHandler<'focus.extend'> = ({ intents, settings, now }, { minutes }) => {
  const running = activeFocus(now, intents);
  if (!running) return refusal('conflict', 'No focus block is running, so there is nothing to extend.');
  const planned = (running.plannedEnd - running.start) / MINUTE;
  if (planned + minutes > MAX_FOCUS_MINUTES)
    return refusal(
      'invalid_input',
      `A focus block lasts ${MAX_FOCUS_MINUTES / 60} hours at most; this one can grow by ${MAX_FOCUS_MINUTES - planned} more minutes.`,
    );
  const newEnd = running.end + minutes * MINUTE;
  const clash = upcomingFocus(now, intents).find((block) => block.start < newEnd && block.id !== running.id);
  if (clash)
    return refusal(
      'conflict',
      `Extending would run into the focus block planned at ${settingsTime(clash.start, settings)}.`,
    );
  return handled(
    { id: running.id, endsAt: isoInZone(newEnd, settings.workTimeZone) },
    {
      intents: {
        ...intents,
        focus: intents.focus.map((block) =>
          block.id === running.id ? { ...block, plannedMinutes: block.plannedMinutes + minutes } : block,
        ),
      },
    },
  );
};
