import { ApexPlatformError, EmulatorUnsupportedError } from '../../errors';
import { ApexDecimal, ROUNDING_MODES, type RoundingMode, bigIntegerHashCode } from '../Decimal';

const d = (s: string): ApexDecimal => ApexDecimal.valueOf(s);

function platformError(f: () => unknown): ApexPlatformError {
  try {
    f();
  } catch (e) {
    if (e instanceof ApexPlatformError) return e;
    throw e;
  }
  throw new Error('expected an ApexPlatformError');
}

describe('Decimal.valueOf(String) (BigDecimal(String) grammar and scale)', () => {
  it.each([
    ['1.50', 150n, 2],
    ['0', 0n, 0],
    ['-0.001', -1n, 3],
    ['123', 123n, 0],
    ['.5', 5n, 1],
    ['5.', 5n, 0],
    ['+2.0', 20n, 1],
    ['1E+3', 1n, -3],
    ['1.5e-3', 15n, 4],
    ['12.34E2', 1234n, 0],
  ])('%j → unscaled %p scale %p', (s, unscaled, scale) => {
    const v = d(s);
    expect(v.unscaled).toBe(unscaled);
    expect(v.scale).toBe(scale);
  });

  it.each(['abc', '', ' 1', '1 ', '1,5', '.', 'e3', '1e', '1.2.3', '--1', 'NaN'])(
    'rejects %j with TypeException: Invalid decimal',
    (s) => {
      const e = platformError(() => d(s));
      expect(e.apexType).toBe('System.TypeException');
      expect(e.message).toBe(`Invalid decimal: ${s}`);
    },
  );
});

describe('Decimal conversions', () => {
  it('Integer and Long convert with scale 0', () => {
    expect(ApexDecimal.fromInteger(42).scale).toBe(0);
    expect(ApexDecimal.fromLong(-(2n ** 63n)).toString()).toBe('-9223372036854775808');
  });

  it("Decimal.valueOf(Double) uses the Double's canonical string (BigDecimal.valueOf(double))", () => {
    expect(ApexDecimal.fromDouble(3.14159).toString()).toBe('3.14159');
    expect(ApexDecimal.fromDouble(0.1).toString()).toBe('0.1');
    expect(ApexDecimal.fromDouble(2).toString()).toBe('2.0');
    expect(ApexDecimal.fromDouble(1e10).toString()).toBe('1.0E+10');
    // Double.toString(1e-5) is '1.0E-5' → unscaled 10, scale 6 → plain '0.000010'
    expect(ApexDecimal.fromDouble(1e-5).toString()).toBe('0.000010');
    expect(ApexDecimal.fromDouble(1e-7).toString()).toBe('1.0E-7');
    expect(ApexDecimal.fromDouble(0.1 + 0.2).toString()).toBe('0.30000000000000004');
    expect(() => ApexDecimal.fromDouble(NaN)).toThrow(EmulatorUnsupportedError);
  });

  it('intValue/longValue truncate; doubleValue rounds correctly', () => {
    expect(d('-2.7').intValue()).toBe(-2);
    expect(d('2147483648').intValue()).toBe(-2147483648);
    expect(d('1E+3').longValue()).toBe(1000n);
    expect(d('0.1').doubleValue()).toBe(0.1);
    expect(d('1.0E+10').doubleValue()).toBe(1e10);
  });
});

describe('Decimal arithmetic', () => {
  it('adds exactly: 0.1 + 0.2 = 0.3', () => {
    const sum = d('0.1').add(d('0.2'));
    expect(sum.toString()).toBe('0.3');
    expect(sum.equalsValue(d('0.3'))).toBe(true);
  });

  it('keeps the larger scale on add/subtract and sums scales on multiply', () => {
    expect(d('1.50').add(d('2')).toString()).toBe('3.50');
    expect(d('1.5').subtract(d('0.25')).toString()).toBe('1.25');
    expect(d('1.50').multiply(d('2.0')).toString()).toBe('3.000');
    expect(d('-1.1').multiply(d('1.1')).toString()).toBe('-1.21');
  });

  it('divide(divisor, scale): Apex Reference example 19.divide(100, 3) = 0.190', () => {
    const r = d('19').divide(d('100'), 3);
    expect(r.toString()).toBe('0.190');
    expect(r.equalsValue(d('0.190'))).toBe(true);
  });

  it('divide(divisor, 30) as observed in an org: 5 / 3 → 1.666666666666666666666666666667', () => {
    expect(d('5').divide(d('3'), 30).toString()).toBe('1.666666666666666666666666666667');
  });

  it('divide(divisor, scale) fails loudly on an exact tie (default rounding mode undocumented)', () => {
    expect(() => d('10.25').divide(d('2'), 2)).toThrow(EmulatorUnsupportedError);
    expect(d('10.25').divide(d('2'), 3).toString()).toBe('5.125');
    expect(d('10.26').divide(d('3'), 2).toString()).toBe('3.42');
  });

  it('divide with a rounding mode (Apex Reference: 12.4567.divide(7, 2, UP) == 1.78)', () => {
    expect(d('12.4567').divide(d('7'), 2, 'UP').toString()).toBe('1.78');
    expect(d('1').divide(d('8'), 2, 'HALF_EVEN').toString()).toBe('0.12');
    expect(d('1').divide(d('8'), 2, 'HALF_UP').toString()).toBe('0.13');
    expect(d('-1').divide(d('3'), 0, 'FLOOR').toString()).toBe('-1');
    expect(() => d('1').divide(d('3'), 2, 'UNNECESSARY')).toThrow('Rounding necessary');
    expect(d('10').divide(d('4'), -1, 'DOWN').toString()).toBe('0E+1');
  });

  describe('the / operator (33 significant digits, half-up, exact quotients kept exact)', () => {
    it('matches the org observations', () => {
      // force201.wordpress.com "Decimal scale" (2010): 1.0 / 3.0 == 0.333333333333333333333333333333333
      expect(d('1.0').divideOperator(d('3.0')).toString()).toBe('0.333333333333333333333333333333333');
      expect(d('1.0000').divideOperator(d('3.00')).toString()).toBe('0.333333333333333333333333333333333');
      // octoberswimmer/aer-dist#345 (org output): 1 / 31 == 0.0322580645161290322580645161290323, scale 34
      const q = d('1').divideOperator(d('31'));
      expect(q.toString()).toBe('0.0322580645161290322580645161290323');
      expect(q.scale).toBe(34);
    });

    it('keeps exact quotients exact with the preferred scale', () => {
      expect(d('1.0').divideOperator(d('4.0')).toString()).toBe('0.25');
      expect(d('10').divideOperator(d('4')).toString()).toBe('2.5');
      expect(d('6.0').divideOperator(d('2')).toString()).toBe('3.0');
      expect(d('2.10').divideOperator(d('2.0')).toString()).toBe('1.05');
      expect(d('1.000000').divideOperator(d('1')).toString()).toBe('1.000000');
      // BigDecimal's preferred scale 0 − 1 = −1 (modelled, not observed in an org)
      expect(d('0').divideOperator(d('5.5')).toString()).toBe('0E+1');
      expect(d('100').divideOperator(d('2.0')).toString()).toBe('5E+1');
    });

    it('rounds non-terminating quotients to 33 significant digits', () => {
      expect(d('2').divideOperator(d('3')).toString()).toBe('0.666666666666666666666666666666667');
      expect(d('10').divideOperator(d('3')).toString()).toBe('3.33333333333333333333333333333333');
      expect(d('-200').divideOperator(d('3')).toString()).toBe('-66.6666666666666666666666666666667');
      expect(d('1').divideOperator(d('7')).precision()).toBe(33);
    });

    it('throws Divide by 0', () => {
      const e = platformError(() => d('5.0').divideOperator(d('0')));
      expect(e.apexType).toBe('System.MathException');
      expect(e.message).toBe('Divide by 0');
      expect(() => d('0').divideOperator(d('0.0'))).toThrow('Divide by 0');
    });
  });

  it('pow is exact; pow(0) is 1', () => {
    expect(d('1.5').pow(2).toString()).toBe('2.25');
    expect(d('-2').pow(3).toString()).toBe('-8');
    expect(d('3.14').pow(0).toString()).toBe('1');
    expect(() => d('2').pow(32768)).toThrow(EmulatorUnsupportedError);
  });

  it('abs and negate keep the scale', () => {
    expect(d('-1.50').abs().toString()).toBe('1.50');
    expect(d('1.50').negate().toString()).toBe('-1.50');
  });
});

describe('Decimal rounding', () => {
  // Apex Reference, Decimal Class, Rounding Mode: the documented examples (inputs 5.5, 1.1, -1.1, -2.7), plus -2.5.
  const table: Record<RoundingMode, (string | number)[]> = {
    CEILING: [6, 2, -1, -2, -2],
    DOWN: [5, 1, -1, -2, -2],
    FLOOR: [5, 1, -2, -3, -3],
    HALF_DOWN: [5, 1, -1, -3, -2],
    HALF_EVEN: [6, 1, -1, -3, -2],
    HALF_UP: [6, 1, -1, -3, -3],
    UP: [6, 2, -2, -3, -3],
    UNNECESSARY: ['throws', 'throws', 'throws', 'throws', 'throws'],
  };
  const inputs = ['5.5', '1.1', '-1.1', '-2.7', '-2.5'];

  it.each(ROUNDING_MODES)('round(%s) follows the documented table', (mode) => {
    inputs.forEach((input, i) => {
      const expected = table[mode][i];
      if (expected === 'throws') {
        const e = platformError(() => d(input).round(mode));
        expect(e.apexType).toBe('System.MathException');
        expect(e.message).toBe('Rounding necessary');
      } else {
        expect(d(input).round(mode)).toBe(BigInt(expected as number));
      }
    });
  });

  it('UNNECESSARY accepts values that need no rounding', () => {
    expect(d('-3.0').round('UNNECESSARY')).toBe(-3n);
    expect(d('1.20').setScale(1, 'UNNECESSARY').toString()).toBe('1.2');
  });

  it('round() defaults to HALF_EVEN', () => {
    expect(d('2.5').round()).toBe(2n);
    expect(d('3.5').round()).toBe(4n);
    expect(d('-2.5').round()).toBe(-2n);
  });

  it('setScale(scale) defaults to half-even (5.235 → 5.24, 5.245 → 5.24)', () => {
    expect(d('5.234').setScale(2).toString()).toBe('5.23');
    expect(d('5.235').setScale(2).toString()).toBe('5.24');
    expect(d('5.245').setScale(2).toString()).toBe('5.24');
    expect(d('5.2451').setScale(2).toString()).toBe('5.25');
    expect(d('1.5').setScale(3).toString()).toBe('1.500');
    expect(d('-2.5').setScale(0).toString()).toBe('-2');
    expect(d('-2.5').setScale(0, 'HALF_UP').toString()).toBe('-3');
    expect(d('1234.5').setScale(-2, 'HALF_UP').toString()).toBe('1.2E+3');
  });
});

describe('Decimal comparison, precision, scale', () => {
  it('compares by value (1.0 == 1.00) and distinguishes scale only strictly', () => {
    expect(d('1.0').compareTo(d('1.00'))).toBe(0);
    expect(d('1.0').equalsValue(d('1.00'))).toBe(true);
    expect(d('1.0').equalsStrict(d('1.00'))).toBe(false);
    expect(d('-1').compareTo(d('0.5'))).toBe(-1);
    expect(d('10').compareTo(d('9.99'))).toBe(1);
    expect(d('1E+3').compareTo(d('999.9'))).toBe(1);
  });

  it("hashCode is BigDecimal's (1.1 and 1.10 differ, as the Apex Reference warns)", () => {
    expect(d('1.1').hashCode()).toBe(31 * 11 + 1);
    expect(d('1.10').hashCode()).toBe(31 * 110 + 2);
    expect(d('-1.1').hashCode()).toBe(31 * -11 + 1);
    // BigInteger.hashCode of 2^32 + 5 = 31 * 1 + 5
    expect(bigIntegerHashCode(4294967301n)).toBe(36);
  });

  it('precision() counts the unscaled digits (Apex Reference: 123.45 → 5)', () => {
    expect(d('123.45').precision()).toBe(5);
    expect(d('123.123').precision()).toBe(6);
    expect(d('0').precision()).toBe(1);
    expect(d('0.001').precision()).toBe(1);
  });

  it('stripTrailingZeros', () => {
    expect(d('1.500').stripTrailingZeros().toString()).toBe('1.5');
    expect(d('100').stripTrailingZeros().toString()).toBe('1E+2');
    expect(d('0.000').stripTrailingZeros().toString()).toBe('0');
  });
});

describe('Decimal strings', () => {
  it.each([
    ['1.50', '1.50', '1.50'],
    ['1000', '1000', '1000'],
    ['1E+3', '1E+3', '1000'],
    ['1.0E+10', '1.0E+10', '10000000000'],
    ['0.000001', '0.000001', '0.000001'],
    ['0.0000001', '1E-7', '0.0000001'],
    ['-1.23E-8', '-1.23E-8', '-0.0000000123'],
    ['0E-10', '0E-10', '0.0000000000'],
    ['0E+3', '0E+3', '0'],
    ['-0.50', '-0.50', '-0.50'],
  ])('%j → toString %j, toPlainString %j', (s, str, plain) => {
    expect(d(s).toString()).toBe(str);
    expect(d(s).toPlainString()).toBe(plain);
  });
});
