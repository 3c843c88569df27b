import { refusal } from '../contract';
import { userGoalPlan } from '../focusGoal';
import { type CommandHandler, handled } from './command';

/** Skips a block the focus goal planned: the plan leaves it out, and its calendar slot goes free. */
export const goalSkip: CommandHandler<'goal.skip'> = ({ intents, settings, now, calendar }, { key }) => {
  const plan = userGoalPlan(now, settings, intents, calendar);
  if (!plan?.blocks.some((block) => block.key === key))
    return refusal('not_found', 'That block is no longer planned for your focus goal.');
  const skip = { key, at: new Date(now).toISOString() };
  return handled({ key }, { intents: { ...intents, goalSkips: [...intents.goalSkips, skip] } });
};
