import {
  compareDecimal,
  decimalText,
  divideRounded,
  multiply,
  parseDecimal,
  roundDecimal,
  subtract,
  type ExactDecimal,
} from '../ExactDecimal';

const d = (v: string | number): ExactDecimal => {
  const parsed = parseDecimal(v);
  if (!parsed) throw new Error(`not a decimal: ${v}`);
  return parsed;
};

describe('ExactDecimal', () => {
  it('parses numbers by their JSON text, strings, signs and exponents', () => {
    expect(d(0.3)).toEqual({ units: 3n, scale: 1 });
    expect(d('-12.50')).toEqual({ units: -1250n, scale: 2 });
    expect(d(1e21)).toEqual({ units: 1000000000000000000000n, scale: 0 });
    expect(d('1.5e-3')).toEqual({ units: 15n, scale: 4 });
    expect(d('.5')).toEqual({ units: 5n, scale: 1 });
  });

  it('refuses what is not a number', () => {
    for (const bad of ['', 'abc', '1.2.3', '.', null, true, {}, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(parseDecimal(bad)).toBeNull();
    }
  });

  it('subtracts exactly where binary floating point does not', () => {
    expect(decimalText(subtract(d(0.33), d(0.3)))).toBe('0.03');
    expect(0.33 - 0.3).not.toBe(0.03);
    expect(compareDecimal(multiply(subtract(d(0.33), d(0.3)), d(100)), multiply(d(10), d(0.3)))).toBe(0);
  });

  it('compares across scales', () => {
    expect(compareDecimal(d('1.10'), d('1.1'))).toBe(0);
    expect(compareDecimal(d(-2), d('-1.999'))).toBe(-1);
    expect(compareDecimal(d(10), d('9.99'))).toBe(1);
  });

  it('rounds half away from zero, as Apex HALF_UP', () => {
    expect(decimalText(roundDecimal(d(0.125), 2))).toBe('0.13');
    expect(decimalText(roundDecimal(d(-0.125), 2))).toBe('-0.13');
    expect(decimalText(roundDecimal(d(1.005), 2))).toBe('1.01');
    expect(decimalText(roundDecimal(d(0.124), 2))).toBe('0.12');
    expect(decimalText(divideRounded(d(1), d(3), 4))).toBe('0.3333');
    expect(decimalText(divideRounded(d(2), d(-3), 2))).toBe('-0.67');
  });

  it('prints plain text without trailing zeros', () => {
    expect(decimalText(d('35.7100'))).toBe('35.71');
    expect(decimalText(d('-0.050'))).toBe('-0.05');
    expect(decimalText(d('100'))).toBe('100');
    expect(decimalText(d('0.000'))).toBe('0');
  });
});
