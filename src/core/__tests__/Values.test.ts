import { formatNumber, isBlank, isNumeric, valuesEqual } from '../Values';

// Twin of JsonValuesTest.cls: one definition of "unchanged" for planning, policy and drift.
describe('valuesEqual', () => {
  it('compares a number with numeric text by value, as exact decimals', () => {
    expect(valuesEqual(100, '100.00')).toBe(true);
    expect(valuesEqual(' 2.50 ', 2.5)).toBe(true);
    expect(valuesEqual(100, '100.0000000000000001')).toBe(false);
    expect(valuesEqual(0.1, '0.10000000000000001')).toBe(false);
  });

  it('compares two texts, blanks and containers as they are', () => {
    expect(valuesEqual('100', '100.00')).toBe(false);
    expect(valuesEqual(null, '  ')).toBe(true);
    expect(valuesEqual(null, 'x')).toBe(false);
    expect(valuesEqual('Closed', 'closed')).toBe(false);
    expect(valuesEqual(['A', 'B'], ['A', 'B'])).toBe(true);
    expect(valuesEqual(1, 'one')).toBe(false);
  });
});

describe('isBlank, isNumeric and formatNumber', () => {
  it('reads blanks and plain numbers', () => {
    expect(isBlank(' \t')).toBe(true);
    expect(isBlank(0)).toBe(false);
    expect(isNumeric(' -12.5 ')).toBe(true);
    expect(isNumeric('1e3')).toBe(false);
  });

  it('prints numbers with at most two decimals, half away from zero', () => {
    expect(formatNumber(1.005)).toBe('1.01');
    expect(formatNumber(-2.5)).toBe('-2.5');
    expect(formatNumber(0.125)).toBe('0.13');
    expect(formatNumber(-0.004)).toBe('0');
  });
});
