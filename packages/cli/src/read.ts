/** Reading source files: the core's reader, shared with the language server. */
export * from '@omnichannel-tools/core/files';
