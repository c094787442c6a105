/** Test helper: a document from source with the cursor marked by `|`. */
import { OmnichannelDocument } from '../../src/document';

export function withCursor(marked: string, fileName = 'form.js'): { doc: OmnichannelDocument; offset: number } {
  const offset = marked.indexOf('|');
  if (offset < 0) throw new Error('mark the cursor with |');
  return { doc: new OmnichannelDocument(fileName, marked.slice(0, offset) + marked.slice(offset + 1)), offset };
}
