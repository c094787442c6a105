/**
 * The language server's process entry in the VSIX (`dist/server-main.js`): runs `dist/server.js` through
 * V8's code cache kept in `OMNICHANNEL_CODE_CACHE_DIR` (the extension's global storage), or plainly when
 * that is not set. Arguments (`--node-ipc`, `--stdio`) pass through to the server.
 */
import * as path from 'node:path';
import { loadWithCodeCache } from './code-cache';

const bundle = path.join(__dirname, 'server.js');
const cacheDir = process.env['OMNICHANNEL_CODE_CACHE_DIR'];
if (cacheDir) {
  const writeAfter = Number(process.env['OMNICHANNEL_CODE_CACHE_WRITE_AFTER_MS']);
  loadWithCodeCache(bundle, cacheDir, Number.isFinite(writeAfter) && writeAfter > 0 ? writeAfter : undefined);
} else {
  require(bundle);
}
