import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { teamAddressKind } from '../../shared/team/teamAddress';
import { MAX_TEAM_FILE_CHARACTERS } from '../../shared/team/teamCheck';

/** What one read of the team's address gave. */
export type TeamRead =
  | { kind: 'unchanged' }
  | { kind: 'text'; text: string; etag: string | null }
  | { kind: 'failed'; error: string };

/** How long one read may take before Cadence gives up on it (and tries at the next read). */
const READ_TIMEOUT_MS = 20_000;

const statusWords = (status: number, address: string): string =>
  status === 404 || status === 410
    ? `There is no team file at ${address} (the server answered ${status}): check the address with whoever publishes the file`
    : status === 401 || status === 403
      ? `${address} asks for a sign-in (it answered ${status}): a team file must be readable without one, e.g. served raw from the team's repository`
      : `${address} answered ${status} instead of the team file`;

/**
 * Reads the team file at an address: a file on disk, or over HTTP with the ETag of the copy kept
 * (If-None-Match: "the server returns the requested resource … with a 200 status, only if it doesn't have an
 * ETag matching the ones in the If-None-Match header … When the condition fails for GET … the server must
 * return a 304 Not Modified", https://developer.mozilla.org/docs/Web/HTTP/Headers/If-None-Match).
 */
export async function readTeamAddress(
  address: string,
  etag: string | null,
  signal: AbortSignal,
): Promise<TeamRead> {
  const kind = teamAddressKind(address);
  if ('problem' in kind) return { kind: 'failed', error: `${address}: ${kind.problem}` };
  if (kind.kind === 'file') {
    const file = address.startsWith('file:') ? fileURLToPath(address) : address;
    try {
      return { kind: 'text', text: await readFile(file, { encoding: 'utf8', signal }), etag: null };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return {
        kind: 'failed',
        error:
          code === 'ENOENT'
            ? `There is no team file at ${file}: check the path (is the team's repository checked out there?)`
            : `Could not read the team file ${file}: ${(error as Error).message}`,
      };
    }
  }
  let response: Response;
  try {
    response = await fetch(address, {
      headers: { accept: 'application/json', ...(etag ? { 'if-none-match': etag } : {}) },
      signal: AbortSignal.any([signal, AbortSignal.timeout(READ_TIMEOUT_MS)]),
      redirect: 'follow',
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return {
      kind: 'failed',
      error: `Could not reach ${address}${cause ? ` (${cause})` : ''}: are you offline? Cadence tries again later`,
    };
  }
  // A redirect may not lead from https to plain http elsewhere.
  const landed = teamAddressKind(response.url || address);
  if ('problem' in landed) {
    await response.body?.cancel();
    return {
      kind: 'failed',
      error: `${address} sent Cadence on to ${response.url}, which it does not read: ${landed.problem}`,
    };
  }
  if (response.status === 304 && etag) return { kind: 'unchanged' };
  if (response.status !== 200) {
    await response.body?.cancel();
    return { kind: 'failed', error: statusWords(response.status, address) };
  }
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > MAX_TEAM_FILE_CHARACTERS * 4) {
    await response.body?.cancel();
    return { kind: 'failed', error: `${address} is ${length} bytes long: far longer than a team file` };
  }
  try {
    return { kind: 'text', text: await response.text(), etag: response.headers.get('etag') };
  } catch {
    return {
      kind: 'failed',
      error: `The connection to ${address} broke off while the file was read: Cadence tries again later`,
    };
  }
}
