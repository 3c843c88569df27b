import { settingsTime } from '../clockWords';
import { refusal } from '../contract';
import { activeFocus } from '../focus';
import { openGoalOffer, userGoalPlan } from '../focusGoal';
import { isoInZone } from '../clockTime';
import { type CommandHandler, handled } from './command';

/** Skips a block the focus goal planned: the plan leaves it out, and its calendar slot goes free. */
export const goalSkip: CommandHandler<'goal.skip'> = ({ intents, settings, now, calendar }, { key }) => {
  const plan = userGoalPlan(now, settings, intents, calendar);
  if (!plan?.blocks.some((block) => block.key === key))
    return refusal('not_found', 'That block is no longer planned for your focus goal.');
  const skip = { key, at: new Date(now).toISOString() };
  return handled({ key }, { intents: { ...intents, goalSkips: [...intents.goalSkips, skip] } });
};

/**
 * Starts a block offered with a one-click prompt: it becomes a focus block like any other, from now to
 * the end it was planned with (its calendar slot), under its key so it is never written twice.
 */
export const goalStart: CommandHandler<'goal.start'> = ({ intents, settings, now, calendar }, { key }) => {
  const offer = openGoalOffer(userGoalPlan(now, settings, intents, calendar), now);
  if (!offer || offer.key !== key)
    return refusal(
      'not_found',
      'That planned block is not waiting to start: its time has not come, or it passed.',
    );
  const running = activeFocus(now, intents);
  const zone = settings.workTimeZone;
  if (running)
    return refusal(
      'conflict',
      `A focus block is already running until ${settingsTime(running.end, settings)}.`,
    );
  const block = {
    id: key,
    startAt: new Date(now).toISOString(),
    plannedMinutes: Math.max(1, Math.round((offer.end - now) / 60_000)),
  };
  return handled(
    { id: key, startAt: isoInZone(now, zone), endsAt: isoInZone(now + block.plannedMinutes * 60_000, zone) },
    { intents: { ...intents, focus: [...intents.focus, block] } },
  );
};
