// Apex Pattern and Matcher (Apex Reference: Pattern Class, Matcher Class; Apex Developer Guide: Using Patterns and
// Matchers, Using Regions, Using Bounds). fixtures/java17-regex.json's regionsReplaceSplit lines were printed by
// java.util.regex (OpenJDK 17) for the same calls as below.

import { ApexPlatformError } from '../../../errors';
import { ApexMatcher, ApexPattern } from '../PatternMatcher';
import fixtures from './fixtures/java17-regex.json';

function thrown(f: () => unknown): ApexPlatformError {
  try {
    f();
  } catch (e) {
    if (e instanceof ApexPlatformError) return e;
    throw e;
  }
  throw new Error('expected an ApexPlatformError');
}

describe('Pattern', () => {
  test('Using Patterns and Matchers: a*b matches aaaaab, and Pattern.matches is equivalent', () => {
    const myPattern = ApexPattern.compile('a*b');
    const myMatcher = myPattern.matcher('aaaaab');
    expect(myMatcher.matches()).toBe(true);
    expect(ApexPattern.matches('a*b', 'aaaaab')).toBe(true);
  });

  test('pattern() returns the source; quote() makes a literal pattern (Java Pattern.quote)', () => {
    expect(ApexPattern.compile('a+').pattern()).toBe('a+');
    expect(ApexPattern.quote('1.5*x')).toBe('\\Q1.5*x\\E');
    expect(ApexPattern.quote('a\\Eb')).toBe('\\Qa\\E\\\\E\\Qb\\E');
    expect(ApexPattern.matches(ApexPattern.quote('a\\Eb.'), 'a\\Eb.')).toBe(true);
    expect(ApexPattern.matches(ApexPattern.quote('a\\Eb.'), 'a\\Ebx')).toBe(false);
  });

  test('split with limit: the String Class examples for boo:and:moo', () => {
    const s = 'boo:and:moo';
    expect(ApexPattern.compile(':').split(s, 2)).toEqual(['boo', 'and:moo']);
    expect(ApexPattern.compile(':').split(s, 5)).toEqual(['boo', 'and', 'moo']);
    expect(ApexPattern.compile(':').split(s, -2)).toEqual(['boo', 'and', 'moo']);
    expect(ApexPattern.compile('o').split(s, 5)).toEqual(['b', '', ':and:m', '', '']);
    expect(ApexPattern.compile('o').split(s, -2)).toEqual(['b', '', ':and:m', '', '']);
    expect(ApexPattern.compile('o').split(s, 0)).toEqual(['b', '', ':and:m']);
    expect(ApexPattern.compile('o').split(s)).toEqual(['b', '', ':and:m']);
  });

  test('null arguments are NullPointerException', () => {
    expect(thrown(() => ApexPattern.compile(null)).apexType).toBe('System.NullPointerException');
    expect(thrown(() => ApexPattern.compile('a').matcher(null)).apexType).toBe('System.NullPointerException');
  });
});

describe('Matcher', () => {
  test('find() walks the matches; start/end/group describe the last one', () => {
    const m = ApexPattern.compile('(\\d+)-(\\d+)').matcher('a 10-20, 3-4');
    expect(m.find()).toBe(true);
    expect([m.group(), m.group(1), m.group(2), m.start(), m.end(), m.start(2), m.end(2)]).toEqual([
      '10-20',
      '10',
      '20',
      2,
      7,
      5,
      7,
    ]);
    expect(m.find()).toBe(true);
    expect(m.group()).toBe('3-4');
    expect(m.find()).toBe(false);
  });

  test('Matcher Class: replaceAll and replaceFirst examples', () => {
    expect(ApexPattern.compile('a*b').matcher('aabxyzaabxyzabxyzb').replaceAll('-')).toBe('-xyz-xyz-xyz-');
    expect(ApexPattern.compile('dog').matcher('zzzdogzzzdogzzz').replaceFirst('cat')).toBe('zzzcatzzzdogzzz');
  });

  test('group() without a match: System.StringException "No match found"; start(): "No match available"', () => {
    const m = ApexPattern.compile('a').matcher('b');
    expect(m.matches()).toBe(false);
    const e = thrown(() => m.group());
    expect(e.apexType).toBe('System.StringException');
    expect(e.message).toBe('No match found');
    expect(thrown(() => m.start()).message).toBe('No match available');
    expect(thrown(() => m.end(1)).message).toBe('No match available');
  });

  test('a group index out of range: "No group 2"; a group that did not match: null and -1', () => {
    const m = ApexPattern.compile('(a)|(b)').matcher('b');
    expect(m.find()).toBe(true);
    expect(thrown(() => m.group(3)).message).toBe('No group 3');
    expect(thrown(() => m.start(-1)).message).toBe('No group -1');
    expect(m.group(1)).toBeNull();
    expect(m.start(1)).toBe(-1);
    expect(m.end(1)).toBe(-1);
    expect(m.group(2)).toBe('b');
  });

  test('replacement syntax errors have Java messages', () => {
    const m = ApexPattern.compile('(b)').matcher('abc');
    expect(thrown(() => m.replaceAll('$')).message).toBe('Illegal group reference: group index is missing');
    expect(thrown(() => m.replaceAll('$2')).message).toBe('No group 2');
    expect(thrown(() => m.replaceAll('\\')).message).toBe('character to be escaped is missing');
    expect(thrown(() => m.replaceAll('$x')).message).toBe('Illegal group reference');
    expect(thrown(() => m.replaceAll('${x}')).message).toBe('No group with name {x}');
    expect(m.replaceAll('\\$1')).toBe('a$1c');
    expect(m.replaceAll(ApexMatcher.quoteReplacement('$1\\'))).toBe('a$1\\c');
  });

  test('quoteReplacement escapes \\ and $', () => {
    expect(ApexMatcher.quoteReplacement('a$b\\c')).toBe('a\\$b\\\\c');
    expect(ApexMatcher.quoteReplacement('plain')).toBe('plain');
  });

  test('find(start) resets (region included) and searches from start; out of range is an exception', () => {
    const m = ApexPattern.compile('a').matcher('aaa').region(0, 1);
    expect(m.find(2)).toBe(true);
    expect(m.start()).toBe(2);
    expect(m.regionEnd()).toBe(3);
    expect(thrown(() => m.find(4)).message).toBe('Illegal start index');
  });

  test('region bounds are validated like Java', () => {
    const m = ApexPattern.compile('a').matcher('abc');
    expect(thrown(() => m.region(-1, 2)).message).toBe('start');
    expect(thrown(() => m.region(0, 4)).message).toBe('end');
    expect(thrown(() => m.region(2, 1)).message).toBe('start > end');
    expect(m.region(1, 2).regionStart()).toBe(1);
  });

  test('bounds defaults: anchoring, opaque; reset() keeps them', () => {
    const m = ApexPattern.compile('a').matcher('a');
    expect(m.hasAnchoringBounds()).toBe(true);
    expect(m.hasTransparentBounds()).toBe(false);
    m.useAnchoringBounds(false).useTransparentBounds(true).reset();
    expect(m.hasAnchoringBounds()).toBe(false);
    expect(m.hasTransparentBounds()).toBe(true);
    m.reset('b');
    expect(m.hasTransparentBounds()).toBe(true);
    expect(m.find()).toBe(false);
  });

  test('Java 17 agreement for regions, bounds, replacement and split', () => {
    const lines: string[] = [];
    const reg = (re: string, input: string, s: number, e: number, a: boolean, t: boolean): void => {
      const m = ApexPattern.compile(re).matcher(input).region(s, e).useAnchoringBounds(a).useTransparentBounds(t);
      let out = `${re} ON ${input} [${s},${e}) a=${a} t=${t}:`;
      while (m.find()) out += ` ${m.start()}-${m.end()}`;
      m.reset();
      m.region(s, e);
      out += ` matches=${m.matches()} lookingAt=${m.lookingAt()} h=${m.hitEnd()}`;
      lines.push(out);
    };
    const rep = (re: string, input: string, r: string): void => {
      try {
        const m = ApexPattern.compile(re).matcher(input);
        lines.push(`${re}|${input}|${r} => all=${m.replaceAll(r)} first=${m.replaceFirst(r)}`);
      } catch (e) {
        lines.push(`${re}|${input}|${r} => ${(e as Error).message}`);
      }
    };
    const sp = (re: string, input: string, lim: number): void => {
      const r = ApexPattern.compile(re).split(input, lim);
      lines.push(`${re}|${input}|${lim} => ${r.join('|')} n=${r.length}`);
    };
    const regionCases = [
      ['^a', 'bab'],
      ['a$', 'bab'],
      ['\\ba', 'bab'],
      ['(?<=b)a', 'bab'],
      ['a(?=b)', 'bab'],
      ['(?m)^a', 'b\nab'],
      ['\\Ga', 'aab'],
      ['a', 'aaa'],
      ['\\z', 'ab'],
      ['(?<!b)a', 'ba'],
    ] as const;
    for (const [re, input] of regionCases) {
      for (const a of [true, false]) for (const t of [false, true]) reg(re, input, 1, 2, a, t);
    }
    rep('a*b', 'aabxyzaabxyzabxyzb', '-');
    rep('dog', 'zzzdogzzzdogzzz', 'cat');
    rep('(\\w+) (\\w+)', 'hello world', '$2 $1');
    rep('(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)', 'abcdefghijk', '$11-$10-$1');
    rep('(a)', 'a', '$10');
    rep('a', 'a', '\\\\');
    rep('a', 'aa', '$0$0');
    rep('', 'ab', '-');
    rep('(?<w>o)', 'foo', '<${w}>');
    rep('(x)?a', 'a', '[$1]');
    rep('b', 'abc', 'x\\$y');
    sp(':', 'boo:and:moo', 2);
    sp(':', 'boo:and:moo', 5);
    sp(':', 'boo:and:moo', -2);
    sp('o', 'boo:and:moo', 5);
    sp('o', 'boo:and:moo', -2);
    sp('o', 'boo:and:moo', 0);
    sp(',', '', 0);
    sp(',', ',', 0);
    sp('', 'abc', 0);
    sp('', 'abc', 2);
    sp(',', 'a,b,,', 0);
    sp(',', 'a,b,,', -1);
    sp(',', ',a', 0);
    sp('(?=b)', 'abcb', 0);
    sp('\\s*', 'a b', 0);
    sp('x', 'abc', 0);
    sp(',', ',,,', 0);
    sp(',', ',,,', -1);
    sp('', '', 0);
    let m = ApexPattern.compile('(a)').matcher('xaxa');
    m.find();
    m.usePattern(ApexPattern.compile('x'));
    lines.push(`usePattern group=${m.group()} find=${m.find()} start=${m.start()}`);
    m = ApexPattern.compile('a').matcher('aaa');
    lines.push(`find(2)=${m.find(2)}@${m.start()} next=${m.find()} next=${m.find()}`);
    m = ApexPattern.compile('').matcher('ab');
    let sb = 'empty finds:';
    while (m.find()) sb += ` ${m.start()}`;
    lines.push(sb);
    m = ApexPattern.compile('a|').matcher('ab');
    sb = 'a| finds:';
    while (m.find()) sb += ` ${m.start()}-${m.end()}`;
    lines.push(sb);
    // compared as text: Java printed one case's input ("b\nab") across two lines
    expect(lines.join('\n')).toBe(fixtures.regionsReplaceSplit.join('\n'));
  });
});
