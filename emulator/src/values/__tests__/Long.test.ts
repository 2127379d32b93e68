import { ApexPlatformError } from '../../errors';
import {
  LONG_MAX_VALUE,
  LONG_MIN_VALUE,
  intShiftDistance,
  longAdd,
  longDivide,
  longIntValue,
  longMod,
  longMultiply,
  longShiftLeft,
  longShiftRight,
  longShiftRightUnsigned,
  longValueOf,
} from '../Long';

describe('Long arithmetic (64-bit, wrapping like Java long)', () => {
  it('wraps at the 64-bit limits', () => {
    expect(longAdd(LONG_MAX_VALUE, 1n)).toBe(LONG_MIN_VALUE);
    expect(longMultiply(LONG_MAX_VALUE, 2n)).toBe(-2n);
    expect(longDivide(LONG_MIN_VALUE, -1n)).toBe(LONG_MIN_VALUE);
  });

  it('divides toward zero and takes the dividend sign for mod', () => {
    expect(longDivide(-7n, 2n)).toBe(-3n);
    expect(longMod(-7n, 2n)).toBe(-1n);
    expect(() => longDivide(1n, 0n)).toThrow(new ApexPlatformError('System.MathException', 'Divide by 0'));
  });

  it('shifts with the distance masked to 6 bits', () => {
    expect(longShiftLeft(1n, 63)).toBe(LONG_MIN_VALUE);
    expect(longShiftLeft(1n, 64)).toBe(1n);
    expect(longShiftLeft(1n, 40n)).toBe(1099511627776n);
    expect(longShiftRight(-16n, 2)).toBe(-4n);
    expect(longShiftRightUnsigned(-1n, 60)).toBe(15n);
    expect(intShiftDistance(33n)).toBe(1);
  });

  it('narrows to Integer by keeping the low 32 bits', () => {
    expect(longIntValue(2147483648n)).toBe(-2147483648);
    expect(longIntValue(4294967297n)).toBe(1);
  });

  it('parses with Long.valueOf and rejects invalid strings', () => {
    expect(longValueOf('-9223372036854775808')).toBe(LONG_MIN_VALUE);
    expect(longValueOf('+12')).toBe(12n);
    expect(() => longValueOf('9223372036854775808')).toThrow('Invalid long: 9223372036854775808');
    expect(() => longValueOf('12L')).toThrow('Invalid long: 12L');
  });
});
