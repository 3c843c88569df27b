import { availabilityAt } from '../availability';
import { isoInZone } from '../clockTime';
import type { NotifyOutcomeView } from '../contract';
import { type HeldNotification, INTENT_LIMITS } from '../intents';
import { decide } from '../notificationPolicy';
import { type CommandHandler, handled } from './command';

/** A message from elsewhere, let through, held for the next working time, or dropped by the policy. */
export const notify: CommandHandler<'notify'> = ({ intents, settings, now, calendar }, input) => {
  const availability = availabilityAt(now, settings, intents, calendar);
  const decision = decide(
    {
      kind: 'message',
      title: input.title,
      body: input.body,
      ...(input.urgent !== undefined ? { urgent: input.urgent } : {}),
      ...(input.from !== undefined ? { from: input.from } : {}),
    },
    availability,
    settings,
  );
  if (decision.action === 'deliver')
    return handled<NotifyOutcomeView>(
      { action: 'deliver', why: decision.why },
      { effects: [{ kind: 'notify', title: input.title, body: input.body }] },
    );
  if (decision.action === 'drop') return handled<NotifyOutcomeView>({ action: 'drop', why: decision.why });
  if (intents.held.length >= INTENT_LIMITS.held)
    return handled<NotifyOutcomeView>({
      action: 'drop',
      why: `${INTENT_LIMITS.held} notifications are already held for your next working time; this one was not kept`,
    });
  const held: HeldNotification = {
    title: input.title,
    body: input.body,
    until: new Date(decision.until).toISOString(),
    ...(input.from !== undefined ? { from: input.from } : {}),
  };
  return handled<NotifyOutcomeView>(
    { action: 'hold', why: decision.why, until: isoInZone(decision.until, settings.workTimeZone) },
    { intents: { ...intents, held: [...intents.held, held] } },
  );
};
