// String.format's java.text.MessageFormat pattern rules (expected values printed by OpenJDK 17's MessageFormat with
// String arguments).

import { ApexPlatformError, EmulatorUnsupportedError } from '../../../errors';
import { formatMessage } from '../MessageFormat';

describe('String.format (java.text.MessageFormat)', () => {
  test('substitutes {n} with the n-th argument, null as "null", a missing one stays {n}', () => {
    expect(formatMessage('{0} is {1}', ['x', 'y'])).toBe('x is y');
    expect(formatMessage('{1}{0}{1}', ['a', 'b'])).toBe('bab');
    expect(formatMessage('{0}', [null])).toBe('null');
    expect(formatMessage('{0} {3}', ['a'])).toBe('a {3}');
    expect(formatMessage('no args', [])).toBe('no args');
  });

  test("quotes: '' is one quote, '…' is literal text (API 51.0+)", () => {
    expect(formatMessage("it''s {0}", ['ok'])).toBe("it's ok");
    expect(formatMessage("'{0}' is {0}", ['x'])).toBe('{0} is x');
    expect(formatMessage("it's {0}", ['x'])).toBe('its {0}');
    expect(formatMessage("'{'{0}'}'", ['x'])).toBe('{x}');
    expect(formatMessage('a } b', [])).toBe('a } b');
  });

  test('argument syntax errors are exceptions with MessageFormat texts', () => {
    const message = (pattern: string): string => {
      try {
        formatMessage(pattern, ['a']);
      } catch (e) {
        expect(e).toBeInstanceOf(ApexPlatformError);
        return (e as ApexPlatformError).message;
      }
      return 'no exception';
    };
    expect(message('{0')).toBe('Unmatched braces in the pattern.');
    expect(message('{x}')).toBe("can't parse argument number: x");
    expect(message('{-1}')).toBe('negative argument number: -1');
    expect(message('{0,foo}')).toBe('unknown format type: foo');
  });

  test('format types and API 50.0 and earlier fail loudly', () => {
    expect(() => formatMessage('{0,number,#.##}', ['1.5'])).toThrow(EmulatorUnsupportedError);
    expect(() => formatMessage('{0,date}', ['x'])).toThrow(EmulatorUnsupportedError);
    expect(() => formatMessage('{0}', ['x'], 50)).toThrow(EmulatorUnsupportedError);
  });
});
