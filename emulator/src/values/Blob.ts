// Apex Blob: a collection of binary data, stored as bytes.
//
// Apex Developer Guide, "Primitive Data Types": "Blob: A collection of binary data stored as a single object. You can
// convert this data type to String or from String using the toString and valueOf methods, respectively."
// Apex Reference, "Blob Class": size(), toString(), valueOf(stringToBlob), toPdf(stringToConvert).

import { ApexPlatformError } from '../errors';

/**
 * UTF-8 encoding of a Java (UTF-16) string, as String.getBytes(UTF_8): an unpaired surrogate becomes '?' (0x3F), the
 * replacement Java's encoder uses (TextEncoder would write U+FFFD instead).
 */
export function utf8Encode(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 3);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      out[n++] = c;
    } else if (c < 0x800) {
      out[n++] = 0xc0 | (c >> 6);
      out[n++] = 0x80 | (c & 0x3f);
    } else if (c >= 0xd800 && c <= 0xdfff) {
      const next = s.charCodeAt(i + 1);
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        i++;
        out[n++] = 0xf0 | (c >> 18);
        out[n++] = 0x80 | ((c >> 12) & 0x3f);
        out[n++] = 0x80 | ((c >> 6) & 0x3f);
        out[n++] = 0x80 | (c & 0x3f);
      } else {
        out[n++] = 0x3f;
      }
    } else {
      out[n++] = 0xe0 | (c >> 12);
      out[n++] = 0x80 | ((c >> 6) & 0x3f);
      out[n++] = 0x80 | (c & 0x3f);
    }
  }
  return out.slice(0, n);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Strict UTF-8 decoding. Blob.toString() on bytes that are not UTF-8 throws
 * `System.StringException: BLOB is not a valid UTF-8 string` (the org's message).
 */
export function utf8DecodeStrict(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw new ApexPlatformError('System.StringException', 'BLOB is not a valid UTF-8 string');
  }
}

/** An Apex Blob value. Immutable by convention: nothing in the emulator writes to `bytes` after construction. */
export class ApexBlob {
  readonly bytes: Uint8Array;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }

  /** Blob.valueOf(stringToBlob): "Casts the specified String to a Blob." (UTF-8) */
  static valueOf(s: string): ApexBlob {
    return new ApexBlob(utf8Encode(s));
  }

  /** size(): "Returns the number of characters in the Blob." (bytes) */
  size(): number {
    return this.bytes.length;
  }

  /** toString(): "Casts the Blob into a String." (UTF-8; invalid bytes throw StringException) */
  toApexString(): string {
    return utf8DecodeStrict(this.bytes);
  }

  /**
   * String.valueOf(blob) / `'' + blob` / System.debug: 'Blob[<size>]' — the Object form, not the content (the
   * contents need blob.toString()).
   */
  toString(): string {
    return `Blob[${this.bytes.length}]`;
  }

  equals(o: ApexBlob): boolean {
    if (this.bytes.length !== o.bytes.length) return false;
    for (let i = 0; i < this.bytes.length; i++) if (this.bytes[i] !== o.bytes[i]) return false;
    return true;
  }
}
