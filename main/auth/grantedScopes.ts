/**
 * The scopes a token response says were granted, as a list. RFC 6749 §5.1 and §3.3: `scope` is a list
 * of space-delimited, case-sensitive strings; Slack separates with commas. Absent when the service did
 * not say (then the scopes asked for were granted, RFC 6749 §5.1, "scope ... OPTIONAL, if identical").
 */
export function grantedScopes(scope: unknown): string[] | undefined {
  if (typeof scope !== 'string') return undefined;
  // Microsoft's own token response example writes its scope percent-encoded
  // ("https%3A%2F%2Fgraph.microsoft.com%2Fmail.read", https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow).
  const decoded = (part: string) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return part;
    }
  };
  return scope
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(decoded);
}

/**
 * Which of `needed` are missing from what was granted. Microsoft names a Graph permission in a token
 * response either alone ("Calendars.ReadWrite") or after its resource
 * ("https://graph.microsoft.com/Calendars.ReadWrite", https://learn.microsoft.com/en-us/entra/identity-platform/scopes-oidc),
 * and its examples write them in lower case too: both are read as the same permission.
 */
export function missingScopes(
  granted: readonly string[] | null | undefined,
  needed: readonly string[],
): string[] {
  const bare = (scope: string) => scope.slice(scope.lastIndexOf('/') + 1).toLowerCase();
  const have = new Set((granted ?? []).map(bare));
  return needed.filter((scope) => !have.has(bare(scope)));
}
