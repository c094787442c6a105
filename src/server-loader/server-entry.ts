/**
 * The language server as the VSIX ships it (`dist/server.js`): started plainly (`node dist/server.js
 * --stdio`, or through the code cache of server-main.js) it is the language server package's server.
 *
 * It is also the builder of the server's V8 startup snapshot. Run once per runtime as
 * `node --snapshot-blob <file> --build-snapshot dist/server.js`, it loads the parser and the analysis and
 * analyses a small form script, so their code and state are in the heap V8 saves. A server started with
 * `--snapshot-blob <file>` then begins with all of that in place and only starts the connection, instead
 * of loading and compiling 10 MB of JavaScript.
 *
 * Started with the argument `--verify-snapshot`, the deserialised process prints `ok` and exits: the
 * builder's last step, which proves this runtime accepts the file before it is ever used.
 *
 * Its TypeScript is the parser alone, made from the installed typescript.js at build time
 * (scripts/lib/parser-only-typescript.mjs): the bundle is about a fifth of what it was.
 */
import * as v8 from 'node:v8';
import { DEFAULT_SETTINGS, OmnichannelDocument, analyze, completions, hover, signatureHelp } from '@omnichannel-tools/core';
// Loaded (not started) here, so the protocol library is in the snapshot's heap too; the server module
// below finds it already loaded.
import 'vscode-languageserver/node';

const SAMPLE = [
  'function onLoad(executionContext) {',
  '  const formContext = executionContext.getFormContext();',
  '  const oc = window.top.Microsoft.Omnichannel;',
  '  return oc.linkToConversation("incident", formContext.data.entity.getId())',
  '    .then(() => Microsoft.Apm.getFocusedSession().getFocusedTab().refresh(), error => console.error(error));',
  '}',
  '',
].join('\n');

function warm(): void {
  for (const name of ['warm.js', 'warm.ts']) {
    const doc = new OmnichannelDocument(name, SAMPLE);
    analyze(doc, DEFAULT_SETTINGS);
    const offset = SAMPLE.indexOf('linkToConversation') + 2;
    completions(doc, offset);
    hover(doc, offset);
    signatureHelp(doc, SAMPLE.indexOf('"incident"'));
  }
}

function main(): void {
  if (process.argv.includes('--verify-snapshot')) {
    // The restored heap must still analyse: the parser's and the rules' state came through whole.
    analyze(new OmnichannelDocument('verify.js', SAMPLE.replace('"incident"', '"case"')), DEFAULT_SETTINGS);
    process.stdout.write('ok\n');
    return;
  }
  // The server module starts its connection when it is loaded: loaded here, after deserialisation, it
  // reads this process's arguments (--node-ipc, --stdio) and streams, not the builder's.
  require('@omnichannel-tools/language-server/out/src/server');
}

// The bundle's document (and so its parser-only TypeScript), for the test that holds its trees to those of
// the installed TypeScript. Loading the bundle still runs `main` below. (No `export`: a snapshot is built
// without `module`, which esbuild's export would write to.)
if (typeof module !== 'undefined') module.exports = { OmnichannelDocument };

if (v8.startupSnapshot.isBuildingSnapshot()) {
  warm();
  v8.startupSnapshot.setDeserializeMainFunction(main);
} else {
  main();
}
