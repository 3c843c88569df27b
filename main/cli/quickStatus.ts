import { resolveDataDir } from '../server/connectionFile';
import { printableLines } from '../../shared/printable';
import { ApiClient } from './apiClient';
import { clockChoice } from './clockChoice';

// `cadence status` on its shortest path: the verb people type most, answered by a small CommonJS bundle
// (out/main/quickStatus.cjs) that loads no date library, no schemas and no other verb. The service writes
// the words; this prints them, through the same client as the whole CLI (the token goes only to a service
// that proves it holds it). Anything but a plain answer (no service, a stale address, a refusal, an older
// service) returns null, and the launcher runs the whole CLI, which says what went wrong in its usual words.

/** The data folder when the arguments are `status` with at most `--data-dir DIR`; null for anything else. */
export function quickFolder(args: string[]): string | null {
  const rest = args[0] === 'status' ? args.slice(1) : args;
  if (rest.length === 0) return resolveDataDir();
  const folder =
    rest.length === 2 && rest[0] === '--data-dir'
      ? rest[1]
      : rest.length === 1 && rest[0]?.startsWith('--data-dir=')
        ? rest[0].slice(11)
        : undefined;
  // "--data-dir -x" is a missing value to the whole CLI, which says so.
  return folder && !folder.startsWith('-') ? resolveDataDir(folder) : null;
}

/** The line under the status with the window's address (the user's own terminal only: it holds the token). */
export function windowLine(windowUrl: string | null): string {
  return windowUrl ? `\nWindow (keep it to yourself: it holds your key): ${windowUrl}` : '';
}

/** Prints the status and returns 0, or returns null when the whole CLI should answer instead. */
export async function quickStatus(args: string[]): Promise<number | null> {
  const folder = quickFolder(args);
  if (folder === null) return null;
  try {
    const client = ApiClient.open(folder);
    const answer = await client.query('status.text', clockChoice(folder), 1_000_000);
    if (!answer.ok) return null;
    console.log(printableLines(`${answer.value.text}${windowLine(client.windowUrl)}`));
    return 0;
  } catch {
    return null;
  }
}
