// The locale number formats behind Integer.format(), Long.format(), Double.format() and Decimal.format().
//
// Apex Reference: Integer.format() "Returns the integer as a string using the locale of the context user." (example:
// `integer myInt = 22; system.assertEquals('22', myInt.format());`); Long.format(), Double.format() likewise;
// Decimal.format(): "Returns the String value of this Decimal using the locale of the context user. Scientific
// notation will not be used." with the example `// U.S. locale Decimal myDecimal = 12345.6789;
// system.assertEquals('12,345.679', myDecimal.format());` — at most three fraction digits, and trailing zeros are not
// kept (1000.00 formats as '1,000'; salesforce.stackexchange.com "Round decimal and format it into a localized output
// string with more than 3 decimal places"). That is java.text.NumberFormat.getInstance(locale): grouping, 0-3
// fraction digits, HALF_EVEN rounding of the exact value.
//
// Separators are pinned per locale below (Java's uniform groups of three); other locales fail loudly rather than
// borrow ICU data whose grouping rules (minimum grouping digits, Indian lakh grouping, narrow no-break spaces) may not
// match the org's.

import { EmulatorUnsupportedError } from '../errors';
import { ApexDecimal } from './Decimal';

interface NumberSymbols {
  readonly decimal: string;
  readonly group: string;
}

const NUMBER_SYMBOLS: Record<string, NumberSymbols> = {
  en_US: { decimal: '.', group: ',' },
  en_GB: { decimal: '.', group: ',' },
  en_CA: { decimal: '.', group: ',' },
  en_AU: { decimal: '.', group: ',' },
  ja_JP: { decimal: '.', group: ',' },
  de_DE: { decimal: ',', group: '.' },
  nl_NL: { decimal: ',', group: '.' },
  it_IT: { decimal: ',', group: '.' },
  pt_BR: { decimal: ',', group: '.' },
};

function symbols(locale: string): NumberSymbols {
  const s = NUMBER_SYMBOLS[locale];
  if (s === undefined) throw new EmulatorUnsupportedError(`number format of locale ${locale}`);
  return s;
}

function group(intDigits: string, sep: string): string {
  let out = '';
  for (let i = 0; i < intDigits.length; i++) {
    if (i > 0 && (intDigits.length - i) % 3 === 0) out += sep;
    out += intDigits.charAt(i);
  }
  return out;
}

/** Formats an exact decimal with NumberFormat.getInstance(locale) rules (grouping, ≤ maxFraction digits). */
function formatDecimalValue(d: ApexDecimal, locale: string, maxFraction: number): string {
  const s = symbols(locale);
  let v = d.scale > maxFraction ? d.setScale(maxFraction, 'HALF_EVEN') : d;
  v = v.stripTrailingZeros();
  if (v.scale < 0) v = v.setScale(0);
  const plain = v.toPlainString();
  const negative = plain.startsWith('-');
  const body = negative ? plain.slice(1) : plain;
  const [intPart = '0', frac] = body.split('.');
  const text = group(intPart, s.group) + (frac !== undefined ? s.decimal + frac : '');
  return negative && v.signum() !== 0 ? `-${text}` : text;
}

/** Integer.format() */
export function integerFormat(n: number, locale: string): string {
  return formatDecimalValue(ApexDecimal.fromInteger(n), locale, 0);
}

/** Long.format() */
export function longFormat(n: bigint, locale: string): string {
  return formatDecimalValue(ApexDecimal.fromLong(n), locale, 0);
}

/** Decimal.format(): at most 3 fraction digits (HALF_EVEN), trailing zeros dropped, never scientific. */
export function decimalFormat(d: ApexDecimal, locale: string): string {
  return formatDecimalValue(d, locale, 3);
}

/** The exact decimal value of a finite double (new BigDecimal(double)). */
export function exactDecimalOfDouble(v: number): ApexDecimal {
  if (!Number.isFinite(v)) throw new Error(`not finite: ${v}`);
  if (v === 0) return ApexDecimal.ZERO;
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, v);
  const bits = buf.getBigUint64(0);
  const negative = bits >> 63n === 1n;
  const exponentBits = Number((bits >> 52n) & 0x7ffn);
  let mantissa = bits & 0xfffffffffffffn;
  let exponent: number;
  if (exponentBits === 0) {
    exponent = -1074;
  } else {
    mantissa |= 1n << 52n;
    exponent = exponentBits - 1075;
  }
  // Java strips factors of two first, so the scale is minimal (0.1 → 55 fraction digits).
  while (exponent < 0 && (mantissa & 1n) === 0n) {
    mantissa >>= 1n;
    exponent++;
  }
  const signed = negative ? -mantissa : mantissa;
  if (exponent >= 0) return new ApexDecimal(signed << BigInt(exponent), 0);
  // m × 2^e = m × 5^−e / 10^−e
  return new ApexDecimal(signed * 5n ** BigInt(-exponent), -exponent);
}

/**
 * Double.format(): NumberFormat.getInstance(locale).format(double) — grouping, at most 3 fraction digits rounded
 * HALF_EVEN on the double's exact binary value (JDK 8+). NaN and infinities print as Java's DecimalFormatSymbols do
 * ('NaN', '∞').
 */
export function doubleFormat(v: number, locale: string): string {
  symbols(locale);
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '∞';
  if (v === -Infinity) return '-∞';
  const text = formatDecimalValue(exactDecimalOfDouble(v), locale, 3);
  // NumberFormat prints negative zero (and negatives rounding to zero) with a sign: -0.0001 → "-0".
  return (v < 0 || Object.is(v, -0)) && !text.startsWith('-') ? `-${text}` : text;
}
