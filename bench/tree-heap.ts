/**
 * Run as its own process (`--expose-gc`) by the benchmark: the heap one open 50k-line document holds,
 * measured on a clean heap, so the server's memory can be compared with the floor any TypeScript tree sets.
 * `tree-heap.js <lines> [bundle]`: with a bundle of the core (bench/parser-only.ts), its document and its
 * TypeScript instead of the installed ones.
 */
import { OmnichannelDocument } from '@omnichannel-tools/core';
import { generateWebResource } from './generate';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const Document = process.argv[3] ? (require(process.argv[3]) as { OmnichannelDocument: typeof OmnichannelDocument }).OmnichannelDocument : OmnichannelDocument;
const text = generateWebResource(Number(process.argv[2] ?? 50_000));
gc();
const before = process.memoryUsage().heapUsed;
const doc = new Document('bench.js', text);
gc();
const after = process.memoryUsage().heapUsed;
// The text existed before; what remains is the tree (and its line map once asked for).
process.stdout.write(JSON.stringify({ treeMb: (after - before) / 1024 / 1024, textMb: text.length / 1024 / 1024, statements: doc.sourceFile.statements.length }));
