import fs from 'node:fs';
import path from 'node:path';
import { FILE_MODE, writeFileAtomically } from '../base/atomicFile';
import type { DocumentBackend } from './ports';

/*
 * Headless mode's documents: what the conf package did for them (a tab-indented JSON file, written
 * atomically with mode 0600, its folder created again if it went missing), without conf. conf brings
 * ajv, ajv-formats, semver and dot-prop, about 3 MB of the idle service's memory, for schemas and
 * migrations that Cadence does with zod; and it read the whole file back before every write.
 */

/** A JSON document in `directory/name.json`, as conf kept it. */
export function openConf(directory: string, name: string): DocumentBackend {
  const file = path.resolve(directory, `${name}.json`);
  const read = (): Record<string, unknown> => {
    try {
      return Object.assign(
        Object.create(null) as Record<string, unknown>,
        JSON.parse(fs.readFileSync(file, 'utf8')),
      );
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      fs.mkdirSync(path.dirname(file), { recursive: true });
      return Object.create(null) as Record<string, unknown>;
    }
  };
  read(); // as conf did on opening: an unreadable file or invalid JSON fails here, not at the first write
  return {
    path: file,
    get store() {
      return read();
    },
    set store(value) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const data = JSON.stringify(value);
      // a Snap's confinement does not allow the temporary file (conf's workaround)
      if (process.env.SNAP) fs.writeFileSync(file, data, { mode: FILE_MODE });
      else writeFileAtomically(file, data);
    },
  };
}
