import { describe, expect, it } from 'vitest';
import { WINDOW_LINK_MS, WindowLinks } from '../../../../main/server/windowLinks';

describe('one-time window links', () => {
  it('open the window once, within a minute, and are worth nothing after', () => {
    let now = 1_000_000;
    const links = new WindowLinks(() => now);
    const used = links.issue();
    expect(links.redeem(used)).toBe(true);
    expect(links.redeem(used)).toBe(false);
    const stale = links.issue();
    now += WINDOW_LINK_MS + 1;
    expect(links.redeem(stale)).toBe(false);
    const fresh = links.issue();
    now += WINDOW_LINK_MS - 1;
    expect(links.redeem(fresh)).toBe(true);
    expect(links.redeem('made-up')).toBe(false);
  });

  it('keep only a few waiting: the oldest gives way', () => {
    const links = new WindowLinks(() => 0);
    const first = links.issue();
    const rest = Array.from({ length: 16 }, () => links.issue());
    expect(links.redeem(first)).toBe(false);
    expect(rest.every((nonce) => links.redeem(nonce))).toBe(true);
  });
});
