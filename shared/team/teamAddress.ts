import { z } from 'zod';

// Where a member's Cadence reads the team file: an https address, a file (a checkout of the team's
// repository), or http on this computer only (127.0.0.1, where tests serve the file).

/** How a team address is read. */
export type TeamAddressKind = 'https' | 'http-loopback' | 'file';

const ADDRESS_HINT =
  "use an https address like https://example.com/team.json, or the full path of the file in a checkout of your team's repository";

/** The kind of address, or in words what is wrong with it. */
export function teamAddressKind(address: string): { kind: TeamAddressKind } | { problem: string } {
  if (/^(\/|[A-Za-z]:[\\/]|\\\\)/.test(address)) return { kind: 'file' };
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return { problem: ADDRESS_HINT };
  }
  if (url.protocol === 'https:') return { kind: 'https' };
  if (url.protocol === 'file:') return { kind: 'file' };
  if (url.protocol === 'http:')
    return url.hostname === '127.0.0.1'
      ? { kind: 'http-loopback' }
      : { problem: 'use https: a team file is read over plain http only from this computer (127.0.0.1)' };
  return { problem: ADDRESS_HINT };
}

/** The team section of the settings: only where the file is; what it says is kept apart (team.json). */
export const teamSettingsSchema = z.object({
  address: z
    .string()
    .trim()
    .max(2000)
    .refine((address) => !('problem' in teamAddressKind(address)), {
      error: (issue) => {
        const kind = typeof issue.input === 'string' ? teamAddressKind(issue.input) : null;
        return kind && 'problem' in kind ? kind.problem : ADDRESS_HINT;
      },
    })
    .nullable(),
});
export type TeamSettings = z.infer<typeof teamSettingsSchema>;
