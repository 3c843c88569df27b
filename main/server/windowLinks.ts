import { randomBytes } from 'node:crypto';

/** How long an opening link works, once made: long enough for a browser to start, short enough to go stale. */
export const WINDOW_LINK_MS = 60_000;

const MAX_PENDING = 16;

export const WINDOW_LINK_PATH = /^\/open\/([A-Za-z0-9_-]{1,100})$/;

/**
 * One-time addresses that open the window (`cadence open`). The address goes to a browser on a command
 * line, where every local user can read it (/proc/…/cmdline), so it carries no token: only a nonce that
 * works once, within a minute, and is then worth nothing. The page it opens is handed the token by the
 * service, in the fragment of a redirect (never sent back to a server, removed from the address bar).
 */
export class WindowLinks {
  private readonly pending = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /** A fresh nonce, good once within WINDOW_LINK_MS. */
  issue(): string {
    this.forgetStale();
    // A few at a time is plenty; the oldest gives way.
    if (this.pending.size >= MAX_PENDING) this.pending.delete(this.pending.keys().next().value ?? '');
    const nonce = randomBytes(24).toString('base64url');
    this.pending.set(nonce, this.now() + WINDOW_LINK_MS);
    return nonce;
  }

  /** True once for a nonce issued less than a minute ago; false for any other, and for it ever after. */
  redeem(nonce: string): boolean {
    const until = this.pending.get(nonce);
    this.pending.delete(nonce);
    this.forgetStale();
    return until !== undefined && this.now() <= until;
  }

  private forgetStale(): void {
    const now = this.now();
    for (const [nonce, until] of this.pending) if (until < now) this.pending.delete(nonce);
  }
}
