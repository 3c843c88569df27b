import { describe, expect, it } from 'vitest';
import { grantedScopes, missingScopes } from '../../../../main/auth/grantedScopes';
import { tokensFrom } from '../../../../main/auth/oauthPkce';

describe('granted scopes', () => {
  it('reads the token response’s space- or comma-separated list, and nothing where it said nothing', () => {
    expect(grantedScopes('openid https://graph.microsoft.com/Calendars.ReadWrite')).toEqual([
      'openid',
      'https://graph.microsoft.com/Calendars.ReadWrite',
    ]);
    expect(grantedScopes('users.profile:write,dnd:write')).toEqual(['users.profile:write', 'dnd:write']);
    expect(grantedScopes(undefined)).toBeUndefined();
  });

  it('reads a percent-encoded scope as Microsoft’s own example writes it', () => {
    const granted = grantedScopes('openid https%3A%2F%2Fgraph.microsoft.com%2FCalendars.ReadWrite');
    expect(missingScopes(granted, ['Calendars.ReadWrite'])).toEqual([]);
  });

  it('knows a Graph permission named alone, after its resource, or in lower case', () => {
    const needed = ['Calendars.ReadWrite'];
    expect(missingScopes(['Calendars.ReadWrite'], needed)).toEqual([]);
    expect(missingScopes(['https://graph.microsoft.com/calendars.readwrite'], needed)).toEqual([]);
    expect(missingScopes(['https://graph.microsoft.com/Calendars.Read'], needed)).toEqual(needed);
    // A sign-in that did not say what it granted is not taken to have granted more.
    expect(missingScopes(null, needed)).toEqual(needed);
  });

  it('keeps what a sign-in granted with its tokens', () => {
    const client = { authorizeUrl: '', tokenUrl: '', clientId: 'c', scopes: [] };
    const body = { access_token: 'a', token_type: 'Bearer', scope: 'openid Calendars.Read' };
    expect(tokensFrom(body, client, 0).scopes).toEqual(['openid', 'Calendars.Read']);
    expect(tokensFrom({ access_token: 'a', token_type: 'Bearer' }, client, 0).scopes).toBeUndefined();
  });
});
