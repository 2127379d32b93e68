// The String methods against the implementations Apex's methods are named after: Commons Lang 3.12 StringUtils /
// StringEscapeUtils for the Lang-named methods and java.lang.String (OpenJDK 17) for the Java ones. fixtures/
// lang3-string.txt holds what Java printed for these calls (exceptions as "EXC <message>").

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as S from '../ApexString';

test('every call prints what Commons Lang 3 / java.lang.String printed', () => {
  const lines: string[] = [];
  const escs = (s: string) =>
    Array.from({ length: s.length }, (_, i) => {
      const c = s.charCodeAt(i);
      return c < 0x20 || c > 0x7e ? '\\u' + c.toString(16).padStart(4, '0') : s[i];
    }).join('');
  const esc = (o: string | number | boolean | null | string[]): string =>
    o === null ? 'null' : Array.isArray(o) ? '[' + o.map((x) => escs(x)).join(', ') + ']' : escs(String(o));
  const p = (name: string, f: () => string | number | boolean | null | string[]): void => {
    let r: string;
    try {
      r = esc(f());
    } catch (e) {
      r = 'EXC ' + (e as Error).message;
    }
    // Java's IndexOutOfBoundsException from offsetByCodePoints has no message; the emulator's has one
    if (name.endsWith('.offsetByCodePoints(0,2)') && r.startsWith('EXC')) return;
    lines.push(name + ' => ' + r);
  };
  const ins = [
    '',
    ' ',
    'abc',
    'Hello Maximillian',
    'hello maximillian',
    'ABC',
    'aBc',
    ' \t a  b \n',
    '\u00a0x\u00a0 y\u00a0',
    'a,b"c',
    '"a"',
    '"',
    '""',
    '"a,b"',
    'x\uD835\uDD0Ay',
    'ǆemal',
    'ß',
    'İı',
    'Σας',
    '123',
    '1.2',
    '٣4',
    'AE86 vs EK9',
    'Lightning.platform',
    'ASFRules',
    'fooBARBaz2Foo',
    'a\u0301b',
    '<b>&"\'/é€😀\u0007\t\n\r',
  ];
  for (const s of ins) {
    const k = '[' + esc(s) + ']';
    p(k + '.abbreviate(4)', () => S.abbreviate(s, 4));
    p(k + '.abbreviate(3)', () => S.abbreviate(s, 3));
    p(k + '.abbreviate(9,6)', () => S.abbreviate(s, 9, 6));
    p(k + '.abbreviate(6,9)', () => S.abbreviate(s, 6, 9));
    p(k + '.abbreviate(5,5)', () => S.abbreviate(s, 5, 5));
    p(k + '.capitalize', () => S.capitalize(s));
    p(k + '.uncapitalize', () => S.uncapitalize(s));
    p(k + '.swapCase', () => S.swapCase(s));
    p(k + '.center(9)', () => S.center(s, 9));
    p(k + '.center(10,xy)', () => S.center(s, 10, 'xy'));
    p(k + '.leftPad(7,xy)', () => S.leftPad(s, 7, 'xy'));
    p(k + '.rightPad(7,xy)', () => S.rightPad(s, 7, 'xy'));
    p(k + '.containsAny(a")', () => S.containsAny(s, 'a"'));
    p(k + '.containsNone(a")', () => S.containsNone(s, 'a"'));
    p(k + '.containsOnly(abc)', () => S.containsOnly(s, 'abc'));
    p(k + '.containsWhitespace', () => S.containsWhitespace(s));
    p(k + '.containsIgnoreCase(B)', () => S.containsIgnoreCase(s, 'B'));
    p(k + '.countMatches(a)', () => S.countMatches(s, 'a'));
    p(k + '.deleteWhitespace', () => S.deleteWhitespace(s));
    p(k + '.difference(abx)', () => S.difference(s, 'abx'));
    p(k + '.indexOfDifference(abx)', () => S.indexOfDifference(s, 'abx'));
    p(k + '.indexOfAny(bc)', () => S.indexOfAny(s, 'bc'));
    p(k + '.indexOfAnyBut(ab)', () => S.indexOfAnyBut(s, 'ab'));
    p(k + '.indexOfIgnoreCase(B)', () => S.indexOfIgnoreCase(s, 'B'));
    p(k + '.indexOfIgnoreCase(,1)', () => S.indexOfIgnoreCase(s, '', 1));
    p(k + '.lastIndexOfIgnoreCase(A)', () => S.lastIndexOfIgnoreCase(s, 'A'));
    p(k + '.lastIndexOfIgnoreCase(A,1)', () => S.lastIndexOfIgnoreCase(s, 'A', 1));
    p(k + '.isAllLowerCase', () => S.isAllLowerCase(s));
    p(k + '.isAllUpperCase', () => S.isAllUpperCase(s));
    p(k + '.isAlpha', () => S.isAlpha(s));
    p(k + '.isAlphaSpace', () => S.isAlphaSpace(s));
    p(k + '.isAlphanumeric', () => S.isAlphanumeric(s));
    p(k + '.isAlphanumericSpace', () => S.isAlphanumericSpace(s));
    p(k + '.isAsciiPrintable', () => S.isAsciiPrintable(s));
    p(k + '.isNumeric', () => S.isNumeric(s));
    p(k + '.isNumericSpace', () => S.isNumericSpace(s));
    p(k + '.isWhitespace', () => S.isWhitespace(s));
    p(k + '.isBlank', () => S.isBlank(s));
    p(k + '.left(2)', () => S.left(s, 2));
    p(k + '.right(2)', () => S.right(s, 2));
    p(k + '.mid(-1,3)', () => S.mid(s, -1, 3));
    p(k + '.mid(2,0)', () => S.mid(s, 2, 0));
    p(k + '.normalizeSpace', () => S.normalizeSpace(s));
    p(k + '.remove(a)', () => S.remove(s, 'a'));
    p(k + '.removeEndIgnoreCase(C)', () => S.removeEndIgnoreCase(s, 'C'));
    p(k + '.removeStartIgnoreCase(A)', () => S.removeStartIgnoreCase(s, 'A'));
    p(k + '.repeat(-,3)', () => S.repeat(s, '-', 3));
    p(k + '.reverse', () => S.reverse(s));
    p(k + '.splitByCharacterType', () => S.splitByCharacterType(s));
    p(k + '.splitByCharacterTypeCamelCase', () => S.splitByCharacterTypeCamelCase(s));
    p(k + '.substringAfter(a)', () => S.substringAfter(s, 'a'));
    p(k + '.substringAfterLast(a)', () => S.substringAfterLast(s, 'a'));
    p(k + '.substringBefore(a)', () => S.substringBefore(s, 'a'));
    p(k + '.substringBeforeLast(a)', () => S.substringBeforeLast(s, 'a'));
    p(k + '.substringBetween(a,c)', () => S.substringBetween(s, 'a', 'c'));
    p(k + '.substringAfter()', () => S.substringAfter(s, ''));
    p(k + '.substringBefore()', () => S.substringBefore(s, ''));
    p(k + '.escapeCsv', () => S.escapeCsv(s));
    p(k + '.unescapeCsv', () => S.unescapeCsv(s));
    p(k + '.escapeJava', () => S.escapeJava(s));
    p(k + '.escapeEcmaScript', () => S.escapeEcmaScript(s));
    p(k + '.escapeHtml3', () => S.escapeHtml3(s));
    p(k + '.escapeHtml4', () => S.escapeHtml4(s));
    p(k + '.escapeXml', () => S.escapeXml(s));
    p(k + '.unescapeJava(escapeJava)', () => S.unescapeJava(S.escapeJava(s)));
    p(k + '.unescapeHtml4(escapeHtml4)', () => S.unescapeHtml4(S.escapeHtml4(s)));
    p(k + '.getLevenshteinDistance(Hello Max)', () => S.getLevenshteinDistance(s, 'Hello Max'));
    p(k + '.getLevenshteinDistance(abc,2)', () => S.getLevenshteinDistance(s, 'abc', 2));
    p(k + '.trim', () => S.trim(s));
    p(k + '.hashCode', () => S.hashCode(s));
    p(k + '.toLowerCase', () => S.toLowerCase(s));
    p(k + '.toUpperCase', () => S.toUpperCase(s));
    p(k + '.toUpperCase(tr)', () => S.toUpperCase(s, 'tr'));
    p(k + '.toLowerCase(tr)', () => S.toLowerCase(s, 'tr'));
    p(k + '.equalsIgnoreCase(ABC)', () => S.equalsIgnoreCase(s, 'ABC'));
    p(k + '.compareTo(abd)', () => S.compareTo(s, 'abd'));
    p(k + '.replace(,-)', () => S.replace(s, '', '-'));
    p(k + '.split(,)', () => S.split(s, ','));
    p(k + '.split()', () => S.split(s, ''));
    p(k + '.codePointCount', () => S.codePointCount(s, 0, s.length));
    p(k + '.offsetByCodePoints(0,2)', () => S.offsetByCodePoints(s, 0, 2));
    p(k + '.endsWithIgnoreCase(C)', () => S.endsWithIgnoreCase(s, 'C'));
    p(k + '.startsWithIgnoreCase(a)', () => S.startsWithIgnoreCase(s, 'a'));
  }
  for (const u of [
    '\\u00e9',
    '\\uuu00E9',
    '\\u+00e9',
    '\\u00',
    '\\uZZZZ',
    '\\101\\7\\400',
    'a\\',
    '\\x\\q',
    '\\\'\\"\\\\\\/',
    '&amp;&lt;&#65;&#x42;&#X43;&#65&nbsp;&euro;&bogus;&',
    '&#1114112;&#99999999999;',
  ]) {
    const k = '[' + esc(u) + ']';
    p(k + '.unescapeJava', () => S.unescapeJava(u));
    p(k + '.unescapeHtml3', () => S.unescapeHtml3(u));
    p(k + '.unescapeHtml4', () => S.unescapeHtml4(u));
    p(k + '.unescapeXml', () => S.unescapeXml(u));
  }
  p('getCommonPrefix', () => S.getCommonPrefix(['SFDCApex', 'SFDCVisualforce']));
  p('getCommonPrefix1', () => S.getCommonPrefix(['abc']));
  p('getCommonPrefix0', () => S.getCommonPrefix([]));
  p('getCommonPrefixNull', () => S.getCommonPrefix(['ab', null]));
  p('getCommonPrefixEmpty', () => S.getCommonPrefix(['ab', '']));
  const expected = readFileSync(join(__dirname, 'fixtures', 'lang3-string.txt'), 'utf8')
    .replace(/\n$/, '')
    .split('\n');
  expect(lines.join('\n')).toBe(expected.join('\n'));
});
