import type { ApiResult } from '../../../shared/contract';
import type { CompanionBridge, PreloadApi } from './bridge';

/** The bridge over Electron's preload: the same contract, carried by IPC. */
export function createIpcBridge(api: PreloadApi): CompanionBridge {
  return {
    command: (name, input) => api.invoke('command', name, input ?? {}) as Promise<ApiResult<never>>,
    query: (name, input) => api.invoke('query', name, input ?? {}) as Promise<ApiResult<never>>,
    onEvent: (listener) => api.onEvent(listener),
    onConnection(listener) {
      listener('open');
      return () => undefined;
    },
  };
}
