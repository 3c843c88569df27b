import type { ApiResult, CommandName, CompanionEvent, QueryName } from '../../../shared/contract';

export type ConnectionState = 'connecting' | 'open' | 'lost';

/**
 * The renderer's only way to the core. Electron's preload and the local API both implement it, and
 * nothing above this file can tell which one it has.
 */
export interface CompanionBridge {
  command<T = unknown>(name: CommandName, input?: unknown): Promise<ApiResult<T>>;
  query<T = unknown>(name: QueryName, input?: unknown): Promise<ApiResult<T>>;
  onEvent(listener: (event: CompanionEvent) => void): () => void;
  onConnection(listener: (state: ConnectionState) => void): () => void;
}

/** What Electron's preload exposes on window.cadence (see main/electron/preload.ts). */
export interface PreloadApi {
  invoke(kind: 'command' | 'query', name: string, input: unknown): Promise<ApiResult<unknown>>;
  onEvent(listener: (event: CompanionEvent) => void): () => void;
}

declare global {
  interface Window {
    cadence?: PreloadApi;
  }
}
