import { DEFAULT_TEAMMATE_WEEK, DEFAULT_TEAMMATE_WEEKEND, type Teammate } from '../intents';
import { type CommandHandler, handled } from './command';

export const teammatesAdd: CommandHandler<'teammates.add'> = ({ intents, newId }, input) => {
  const teammate: Teammate = {
    id: newId(),
    name: input.name,
    timeZone: input.timeZone,
    week: input.week ?? DEFAULT_TEAMMATE_WEEK,
    weekendDays: input.weekendDays ?? [...DEFAULT_TEAMMATE_WEEKEND],
    ...(input.email !== undefined ? { email: input.email } : {}),
    ...(input.replaces !== undefined ? { replaces: input.replaces } : {}),
    source: 'manual',
  };
  return handled(teammate, { intents: { ...intents, teammates: [...intents.teammates, teammate] } });
};
