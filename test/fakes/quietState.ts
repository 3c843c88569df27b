import type { IntegrationState } from '../../main/core/integrations';

/** The core as integrations see it in a test that signs in and renews but never pushes a status. */
export const QUIET_STATE: IntegrationState = {
  desired: () => {
    throw new Error('This test pushes nothing.');
  },
  ownTeammates: () => [],
  onDidChange: () => ({ dispose: () => undefined }),
  remoteChanged: () => undefined,
};
