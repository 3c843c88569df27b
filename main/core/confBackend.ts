import Conf from 'conf';
import type { DocumentBackend } from './ports';

/** Headless mode keeps its documents with conf: atomic writes, created directories. */
export function openConf(directory: string, name: string): DocumentBackend {
  return new Conf<Record<string, unknown>>({
    cwd: directory,
    configName: name,
    accessPropertiesByDotNotation: false,
    clearInvalidConfig: false,
    configFileMode: 0o600,
  });
}
