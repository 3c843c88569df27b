import { createHash } from 'node:crypto';

/** A service's id as a key: a long one (Outlook's, a Google instance's) by its digest, to keep keys short. */
export function keyOf(service: string, id: string): string {
  return id.length <= 100
    ? `${service}:${id}`
    : `${service}:#${createHash('sha256').update(id).digest('base64url')}`;
}

/**
 * A conversation's part of a contact's key, short: the person's replies are matched to the contacts of
 * their conversation by it (Teams' chat ids are some 60 to 90 characters).
 */
export function conversationKey(service: string, id: string): string {
  const short = id.length <= 60 ? id : `#${createHash('sha256').update(id).digest('base64url').slice(0, 24)}`;
  return `${service}:${short}:`;
}
