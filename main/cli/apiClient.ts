import http from 'node:http';
import type {
  ApiResult,
  CommandInput,
  CommandName,
  CommandResult,
  QueryInput,
  QueryName,
  QueryResult,
} from '../../shared/contract';
import { type Connection, readConnection } from '../server/connectionFile';
import { provesToken } from '../server/healthProof';

export class NotRunningError extends Error {}

/** Talks to a running Cadence service through its local API (node:http: it starts faster than fetch). */
export class ApiClient {
  private proof: Promise<boolean> | null = null;

  private constructor(
    private readonly connection: Connection,
    private readonly dataDir: string,
  ) {}

  static open(dataDir: string): ApiClient {
    const connection = readConnection(dataDir);
    if (!connection) throw new NotRunningError(`Cadence is not running (no service found for ${dataDir}).`);
    return new ApiClient(connection, dataDir);
  }

  /** The token goes only to a service that has proved it holds it (service.json may be stale). */
  private async proven(): Promise<void> {
    this.proof ??= provesToken(this.connection.port, this.connection.token, 3000);
    if (await this.proof) return;
    throw new NotRunningError(
      `Cadence is not running for ${this.dataDir} (what answers at ${this.connection.url} is not it; your token was not sent).`,
    );
  }

  command<C extends CommandName>(name: C, input: CommandInput<C>): Promise<ApiResult<CommandResult<C>>> {
    return this.post(`/api/command/${name}`, input);
  }

  /** `maxBytes`: an answer longer than that is given up on (an error), for a caller that expects a short one. */
  query<Q extends QueryName>(
    name: Q,
    input: QueryInput<Q>,
    maxBytes = Infinity,
  ): Promise<ApiResult<QueryResult<Q>>> {
    return this.post(`/api/query/${name}`, input, maxBytes);
  }

  /** A one-time address that opens the window (it carries no token; see main/server/windowLinks.ts). */
  windowLink(): Promise<ApiResult<{ url: string }>> {
    return this.post('/api/window', {});
  }

  /** The data folder of the service this client talks to. */
  get folder(): string {
    return this.dataDir;
  }

  /** The address with the token, for the user's own terminal only (never a command line); null for the desktop app. */
  get windowUrl(): string | null {
    return this.connection.servesWindow ? `${this.connection.url}/#token=${this.connection.token}` : null;
  }

  /** The service answers in the contract's shapes; what it sends is trusted as the contract's. */
  private async post<T>(path: string, input: unknown, maxBytes = Infinity): Promise<ApiResult<T>> {
    await this.proven();
    const body = JSON.stringify(input);
    const { port, token, url } = this.connection;
    return new Promise((resolve, reject) => {
      // A deadline for the whole answer, not only for each silence between its bytes.
      const deadline = setTimeout(() => request.destroy(new Error('timeout')), 5000);
      const request = http.request(
        {
          host: '127.0.0.1',
          port,
          path,
          method: 'POST',
          timeout: 5000,
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          let size = 0;
          response.on('data', (chunk: Buffer) => {
            chunks.push(chunk);
            size += chunk.length;
            if (size > maxBytes) request.destroy(new Error('answer too long'));
          });
          response.on('end', () => {
            clearTimeout(deadline);
            let answer: ApiResult<T>;
            try {
              answer = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            } catch {
              reject(
                new Error(`Cadence answered with something that is not JSON (HTTP ${response.statusCode}).`),
              );
              return;
            }
            resolve(answer);
          });
        },
      );
      request.on('timeout', () => request.destroy(new Error('timeout')));
      request.on('error', () => {
        clearTimeout(deadline);
        reject(new NotRunningError(`Cadence is not running (nothing answers at ${url}).`));
      });
      request.on('close', () => clearTimeout(deadline));
      request.end(body);
    });
  }
}
