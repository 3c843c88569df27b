import { describe, expect, it } from 'vitest';
import { missingPackages } from '../../systemPackages.js';

describe("npm test's system packages", () => {
  it('names Chromium when the browser is not where the tests look for it', () => {
    expect(missingPackages({ CHROMIUM_PATH: '/nonexistent/chromium' })).toContain('chromium');
    expect(missingPackages({ CHROMIUM_PATH: process.execPath })).not.toContain('chromium');
  });

  it('names the X server, xprintidle and xdotool (the Linux activity test) when they are not on the PATH', () => {
    const none = missingPackages({ CHROMIUM_PATH: process.execPath, PATH: '/nonexistent' });
    expect(none).toEqual(['faketime', 'xvfb', 'xprintidle', 'xdotool']);
    const here = missingPackages({ CHROMIUM_PATH: process.execPath, PATH: process.env.PATH });
    expect(here).not.toContain('xvfb');
    expect(here).not.toContain('xprintidle');
    expect(here).not.toContain('xdotool');
  });
});
