import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/**
 * The window's code (src/window.tsx, imported by the entry once the store has asked for the day) is
 * named in the page as a module preload, with what it imports: it downloads beside the small entry
 * instead of after it, while the first questions to Cadence are already on their way.
 */
function preloadWindow(): Plugin {
  return {
    name: 'cadence-preload-window',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const chunks = new Map(
          Object.values(context.bundle ?? {}).flatMap((item) =>
            item.type === 'chunk' ? [[item.fileName, item]] : [],
          ),
        );
        const window = [...chunks.values()].find((chunk) =>
          chunk.facadeModuleId?.endsWith('/renderer/src/window.tsx'),
        );
        if (!window) throw new Error('The window chunk (renderer/src/window.tsx) is missing from the build.');
        const files = new Set<string>();
        const add = (fileName: string): void => {
          const chunk = chunks.get(fileName);
          if (!chunk || chunk.isEntry || files.has(fileName)) return;
          files.add(fileName);
          for (const imported of chunk.imports) add(imported);
        };
        add(window.fileName);
        return [...files].map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` },
          injectTo: 'head' as const,
        }));
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
      reportCompressedSize: true,
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
