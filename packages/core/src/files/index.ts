/**
 * Finding and reading the source files of a folder, shared by `omnichannel-lint` and the language
 * server's whole-workspace diagnostics so both see the same files: `.js`, `.jsx`, `.ts`, `.tsx`, `.mjs`,
 * `.cjs` (not `.d.ts`), `node_modules` and `.git` skipped, links followed once, and every file that could
 * not be read reported. Node only; the rest of the core needs no file system.
 */
export * from './read';
export * from './expand';
