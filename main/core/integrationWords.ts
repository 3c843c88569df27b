import type { IntegrationView, ProviderId } from '../../shared/integrationView';

/** Why the focus goal's blocks are not on a calendar yet, on its card. */
export const goalPermissionWords = (id: ProviderId): string =>
  `To put your focus goal’s blocks on your ${id === 'microsoft' ? 'Outlook ' : ''}calendar, Cadence needs your permission to add events there. Nothing is written to your calendar until you allow it; the rest keeps working.`;

export const recordPermissionWords = (name: string, added: readonly string[] = []): string =>
  added.length
    ? `To count the messages in ${name} channels that mention you, Cadence needs ${added.join(', ')}. If your ${name} app was made from an older Cadence manifest, add it first under OAuth & Permissions → User Token Scopes (${name} refuses a sign-in asking for a scope its app does not list); then sign in again to allow it (Settings → Integrations, or cadence connect ${name.toLowerCase()} --for permission). Your direct messages are read meanwhile.`
    : name === 'Microsoft 365'
      ? `To keep your record of contacts outside your hours, Cadence needs your permission to read your Outlook inbox’s senders, times and subjects (Mail.ReadBasic: never a message’s body; the subject is read only to see whether it is urgent, and never kept), and with a work or school account your Teams chats (Chat.Read: read once a day, the text only to see whether it is urgent). Nothing is read until you allow it.`
      : `To keep your record of contacts outside your hours, Cadence needs your permission to read your direct messages in ${name}, and to search for the messages that mention you (when, and from whom; the text is read only to see whether it is urgent, and never kept). Nothing is read until you allow it.`;

/** One line per connected service whose health needs the user, for `status`. */
export function problemLines(views: readonly IntegrationView[]): string[] {
  return [
    ...views
      .filter((view) => view.health && ['reconnect', 'permission', 'error'].includes(view.health.state))
      .map((view) => `${view.name}: ${view.health!.message}`),
    ...views.filter((view) => view.permission).map((view) => `${view.name}: ${view.permission!}`),
  ];
}

/**
 * How a service stands, for cadence.log: its health while connected, and a sign-in that failed whether or
 * not an earlier one still holds (a refused re-sign-in must leave its reason somewhere).
 */
export function logLine(view: IntegrationView): string {
  const failed = view.signIn?.state === 'failed' ? view.signIn.message : null;
  if (!view.connected) return failed ?? 'not connected';
  const health = `${view.health?.state}: ${view.health?.message}`;
  return failed ? `${health}; the last sign-in did not finish: ${failed}` : health;
}
