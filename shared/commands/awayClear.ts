import { type CommandHandler, handled } from './command';

export const awayClear: CommandHandler<'away.clear'> = ({ intents }) =>
  handled(null, { intents: { ...intents, away: null } });
