import { afterHoursNudge } from '../afterHours';
import { availabilityAt } from '../availability';
import { refusal } from '../contract';
import { type CommandHandler, handled } from './command';

/**
 * Answers the after-hours nudge: "Close it down" or "Urgent — I'm on it". Either way it is the one
 * nudge of that evening or day off; an urgent evening is kept as such for the review.
 */
export const nudgeAnswer: CommandHandler<'nudge.answer'> = (
  { intents, settings, now, calendar },
  { answer },
) => {
  const due = afterHoursNudge(now, settings, intents, availabilityAt(now, settings, intents, calendar));
  if (!due) return refusal('not_found', 'There is no after-hours nudge to answer just now.');
  const nudge = { date: due.date, at: new Date(now).toISOString(), answer };
  // The record of it being shown becomes the answer.
  const nudges = [...intents.nudges.filter((shown) => shown.date !== due.date), nudge];
  return handled({ date: due.date, answer }, { intents: { ...intents, nudges } });
};
