import { Transform, type TransformCallback } from 'node:stream';
import { TextDecoder } from 'node:util';
import * as iconv from 'iconv-lite';

/**
 * How a CSV roster was written: UTF-8 (with or without the byte-order mark Excel's "CSV UTF-8"
 * adds), or GBK / GB18030 (what Excel saves as "CSV" on a Chinese Windows). GB18030 is a superset
 * of GBK, so both decode as GB18030.
 */
export type RosterEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

/** A file that cannot be read as a roster at all (not a decodable CSV, a broken xlsx…). */
export class RosterFileError extends Error {
  constructor(
    readonly code: string,
    en: string,
    readonly zh: string,
  ) {
    super(en);
    this.name = 'RosterFileError';
  }
}

/** How many bytes after the first non-ASCII byte are looked at before choosing (or all that is left). */
const SAMPLE_BYTES = 4096;

/**
 * Whether bytes (starting at the first non-ASCII byte of a file) are UTF-8: strict decoding either
 * succeeds or they are GB18030. `complete` says the sample ends where the file ends; otherwise a
 * multi-byte sequence cut at its end is not held against it.
 */
export function looksLikeUtf8(sample: Uint8Array, complete: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

/**
 * Decodes a CSV byte stream to text, choosing the encoding from the bytes themselves: a UTF-8 BOM,
 * else strict UTF-8 over the first non-ASCII bytes, else GB18030. Until the first non-ASCII byte
 * the two agree, so nothing has to be held back for long; the file is never read whole.
 */
export class RosterDecoder extends Transform {
  private decided: RosterEncoding | undefined;
  private decoder: { write(buf: Buffer): string; end(): string | undefined } | undefined;
  private pending: Buffer = Buffer.alloc(0);
  private atStart = true;

  constructor() {
    super({ readableObjectMode: false, decodeStrings: true, encoding: 'utf8' });
  }

  /** The encoding chosen; plain ASCII files count as UTF-8. */
  get encoding(): RosterEncoding {
    return this.decided ?? 'utf-8';
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.accept(chunk, false);
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    try {
      this.accept(Buffer.alloc(0), true);
      const rest = this.decoder?.end();
      if (rest) this.push(rest, 'utf8');
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  private accept(chunk: Buffer, final: boolean): void {
    if (this.decoder) {
      if (chunk.length > 0) this.emit_(this.decoder.write(chunk));
      return;
    }
    const bytes = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = Buffer.alloc(0);
    if (this.atStart) {
      // Wait for enough bytes to see a byte-order mark.
      if (bytes.length < 3 && !final) {
        this.pending = bytes;
        return;
      }
      this.atStart = false;
      if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
        throw new RosterFileError(
          'IMPORT.UNSUPPORTED_ENCODING',
          'The file is UTF-16 ("Unicode text"); save it from Excel as "CSV UTF-8" or as .xlsx.',
          '文件为 UTF-16（“Unicode 文本”）格式，请在 Excel 中另存为“CSV UTF-8”或 .xlsx。',
        );
      }
      if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
        this.choose('utf-8-bom');
        this.emit_(this.decoder!.write(bytes.subarray(3)));
        return;
      }
    }
    const firstHigh = bytes.findIndex((b) => b >= 0x80);
    if (firstHigh < 0) {
      // Pure ASCII so far: the same text in either encoding.
      this.emit_(bytes.toString('latin1'));
      return;
    }
    if (bytes.length - firstHigh < SAMPLE_BYTES && !final) {
      this.emit_(bytes.subarray(0, firstHigh).toString('latin1'));
      this.pending = Buffer.from(bytes.subarray(firstHigh));
      return;
    }
    const sample = bytes.subarray(firstHigh, firstHigh + SAMPLE_BYTES);
    const complete = final && firstHigh + SAMPLE_BYTES >= bytes.length;
    this.choose(looksLikeUtf8(sample, complete) ? 'utf-8' : 'gb18030');
    this.emit_(this.decoder!.write(bytes));
  }

  private choose(encoding: RosterEncoding): void {
    this.decided = encoding;
    this.decoder = iconv.getDecoder(encoding === 'gb18030' ? 'gb18030' : 'utf8', { stripBOM: false });
  }

  private emit_(text: string): void {
    if (text.length > 0) this.push(text, 'utf8');
  }
}
