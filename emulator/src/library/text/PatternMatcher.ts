// Apex System.Pattern and System.Matcher.
//
// Apex Reference, "Pattern Class" and "Matcher Class"; Apex Developer Guide, "Using Patterns and Matchers", "Using
// Regions", "Using Match Operations", "Using Bounds", "Understanding Capturing Groups". Both classes are "based on
// their counterparts in Java", so every method here follows java.util.regex.Pattern / Matcher (OpenJDK 17) step by
// step; the regular expressions themselves are compiled by JavaRegex.ts.
//
// Apex's Matcher has no group(String name), start/end(String), appendReplacement or appendTail (the Matcher Class page
// lists none of them), so they are not offered; named groups are usable through \k<name> and ${name} in replacements.
//
// Exceptions: java.util.regex throws IllegalStateException ("No match found"), IndexOutOfBoundsException ("No group 2")
// and IllegalArgumentException ("Illegal group reference"); the Apex Reference does not name the Apex types. Orgs
// report them as System.StringException with Java's message (e.g. "System.StringException: No match found"), which is
// what javaRegexException builds — one place to change if an org shows otherwise.

import { ApexPlatformError } from '../../errors';
import { compileApexRegex, matchAt, newMatchContext, searchFrom, type JavaRegex, type MatchContext } from './JavaRegex';

/** The Apex exception for a java.util.regex runtime exception (see the file comment). */
export function javaRegexException(message: string): ApexPlatformError {
  return new ApexPlatformError('System.StringException', message);
}

function requireNonNull<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) {
    throw new ApexPlatformError('System.NullPointerException', 'Argument cannot be null.');
  }
  return value;
}

/** Apex Pattern: "a compiled representation of a regular expression" (Pattern Class). */
export class ApexPattern {
  private constructor(readonly regex: JavaRegex) {}

  /** Pattern.compile(regExp). An invalid expression throws System.StringException "Invalid regex: …". */
  static compile(regExp: string | null): ApexPattern {
    return new ApexPattern(compileApexRegex(requireNonNull(regExp)));
  }

  /** Pattern.matches(regExp, stringtoMatch): compile(regExp).matcher(stringtoMatch).matches(). */
  static matches(regExp: string | null, stringtoMatch: string | null): boolean {
    return ApexPattern.compile(regExp).matcher(stringtoMatch).matches();
  }

  /**
   * Pattern.quote(yourString): java.util.regex.Pattern.quote — `\Q…\E`, with each embedded `\E` closed, escaped and
   * reopened.
   */
  static quote(yourString: string | null): string {
    const s = requireNonNull(yourString);
    if (!s.includes('\\E')) return `\\Q${s}\\E`;
    let out = '\\Q';
    let current = 0;
    let at: number;
    while ((at = s.indexOf('\\E', current)) !== -1) {
      out += s.slice(current, at) + '\\E\\\\E\\Q';
      current = at + 2;
    }
    return `${out}${s.slice(current)}\\E`;
  }

  /** pattern(): "the regular expression from which this Pattern object was compiled". */
  pattern(): string {
    return this.regex.source;
  }

  /** matcher(stringtoMatch). */
  matcher(stringtoMatch: string | null): ApexMatcher {
    return new ApexMatcher(this, requireNonNull(stringtoMatch));
  }

  /**
   * split(regExp) / split(regExp, limit) — the parameter the Apex Reference calls regExp is the input to split
   * around this pattern. java.util.regex.Pattern.split (Java 8+): no leading empty string for a zero-width match at the
   * start (the Apex Reference notes that API 34.0 and earlier did produce one); limit > 0 applies the pattern at most
   * limit − 1 times; limit 0 drops trailing empty strings; limit < 0 keeps them. No match → [input].
   */
  split(input: string | null, limit = 0): string[] {
    const text = requireNonNull(input);
    let index = 0;
    const matchLimited = limit > 0;
    const list: string[] = [];
    const m = this.matcher(text);
    while (m.find()) {
      if (!matchLimited || list.length < limit - 1) {
        if (index === 0 && index === m.start() && m.start() === m.end()) continue;
        list.push(text.slice(index, m.start()));
        index = m.end();
      } else if (list.length === limit - 1) {
        list.push(text.slice(index));
        index = m.end();
      }
    }
    if (index === 0) return [text];
    if (!matchLimited || list.length < limit) list.push(text.slice(index));
    let size = list.length;
    if (limit === 0) while (size > 0 && list[size - 1] === '') size--;
    return list.slice(0, size);
  }
}

/** Apex Matcher: "Matchers use Patterns to perform match operations on a character string" (Matcher Class). */
export class ApexMatcher {
  private patternObj: ApexPattern;
  private text: string;
  private ctx: MatchContext;
  /** Start of the last match, -1 when there is none (java.util.regex.Matcher.first). */
  private first = -1;
  /** End of the last match (Matcher.last). */
  private last = 0;

  constructor(pattern: ApexPattern, text: string) {
    this.patternObj = pattern;
    this.text = text;
    this.ctx = newMatchContext(pattern.regex, text);
    this.reset();
  }

  /** Matcher.quoteReplacement(inputString): each `\` and `$` gets a backslash. */
  static quoteReplacement(inputString: string | null): string {
    const s = requireNonNull(inputString);
    if (!s.includes('\\') && !s.includes('$')) return s;
    return s.replace(/[\\$]/g, (c) => `\\${c}`);
  }

  pattern(): ApexPattern {
    return this.patternObj;
  }

  /** reset(): discards match state and the region; keeps the bounds settings (Matcher Class, reset()). */
  reset(input?: string | null): ApexMatcher {
    if (input !== undefined) {
      this.text = requireNonNull(input);
      this.ctx = this.freshContext();
    }
    this.first = -1;
    this.last = 0;
    this.ctx.oldLast = -1;
    this.ctx.groups.fill(-1);
    this.ctx.from = 0;
    this.ctx.to = this.text.length;
    return this;
  }

  private freshContext(): MatchContext {
    const ctx = newMatchContext(this.patternObj.regex, this.text);
    ctx.anchoringBounds = this.ctx.anchoringBounds;
    ctx.transparentBounds = this.ctx.transparentBounds;
    // Matcher.reset(input) is text = input; reset(): hitEnd/requireEnd are left as they were
    ctx.hitEnd = this.ctx.hitEnd;
    ctx.requireEnd = this.ctx.requireEnd;
    return ctx;
  }

  /** matches(): "Attempts to match the entire region against the pattern." */
  matches(): boolean {
    return this.match(true);
  }

  /** lookingAt(): matches at the start of the region without requiring the whole region. */
  lookingAt(): boolean {
    return this.match(false);
  }

  private match(endAnchor: boolean): boolean {
    const from = this.ctx.from;
    const found = matchAt(this.patternObj.regex, this.ctx, from, endAnchor);
    return this.record(found, from);
  }

  /**
   * find(): from the region start, or after the previous successful match (one further if that match was empty);
   * java.util.regex.Matcher.find().
   */
  find(start?: number | null): boolean {
    if (start !== undefined) return this.findFrom(requireNonNull(start));
    let next = this.last;
    if (next === this.first) next++;
    if (next < this.ctx.from) next = this.ctx.from;
    if (next > this.ctx.to) {
      this.ctx.groups.fill(-1);
      return false;
    }
    return this.search(next);
  }

  /** find(group) in the Apex Reference: "Resets the Matcher object and then tries to find …" from that index. */
  private findFrom(start: number): boolean {
    if (start < 0 || start > this.text.length) throw javaRegexException('Illegal start index');
    this.reset();
    return this.search(start);
  }

  private search(from: number): boolean {
    const found = searchFrom(this.patternObj.regex, this.ctx, from);
    return this.record(found, found ? this.ctx.groups[0]! : from);
  }

  private record(found: boolean, start: number): boolean {
    if (found) {
      this.first = start;
      this.last = this.ctx.groups[1]!;
    } else {
      this.first = -1;
    }
    return found;
  }

  private requireMatch(message: string): void {
    if (this.first < 0) throw javaRegexException(message);
  }

  private checkGroup(group: number): void {
    if (group < 0 || group > this.groupCount()) throw javaRegexException(`No group ${group}`);
  }

  /** groupCount(): capturing groups in the pattern, group 0 excluded. */
  groupCount(): number {
    return this.patternObj.regex.groupCount;
  }

  /** group() / group(groupIndex): null when the group did not take part in the match. */
  group(groupIndex = 0): string | null {
    this.requireMatch('No match found');
    this.checkGroup(requireNonNull(groupIndex));
    const s = this.ctx.groups[groupIndex * 2]!;
    const e = this.ctx.groups[groupIndex * 2 + 1]!;
    if (s === -1 || e === -1) return null;
    return this.text.slice(s, e);
  }

  /** start() / start(groupIndex): -1 for a group that did not match. */
  start(groupIndex = 0): number {
    this.requireMatch('No match available');
    this.checkGroup(requireNonNull(groupIndex));
    return this.ctx.groups[groupIndex * 2]!;
  }

  /** end() / end(groupIndex): the position after the last matched character; -1 for a group that did not match. */
  end(groupIndex = 0): number {
    this.requireMatch('No match available');
    this.checkGroup(requireNonNull(groupIndex));
    return this.ctx.groups[groupIndex * 2 + 1]!;
  }

  /** hitEnd(): whether the last match operation read (or tried to read) past the end of the input. */
  hitEnd(): boolean {
    return this.ctx.hitEnd;
  }

  /** requireEnd(): whether more input could turn the last positive match into a negative one. */
  requireEnd(): boolean {
    return this.ctx.requireEnd;
  }

  /** region(start, end): resets, then limits matching to [start, end). */
  region(start: number | null, end: number | null): ApexMatcher {
    const s = requireNonNull(start);
    const e = requireNonNull(end);
    if (s < 0 || s > this.text.length) throw javaRegexException('start');
    if (e < 0 || e > this.text.length) throw javaRegexException('end');
    if (s > e) throw javaRegexException('start > end');
    this.reset();
    this.ctx.from = s;
    this.ctx.to = e;
    return this;
  }

  regionStart(): number {
    return this.ctx.from;
  }

  regionEnd(): number {
    return this.ctx.to;
  }

  hasAnchoringBounds(): boolean {
    return this.ctx.anchoringBounds;
  }

  hasTransparentBounds(): boolean {
    return this.ctx.transparentBounds;
  }

  /** useAnchoringBounds(b): whether ^ and $ match at the region's boundaries (default true). */
  useAnchoringBounds(anchoringBounds: boolean | null): ApexMatcher {
    this.ctx.anchoringBounds = requireNonNull(anchoringBounds);
    return this;
  }

  /** useTransparentBounds(b): whether lookaround and \b see past the region (default false: opaque). */
  useTransparentBounds(transparentBounds: boolean | null): ApexMatcher {
    this.ctx.transparentBounds = requireNonNull(transparentBounds);
    return this;
  }

  /**
   * usePattern(pattern): switches pattern, keeping the position in the input and the region, losing the groups of the
   * last match (java.util.regex.Matcher.usePattern).
   */
  usePattern(pattern: ApexPattern | null): ApexMatcher {
    const p = requireNonNull(pattern);
    const old = this.ctx;
    this.patternObj = p;
    this.ctx = newMatchContext(p.regex, this.text);
    this.ctx.from = old.from;
    this.ctx.to = old.to;
    this.ctx.anchoringBounds = old.anchoringBounds;
    this.ctx.transparentBounds = old.transparentBounds;
    this.ctx.oldLast = old.oldLast;
    this.ctx.hitEnd = old.hitEnd;
    this.ctx.requireEnd = old.requireEnd;
    return this;
  }

  /**
   * replaceAll(replacementString): resets, then replaces every match; `$n`, `${name}` and `\` escapes as in
   * java.util.regex.Matcher.appendReplacement. The matcher is left after the last match, as in Java.
   */
  replaceAll(replacementString: string | null): string {
    const replacement = requireNonNull(replacementString);
    this.reset();
    if (!this.find()) return this.text;
    let out = '';
    let appendPosition = 0;
    do {
      out += this.text.slice(appendPosition, this.start()) + this.expandReplacement(replacement);
      appendPosition = this.end();
    } while (this.find());
    return out + this.text.slice(appendPosition);
  }

  /** replaceFirst(replacementString): resets, then replaces the first match. */
  replaceFirst(replacementString: string | null): string {
    const replacement = requireNonNull(replacementString);
    this.reset();
    if (!this.find()) return this.text;
    return this.text.slice(0, this.start()) + this.expandReplacement(replacement) + this.text.slice(this.end());
  }

  /** java.util.regex.Matcher.appendExpandedReplacement. */
  private expandReplacement(replacement: string): string {
    let out = '';
    let cursor = 0;
    const n = replacement.length;
    while (cursor < n) {
      let c = replacement.charAt(cursor);
      if (c === '\\') {
        cursor++;
        if (cursor === n) throw javaRegexException('character to be escaped is missing');
        out += replacement.charAt(cursor);
        cursor++;
      } else if (c === '$') {
        cursor++;
        if (cursor === n) throw javaRegexException('Illegal group reference: group index is missing');
        c = replacement.charAt(cursor);
        let refNum: number;
        if (c === '{') {
          cursor++;
          let name = '';
          while (cursor < n) {
            c = replacement.charAt(cursor);
            if (/[A-Za-z0-9]/.test(c)) {
              name += c;
              cursor++;
            } else {
              break;
            }
          }
          if (name.length === 0) throw javaRegexException('named capturing group has 0 length name');
          if (c !== '}') throw javaRegexException("named capturing group is missing trailing '}'");
          const index = this.patternObj.regex.groupNames.get(name);
          if (index === undefined) throw javaRegexException(`No group with name {${name}}`);
          refNum = index;
          cursor++;
        } else {
          refNum = c.charCodeAt(0) - 0x30;
          if (refNum < 0 || refNum > 9) throw javaRegexException('Illegal group reference');
          cursor++;
          // the longest run of digits that still names an existing group
          for (;;) {
            if (cursor >= n) break;
            const d = replacement.charCodeAt(cursor) - 0x30;
            if (d < 0 || d > 9) break;
            const candidate = refNum * 10 + d;
            if (this.groupCount() < candidate) break;
            refNum = candidate;
            cursor++;
          }
        }
        if (refNum > this.groupCount()) throw javaRegexException(`No group ${refNum}`);
        const value = this.group(refNum);
        if (value !== null) out += value;
      } else {
        out += c;
        cursor++;
      }
    }
    return out;
  }
}
