/**
 * What other programs take from the language server package: the custom LSP messages it speaks and the
 * Node flags it is started with. The server itself is `bin.js` (`omnichannel-language-server --stdio`).
 */
export * from './protocol';
export * from './server-process';
