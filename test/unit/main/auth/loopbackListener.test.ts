import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { listenLoopback, LoopbackPortsBusy } from '../../../../main/auth/loopbackListener';

const servers: http.Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

/** A port another program holds. */
async function taken(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return (server.address() as AddressInfo).port;
}

describe('the sign-in’s loopback listener with fixed ports', () => {
  it('listens on the first free one of the registered ports, on localhost', async () => {
    const busy = await taken();
    const probe = await taken();
    await new Promise((resolve) => servers.pop()!.close(resolve));
    const { servers: listening, redirectUri } = await listenLoopback({
      host: 'localhost',
      path: '/callback',
      ports: [busy, probe],
    });
    servers.push(...listening);
    expect(redirectUri).toBe(`http://localhost:${probe}/callback`);
  });

  it('refuses in words, naming the ports, when none is free', async () => {
    const ports = [await taken(), await taken(), await taken()];
    const outcome = await listenLoopback({ host: 'localhost', path: '/callback', ports }).catch(
      (error: unknown) => error,
    );
    expect(outcome).toBeInstanceOf(LoopbackPortsBusy);
    expect((outcome as Error).message).toBe(
      `The sign-in comes back to this computer on port ${ports[0]}, ${ports[1]} or ${ports[2]}, and all of them are in use by another program. Close the program using them (or finish the other sign-in), then press Connect again.`,
    );
  });
});

describe('the sign-in’s loopback listener on IPv6', () => {
  it('never leaves ::1 to another program: a port held there is passed over', async () => {
    const other = http.createServer();
    const v6 = await new Promise<boolean>((resolve) => {
      other.once('error', () => resolve(false));
      other.listen(0, '::1', () => resolve(true));
    });
    if (!v6) {
      console.warn('skipped: this machine has no IPv6 loopback (::1), so no program can hold it');
      return;
    }
    servers.push(other);
    const held = (other.address() as AddressInfo).port;
    const free = await taken();
    await new Promise((resolve) => servers.pop()!.close(resolve));
    const { servers: listening, redirectUri } = await listenLoopback({
      host: 'localhost',
      path: '/callback',
      ports: [held, free],
    });
    servers.push(...listening);
    // A browser resolving localhost to ::1 on the first port would have reached the other program.
    expect(redirectUri).toBe(`http://localhost:${free}/callback`);
    expect(listening.map((server) => (server.address() as AddressInfo).address).sort()).toEqual([
      '127.0.0.1',
      '::1',
    ]);
  });
});
