/**
 * TypeScript as the server bundle hands it to the core: the same module, marked as an ES module
 * namespace. The core's `import * as ts` compiles to tsc's `__importStar`, which copies every export of a
 * module not so marked into a new object of getters: about 2,250 getters (each a closure with its own
 * scope) per importing file, 17,000 in all. They made up about a sixth of the startup snapshot's heap, so
 * of what every start deserialises, and each `ts.` access in those files went through two getters.
 * Marked, `__importStar` returns the module itself. (The bundle's build points `typescript` here.)
 */
import ts = require('typescript');

if (!Object.prototype.hasOwnProperty.call(ts, '__esModule')) Object.defineProperty(ts, '__esModule', { value: true });

export = ts;
