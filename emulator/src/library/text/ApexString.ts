// The Apex String class (Apex Reference, "String Class"), as pure functions over JS strings (UTF-16, like Java and
// Apex). Instance methods take the receiver first: `abbreviate(s, maxWidth)` is `s.abbreviate(maxWidth)`; the
// interpreter raises NullPointerException for a null receiver before calling them. Static methods are named after the
// Apex method too (`isBlank(null)` is handled here).
//
// Where the String Class page names a Java method (split/replaceAll/replaceFirst → java.util.regex; capitalize →
// Character.toTitleCase; hashCode → Java String.hashCode; splitByCharacterType → Character.getType; format →
// java.text.MessageFormat) it is followed exactly. The methods the page adds beyond java.lang.String (abbreviate,
// center, containsAny, difference, escapeHtml4, getLevenshteinDistance, isAlphaSpace, leftPad, mid, normalizeSpace,
// splitByCharacterTypeCamelCase, substringBetween, swapCase, unescapeCsv, …) have exactly the names and documented
// examples of Apache Commons Lang 3's StringUtils and StringEscapeUtils (escapeHtml3/escapeEcmaScript exist only in
// Lang 3), so their doc-silent edge cases follow Lang 3 (checked against commons-lang3 3.12). Where the page is
// explicit, the page wins: a null argument is a run-time exception (containsNone, difference), padStr null or empty
// is one blank (leftPad, rightPad).
//
// Null arguments: the page says containsNone(null) and difference(null) throw; the emulator applies that to every
// String parameter that the page does not say accepts null (NullPointerException "Argument cannot be null.").
//
// Partly implemented: stripHtmlTags removes inline element tags only and fails loudly on every case the page leaves
// open (see the function).

import { ApexPlatformError, EmulatorUnsupportedError } from '../../errors';
import { ApexId, canonicalId } from '../../values/Id';
import { HTML40_EXTENDED_ENTITIES, ISO8859_1_ENTITIES } from './HtmlEntities';
import {
  codePointBefore as javaCodePointBefore,
  isDigit,
  isLetter,
  isLetterOrDigit,
  javaIsLowerCase,
  javaIsTitleCase,
  javaIsUpperCase,
  javaIsWhitespace,
  javaToLowerCase,
  javaToUpperCase,
} from './JavaRegex';
import { formatMessage } from './MessageFormat';
import { ApexPattern } from './PatternMatcher';

// ---------------------------------------------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------------------------------------------

function arg<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) {
    throw new ApexPlatformError('System.NullPointerException', 'Argument cannot be null.');
  }
  return value;
}

function stringException(message: string): ApexPlatformError {
  return new ApexPlatformError('System.StringException', message);
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** Character.isX(char) on one UTF-16 unit: surrogates are not letters, digits or cased. */
const charIs =
  (p: (cp: number) => boolean) =>
  (c: number): boolean =>
    !(c >= 0xd800 && c <= 0xdfff) && p(c);
const charIsLetter = charIs(isLetter);
const charIsDigit = charIs(isDigit);
const charIsLetterOrDigit = charIs(isLetterOrDigit);
const charIsLowerCase = charIs(javaIsLowerCase);
const charIsUpperCase = charIs(javaIsUpperCase);
const charIsWhitespace = (c: number): boolean => javaIsWhitespace(c);

/** Two UTF-16 units equal ignoring case (java.lang.String.regionMatches(true, …)). */
function charsEqualIgnoreCase(c1: number, c2: number): boolean {
  if (c1 === c2) return true;
  const u1 = javaToUpperCase(c1);
  const u2 = javaToUpperCase(c2);
  return u1 === u2 || javaToLowerCase(u1) === javaToLowerCase(u2);
}

/** String.regionMatches(true, toffset, other, ooffset, len), code point aware for surrogate pairs as in JDK 17. */
function regionMatchesIgnoreCase(s: string, toffset: number, other: string, ooffset: number, len: number): boolean {
  if (ooffset < 0 || toffset < 0 || toffset > s.length - len || ooffset > other.length - len) return false;
  const tlast = toffset + len;
  while (toffset < tlast) {
    const c1 = s.charCodeAt(toffset++);
    const c2 = other.charCodeAt(ooffset++);
    if (c1 === c2) continue;
    if (isHighSurrogate(c1) && isHighSurrogate(c2) && toffset < tlast) {
      const d1 = s.charCodeAt(toffset);
      const d2 = other.charCodeAt(ooffset);
      if (isLowSurrogate(d1) && isLowSurrogate(d2)) {
        toffset++;
        ooffset++;
        const cp1 = 0x10000 + ((c1 - 0xd800) << 10) + (d1 - 0xdc00);
        const cp2 = 0x10000 + ((c2 - 0xd800) << 10) + (d2 - 0xdc00);
        if (cp1 === cp2 || charsEqualIgnoreCase(cp1, cp2)) continue;
        return false;
      }
    }
    if (charsEqualIgnoreCase(c1, c2)) continue;
    return false;
  }
  return true;
}

/** java.lang.String.replace(CharSequence, CharSequence): every literal occurrence, left to right. */
function replaceLiteral(s: string, target: string, replacement: string): string {
  if (target.length === 0) {
    // Java inserts the replacement before every char and at the end
    let out = replacement;
    for (let i = 0; i < s.length; i++) out += s[i]! + replacement;
    return out;
  }
  return s.split(target).join(replacement);
}

function guardLength<T>(build: () => T): T {
  try {
    return build();
  } catch (e) {
    if (e instanceof RangeError) throw new EmulatorUnsupportedError('a String longer than JavaScript allows');
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Length, characters, code points
// ---------------------------------------------------------------------------------------------------------------

/** length(): "the number of 16-bit Unicode characters". */
export function length(s: string): number {
  return s.length;
}

/** charAt(index): the UTF-16 unit (a high surrogate for a pair). Out of range: Java's StringIndexOutOfBoundsException text. */
export function charAt(s: string, index: number): number {
  if (index < 0 || index >= s.length) throw stringException(`String index out of range: ${index}`);
  return s.charCodeAt(index);
}

/** codePointAt(index): the supplementary code point for a surrogate pair starting there. */
export function codePointAt(s: string, index: number): number {
  if (index < 0 || index >= s.length) throw stringException(`index ${index}, length ${s.length}`);
  return s.codePointAt(index)!;
}

/** codePointBefore(index): the code point ending just before index (range 1..length). */
export function codePointBefore(s: string, index: number): number {
  if (index - 1 < 0 || index > s.length) throw stringException(`index ${index}, length ${s.length}`);
  return javaCodePointBefore(s, index);
}

/** codePointCount(beginIndex, endIndex): unpaired surrogates count as one each. */
export function codePointCount(s: string, beginIndex: number, endIndex: number): number {
  if (beginIndex < 0 || beginIndex > endIndex || endIndex > s.length) {
    throw stringException(`begin ${beginIndex}, end ${endIndex}, length ${s.length}`);
  }
  let n = endIndex - beginIndex;
  for (let i = beginIndex; i < endIndex - 1; i++) {
    if (isHighSurrogate(s.charCodeAt(i)) && isLowSurrogate(s.charCodeAt(i + 1))) {
      n--;
      i++;
    }
  }
  return n;
}

/** offsetByCodePoints(index, codePointOffset): java.lang.String.offsetByCodePoints. */
export function offsetByCodePoints(s: string, index: number, codePointOffset: number): number {
  if (index < 0 || index > s.length) throw stringException(`index ${index}, length ${s.length}`);
  let x = index;
  if (codePointOffset >= 0) {
    let i = 0;
    for (; x < s.length && i < codePointOffset; i++) {
      if (isHighSurrogate(s.charCodeAt(x++)) && x < s.length && isLowSurrogate(s.charCodeAt(x))) x++;
    }
    if (i < codePointOffset) throw stringException(`String index out of range: ${codePointOffset}`);
  } else {
    let i = codePointOffset;
    for (; x > 0 && i < 0; i++) {
      if (isLowSurrogate(s.charCodeAt(--x)) && x > 0 && isHighSurrogate(s.charCodeAt(x - 1))) x--;
    }
    if (i < 0) throw stringException(`String index out of range: ${codePointOffset}`);
  }
  return x;
}

/** getChars(): the UTF-16 units as Integers. */
export function getChars(s: string): number[] {
  const out = new Array<number>(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/**
 * String.fromCharArray(charArray): the doc example passes char values (74 → 'J'); values above U+FFFF are taken as
 * code points. A value that is no code point fails loudly (the doc does not say what Apex does).
 */
export function fromCharArray(charArray: readonly (number | null)[] | null): string {
  let out = '';
  for (const v of arg(charArray)) {
    const cp = arg(v);
    if (!Number.isInteger(cp) || cp < 0 || cp > 0x10ffff) {
      throw new EmulatorUnsupportedError(`String.fromCharArray with the invalid code point ${cp}`);
    }
    out += String.fromCodePoint(cp);
  }
  return out;
}

/** hashCode(): Java's String.hashCode, s[0]·31^(n−1) + … + s[n−1] in 32-bit arithmetic. */
export function hashCode(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

// ---------------------------------------------------------------------------------------------------------------
// Comparison
// ---------------------------------------------------------------------------------------------------------------

/** compareTo(secondString): Java's — the difference of the first differing chars, else of the lengths. */
export function compareTo(s: string, secondString: string | null): number {
  const other = arg(secondString);
  const n = Math.min(s.length, other.length);
  for (let i = 0; i < n; i++) {
    const d = s.charCodeAt(i) - other.charCodeAt(i);
    if (d !== 0) return d;
  }
  return s.length - other.length;
}

/**
 * equals(stringOrId): true when the argument is a String with the same characters, or an Id equal to this String
 * read as an Id (a 15-character String equals the equivalent 18-character Id). Anything else (null, numbers) is
 * false.
 */
export function equals(s: string, stringOrId: unknown): boolean {
  if (typeof stringOrId === 'string') return s === stringOrId;
  if (stringOrId instanceof ApexId) return canonicalId(s) === stringOrId.value;
  return false;
}

/** equalsIgnoreCase(secondString): Java's, char by char, ignoring the locale; null is false. */
export function equalsIgnoreCase(s: string, secondString: string | null): boolean {
  if (secondString === null) return false;
  return s.length === secondString.length && regionMatchesIgnoreCase(s, 0, secondString, 0, s.length);
}

/**
 * The Apex `==` / `!=` on Strings: case-insensitive (String Class, equals: "the == operator performs case-insensitive
 * string comparisons"); equalsIgnoreCase's usage note says `==` follows the context user's locale. The docs do not
 * say how; the emulator compares like equalsIgnoreCase, except that for a Turkish or Azerbaijani user locale both sides
 * are first lower-cased with that locale's rules (dotted/dotless i). null == null; null equals no String.
 */
export function apexStringEquals(a: string | null, b: string | null, userLocale?: string): boolean {
  if (a === null || b === null) return a === b;
  if (a === b) return true;
  const language = (userLocale ?? '').split(/[-_]/)[0]!.toLowerCase();
  if (language === 'tr' || language === 'az') {
    return toLowerCase(a, userLocale) === toLowerCase(b, userLocale);
  }
  return equalsIgnoreCase(a, b);
}

// ---------------------------------------------------------------------------------------------------------------
// Searching
// ---------------------------------------------------------------------------------------------------------------

/** contains(substring). */
export function contains(s: string, substring: string | null): boolean {
  return s.includes(arg(substring));
}

/** containsIgnoreCase(substring) (StringUtils.containsIgnoreCase). */
export function containsIgnoreCase(s: string, substring: string | null): boolean {
  const sub = arg(substring);
  const max = s.length - sub.length;
  for (let i = 0; i <= max; i++) if (regionMatchesIgnoreCase(s, i, sub, 0, sub.length)) return true;
  return false;
}

/** Index of the first char of s that is in chars (StringUtils.indexOfAny(CharSequence, char...)). */
function indexOfAnyChar(s: string, chars: string): number {
  if (s.length === 0 || chars.length === 0) return -1;
  const csLast = s.length - 1;
  const searchLast = chars.length - 1;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    for (let j = 0; j < chars.length; j++) {
      if (chars.charCodeAt(j) === ch) {
        if (!isHighSurrogate(ch)) return i;
        // a high surrogate must be followed by the same low surrogate (a lone one at the end of chars matches)
        if (j === searchLast) return i;
        if (i < csLast && chars.charCodeAt(j + 1) === s.charCodeAt(i + 1)) return i;
      }
    }
  }
  return -1;
}

/** containsAny(inputString): any character of inputString occurs. */
export function containsAny(s: string, inputString: string | null): boolean {
  return indexOfAnyChar(s, arg(inputString)) >= 0;
}

/** containsNone(inputString): "If inputString is null, this method returns a run-time exception." */
export function containsNone(s: string, inputString: string | null): boolean {
  const chars = arg(inputString);
  const csLast = s.length - 1;
  const searchLast = chars.length - 1;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    for (let j = 0; j < chars.length; j++) {
      if (chars.charCodeAt(j) === ch) {
        if (!isHighSurrogate(ch)) return false;
        if (j === searchLast) return false;
        if (i < csLast && chars.charCodeAt(j + 1) === s.charCodeAt(i + 1)) return false;
      }
    }
  }
  return true;
}

/** StringUtils.indexOfAnyBut(CharSequence, char...): first char not among chars. */
function indexOfAnyButChars(s: string, chars: string): number {
  const csLast = s.length - 1;
  const searchLast = chars.length - 1;
  outer: for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    for (let j = 0; j < chars.length; j++) {
      if (chars.charCodeAt(j) === ch) {
        if (i >= csLast || j >= searchLast || !isHighSurrogate(ch)) continue outer;
        if (chars.charCodeAt(j + 1) === s.charCodeAt(i + 1)) continue outer;
      }
    }
    return i;
  }
  return -1;
}

/** containsOnly(inputString): an empty String is true; an empty inputString (with a non-empty String) false. */
export function containsOnly(s: string, inputString: string | null): boolean {
  const chars = arg(inputString);
  if (s.length === 0) return true;
  if (chars.length === 0) return false;
  return indexOfAnyButChars(s, chars) === -1;
}

/** containsWhitespace(): any Character.isWhitespace char. */
export function containsWhitespace(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (charIsWhitespace(s.charCodeAt(i))) return true;
  return false;
}

/** countMatches(substring): non-overlapping occurrences; 0 for an empty String or substring. */
export function countMatches(s: string, substring: string | null): number {
  const sub = arg(substring);
  if (s.length === 0 || sub.length === 0) return 0;
  let count = 0;
  let idx = 0;
  while ((idx = s.indexOf(sub, idx)) !== -1) {
    count++;
    idx += sub.length;
  }
  return count;
}

/** endsWith(suffix). */
export function endsWith(s: string, suffix: string | null): boolean {
  return s.endsWith(arg(suffix));
}

/** endsWithIgnoreCase(suffix). */
export function endsWithIgnoreCase(s: string, suffix: string | null): boolean {
  const suf = arg(suffix);
  if (suf.length > s.length) return false;
  return regionMatchesIgnoreCase(s, s.length - suf.length, suf, 0, suf.length);
}

/** startsWith(prefix). */
export function startsWith(s: string, prefix: string | null): boolean {
  return s.startsWith(arg(prefix));
}

/** startsWithIgnoreCase(prefix). */
export function startsWithIgnoreCase(s: string, prefix: string | null): boolean {
  const pre = arg(prefix);
  if (pre.length > s.length) return false;
  return regionMatchesIgnoreCase(s, 0, pre, 0, pre.length);
}

/** indexOf(substring) / indexOf(substring, index): Java's (a negative index searches from 0). */
export function indexOf(s: string, substring: string | null, index = 0): number {
  return s.indexOf(arg(substring), Math.max(0, index));
}

/** indexOfAny(substring): first index of any of the characters. */
export function indexOfAny(s: string, substring: string | null): number {
  return indexOfAnyChar(s, arg(substring));
}

/** indexOfAnyBut(substring): first index of a character not in substring; -1 if none (or either is empty). */
export function indexOfAnyBut(s: string, substring: string | null): number {
  const chars = arg(substring);
  if (s.length === 0 || chars.length === 0) return -1;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    const found = chars.indexOf(s[i]!) >= 0;
    if (i + 1 < s.length && isHighSurrogate(ch)) {
      if (found && chars.indexOf(s[i + 1]!) < 0) return i;
    } else if (!found) {
      return i;
    }
  }
  return -1;
}

/** indexOfChar(character[, startIndex]): java.lang.String.indexOf(int, int), in UTF-16 units. */
export function indexOfChar(s: string, character: number, startIndex = 0): number {
  if (character < 0 || character > 0x10ffff) return -1;
  return s.indexOf(String.fromCodePoint(character), Math.max(0, startIndex));
}

/** lastIndexOfChar(character[, endIndex]): java.lang.String.lastIndexOf(int, int). */
export function lastIndexOfChar(s: string, character: number, endIndex = s.length - 1): number {
  if (character < 0 || character > 0x10ffff || endIndex < 0) return -1;
  return s.lastIndexOf(String.fromCodePoint(character), endIndex);
}

/** indexOfDifference(stringToCompare): first differing index, -1 when equal. */
export function indexOfDifference(s: string, stringToCompare: string | null): number {
  const other = arg(stringToCompare);
  if (s === other) return -1;
  let i = 0;
  for (; i < s.length && i < other.length; i++) if (s.charCodeAt(i) !== other.charCodeAt(i)) break;
  return i < other.length || i < s.length ? i : -1;
}

/** indexOfIgnoreCase(substring[, startPosition]) (StringUtils.indexOfIgnoreCase). */
export function indexOfIgnoreCase(s: string, substring: string | null, startPosition = 0): number {
  const sub = arg(substring);
  let start = Math.max(0, startPosition);
  const endLimit = s.length - sub.length + 1;
  if (start > endLimit) return -1;
  if (sub.length === 0) return start;
  for (; start < endLimit; start++) if (regionMatchesIgnoreCase(s, start, sub, 0, sub.length)) return start;
  return -1;
}

/**
 * lastIndexOf(substring[, endPosition]): "If the substring doesn't occur or endPosition is negative, this method
 * returns -1. If endPosition is larger than the last index in the current String, the entire String is searched."
 */
export function lastIndexOf(s: string, substring: string | null, endPosition?: number): number {
  const sub = arg(substring);
  if (endPosition === undefined) return s.lastIndexOf(sub);
  if (endPosition < 0) return -1;
  return s.lastIndexOf(sub, endPosition);
}

/** lastIndexOfIgnoreCase(substring[, endPosition]) (StringUtils.lastIndexOfIgnoreCase). */
export function lastIndexOfIgnoreCase(s: string, substring: string | null, endPosition = s.length): number {
  const sub = arg(substring);
  let start = endPosition;
  if (start > s.length - sub.length) start = s.length - sub.length;
  if (start < 0) return -1;
  if (sub.length === 0) return start;
  for (; start >= 0; start--) if (regionMatchesIgnoreCase(s, start, sub, 0, sub.length)) return start;
  return -1;
}

// ---------------------------------------------------------------------------------------------------------------
// Classification
// ---------------------------------------------------------------------------------------------------------------

function allChars(s: string, p: (c: number) => boolean): boolean {
  for (let i = 0; i < s.length; i++) if (!p(s.charCodeAt(i))) return false;
  return true;
}

/** isAllLowerCase(): non-empty and every char lowercase. */
export function isAllLowerCase(s: string): boolean {
  return s.length > 0 && allChars(s, charIsLowerCase);
}

/** isAllUpperCase(): non-empty and every char uppercase. */
export function isAllUpperCase(s: string): boolean {
  return s.length > 0 && allChars(s, charIsUpperCase);
}

/** isAlpha(): non-empty, Unicode letters only. */
export function isAlpha(s: string): boolean {
  return s.length > 0 && allChars(s, charIsLetter);
}

/** isAlphaSpace(): letters or ' ' only (an empty String is true, as in StringUtils). */
export function isAlphaSpace(s: string): boolean {
  return allChars(s, (c) => c === 0x20 || charIsLetter(c));
}

/** isAlphanumeric(): non-empty, letters or digits only (Roman numerals are number forms, not digits). */
export function isAlphanumeric(s: string): boolean {
  return s.length > 0 && allChars(s, charIsLetterOrDigit);
}

/** isAlphanumericSpace(): letters, digits or ' ' (empty is true). */
export function isAlphanumericSpace(s: string): boolean {
  return allChars(s, (c) => c === 0x20 || charIsLetterOrDigit(c));
}

/** isAsciiPrintable(): chars 32–126 only (empty is true). */
export function isAsciiPrintable(s: string): boolean {
  return allChars(s, (c) => c >= 32 && c < 127);
}

/** isNumeric(): non-empty, Unicode digits only ("A decimal point (1.2) is not a Unicode digit"). */
export function isNumeric(s: string): boolean {
  return s.length > 0 && allChars(s, charIsDigit);
}

/** isNumericSpace(): digits or ' ' (empty is true). */
export function isNumericSpace(s: string): boolean {
  return allChars(s, (c) => c === 0x20 || charIsDigit(c));
}

/** isWhitespace(): "only white space characters or is empty". */
export function isWhitespace(s: string): boolean {
  return allChars(s, charIsWhitespace);
}

/** String.isBlank(inputString): null, empty, or white space only. */
export function isBlank(inputString: string | null): boolean {
  return inputString === null || isWhitespace(inputString);
}

/** String.isNotBlank(inputString). */
export function isNotBlank(inputString: string | null): boolean {
  return !isBlank(inputString);
}

/** String.isEmpty(inputString): null or ''. */
export function isEmpty(inputString: string | null): boolean {
  return inputString === null || inputString.length === 0;
}

/** String.isNotEmpty(inputString). */
export function isNotEmpty(inputString: string | null): boolean {
  return !isEmpty(inputString);
}

// ---------------------------------------------------------------------------------------------------------------
// Case
// ---------------------------------------------------------------------------------------------------------------

/** Character.toTitleCase(int): the Unicode title-case mapping (differs from upper case for the DŽ/LJ/NJ/DZ digraphs). */
function toTitleCaseCodePoint(cp: number): number {
  switch (cp) {
    case 0x01c4:
    case 0x01c5:
    case 0x01c6:
      return 0x01c5;
    case 0x01c7:
    case 0x01c8:
    case 0x01c9:
      return 0x01c8;
    case 0x01ca:
    case 0x01cb:
    case 0x01cc:
      return 0x01cb;
    case 0x01f1:
    case 0x01f2:
    case 0x01f3:
      return 0x01f2;
    default:
      return javaIsTitleCase(cp) ? cp : javaToUpperCase(cp);
  }
}

/** capitalize(): the first letter to title case ("based on the Character.toTitleCase(char) Java method"). */
export function capitalize(s: string): string {
  if (s.length === 0) return s;
  const first = s.codePointAt(0)!;
  const title = toTitleCaseCodePoint(first);
  if (title === first) return s;
  return String.fromCodePoint(title) + s.slice(first > 0xffff ? 2 : 1);
}

/** uncapitalize(): the first letter to lower case. */
export function uncapitalize(s: string): string {
  if (s.length === 0) return s;
  const first = s.codePointAt(0)!;
  const lower = javaToLowerCase(first);
  if (lower === first) return s;
  return String.fromCodePoint(lower) + s.slice(first > 0xffff ? 2 : 1);
}

/** swapCase(): "Upper case and title case converts to lower case, and lower case converts to upper case." */
export function swapCase(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    let swapped = cp;
    if (javaIsUpperCase(cp) || javaIsTitleCase(cp)) swapped = javaToLowerCase(cp);
    else if (javaIsLowerCase(cp)) swapped = javaToUpperCase(cp);
    out += swapped === cp ? ch : String.fromCodePoint(swapped);
  }
  return out;
}

/** An Apex locale string ('tr', 'tr_TR', 'en_US') as a BCP 47 tag JS accepts, or undefined for root rules. */
function localeTag(locale: string): string | undefined {
  const tag = locale.replace(/_/g, '-');
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    // java.util.Locale accepts any string; an unknown one gets the root (language-neutral) rules
    return undefined;
  }
}

/**
 * toLowerCase() / toLowerCase(locale): Java's String.toLowerCase(Locale) — the full Unicode mapping (final sigma,
 * İ → i̇), with the language-specific rules of Turkish/Azerbaijani/Lithuanian. The default is "the default (English
 * US) locale".
 */
export function toLowerCase(s: string, locale?: string | null): string {
  if (locale === undefined) return s.toLowerCase();
  const tag = localeTag(arg(locale));
  return tag === undefined ? s.toLowerCase() : s.toLocaleLowerCase(tag);
}

/** toUpperCase() / toUpperCase(locale): Java's String.toUpperCase(Locale) (ß → SS, Turkish i → İ). */
export function toUpperCase(s: string, locale?: string | null): string {
  if (locale === undefined) return s.toUpperCase();
  const tag = localeTag(arg(locale));
  return tag === undefined ? s.toUpperCase() : s.toLocaleUpperCase(tag);
}

// ---------------------------------------------------------------------------------------------------------------
// Substrings
// ---------------------------------------------------------------------------------------------------------------

/**
 * substring(startIndex[, endIndex]). The Apex Reference gives no error text; orgs report
 * "Starting position out of bounds: N" and "Ending position out of bounds: N" (System.StringException). An endIndex
 * before startIndex is reported as an out-of-bounds end (doc-silent choice).
 */
export function substring(s: string, startIndex: number, endIndex?: number): string {
  if (startIndex < 0 || startIndex > s.length) throw stringException(`Starting position out of bounds: ${startIndex}`);
  if (endIndex === undefined) return s.slice(startIndex);
  if (endIndex < startIndex || endIndex > s.length) {
    throw stringException(`Ending position out of bounds: ${endIndex}`);
  }
  return s.slice(startIndex, endIndex);
}

/** left(length): a negative length gives ''. */
export function left(s: string, len: number): string {
  if (len < 0) return '';
  return len >= s.length ? s : s.slice(0, len);
}

/** right(length): a negative length gives ''. */
export function right(s: string, len: number): string {
  if (len < 0) return '';
  return len >= s.length ? s : s.slice(s.length - len);
}

/** mid(startIndex, length): a negative startIndex is zero; a non-positive length gives ''. */
export function mid(s: string, startIndex: number, len: number): string {
  if (len < 0 || startIndex > s.length) return '';
  const pos = Math.max(0, startIndex);
  if (s.length <= pos + len) return s.slice(pos);
  return s.slice(pos, pos + len);
}

/** substringAfter(separator): '' when not found; an empty separator gives the whole String. */
export function substringAfter(s: string, separator: string | null): string {
  const sep = arg(separator);
  if (s.length === 0) return s;
  const pos = s.indexOf(sep);
  return pos === -1 ? '' : s.slice(pos + sep.length);
}

/** substringAfterLast(separator): '' when not found, at the end, or for an empty separator. */
export function substringAfterLast(s: string, separator: string | null): string {
  const sep = arg(separator);
  if (s.length === 0) return s;
  if (sep.length === 0) return '';
  const pos = s.lastIndexOf(sep);
  if (pos === -1 || pos === s.length - sep.length) return '';
  return s.slice(pos + sep.length);
}

/** substringBefore(separator): the whole String when not found; '' for an empty separator. */
export function substringBefore(s: string, separator: string | null): string {
  const sep = arg(separator);
  if (s.length === 0) return s;
  if (sep.length === 0) return '';
  const pos = s.indexOf(sep);
  return pos === -1 ? s : s.slice(0, pos);
}

/** substringBeforeLast(separator): the whole String when not found or for an empty separator. */
export function substringBeforeLast(s: string, separator: string | null): string {
  const sep = arg(separator);
  if (s.length === 0 || sep.length === 0) return s;
  const pos = s.lastIndexOf(sep);
  return pos === -1 ? s : s.slice(0, pos);
}

/** substringBetween(tag) / substringBetween(open, close): null when either delimiter is missing. */
export function substringBetween(s: string, open: string | null, close?: string | null): string | null {
  const o = arg(open);
  const c = close === undefined ? o : arg(close);
  const start = s.indexOf(o);
  if (start !== -1) {
    const end = s.indexOf(c, start + o.length);
    if (end !== -1) return s.slice(start + o.length, end);
  }
  return null;
}

/** difference(secondString): secondString from where the two differ; '' when equal. */
export function difference(s: string, secondString: string | null): string {
  const other = arg(secondString);
  const at = indexOfDifference(s, other);
  return at === -1 ? '' : other.slice(at);
}

/** String.getCommonPrefix(strings): the longest prefix common to all (null elements give ''). */
export function getCommonPrefix(strings: readonly (string | null)[] | null): string {
  const strs = arg(strings);
  if (strs.length === 0) return '';
  if (strs.length === 1) return strs[0] ?? '';
  if (strs.some((x) => x === null)) return '';
  const all = strs as string[];
  let shortest = Infinity;
  for (const x of all) shortest = Math.min(shortest, x.length);
  let i = 0;
  for (; i < shortest; i++) {
    const c = all[0]!.charCodeAt(i);
    if (all.some((x) => x.charCodeAt(i) !== c)) break;
  }
  return all[0]!.slice(0, i);
}

// ---------------------------------------------------------------------------------------------------------------
// Building and transforming
// ---------------------------------------------------------------------------------------------------------------

/**
 * abbreviate(maxWidth) / abbreviate(maxWidth, offset) (StringUtils.abbreviate with "..."). "If maxWidth is less than
 * four, this method throws a run-time exception" — the exception is System.StringException with Lang's text
 * ("Minimum abbreviation width is 4", and "Minimum abbreviation width with offset is 7" when an offset would need
 * ellipses at both ends). As in Lang, an empty String is returned as is before the width is checked.
 */
export function abbreviate(s: string, maxWidth: number, offset = 0): string {
  const marker = '...';
  if (s.length === 0) return s;
  if (maxWidth < 4) throw stringException('Minimum abbreviation width is 4');
  const strLen = s.length;
  if (strLen <= maxWidth) return s;
  let off = offset;
  if (off > strLen) off = strLen;
  if (strLen - off < maxWidth - marker.length) off = strLen - (maxWidth - marker.length);
  if (off <= marker.length + 1) return s.slice(0, maxWidth - marker.length) + marker;
  if (maxWidth < 7) throw stringException('Minimum abbreviation width with offset is 7');
  if (off + maxWidth - marker.length < strLen) return marker + abbreviate(s.slice(off), maxWidth - marker.length);
  return marker + s.slice(strLen - (maxWidth - marker.length));
}

/** The padding of `pads` characters cycled from padStr (StringUtils.leftPad/rightPad). */
function padding(pads: number, padStr: string): string {
  return guardLength(() => padStr.repeat(Math.ceil(pads / padStr.length)).slice(0, pads));
}

/** leftPad(length[, padStr]): "padStr … if null or empty treated as single blank". */
export function leftPad(s: string, len: number, padStr: string | null = ' '): string {
  const pad = padStr === null || padStr.length === 0 ? ' ' : padStr;
  const pads = len - s.length;
  return pads <= 0 ? s : padding(pads, pad) + s;
}

/** rightPad(length[, padStr]). */
export function rightPad(s: string, len: number, padStr: string | null = ' '): string {
  const pad = padStr === null || padStr.length === 0 ? ' ' : padStr;
  const pads = len - s.length;
  return pads <= 0 ? s : s + padding(pads, pad);
}

/** center(size[, paddingString]): left padding gets the smaller half. */
export function center(s: string, size: number, paddingString: string | null = ' '): string {
  const pad = paddingString === null || paddingString.length === 0 ? ' ' : paddingString;
  const pads = size - s.length;
  if (size <= 0 || pads <= 0) return s;
  return rightPad(leftPad(s, s.length + Math.floor(pads / 2), pad), size, pad);
}

/** deleteWhitespace(): without any Character.isWhitespace char. */
export function deleteWhitespace(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) if (!charIsWhitespace(s.charCodeAt(i))) out += s[i]!;
  return out;
}

/**
 * normalizeSpace(): leading/trailing white space removed and each run of white space replaced by one space
 * (StringUtils.normalizeSpace, which also turns a no-break space into a plain one).
 */
export function normalizeSpace(s: string): string {
  let out = '';
  let whitespaceCount = 0;
  let startWhitespace = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (charIsWhitespace(c)) {
      if (whitespaceCount === 0 && !startWhitespace) out += ' ';
      whitespaceCount++;
    } else {
      startWhitespace = false;
      out += c === 0xa0 ? ' ' : s[i]!;
      whitespaceCount = 0;
    }
  }
  if (startWhitespace) return '';
  return trim(whitespaceCount > 0 ? out.slice(0, -1) : out);
}

/** trim(): Java's — leading and trailing chars ≤ U+0020 (spaces and ASCII control characters). */
export function trim(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && s.charCodeAt(start) <= 0x20) start++;
  while (end > start && s.charCodeAt(end - 1) <= 0x20) end--;
  return start > 0 || end < s.length ? s.slice(start, end) : s;
}

/** remove(substring): every occurrence removed. */
export function remove(s: string, substring: string | null): string {
  const sub = arg(substring);
  if (s.length === 0 || sub.length === 0) return s;
  return s.split(sub).join('');
}

/** removeEnd(substring). */
export function removeEnd(s: string, substring: string | null): string {
  const sub = arg(substring);
  if (s.length === 0 || sub.length === 0) return s;
  return s.endsWith(sub) ? s.slice(0, s.length - sub.length) : s;
}

/** removeEndIgnoreCase(substring). */
export function removeEndIgnoreCase(s: string, substring: string | null): string {
  const sub = arg(substring);
  if (s.length === 0 || sub.length === 0) return s;
  return endsWithIgnoreCase(s, sub) ? s.slice(0, s.length - sub.length) : s;
}

/** removeStart(substring). */
export function removeStart(s: string, substring: string | null): string {
  const sub = arg(substring);
  if (s.length === 0 || sub.length === 0) return s;
  return s.startsWith(sub) ? s.slice(sub.length) : s;
}

/** removeStartIgnoreCase(substring). */
export function removeStartIgnoreCase(s: string, substring: string | null): string {
  const sub = arg(substring);
  if (s.length === 0 || sub.length === 0) return s;
  return startsWithIgnoreCase(s, sub) ? s.slice(sub.length) : s;
}

/**
 * repeat(numberOfTimes) / repeat(separator, numberOfTimes). As StringUtils.repeat(str, separator, n) it builds
 * (s + separator) n times and then removes one trailing separator (so 'a-'.repeat('-', 2) is 'a--a-').
 */
export function repeat(s: string, separatorOrTimes: string | number | null, numberOfTimes?: number): string {
  if (typeof separatorOrTimes === 'number')
    return separatorOrTimes <= 0 ? '' : guardLength(() => s.repeat(separatorOrTimes));
  const separator = arg(separatorOrTimes);
  const n = arg(numberOfTimes);
  if (n <= 0) return '';
  return removeEnd(
    guardLength(() => (s + separator).repeat(n)),
    separator,
  );
}

/** replace(target, replacement): literal, every occurrence (an empty target inserts between every char). */
export function replace(s: string, target: string | null, replacement: string | null): string {
  return replaceLiteral(s, arg(target), arg(replacement));
}

/** replaceAll(regExp, replacement): java.lang.String.replaceAll — Java regex, `$n` and `\` in the replacement. */
export function replaceAll(s: string, regExp: string | null, replacement: string | null): string {
  return ApexPattern.compile(regExp).matcher(s).replaceAll(replacement);
}

/** replaceFirst(regExp, replacement). */
export function replaceFirst(s: string, regExp: string | null, replacement: string | null): string {
  return ApexPattern.compile(regExp).matcher(s).replaceFirst(replacement);
}

/** reverse(): characters reversed, surrogate pairs kept in order (StringBuilder.reverse). */
export function reverse(s: string): string {
  return Array.from(s).reverse().join('');
}

/**
 * split(regExp[, limit]): java.lang.String.split — Java regex; limit 0 (the default) drops trailing empty strings;
 * no match gives [the String]; a zero-width match at the start gives no leading empty string (API 35.0 and later).
 */
export function split(s: string, regExp: string | null, limit = 0): string[] {
  return ApexPattern.compile(regExp).split(s, limit);
}

/** Character.getType(char) as a general category name. */
const CATEGORY_NAMES = [
  'Lu',
  'Ll',
  'Lt',
  'Lm',
  'Lo',
  'Mn',
  'Me',
  'Mc',
  'Nd',
  'Nl',
  'No',
  'Zs',
  'Zl',
  'Zp',
  'Cc',
  'Cf',
  'Co',
  'Cs',
  'Pd',
  'Ps',
  'Pe',
  'Pc',
  'Po',
  'Sm',
  'Sc',
  'Sk',
  'So',
  'Pi',
  'Pf',
] as const;
const categoryTests = CATEGORY_NAMES.map((name) => [name, new RegExp(`^\\p{${name}}$`, 'u')] as const);
const categoryCache = new Map<number, string>();
function charType(c: number): string {
  let t = categoryCache.get(c);
  if (t === undefined) {
    const ch = String.fromCharCode(c);
    t = categoryTests.find(([, re]) => re.test(ch))?.[0] ?? 'Cn';
    categoryCache.set(c, t);
  }
  return t;
}

function splitByType(s: string, camelCase: boolean): string[] {
  if (s.length === 0) return [];
  const list: string[] = [];
  let tokenStart = 0;
  let currentType = charType(s.charCodeAt(0));
  for (let pos = 1; pos < s.length; pos++) {
    const type = charType(s.charCodeAt(pos));
    if (type === currentType) continue;
    if (camelCase && type === 'Ll' && currentType === 'Lu') {
      const newTokenStart = pos - 1;
      if (newTokenStart !== tokenStart) {
        list.push(s.slice(tokenStart, newTokenStart));
        tokenStart = newTokenStart;
      }
    } else {
      list.push(s.slice(tokenStart, pos));
      tokenStart = pos;
    }
    currentType = type;
  }
  list.push(s.slice(tokenStart));
  return list;
}

/** splitByCharacterType(): runs of chars of one java.lang.Character.getType. */
export function splitByCharacterType(s: string): string[] {
  return splitByType(s, false);
}

/** splitByCharacterTypeCamelCase(): as splitByCharacterType, an upper-case char joining a following lower-case run. */
export function splitByCharacterTypeCamelCase(s: string): string[] {
  return splitByType(s, true);
}

/** String.join(iterableObj, separator): the interpreter passes the elements already converted to Strings. */
export function join(items: readonly string[], separator: string | null): string {
  return items.join(separator ?? '');
}

/** String.format(stringToFormat, formattingArguments): java.text.MessageFormat (see MessageFormat.ts). */
export function format(stringToFormat: string | null, formattingArguments: readonly (string | null)[] | null): string {
  return formatMessage(arg(stringToFormat), arg(formattingArguments));
}

/** String.valueOf(String): the String itself (the other valueOf overloads belong to each value type). */
export function valueOfString(s: string | null): string | null {
  return s;
}

/** Inline (phrase) elements: removing their tags leaves the text as it reads; nothing else is known to be. */
const INLINE_ELEMENTS = new Set(
  'a abbr b bdi bdo cite code del dfn em font i ins kbd mark s samp small span strike strong sub sup tt u var'.split(
    ' ',
  ),
);
const TAG =
  /<(\/?)([A-Za-z][A-Za-z0-9]*)((?:\s+[A-Za-z_:][-A-Za-z0-9_:.]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/y;

/**
 * stripHtmlTags(): "Removes HTML markup and returns plain text." The page's one example is '<b>hello world</b>' →
 * 'hello world'; it does not say what happens to block elements and line breaks (<p>, <br>: newlines or nothing?),
 * to the content of <script> and <style>, to comments, to character references (&amp;), to a '<' that starts no
 * tag, or to white space. The emulator therefore removes only the start and end tags of inline elements (<b>,
 * <span class="x">, </a> …) from text that has none of those open cases, and fails loudly on anything else.
 */
export function stripHtmlTags(s: string): string {
  const unsupported = (what: string): never => {
    throw new EmulatorUnsupportedError(`String.stripHtmlTags() on text with ${what} (the String Class page is silent)`);
  };
  if (s.includes('&')) unsupported("a character reference or '&'");
  let out = '';
  let i = 0;
  while (i < s.length) {
    const lt = s.indexOf('<', i);
    if (lt === -1) {
      out += s.slice(i);
      break;
    }
    out += s.slice(i, lt);
    TAG.lastIndex = lt;
    const m = TAG.exec(s);
    if (!m) unsupported(`markup other than inline element tags at index ${lt}`);
    const name = m![2]!.toLowerCase();
    if (!INLINE_ELEMENTS.has(name)) unsupported(`the <${name}> element`);
    i = lt + m![0].length;
  }
  if (/\s\s|[\t\n\r\f\v\u00a0]/.test(out) || out !== out.trim())
    unsupported('white space other than single inner spaces');
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Levenshtein distance (StringUtils.getLevenshteinDistance, both forms)
// ---------------------------------------------------------------------------------------------------------------

/** getLevenshteinDistance(stringToCompare): insertions, deletions and substitutions of chars. */
export function getLevenshteinDistance(s: string, stringToCompare: string | null, threshold?: number): number {
  const t = arg(stringToCompare);
  if (threshold !== undefined) return levenshteinWithThreshold(s, t, threshold);
  let a = s;
  let b = t;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  if (a.length > b.length) [a, b] = [b, a];
  const n = a.length;
  const m = b.length;
  const p = new Array<number>(n + 1);
  for (let i = 0; i <= n; i++) p[i] = i;
  for (let j = 1; j <= m; j++) {
    let upperLeft = p[0]!;
    const bj = b.charCodeAt(j - 1);
    p[0] = j;
    for (let i = 1; i <= n; i++) {
      const upper = p[i]!;
      const cost = a.charCodeAt(i - 1) === bj ? 0 : 1;
      p[i] = Math.min(p[i - 1]! + 1, p[i]! + 1, upperLeft + cost);
      upperLeft = upper;
    }
  }
  return p[n]!;
}

/** getLevenshteinDistance(stringToCompare, threshold): the distance if ≤ threshold, else -1. */
function levenshteinWithThreshold(s: string, t: string, threshold: number): number {
  if (threshold < 0) throw new ApexPlatformError('System.IllegalArgumentException', 'Threshold must not be negative');
  const distance = getLevenshteinDistance(s, t);
  return distance <= threshold ? distance : -1;
}

// ---------------------------------------------------------------------------------------------------------------
// Escaping (StringEscapeUtils of Commons Lang 3)
// ---------------------------------------------------------------------------------------------------------------

const hex4 = (c: number): string => c.toString(16).toUpperCase().padStart(4, '0');

/** Java/EcmaScript escaping: lookups, then \b \n \t \f \r, then \uXXXX outside 32–0x7F. */
function escapeJavaStyle(s: string, lookup: Readonly<Record<string, string>>): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    const c = s.charCodeAt(i);
    const mapped = lookup[ch];
    if (mapped !== undefined) out += mapped;
    else if (c === 0x08) out += '\\b';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x09) out += '\\t';
    else if (c === 0x0c) out += '\\f';
    else if (c === 0x0d) out += '\\r';
    else if (c < 32 || c > 0x7f) out += `\\u${hex4(c)}`;
    else out += ch;
  }
  return out;
}

/** escapeJava(): quotes, backslash and control characters Java-escaped; non-ASCII as \uXXXX. */
export function escapeJava(s: string): string {
  return escapeJavaStyle(s, { '"': '\\"', '\\': '\\\\' });
}

/** escapeEcmaScript(): as escapeJava, and "in EcmaScript, a single quote and forward-slash (/) are escaped". */
export function escapeEcmaScript(s: string): string {
  return escapeJavaStyle(s, { "'": "\\'", '"': '\\"', '\\': '\\\\', '/': '\\/' });
}

/** unescapeJava() / unescapeEcmaScript(): octal, \u (any number of u), control escapes, \\ \" \' and a lone \. */
export function unescapeJava(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c !== '\\' || i + 1 >= s.length) {
      if (c === '\\') {
        i++;
        continue; // a trailing backslash is dropped (Lang's "\\" → "" lookup)
      }
      out += c;
      i++;
      continue;
    }
    const n = s[i + 1]!;
    if (n >= '0' && n <= '7') {
      // OctalUnescaper: up to three digits, three only when the first is 0–3
      let end = i + 2;
      if (end < s.length && s[end]! >= '0' && s[end]! <= '7') {
        end++;
        if (n <= '3' && end < s.length && s[end]! >= '0' && s[end]! <= '7') end++;
      }
      out += String.fromCharCode(parseInt(s.slice(i + 1, end), 8));
      i = end;
      continue;
    }
    if (n === 'u') {
      let j = i + 2;
      while (j < s.length && s[j] === 'u') j++;
      if (j < s.length && s[j] === '+') j++;
      if (j + 4 <= s.length) {
        const digits = s.slice(j, j + 4);
        if (!/^[0-9A-Fa-f]{4}$/.test(digits)) {
          throw stringException(`Unable to parse unicode value: ${digits}`);
        }
        out += String.fromCharCode(parseInt(digits, 16));
        i = j + 4;
        continue;
      }
      throw stringException(`Less than 4 hex digits in unicode value: '${s.slice(i)}' due to end of CharSequence`);
    }
    const control: Record<string, string> = {
      b: '\b',
      n: '\n',
      t: '\t',
      f: '\f',
      r: '\r',
      '\\': '\\',
      '"': '"',
      "'": "'",
    };
    const mapped = control[n];
    if (mapped !== undefined) {
      out += mapped;
      i += 2;
      continue;
    }
    // Lang maps a lone backslash to nothing: "\x" → "x"
    i++;
  }
  return out;
}

/** unescapeEcmaScript(): Lang 3 unescapes EcmaScript exactly as Java. */
export function unescapeEcmaScript(s: string): string {
  return unescapeJava(s);
}

/** escapeSingleQuotes(stringToEscape): a backslash before each ' and \ (String Class). */
export function escapeSingleQuotes(stringToEscape: string | null): string {
  return arg(stringToEscape).replace(/['\\]/g, (c) => `\\${c}`);
}

/** escapeUnicode(): each character above U+007F as \uXXXX (upper-case hex, per UTF-16 unit), as the doc example. */
export function escapeUnicode(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c > 0x7f ? `\\u${hex4(c)}` : s[i]!;
  }
  return out;
}

/** unescapeUnicode(): \uXXXX sequences back to characters (the other escapes are left alone). */
export function unescapeUnicode(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    if (s[i] === '\\' && s[i + 1] === 'u') {
      let j = i + 2;
      while (s[j] === 'u') j++;
      if (s[j] === '+') j++;
      const digits = s.slice(j, j + 4);
      if (digits.length < 4) {
        throw stringException(`Less than 4 hex digits in unicode value: '${s.slice(i)}' due to end of CharSequence`);
      }
      if (!/^[0-9A-Fa-f]{4}$/.test(digits)) throw stringException(`Unable to parse unicode value: ${digits}`);
      out += String.fromCharCode(parseInt(digits, 16));
      i = j + 4;
    } else {
      out += s[i]!;
      i++;
    }
  }
  return out;
}

const BASIC_ESCAPE: Readonly<Record<string, string>> = { '"': '&quot;', '&': '&amp;', '<': '&lt;', '>': '&gt;' };

function buildEscapeMap(...tables: readonly (readonly (readonly [number, string])[])[]): Map<string, string> {
  const map = new Map<string, string>(Object.entries(BASIC_ESCAPE));
  for (const table of tables) for (const [cp, name] of table) map.set(String.fromCodePoint(cp), `&${name};`);
  return map;
}

const HTML3_ESCAPE = buildEscapeMap(ISO8859_1_ENTITIES);
const HTML4_ESCAPE = buildEscapeMap(ISO8859_1_ENTITIES, HTML40_EXTENDED_ENTITIES);
const XML_ESCAPE = new Map<string, string>([...Object.entries(BASIC_ESCAPE), ["'", '&apos;']]);

function escapeWith(s: string, map: ReadonlyMap<string, string>): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    out += map.get(ch) ?? ch;
  }
  return out;
}

/** escapeHtml3(): " & < > and the ISO-8859-1 characters as HTML 3.2 entities. */
export function escapeHtml3(s: string): string {
  return escapeWith(s, HTML3_ESCAPE);
}

/** escapeHtml4(): " & < > and every character with an HTML 4.0 entity. */
export function escapeHtml4(s: string): string {
  return escapeWith(s, HTML4_ESCAPE);
}

/** escapeXml(): "Supports only the five basic XML entities (gt, lt, quot, amp, apos)"; nothing above 0x7F is escaped. */
export function escapeXml(s: string): string {
  return escapeWith(s, XML_ESCAPE);
}

function buildUnescapeMap(
  extra: readonly [string, string][],
  ...tables: readonly (readonly (readonly [number, string])[])[]
): Map<string, string> {
  const map = new Map<string, string>(Object.entries(BASIC_ESCAPE).map(([ch, entity]) => [entity, ch]));
  for (const [entity, ch] of extra) map.set(entity, ch);
  for (const table of tables) for (const [cp, name] of table) map.set(`&${name};`, String.fromCodePoint(cp));
  return map;
}

const HTML3_UNESCAPE = buildUnescapeMap([], ISO8859_1_ENTITIES);
const HTML4_UNESCAPE = buildUnescapeMap([], ISO8859_1_ENTITIES, HTML40_EXTENDED_ENTITIES);
const XML_UNESCAPE = buildUnescapeMap([['&apos;', "'"]]);

/**
 * Named entities from the table, and numeric ones (&#123; &#x7B;, the ';' required); "If an entity isn't recognized,
 * it is kept as is".
 */
function unescapeWith(s: string, map: ReadonlyMap<string, string>): string {
  let longest = 0;
  for (const k of map.keys()) longest = Math.max(longest, k.length);
  let out = '';
  let i = 0;
  while (i < s.length) {
    if (s[i] !== '&') {
      out += s[i]!;
      i++;
      continue;
    }
    if (s[i + 1] === '#') {
      let j = i + 2;
      const isHex = s[j] === 'x' || s[j] === 'X';
      if (isHex) j++;
      const digitsStart = j;
      while (j < s.length && (isHex ? /[0-9A-Fa-f]/ : /[0-9]/).test(s[j]!)) j++;
      if (j > digitsStart && s[j] === ';') {
        const value = parseInt(s.slice(digitsStart, j), isHex ? 16 : 10);
        if (value <= 0x10ffff) {
          out += String.fromCodePoint(value);
          i = j + 1;
          continue;
        }
        // Lang: a value that fits an int but is no code point fails; one that does not parse is kept as text
        if (value <= 0x7fffffff) {
          throw stringException(`Not a valid Unicode code point: 0x${value.toString(16).toUpperCase()}`);
        }
      }
      out += '&';
      i++;
      continue;
    }
    let matched = false;
    for (let len = Math.min(longest, s.length - i); len >= 2; len--) {
      const value = map.get(s.slice(i, i + len));
      if (value !== undefined) {
        out += value;
        i += len;
        matched = true;
        break;
      }
    }
    if (!matched) {
      out += '&';
      i++;
    }
  }
  return out;
}

/** unescapeHtml3(). */
export function unescapeHtml3(s: string): string {
  return unescapeWith(s, HTML3_UNESCAPE);
}

/** unescapeHtml4(). */
export function unescapeHtml4(s: string): string {
  return unescapeWith(s, HTML4_UNESCAPE);
}

/** unescapeXml(): the five basic entities and numeric ones. */
export function unescapeXml(s: string): string {
  return unescapeWith(s, XML_UNESCAPE);
}

/**
 * escapeCsv(): "If the String contains a comma, newline or double quote, the returned String is enclosed in double
 * quotes. Also, any double quote characters in the String are escaped with another double quote." A carriage return
 * counts as a newline (Lang's CsvEscaper).
 */
export function escapeCsv(s: string): string {
  if (!/[,"\r\n]/.test(s)) return s;
  return `"${s.replace(/"/g, '""')}"`;
}

/**
 * unescapeCsv(): a String in double quotes that contains a comma, newline or double quote loses the quotes and has
 * "" turned into "; anything else is unchanged.
 */
export function unescapeCsv(s: string): string {
  if (s.length === 0 || s[0] !== '"' || s[s.length - 1] !== '"') return s;
  // Lang's CsvUnescaper takes substring(1, length - 1) of a lone '"' and fails
  if (s.length === 1) throw stringException('begin 1, end 0, length 1');
  const quoteless = s.slice(1, -1);
  if (!/[,"\r\n]/.test(quoteless)) return s;
  return quoteless.replace(/""/g, '"');
}
