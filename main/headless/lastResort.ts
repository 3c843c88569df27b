import type { Log } from '../core/fileLog';
import { type IDisposable, toDisposable } from '../base/lifetime';

const RESTART_AFTER = 5;
const WINDOW_MS = 60_000;

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/**
 * The process's last resort: an error nothing else caught is written to cadence.log with its stack and
 * the service goes on. Errors that keep coming (RESTART_AFTER within a minute) mean the host is in a bad
 * state: `restart` disposes it and starts a fresh one.
 */
export function installLastResort(
  log: Log,
  restart: () => void,
  target: Pick<NodeJS.EventEmitter, 'on' | 'off'> = process,
  now = () => performance.now(),
): IDisposable {
  let recent: number[] = [];
  const onError = (kind: string) => (error: unknown) => {
    log.error(`${kind}: ${describe(error)}`);
    const at = now();
    recent = [...recent.filter((t) => at - t < WINDOW_MS), at];
    if (recent.length >= RESTART_AFTER) {
      recent = [];
      log.warn('restarting the service after repeated errors');
      restart();
    }
  };
  const uncaught = onError('uncaught exception');
  const unhandled = onError('unhandled rejection');
  target.on('uncaughtException', uncaught);
  target.on('unhandledRejection', unhandled);
  return toDisposable(() => {
    target.off('uncaughtException', uncaught);
    target.off('unhandledRejection', unhandled);
  });
}
