import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

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
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      minify: true,
      reportCompressedSize: true,
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
