import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// `cadence status` on its shortest path (main/cli/quickStatus.ts): one CommonJS file beside the CLI that
// the launcher (main/bin/cadence.cjs) requires without Node's ES module loader. Built after electron-vite,
// into the same folder, which it must not empty.
export default defineConfig({
  build: {
    ssr: resolve(import.meta.dirname, 'main/cli/quickStatus.ts'),
    outDir: 'out/main',
    emptyOutDir: false,
    target: 'node20',
    minify: false,
    rollupOptions: {
      output: {
        format: 'cjs',
        entryFileNames: 'quickStatus.cjs',
        charset: 'ascii',
        comments: { legal: true, annotation: false, jsdoc: false },
      },
    },
  },
});
