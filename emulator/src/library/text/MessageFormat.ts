// String.format(stringToFormat, formattingArguments) — Apex Reference, String Class: "The substitution and formatting
// are the same as apex:outputText and the Java MessageFormat class. Non-string types in the second argument's List are
// implicitly converted to strings, respecting the toString() method overrides that exist on the type." The
// interpreter therefore passes the arguments already converted to Strings (null stays null).
//
// The pattern is parsed as java.text.MessageFormat.applyPattern does: outside an argument `'…'` quotes (so `'{0}'` is
// literal text) and `''` is one quote; an argument is `{index}` or `{index,type[,style]}`. "From version 51.0 and
// later, the format() method supports single quotes" — the 51.0+ behaviour is implemented; earlier API versions fail
// loudly.
//
// Format types (`{0,number,#.##}`, `{0,date}`, `{0,time}`, `{0,choice,…}`) are not implemented: with String arguments
// Java's MessageFormat would reject number/date formats, and what Apex does before the conversion is not documented.
// They throw EmulatorUnsupportedError.

import { ApexPlatformError, EmulatorUnsupportedError } from '../../errors';

type Segment = { kind: 'text'; text: string } | { kind: 'arg'; index: number };

const parsed = new Map<string, Segment[]>();

/**
 * java.text.MessageFormat's IllegalArgumentException as an Apex exception. The Apex Reference does not name the
 * type; System.StringException is the emulator's choice (the same as the other String-method failures).
 */
function patternError(message: string): ApexPlatformError {
  return new ApexPlatformError('System.StringException', message);
}

/** MessageFormat.applyPattern. */
function parsePattern(pattern: string): Segment[] {
  const cached = parsed.get(pattern);
  if (cached) return cached;
  const segments: Segment[] = [];
  let raw = '';
  let part = 0; // 0 raw text, 1 index, 2 type, 3 style
  const parts = ['', '', '', ''];
  let inQuote = false;
  let braceStack = 0;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (part === 0) {
      if (ch === "'") {
        if (i + 1 < pattern.length && pattern[i + 1] === "'") {
          raw += ch;
          i++;
        } else {
          inQuote = !inQuote;
        }
      } else if (ch === '{' && !inQuote) {
        part = 1;
        parts[1] = '';
      } else {
        raw += ch;
      }
      continue;
    }
    if (inQuote) {
      parts[part] += ch;
      if (ch === "'") inQuote = false;
      continue;
    }
    switch (ch) {
      case ',':
        if (part < 3) {
          part++;
          parts[part] = '';
        } else {
          parts[part] += ch;
        }
        break;
      case '{':
        braceStack++;
        parts[part] += ch;
        break;
      case '}':
        if (braceStack === 0) {
          if (raw.length > 0) segments.push({ kind: 'text', text: raw });
          raw = '';
          segments.push(makeArgument(parts, part));
          part = 0;
        } else {
          braceStack--;
          parts[part] += ch;
        }
        break;
      case ' ':
        // leading spaces of the format type are skipped
        if (part !== 2 || parts[2]!.length > 0) parts[part] += ch;
        break;
      case "'":
        inQuote = true;
        parts[part] += ch;
        break;
      default:
        parts[part] += ch;
        break;
    }
  }
  if (braceStack === 0 && part !== 0) throw patternError('Unmatched braces in the pattern.');
  if (raw.length > 0) segments.push({ kind: 'text', text: raw });
  parsed.set(pattern, segments);
  return segments;
}

/** MessageFormat.makeFormat: the argument number (Integer.parseInt) and its format type. */
function makeArgument(parts: string[], lastPart: number): Segment {
  const indexText = parts[1]!;
  if (!/^[+-]?\d+$/.test(indexText)) throw patternError(`can't parse argument number: ${indexText}`);
  const index = Number.parseInt(indexText, 10);
  if (index > 0x7fffffff) throw patternError(`can't parse argument number: ${indexText}`);
  if (index < 0) throw patternError(`negative argument number: ${index}`);
  const type = lastPart >= 2 ? parts[2]!.trim() : '';
  if (type.length > 0) {
    const known = ['number', 'date', 'time', 'choice'];
    if (!known.includes(type.toLowerCase())) throw patternError(`unknown format type: ${type}`);
    throw new EmulatorUnsupportedError(`String.format with the format type {${indexText},${parts[2]}…}`);
  }
  return { kind: 'arg', index };
}

/**
 * MessageFormat.format over String arguments: `{n}` is argument n ("null" for null), and stays `{n}` when there is
 * no such argument.
 */
export function formatMessage(pattern: string, args: readonly (string | null)[], apiVersion = Infinity): string {
  if (apiVersion < 51) {
    throw new EmulatorUnsupportedError('String.format in API version 50.0 and earlier (single quotes not supported)');
  }
  let out = '';
  for (const segment of parsePattern(pattern)) {
    if (segment.kind === 'text') {
      out += segment.text;
    } else if (segment.index >= args.length) {
      out += `{${segment.index}}`;
    } else {
      const value = args[segment.index];
      out += value ?? 'null';
    }
  }
  return out;
}
