import { desiredState } from '../../shared/desired';
import { lastEndedFocus } from '../../shared/focus';
import { plannedAhead } from '../../shared/focusGoal';
import type { CadenceService } from './cadenceService';
import type { IntegrationState } from './integrations';

/** The narrow view of the core that the integrations read and follow. */
export function integrationStateOf(service: CadenceService): IntegrationState {
  return {
    desired: (now) => {
      const ended = lastEndedFocus(now, service.intents);
      return {
        desired: desiredState(
          service.availability(now),
          service.settings,
          now,
          ended ? { id: ended.id, end: ended.end } : null,
          plannedAhead(now, service.settings, service.intents, service.calendar()),
        ),
        settings: service.settings,
      };
    },
    ownTeammates: () => service.intents.teammates,
    onDidChange: (listener) =>
      service.onEvent((event) => {
        if (
          event.name === 'availability.changed' ||
          event.name === 'settings.changed' ||
          event.name === 'team.changed' ||
          event.name === 'plan.changed'
        )
          listener('status');
        else if (event.name === 'teammates.changed') listener('teammates');
      }),
    remoteChanged: () => service.resync(),
    settings: () => service.settings,
  };
}
