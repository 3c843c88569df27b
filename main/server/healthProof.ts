import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';

/** A fresh challenge for `/api/health?challenge=…`. */
export function newChallenge(): string {
  return randomBytes(24).toString('hex');
}

export const CHALLENGE_PATTERN = /^[0-9a-f]{16,128}$/;

/**
 * What only the Cadence holding this folder's token can answer to a challenge: the client checks it
 * before sending the token, so the token never reaches another program on a recorded port.
 */
export function healthProof(token: string, challenge: string): string {
  return createHmac('sha256', token).update(`cadence-health:${challenge}`).digest('hex');
}

export function isProof(token: string, challenge: string, proof: unknown): boolean {
  if (typeof proof !== 'string') return false;
  const expected = Buffer.from(healthProof(token, challenge));
  const given = Buffer.from(proof);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Asks whatever listens on a port whether it is the Cadence of this token; never sends the token.
 * (node:http rather than fetch: the CLI starts faster without fetch's parser.)
 */
export function provesToken(port: number, token: string, timeoutMs = 1000): Promise<boolean> {
  const challenge = newChallenge();
  return new Promise((resolve) => {
    // A deadline for the whole answer: `timeout` alone waits on, one trickled byte after another.
    const deadline = setTimeout(() => request.destroy(), timeoutMs);
    const settle = (proven: boolean) => {
      clearTimeout(deadline);
      resolve(proven);
    };
    const request = http.get(
      { host: '127.0.0.1', port, path: `/api/health?challenge=${challenge}`, timeout: timeoutMs },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          text += chunk;
          if (text.length > 4096) request.destroy();
        });
        response.on('end', () =>
          settle(response.statusCode === 200 && isProof(token, challenge, proofIn(text))),
        );
        response.on('error', () => settle(false));
        response.on('close', () => settle(false));
      },
    );
    request.on('timeout', () => request.destroy());
    request.on('error', () => settle(false));
  });
}

function proofIn(text: string): unknown {
  try {
    const body: unknown = JSON.parse(text);
    const value = typeof body === 'object' && body !== null && 'value' in body ? body.value : null;
    return typeof value === 'object' && value !== null && 'proof' in value ? value.proof : null;
  } catch {
    return null;
  }
}
