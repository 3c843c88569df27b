import type { ApiResult, CompanionEvent } from '../../../shared/contract';
import { COMMAND_HEADERS } from '../../../shared/wireWords';
import type { CompanionBridge, ConnectionState } from './bridge';

const TOKEN_KEY = 'cadence.token';
/** The first wait before connecting again; it doubles on each failure up to the longest. */
const FIRST_DELAY_MS = 500;
const LONGEST_DELAY_MS = 10_000;
/** How long a command whose answer was lost waits for Cadence to come back before the window gives up. */
const COMMAND_PATIENCE_MS = 120_000;

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

/** Calls `wake` whenever trying again at once is worth it; returns how to stop listening. */
export type Wakeups = (wake: () => void) => () => void;

/** The browser's moments to try again at once: back online, the tab shown again, the window focused. */
export const browserWakeups: Wakeups = (wake) => {
  const visible = () => {
    if (document.visibilityState === 'visible') wake();
  };
  window.addEventListener('online', wake);
  window.addEventListener('focus', wake);
  document.addEventListener('visibilitychange', visible);
  return () => {
    window.removeEventListener('online', wake);
    window.removeEventListener('focus', wake);
    document.removeEventListener('visibilitychange', visible);
  };
};

const GAVE_UP: ApiResult<never> = {
  ok: false,
  error: 'offline',
  message:
    'Cadence did not answer, so this may not have been done. Check that Cadence is running, then look again and try once more.',
};

/**
 * The bridge over the local API: fetch for commands and queries, a WebSocket for events, reconnecting.
 * The connection is the socket's: it is tried again with a growing wait, and at once when the browser
 * says it is worth it (online, shown, focused) or a request found Cadence unreachable. The store, told
 * the connection is open again, loads everything anew (see store.connect). A command whose answer was
 * lost is asked again, under the same request id, once the connection is back: Cadence answers with
 * what it did the first time rather than doing it twice.
 */
export function createHttpBridge(
  base: string,
  token: string,
  wakeups: Wakeups | null = typeof window === 'undefined' ? null : browserWakeups,
): CompanionBridge & { dispose(): void } {
  const eventListeners = new Set<(event: CompanionEvent) => void>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  let state: ConnectionState = 'connecting';
  let delay = FIRST_DELAY_MS;
  let socket: WebSocket | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let disposed = false;
  /** The running Cadence last heard from: a restarted one has forgotten what it did before. */
  let instance: string | null = null;
  const setState = (next: ConnectionState): void => {
    if (next === state) return;
    state = next;
    for (const listener of connectionListeners) listener(next);
  };

  const connect = (): void => {
    if (retry) clearTimeout(retry);
    retry = null;
    const ws = new WebSocket(`${base.replace(/^http/, 'ws')}/api/events?token=${encodeURIComponent(token)}`);
    socket = ws;
    ws.onopen = () => {
      if (socket !== ws) return;
      delay = FIRST_DELAY_MS;
      setState('open');
    };
    ws.onmessage = (message) => {
      if (socket !== ws) return;
      // The core's own socket, token-checked: its events follow the contract.
      const event: CompanionEvent = JSON.parse(String(message.data));
      for (const listener of eventListeners) listener(event);
    };
    ws.onclose = () => {
      if (disposed || socket !== ws) return;
      socket = null;
      setState('lost');
      retry = setTimeout(connect, delay);
      delay = Math.min(delay * 2, LONGEST_DELAY_MS);
    };
  };
  connect();

  /** Waiting for the next timer is not worth it: try now (when not already trying). */
  const wake = (): void => {
    if (!disposed && state === 'lost' && socket === null) connect();
  };
  const stopWakeups = wakeups?.(wake) ?? (() => undefined);

  /**
   * A request found Cadence unreachable: the socket may look open on a dead connection, so it goes too
   * and a new one is tried at once (once: while already lost, the growing wait stands).
   */
  const unreachable = (): void => {
    if (disposed || state === 'lost') return;
    const old = socket;
    socket = null;
    old?.close();
    setState('lost');
    connect();
  };

  const waiters = new Set<(open: boolean) => void>();
  /** Resolves true once the connection is open again, false when it is not within the patience. */
  const reopened = (): Promise<boolean> =>
    new Promise((resolve) => {
      if (disposed) return resolve(false);
      const done = (open: boolean) => {
        clearTimeout(timer);
        waiters.delete(done);
        resolve(open);
      };
      const timer = setTimeout(() => done(false), COMMAND_PATIENCE_MS);
      waiters.add(done);
    });
  connectionListeners.add((next) => {
    if (next === 'open') for (const done of [...waiters]) done(true);
  });

  /** One request; null when Cadence could not be reached or its answer was lost. */
  const post = async <T>(
    path: string,
    input: unknown,
    headers: Record<string, string>,
  ): Promise<ApiResult<T> | null> => {
    try {
      const response = await fetch(`${base}/api/${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
        body: JSON.stringify(input ?? {}),
      });
      instance = response.headers.get(COMMAND_HEADERS.instance) ?? instance;
      const answer: ApiResult<T> = await response.json();
      return answer;
    } catch {
      return null;
    }
  };

  const query = async <T>(name: string, input: unknown): Promise<ApiResult<T>> => {
    const answer = await post<T>(`query/${name}`, input, {});
    if (answer) return answer;
    // The store loads everything again once the connection is back.
    unreachable();
    return GAVE_UP;
  };

  const command = async <T>(name: string, input: unknown): Promise<ApiResult<T>> => {
    const request = crypto.randomUUID();
    // Asked again, Cadence does it only when it is the one first asked (a restarted one cannot know).
    const sentTo = instance ?? 'unknown';
    let again = false;
    while (!disposed) {
      const answer = await post<T>(`command/${name}`, input, {
        [COMMAND_HEADERS.request]: request,
        ...(again ? { [COMMAND_HEADERS.sentTo]: sentTo } : {}),
      });
      if (answer) return answer;
      unreachable();
      if (!(await reopened())) break;
      again = true;
    }
    return GAVE_UP;
  };

  return {
    /** Stops for good: no socket, no reconnection. */
    dispose() {
      disposed = true;
      stopWakeups();
      if (retry) clearTimeout(retry);
      for (const done of [...waiters]) done(false);
      socket?.close();
    },
    command: (name, ...[input]) => command(name, input),
    query: (name, ...[input]) => query(name, input),
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
