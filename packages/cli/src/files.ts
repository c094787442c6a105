/** Expanding files, folders and globs into source files: the core's walker, shared with the language server. */
export * from '@omnichannel-tools/core/files';
