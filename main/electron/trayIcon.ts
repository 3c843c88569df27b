import type { Mode } from '../../shared/availability';

/** The availability colours, the same values as the window's CSS custom properties (light theme). */
export const MODE_COLOURS: Record<Mode, string> = {
  focus: '#5a48c0',
  meeting: '#9a5b00',
  lunch: '#1d7a4f',
  working: '#1f65b5',
  off: '#5c6678',
};

function rgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/**
 * A tray icon as a raw BGRA bitmap (what nativeImage.createFromBitmap takes, with premultiplied alpha,
 * as Skia's N32 bitmaps are): a filled disc in the mode's colour; a ring for "off". Each colour
 * channel is scaled by its pixel's coverage, or the anti-aliased edge shows a bright fringe.
 * macOS template images use black, with alpha carrying the shape.
 */
export function trayBitmap(mode: Mode, size: number, template = false): Buffer {
  const [r, g, b] = template ? [0, 0, 0] : rgb(MODE_COLOURS[mode]);
  const buffer = Buffer.alloc(size * size * 4);
  const centre = (size - 1) / 2;
  const outer = size * 0.42;
  const inner = mode === 'off' ? size * 0.26 : -1;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const distance = Math.hypot(x - centre, y - centre);
      const coverage =
        Math.max(0, Math.min(1, outer + 0.5 - distance)) * Math.max(0, Math.min(1, distance - inner + 0.5));
      const offset = (y * size + x) * 4;
      buffer[offset] = Math.round(b * coverage);
      buffer[offset + 1] = Math.round(g * coverage);
      buffer[offset + 2] = Math.round(r * coverage);
      buffer[offset + 3] = Math.round(coverage * 255);
    }
  }
  return buffer;
}

/** Sizes per platform: 16 and 32 px (@2x) on macOS and Windows, 24 px on Linux panels. */
export function traySizes(platform: NodeJS.Platform): number[] {
  return platform === 'linux' ? [24] : [16, 32];
}
