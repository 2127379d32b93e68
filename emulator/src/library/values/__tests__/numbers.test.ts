// Integer, Long, Double, Decimal and Boolean through Apex: the Apex Reference examples of each class page, the
// return types of each method (checked with instanceof), overloads by argument type, and the failures.
import { debugOf, errorOf, newOrg } from './harness';

describe('Integer Class', () => {
  test('valueOf(String) and the org message for an invalid integer', () => {
    expect(debugOf("System.debug(Integer.valueOf('42') + 1); System.debug(Integer.valueOf('-7'));")).toEqual([
      '43',
      '-7',
    ]);
    expect(errorOf("Integer i = Integer.valueOf('3.5');")).toBe('System.TypeException: Invalid integer: 3.5');
  });

  test('valueOf(fieldValue) converts numbers as Number.intValue() (truncation)', () => {
    expect(
      debugOf(`
        Object d = 3.7; Object neg = -3.7; Object l = 5L; Object dbl = Double.valueOf('9.99');
        System.debug(Integer.valueOf(d)); System.debug(Integer.valueOf(neg));
        System.debug(Integer.valueOf(l)); System.debug(Integer.valueOf(dbl));
        Object r = Integer.valueOf(d); System.debug(r instanceof Integer);`),
    ).toEqual(['3', '-3', '5', '9', 'true']);
  });

  test('valueOf of an object the docs do not cover fails loudly', () => {
    expect(errorOf('Object b = true; Integer i = Integer.valueOf(b);')).toContain('Integer.valueOf of a Boolean');
  });

  test('format() uses the user locale (doc example: 22 → 22; grouping)', () => {
    expect(debugOf('Integer myInt = 22; System.debug(myInt.format()); System.debug((1234567).format());')).toEqual([
      '22',
      '1,234,567',
    ]);
    expect(debugOf('System.debug((1234567).format());', newOrg({ locale: 'de_DE' }))).toEqual(['1.234.567']);
  });
});

describe('Long Class', () => {
  test('doc examples: format(), intValue(), valueOf(String)', () => {
    expect(
      debugOf(`
        Long myLong = 4271990; System.debug(myLong.format());
        Long l2 = 7191991; System.debug(l2.intValue());
        Long L1 = long.valueOf('123456789'); System.debug(L1);
        Object o = Long.valueOf('9223372036854775807'); System.debug(o instanceof Long);
        Object i = l2.intValue(); System.debug(i instanceof Integer);`),
    ).toEqual(['4,271,990', '7191991', '123456789', 'true', 'true']);
  });

  test('intValue keeps the low 32 bits; valueOf out of range is a TypeException', () => {
    expect(debugOf('Long big = 4294967297L; System.debug(big.intValue());')).toEqual(['1']);
    expect(errorOf("Long l = Long.valueOf('9223372036854775808');")).toBe(
      'System.TypeException: Invalid long: 9223372036854775808',
    );
  });
});

describe('Double Class', () => {
  test('doc examples: format, intValue, longValue, round', () => {
    expect(
      debugOf(`
        Double myDouble = 1261992; System.debug(myDouble.format());
        Double DD1 = double.valueOf('3.14159'); System.debug(DD1.intValue());
        Double d2 = 421994; System.debug(d2.longValue());
        Double D1 = 4.5; System.debug(D1.round());
        Double D2 = 4.2; System.debug(D2.round());
        Double D3 = -4.7; System.debug(D3.round());
        Object r = D1.round(); System.debug(r instanceof Long);
        Object lv = d2.longValue(); System.debug(lv instanceof Long);`),
    ).toEqual(['1,261,992', '3', '421994', '5', '4', '-5', 'true', 'true']);
  });

  test('valueOf(String) is a Double; valueOf(fieldValue) converts numbers', () => {
    expect(
      debugOf(`
        Object a = Double.valueOf('1.5'); System.debug(a instanceof Double); System.debug(a);
        Object i = 3; Object d = 2.25; Object l = 4L;
        System.debug(Double.valueOf(i)); System.debug(Double.valueOf(d)); System.debug(Double.valueOf(l));
        System.debug(Double.valueOf('1e7'));`),
    ).toEqual(['true', '1.5', '3.0', '2.25', '4.0', '1.0E7']);
    expect(errorOf("Double d = Double.valueOf('abc');")).toBe('System.TypeException: Invalid double: abc');
  });
});

describe('Decimal Class', () => {
  test('doc examples: abs, divide, doubleValue, format, intValue, longValue, pow, precision', () => {
    expect(
      debugOf(`
        Decimal myDecimal = -6.02214129; System.debug(myDecimal.abs());
        Decimal decimalNumber = 19; Decimal result = decimalNumber.divide(100, 3); System.debug(result);
        Decimal d2 = 12.4567; System.debug(d2.divide(7, 2, System.RoundingMode.UP));
        Decimal d3 = 6.62606957; Object dv = d3.doubleValue(); System.debug(dv instanceof Double); System.debug(dv);
        Decimal d4 = 12345.6789; System.debug(d4.format());
        Decimal d5 = 1.602176565; System.debug(d5.intValue());
        Decimal d6 = 376.730313461; System.debug(d6.longValue());
        Decimal d7 = 4.12; System.debug(d7.pow(2)); System.debug(d7.pow(0));
        Decimal D1 = 123.45; System.debug(D1.precision());
        Decimal D2 = 123.123; System.debug(D2.precision());`),
    ).toEqual([
      '6.02214129',
      '0.190',
      '1.78',
      'true',
      '6.62606957',
      '12,345.679',
      '1',
      '376',
      '16.9744',
      '1',
      '5',
      '6',
    ]);
  });

  test('round, setScale, scale, stripTrailingZeros, toPlainString', () => {
    expect(
      debugOf(`
        Decimal a = 5.5; System.debug(a.round()); Object r = a.round(); System.debug(r instanceof Long);
        Decimal b = 2.5; System.debug(b.round()); System.debug(b.round(System.RoundingMode.HALF_UP));
        Decimal c = -2.7; System.debug(c.round(RoundingMode.CEILING));
        Decimal d = 2.345; System.debug(d.setScale(2)); System.debug(d.setScale(2, RoundingMode.HALF_UP));
        System.debug(d.setScale(5)); System.debug(d.setScale(5).scale());
        Decimal e = 1000; System.debug(e.stripTrailingZeros()); System.debug(e.stripTrailingZeros().toPlainString());
        Decimal f = 1.500; System.debug(f.stripTrailingZeros()); System.debug(f.scale());`),
    ).toEqual(['6', 'true', '2', '3', '-2', '2.34', '2.35', '2.34500', '5', '1E+3', '1000', '1.5', '3']);
  });

  test('valueOf overloads: String keeps its scale, Double its canonical digits, Integer/Long scale 0', () => {
    expect(
      debugOf(`
        Decimal s = Decimal.valueOf('1.10'); System.debug(s); System.debug(s.scale());
        Double dbl = 0.1; System.debug(Decimal.valueOf(dbl));
        System.debug(Decimal.valueOf(42)); System.debug(Decimal.valueOf(42L).scale());
        Object o = Decimal.valueOf('3'); System.debug(o instanceof Decimal);`),
    ).toEqual(['1.10', '2', '0.1', '42', '0', 'true']);
    expect(errorOf("Decimal d = Decimal.valueOf('1,5');")).toBe('System.TypeException: Invalid decimal: 1,5');
    expect(errorOf('Decimal x = 1.5; Decimal d = Decimal.valueOf(x);')).toContain('Decimal.valueOf of a Decimal');
  });

  test('UNNECESSARY rounding of an inexact value is a MathException', () => {
    expect(errorOf('Decimal d = 2.5; Long l = d.round(RoundingMode.UNNECESSARY);')).toBe(
      'System.MathException: Rounding necessary',
    );
  });

  test('divide by zero and null arguments', () => {
    expect(errorOf('Decimal d = 1; Decimal q = d.divide(0, 2);')).toBe('System.MathException: Divide by 0');
    expect(errorOf('Decimal d = 1; Integer s = null; Decimal q = d.setScale(s);')).toContain(
      'System.NullPointerException',
    );
  });

  test('the / operator on Decimals: exact quotients keep the preferred scale; others 33 significant digits', () => {
    // salesforce.stackexchange.com/questions/358005: an org prints -26.200000 for this expression; every quotient
    // in it is exact, so only the preferred-scale rule (900.000000 / 100 = 9.000000) reproduces the six places.
    expect(
      debugOf(
        'System.debug(116.00 - 80.00 - (10.0000 * (100 - 10.00)/ 100) - 10.00 - 20.0000 - ((20.00 / 100) * 116.00));',
      ),
    ).toEqual(['-26.200000']);
    // octoberswimmer/aer-dist#345 (checked against an org): 1/31 = 0.0322580645161290322580645161290323, scale 34.
    expect(debugOf('Decimal a = 31; System.debug(1/a); System.debug((1/a).scale());')).toEqual([
      '0.0322580645161290322580645161290323',
      '34',
    ]);
    expect(
      debugOf('System.debug(1.0 / 4.0); System.debug(100 / 2.0); System.debug((100 / 2.0).toPlainString());'),
    ).toEqual(['0.25', '5E+1', '50']);
  });
});

describe('Boolean Class', () => {
  test('valueOf(String) ignores case; anything else is false', () => {
    expect(
      debugOf(`
        System.debug(Boolean.valueOf('true')); System.debug(Boolean.valueOf('TRUE'));
        System.debug(Boolean.valueOf('False')); System.debug(Boolean.valueOf(''));
        System.debug(Boolean.valueOf('nnnn'));`),
    ).toEqual(['true', 'true', 'false', 'false', 'false']);
  });

  test('valueOf(fieldValue): a Boolean passes, a number is the org TypeException', () => {
    expect(debugOf('Object b = true; System.debug(Boolean.valueOf(b));')).toEqual(['true']);
    expect(errorOf('Object n = 0; Boolean b = Boolean.valueOf(n);')).toBe(
      'System.TypeException: Invalid boolean or String: 0',
    );
  });

  test('a null argument throws', () => {
    expect(errorOf('String s = null; Boolean b = Boolean.valueOf(s);')).toContain('System.NullPointerException');
  });
});
