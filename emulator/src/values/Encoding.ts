// System.EncodingUtil as pure functions over Blob/String (Apex Reference, "EncodingUtil Class").

import { EmulatorUnsupportedError } from '../errors';
import { ApexBlob, utf8DecodeStrict, utf8Encode } from './Blob';

/** base64Encode(inputBlob): "Converts a Blob to an unencoded String representing its normal form." (RFC 4648, padded,
 * no line breaks) */
export function base64Encode(b: ApexBlob): string {
  return Buffer.from(b.bytes.buffer, b.bytes.byteOffset, b.bytes.byteLength).toString('base64');
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * base64Decode(inputString): "Converts a Base64-encoded String to a Blob representing its normal form." Input outside
 * the standard alphabet (whitespace, URL-safe '-' '_', misplaced padding) has undocumented handling: it fails loudly.
 */
export function base64Decode(s: string): ApexBlob {
  if (!BASE64.test(s) || (s.includes('=') && s.length % 4 !== 0) || s.length % 4 === 1) {
    throw new EmulatorUnsupportedError(`EncodingUtil.base64Decode of non-canonical base64 ('${s.slice(0, 40)}')`);
  }
  return new ApexBlob(new Uint8Array(Buffer.from(s, 'base64')));
}

/** convertToHex(inputBlob): "Returns a hexadecimal (base 16) representation of the inputBlob." (lowercase) */
export function convertToHex(b: ApexBlob): string {
  return Buffer.from(b.bytes.buffer, b.bytes.byteOffset, b.bytes.byteLength).toString('hex');
}

/** convertFromHex(inputString): "Converts the specified hexadecimal (base 16) value to a Blob." */
export function convertFromHex(s: string): ApexBlob {
  if (!/^(?:[0-9A-Fa-f]{2})*$/.test(s)) {
    throw new EmulatorUnsupportedError(`EncodingUtil.convertFromHex of an invalid hex string ('${s.slice(0, 40)}')`);
  }
  return new ApexBlob(new Uint8Array(Buffer.from(s, 'hex')));
}

type Charset = 'UTF-8' | 'ISO-8859-1' | 'US-ASCII';

/** java.nio.charset.Charset.forName for the charsets implemented here (names are case-insensitive, aliases too). */
function charset(name: string): Charset {
  switch (name.toUpperCase()) {
    case 'UTF-8':
    case 'UTF8':
      return 'UTF-8';
    case 'ISO-8859-1':
    case 'ISO8859_1':
    case 'LATIN1':
    case 'ISO-LATIN-1':
      return 'ISO-8859-1';
    case 'US-ASCII':
    case 'ASCII':
      return 'US-ASCII';
    default:
      throw new EmulatorUnsupportedError(`character encoding ${name}`);
  }
}

function encodeCharset(s: string, cs: Charset): Uint8Array {
  if (cs === 'UTF-8') return utf8Encode(s);
  const max = cs === 'US-ASCII' ? 0x7f : 0xff;
  const out = new Uint8Array(s.length);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // a surrogate pair is one unmappable character: one '?', as Java's encoder replaces it
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    out[n++] = c <= max ? c : 0x3f;
  }
  return out.slice(0, n);
}

function decodeCharset(bytes: Uint8Array, cs: Charset): string {
  if (cs === 'UTF-8') return new TextDecoder('utf-8').decode(bytes); // Java's decoder replaces bad bytes with U+FFFD
  let s = '';
  for (const b of bytes) s += cs === 'US-ASCII' && b > 0x7f ? '\ufffd' : String.fromCharCode(b);
  return s;
}

function isUnreserved(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) || // a-z
    (c >= 0x41 && c <= 0x5a) || // A-Z
    (c >= 0x30 && c <= 0x39) || // 0-9
    c === 0x2e || // .
    c === 0x2d || // -
    c === 0x2a || // *
    c === 0x5f // _
  );
}

/**
 * urlEncode(inputString, encodingScheme): "Encodes a string into the application/x-www-form-urlencoded format using a
 * specific encoding scheme, for example “UTF-8.”" — java.net.URLEncoder.encode: a-z A-Z 0-9 . - * _ unchanged, space →
 * '+', every other character's bytes in the charset → %XY (uppercase hex).
 */
export function urlEncode(s: string, encodingScheme: string): string {
  const cs = charset(encodingScheme);
  let out = '';
  let run = '';
  const flush = (): void => {
    if (run === '') return;
    for (const b of encodeCharset(run, cs)) out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
    run = '';
  };
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isUnreserved(c)) {
      flush();
      out += s.charAt(i);
    } else if (c === 0x20) {
      flush();
      out += '+';
    } else {
      run += s.charAt(i);
    }
  }
  flush();
  return out;
}

/**
 * urlDecode(inputString, encodingScheme): "Decodes a string in application/x-www-form-urlencoded format using a
 * specific encoding scheme" — java.net.URLDecoder.decode: '+' → space, %XY sequences → bytes decoded in the charset.
 * A malformed escape (Java: IllegalArgumentException "URLDecoder: Illegal hex characters in escape (%) pattern") has
 * no documented Apex exception: it fails loudly.
 */
export function urlDecode(s: string, encodingScheme: string): string {
  const cs = charset(encodingScheme);
  let out = '';
  let i = 0;
  while (i < s.length) {
    const ch = s.charAt(i);
    if (ch === '+') {
      out += ' ';
      i++;
    } else if (ch === '%') {
      const bytes: number[] = [];
      while (i < s.length && s.charAt(i) === '%') {
        const hex = s.slice(i + 1, i + 3);
        if (!/^[0-9A-Fa-f]{2}$/.test(hex)) {
          throw new EmulatorUnsupportedError(`EncodingUtil.urlDecode of a malformed escape in '${s.slice(0, 40)}'`);
        }
        bytes.push(parseInt(hex, 16));
        i += 3;
      }
      out += decodeCharset(new Uint8Array(bytes), cs);
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/** Blob.toString for a blob known to hold UTF-8 text, re-exported for EncodingUtil callers. */
export const blobToUtf8 = (b: ApexBlob): string => utf8DecodeStrict(b.bytes);
