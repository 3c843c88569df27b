import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LINUX_SIZES, renderIcons, renderTrayIcons, TRAY_COLOURS, TRAY_SIZES } from '../../main/bin/icons.js';
import { MODE_COLOURS } from '../../main/electron/trayIcon';
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

  it('renders the tray icons from the same drawing: each mode in the window’s colour, and the macOS template', async () => {
    expect(TRAY_COLOURS).toEqual(MODE_COLOURS);
    const written = await renderTrayIcons(path.join(ROOT, 'main/electron/build/tray.svg'), out);
    expect(written).toHaveLength(Object.keys(MODE_COLOURS).length * 2 * TRAY_SIZES.length);
    for (const size of TRAY_SIZES) {
      expect(pngHeader(path.join(out, 'tray', `focus-${size}.png`))).toEqual({
        width: size,
        height: size,
        colourType: 6,
      });
      expect(pngHeader(path.join(out, 'tray', `template-off-${size}.png`))).toMatchObject({ width: size });
    }
    // "Off" is the ring without the dot of now: a different, smaller image than "working".
    expect(fs.statSync(path.join(out, 'tray', 'off-32.png')).size).not.toBe(
      fs.statSync(path.join(out, 'tray', 'working-32.png')).size,
    );
  });
});
