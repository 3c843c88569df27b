import { refusal } from '../contract';
import { type CommandHandler, handled } from './command';

export const teammatesRemove: CommandHandler<'teammates.remove'> = ({ intents }, { id }) => {
  if (!intents.teammates.some((t) => t.id === id)) return refusal('not_found', 'No teammate has that id.');
  return handled(null, { intents: { ...intents, teammates: intents.teammates.filter((t) => t.id !== id) } });
};
