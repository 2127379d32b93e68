// The String, Pattern and Matcher bindings, exercised through Apex (anonymous blocks on an Org built from a tiny
// fixture project): overloads by argument count, list results, Id arguments, String.valueOf for each type,
// String.join over Lists, Sets and Iterables, String.format, catchable exceptions, Pattern/Matcher objects, and the
// locale-aware String `==`.
import { join } from 'node:path';
import { runAnonymous } from '../../../entry/anonymous';
import { Org } from '../../../org/Org';
import { loadProject } from '../../../project';
import { canonicalId } from '../../../values/Id';

const project = loadProject(join(__dirname, 'fixtures', 'apex-project'));
/** 2024-01-05 08:30:00 GMT: 00:30 in the default user's America/Los_Angeles. */
const NOW = Date.UTC(2024, 0, 5, 8, 30, 0);
const ID = canonicalId('001000000000001')!;

function newOrg(): Org {
  return new Org(project, { clock: () => NOW });
}

/** The System.debug lines of an anonymous block that must succeed. */
function debugOf(source: string, org = newOrg()): string[] {
  const out = runAnonymous(org, source);
  if (out.error) throw new Error(`${out.error.message}\n${out.error.stackTrace ?? ''}`);
  return out.debug.map((d) => d.message);
}

/** The error message of an anonymous block that must fail. */
function errorOf(source: string, org = newOrg()): string {
  const out = runAnonymous(org, source);
  if (!out.error) throw new Error(`expected a failure, got ${JSON.stringify(out.debug)}`);
  return out.error.message;
}

describe('String instance methods (Apex Reference, String Class)', () => {
  test('overloads are chosen by argument count', () => {
    expect(
      debugOf(`
        String s = 'Hello Maximillian';
        System.debug(s.abbreviate(8));
        System.debug(s.abbreviate(9, 6));
        System.debug('hello'.center(9) + '|' + 'hello'.center(9, '-'));
        System.debug('abcabc'.indexOf('b') + ',' + 'abcabc'.indexOf('b', 2));
        System.debug('abcabc'.lastIndexOf('b') + ',' + 'abcabc'.lastIndexOf('b', 3));
        System.debug('sfdc'.repeat(2) + '|' + 'sfdc'.repeat('-', 2));
        System.debug('tagYellowtag'.substringBetween('tag') + '|' + '[x]'.substringBetween('[', ']'));
        System.debug('abc'.substring(1) + '|' + 'abc'.substring(1, 2));
        System.debug('abc'.leftPad(5) + '|' + 'abc'.leftPad(5, '0') + '|' + 'abc'.rightPad(5, 'xy'));
        System.debug('abc'.indexOfChar(99) + ',' + 'abcabc'.indexOfChar(97, 1) + ',' + 'abcabc'.lastIndexOfChar(97, 2));
        System.debug('kitten'.getLevenshteinDistance('sitting') + ',' + 'kitten'.getLevenshteinDistance('sitting', 2));
        System.debug('title'.toUpperCase('tr') + '|' + 'TITLE'.toLowerCase('tr') + '|' + 'TITLE'.toLowerCase());
      `),
    ).toEqual([
      'Hello...',
      '...Max...',
      '  hello  |--hello--',
      '1,4',
      '4,1',
      'sfdcsfdc|sfdc-sfdc',
      'Yellow|x',
      'bc|b',
      '  abc|00abc|abcxy',
      '2,3,0',
      '3,-1',
      'TİTLE|tıtle|title',
    ]);
  });

  test('split, splitByCharacterType and getChars return typed, modifiable Lists', () => {
    expect(
      debugOf(`
        List<String> parts = 'a:b:c:d'.split(':', 2);
        parts.add('e');
        System.debug(parts);
        System.debug('a,b,,'.split(',').size());
        Object o = 'a.b'.split('\\\\.');
        System.debug(o instanceof List<String>);
        System.debug('lightGreen'.splitByCharacterTypeCamelCase());
        List<Integer> chars = 'abc'.getChars();
        System.debug(chars);
        System.debug(((Object) chars) instanceof List<Integer>);
      `),
    ).toEqual(['(a, b:c:d, e)', '2', 'true', '(light, Green)', '(97, 98, 99)', 'true']);
  });

  test('an Id argument is read as its 18-character String', () => {
    expect(
      debugOf(`
        Id recordId = '${ID.slice(0, 15)}';
        String text = 'record ${ID} here';
        System.debug(text.contains(recordId));
        System.debug(text.indexOf(recordId));
        System.debug('${ID.slice(0, 15)}'.equals(recordId));
        System.debug('${ID}'.compareTo(recordId));
        System.debug(String.isBlank(recordId));
      `),
    ).toEqual(['true', '7', 'true', '0', 'false']);
  });

  test("equals is case-sensitive, equalsIgnoreCase and == are not; hashCode is Java's", () => {
    expect(
      debugOf(`
        String s = 'hello';
        System.debug(s.equals('HELLO') + ',' + s.equals('hello') + ',' + s.equals(null) + ',' + s.equals(5));
        System.debug(s.equalsIgnoreCase('HELLO') + ',' + s.equalsIgnoreCase(null));
        System.debug((s == 'HELLO') + ',' + (s != 'HELLO'));
        System.debug(s.hashCode() + ',' + ''.hashCode());
        System.debug('abcde'.compareTo('abcd') + ',' + 'abc'.compareTo('ABC'));
      `),
    ).toEqual(['false,true,false,false', 'true,false', 'true,false', '99162322,0', '1,32']);
  });

  test('platform errors are catchable Apex exceptions with the org messages', () => {
    expect(
      debugOf(`
        try { 'abc'.substring(5); } catch (StringException e) { System.debug(e.getMessage()); }
        try { 'abc'.charAt(3); } catch (StringException e) { System.debug(e.getMessage()); }
        try { 'abc'.contains(null); } catch (NullPointerException e) { System.debug(e.getMessage()); }
        try { 'abc'.abbreviate(3); } catch (StringException e) { System.debug(e.getMessage()); }
        try { 'a'.split('('); } catch (StringException e) { System.debug(e.getMessage().startsWith('Invalid regex')); }
        String missing;
        try { missing.length(); } catch (NullPointerException e) { System.debug('NPE'); }
      `),
    ).toEqual([
      'Starting position out of bounds: 5',
      'String index out of range: 3',
      'Argument cannot be null.',
      'Minimum abbreviation width is 4',
      'true',
      'NPE',
    ]);
  });

  test('a method with an argument count the page does not list fails loudly', () => {
    expect(errorOf(`System.debug('abc'.left(1, 2));`)).toMatch(/String\.left with 2 argument/);
  });
});

describe('String static methods', () => {
  test('valueOf converts every type; valueOf(null) is null', () => {
    expect(
      debugOf(`
        Integer nothing;
        System.debug(String.valueOf(nothing) == null);
        System.debug(String.valueOf(42) + '|' + String.valueOf(9007199254740993L) + '|' + String.valueOf(3.140));
        Double big = 15000000000.0;
        System.debug(String.valueOf(big) + '|' + String.valueOf(true) + '|' + String.valueOf('same'));
        System.debug(String.valueOf(System.today()) + '|' + ('on ' + System.today()));
        Datetime now = System.now();
        System.debug(String.valueOf(now) + '|' + String.valueOfGmt(now) + '|' + now);
        System.debug(String.valueOf(new List<Integer>{ 1, 2 }) + '|' + String.valueOf(new Set<String>{ 'a' }));
        System.debug(String.valueOf(new TextFixtureLabel('x')));
        Object boxed = System.today();
        System.debug(String.valueOf(boxed));
      `),
    ).toEqual([
      'true',
      '42|9007199254740993|3.140',
      '1.5E10|true|same',
      '2024-01-05|on 2024-01-05 00:00:00',
      '2024-01-05 00:30:00|2024-01-05 08:30:00|2024-01-05 08:30:00',
      '(1, 2)|{a}',
      'Label(x)',
      '2024-01-05',
    ]);
  });

  test('the valueOf and valueOfGmt examples of the String Class page (default user in America/Los_Angeles)', () => {
    expect(
      debugOf(`
        System.debug(String.valueOf(Datetime.newInstance(1996, 6, 23)));
        System.debug(String.valueOfGmt(Datetime.newInstance(2001, 9, 14)));
        Decimal dec = 3.14159265;
        Double myDouble = 12.34;
        Long myLong = 123456789;
        System.debug(String.valueOf(dec) + '|' + String.valueOf(myDouble) + '|' + String.valueOf(myLong));
        System.debug(String.valueOf(new List<Integer>{ 10, 20 }));
        System.debug(String.valueOf(Time.newInstance(18, 30, 2, 20)) + '|' + String.valueOf(Blob.valueOf('abcd')));
      `),
    ).toEqual([
      '1996-06-23 00:00:00',
      '2001-09-14 07:00:00',
      '3.14159265|12.34|123456789',
      '(10, 20)',
      '18:30:02.020Z|Blob[4]',
    ]);
  });

  test('join takes a List, a Set or an Iterable and converts elements as valueOf (null as "null")', () => {
    expect(
      debugOf(`
        System.debug(String.join(new List<String>{ 'a', 'b', 'c' }, ', '));
        System.debug(String.join(new List<Integer>{ 1, 2, 3 }, '-'));
        System.debug(String.join(new Set<String>{ 'x', 'y' }, '/'));
        System.debug(String.join(new TextFixtureWords(new List<String>{ 'it', 'works' }), ' '));
        System.debug(String.join(new List<Object>{ 'a', null, 1.50, System.today() }, ','));
        System.debug(String.join(new List<Object>{ new TextFixtureLabel('l') }, ','));
        System.debug(String.join(new List<String>(), ',') == '');
        List<Id> ids = new List<Id>{ '${ID}' };
        System.debug(String.join(ids, ','));
      `),
    ).toEqual(['a, b, c', '1-2-3', 'x/y', 'it works', 'a,null,1.50,2024-01-05', 'Label(l)', 'true', ID]);
    expect(errorOf(`List<String> none; String.join(none, ',');`)).toMatch(/NullPointerException/);
  });

  test('format converts non-String arguments to Strings (toString overrides too); Dates fail loudly', () => {
    expect(
      debugOf(`
        System.debug(String.format('{1} before {0}, {1} again', new List<String>{ 'zero', 'one' }));
        System.debug(String.format('{0} and {2}', new List<Object>{ 'a', null }));
        System.debug(String.format('it\\'\\'s {0}', new List<Object>{ true }));
        System.debug(String.format('{0} rows, {1} total, {2}', new List<Object>{ 1000, 2.50, new TextFixtureLabel('t') }));
      `),
    ).toEqual(['one before zero, one again', 'a and {2}', "it's true", '1000 rows, 2.50 total, Label(t)']);
    expect(errorOf(`String.format('{0}', new List<Object>{ System.today() });`)).toMatch(
      /String\.format with a Date value/,
    );
  });

  test('template(valueMap) substitutes ${name}; $${ is literal; a missing variable is a StringException', () => {
    expect(
      debugOf(`
        System.debug('\${name} has \${count} rows'.template(new Map<String, Object>{ 'name' => 'Acme', 'count' => 3 }));
        System.debug('Escaped: $\${hello} Unescaped: \${hello} $5'.template(new Map<String, Object>{ 'hello' => 'hi' }));
        try {
          '\${missing}'.template(new Map<String, Object>());
        } catch (StringException e) {
          System.debug('StringException');
        }
      `),
    ).toEqual(['Acme has 3 rows', 'Escaped: ${hello} Unescaped: hi $5', 'StringException']);
    expect(errorOf(`'\${d}'.template(new Map<String, Object>{ 'd' => System.now() });`)).toMatch(
      /String\.template with a Datetime value/,
    );
    expect(errorOf(`'\${ spaced }'.template(new Map<String, Object>());`)).toMatch(/not supported/);
  });

  test('isBlank/isEmpty/isNotBlank/isNotEmpty, escapeSingleQuotes, fromCharArray, getCommonPrefix', () => {
    expect(
      debugOf(`
        String none;
        System.debug(String.isBlank(none) + ',' + String.isBlank('  ') + ',' + String.isEmpty('  ') + ',' + String.isEmpty(none));
        System.debug(String.isNotBlank(' x ') + ',' + String.isNotEmpty(none));
        System.debug(String.escapeSingleQuotes('it\\'s a \\\\ path'));
        System.debug(String.fromCharArray(new List<Integer>{ 74, 97, 118, 97 }));
        System.debug(String.getCommonPrefix(new List<String>{ 'SFDCApex', 'SFDCVisualforce' }));
      `),
    ).toEqual(['true,true,false,true', 'true,false', "it\\'s a \\\\ path", 'Java', 'SFDC']);
  });
});

describe('Pattern and Matcher (Apex Reference, Pattern Class and Matcher Class)', () => {
  test('compile, matcher, find, groups, start and end', () => {
    expect(
      debugOf(`
        Pattern p = Pattern.compile('(\\\\d+)-(\\\\d+)');
        Matcher m = p.matcher('tel 10-20, 30-40');
        List<String> found = new List<String>();
        while (m.find()) found.add(m.group(1) + '/' + m.group(2) + '@' + m.start() + '-' + m.end(2));
        System.debug(found);
        System.debug(m.groupCount() + ',' + p.pattern());
        System.debug(Pattern.matches('a*b', 'aaab') + ',' + Pattern.matches('a*b', 'aaabc'));
        System.debug(Pattern.compile('\\\\d').split('a1b2c') + '|' + Pattern.compile(',').split('a,b,c', 2));
        System.debug(Pattern.matches(Pattern.quote('a.b'), 'axb'));
        System.debug(Pattern.compile('(\\\\w+)').matcher('a b').replaceAll('<$1>'));
        System.debug(Pattern.compile('x').matcher('axbx').replaceFirst(Matcher.quoteReplacement('$1')));
      `),
    ).toEqual([
      '(10/20@4-9, 30/40@11-16)',
      '2,(\\d+)-(\\d+)',
      'true,false',
      '(a, b, c)|(a, b,c)',
      'false',
      '<a> <b>',
      'a$1bx',
    ]);
  });

  test('Matcher methods that return the Matcher return the same object; pattern() returns the Pattern', () => {
    expect(
      debugOf(`
        Pattern p = Pattern.compile('b+');
        Matcher m = p.matcher('abbbc');
        System.debug(m.pattern() === p);
        System.debug(m.region(1, 3) === m);
        System.debug(m.regionStart() + ',' + m.regionEnd() + ',' + m.lookingAt() + ',' + m.group());
        System.debug(m.reset() === m);
        System.debug(m.matches() + ',' + m.hitEnd());
        Pattern q = Pattern.compile('c');
        System.debug(m.usePattern(q) === m);
        System.debug(m.pattern() === q);
        System.debug(m.find() + ',' + m.start());
        System.debug(m.reset('cc').find(1) + ',' + m.start());
        System.debug(m.useAnchoringBounds(false).hasAnchoringBounds() + ',' + m.useTransparentBounds(true).hasTransparentBounds());
      `),
    ).toEqual(['true', 'true', '1,3,true,bb', 'true', 'false,false', 'true', 'true', 'true,4', 'true,1', 'false,true']);
  });

  test('misuse is a catchable StringException; an invalid regex too', () => {
    expect(
      debugOf(`
        Matcher m = Pattern.compile('a').matcher('b');
        try { m.group(); } catch (StringException e) { System.debug(e.getMessage()); }
        m = Pattern.compile('a').matcher('a');
        m.find();
        try { m.group(2); } catch (StringException e) { System.debug(e.getMessage()); }
        try { Pattern.compile('(a'); } catch (StringException e) { System.debug(e.getMessage().startsWith('Invalid regex')); }
        try { Pattern.compile(null); } catch (NullPointerException e) { System.debug(e.getMessage()); }
      `),
    ).toEqual(['No match found', 'No group 2', 'true', 'Argument cannot be null.']);
  });
});

describe('String == (Expression Operators; String Class, equalsIgnoreCase)', () => {
  test('Java per-character case folding for the default (en_US) user', () => {
    expect(
      debugOf(`
        System.debug(('I' == 'i') + ',' + ('\\u0130' == 'i') + ',' + ('\\u00df' == '\\u1e9e') + ',' + ('\\u00df' == 'SS'));
      `),
    ).toEqual(['true,true,true,false']);
  });

  test('a Turkish user compares with Turkish case rules (dotted and dotless i)', () => {
    const org = newOrg();
    org.db.get(org.seed.adminUserId)!.fields.set('localesidkey', 'tr_TR');
    expect(
      debugOf(
        `
        System.debug(('I' == 'i') + ',' + ('I' == '\\u0131') + ',' + ('\\u0130' == 'i') + ',' + ('TITLE' == 'title'));
      `,
        org,
      ),
    ).toEqual(['false,true,true,false']);
  });
});
