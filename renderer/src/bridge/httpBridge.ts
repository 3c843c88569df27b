import type { ApiResult, CompanionEvent } from '../../../shared/contract';
import type { CompanionBridge, ConnectionState } from './bridge';

const TOKEN_KEY = 'cadence.token';

/** The token arrives in the address's fragment once; it is kept for the tab and removed from the address bar. */
export function takeToken(location: Location, storage: Storage, history: History): string | null {
  const match = /token=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (match?.[1]) {
    storage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', location.pathname + location.search);
    return match[1];
  }
  return storage.getItem(TOKEN_KEY);
}

/**
 * The bridge over the local API: fetch for commands and queries, a WebSocket for events, reconnecting.
 * Cadence drops a window that falls too far behind its events; it reconnects, and the store, told the
 * connection is open again, loads everything anew (see store.connect).
 */
export function createHttpBridge(base: string, token: string): CompanionBridge & { dispose(): void } {
  const eventListeners = new Set<(event: CompanionEvent) => void>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  let state: ConnectionState = 'connecting';
  let delay = 500;
  let socket: WebSocket | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let disposed = false;
  const setState = (next: ConnectionState): void => {
    if (next === state) return;
    state = next;
    for (const listener of connectionListeners) listener(next);
  };

  const connect = (): void => {
    retry = null;
    socket = new WebSocket(`${base.replace(/^http/, 'ws')}/api/events?token=${encodeURIComponent(token)}`);
    socket.onopen = () => {
      delay = 500;
      setState('open');
    };
    socket.onmessage = (message) => {
      // The core's own socket, token-checked: its events follow the contract.
      const event: CompanionEvent = JSON.parse(String(message.data));
      for (const listener of eventListeners) listener(event);
    };
    socket.onclose = () => {
      if (disposed) return;
      setState('lost');
      retry = setTimeout(connect, delay);
      delay = Math.min(delay * 2, 5000);
    };
  };
  connect();

  const call = async <T>(kind: 'command' | 'query', name: string, input: unknown): Promise<ApiResult<T>> => {
    try {
      const response = await fetch(`${base}/api/${kind}/${name}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(input ?? {}),
      });
      const answer: ApiResult<T> = await response.json();
      return answer;
    } catch {
      setState('lost');
      return { ok: false, error: 'offline', message: 'Cadence is not reachable. Is it still running?' };
    }
  };

  return {
    /** Stops for good: no socket, no reconnection. */
    dispose() {
      disposed = true;
      if (retry) clearTimeout(retry);
      socket?.close();
    },
    command: (name, ...[input]) => call('command', name, input),
    query: (name, ...[input]) => call('query', name, input),
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onConnection(listener) {
      connectionListeners.add(listener);
      listener(state);
      return () => connectionListeners.delete(listener);
    },
  };
}
