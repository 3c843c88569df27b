import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppRequest } from '../../../../main/electron/appProtocol';

const root = path.resolve('/opt/Cadence/resources/app.asar/out/renderer');

describe('the app:// scheme serves the window and nothing else', () => {
  it('serves index.html at the root and assets under the renderer folder', () => {
    expect(resolveAppRequest('app://cadence/', root)).toEqual({ file: path.join(root, 'index.html') });
    expect(resolveAppRequest('app://cadence/assets/index-abc.js', root)).toEqual({
      file: path.join(root, 'assets', 'index-abc.js'),
    });
  });

  it('refuses a sibling folder that shares the name’s first letters', () => {
    expect(resolveAppRequest('app://cadence/..%2Frenderer-old%2Fsecret.txt', root)).toMatchObject({
      status: 404,
    });
    // Dot segments written as %2e are folded by the URL parser first: what is left stays inside.
    expect(resolveAppRequest('app://cadence/%2e%2e/%2e%2e/main/index.js', root)).toEqual({
      file: path.join(root, 'main', 'index.js'),
    });
    expect(resolveAppRequest('app://cadence/x/..%2f..%2f..%2fmain%2findex.js', root)).toMatchObject({
      status: 404,
    });
  });

  it('refuses other hosts, and answers 400 to a malformed escape or a NUL', () => {
    expect(resolveAppRequest('app://evil/index.html', root)).toMatchObject({ status: 404 });
    expect(resolveAppRequest('app://cadence/%E0%A4%A', root)).toEqual({
      status: 400,
      reason: 'malformed escape',
    });
    expect(resolveAppRequest('app://cadence/index.html%00.png', root)).toMatchObject({ status: 400 });
  });
});
