import type {
  ApiResult,
  CommandInput,
  CommandName,
  CommandResult,
  CompanionEvent,
  QueryInput,
  QueryName,
  QueryResult,
} from '../../../shared/contract';

export type ConnectionState = 'connecting' | 'open' | 'lost';

/** The input may be left out when every field of it is optional. */
export type InputArgs<I> = Record<string, never> extends I ? [input?: I] : [input: I];

/**
 * The renderer's only way to the core. Electron's preload and the local API both implement it, and
 * nothing above this file can tell which one it has. Names, inputs and answers are the contract's.
 */
export interface CompanionBridge {
  command<C extends CommandName>(
    name: C,
    ...input: InputArgs<CommandInput<C>>
  ): Promise<ApiResult<CommandResult<C>>>;
  query<Q extends QueryName>(name: Q, ...input: InputArgs<QueryInput<Q>>): Promise<ApiResult<QueryResult<Q>>>;
  onEvent(listener: (event: CompanionEvent) => void): () => void;
  onConnection(listener: (state: ConnectionState) => void): () => void;
}

/** What Electron's preload exposes on window.cadence (see main/electron/preload.ts). */
export interface PreloadApi {
  command<C extends CommandName>(name: C, input?: CommandInput<C>): Promise<ApiResult<CommandResult<C>>>;
  query<Q extends QueryName>(name: Q, input?: QueryInput<Q>): Promise<ApiResult<QueryResult<Q>>>;
  onEvent(listener: (event: CompanionEvent) => void): () => void;
}

declare global {
  interface Window {
    cadence?: PreloadApi;
  }
}
