/**
 * Reads a source file as an editor would: never blocks on a FIFO or device (it is refused before a byte
 * is read), decodes UTF-8 (BOM or not) and UTF-16 LE/BE by their BOM, and can write the same encoding back.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats } from 'node:fs';

export type Encoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be';

export interface SourceText {
  /** The text without its BOM, so offsets and columns are what an editor shows. */
  readonly text: string;
  readonly encoding: Encoding;
  /** False when encoding the text again would not give the file's bytes back (invalid UTF-8, say). */
  readonly roundTrips: boolean;
  readonly stat: Stats;
}

export type ReadResult =
  | { readonly ok: true; readonly source: SourceText }
  | { readonly ok: false; readonly reason: string; readonly tooLarge?: boolean };

/** What a path is when it is not a regular file or folder, in words; undefined for those two. */
export function specialKind(stat: Stats): string | undefined {
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return undefined;
}

/**
 * Reads and decodes `file`. `maxChars` lets a file that is certainly longer than that many characters be
 * refused from its size alone, without reading it (each character takes at most 3 bytes, after a BOM).
 */
export function readSource(file: string, maxChars = Infinity): ReadResult {
  let fd: number;
  try {
    // Non-blocking: opening a FIFO for reading would otherwise wait for a writer forever.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { ok: false, reason: describeError(error) };
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { ok: false, reason: 'it is a folder where a file was expected' };
    const kind = specialKind(stat);
    if (kind) return { ok: false, reason: `it is ${kind}, not a source file, so it was not opened` };
    if ((stat.size - 3) / 3 > maxChars) {
      return { ok: false, tooLarge: true, reason: `${stat.size} bytes, more than omnichannel.maxFileSize (${maxChars} characters): not analysed. Raise the setting to analyse it.` };
    }
    const bytes = readFileSync(fd);
    return decode(bytes, stat);
  } catch (error) {
    return { ok: false, reason: describeError(error) };
  } finally {
    closeSync(fd);
  }
}

export function decode(bytes: Buffer, stat: Stats): ReadResult {
  const encoding = encodingOf(bytes);
  if (encoding === 'utf32') return { ok: false, reason: 'it is UTF-32 text, which is not supported: save it as UTF-8' };
  let text: string;
  // An odd last byte (a truncated UTF-16 file) is dropped; the text then does not round-trip, so --fix leaves it alone.
  if (encoding === 'utf16le') text = evenPart(bytes.subarray(2)).toString('utf16le');
  else if (encoding === 'utf16be') text = Buffer.from(evenPart(bytes.subarray(2))).swap16().toString('utf16le');
  else {
    const body = encoding === 'utf8-bom' ? bytes.subarray(3) : bytes;
    const nul = body.indexOf(0);
    if (nul >= 0) {
      return { ok: false, reason: `it holds a NUL byte (at byte ${nul}): a binary file, or UTF-16 without a byte-order mark. Save it as UTF-8 (or UTF-16 with a BOM)` };
    }
    text = body.toString('utf8');
  }
  const source: SourceText = { text, encoding, roundTrips: false, stat };
  return { ok: true, source: { ...source, roundTrips: encodeText(text, encoding).equals(bytes) } };
}

function encodingOf(bytes: Buffer): Encoding | 'utf32' {
  const [a, b, c, d] = bytes;
  if ((a === 0xff && b === 0xfe && c === 0 && d === 0) || (a === 0 && b === 0 && c === 0xfe && d === 0xff)) return 'utf32';
  if (a === 0xef && b === 0xbb && c === 0xbf) return 'utf8-bom';
  if (a === 0xff && b === 0xfe) return 'utf16le';
  if (a === 0xfe && b === 0xff) return 'utf16be';
  return 'utf8';
}

/** The bytes of `text` in `encoding`, BOM included where the encoding has one. */
export function encodeText(text: string, encoding: Encoding): Buffer {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
  }
}

function evenPart(bytes: Buffer): Buffer {
  return bytes.subarray(0, bytes.length - (bytes.length % 2));
}

/** A readable sentence for a file-system error: what happened, and its code for searching. */
export function describeError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  const words: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ENOENT: 'it does not exist',
    ELOOP: 'a loop of symbolic links',
    EISDIR: 'it is a folder where a file was expected',
    ENOTDIR: 'a part of its path is not a folder',
    EMFILE: 'too many open files',
    EIO: 'an input/output error',
  };
  if (e && typeof e.code === 'string') return `${words[e.code] ?? e.message} (${e.code})`;
  return error instanceof Error ? error.message : String(error);
}
