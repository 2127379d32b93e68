// The examples of the Apex Reference "String Class" page, one test per method (doc text quoted where it matters),
// plus the Java-semantics edge cases Apex code runs into.

import { ApexPlatformError, EmulatorUnsupportedError } from '../../../errors';
import { ApexId } from '../../../values/Id';
import * as S from '../ApexString';

function thrown(f: () => unknown): ApexPlatformError {
  try {
    f();
  } catch (e) {
    if (e instanceof ApexPlatformError) return e;
    throw e;
  }
  throw new Error('expected an ApexPlatformError');
}

describe('String Class doc examples', () => {
  test('abbreviate(maxWidth) and abbreviate(maxWidth, offset)', () => {
    const s = 'Hello Maximillian';
    expect(S.abbreviate(s, 8)).toBe('Hello...');
    expect(S.abbreviate(s, 8).length).toBe(8);
    expect(S.abbreviate(s, 9, 6)).toBe('...Max...');
    expect(S.abbreviate(s, 9, 6).length).toBe(9);
  });

  test('capitalize / uncapitalize / swapCase', () => {
    expect(S.capitalize('hello maximillian')).toBe('Hello maximillian');
    expect(S.uncapitalize('Hello max')).toBe('hello max');
    expect(S.swapCase('Force.com')).toBe('fORCE.COM');
  });

  test('center', () => {
    expect(S.center('hello', 9)).toBe('  hello  ');
    expect(S.center('hello', 9, '-')).toBe('--hello--');
  });

  test('charAt, codePointAt, codePointBefore, codePointCount, offsetByCodePoints', () => {
    expect(S.charAt('Ω is Omega.', 0)).toBe(937);
    expect(S.charAt('\uD835\uDD0A', 0)).toBe(55349);
    expect(S.codePointAt('\uD835\uDD0A', 0)).toBe(120074);
    const str = '\u03A9 is Ω (Omega), and \uD835\uDD0A ' + ' is Fraktur Capital G.';
    expect(S.codePointAt(str, 0)).toBe(937);
    expect(S.codePointAt(str, 20)).toBe(120074);
    expect(S.codePointAt(str, 0)).toBe(S.codePointAt(str, 5));
    expect(S.codePointBefore(str, 1)).toBe(937);
    expect(S.codePointBefore(str, 22)).toBe(120074);
    const str2 = '\u03A9 and \uD835\uDD0A characters.';
    expect(S.codePointCount(str2, 0, 1)).toBe(1);
    expect(S.codePointCount(str2, 6, 8)).toBe(1);
    expect(S.offsetByCodePoints('A \uD835\uDD0A BC', 0, 3)).toBe(4);
  });

  test('compareTo (Java: the difference of the first differing chars, else of the lengths)', () => {
    expect(S.compareTo('abcde', 'abcd')).toBe(1);
    expect(S.compareTo('a', 'c')).toBe(-2);
    expect(S.compareTo('ab', 'abcdef')).toBe(-4);
    expect(S.compareTo('abc', 'abc')).toBe(0);
  });

  test('contains, containsAny, containsIgnoreCase, containsNone, containsOnly, containsWhitespace', () => {
    expect(S.contains('abcde', 'abcd')).toBe(true);
    expect(S.containsAny('hello', 'hx')).toBe(true);
    expect(S.containsAny('hello', 'x')).toBe(false);
    expect(S.containsIgnoreCase('hello', 'HE')).toBe(true);
    expect(S.containsNone('abcde', 'fg')).toBe(true);
    expect(S.containsNone('abcde', '')).toBe(true);
    expect(S.containsNone('', 'ab')).toBe(true);
    expect(thrown(() => S.containsNone('abc', null)).apexType).toBe('System.NullPointerException');
    expect(S.containsOnly('abba', 'abcd')).toBe(true);
    expect(S.containsOnly('abba xyz', 'abcd')).toBe(false);
    expect(S.containsWhitespace('Hello Jane')).toBe(true);
    expect(S.containsWhitespace('HelloJane ')).toBe(true);
    expect(S.containsWhitespace(' HelloJane')).toBe(true);
    expect(S.containsWhitespace('HelloJane')).toBe(false);
  });

  test('countMatches, deleteWhitespace, difference', () => {
    expect(S.countMatches('Hello Jane', 'Hello')).toBe(1);
    expect(S.countMatches('Hello Hello', 'Hello')).toBe(2);
    expect(S.countMatches('Hello hello', 'Hello')).toBe(1);
    expect(S.deleteWhitespace(' Hello Jane ')).toBe('HelloJane');
    expect(S.difference('Hello Jane', 'Hello Max')).toBe('Max');
    expect(S.difference('Hello Jane', 'Goodbye')).toBe('Goodbye');
    expect(S.difference('Hello Jane', '')).toBe('');
    expect(thrown(() => S.difference('Hello', null)).apexType).toBe('System.NullPointerException');
  });

  test('endsWith, endsWithIgnoreCase, startsWith, startsWithIgnoreCase', () => {
    expect(S.endsWith('Hello Jason', 'Jason')).toBe(true);
    expect(S.endsWithIgnoreCase('Hello Jason', 'jason')).toBe(true);
    expect(S.startsWith('AE86 vs EK9', 'AE86')).toBe(true);
    expect(S.startsWithIgnoreCase('AE86 vs EK9', 'ae86')).toBe(true);
  });

  test('equals(stringOrId): strings, other objects, 15- and 18-character Ids', () => {
    expect(S.equals('abcde', 'abcd')).toBe(false);
    expect(S.equals('abc', 'abc')).toBe(true);
    expect(S.equals('abc', 100)).toBe(false);
    expect(S.equals('abc', null)).toBe(false);
    const stringValue15 = '001D000000Ju1zH';
    expect(S.equals(stringValue15, ApexId.valueOf('001D000000Ju1zH'))).toBe(true);
    expect(S.equals(stringValue15, ApexId.valueOf('001D000000Ju1zHIAR'))).toBe(true);
    expect(S.equals('not an id', ApexId.valueOf('001D000000Ju1zHIAR'))).toBe(false);
  });

  test('equalsIgnoreCase, and == (apexStringEquals) is case-insensitive', () => {
    expect(S.equalsIgnoreCase('abcd', 'ABCD')).toBe(true);
    expect(S.equalsIgnoreCase('abcd', null)).toBe(false);
    expect(S.apexStringEquals('abcd', 'ABCD')).toBe(true);
    expect(S.apexStringEquals('abcd', 'ABCE')).toBe(false);
    expect(S.apexStringEquals(null, null)).toBe(true);
    expect(S.apexStringEquals(null, '')).toBe(false);
    // Java's equalsIgnoreCase compares char by char through upper and lower case
    expect(S.apexStringEquals('Σας', 'ΣΑΣ')).toBe(true);
    // Turkish user locale: dotless ı and dotted İ are the lower/upper pairs of their own letters
    expect(S.apexStringEquals('KIYMETLİ', 'kıymetli', 'tr_TR')).toBe(true);
    expect(S.apexStringEquals('KIYMETLI', 'kiymetli', 'tr_TR')).toBe(false);
  });

  test('escapeCsv / unescapeCsv', () => {
    expect(S.escapeCsv('Max1, "Max2"')).toBe('"Max1, ""Max2"""');
    expect(S.escapeCsv('plain')).toBe('plain');
    expect(S.escapeCsv('line\nbreak')).toBe('"line\nbreak"');
    expect(S.escapeCsv('cr\r')).toBe('"cr\r"');
    expect(S.unescapeCsv('"Max1, ""Max2"""')).toBe('Max1, "Max2"');
    expect(S.unescapeCsv('"plain"')).toBe('"plain"');
    expect(S.unescapeCsv('unquoted, "x"')).toBe('unquoted, "x"');
  });

  test('escapeEcmaScript / unescapeEcmaScript', () => {
    expect(S.escapeEcmaScript('"grade": 3.9/4.0')).toBe('\\"grade\\": 3.9\\/4.0');
    expect(S.unescapeEcmaScript('\\"3.8\\",\\"3.9\\"')).toBe('"3.8","3.9"');
  });

  test('escapeHtml3 / escapeHtml4 / escapeXml and their unescapes', () => {
    for (const escape of [S.escapeHtml3, S.escapeHtml4, S.escapeXml]) {
      expect(escape('"<Black&White>"')).toBe('&quot;&lt;Black&amp;White&gt;&quot;');
    }
    for (const unescape of [S.unescapeHtml3, S.unescapeHtml4, S.unescapeXml]) {
      expect(unescape('&quot;&lt;Black&amp;White&gt;&quot;')).toBe('"<Black&White>"');
    }
    expect(S.escapeHtml3('é€')).toBe('&eacute;€');
    expect(S.escapeHtml4('é€')).toBe('&eacute;&euro;');
    expect(S.escapeXml("é'")).toBe('é&apos;');
    // "If an entity isn't recognized, it is kept as is"
    expect(S.unescapeHtml4('&bogus; &euro; &#65; &#x42;')).toBe('&bogus; € A B');
  });

  test('escapeJava / unescapeJava', () => {
    expect(S.escapeJava('Company: "Salesforce.com"')).toBe('Company: \\"Salesforce.com\\"');
    expect(S.unescapeJava('Company: \\"Salesforce.com\\"')).toBe('Company: "Salesforce.com"');
    expect(S.escapeJava('tab\there\\ é')).toBe('tab\\there\\\\ \\u00E9');
  });

  test('escapeSingleQuotes', () => {
    const s = "'Hello Jason'";
    expect(S.escapeSingleQuotes(s)).toBe("\\'Hello Jason\\'");
    expect(S.escapeSingleQuotes('a\\b')).toBe('a\\\\b');
  });

  test('escapeUnicode / unescapeUnicode', () => {
    expect(S.escapeUnicode('De onde você é?')).toBe('De onde voc\\u00EA \\u00E9?');
    expect(S.unescapeUnicode('De onde voc\\u00EA \\u00E9?')).toBe('De onde você é?');
  });

  test('fromCharArray, getChars, getCommonPrefix', () => {
    expect(S.fromCharArray([74])).toBe('J');
    expect(S.getChars('Jane goes fishing.')[0]).toBe(74);
    const doubleSlash = '\\' + '\\';
    expect(S.fromCharArray(S.getChars(doubleSlash))).toBe('\\\\');
    expect(S.fromCharArray(S.getChars(S.escapeJava(doubleSlash)))).toBe('\\\\\\\\');
    expect(S.getCommonPrefix(['SFDCApex', 'SFDCVisualforce'])).toBe('SFDC');
  });

  test('getLevenshteinDistance', () => {
    expect(S.getLevenshteinDistance('Hello Joe', 'Hello Max')).toBe(3);
    expect(S.getLevenshteinDistance('Hello Jane', 'Hello Max', 2)).toBe(-1);
    expect(S.getLevenshteinDistance('Hello Jane', 'Hello Max', 3)).toBe(3);
  });

  test('hashCode is Java String.hashCode (so (31*x.hashCode())^(y.hashCode()) works as in the doc)', () => {
    expect(S.hashCode('')).toBe(0);
    expect(S.hashCode('a')).toBe(97);
    expect(S.hashCode('Hello Maximillian')).toBe(-186706169);
  });

  test('indexOf, indexOfAny, indexOfAnyBut, indexOfChar, indexOfDifference, indexOfIgnoreCase', () => {
    expect(S.indexOf('abcde', 'cd')).toBe(2);
    expect(S.indexOf('abcdabcd', 'ab', 1)).toBe(4);
    expect(S.indexOfAny('abcd', 'xc')).toBe(2);
    expect(S.indexOfAnyBut('abcd', 'xc')).toBe(0);
    expect(S.indexOfChar('\u03A9 is Ω (Omega)', 937)).toBe(0);
    const str = 'Ω and \u03A9 and Ω';
    expect([S.indexOfChar(str, 937), S.indexOfChar(str, 937, 1), S.indexOfChar(str, 937, 10)]).toEqual([0, 6, 12]);
    expect(S.indexOfDifference('abcd', 'abxc')).toBe(2);
    expect(S.indexOfIgnoreCase('abcd', 'BC', 0)).toBe(1);
    expect(S.indexOfIgnoreCase('abcd', 'BC')).toBe(1);
  });

  test('isAllLowerCase … isWhitespace, isBlank, isEmpty, isNotBlank, isNotEmpty', () => {
    expect(S.isAllLowerCase('abcde')).toBe(true);
    expect(S.isAllUpperCase('ABCDE')).toBe(true);
    expect(S.isAlpha('abc')).toBe(true);
    expect(S.isAlpha('abc 21')).toBe(false);
    expect(S.isAlphaSpace('aA Bb')).toBe(true);
    expect(S.isAlphaSpace('ab 12')).toBe(false);
    expect(S.isAlphaSpace('aA$Bb')).toBe(false);
    expect(S.isAlphanumeric('abc')).toBe(true);
    expect(S.isAlphanumeric('abc021')).toBe(true);
    // "Unicode Roman numerals are classified as a type of number form, not a type of digit"
    expect(S.isAlphanumeric('abc\u2167')).toBe(false);
    expect(S.isAlphanumericSpace('AE 86')).toBe(true);
    expect(S.isAlphanumericSpace('aA$12')).toBe(false);
    expect(S.isAsciiPrintable('abcd1234!@#$%^&*()`~-_+={[}]|:<,>.?')).toBe(true);
    expect(S.isAsciiPrintable('√')).toBe(false);
    expect([S.isBlank(''), S.isBlank(null), S.isBlank('  '), S.isBlank('Hello')]).toEqual([true, true, true, false]);
    expect([S.isEmpty(''), S.isEmpty(null), S.isEmpty('  '), S.isEmpty('Hello')]).toEqual([true, true, false, false]);
    expect([S.isNotBlank('Hello world!'), S.isNotBlank(''), S.isNotBlank(null), S.isNotBlank('  ')]).toEqual([
      true,
      false,
      false,
      false,
    ]);
    expect([S.isNotEmpty('  '), S.isNotEmpty('Hello world!'), S.isNotEmpty(''), S.isNotEmpty(null)]).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect(S.isNumeric('1234567890')).toBe(true);
    expect(S.isNumeric('R32')).toBe(false);
    expect(S.isNumeric('1.2')).toBe(false);
    expect(S.isNumericSpace('1 2 3')).toBe(true);
    expect(S.isNumericSpace('FD3S FC3S')).toBe(false);
    expect(S.isWhitespace(' ')).toBe(true);
    expect(S.isWhitespace('')).toBe(true);
    expect(S.isWhitespace('SIL80')).toBe(false);
  });

  test('join (elements already Strings)', () => {
    expect(S.join(['10', '20', '30'], '/')).toBe('10/20/30');
  });

  test('lastIndexOf, lastIndexOfChar, lastIndexOfIgnoreCase', () => {
    expect(S.lastIndexOf('abcdefgc', 'c')).toBe(7);
    expect(S.lastIndexOf('abcdaacd', 'c', 7)).toBe(6);
    expect(S.lastIndexOf('abcdaacd', 'c', 3)).toBe(2);
    // "If the substring doesn't occur or endPosition is negative, this method returns -1"
    expect(S.lastIndexOf('abcdaacd', 'a', -1)).toBe(-1);
    expect(S.lastIndexOf('abcdaacd', 'c', 100)).toBe(6);
    expect(S.lastIndexOfChar('\u03A9 is Ω (Omega)', 937)).toBe(5);
    const str = 'Ω and \u03A9 and Ω';
    expect([S.lastIndexOfChar(str, 937), S.lastIndexOfChar(str, 937, 11), S.lastIndexOfChar(str, 937, 5)]).toEqual([
      12, 6, 0,
    ]);
    expect(S.lastIndexOfIgnoreCase('abcdaacd', 'DAAC')).toBe(3);
    expect(S.lastIndexOfIgnoreCase('abcdaacd', 'C', 7)).toBe(6);
  });

  test('left, leftPad, length, mid, right, rightPad', () => {
    expect(S.left('abcdaacd', 3)).toBe('abc');
    expect(S.left('abc', 10)).toBe('abc');
    expect(S.leftPad('abc', 5)).toBe('  abc');
    expect(S.leftPad('abc', 7, 'xy')).toBe('xyxyabc');
    expect(S.leftPad('abc', 5, null)).toBe('  abc');
    expect(S.leftPad('abc', 5, '')).toBe('  abc');
    expect(S.length('abcd')).toBe(4);
    expect(S.mid('abcde', 2, 3)).toBe('cde');
    expect(S.mid('abcde', -2, 2)).toBe('ab');
    expect(S.mid('abcde', 1, 0)).toBe('');
    expect(S.mid('abcde', 3, 10)).toBe('de');
    expect(S.right('Hello Max', 3)).toBe('Max');
    expect(S.rightPad('abc', 5)).toBe('abc  ');
    expect(S.rightPad('abc', 7, 'xy')).toBe('abcxyxy');
  });

  test('normalizeSpace', () => {
    expect(S.normalizeSpace('Salesforce \t     force.com')).toBe('Salesforce force.com');
    expect(S.normalizeSpace(' \r\n a \f b \n')).toBe('a b');
  });

  test('remove, removeEnd, removeEndIgnoreCase, removeStart, removeStartIgnoreCase', () => {
    const s1 = 'Salesforce and force.com';
    expect(S.remove(s1, 'force')).toBe('Sales and .com');
    expect(S.removeEnd(s1, '.com')).toBe('Salesforce and force');
    expect(S.removeEndIgnoreCase(s1, '.COM')).toBe('Salesforce and force');
    expect(S.removeStart(s1, 'Sales')).toBe('force and force.com');
    expect(S.removeStartIgnoreCase(s1, 'SALES')).toBe('force and force.com');
  });

  test('repeat', () => {
    expect(S.repeat('SFDC', 2)).toBe('SFDCSFDC');
    expect(S.repeat('SFDC', '-', 2)).toBe('SFDC-SFDC');
    expect(S.repeat('SFDC', 0)).toBe('');
    expect(S.repeat('SFDC', -1)).toBe('');
  });

  test('replace, replaceAll, replaceFirst', () => {
    expect(S.replace('abcdbca', 'bc', 'xy')).toBe('axydxya');
    expect(S.replaceAll('a b c 5 xyz', '[a-zA-Z]', '1')).toBe('1 1 1 5 111');
    expect(S.replaceFirst('a b c 11 xyz', '[a-zA-Z]{2}', '2')).toBe('a b c 11 2z');
  });

  test('split (the doc example splits a path on a backslash) and split with limit', () => {
    const parts = S.split('e:\\processed\\PPDSF100111.csv', '\\\\');
    expect(parts[parts.length - 1]).toBe('PPDSF100111.csv');
    const s = 'boo:and:moo';
    expect(S.split(s, ':', 2)).toEqual(['boo', 'and:moo']);
    expect(S.split(s, ':', 5)).toEqual(['boo', 'and', 'moo']);
    expect(S.split(s, ':', -2)).toEqual(['boo', 'and', 'moo']);
    expect(S.split(s, 'o', 5)).toEqual(['b', '', ':and:m', '', '']);
    expect(S.split(s, 'o', -2)).toEqual(['b', '', ':and:m', '', '']);
    expect(S.split(s, 'o', 0)).toEqual(['b', '', ':and:m']);
  });

  test('splitByCharacterType / splitByCharacterTypeCamelCase', () => {
    expect(S.splitByCharacterType('Lightning.platform')).toEqual(['L', 'ightning', '.', 'platform']);
    expect(S.splitByCharacterTypeCamelCase('Lightning.platform')).toEqual(['Lightning', '.', 'platform']);
  });

  test('substring and its relatives', () => {
    expect(S.substring('hamburger', 3)).toBe('burger');
    expect(S.substring('hamburger', 4, 8)).toBe('urge');
    expect(S.substring('smiles', 1, 5)).toBe('mile');
    const s1 = 'Salesforce.Lightning.platform';
    expect(S.substringAfter(s1, '.')).toBe('Lightning.platform');
    expect(S.substringAfterLast(s1, '.')).toBe('platform');
    expect(S.substringBefore(s1, '.')).toBe('Salesforce');
    expect(S.substringBeforeLast(s1, '.')).toBe('Salesforce.Lightning');
    expect(S.substringBetween('tagYellowtag', 'tag')).toBe('Yellow');
    expect(S.substringBetween('xYellowy', 'x', 'y')).toBe('Yellow');
    expect(S.substringBetween('xYellow', 'x', 'y')).toBeNull();
  });

  test('toLowerCase / toUpperCase, with locale (Turkish examples)', () => {
    expect(S.toLowerCase('ThIs iS hArD tO rEaD')).toBe('this is hard to read');
    expect(S.toLowerCase('KIYMETLİ', 'tr')).toBe('kıymetli');
    expect(S.toLowerCase('KIYMETLİ', 'en')).toBe('kiymetli\u0307');
    expect(S.toUpperCase('abcd')).toBe('ABCD');
    expect(S.toUpperCase('imkansız', 'tr')).toBe('İMKANSIZ');
    expect(S.toUpperCase('straße')).toBe('STRASSE');
    expect(S.toLowerCase('ABC', 'not a locale!')).toBe('abc');
  });

  test('trim removes chars <= U+0020 like Java (not other Unicode spaces)', () => {
    expect(S.trim('   Hello!   ')).toBe('Hello!');
    expect(S.trim('\t\n\u0000x\u001f')).toBe('x');
    expect(S.trim('\u00a0x\u2003')).toBe('\u00a0x\u2003');
  });
});

describe('Java and Apex edge cases', () => {
  test('substring out of range: System.StringException with the org texts', () => {
    const start = thrown(() => S.substring('abc', 5));
    expect(start.apexType).toBe('System.StringException');
    expect(start.message).toBe('Starting position out of bounds: 5');
    expect(thrown(() => S.substring('abc', -1, 2)).message).toBe('Starting position out of bounds: -1');
    expect(thrown(() => S.substring('abc', 0, 4)).message).toBe('Ending position out of bounds: 4');
    expect(thrown(() => S.substring('abc', 2, 1)).message).toBe('Ending position out of bounds: 1');
    expect(S.substring('abc', 3)).toBe('');
  });

  test('abbreviate below the minimum width: System.StringException', () => {
    const e = thrown(() => S.abbreviate('Hello Maximillian', 3));
    expect(e.apexType).toBe('System.StringException');
    expect(e.message).toBe('Minimum abbreviation width is 4');
    expect(thrown(() => S.abbreviate('Hello Maximillian', 6, 9)).message).toBe(
      'Minimum abbreviation width with offset is 7',
    );
    // as Commons Lang: the width is checked before the length (only an empty String escapes it)
    expect(thrown(() => S.abbreviate('abc', 3)).message).toBe('Minimum abbreviation width is 4');
    expect(S.abbreviate('', 3)).toBe('');
  });

  test('split: trailing empty strings dropped, leading kept, no match gives the String, "" splits chars', () => {
    expect(S.split('a,b,,', ',')).toEqual(['a', 'b']);
    expect(S.split('a,b,,', ',', -1)).toEqual(['a', 'b', '', '']);
    expect(S.split(',a', ',')).toEqual(['', 'a']);
    expect(S.split('abc', 'x')).toEqual(['abc']);
    expect(S.split('', ',')).toEqual(['']);
    expect(S.split(',', ',')).toEqual([]);
    expect(S.split('abc', '')).toEqual(['a', 'b', 'c']);
    expect(S.split('a|b', '|')).toEqual(['a', '|', 'b']);
    expect(S.split('a|b', '\\|')).toEqual(['a', 'b']);
    expect(thrown(() => S.split('a*b', '*')).message).toMatch(
      /^Invalid regex: Dangling meta character '\*' near index 0/,
    );
  });

  test("replaceAll uses Java's replacement syntax", () => {
    expect(S.replaceAll('John Smith', '(\\w+) (\\w+)', '$2, $1')).toBe('Smith, John');
    expect(S.replaceAll('cost: 5', '\\d', '\\$$0')).toBe('cost: $5');
    expect(thrown(() => S.replaceAll('cost: 5', '\\d', '$')).message).toBe(
      'Illegal group reference: group index is missing',
    );
    expect(thrown(() => S.replaceAll('abc', 'b', '$1')).message).toBe('No group 1');
    expect(S.replace('a.b', '.', '$')).toBe('a$b');
    expect(S.replace('abc', '', '-')).toBe('-a-b-c-');
  });

  test('(?i) patterns are ASCII case-insensitive unless (?iu)', () => {
    expect(S.replaceAll('Hello HELLO hello', '(?i)hello', 'x')).toBe('x x x');
    expect(S.replaceAll('É é', '(?i)é', 'x')).toBe('É x');
    expect(S.replaceAll('É é', '(?iu)é', 'x')).toBe('x x');
  });

  test('surrogate pairs: length counts UTF-16 units, reverse keeps pairs', () => {
    const g = '\uD835\uDD0A';
    expect(S.length(`a${g}b`)).toBe(4);
    expect(S.reverse(`a${g}b`)).toBe(`b${g}a`);
    expect(S.reverse('')).toBe('');
    expect(S.codePointCount(`a${g}b`, 0, 4)).toBe(3);
  });

  test('charAt / codePointAt out of range are System.StringException with Java texts', () => {
    expect(thrown(() => S.charAt('abc', 5)).message).toBe('String index out of range: 5');
    expect(thrown(() => S.codePointAt('abc', -1)).message).toBe('index -1, length 3');
  });

  test('null arguments are NullPointerException; static methods accept null', () => {
    for (const f of [
      () => S.contains('a', null),
      () => S.indexOf('a', null),
      () => S.split('a', null),
      () => S.replace('a', null, 'b'),
      () => S.compareTo('a', null),
      () => S.escapeSingleQuotes(null),
    ]) {
      const e = thrown(f);
      expect(e.apexType).toBe('System.NullPointerException');
      expect(e.message).toBe('Argument cannot be null.');
    }
    expect(S.isBlank(null)).toBe(true);
    expect(S.isNotEmpty(null)).toBe(false);
  });

  test('stripHtmlTags removes inline element tags (the doc example) and fails loudly on undocumented markup', () => {
    expect(S.stripHtmlTags('<b>hello world</b>')).toBe('hello world');
    expect(S.stripHtmlTags('<span class="x" data-y=\'1\'>a</span> <A HREF=u>b</A>')).toBe('a b');
    expect(S.stripHtmlTags('plain')).toBe('plain');
    for (const open of [
      'a<br>b',
      '<p>x</p>',
      '<script>x</script>',
      'a &amp; b',
      'a < b',
      '<!-- c -->x',
      '<b> x</b>',
      'a\nb',
      'a  b',
    ]) {
      expect(() => S.stripHtmlTags(open)).toThrow(EmulatorUnsupportedError);
    }
  });

  test('format: MessageFormat substitution', () => {
    expect(S.format('{0} was last updated {1}', ['Universal Containers', '2018-11-15 00:00:00'])).toBe(
      'Universal Containers was last updated 2018-11-15 00:00:00',
    );
  });
});
