import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/**
 * The page names the window's code as module preloads. First the code of the first screen
 * (src/window.tsx, imported by the entry once the store has asked for the day, and what it imports): it
 * downloads beside the small entry instead of after it, while the first questions to Cadence are on their
 * way. Then the code of the parts loaded later (the other views, the ritual, the first-run form): off the
 * first screen's path, but fetched while the page loads, so that a window once opened can show each of
 * its views even if Cadence stops a moment later. (Their styles are in the one stylesheet, see below.)
 * The entry script and the preloads go at the end of the body, after the root: a module script runs
 * after parsing wherever it stands, and the first screen the service writes into the root is parsed
 * (and shown) before the browser turns to any of the code.
 */
function preloadWindow(): Plugin {
  return {
    name: 'cadence-preload-window',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const chunks = new Map(
          Object.values(context.bundle ?? {}).flatMap((item) =>
            item.type === 'chunk' ? [[item.fileName, item]] : [],
          ),
        );
        const window = [...chunks.values()].find((chunk) =>
          chunk.facadeModuleId?.endsWith('/renderer/src/window.tsx'),
        );
        if (!window) throw new Error('The window chunk (renderer/src/window.tsx) is missing from the build.');
        const closure = (fileName: string, into: Set<string>, skip: Set<string>): void => {
          const chunk = chunks.get(fileName);
          if (!chunk || chunk.isEntry || into.has(fileName) || skip.has(fileName)) return;
          into.add(fileName);
          for (const imported of chunk.imports) closure(imported, into, skip);
        };
        const first = new Set<string>();
        closure(window.fileName, first, new Set());
        // The window's own lazy parts, one level: a part's own lazy code (the week's charts) stays lazy.
        const later = new Set<string>();
        for (const part of window.dynamicImports) closure(part, later, first);
        const entry = /\s*<script type="module" crossorigin src="[^"]+"><\/script>/.exec(html);
        if (!entry || !html.includes('</body>')) throw new Error('The page has no entry script or no body.');
        // The first screen's code is compiled as it arrives (modulepreload); the later parts' is only
        // fetched (preload, after what the first screen needs), into the cache, and compiled when the
        // browser is idle or the part is opened.
        const preloads = [
          ...[...first].map((file) => `<link rel="modulepreload" crossorigin href="./${file}">`),
          ...[...later].map(
            (file) => `<link rel="preload" as="script" crossorigin fetchpriority="low" href="./${file}">`,
          ),
        ];
        return html
          .replace(entry[0], '')
          .replace('</body>', `  ${[entry[0].trim(), ...preloads].join('\n    ')}\n  </body>`);
      },
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // zod is bundled (the rest stays in node_modules): as about a hundred ES modules with every
      // locale it cost the idle service some 7 MB; bundled, only what the schemas use is loaded.
      externalizeDeps: { exclude: ['zod', 'luxon'] },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'main/electron/main.ts'),
          cli: resolve(__dirname, 'main/cli/cadence.ts'),
        },
        // V8 keeps every module's source in memory for as long as it runs: one non-Latin-1 character ("—")
        // makes it keep a whole chunk as two bytes a character, and doc comments are source too. ASCII
        // escapes and no doc comments halve what the idle service holds of its own code.
        output: { charset: 'ascii', comments: { legal: true, annotation: false, jsdoc: false } },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // Sandboxed preloads must be CommonJS.
      rollupOptions: {
        input: { index: resolve(__dirname, 'main/electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react(), preloadWindow()],
    build: {
      outDir: 'out/renderer',
      minify: true,
      // One stylesheet, as before the views were split off: a view shown while Cadence is unreachable
      // needs no stylesheet it cannot fetch, and the cascade's order stays that of the imports.
      cssCodeSplit: false,
      reportCompressedSize: true,
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
