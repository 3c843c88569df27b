import { refusal } from '../contract';
import { type CommandHandler, handled } from './command';

/** Ticks a priority as done, or unticks it: one of the list a closed day set, named by its words. */
export const prioritiesTick: CommandHandler<'priorities.tick'> = (
  { intents, now },
  { setOn, text, done },
) => {
  const record = intents.shutdowns.find((item) => item.date === setOn);
  const listed =
    record && (record.priorities.includes(text) || (record.carried ?? []).some((item) => item.text === text));
  if (!listed) return refusal('not_found', `“${text}” is not on that list of priorities.`);
  const others = intents.ticks.filter((tick) => !(tick.setOn === setOn && tick.text === text));
  const ticks = done ? [...others, { setOn, text, at: new Date(now).toISOString() }] : others;
  const unchanged = ticks.length === intents.ticks.length && done === others.length < intents.ticks.length;
  return handled({ setOn, text, done }, unchanged ? {} : { intents: { ...intents, ticks } });
};
