import { ApexPlatformError, EmulatorUnsupportedError } from '../../errors';
import {
  INTEGER_MAX_VALUE,
  INTEGER_MIN_VALUE,
  intAbs,
  intAdd,
  intDivide,
  intMod,
  intMultiply,
  intNegate,
  intShiftLeft,
  intShiftRight,
  intShiftRightUnsigned,
  intSubtract,
  integerValueOf,
  isApexInteger,
} from '../Integer';

function thrown(f: () => unknown): ApexPlatformError {
  try {
    f();
  } catch (e) {
    if (e instanceof ApexPlatformError) return e;
    throw e;
  }
  throw new Error('expected an ApexPlatformError');
}

describe('Integer arithmetic (32-bit, wrapping like Java int)', () => {
  it('wraps on overflow', () => {
    expect(intAdd(INTEGER_MAX_VALUE, 1)).toBe(INTEGER_MIN_VALUE);
    expect(intSubtract(INTEGER_MIN_VALUE, 1)).toBe(INTEGER_MAX_VALUE);
    expect(intMultiply(65536, 65536)).toBe(0);
    expect(intMultiply(INTEGER_MAX_VALUE, 2)).toBe(-2);
    expect(intMultiply(123456789, 987654321)).toBe(-67153019);
    expect(intNegate(INTEGER_MIN_VALUE)).toBe(INTEGER_MIN_VALUE);
    expect(intAbs(INTEGER_MIN_VALUE)).toBe(INTEGER_MIN_VALUE);
  });

  it('divides truncating toward zero', () => {
    expect(intDivide(7, 2)).toBe(3);
    expect(intDivide(-7, 2)).toBe(-3);
    expect(intDivide(7, -2)).toBe(-3);
    expect(intDivide(1, 3)).toBe(0);
    expect(intDivide(INTEGER_MIN_VALUE, -1)).toBe(INTEGER_MIN_VALUE);
    expect(isApexInteger(intDivide(-1, 2))).toBe(true); // never -0
  });

  it('throws System.MathException: Divide by 0', () => {
    const e = thrown(() => intDivide(5, 0));
    expect(e.apexType).toBe('System.MathException');
    expect(e.message).toBe('Divide by 0');
    expect(thrown(() => intMod(5, 0)).message).toBe('Divide by 0');
  });

  it('Math.mod keeps the sign of the dividend (Apex Reference example: mod(8, 3) == 2)', () => {
    expect(intMod(8, 3)).toBe(2);
    expect(intMod(-8, 3)).toBe(-2);
    expect(intMod(8, -3)).toBe(2);
    expect(isApexInteger(intMod(-6, 3))).toBe(true);
  });

  it('shifts with the distance masked to 5 bits', () => {
    expect(intShiftLeft(1, 31)).toBe(INTEGER_MIN_VALUE);
    expect(intShiftLeft(1, 32)).toBe(1);
    expect(intShiftRight(-16, 2)).toBe(-4);
    expect(intShiftRightUnsigned(-16, 28)).toBe(15);
    expect(intShiftRightUnsigned(-1, 0)).toBe(-1);
  });
});

describe('Integer.valueOf(String) (Java parseInt grammar)', () => {
  it('parses signed decimals', () => {
    expect(integerValueOf('123')).toBe(123);
    expect(integerValueOf('-2147483648')).toBe(INTEGER_MIN_VALUE);
    expect(integerValueOf('+42')).toBe(42);
    expect(integerValueOf('007')).toBe(7);
  });

  it.each(['NotAnInteger', '', ' 1', '1 ', '1.0', '2147483648', '-2147483649', '1e3', '+', '0x10'])(
    'rejects %j with TypeException: Invalid integer',
    (s) => {
      const e = thrown(() => integerValueOf(s));
      expect(e.apexType).toBe('System.TypeException');
      expect(e.message).toBe(`Invalid integer: ${s}`);
    },
  );

  it('fails loudly on non-ASCII digits', () => {
    expect(() => integerValueOf('١٢٣')).toThrow(EmulatorUnsupportedError);
  });
});
