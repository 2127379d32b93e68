// Java regular expressions as Apex accepts them, compiled into a backtracking matcher that follows
// java.util.regex.Pattern's node semantics.
//
// Apex Developer Guide, "Using Patterns and Matchers": "In Apex, Patterns and Matchers, as well as regular expressions,
// are based on their counterparts in Java ... Regular expressions in Apex follow the standard syntax for regular
// expressions used in Java." The String Class page sends split/replaceAll/replaceFirst readers to the Java Pattern
// class as well.
//
// Why not translate to a JavaScript RegExp: the two engines differ in ways Apex code can observe — a quantified group
// keeps its captures from earlier iterations in Java (`(a(b)?)+` on "aba" gives group 2 = "b"; JS resets it to
// undefined), a back reference to a group that did not participate fails in Java and matches empty in JS, `(?i)` is
// ASCII-only case folding in Java unless `(?u)`, `\s`/`.`/`$`/`\b` differ, and Matcher.hitEnd()/requireEnd() (used in the
// Apex Developer Guide's own "Pattern and Matcher Example") need engine internals. So this module parses the Java
// syntax (with PatternSyntaxException's descriptions and indexes) and matches with Java's algorithm: greedy/lazy/
// possessive quantifiers, atomic groups, lookaround with region bounds, back references, hitEnd/requireEnd.
// Behaviour was checked against OpenJDK 17's java.util.regex (the expected values in the tests come from it).
//
// Not implemented (EmulatorUnsupportedError, naming the construct): CANON_EQ `(?c)`, `\X`, `\b{g}`, `\N{name}`,
// Unicode blocks (`\p{InGreek}`, `\p{block=…}`), and java.lang.Character properties other than those listed in
// JAVA_CHARACTER_PROPERTIES. Apex's limit of 1,000,000 input-sequence accesses per regular expression ("Using Patterns
// and Matchers") is not counted.

import { ApexPlatformError, EmulatorUnsupportedError } from '../../errors';

// ---------------------------------------------------------------------------------------------------------------
// Flags (java.util.regex.Pattern constants; Apex only reaches them through inline flags)
// ---------------------------------------------------------------------------------------------------------------

export const UNIX_LINES = 0x01;
export const CASE_INSENSITIVE = 0x02;
export const COMMENTS = 0x04;
export const MULTILINE = 0x08;
export const DOTALL = 0x20;
export const UNICODE_CASE = 0x40;
export const UNICODE_CHARACTER_CLASS = 0x100;

// ---------------------------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------------------------

/** java.util.regex.PatternSyntaxException, before Apex wraps it. */
export class JavaPatternSyntaxError extends Error {
  constructor(
    readonly description: string,
    readonly pattern: string,
    readonly index: number,
  ) {
    super(patternSyntaxMessage(description, pattern, index));
    this.name = 'JavaPatternSyntaxError';
  }
}

/** PatternSyntaxException.getMessage(): description, " near index N", the pattern, and a caret under the index. */
function patternSyntaxMessage(description: string, pattern: string, index: number): string {
  let message = description;
  if (index >= 0) message += ` near index ${index}`;
  message += `\n${pattern}`;
  if (index >= 0 && index < pattern.length) message += `\n${' '.repeat(index)}^`;
  return message;
}

/**
 * The Apex exception for an invalid regular expression. The Apex Reference does not give the text; orgs report
 * `System.StringException: Invalid regex: <PatternSyntaxException message>` (e.g. "Invalid regex: Dangling meta
 * character '*' near index 0 …" for `'a*b'.split('*')`), which is what this builds.
 */
export function invalidRegexError(e: JavaPatternSyntaxError): ApexPlatformError {
  return new ApexPlatformError('System.StringException', `Invalid regex: ${e.message}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Character predicates over code points
// ---------------------------------------------------------------------------------------------------------------

export type CharPredicate = (cp: number) => boolean;

const unicodeTestCache = new Map<string, CharPredicate | null>();

/** A predicate from a JS Unicode property escape body (e.g. `L`, `Script=Greek`), or null if JS does not know it. */
function jsUnicodeProperty(body: string): CharPredicate | null {
  const cached = unicodeTestCache.get(body);
  if (cached !== undefined) return cached;
  let predicate: CharPredicate | null;
  try {
    const re = new RegExp(`^\\p{${body}}$`, 'u');
    predicate = (cp) => re.test(String.fromCodePoint(cp));
  } catch {
    predicate = null;
  }
  unicodeTestCache.set(body, predicate);
  return predicate;
}

function jsProp(body: string): CharPredicate {
  const p = jsUnicodeProperty(body);
  if (p === null) throw new Error(`JS engine lacks \\p{${body}}`);
  return p;
}

const inRange = (lo: number, cp: number, hi: number): boolean => lo <= cp && cp <= hi;
const union =
  (...ps: CharPredicate[]): CharPredicate =>
  (cp) =>
    ps.some((p) => p(cp));
const negate =
  (p: CharPredicate): CharPredicate =>
  (cp) =>
    !p(cp);

// java.lang.Character classifications used by the engine and by the String class.
export const isLetter = jsProp('L');
export const isDigit = jsProp('Nd');
export const isLetterOrDigit: CharPredicate = (cp) => isLetter(cp) || isDigit(cp);
const isNonSpacingMark = jsProp('Mn');
const isLowercaseProp = jsProp('Lowercase');
const isUppercaseProp = jsProp('Uppercase');
const isTitlecaseLetter = jsProp('Lt');
const isAlphabeticProp = jsProp('Alphabetic');
const isWhiteSpaceProp = jsProp('White_Space');
const isPunctuationProp = jsProp('P');
const isControlCat = jsProp('Cc');
const isSpaceSeparator = jsProp('Zs');
const isLineOrParagraphSeparator = union(jsProp('Zl'), jsProp('Zp'));
const isSurrogateCat = jsProp('Cs');
const isUnassigned = jsProp('Cn');
const isJoinControl = jsProp('Join_Control');
const isHexDigitProp = jsProp('Hex_Digit');

/** Character.isLowerCase(int) (JDK 17: general category Ll or Other_Lowercase, i.e. the Lowercase property). */
export const javaIsLowerCase: CharPredicate = isLowercaseProp;
/** Character.isUpperCase(int) (Lu or Other_Uppercase, i.e. the Uppercase property). */
export const javaIsUpperCase: CharPredicate = isUppercaseProp;
export const javaIsTitleCase: CharPredicate = isTitlecaseLetter;

/**
 * Character.isWhitespace(int): a Unicode space separator, line or paragraph separator that is not a no-break space
 * (U+00A0, U+2007, U+202F), or one of \t \n U+000B \f \r U+001C–U+001F.
 */
export const javaIsWhitespace: CharPredicate = (cp) => {
  if ((cp >= 0x09 && cp <= 0x0d) || (cp >= 0x1c && cp <= 0x1f)) return true;
  if (cp === 0xa0 || cp === 0x2007 || cp === 0x202f) return false;
  return isSpaceSeparator(cp) || isLineOrParagraphSeparator(cp);
};

/** Character.toUpperCase(int): the simple (one code point) mapping; JS's full mapping is used when it is one code point. */
export function javaToUpperCase(cp: number): number {
  if (cp < 0x80) return cp >= 0x61 && cp <= 0x7a ? cp - 0x20 : cp;
  const s = String.fromCodePoint(cp).toUpperCase();
  const first = s.codePointAt(0) ?? cp;
  return s.length === (first > 0xffff ? 2 : 1) ? first : cp;
}

/** Character.toLowerCase(int): the simple mapping (U+0130 İ → i, which JS maps to two code points). */
export function javaToLowerCase(cp: number): number {
  if (cp < 0x80) return cp >= 0x41 && cp <= 0x5a ? cp + 0x20 : cp;
  if (cp === 0x130) return 0x69;
  const s = String.fromCodePoint(cp).toLowerCase();
  const first = s.codePointAt(0) ?? cp;
  return s.length === (first > 0xffff ? 2 : 1) ? first : cp;
}

const asciiIsAlpha = (cp: number): boolean => (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
const asciiIsDigit = (cp: number): boolean => cp >= 0x30 && cp <= 0x39;
const asciiToLower = (cp: number): number => (cp >= 0x41 && cp <= 0x5a ? cp + 0x20 : cp);
const asciiToUpper = (cp: number): number => (cp >= 0x61 && cp <= 0x7a ? cp - 0x20 : cp);
const asciiIsSpace = (cp: number): boolean => cp === 0x20 || (cp >= 0x09 && cp <= 0x0d);

// POSIX classes (ASCII): java.util.regex.Pattern "POSIX character classes (US-ASCII only)".
const POSIX_PUNCT = new Set(Array.from('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~', (c) => c.charCodeAt(0)));
const posixLower: CharPredicate = (cp) => cp >= 0x61 && cp <= 0x7a;
const posixUpper: CharPredicate = (cp) => cp >= 0x41 && cp <= 0x5a;
const posixAlpha: CharPredicate = asciiIsAlpha;
const posixDigit: CharPredicate = asciiIsDigit;
const posixAlnum: CharPredicate = (cp) => asciiIsAlpha(cp) || asciiIsDigit(cp);
const posixPunct: CharPredicate = (cp) => POSIX_PUNCT.has(cp);
const posixGraph: CharPredicate = (cp) => posixAlnum(cp) || posixPunct(cp);
const posixPrint: CharPredicate = (cp) => posixGraph(cp) || cp === 0x20;
const posixBlank: CharPredicate = (cp) => cp === 0x20 || cp === 0x09;
const posixCntrl: CharPredicate = (cp) => cp < 0x20 || cp === 0x7f;
const posixXDigit: CharPredicate = (cp) => asciiIsDigit(cp) || inRange(0x41, cp, 0x46) || inRange(0x61, cp, 0x66);
const posixSpace: CharPredicate = asciiIsSpace;

// Unicode binary properties as java.util.regex.CharPredicates defines them (JDK 17).
const uWord: CharPredicate = union(
  isAlphabeticProp,
  jsProp('Mn'),
  jsProp('Me'),
  jsProp('Mc'),
  isDigit,
  jsProp('Pc'),
  isJoinControl,
);
const uAlnum: CharPredicate = union(isAlphabeticProp, isDigit);
const uBlank: CharPredicate = (cp) => cp === 0x09 || isSpaceSeparator(cp);
const uGraph: CharPredicate = (cp) =>
  !(
    isSpaceSeparator(cp) ||
    isLineOrParagraphSeparator(cp) ||
    isControlCat(cp) ||
    isSurrogateCat(cp) ||
    isUnassigned(cp)
  );
const uPrint: CharPredicate = (cp) => (uGraph(cp) || uBlank(cp)) && !isControlCat(cp);
const uHexDigit: CharPredicate = union(isDigit, isHexDigitProp);
const anyCase: CharPredicate = (cp) => javaIsLowerCase(cp) || javaIsUpperCase(cp) || javaIsTitleCase(cp);

/** CharPredicates.forUnicodeProperty: \p{IsXxx} binary properties (names case-insensitive). */
function forUnicodeProperty(name: string, caseIns: boolean): CharPredicate | null {
  switch (name.toUpperCase()) {
    case 'ALPHABETIC':
      return isAlphabeticProp;
    case 'ASSIGNED':
      return negate(isUnassigned);
    case 'CONTROL':
      return isControlCat;
    case 'DIGIT':
      return isDigit;
    case 'HEX_DIGIT':
    case 'HEXDIGIT':
      return uHexDigit;
    case 'IDEOGRAPHIC':
      return jsProp('Ideographic');
    case 'JOIN_CONTROL':
      return isJoinControl;
    case 'LETTER':
      return isLetter;
    case 'LOWERCASE':
      return caseIns ? anyCase : javaIsLowerCase;
    case 'UPPERCASE':
      return caseIns ? anyCase : javaIsUpperCase;
    case 'TITLECASE':
      return caseIns ? anyCase : javaIsTitleCase;
    case 'NONCHARACTER_CODE_POINT':
      return jsProp('Noncharacter_Code_Point');
    case 'PUNCTUATION':
      return isPunctuationProp;
    case 'WHITE_SPACE':
    case 'WHITESPACE':
      return isWhiteSpaceProp;
    case 'WORD':
      return uWord;
    case 'ALNUM':
      return uAlnum;
    case 'BLANK':
      return uBlank;
    case 'GRAPH':
      return uGraph;
    case 'PRINT':
      return uPrint;
    default:
      return null;
  }
}

/** CharPredicates.forPOSIXName under UNICODE_CHARACTER_CLASS. */
function forPOSIXName(name: string, caseIns: boolean): CharPredicate | null {
  switch (name.toUpperCase()) {
    case 'ALPHA':
      return isAlphabeticProp;
    case 'LOWER':
      return caseIns ? anyCase : javaIsLowerCase;
    case 'UPPER':
      return caseIns ? anyCase : javaIsUpperCase;
    case 'SPACE':
      return isWhiteSpaceProp;
    case 'PUNCT':
      return isPunctuationProp;
    case 'XDIGIT':
      return uHexDigit;
    case 'ALNUM':
      return uAlnum;
    case 'CNTRL':
      return isControlCat;
    case 'DIGIT':
      return isDigit;
    case 'BLANK':
      return uBlank;
    case 'GRAPH':
      return uGraph;
    case 'PRINT':
      return uPrint;
    default:
      return null;
  }
}

const GENERAL_CATEGORIES = new Set(
  'Cn Lu Ll Lt Lm Lo Mn Me Mc Nd Nl No Zs Zl Zp Cc Cf Co Cs Pd Ps Pe Pc Po Sm Sc Sk So Pi Pf L M N Z C P S LC'.split(
    ' ',
  ),
);

/** The java.lang.Character properties (\p{javaXxx}) the emulator implements. */
const JAVA_CHARACTER_PROPERTIES: Record<string, CharPredicate> = {
  javaLowerCase: javaIsLowerCase,
  javaUpperCase: javaIsUpperCase,
  javaTitleCase: javaIsTitleCase,
  javaDigit: isDigit,
  javaDefined: negate(isUnassigned),
  javaLetter: isLetter,
  javaLetterOrDigit: isLetterOrDigit,
  javaAlphabetic: isAlphabeticProp,
  javaIdeographic: jsProp('Ideographic'),
  javaSpaceChar: (cp) => isSpaceSeparator(cp) || isLineOrParagraphSeparator(cp),
  javaWhitespace: javaIsWhitespace,
  javaISOControl: (cp) => cp <= 0x1f || inRange(0x7f, cp, 0x9f),
  javaMirrored: jsProp('Bidi_Mirrored'),
};

/** CharPredicates.forProperty: general categories, POSIX names (ASCII), java.lang.Character properties. */
function forProperty(name: string, caseIns: boolean): CharPredicate | null {
  if (caseIns) {
    switch (name) {
      case 'Ll':
      case 'Lu':
      case 'Lt':
        return jsProp('LC');
      case 'Lower':
      case 'Upper':
        return posixAlpha;
      case 'javaLowerCase':
      case 'javaUpperCase':
      case 'javaTitleCase':
        return anyCase;
      default:
        break;
    }
  }
  if (GENERAL_CATEGORIES.has(name)) return jsProp(name === 'Cn' ? 'Cn' : name);
  switch (name) {
    case 'LD':
      return isLetterOrDigit;
    case 'L1':
      return (cp) => cp <= 0xff;
    case 'all':
      return () => true;
    case 'ASCII':
      return (cp) => cp < 0x80;
    case 'Alnum':
      return posixAlnum;
    case 'Alpha':
      return posixAlpha;
    case 'Blank':
      return posixBlank;
    case 'Cntrl':
      return posixCntrl;
    case 'Digit':
      return posixDigit;
    case 'Graph':
      return posixGraph;
    case 'Lower':
      return posixLower;
    case 'Print':
      return posixPrint;
    case 'Punct':
      return posixPunct;
    case 'Space':
      return posixSpace;
    case 'Upper':
      return posixUpper;
    case 'XDigit':
      return posixXDigit;
    default:
      break;
  }
  if (name.startsWith('java')) {
    const p = JAVA_CHARACTER_PROPERTIES[name];
    if (p) return p;
    const known = [
      'javaJavaIdentifierStart',
      'javaJavaIdentifierPart',
      'javaUnicodeIdentifierStart',
      'javaUnicodeIdentifierPart',
      'javaIdentifierIgnorable',
    ];
    if (known.includes(name)) throw new EmulatorUnsupportedError(`regular expression property \\p{${name}}`);
  }
  return null;
}

/** Character.UnicodeScript.forName: names are case-insensitive; JS wants the canonical spelling. */
function forUnicodeScript(name: string): CharPredicate | null {
  const direct = jsUnicodeProperty(`Script=${name}`);
  if (direct) return direct;
  const canonical = name
    .toLowerCase()
    .split(/([_ ])/)
    .map((w) => (w.length > 0 ? w[0]!.toUpperCase() + w.slice(1) : w))
    .join('')
    .replace(/ /g, '_');
  return jsUnicodeProperty(`Script=${canonical}`);
}

// ---------------------------------------------------------------------------------------------------------------
// The parsed tree
// ---------------------------------------------------------------------------------------------------------------

type Node =
  | { kind: 'empty' }
  | { kind: 'char'; pred: CharPredicate; supplementary: boolean }
  | { kind: 'seq'; items: Node[] }
  | { kind: 'alt'; alts: Node[] }
  | { kind: 'group'; index: number; body: Node }
  | { kind: 'repeat'; body: Node; min: number; max: number; mode: 'greedy' | 'lazy' | 'possessive' }
  | { kind: 'atomic'; body: Node }
  | { kind: 'look'; behind: boolean; negative: boolean; body: Node }
  | { kind: 'backref'; index: number; ci: boolean; unicodeCase: boolean }
  | { kind: 'begin' } // ^ without MULTILINE, \A
  | { kind: 'caret'; unixLines: boolean } // ^ with MULTILINE
  | { kind: 'dollar'; multiline: boolean; unixLines: boolean } // $, \Z
  | { kind: 'end' } // \z
  | { kind: 'lastMatch' } // \G
  | { kind: 'bound'; negated: boolean; unicode: boolean }
  | { kind: 'linebreak' }; // \R

/** A compiled Java regular expression: the syntax tree and what Matcher needs to know about it. */
export interface JavaRegex {
  readonly source: string;
  readonly groupCount: number;
  readonly groupNames: ReadonlyMap<string, number>;
  /** Lower bound of a match's length in chars (Java's TreeInfo.minLength), used by find()'s start guard. */
  readonly minLength: number;
  /** The pattern has supplementary (or surrogate) literals: find() then starts only at code point boundaries. */
  readonly hasSupplementary: boolean;
  /** The top-level sequence starts with ^ (not MULTILINE) or \A: Java then tries find() at the start only. */
  readonly beginsAnchored: boolean;
  /** Matches at `i`; the whole match is anchored by the caller's mode. */
  readonly matchRoot: MatchFn;
}

export type MatchFn = (ctx: MatchContext, i: number) => boolean;

/** The mutable state of one match attempt (java.util.regex.Matcher's fields the nodes read and write). */
export interface MatchContext {
  text: string;
  /** Region start/end as the nodes see them (lookaround with transparent bounds widens them temporarily). */
  from: number;
  to: number;
  transparentBounds: boolean;
  anchoringBounds: boolean;
  /** 2 × (groupCount + 1) entries, -1 when unset; [0],[1] are the whole match. */
  groups: Int32Array;
  locals: Int32Array;
  hitEnd: boolean;
  requireEnd: boolean;
  /** End of the previous match (\G); -1 before the first. */
  oldLast: number;
  /** Where the last successful match ended. */
  last: number;
  lookbehindTo: number;
  /** true: the match must end at `to` (matches()); false: anywhere (find(), lookingAt()). */
  endAnchor: boolean;
}

// ---------------------------------------------------------------------------------------------------------------
// Parser (java.util.regex.Pattern's syntax; error descriptions and indexes as in OpenJDK 17)
// ---------------------------------------------------------------------------------------------------------------

const EOF = -1;

class Parser {
  private readonly cps: number[];
  private pos = 0;
  private flags: number;
  groupCount = 0;
  readonly groupNames = new Map<string, number>();
  hasSupplementary = false;
  private readonly openGroups: number[] = [];

  constructor(
    private readonly source: string,
    flags: number,
  ) {
    this.cps = Array.from(source, (c) => c.codePointAt(0)!);
    this.flags = flags;
  }

  private has(flag: number): boolean {
    return (this.flags & flag) !== 0;
  }

  error(description: string, index: number): JavaPatternSyntaxError {
    return new JavaPatternSyntaxError(description, this.source, index);
  }

  private raw(at = this.pos): number {
    return at < this.cps.length ? this.cps[at]! : EOF;
  }

  /** Skips whitespace and #-comments under COMMENTS (Java's peekPastWhitespace). */
  private skipComments(): void {
    if (!this.has(COMMENTS)) return;
    for (;;) {
      const c = this.raw();
      if (c !== EOF && asciiIsSpace(c)) {
        this.pos++;
      } else if (c === 0x23 /* # */) {
        while (this.pos < this.cps.length) {
          const d = this.cps[this.pos++]!;
          if (d === 0x0a || d === 0x0d || d === 0x85 || d === 0x2028 || d === 0x2029) break;
        }
      } else {
        return;
      }
    }
  }

  private peek(): number {
    this.skipComments();
    return this.raw();
  }

  private next(): number {
    this.skipComments();
    const c = this.raw();
    if (c !== EOF) this.pos++;
    return c;
  }

  parse(): Node {
    const node = this.expr();
    if (this.pos < this.cps.length) {
      if (this.peek() === 0x29 /* ) */) throw this.error("Unmatched closing ')'", this.pos - 1);
      throw this.error('Unexpected internal error', this.pos - 1);
    }
    return node;
  }

  private expr(): Node {
    const alts: Node[] = [];
    for (;;) {
      alts.push(this.sequence());
      if (this.peek() !== 0x7c /* | */) break;
      this.pos++;
    }
    if (alts.length === 1) return alts[0]!;
    if (alts.every((a) => a.kind === 'char')) {
      // a|b|c of single characters: one character either way, so matching, captures and hitEnd are those of the
      // class [abc]; compiled as one (deterministic) node so (a|b)* iterates instead of recursing per repetition
      const preds = alts.map((a) => a.pred);
      return { kind: 'char', pred: (cp) => preds.some((p) => p(cp)), supplementary: true };
    }
    return { kind: 'alt', alts };
  }

  private sequence(): Node {
    const items: Node[] = [];
    for (;;) {
      const c = this.peek();
      let node: Node | null;
      switch (c) {
        case EOF:
        case 0x7c: // |
        case 0x29: // )
          return items.length === 1 ? items[0]! : items.length === 0 ? { kind: 'empty' } : { kind: 'seq', items };
        case 0x28: // (
          node = this.group();
          if (node === null) continue; // a pure flag group (?i)
          break;
        case 0x5b: // [
          this.pos++;
          node = this.charNode(this.clazz());
          break;
        case 0x5e: // ^
          this.pos++;
          node = this.has(MULTILINE) ? { kind: 'caret', unixLines: this.has(UNIX_LINES) } : { kind: 'begin' };
          break;
        case 0x24: // $
          this.pos++;
          node = { kind: 'dollar', multiline: this.has(MULTILINE), unixLines: this.has(UNIX_LINES) };
          break;
        case 0x2e: // .
          this.pos++;
          node = this.charNode(this.dot());
          break;
        case 0x3f: // ?
        case 0x2a: // *
        case 0x2b: // +
          this.pos++;
          throw this.error(`Dangling meta character '${String.fromCodePoint(c)}'`, this.pos - 1);
        case 0x7b: // { : Java's atom() yields an empty node and closure() parses (or rejects) the repetition
          node = { kind: 'empty' };
          break;
        case 0x5c: // \
          node = this.escapeInSequence();
          if (node === null) continue; // \Q\E with nothing quoted, or a quote already appended
          if (node.kind === 'seq') {
            // \Q…\E: the quantifier applies to the last quoted char only
            const quoted = node.items;
            const last = quoted.pop();
            items.push(...quoted);
            if (last === undefined) continue;
            node = last;
          }
          break;
        default:
          this.pos++;
          node = this.literal(c);
          break;
      }
      items.push(this.closure(node));
    }
  }

  private dot(): CharPredicate {
    if (this.has(DOTALL)) return () => true;
    if (this.has(UNIX_LINES)) return (cp) => cp !== 0x0a;
    return (cp) => cp !== 0x0a && cp !== 0x0d && (cp | 1) !== 0x2029 && cp !== 0x85;
  }

  private charNode(pred: CharPredicate, supplementary = true): Node {
    return { kind: 'char', pred, supplementary };
  }

  /** A literal code point, case-insensitive per the flags (Pattern.single). */
  private literal(cp: number): Node {
    if (cp > 0xffff || (cp >= 0xd800 && cp <= 0xdfff)) this.hasSupplementary = true;
    return this.charNode(this.single(cp), cp > 0xffff);
  }

  private single(cp: number): CharPredicate {
    if (this.has(CASE_INSENSITIVE)) {
      if (this.has(UNICODE_CASE)) {
        const lower = javaToLowerCase(javaToUpperCase(cp));
        return (ch) => ch === cp || javaToLowerCase(javaToUpperCase(ch)) === lower;
      }
      if (cp < 0x80 && asciiIsAlpha(cp)) {
        const lower = asciiToLower(cp);
        const upper = asciiToUpper(cp);
        return (ch) => ch === lower || ch === upper;
      }
    }
    return (ch) => ch === cp;
  }

  private range(lo: number, hi: number): CharPredicate {
    if (this.has(CASE_INSENSITIVE)) {
      if (this.has(UNICODE_CASE)) {
        return (ch) => {
          if (inRange(lo, ch, hi)) return true;
          const up = javaToUpperCase(ch);
          return inRange(lo, up, hi) || inRange(lo, javaToLowerCase(up), hi);
        };
      }
      return (ch) =>
        inRange(lo, ch, hi) || (ch < 0x80 && (inRange(lo, asciiToUpper(ch), hi) || inRange(lo, asciiToLower(ch), hi)));
    }
    return (ch) => inRange(lo, ch, hi);
  }

  /** Quantifier after an atom (Pattern.closure). */
  private closure(node: Node): Node {
    const c = this.peek();
    let min: number;
    let max: number;
    switch (c) {
      case 0x3f: // ?
        this.pos++;
        min = 0;
        max = 1;
        break;
      case 0x2a: // *
        this.pos++;
        min = 0;
        max = Infinity;
        break;
      case 0x2b: // +
        this.pos++;
        min = 1;
        max = Infinity;
        break;
      case 0x7b: {
        // {
        const bracePos = this.pos;
        if (!asciiIsDigit(this.raw(this.pos + 1))) throw this.error('Illegal repetition', bracePos + 1);
        this.pos++;
        min = this.readCount();
        max = min;
        if (this.raw() === 0x2c /* , */) {
          this.pos++;
          max = asciiIsDigit(this.raw()) ? this.readCount() : Infinity;
        }
        if (this.raw() !== 0x7d /* } */) throw this.error('Unclosed counted closure', this.pos);
        if (min < 0 || max < min) throw this.error('Illegal repetition range', this.pos);
        this.pos++;
        break;
      }
      default:
        return node;
    }
    let mode: 'greedy' | 'lazy' | 'possessive' = 'greedy';
    const after = this.raw();
    if (after === 0x3f) {
      this.pos++;
      mode = 'lazy';
    } else if (after === 0x2b) {
      this.pos++;
      mode = 'possessive';
    }
    return { kind: 'repeat', body: node, min, max, mode };
  }

  private readCount(): number {
    let n = 0;
    while (asciiIsDigit(this.raw())) {
      n = n * 10 + (this.raw() - 0x30);
      // Java's Math.addExact overflow → "Illegal repetition range" at the digit that overflowed
      if (n > 0x7fffffff) throw this.error('Illegal repetition range', this.pos);
      this.pos++;
    }
    return n;
  }

  /** A group starting at '(' (Pattern.group0). Returns null for a flag-only group. */
  private group(): Node | null {
    this.pos++; // (
    const savedFlags = this.flags;
    let node: Node;
    if (this.raw() === 0x3f /* ? */) {
      this.pos++;
      const c = this.raw();
      this.pos++;
      switch (c) {
        case 0x3a: // (?:
          node = this.expr();
          break;
        case 0x3d: // (?=
        case 0x21: // (?!
          node = { kind: 'look', behind: false, negative: c === 0x21, body: this.expr() };
          break;
        case 0x3e: // (?>
          node = { kind: 'atomic', body: this.expr() };
          break;
        case 0x3c: {
          // (?<
          const d = this.raw();
          if (d === 0x3d || d === 0x21) {
            this.pos++;
            node = { kind: 'look', behind: true, negative: d === 0x21, body: this.expr() };
          } else {
            const name = this.groupName();
            if (this.groupNames.has(name))
              throw this.error(`Named capturing group <${name}> is already defined`, this.pos - 1);
            const index = ++this.groupCount;
            this.groupNames.set(name, index);
            this.openGroups.push(index);
            node = { kind: 'group', index, body: this.expr() };
            this.openGroups.pop();
          }
          break;
        }
        default: {
          // inline flags (?idmsuxU-idmsuxU) or (?idmsux-idmsux:X)
          this.pos--;
          const end = this.addFlags();
          if (end === 0x29) {
            // (?i): applies to the rest of the enclosing group
            this.pos++;
            return null;
          }
          if (end !== 0x3a) throw this.error('Unknown inline modifier', this.pos);
          this.pos++;
          node = this.expr();
          break;
        }
      }
    } else {
      const index = ++this.groupCount;
      this.openGroups.push(index);
      node = { kind: 'group', index, body: this.expr() };
      this.openGroups.pop();
    }
    if (this.next() !== 0x29) throw this.error('Unclosed group', this.pos);
    this.flags = savedFlags;
    return node;
  }

  /** Reads inline flags; returns the code point that stopped it (')' or ':' when valid). */
  private addFlags(): number {
    let c = this.raw();
    let on = true;
    for (;;) {
      let flag = 0;
      switch (c) {
        case 0x69:
          flag = CASE_INSENSITIVE;
          break;
        case 0x6d:
          flag = MULTILINE;
          break;
        case 0x73:
          flag = DOTALL;
          break;
        case 0x64:
          flag = UNIX_LINES;
          break;
        case 0x75:
          flag = UNICODE_CASE;
          break;
        case 0x78:
          flag = COMMENTS;
          break;
        case 0x55:
          flag = UNICODE_CHARACTER_CLASS | UNICODE_CASE;
          break;
        case 0x63:
          throw new EmulatorUnsupportedError('regular expression flag (?c) (CANON_EQ)');
        case 0x2d: // -
          if (!on) return c;
          on = false;
          this.pos++;
          c = this.raw();
          continue;
        default:
          return c;
      }
      if (on) this.flags |= flag;
      else this.flags &= ~flag;
      this.pos++;
      c = this.raw();
    }
  }

  private groupName(): string {
    let name = '';
    const first = this.raw();
    if (!asciiIsAlpha(first)) throw this.error('capturing group name does not start with a Latin letter', this.pos);
    while (asciiIsAlpha(this.raw()) || asciiIsDigit(this.raw())) {
      name += String.fromCodePoint(this.raw());
      this.pos++;
    }
    if (this.raw() !== 0x3e /* > */) throw this.error("named capturing group is missing trailing '>'", this.pos);
    this.pos++;
    return name;
  }

  /** `\` in a sequence: an escape producing a node, or a \Q…\E quote (a seq of literals), or null for an empty quote. */
  private escapeInSequence(): Node | null {
    const start = this.pos;
    this.pos++; // \
    const c = this.raw();
    switch (c) {
      case 0x51: {
        // \Q … \E
        this.pos++;
        const items: Node[] = [];
        while (this.pos < this.cps.length) {
          if (this.raw() === 0x5c && this.raw(this.pos + 1) === 0x45) {
            this.pos += 2;
            return items.length === 0 ? null : { kind: 'seq', items };
          }
          items.push(this.literal(this.raw()));
          this.pos++;
        }
        return items.length === 0 ? null : { kind: 'seq', items };
      }
      case 0x41: // \A
        this.pos++;
        return { kind: 'begin' };
      case 0x5a: // \Z
        this.pos++;
        return { kind: 'dollar', multiline: false, unixLines: this.has(UNIX_LINES) };
      case 0x7a: // \z
        this.pos++;
        return { kind: 'end' };
      case 0x47: // \G
        this.pos++;
        return { kind: 'lastMatch' };
      case 0x62: // \b
      case 0x42: // \B
        this.pos++;
        if (c === 0x62 && this.raw() === 0x7b) throw new EmulatorUnsupportedError('regular expression \\b{g}');
        return { kind: 'bound', negated: c === 0x42, unicode: this.has(UNICODE_CHARACTER_CLASS) };
      case 0x52: // \R
        this.pos++;
        return { kind: 'linebreak' };
      case 0x58: // \X
        throw new EmulatorUnsupportedError('regular expression \\X (grapheme cluster)');
      case 0x6b: {
        // \k<name>
        this.pos++;
        if (this.raw() !== 0x3c) throw this.error("\\k is not followed by '<' for named capturing group", this.pos);
        this.pos++;
        const name = this.groupName();
        const index = this.groupNames.get(name);
        if (index === undefined) throw this.error(`named capturing group <${name}> does not exist`, this.pos - 1);
        return this.backref(index);
      }
      default:
        break;
    }
    if (c >= 0x31 && c <= 0x39) {
      // \1 … \9 and further digits while they name an existing group (Pattern.ref)
      this.pos++;
      let ref = c - 0x30;
      for (;;) {
        const d = this.raw();
        if (!asciiIsDigit(d)) break;
        const candidate = ref * 10 + (d - 0x30);
        if (this.groupCount < candidate) break;
        ref = candidate;
        this.pos++;
      }
      return this.backref(ref);
    }
    this.pos = start;
    return this.charNode(this.classEscape(false));
  }

  private backref(index: number): Node {
    return { kind: 'backref', index, ci: this.has(CASE_INSENSITIVE), unicodeCase: this.has(UNICODE_CASE) };
  }

  /**
   * An escape that denotes characters (usable inside and outside classes), at `\`: predefined classes, \p{…}, or a
   * single escaped character.
   */
  private classEscape(inClass: boolean): CharPredicate {
    this.pos++; // \
    const c = this.raw();
    this.pos++;
    const u = this.has(UNICODE_CHARACTER_CLASS);
    switch (c) {
      case 0x64:
        return u ? isDigit : asciiIsDigit; // \d
      case 0x44:
        return negate(u ? isDigit : asciiIsDigit); // \D
      case 0x73:
        return u ? isWhiteSpaceProp : asciiIsSpace; // \s
      case 0x53:
        return negate(u ? isWhiteSpaceProp : asciiIsSpace);
      case 0x77:
        return u ? uWord : wordAscii; // \w
      case 0x57:
        return negate(u ? uWord : wordAscii);
      case 0x68:
        return horizontalWhitespace; // \h
      case 0x48:
        return negate(horizontalWhitespace);
      case 0x76:
        return verticalWhitespace; // \v (Java 8+: vertical whitespace, not \x0B)
      case 0x56:
        return negate(verticalWhitespace);
      case 0x70: // \p
      case 0x50: // \P
        return this.family(c === 0x50);
      case 0x4e: // \N
        throw new EmulatorUnsupportedError('regular expression \\N{name}');
      default: {
        this.pos -= 2;
        const cp = this.escapedChar(inClass);
        if (cp > 0xffff || (cp >= 0xd800 && cp <= 0xdfff)) this.hasSupplementary = true;
        return this.single(cp);
      }
    }
  }

  /** A single character from an escape at `\` (Pattern.escape for the character-producing cases). */
  escapedChar(inClass: boolean): number {
    this.pos++; // \
    const escapeStart = this.pos;
    const c = this.raw();
    this.pos++;
    switch (c) {
      case EOF:
        throw this.error('Unexpected internal error', this.pos - 1);
      case 0x30: // \0ooo
        return this.octal();
      case 0x74:
        return 0x09;
      case 0x6e:
        return 0x0a;
      case 0x72:
        return 0x0d;
      case 0x66:
        return 0x0c;
      case 0x61:
        return 0x07;
      case 0x65:
        return 0x1b;
      case 0x63: {
        // \cX
        if (this.pos < this.cps.length) {
          const x = this.raw();
          this.pos++;
          return x ^ 64;
        }
        throw this.error('Illegal control escape sequence', this.pos - 1);
      }
      case 0x78:
        return this.hex();
      case 0x75:
        return this.unicodeEscape();
      default:
        break;
    }
    if (asciiIsAlpha(c)) throw this.error('Illegal/unsupported escape sequence', escapeStart);
    if (asciiIsDigit(c) && inClass) throw this.error('Illegal/unsupported escape sequence', escapeStart);
    return c;
  }

  private octal(): number {
    const n = this.raw();
    if (n >= 0x30 && n <= 0x37) {
      this.pos++;
      const m = this.raw();
      if (m >= 0x30 && m <= 0x37) {
        this.pos++;
        const o = this.raw();
        if (o >= 0x30 && o <= 0x37 && n <= 0x33) {
          this.pos++;
          return (n - 0x30) * 64 + (m - 0x30) * 8 + (o - 0x30);
        }
        return (n - 0x30) * 8 + (m - 0x30);
      }
      return n - 0x30;
    }
    throw this.error('Illegal octal escape sequence', this.pos);
  }

  private hexValue(cp: number): number {
    if (asciiIsDigit(cp)) return cp - 0x30;
    if (inRange(0x41, cp, 0x46)) return cp - 0x41 + 10;
    if (inRange(0x61, cp, 0x66)) return cp - 0x61 + 10;
    return -1;
  }

  private hex(): number {
    const a = this.hexValue(this.raw());
    if (a >= 0) {
      const b = this.hexValue(this.raw(this.pos + 1));
      if (b >= 0) {
        this.pos += 2;
        return a * 16 + b;
      }
    } else if (this.raw() === 0x7b /* { */) {
      this.pos++;
      let value = 0;
      let digits = 0;
      while (this.hexValue(this.raw()) >= 0) {
        value = value * 16 + this.hexValue(this.raw());
        this.pos++;
        digits++;
        if (value > 0x10ffff) throw this.error('Hexadecimal codepoint is too big', this.pos - 1);
      }
      if (digits === 0 || this.raw() !== 0x7d) throw this.error('Unclosed hexadecimal escape sequence', this.pos);
      this.pos++;
      return value;
    }
    throw this.error('Illegal hexadecimal escape sequence', this.pos);
  }

  private unicodeEscape(): number {
    let value = 0;
    for (let k = 0; k < 4; k++) {
      const h = this.hexValue(this.raw());
      if (h < 0) throw this.error('Illegal Unicode escape sequence', this.pos);
      value = value * 16 + h;
      this.pos++;
    }
    // A \uD8xx\uDCxx pair written as two escapes is one code point (Pattern.uxxxx)
    if (value >= 0xd800 && value <= 0xdbff && this.raw() === 0x5c && this.raw(this.pos + 1) === 0x75) {
      const save = this.pos;
      this.pos += 2;
      let low = 0;
      let ok = true;
      for (let k = 0; k < 4; k++) {
        const h = this.hexValue(this.raw());
        if (h < 0) {
          ok = false;
          break;
        }
        low = low * 16 + h;
        this.pos++;
      }
      if (ok && low >= 0xdc00 && low <= 0xdfff) return 0x10000 + ((value - 0xd800) << 10) + (low - 0xdc00);
      this.pos = save;
    }
    return value;
  }

  /** \p{name} / \pL / \P… (Pattern.family). `pos` is just after the p/P. */
  private family(complement: boolean): CharPredicate {
    let name: string;
    const c = this.raw();
    if (c !== 0x7b) {
      if (c === EOF) throw this.error('Unknown character property name {\u0000}', this.pos);
      name = String.fromCodePoint(c);
      this.pos++;
    } else {
      const open = this.pos;
      this.pos++;
      const close = this.cps.indexOf(0x7d, this.pos);
      if (close < 0) throw this.error('Unclosed character family', this.cps.length);
      name = String.fromCodePoint(...this.cps.slice(open + 1, close));
      this.pos = close + 1;
    }
    const errorIndex = this.pos - 1;
    const caseIns = this.has(CASE_INSENSITIVE);
    let p: CharPredicate | null = null;
    const eq = name.indexOf('=');
    if (eq >= 0) {
      const key = name.slice(0, eq).toLowerCase();
      const value = name.slice(eq + 1);
      if (key === 'blk' || key === 'block') {
        throw new EmulatorUnsupportedError(`regular expression Unicode block \\p{${name}}`);
      }
      if (key === 'sc' || key === 'script') p = forUnicodeScript(value);
      else if (key === 'gc' || key === 'general_category') p = forProperty(value, caseIns);
      if (p === null) throw this.error(`Unknown Unicode property {name=<${key}>, value=<${value}>}`, errorIndex);
    } else if (name.startsWith('In')) {
      throw new EmulatorUnsupportedError(`regular expression Unicode block \\p{${name}}`);
    } else if (name.startsWith('Is')) {
      const short = name.slice(2);
      p = forUnicodeProperty(short, caseIns) ?? forProperty(short, caseIns) ?? forUnicodeScript(short);
    } else {
      if (this.has(UNICODE_CHARACTER_CLASS)) p = forPOSIXName(name, caseIns);
      p ??= forProperty(name, caseIns);
    }
    if (p === null) throw this.error(`Unknown character property name {${name}}`, errorIndex);
    return complement ? negate(p) : p;
  }

  /**
   * A character class; `pos` is just after '['. Java semantics: a leading '^' negates the union of everything in the
   * class (nested classes included), `&&` intersects, a ']' right after '[' or '[^' is literal.
   */
  private clazz(): CharPredicate {
    let negated = false;
    let current: CharPredicate | null = null; // union so far
    let intersectLeft: CharPredicate | null = null;
    let first = true;
    if (this.raw() === 0x5e /* ^ */) {
      this.pos++;
      negated = true;
    }
    const add = (p: CharPredicate): void => {
      const prev = current;
      current = prev === null ? p : (cp) => prev(cp) || p(cp);
    };
    for (;;) {
      this.skipComments();
      const c = this.raw();
      if (c === EOF) throw this.error('Unclosed character class', this.cps.length - 1);
      if (c === 0x5d /* ] */ && !(first && current === null)) {
        this.pos++;
        break;
      }
      if (c === 0x5c && this.raw(this.pos + 1) === 0x51 /* \Q */) {
        // Java removes \Q…\E before parsing: an empty quote leaves the class as if it were not there
        this.pos += 2;
        while (this.pos < this.cps.length) {
          if (this.raw() === 0x5c && this.raw(this.pos + 1) === 0x45) {
            this.pos += 2;
            break;
          }
          add(this.single(this.raw()));
          first = false;
          this.pos++;
        }
        continue;
      }
      first = false;
      if (c === 0x5b /* [ */) {
        this.pos++;
        add(this.clazz());
        continue;
      }
      if (c === 0x26 /* & */ && this.raw(this.pos + 1) === 0x26) {
        this.pos += 2;
        // left operand: everything so far (an empty operand constrains nothing)
        intersectLeft = combineIntersection(intersectLeft, current) ?? (() => true);
        current = null;
        continue;
      }
      if (c === 0x5c /* \ */) {
        const next = this.raw(this.pos + 1);
        if (next === 0x45 /* E */) {
          this.pos += 2; // a stray \E is ignored
          continue;
        }
        if (isClassEscapeLetter(next)) {
          add(this.classEscape(true));
          continue;
        }
      }
      // a single character, maybe the start of a range
      const lo = this.classChar();
      this.skipComments();
      if (this.raw() === 0x2d /* - */) {
        const afterDash = this.raw(this.pos + 1);
        if (afterDash === 0x5b /* [ */) {
          // "a-[" : '-' is literal
          add(this.single(lo));
          continue;
        }
        if (afterDash !== 0x5d /* ] */ && afterDash !== EOF) {
          this.pos++;
          if (afterDash === 0x5c && isClassEscapeLetter(this.raw(this.pos + 1))) {
            throw this.error('Illegal character range', this.pos + 1);
          }
          const hi = this.classChar();
          if (hi < lo) throw this.error('Illegal character range', this.pos - 1);
          add(this.range(lo, hi));
          continue;
        }
      }
      add(this.single(lo));
    }
    const result: CharPredicate = combineIntersection(intersectLeft, current) ?? (() => false);
    return negated ? negate(result) : result;
  }

  /** One character inside a class (a literal or an escaped character). */
  private classChar(): number {
    const c = this.raw();
    if (c === 0x5c) return this.escapedChar(true);
    this.pos++;
    if (c > 0xffff || (c >= 0xd800 && c <= 0xdfff)) this.hasSupplementary = true;
    return c;
  }
}

function combineIntersection(left: CharPredicate | null, right: CharPredicate | null): CharPredicate | null {
  if (left === null) return right;
  if (right === null) return left;
  return (cp) => left(cp) && right(cp);
}

/** Escapes inside a class that denote a set rather than one character. */
function isClassEscapeLetter(c: number): boolean {
  return (
    c === 0x64 ||
    c === 0x44 ||
    c === 0x73 ||
    c === 0x53 ||
    c === 0x77 ||
    c === 0x57 ||
    c === 0x68 ||
    c === 0x48 ||
    c === 0x76 ||
    c === 0x56 ||
    c === 0x70 ||
    c === 0x50 ||
    c === 0x4e
  );
}

const wordAscii: CharPredicate = (cp) => asciiIsAlpha(cp) || asciiIsDigit(cp) || cp === 0x5f;
const horizontalWhitespace: CharPredicate = (cp) =>
  cp === 0x20 ||
  cp === 0x09 ||
  cp === 0xa0 ||
  cp === 0x1680 ||
  cp === 0x180e ||
  inRange(0x2000, cp, 0x200a) ||
  cp === 0x202f ||
  cp === 0x205f ||
  cp === 0x3000;
const verticalWhitespace: CharPredicate = (cp) =>
  inRange(0x0a, cp, 0x0d) || cp === 0x85 || cp === 0x2028 || cp === 0x2029;

// ---------------------------------------------------------------------------------------------------------------
// Tree facts
// ---------------------------------------------------------------------------------------------------------------

/** [min, max] length in chars of what a node can match (max Infinity when unbounded). */
function lengthBounds(node: Node): [number, number] {
  switch (node.kind) {
    case 'empty':
    case 'begin':
    case 'caret':
    case 'dollar':
    case 'end':
    case 'lastMatch':
    case 'bound':
    case 'look':
      return [0, 0];
    case 'char':
      return [1, node.supplementary ? 2 : 1];
    case 'linebreak':
      return [1, 2];
    case 'backref':
      return [0, Infinity];
    case 'seq': {
      let min = 0;
      let max = 0;
      for (const item of node.items) {
        const [a, b] = lengthBounds(item);
        min += a;
        max += b;
      }
      return [min, max];
    }
    case 'alt': {
      let min = Infinity;
      let max = 0;
      for (const alt of node.alts) {
        const [a, b] = lengthBounds(alt);
        min = Math.min(min, a);
        max = Math.max(max, b);
      }
      return [min, max];
    }
    case 'group':
    case 'atomic':
      return lengthBounds(node.body);
    case 'repeat': {
      const [a, b] = lengthBounds(node.body);
      return [a * node.min, node.max === Infinity ? (b === 0 ? 0 : Infinity) : b * node.max];
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Compiler: tree → chain of match functions (each node gets its continuation, like Java's Node.next)
// ---------------------------------------------------------------------------------------------------------------

class Compiler {
  localCount = 0;

  compile(node: Node, next: MatchFn): MatchFn {
    switch (node.kind) {
      case 'empty':
        return next;
      case 'char':
        return compileChar(node.pred, next);
      case 'seq': {
        let m = next;
        for (let k = node.items.length - 1; k >= 0; k--) m = this.compile(node.items[k]!, m);
        return m;
      }
      case 'alt': {
        const alts = node.alts.map((a) => this.compile(a, next));
        return (ctx, i) => {
          for (const alt of alts) if (alt(ctx, i)) return true;
          return false;
        };
      }
      case 'group':
        return this.compileGroup(node.index, node.body, next);
      case 'repeat':
        return this.compileRepeat(node, next);
      case 'atomic': {
        const body = this.compile(node.body, acceptLast);
        return (ctx, i) => body(ctx, i) && next(ctx, ctx.last);
      }
      case 'look':
        return node.behind ? this.compileLookbehind(node, next) : this.compileLookahead(node, next);
      case 'backref':
        return compileBackref(node.index, node.ci, node.unicodeCase, next);
      case 'begin':
        return (ctx, i) => {
          const fromIndex = ctx.anchoringBounds ? ctx.from : 0;
          return i === fromIndex && next(ctx, i);
        };
      case 'caret':
        return compileCaret(node.unixLines, next);
      case 'dollar':
        return node.unixLines ? compileUnixDollar(node.multiline, next) : compileDollar(node.multiline, next);
      case 'end':
        return (ctx, i) => {
          const endIndex = ctx.anchoringBounds ? ctx.to : ctx.text.length;
          if (i === endIndex) {
            ctx.hitEnd = true;
            return next(ctx, i);
          }
          return false;
        };
      case 'lastMatch':
        return (ctx, i) => i === ctx.oldLast && next(ctx, i);
      case 'bound':
        return compileBound(node.negated, node.unicode, next);
      case 'linebreak':
        // \R (Java 9+ LineEnding): \u000D\u000A | [\u000A\u000B\u000C\u000D\u0085\u2028\u2029], backtracking into \r alone
        return (ctx, i) => {
          if (i < ctx.to) {
            const ch = ctx.text.charCodeAt(i);
            if (ch === 0x0a || ch === 0x0b || ch === 0x0c || ch === 0x85 || ch === 0x2028 || ch === 0x2029) {
              return next(ctx, i + 1);
            }
            if (ch === 0x0d) {
              const j = i + 1;
              if (j < ctx.to) {
                if (ctx.text.charCodeAt(j) === 0x0a && next(ctx, j + 1)) return true;
              } else {
                ctx.hitEnd = true;
              }
              return next(ctx, j);
            }
          } else {
            ctx.hitEnd = true;
          }
          return false;
        };
    }
  }

  private compileGroup(index: number, body: Node, next: MatchFn): MatchFn {
    const local = this.localCount++;
    const g = index * 2;
    const tail: MatchFn = (ctx, i) => {
      const start = ctx.locals[local]!;
      const oldStart = ctx.groups[g]!;
      const oldEnd = ctx.groups[g + 1]!;
      ctx.groups[g] = start;
      ctx.groups[g + 1] = i;
      if (next(ctx, i)) return true;
      ctx.groups[g] = oldStart;
      ctx.groups[g + 1] = oldEnd;
      return false;
    };
    const inner = this.compile(body, tail);
    return (ctx, i) => {
      const save = ctx.locals[local]!;
      ctx.locals[local] = i;
      const r = inner(ctx, i);
      ctx.locals[local] = save;
      return r;
    };
  }

  private compileRepeat(node: Extract<Node, { kind: 'repeat' }>, next: MatchFn): MatchFn {
    const { min, max, mode } = node;
    const body = node.body;
    if (body.kind === 'char') return compileCurlyChar(body.pred, min, max, mode, next);
    if (mode === 'possessive') {
      // Java Curly (POSSESSIVE) over a general atom: each iteration matches independently, no giving back
      const atom = this.compile(body, acceptLast);
      return (ctx, i) => {
        let j = 0;
        for (; j < min; j++) {
          if (!atom(ctx, i)) return false;
          i = ctx.last;
        }
        for (; j < max; j++) {
          const before = i;
          if (!atom(ctx, i)) break;
          if (ctx.last === before) break;
          i = ctx.last;
        }
        return next(ctx, i);
      };
    }
    if (isDeterministic(body)) {
      // Java GroupCurly (a group) / Curly (another atom) over a deterministic body: iterative, each iteration matched
      // the one way it can match; only the outer group's capture is restored when backing off, as in Java
      const capture = body.kind === 'group' ? body.index : -1;
      const atom = this.compile(body.kind === 'group' ? body.body : body, acceptLast);
      return compileGroupCurly(atom, capture, min, max, mode === 'lazy', next);
    }
    return this.compileLoop(body, min, max, mode === 'lazy', next);
  }

  /** Java's Prolog/Loop and LazyLoop: counts and the iteration start live in matcher locals. */
  private compileLoop(bodyNode: Node, min: number, max: number, lazy: boolean, next: MatchFn): MatchFn {
    const countSlot = this.localCount++;
    const beginSlot = this.localCount++;
    let body: MatchFn = () => false;
    const loop: MatchFn = lazy
      ? (ctx, i) => {
          if (i > ctx.locals[beginSlot]!) {
            const count = ctx.locals[countSlot]!;
            if (count < min) {
              ctx.locals[countSlot] = count + 1;
              const r = body(ctx, i);
              if (!r) ctx.locals[countSlot] = count;
              return r;
            }
            if (next(ctx, i)) return true;
            if (count < max) {
              ctx.locals[countSlot] = count + 1;
              const r = body(ctx, i);
              if (!r) ctx.locals[countSlot] = count;
              return r;
            }
            return false;
          }
          return next(ctx, i);
        }
      : (ctx, i) => {
          if (i > ctx.locals[beginSlot]!) {
            const count = ctx.locals[countSlot]!;
            if (count < min) {
              ctx.locals[countSlot] = count + 1;
              const r = body(ctx, i);
              if (!r) ctx.locals[countSlot] = count;
              return r;
            }
            if (count < max) {
              ctx.locals[countSlot] = count + 1;
              if (body(ctx, i)) return true;
              ctx.locals[countSlot] = count;
            }
          }
          return next(ctx, i);
        };
    const inner = this.compile(bodyNode, loop);
    body = (ctx, i) => {
      const save = ctx.locals[beginSlot]!;
      ctx.locals[beginSlot] = i;
      const r = inner(ctx, i);
      ctx.locals[beginSlot] = save;
      return r;
    };
    return (ctx, i) => {
      const save = ctx.locals[countSlot]!;
      let r: boolean;
      if (lazy) {
        if (0 < min) {
          ctx.locals[countSlot] = 1;
          r = body(ctx, i);
        } else if (next(ctx, i)) {
          r = true;
        } else if (0 < max) {
          ctx.locals[countSlot] = 1;
          r = body(ctx, i);
        } else {
          r = false;
        }
      } else if (0 < min) {
        ctx.locals[countSlot] = 1;
        r = body(ctx, i);
      } else if (0 < max) {
        ctx.locals[countSlot] = 1;
        r = body(ctx, i) || next(ctx, i);
      } else {
        r = next(ctx, i);
      }
      ctx.locals[countSlot] = save;
      return r;
    };
  }

  private compileLookahead(node: Extract<Node, { kind: 'look' }>, next: MatchFn): MatchFn {
    const cond = this.compile(node.body, acceptTrue);
    if (!node.negative) {
      return (ctx, i) => {
        const savedTo = ctx.to;
        if (ctx.transparentBounds) ctx.to = ctx.text.length;
        let matched: boolean;
        try {
          matched = cond(ctx, i);
        } finally {
          ctx.to = savedTo;
        }
        return matched && next(ctx, i);
      };
    }
    return (ctx, i) => {
      const savedTo = ctx.to;
      if (ctx.transparentBounds) ctx.to = ctx.text.length;
      let matched: boolean;
      try {
        // a negative lookahead that succeeds at the end could fail with more input
        if (i >= ctx.to) ctx.requireEnd = true;
        matched = !cond(ctx, i);
      } finally {
        ctx.to = savedTo;
      }
      return matched && next(ctx, i);
    };
  }

  private compileLookbehind(node: Extract<Node, { kind: 'look' }>, next: MatchFn): MatchFn {
    const [rmin, rmax] = lengthBounds(node.body);
    const cond = this.compile(node.body, (ctx, i) => i === ctx.lookbehindTo);
    const negative = node.negative;
    return (ctx, i) => {
      const savedFrom = ctx.from;
      const savedLBT = ctx.lookbehindTo;
      const startIndex = ctx.transparentBounds ? 0 : ctx.from;
      const from = Math.max(i - rmax, startIndex);
      ctx.lookbehindTo = i;
      if (ctx.transparentBounds) ctx.from = 0;
      let matched = false;
      try {
        for (let j = i - rmin; !matched && j >= from; j--) matched = cond(ctx, j);
      } finally {
        ctx.from = savedFrom;
        ctx.lookbehindTo = savedLBT;
      }
      return (negative ? !matched : matched) && next(ctx, i);
    };
  }
}

/** Java's TreeInfo.deterministic: no alternation and no variable-count quantifier anywhere in the node. */
function isDeterministic(node: Node): boolean {
  switch (node.kind) {
    case 'alt':
      return false;
    case 'repeat':
      return node.min === node.max && isDeterministic(node.body);
    case 'seq':
      return node.items.every(isDeterministic);
    case 'group':
    case 'atomic':
    case 'look':
      return isDeterministic(node.body);
    default:
      return true;
  }
}

/** Java GroupCurly.match/match0/match1: iterative repetition of a deterministic atom. */
function compileGroupCurly(
  atom: MatchFn,
  capture: number,
  min: number,
  max: number,
  lazy: boolean,
  next: MatchFn,
): MatchFn {
  const g = capture * 2;
  return (ctx, i) => {
    const groups = ctx.groups;
    const save0 = capture >= 0 ? groups[g]! : 0;
    const save1 = capture >= 0 ? groups[g + 1]! : 0;
    const restore = (): void => {
      if (capture >= 0) {
        groups[g] = save0;
        groups[g + 1] = save1;
      }
    };
    const setCapture = (start: number, end: number): void => {
      if (capture >= 0) {
        groups[g] = start;
        groups[g + 1] = end;
      }
    };
    for (let j = 0; j < min; j++) {
      if (!atom(ctx, i)) {
        restore();
        return false;
      }
      setCapture(i, ctx.last);
      i = ctx.last;
    }
    let count = min;
    if (lazy) {
      for (;;) {
        if (next(ctx, i)) return true;
        if (count >= max || !atom(ctx, i) || ctx.last === i) break;
        setCapture(i, ctx.last);
        i = ctx.last;
        count++;
      }
      restore();
      return false;
    }
    const starts: number[] = [];
    const captureBeforeLoop = capture >= 0 ? [groups[g]!, groups[g + 1]!] : [0, 0];
    while (count < max) {
      if (!atom(ctx, i)) break;
      const end = ctx.last;
      if (end <= i) {
        // a zero-length iteration ends the repetition (it is kept as the group's capture)
        setCapture(i, end);
        break;
      }
      starts.push(i);
      setCapture(i, end);
      i = end;
      count++;
    }
    for (;;) {
      if (next(ctx, i)) return true;
      const back = starts.pop();
      if (back === undefined) break;
      // back off one iteration: the capture becomes the previous iteration (or what it was before the loop)
      i = back;
      const previous = starts[starts.length - 1];
      if (previous !== undefined) setCapture(previous, i);
      else setCapture(captureBeforeLoop[0]!, captureBeforeLoop[1]!);
    }
    restore();
    return false;
  };
}

const acceptTrue: MatchFn = () => true;
const acceptLast: MatchFn = (ctx, i) => {
  ctx.last = i;
  return true;
};

/** Reads one code point at i within the region; returns the position after it, or -1 (setting hitEnd at the end). */
function step(ctx: MatchContext, i: number, pred: CharPredicate): number {
  if (i < ctx.to) {
    const ch = ctx.text.codePointAt(i)!;
    const j = i + (ch > 0xffff ? 2 : 1);
    if (j <= ctx.to) return pred(ch) ? j : -1;
  }
  ctx.hitEnd = true;
  return -1;
}

function compileChar(pred: CharPredicate, next: MatchFn): MatchFn {
  return (ctx, i) => {
    const j = step(ctx, i, pred);
    return j >= 0 && next(ctx, j);
  };
}

/** Java Curly over a one-character atom, iterative (no recursion per repetition). */
function compileCurlyChar(
  pred: CharPredicate,
  min: number,
  max: number,
  mode: 'greedy' | 'lazy' | 'possessive',
  next: MatchFn,
): MatchFn {
  return (ctx, i) => {
    let count = 0;
    for (; count < min; count++) {
      const j = step(ctx, i, pred);
      if (j < 0) return false;
      i = j;
    }
    if (mode === 'lazy') {
      for (;;) {
        if (next(ctx, i)) return true;
        if (count >= max) return false;
        const j = step(ctx, i, pred);
        if (j < 0) return false;
        i = j;
        count++;
      }
    }
    if (mode === 'possessive') {
      while (count < max) {
        const j = step(ctx, i, pred);
        if (j < 0) break;
        i = j;
        count++;
      }
      return next(ctx, i);
    }
    const start = i;
    const positions: number[] = [];
    while (count < max) {
      const j = step(ctx, i, pred);
      if (j < 0) break;
      positions.push(i);
      i = j;
      count++;
    }
    for (;;) {
      if (next(ctx, i)) return true;
      const back = positions.pop();
      if (back === undefined || back < start) return false;
      i = back;
    }
  };
}

function compileBackref(index: number, ci: boolean, unicodeCase: boolean, next: MatchFn): MatchFn {
  const g = index * 2;
  return (ctx, i) => {
    if (g + 1 >= ctx.groups.length) return false; // a group that does not exist never matched
    const j = ctx.groups[g]!;
    const k = ctx.groups[g + 1]!;
    if (j < 0) return false;
    const size = k - j;
    if (i + size > ctx.to) {
      ctx.hitEnd = true;
      return false;
    }
    const text = ctx.text;
    if (!ci) {
      for (let n = 0; n < size; n++) if (text.charCodeAt(i + n) !== text.charCodeAt(j + n)) return false;
      return next(ctx, i + size);
    }
    // CIBackRef: code point by code point
    let x = i;
    let y = j;
    while (y < k) {
      const c1 = text.codePointAt(x)!;
      const c2 = text.codePointAt(y)!;
      if (c1 !== c2) {
        if (unicodeCase) {
          const u1 = javaToUpperCase(c1);
          const u2 = javaToUpperCase(c2);
          if (u1 !== u2 && javaToLowerCase(u1) !== javaToLowerCase(u2)) return false;
        } else if (asciiToLower(c1) !== asciiToLower(c2)) {
          return false;
        }
      }
      x += c1 > 0xffff ? 2 : 1;
      y += c2 > 0xffff ? 2 : 1;
    }
    return next(ctx, i + size);
  };
}

const isLineTerminator = (ch: number): boolean => ch === 0x0a || ch === 0x0d || (ch | 1) === 0x2029 || ch === 0x85;

function compileCaret(unixLines: boolean, next: MatchFn): MatchFn {
  return (ctx, i) => {
    let startIndex = ctx.from;
    let endIndex = ctx.to;
    if (!ctx.anchoringBounds) {
      startIndex = 0;
      endIndex = ctx.text.length;
    }
    // Perl does not match ^ at end of input even after a newline
    if (i === endIndex) {
      ctx.hitEnd = true;
      return false;
    }
    if (i > startIndex) {
      const ch = ctx.text.charCodeAt(i - 1);
      if (unixLines) {
        if (ch !== 0x0a) return false;
      } else {
        if (!isLineTerminator(ch)) return false;
        if (ch === 0x0d && ctx.text.charCodeAt(i) === 0x0a) return false; // \r\n is one line terminator
      }
    }
    return next(ctx, i);
  };
}

function compileDollar(multiline: boolean, next: MatchFn): MatchFn {
  return (ctx, i) => {
    const endIndex = ctx.anchoringBounds ? ctx.to : ctx.text.length;
    const text = ctx.text;
    if (!multiline) {
      if (i < endIndex - 2) return false;
      if (i === endIndex - 2) {
        if (text.charCodeAt(i) !== 0x0d || text.charCodeAt(i + 1) !== 0x0a) return false;
      }
    }
    if (i < endIndex) {
      const ch = text.charCodeAt(i);
      if (ch === 0x0a) {
        if (i > 0 && text.charCodeAt(i - 1) === 0x0d) return false; // not between \r and \n
        if (multiline) return next(ctx, i);
      } else if (ch === 0x0d || ch === 0x85 || (ch | 1) === 0x2029) {
        if (multiline) return next(ctx, i);
      } else {
        return false;
      }
    }
    // matched at (or just before a terminator at) the end: more input could change that
    ctx.hitEnd = true;
    ctx.requireEnd = true;
    return next(ctx, i);
  };
}

function compileUnixDollar(multiline: boolean, next: MatchFn): MatchFn {
  return (ctx, i) => {
    const endIndex = ctx.anchoringBounds ? ctx.to : ctx.text.length;
    if (i < endIndex) {
      const ch = ctx.text.charCodeAt(i);
      if (ch === 0x0a) {
        if (!multiline && i !== endIndex - 1) return false;
        if (multiline) return next(ctx, i);
      } else {
        return false;
      }
    }
    ctx.hitEnd = true;
    ctx.requireEnd = true;
    return next(ctx, i);
  };
}

function compileBound(negated: boolean, unicode: boolean, next: MatchFn): MatchFn {
  const isWord: CharPredicate = unicode ? uWord : (ch) => ch === 0x5f || isLetterOrDigit(ch);
  const hasBaseCharacter = (ctx: MatchContext, i: number): boolean => {
    const start = ctx.transparentBounds ? 0 : ctx.from;
    for (let x = i; x >= start; x--) {
      const ch = ctx.text.codePointAt(x)!;
      if (isLetterOrDigit(ch)) return true;
      if (isNonSpacingMark(ch)) continue;
      return false;
    }
    return false;
  };
  return (ctx, i) => {
    let startIndex = ctx.from;
    let endIndex = ctx.to;
    if (ctx.transparentBounds) {
      startIndex = 0;
      endIndex = ctx.text.length;
    }
    let left = false;
    if (i > startIndex) {
      const ch = codePointBefore(ctx.text, i);
      left = isWord(ch) || (isNonSpacingMark(ch) && hasBaseCharacter(ctx, i - 1));
    }
    let right = false;
    if (i < endIndex) {
      const ch = ctx.text.codePointAt(i)!;
      right = isWord(ch) || (isNonSpacingMark(ch) && hasBaseCharacter(ctx, i));
    } else {
      // tried to read past the end: another char could wreck the boundary
      ctx.hitEnd = true;
      ctx.requireEnd = true;
    }
    const boundary = left !== right;
    return (negated ? !boundary : boundary) && next(ctx, i);
  };
}

/** Character.codePointBefore(CharSequence, int). */
export function codePointBefore(s: string, index: number): number {
  const low = s.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
    const high = s.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return 0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00);
  }
  return low;
}

// ---------------------------------------------------------------------------------------------------------------
// Public entry points
// ---------------------------------------------------------------------------------------------------------------

const cache = new Map<string, JavaRegex>();
const CACHE_LIMIT = 500;

/**
 * Compiles a Java regular expression (with inline flags only, as Apex's Pattern.compile takes no flags).
 * Throws JavaPatternSyntaxError for invalid syntax (callers wrap it with invalidRegexError) and
 * EmulatorUnsupportedError for constructs the emulator does not implement. Results are cached by source.
 */
export function compileJavaRegex(source: string): JavaRegex {
  const hit = cache.get(source);
  if (hit) return hit;
  const parser = new Parser(source, 0);
  const tree = parser.parse();
  const compiler = new Compiler();
  const lastNode: MatchFn = (ctx, i) => {
    if (ctx.endAnchor && i !== ctx.to) return false;
    ctx.last = i;
    ctx.groups[1] = i;
    return true;
  };
  const body = compiler.compile(tree, lastNode);
  const groupCount = parser.groupCount;
  const localCount = compiler.localCount;
  const regex: JavaRegex = {
    source,
    groupCount,
    groupNames: parser.groupNames,
    minLength: lengthBounds(tree)[0],
    hasSupplementary: parser.hasSupplementary,
    beginsAnchored: tree.kind === 'begin' || (tree.kind === 'seq' && tree.items[0]?.kind === 'begin'),
    matchRoot: body,
  };
  localCounts.set(regex, localCount);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(source, regex);
  return regex;
}

const localCounts = new WeakMap<JavaRegex, number>();

/** Compiles, turning syntax errors into Apex's System.StringException. */
export function compileApexRegex(source: string): JavaRegex {
  try {
    return compileJavaRegex(source);
  } catch (e) {
    if (e instanceof JavaPatternSyntaxError) throw invalidRegexError(e);
    throw e;
  }
}

/** A fresh match context for a matcher over `text` (region = whole text, anchoring and opaque bounds). */
export function newMatchContext(regex: JavaRegex, text: string): MatchContext {
  // java.util.regex.Matcher sizes groups for at least 10 so \1–\9 to missing groups simply fail
  const groupSlots = Math.max(regex.groupCount + 1, 10) * 2;
  return {
    text,
    from: 0,
    to: text.length,
    transparentBounds: false,
    anchoringBounds: true,
    groups: new Int32Array(groupSlots).fill(-1),
    locals: new Int32Array(Math.max(localCounts.get(regex) ?? 0, 1)).fill(-1),
    hitEnd: false,
    requireEnd: false,
    oldLast: -1,
    last: 0,
    lookbehindTo: 0,
    endAnchor: false,
  };
}

function runGuarded(run: () => boolean): boolean {
  try {
    return run();
  } catch (e) {
    if (e instanceof RangeError) {
      throw new EmulatorUnsupportedError(
        'a regular expression match that backtracks deeper than the emulator stack allows (Java would also be at risk of StackOverflowError)',
      );
    }
    throw e;
  }
}

/**
 * Matcher.search(from): tries each start position from `from` (Java's Start node, with its minLength guard).
 * On success groups[0..1] hold the match.
 */
export function searchFrom(regex: JavaRegex, ctx: MatchContext, from: number): boolean {
  ctx.hitEnd = false;
  ctx.requireEnd = false;
  from = from < 0 ? 0 : from;
  ctx.oldLast = ctx.oldLast < 0 ? from : ctx.oldLast;
  ctx.groups.fill(-1);
  ctx.locals.fill(-1);
  ctx.endAnchor = false;
  const result = runGuarded(() => {
    if (regex.beginsAnchored) {
      // Pattern.compile: "if (matchRoot instanceof Begin) root = matchRoot" — no Start node, no scan
      if (regex.matchRoot(ctx, from)) {
        ctx.groups[0] = from;
        return true;
      }
      return false;
    }
    const guard = ctx.to - regex.minLength;
    const text = ctx.text;
    for (let i = from; i <= guard; i++) {
      if (regex.hasSupplementary && i > from) {
        // StartS: do not start between the halves of a surrogate pair
        const c = text.charCodeAt(i);
        const prev = text.charCodeAt(i - 1);
        if (c >= 0xdc00 && c <= 0xdfff && prev >= 0xd800 && prev <= 0xdbff) continue;
      }
      if (regex.matchRoot(ctx, i)) {
        ctx.groups[0] = i;
        return true;
      }
    }
    ctx.hitEnd = true;
    return false;
  });
  ctx.oldLast = ctx.last;
  return result;
}

/** Matcher.match(from, anchor): matches() (endAnchor) or lookingAt() at the region start. */
export function matchAt(regex: JavaRegex, ctx: MatchContext, from: number, endAnchor: boolean): boolean {
  ctx.hitEnd = false;
  ctx.requireEnd = false;
  from = from < 0 ? 0 : from;
  ctx.oldLast = ctx.oldLast < 0 ? from : ctx.oldLast;
  ctx.groups.fill(-1);
  ctx.locals.fill(-1);
  ctx.endAnchor = endAnchor;
  const result = runGuarded(() => {
    if (regex.matchRoot(ctx, from)) {
      ctx.groups[0] = from;
      return true;
    }
    return false;
  });
  ctx.oldLast = ctx.last;
  return result;
}
