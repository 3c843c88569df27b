// Loaded with `node --import`: every `import … from 'electron'` in the built main process gets the
// recording stand-in instead of the electron package (which, under plain Node, only exports a path).
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
