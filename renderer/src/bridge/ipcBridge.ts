import type { CompanionBridge, PreloadApi } from './bridge';

/** The bridge over Electron's preload: the same contract, carried by IPC. */
export function createIpcBridge(api: PreloadApi): CompanionBridge {
  return {
    command: (name, ...[input]) => api.command(name, input),
    query: (name, ...[input]) => api.query(name, input),
    onEvent: (listener) => api.onEvent(listener),
    onConnection(listener) {
      listener('open');
      return () => undefined;
    },
  };
}
