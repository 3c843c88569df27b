// A lint rule of Cadence's own: a file's imports run one way. It follows every static import and
// re-export between the project's files (type-only ones too: a loop of types is still a loop for a
// reader) and reports the import that leads back to the file being linted, with the whole loop.
// Dynamic `import()` is left out: it is how a module is loaded late on purpose.
import fs from 'node:fs';
import path from 'node:path';

const STATIC_IMPORT = /(?:^|[\n;])\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\sfrom\s*)?['"](\.{1,2}\/[^'"]+)['"]/g;
const EXTENSIONS = ['.ts', '.tsx', '.js', '.mjs', '/index.ts', '/index.tsx'];

/** One lint run reads each file once. */
const importsOf = new Map();

function resolve(from, specifier) {
  const base = path.resolve(path.dirname(from), specifier);
  const candidates = [base, ...EXTENSIONS.map((ext) => base + ext)];
  // "./x.js" written for a TypeScript file "./x.ts".
  if (/\.js$/.test(base)) candidates.push(base.replace(/\.js$/, '.ts'));
  return candidates.find((file) => fs.existsSync(file) && fs.statSync(file).isFile()) ?? null;
}

function dependencies(file) {
  let found = importsOf.get(file);
  if (found) return found;
  found = [];
  let source = '';
  try {
    source = fs.readFileSync(file, 'utf8');
  } catch {
    source = '';
  }
  for (const match of source.matchAll(STATIC_IMPORT)) {
    const target = resolve(file, match[1]);
    if (target && !target.includes(`${path.sep}node_modules${path.sep}`)) found.push(target);
  }
  importsOf.set(file, (found = [...new Set(found)]));
  return found;
}

/** The shortest chain of imports from `start` back to `goal`, or null. */
function pathBack(start, goal) {
  const cameFrom = new Map([[start, null]]);
  const queue = [start];
  while (queue.length) {
    const file = queue.shift();
    for (const next of dependencies(file)) {
      if (next === goal) {
        const chain = [file];
        for (let at = cameFrom.get(file); at; at = cameFrom.get(at)) chain.unshift(at);
        return chain;
      }
      if (!cameFrom.has(next)) {
        cameFrom.set(next, file);
        queue.push(next);
      }
    }
  }
  return null;
}

export const noImportCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'A file may not import, through any chain of imports, a file that imports it.' },
    messages: {
      cycle: 'Import loop: {{loop}}. Dependencies run one way: move what both need into a module both import.',
    },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const root = context.cwd;
    const name = (f) => path.relative(root, f);
    const check = (node) => {
      const specifier = node.source?.value;
      if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
      const target = resolve(file, specifier);
      if (!target) return;
      const chain = target === file ? [] : pathBack(target, file);
      if (chain === null) return;
      const loop = [file, ...(target === file ? [] : chain), file].map(name).join(' → ');
      context.report({ node: node.source, messageId: 'cycle', data: { loop } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};

export default { rules: { 'no-import-cycle': noImportCycle } };
