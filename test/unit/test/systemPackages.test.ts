import { describe, expect, it } from 'vitest';
import { missingPackages } from '../../systemPackages.js';

describe("npm test's system packages", () => {
  it('names Chromium when the browser is not where the tests look for it', () => {
    expect(missingPackages({ CHROMIUM_PATH: '/nonexistent/chromium' })).toContain('chromium');
    expect(missingPackages({ CHROMIUM_PATH: process.execPath })).not.toContain('chromium');
  });
});
