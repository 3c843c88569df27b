import { describe, expect, it } from 'vitest';
import { checkJsonError } from '../../../../main/providers/authorizedCall';
import { ProviderError } from '../../../../main/providers/providerError';

const google403 = (reason: string, message = 'Forbidden') => ({
  status: 403,
  headers: new Headers(),
  body: { error: { code: 403, message, errors: [{ domain: 'usageLimits', reason, message }] } },
});
const kindOf = (response: Parameters<typeof checkJsonError>[0]) => {
  try {
    checkJsonError(response, 'Google Calendar', 'add the focus block');
    return null;
  } catch (error) {
    return (error as ProviderError).kind;
  }
};

describe('a 403, classified by the service’s reason, never its wording', () => {
  it('waits on every documented usage limit, quotaExceeded included', () => {
    for (const reason of ['rateLimitExceeded', 'userRateLimitExceeded', 'quotaExceeded'])
      expect(kindOf(google403(reason))).toBe('rateLimited');
  });

  it('asks for a permission only where the token lacks one, and never says "reconnect" for a 403', () => {
    expect(kindOf(google403('insufficientPermissions'))).toBe('permission');
    const graph = {
      status: 403,
      headers: new Headers(),
      body: { error: { code: 'ErrorAccessDenied', message: 'Access is denied.' } },
    };
    expect(kindOf(graph)).toBe('permission');
    // Words that merely sound like it decide nothing.
    expect(kindOf(google403('forbiddenForNonOrganizer', 'Forbidden: insufficient rights'))).toBe('permanent');
    expect(kindOf(google403('requiredAccessLevel'))).toBe('permanent');
  });
});
