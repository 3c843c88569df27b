/** Anything that holds a resource until it is disposed: a timer, a listener, a server. */
export interface IDisposable {
  dispose(): void;
}

export type Listener<T> = (value: T) => void;

type ErrorReporter = (error: unknown) => void;
let reportUnexpected: ErrorReporter = (error) => console.error('Cadence: a listener failed:', error);

/** Where errors that must not stop the service go (the host points this at cadence.log). */
export function setUnexpectedErrorHandler(reporter: ErrorReporter): IDisposable {
  const previous = reportUnexpected;
  reportUnexpected = reporter;
  return { dispose: () => (reportUnexpected = previous) };
}

export function onUnexpectedError(error: unknown): void {
  try {
    reportUnexpected(error);
  } catch {
    // a reporter that throws must not take the caller down with it
  }
}

/** Holds children and disposes them in reverse order; adding to a disposed store disposes at once. */
export class DisposableStore implements IDisposable {
  private readonly items = new Set<IDisposable>();
  private disposed = false;

  add<T extends IDisposable>(item: T): T {
    if (this.disposed) item.dispose();
    else this.items.add(item);
    return item;
  }

  /** Disposes one child now and forgets it. */
  delete(item: IDisposable): void {
    if (this.items.delete(item)) item.dispose();
  }

  get size(): number {
    return this.items.size;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    const items = [...this.items].reverse();
    this.items.clear();
    for (const item of items) {
      try {
        item.dispose();
      } catch (error) {
        onUnexpectedError(error);
      }
    }
  }
}

/** A base for anything with a lifetime: what it `register`s is disposed with it. */
export abstract class Disposable implements IDisposable {
  private readonly store = new DisposableStore();

  protected register<T extends IDisposable>(item: T): T {
    return this.store.add(item);
  }

  dispose(): void {
    this.store.dispose();
  }
}

export function toDisposable(dispose: () => void): IDisposable {
  let done = false;
  return {
    dispose: () => {
      if (done) return;
      done = true;
      dispose();
    },
  };
}

/**
 * A typed event source: `onDidX = emitter.event`, `emitter.fire(value)`. Each listener runs on its
 * own: one that throws is reported and the others still hear the event.
 */
export class Emitter<T> implements IDisposable {
  private readonly listeners = new Set<Listener<T>>();

  readonly event = (listener: Listener<T>): IDisposable => {
    this.listeners.add(listener);
    return toDisposable(() => this.listeners.delete(listener));
  };

  fire(value: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(value);
      } catch (error) {
        onUnexpectedError(error);
      }
    }
  }

  get size(): number {
    return this.listeners.size;
  }

  dispose(): void {
    this.listeners.clear();
  }
}
