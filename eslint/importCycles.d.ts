import type { ESLint, Rule } from 'eslint';

/** A file may not import, through any chain of imports, a file that imports it. */
export const noImportCycle: Rule.RuleModule;
declare const plugin: ESLint.Plugin;
export default plugin;
