import { refusal } from '../contract';
import type { Teammate } from '../intents';
import { type CommandHandler, handled } from './command';

/**
 * Changes a teammate you added: only what is given changes, an email of null is taken away. The answer
 * is the teammate as now stored. A connected service's teammate is not yours to edit (it has no entry).
 */
export const teammatesEdit: CommandHandler<'teammates.edit'> = ({ intents }, input) => {
  const before = intents.teammates.find((t) => t.id === input.id);
  if (!before)
    return refusal('not_found', 'That teammate is no longer in your list: it may have been removed.');
  const { email: _email, ...kept } = before;
  const email = input.email === undefined ? before.email : (input.email ?? undefined);
  const after: Teammate = {
    ...kept,
    name: input.name ?? before.name,
    timeZone: input.timeZone ?? before.timeZone,
    week: input.week ?? before.week,
    weekendDays: input.weekendDays ?? before.weekendDays,
    ...(email !== undefined ? { email } : {}),
  };
  return handled(after, {
    intents: { ...intents, teammates: intents.teammates.map((t) => (t.id === before.id ? after : t)) },
  });
};
