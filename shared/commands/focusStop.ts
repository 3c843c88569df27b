import { MINUTE } from '../clockTime';
import { refusal } from '../contract';
import { activeFocus } from '../focus';
import { type CommandHandler, handled } from './command';

export const focusStop: CommandHandler<'focus.stop'> = ({ intents, now }) => {
  const running = activeFocus(now, intents);
  if (!running) return refusal('conflict', 'No focus block is running.');
  const stoppedAt = new Date(now).toISOString();
  return handled(
    { id: running.id, focusedMinutes: Math.round((now - running.start) / MINUTE) },
    {
      intents: {
        ...intents,
        focus: intents.focus.map((block) => (block.id === running.id ? { ...block, stoppedAt } : block)),
      },
    },
  );
};
