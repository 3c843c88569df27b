import { boundedProblems, problemDetails } from '../../shared/problems';

/** A document's problems: a few lines, and the full list when the lines summarise it. */
export interface ProblemSource {
  readonly problems: readonly string[];
  readonly details?: readonly string[];
}

export interface ProblemBoardSources {
  /** What the host found wrong while starting. */
  startup: readonly string[];
  documents: readonly ProblemSource[];
  /** The connected services' problems, asked each time. */
  integrations: () => readonly string[];
}

/**
 * Every problem Cadence knows of, from the files, the host, the services and the running core. `status`
 * carries a bounded summary with every status and event; the full list is given on request.
 */
export class ProblemBoard {
  private readonly runtime = new Map<string, string>();

  constructor(private readonly sources: ProblemBoardSources) {}

  /** A problem of the running core (storage, notifications, the desktop shell), or null once it is gone. */
  set(key: string, problem: string | null): void {
    if (problem === null) this.runtime.delete(key);
    else this.runtime.set(key, problem);
  }

  get(key: string): string | null {
    return this.runtime.get(key) ?? null;
  }

  /** A few lines, each bounded, the rest counted: what `status` carries. */
  summary(): string[] {
    return boundedProblems(this.lines((source) => source.problems));
  }

  /** Every problem, the records set aside one by one, each line bounded and the list too. */
  details(): string[] {
    return problemDetails(this.lines((source) => [...source.problems, ...(source.details ?? [])]));
  }

  private lines(of: (source: ProblemSource) => readonly string[]): string[] {
    const { startup, documents, integrations } = this.sources;
    return [...startup, ...documents.flatMap(of), ...this.runtime.values(), ...integrations()];
  }
}
