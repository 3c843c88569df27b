#!/usr/bin/env node
// Renders every icon from the drawings in main/electron/build: from icon.svg, before packaging,
// icon.png (1024 px, from which electron-builder makes the macOS .icns and the Windows .ico) and the
// Linux sizes in icons/NxN.png; with --tray, after each build, the tray icons from tray.svg (cut from
// the same drawing) into out/tray. The rasteriser is resvg (@resvg/resvg-js).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];

export async function renderIcons(svgFile, outDir) {
  const { Resvg } = await import('@resvg/resvg-js');
  const svg = readFileSync(svgFile);
  const render = (size) =>
    new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng();
  mkdirSync(join(outDir, 'icons'), { recursive: true });
  const written = [join(outDir, 'icon.png')];
  writeFileSync(written[0], render(1024));
  for (const size of LINUX_SIZES) {
    const file = join(outDir, 'icons', `${size}x${size}.png`);
    writeFileSync(file, render(size));
    written.push(file);
  }
  return written;
}

/** The availability colours, as main/electron/trayIcon.ts has them (a test keeps the two equal). */
export const TRAY_COLOURS = {
  focus: '#5a48c0',
  meeting: '#9a5b00',
  lunch: '#1d7a4f',
  working: '#1f65b5',
  off: '#5c6678',
};

/** Tray sizes: 16 px with its @2x (macOS, Windows) and 24 px (Linux panels). */
export const TRAY_SIZES = [16, 24, 32];

/**
 * The tray icons, from tray.svg: each mode in its colour, and the macOS template (black, the shape in
 * the alpha), at every tray size, as tray/<mode>-<size>.png and tray/template-<mode>-<size>.png.
 */
export async function renderTrayIcons(svgFile, outDir) {
  const { Resvg } = await import('@resvg/resvg-js');
  const drawing = readFileSync(svgFile, 'utf8');
  mkdirSync(join(outDir, 'tray'), { recursive: true });
  const written = [];
  for (const [mode, colour] of Object.entries(TRAY_COLOURS)) {
    const shape = mode === 'off' ? drawing.replace(/<circle id="now"[^>]*\/>/, '') : drawing;
    for (const [name, fill] of [
      [mode, colour],
      [`template-${mode}`, '#000000'],
    ]) {
      const svg = shape.replaceAll('#000000', fill);
      for (const size of TRAY_SIZES) {
        const file = join(outDir, 'tray', `${name}-${size}.png`);
        writeFileSync(file, new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng());
        written.push(file);
      }
    }
  }
  return written;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const build = join(root, 'main', 'electron', 'build');
  if (process.argv.includes('--tray')) {
    // Into the built app (out/), beside out/main, so that the package carries them.
    const written = await renderTrayIcons(join(build, 'tray.svg'), join(root, 'out'));
    console.log(`Rendered ${written.length} tray icons from tray.svg.`);
  } else {
    const written = await renderIcons(join(build, 'icon.svg'), build);
    console.log(`Rendered ${written.length} icons from icon.svg.`);
  }
}
