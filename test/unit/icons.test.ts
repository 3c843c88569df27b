import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LINUX_SIZES, renderIcons } from '../../main/bin/icons.js';
import { ROOT } from '../fakes/processHarness';
import { tempDir } from '../fakes/serviceHarness';

const out = tempDir('cadence-icons-');
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

/** Width, height and colour type from a PNG's IHDR chunk (PNG spec, 11.2.2). */
function pngHeader(file: string): { width: number; height: number; colourType: number } {
  const data = fs.readFileSync(file);
  expect(data.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20), colourType: data[25]! };
}

describe('app icons, rendered from the one drawing', () => {
  it('renders the 1024 px icon for .icns and .ico, and every Linux size, with transparency', async () => {
    const written = await renderIcons(path.join(ROOT, 'main/electron/build/icon.svg'), out);
    expect(written).toHaveLength(1 + LINUX_SIZES.length);
    expect(pngHeader(path.join(out, 'icon.png'))).toEqual({ width: 1024, height: 1024, colourType: 6 });
    for (const size of LINUX_SIZES)
      expect(pngHeader(path.join(out, 'icons', `${size}x${size}.png`))).toMatchObject({
        width: size,
        height: size,
      });
  });
});
