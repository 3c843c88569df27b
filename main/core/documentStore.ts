import fs from 'node:fs';
import path from 'node:path';
import { boundedLine, countWords, problemDetails, PROBLEMS_COMMAND } from '../../shared/problems';
import type { DocumentBackend } from './ports';

export interface Parsed<T> {
  value: T;
  /** What was wrong with the file, in words; empty when it was fine. */
  problems: string[];
  /** Every record set aside, one a line, when the problems summarise them. */
  details?: string[];
  /** The value differs from the file's (a field filled in once): it is written back. */
  changed?: boolean;
}

/** How many of a file's problems its one line names; the rest are in the details. */
const NAMED_IN_LINE = 3;

export interface DocumentStoreOptions<T> {
  file: string;
  /** A label for messages, e.g. "settings". */
  label: string;
  parse: (raw: unknown) => Parsed<T>;
  /** Opens the backend once the file is known to be readable JSON (or absent). */
  open: () => DocumentBackend;
  now: () => number;
}

function stamp(at: number): string {
  return new Date(at).toISOString().replace(/[:.]/g, '-');
}

/**
 * A JSON document validated at the boundary. A file that is not JSON, or not valid, is kept as a
 * dated backup beside the original and reported in words; the app goes on with what it could save.
 */
export class DocumentStore<T> {
  private readonly backend: DocumentBackend;
  readonly problems: string[] = [];
  /** Every problem in full (each line bounded), for `cadence problems`. */
  readonly details: string[] = [];
  private current: T;

  constructor(private readonly options: DocumentStoreOptions<T>) {
    let raw: unknown;
    let text: string | null = null;
    try {
      text = fs.readFileSync(options.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        this.problems.push(
          `Could not read your ${options.label} file ${options.file}: ${(error as Error).message}.`,
        );
      }
    }
    if (text !== null) {
      try {
        raw = JSON.parse(text);
      } catch (error) {
        const backup = this.backup('move');
        this.problems.push(
          `Your ${options.label} file was not valid JSON (${(error as Error).message}); it was kept as ${backup} and defaults are used.`,
        );
      }
    }
    const parsed = options.parse(raw);
    if (text !== null && raw !== undefined && parsed.problems.length) {
      const backup = this.backup();
      const named = parsed.problems.slice(0, NAMED_IN_LINE).map((problem) => boundedLine(problem, 300));
      const more = parsed.problems.length - named.length;
      const listed = parsed.details ?? parsed.problems;
      this.problems.push(
        `Part of your ${options.label} could not be used (${named.join('; ')}${more > 0 ? `; and ${countWords(more)} more` : ''}); the rest was kept, and the original file was kept as ${backup}.${listed.length > named.length ? ` ${PROBLEMS_COMMAND}.` : ''}`,
      );
      this.details.push(...problemDetails(listed.map((line) => `${options.label}: ${line}`)));
    }
    this.current = parsed.value;
    this.backend = options.open();
    if (text === null || parsed.problems.length || raw === undefined || parsed.changed) {
      try {
        this.write(parsed.value);
      } catch (error) {
        this.problems.push(
          `Could not save your ${options.label} in ${path.dirname(options.file)}: ${(error as Error).message}.`,
        );
      }
    }
  }

  /** Copies the file aside, or moves it aside when it is unreadable and must not be opened again. */
  private backup(how: 'copy' | 'move' = 'copy'): string {
    const { file } = this.options;
    const target = path.join(
      path.dirname(file),
      `${path.basename(file, '.json')}.invalid-${stamp(this.options.now())}.json`,
    );
    try {
      if (how === 'move') fs.renameSync(file, target);
      else fs.copyFileSync(file, target);
      return target;
    } catch {
      return '(no backup: the file could not be copied)';
    }
  }

  get value(): T {
    return this.current;
  }

  /** Writes atomically (temporary file + rename), so a kill mid-write leaves the old or the new file. */
  write(value: T): void {
    this.backend.store = value as Record<string, unknown>;
    this.current = value;
  }
}
