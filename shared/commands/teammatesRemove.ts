import { refusal } from '../contract';
import { type CommandHandler, handled } from './command';

/** Removes a teammate you added; the answer is the teammate as stored, so the window can offer Undo. */
export const teammatesRemove: CommandHandler<'teammates.remove'> = ({ intents }, { id }) => {
  const removed = intents.teammates.find((t) => t.id === id);
  if (!removed) return refusal('not_found', 'No teammate has that id.');
  return handled(removed, {
    intents: { ...intents, teammates: intents.teammates.filter((t) => t.id !== id) },
  });
};
