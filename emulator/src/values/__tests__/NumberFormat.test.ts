import { EmulatorUnsupportedError } from '../../errors';
import { ApexDecimal } from '../Decimal';
import { decimalFormat, doubleFormat, exactDecimalOfDouble, integerFormat, longFormat } from '../NumberFormat';

describe('locale number formats', () => {
  it('Integer.format (Apex Reference: 22 → "22") and grouping', () => {
    expect(integerFormat(22, 'en_US')).toBe('22');
    expect(integerFormat(1234567, 'en_US')).toBe('1,234,567');
    expect(integerFormat(-2147483648, 'en_US')).toBe('-2,147,483,648');
    expect(integerFormat(1234567, 'de_DE')).toBe('1.234.567');
    expect(longFormat(9223372036854775807n, 'en_US')).toBe('9,223,372,036,854,775,807');
  });

  it('Decimal.format (Apex Reference: 12345.6789 → "12,345.679"), trailing zeros dropped', () => {
    const d = (s: string): ApexDecimal => ApexDecimal.valueOf(s);
    expect(decimalFormat(d('12345.6789'), 'en_US')).toBe('12,345.679');
    expect(decimalFormat(d('1000.00'), 'en_US')).toBe('1,000');
    expect(decimalFormat(d('1000.10'), 'en_US')).toBe('1,000.1');
    expect(decimalFormat(d('123.456789'), 'en_US')).toBe('123.457');
    expect(decimalFormat(d('0.0005'), 'en_US')).toBe('0');
    expect(decimalFormat(d('0.0015'), 'en_US')).toBe('0.002');
    expect(decimalFormat(d('1E+10'), 'en_US')).toBe('10,000,000,000');
    expect(decimalFormat(d('-1234.5'), 'de_DE')).toBe('-1.234,5');
    expect(decimalFormat(d('-0.0001'), 'en_US')).toBe('0');
  });

  it('Double.format rounds the exact binary value half-even to 3 digits', () => {
    expect(doubleFormat(1234.5678, 'en_US')).toBe('1,234.568');
    expect(doubleFormat(0.1 + 0.2, 'en_US')).toBe('0.3');
    expect(doubleFormat(1e7, 'en_US')).toBe('10,000,000');
    expect(doubleFormat(1.0005, 'en_US')).toBe('1'); // 1.0005 is 1.000499999… in binary
    expect(doubleFormat(2.0005, 'en_US')).toBe('2.001'); // 2.0005 is 2.000500000…17 in binary
    expect(doubleFormat(-0.0001, 'en_US')).toBe('-0');
  });

  it('other locales fail loudly', () => {
    expect(() => integerFormat(1, 'fr_FR')).toThrow(EmulatorUnsupportedError);
  });

  it('exactDecimalOfDouble is new BigDecimal(double)', () => {
    expect(exactDecimalOfDouble(0.1).toString()).toBe('0.1000000000000000055511151231257827021181583404541015625');
    expect(exactDecimalOfDouble(-2.5).toString()).toBe('-2.5');
    expect(exactDecimalOfDouble(1e20).toString()).toBe('100000000000000000000');
  });
});
