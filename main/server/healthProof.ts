import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

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

/** Asks whatever listens on a port whether it is the Cadence of this token; never sends the token. */
export async function provesToken(port: number, token: string, timeoutMs = 1000): Promise<boolean> {
  const challenge = newChallenge();
  try {
    const response = await fetch(`http://127.0.0.1:${port}/api/health?challenge=${challenge}`, {
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) return false;
    const body: unknown = await response.json();
    const value = typeof body === 'object' && body !== null && 'value' in body ? body.value : null;
    const proof = typeof value === 'object' && value !== null && 'proof' in value ? value.proof : null;
    return isProof(token, challenge, proof);
  } catch {
    return false;
  }
}
