// The Java regular expression engine against java.util.regex (OpenJDK 17): fixtures/java17-regex.json holds, for
// each case, the line Java printed for up to five find() calls (start, end, groups, hitEnd, requireEnd), a fresh
// matches() and a fresh lookingAt(); this test prints the same line from the emulator's ApexPattern/ApexMatcher.

import { ApexPlatformError, EmulatorUnsupportedError } from '../../../errors';
import { ApexPattern } from '../PatternMatcher';
import { JavaPatternSyntaxError, compileApexRegex, compileJavaRegex } from '../JavaRegex';
import fixtures from './fixtures/java17-regex.json';

const esc = (s: string | null): string =>
  s === null
    ? 'null'
    : Array.from({ length: s.length }, (_, i) => {
        const c = s.charCodeAt(i);
        return c < 0x20 || c > 0x7e ? `\\u${c.toString(16).padStart(4, '0')}` : s[i];
      }).join('');

function describeRun(re: string, input: string): string {
  let out = `${esc(re)} ON ${esc(input)} :`;
  try {
    const p = ApexPattern.compile(re);
    const m = p.matcher(input);
    for (let n = 0; n < 5 && m.find(); n++) {
      out += ` [${m.start()},${m.end()}`;
      for (let g = 1; g <= m.groupCount(); g++) out += ` g${g}=${esc(m.group(g))}`;
      out += ` h=${m.hitEnd()} r=${m.requireEnd()}]`;
    }
    out += ` end h=${m.hitEnd()} r=${m.requireEnd()}`;
    const mm = p.matcher(input);
    const ma = mm.matches();
    out += ` matches=${ma} h=${mm.hitEnd()} r=${mm.requireEnd()}`;
    if (ma) for (let g = 1; g <= mm.groupCount(); g++) out += ` g${g}=${esc(mm.group(g))}`;
    const ml = p.matcher(input);
    const la = ml.lookingAt();
    out += ` lookingAt=${la}${la ? `@${ml.end()}` : ''} h=${ml.hitEnd()}`;
  } catch (e) {
    if (!(e instanceof ApexPlatformError)) throw e;
    const syntax = (() => {
      try {
        compileJavaRegex(re);
        return null;
      } catch (inner) {
        return inner instanceof JavaPatternSyntaxError ? inner : null;
      }
    })();
    if (syntax === null) throw e;
    out += ` ERR ${esc(syntax.description)} @${syntax.index}`;
  }
  return out;
}

describe('Java regular expressions (java.util.regex semantics)', () => {
  test.each(fixtures.matching)('%j on %j behaves as in Java', (re, input, expected) => {
    expect(describeRun(re, input)).toBe(expected);
  });

  test.each(fixtures.syntax)('%j: same PatternSyntaxException (or acceptance) as Java', (re, expected) => {
    expect(describeRun(re, 'a')).toBe(expected);
  });

  test('the Apex Developer Guide example: (a(b)?)+ on aba (Pattern and Matcher Example)', () => {
    const m = ApexPattern.compile('(a(b)?)+').matcher('aba');
    expect(m.matches() && m.hitEnd()).toBe(true);
    expect(m.groupCount()).toBe(2);
    expect(m.group(0)).toBe('aba');
    expect(m.group(1)).toBe('a');
    // Java keeps a group's capture from an earlier iteration (JavaScript would reset it to undefined)
    expect(m.group(2)).toBe('b');
    expect(m.end()).toBe(m.end(0));
    expect([m.end(), m.end(0), m.end(1)]).toEqual([3, 3, 3]);
  });

  test('an invalid pattern is System.StringException "Invalid regex: " + Java message', () => {
    expect(() => compileApexRegex('(')).toThrow(ApexPlatformError);
    try {
      compileApexRegex('a*b|*');
    } catch (e) {
      expect(e).toBeInstanceOf(ApexPlatformError);
      expect((e as ApexPlatformError).apexType).toBe('System.StringException');
      expect((e as ApexPlatformError).message).toBe(
        "Invalid regex: Dangling meta character '*' near index 4\na*b|*\n    ^",
      );
    }
    // index at the end of the pattern: no caret line
    expect(() => compileApexRegex('(')).toThrow('Invalid regex: Unclosed group near index 1\n(');
  });

  test.each([
    ['(?c)a', 'CANON_EQ'],
    ['\\X', 'grapheme'],
    ['\\b{g}', '\\b{g}'],
    ['\\N{LATIN SMALL LETTER A}', '\\N{name}'],
    ['\\p{InGreek}', 'block'],
    ['\\p{block=Greek}', 'block'],
    ['\\p{javaJavaIdentifierStart}', 'javaJavaIdentifierStart'],
  ])('%s fails loudly as unsupported', (re, feature) => {
    expect(() => compileJavaRegex(re)).toThrow(EmulatorUnsupportedError);
    expect(() => compileJavaRegex(re)).toThrow(feature);
  });

  test('compiled patterns are cached by source', () => {
    expect(compileJavaRegex('ca(ch)e+')).toBe(compileJavaRegex('ca(ch)e+'));
  });

  test('long inputs: greedy single-character repetition does not recurse per character', () => {
    const input = 'a'.repeat(200_000);
    expect(ApexPattern.matches('a*', input)).toBe(true);
    expect(ApexPattern.matches('[a-z]+b?', input)).toBe(true);
    expect(ApexPattern.compile('a*?$').matcher(input).find()).toBe(true);
  });

  test('deterministic group repetition iterates like Java GroupCurly (no recursion per repetition)', () => {
    expect(ApexPattern.matches('(?:ab)*', 'ab'.repeat(100_000))).toBe(true);
    const m = ApexPattern.compile('(ab)+(a|b)*').matcher('ab'.repeat(50_000));
    expect(m.matches()).toBe(true);
    expect(m.group(1)).toBe('ab');
    expect(m.group(2)).toBeNull();
  });

  test('non-deterministic repetition deeper than the emulator stack fails loudly instead of crashing', () => {
    expect(() => ApexPattern.matches('(\\w+,)*', 'ab,'.repeat(100_000))).toThrow(EmulatorUnsupportedError);
  });
});
