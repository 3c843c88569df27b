import type { ApiResult, CompanionEvent } from '../../shared/contract';
import type { IDisposable } from '../base/lifetime';
import { isTrustedSender } from './security';

export const INVOKE_CHANNEL = 'cadence:invoke';
export const EVENT_CHANNEL = 'cadence:event';

export interface InvokeEventLike {
  senderFrame: { url: string } | null;
}

/** The slice of ipcMain the bridge needs. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export interface CompanionCore {
  execute(name: string, input: unknown): ApiResult<unknown> | Promise<ApiResult<unknown>>;
  query(name: string, input: unknown): ApiResult<unknown>;
  onEvent(listener: (event: CompanionEvent) => void): IDisposable;
}

/**
 * Serves the CompanionAPI over IPC: one channel, every call's sender checked, every payload
 * validated by the core against the shared contract (exactly as the local API does).
 */
export function serveCompanionIpc(
  ipc: IpcMainLike,
  core: CompanionCore,
  broadcast: (event: CompanionEvent) => void,
): IDisposable {
  ipc.handle(INVOKE_CHANNEL, (event, kind, name, input): ApiResult<unknown> | Promise<ApiResult<unknown>> => {
    if (!isTrustedSender(event.senderFrame?.url)) {
      return { ok: false, error: 'forbidden', message: 'Only Cadence’s own window may use this channel.' };
    }
    if ((kind !== 'command' && kind !== 'query') || typeof name !== 'string') {
      return { ok: false, error: 'invalid_input', message: 'Malformed call.' };
    }
    return kind === 'command' ? core.execute(name, input) : core.query(name, input);
  });
  const subscription = core.onEvent(broadcast);
  return {
    dispose: () => {
      subscription.dispose();
      ipc.removeHandler(INVOKE_CHANNEL);
    },
  };
}
