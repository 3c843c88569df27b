import { refusal } from '../contract';
import { type CommandHandler, handled } from './command';

export const awaySet: CommandHandler<'away.set'> = ({ intents, now }, input) => {
  const until = Date.parse(input.until);
  if (until <= now) return refusal('invalid_input', 'Away needs an end in the future.');
  const away = {
    from: new Date(now).toISOString(),
    until: new Date(until).toISOString(),
    reason: input.reason,
  };
  return handled(null, { intents: { ...intents, away } });
};
