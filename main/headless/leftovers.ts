import fs from 'node:fs';
import path from 'node:path';
import { TEMPORARY_SUFFIX } from '../base/atomicFile';

/** The files of the data folder that Cadence writes through a temporary file beside them. */
const ATOMIC_DOCUMENTS = ['settings.json', 'intents.json', 'integrations.json'];
/** The token vault and the connection file write `<file>.<pid>.tmp`, then rename it. */
const PID_TEMPORARY = /^(?:tokens\.json|tokens\.bin|service\.json)\.\d{1,10}\.tmp$/;

/** A temporary file one of Cadence's own writers names, and no other program's file. */
export function isCadenceTemporary(name: string): boolean {
  if (PID_TEMPORARY.test(name)) return true;
  const match = TEMPORARY_SUFFIX.exec(name);
  return match !== null && ATOMIC_DOCUMENTS.includes(name.slice(0, match.index));
}

/**
 * Removes the temporary files a Cadence killed mid-write left in the data folder (full copies of the
 * saved activity, the settings, the tokens). Only Cadence's own temporary names, only regular files,
 * only in the folder itself; called once the folder's lock is held, so no other Cadence is writing
 * them. Answers the names removed, for the log.
 */
export function removeLeftoverTemporaries(dataDir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dataDir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names.filter(isCadenceTemporary).sort()) {
    const file = path.join(dataDir, name);
    try {
      if (!fs.lstatSync(file).isFile()) continue;
      fs.rmSync(file);
      removed.push(name);
    } catch {
      // gone meanwhile, or not ours to remove: left as it is
    }
  }
  return removed;
}
