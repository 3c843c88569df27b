import { desiredState } from '../../shared/desired';
import { lastEndedFocus } from '../../shared/focus';
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
        ),
        settings: service.settings,
      };
    },
    ownTeammates: () => service.intents.teammates,
    onDidChange: (listener) =>
      service.onEvent((event) => {
        if (event.name === 'availability.changed' || event.name === 'settings.changed') listener('status');
        else if (event.name === 'teammates.changed') listener('teammates');
      }),
    remoteChanged: () => service.resync(),
  };
}
