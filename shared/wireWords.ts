// Constants the window shares with the core, in a module without the validator: the window's bundle
// imports these as values, and anything it imports from contract.ts by value brings zod (whose eval
// probe the desktop app's CSP reports as a violation).

/** Tomorrow's top three: the new priorities a closing sets, carried ones aside. */
export const MAX_PRIORITIES = 3;

/**
 * The local API's headers for commands asked again: `request` names a command (a client asks again with
 * the same name when the answer was lost), `sentTo` is the instance it was first sent to, and `instance`,
 * on every answer, which running Cadence answered (a restarted one has another).
 */
export const COMMAND_HEADERS = {
  request: 'cadence-request',
  sentTo: 'cadence-sent-to',
  instance: 'cadence-instance',
} as const;
