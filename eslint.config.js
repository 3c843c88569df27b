import tseslint from 'typescript-eslint';
import cadenceRules from './eslint/importCycles.js';

const electronOnly = { name: 'electron', message: 'Only main/electron/ may import electron.' };
const noEscapeCasts = [
  'error',
  {
    selector: "TSAsExpression[typeAnnotation.type='TSNeverKeyword']",
    message: 'No `as never`: narrow on the contract instead.',
  },
  {
    selector: "TSAsExpression > TSAsExpression[typeAnnotation.type='TSUnknownKeyword']",
    message: 'No `as unknown as`: narrow on the contract instead.',
  },
];
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'http', 'crypto', 'child_process', 'net', 'url', 'util'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-output/**'] },
  ...tseslint.configs.recommended,
  // CommonJS on purpose (the `cadence` launcher, main/bin/cadence.cjs): it starts without the ES module loader.
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [electronOnly] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnly, 'react', 'zustand'],
          patterns: [
            { group: nodeBuiltins, message: 'shared/ is pure: no Node built-ins.' },
            {
              group: ['**/main/**', '**/renderer/**', '../main/*', '../renderer/*'],
              message: 'shared/ imports nothing above it.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'setTimeout', 'setInterval'],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Take the time as an argument.' },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnly],
          patterns: [
            { group: nodeBuiltins, message: 'The renderer runs in a browser: no Node built-ins.' },
            {
              group: ['**/main/**'],
              message: 'The renderer talks to the core only through the CompanionAPI bridge.',
            },
          ],
        },
      ],
    },
  },
  {
    // The window's first bundle carries no validator: zod's eval probe is a CSP violation in the desktop
    // app, and its weight slows the first screen. Views that validate load it late (import()).
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/shared/contract', '**/shared/settings', '**/shared/intents', '**/shared/validationWords'],
              allowTypeImports: true,
              message: 'Types only: these modules hold the schemas (zod). Constants the window needs live in shared/wireWords.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnly],
          patterns: [
            {
              group: ['**/electron/**', '../server/*', '../headless/*'],
              message: 'main/core/ sits below the shells.',
            },
            {
              group: [
                '../providers/slack/*',
                '../providers/google/*',
                '../providers/microsoft/*',
                '../providers/createProvider',
              ],
              message: 'The core gets its providers from the composition root (a ProviderFactory).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/base/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnly],
          patterns: [
            { group: ['../*/**', '../../*'], message: 'main/base/ sits below everything in main/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/auth/**/*.ts', 'main/providers/**/*.ts', 'main/net/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnly],
          patterns: [
            {
              group: ['**/core/*', '**/electron/*', '**/server/*', '**/headless/*', '**/cli/*'],
              message: 'Sign-in and providers sit below the core: what both need belongs in main/base/.',
            },
          ],
        },
      ],
    },
  },
  { files: ['main/electron/**/*.ts'], rules: { 'no-restricted-imports': 'off' } },
  {
    // Each file's dependencies run one way (eslint/importCycles.js).
    files: ['main/**/*.ts', 'shared/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    plugins: { cadence: cadenceRules },
    rules: { 'cadence/no-import-cycle': 'error' },
  },
  // The core stays small enough to read: a job that would push a file past this gets its own module.
  { files: ['main/core/**/*.ts'], rules: { 'max-lines': ['error', { max: 300 }] } },
  { files: ['main/**/*.ts', 'renderer/**/*.{ts,tsx}'], rules: { 'no-restricted-syntax': noEscapeCasts } },
);
