import { ApexPlatformError } from '../../errors';
import {
  ApexDouble,
  doubleAdd,
  doubleDivide,
  doubleIntValue,
  doubleLongValue,
  doubleValueOf,
  javaDoubleToString,
} from '../Double';

describe("Double.toString follows Java's Double.toString", () => {
  it.each([
    [1, '1.0'],
    [0, '0.0'],
    [-0, '-0.0'],
    [100, '100.0'],
    [1234567, '1234567.0'],
    [9999999.999, '9999999.999'],
    [1e7, '1.0E7'],
    [12345678, '1.2345678E7'],
    [1e10, '1.0E10'],
    [0.001, '0.001'],
    [0.0001, '1.0E-4'],
    [1e-5, '1.0E-5'],
    [0.1 + 0.2, '0.30000000000000004'],
    [3.14159, '3.14159'],
    [-2.5, '-2.5'],
    [1 / 3, '0.3333333333333333'],
    [2 / 3, '0.6666666666666666'],
    [Number.MAX_VALUE, '1.7976931348623157E308'],
    [Number.MIN_VALUE, '4.9E-324'],
    [1e23, '1.0E23'],
    [2e-3, '0.002'],
    [123456789012, '1.23456789012E11'],
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [-Infinity, '-Infinity'],
  ])('%p → %s', (v, s) => {
    expect(javaDoubleToString(v)).toBe(s);
    expect(new ApexDouble(v).toString()).toBe(s);
  });
});

describe('Double arithmetic and conversions', () => {
  it('is IEEE 754 binary64', () => {
    expect(doubleAdd(new ApexDouble(0.1), new ApexDouble(0.2)).value).toBe(0.30000000000000004);
    expect(doubleDivide(new ApexDouble(1), new ApexDouble(0)).value).toBe(Infinity);
  });

  it('narrows like Java (truncate, saturate, NaN → 0)', () => {
    expect(doubleIntValue(new ApexDouble(-2.7))).toBe(-2);
    expect(doubleIntValue(new ApexDouble(1e12))).toBe(2147483647);
    expect(doubleIntValue(new ApexDouble(NaN))).toBe(0);
    expect(doubleLongValue(new ApexDouble(-1e30))).toBe(-(2n ** 63n));
    expect(doubleLongValue(new ApexDouble(12345.9))).toBe(12345n);
  });
});

describe('Double.valueOf(String) (Java grammar)', () => {
  it.each([
    ['3.14159', 3.14159],
    [' 2.5 ', 2.5],
    ['1e3', 1000],
    ['-1.5E-2', -0.015],
    ['.5', 0.5],
    ['5.', 5],
    ['+7', 7],
    ['1.5d', 1.5],
    ['2f', 2],
    ['Infinity', Infinity],
    ['-Infinity', -Infinity],
  ])('%j → %p', (s, v) => {
    expect(doubleValueOf(s).value).toBe(v);
  });

  it('parses NaN', () => {
    expect(Number.isNaN(doubleValueOf('NaN').value)).toBe(true);
  });

  it.each(['abc', '', '1,5', '1.2.3', 'e5', '1e', '--1'])('rejects %j with TypeException: Invalid double', (s) => {
    expect(() => doubleValueOf(s)).toThrow(new ApexPlatformError('System.TypeException', `Invalid double: ${s}`));
  });
});
