import { createHash } from 'node:crypto';

/** A service's id as a key: a long one (Outlook's, a Google instance's) by its digest, to keep keys short. */
export function keyOf(service: string, id: string): string {
  return id.length <= 100
    ? `${service}:${id}`
    : `${service}:#${createHash('sha256').update(id).digest('base64url')}`;
}
