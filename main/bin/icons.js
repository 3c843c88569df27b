#!/usr/bin/env node
// Renders every app icon from the one drawing, main/electron/build/icon.svg, before packaging:
// icon.png (1024 px, from which electron-builder makes the macOS .icns and the Windows .ico) and the
// Linux sizes in icons/NxN.png. The rasteriser is resvg (@resvg/resvg-js).
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

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const build = join(dirname(fileURLToPath(import.meta.url)), '..', 'electron', 'build');
  const written = await renderIcons(join(build, 'icon.svg'), build);
  console.log(`Rendered ${written.length} icons from icon.svg.`);
}
