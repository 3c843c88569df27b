import type { ApiResult } from '../../shared/contract';
import { type Connection, readConnection } from '../server/connectionFile';

export class NotRunningError extends Error {}

/** Talks to a running Cadence service through its local API. */
export class ApiClient {
  private constructor(private readonly connection: Connection) {}

  static open(dataDir: string): ApiClient {
    const connection = readConnection(dataDir);
    if (!connection) throw new NotRunningError(`Cadence is not running (no service found for ${dataDir}).`);
    return new ApiClient(connection);
  }

  async call<T>(kind: 'command' | 'query', name: string, input: unknown = {}): Promise<ApiResult<T>> {
    let response: Response;
    try {
      response = await fetch(`http://127.0.0.1:${this.connection.port}/api/${kind}/${name}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.connection.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(input),
        signal: AbortSignal.timeout(5000),
      });
    } catch {
      throw new NotRunningError(`Cadence is not running (nothing answers at ${this.connection.url}).`);
    }
    return (await response.json()) as ApiResult<T>;
  }
}
