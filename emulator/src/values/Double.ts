// Apex Double: a 64-bit IEEE 754 binary floating-point number.
//
// Apex Developer Guide, "Primitive Data Types": "Double: A 64-bit number that includes a decimal point. Doubles have a
// minimum value of -2^63 and a maximum value of 2^63-1." (the doc's range sentence is loose; the type is Java's
// `double`, which the runtime uses). Arithmetic is IEEE 754 (JS numbers are the same binary64).
//
// String forms follow Java's Double.toString(double) (Apex Reference, Double Class, and String.valueOf(doubleToConvert):
// "Returns a String that represents the specified Double." — the format is Java's: `1.0`, `1.0E7`, `1.0E-4`), as pinned
// below. The platform's own double text shows the same rule: Salesforce Knowledge Article 000221617 ("Why do I see
// exponential values for custom number field?"): 1234567 comes back as 1234567.0, 12345678 as 1.2345678E7. Where the JDK's algorithm matters (which digits), we follow the JDK 19+ specification of Double.toString
// (shortest decimal that rounds to the double; when that has one digit, the closest of the one- and two-digit ones),
// which JS's Number::toString shares except for that two-digit rule.

import { ApexPlatformError, EmulatorUnsupportedError } from '../errors';
import { INTEGER_MAX_VALUE, INTEGER_MIN_VALUE } from './Integer';
import { LONG_MAX_VALUE, LONG_MIN_VALUE } from './Long';

/** An Apex Double value. Immutable. */
export class ApexDouble {
  readonly value: number;

  constructor(value: number) {
    this.value = value;
  }

  /** String.valueOf(Double) / `'' + d`: Java's Double.toString. */
  toString(): string {
    return javaDoubleToString(this.value);
  }
}

export function doubleOf(value: number): ApexDouble {
  return new ApexDouble(value);
}

export function doubleAdd(a: ApexDouble, b: ApexDouble): ApexDouble {
  return new ApexDouble(a.value + b.value);
}

export function doubleSubtract(a: ApexDouble, b: ApexDouble): ApexDouble {
  return new ApexDouble(a.value - b.value);
}

export function doubleMultiply(a: ApexDouble, b: ApexDouble): ApexDouble {
  return new ApexDouble(a.value * b.value);
}

/**
 * `a / b` on Doubles: IEEE 754 division (x/0.0 is ±Infinity, 0.0/0.0 is NaN), as Java `double` division. The Apex
 * docs do not say a Double division by zero throws; the MathException they document is for Integer/Long/Decimal.
 */
export function doubleDivide(a: ApexDouble, b: ApexDouble): ApexDouble {
  return new ApexDouble(a.value / b.value);
}

export function doubleNegate(a: ApexDouble): ApexDouble {
  return new ApexDouble(-a.value);
}

/** Numeric `==` / `<` on Doubles is IEEE comparison (NaN is unequal to everything). */
export function doubleCompare(a: ApexDouble, b: ApexDouble): number {
  return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
}

/** Integer → Double widening. */
export function doubleFromInteger(n: number): ApexDouble {
  return new ApexDouble(n);
}

/** Long → Double widening: round to nearest (Java JLS 5.1.2; Number(bigint) rounds to nearest, ties to even). */
export function doubleFromLong(n: bigint): ApexDouble {
  return new ApexDouble(Number(n));
}

/**
 * Double.intValue() / (Integer) cast: Java's narrowing (JLS 5.1.3): NaN → 0, truncation toward zero, saturating at
 * Integer.MIN_VALUE / MAX_VALUE.
 */
export function doubleIntValue(d: ApexDouble): number {
  const v = d.value;
  if (Number.isNaN(v)) return 0;
  if (v >= INTEGER_MAX_VALUE) return INTEGER_MAX_VALUE;
  if (v <= INTEGER_MIN_VALUE) return INTEGER_MIN_VALUE;
  return Math.trunc(v) | 0;
}

/** Double.longValue(): Java's narrowing to long (NaN → 0, truncation, saturating). */
export function doubleLongValue(d: ApexDouble): bigint {
  const v = d.value;
  if (Number.isNaN(v)) return 0n;
  if (v >= 9223372036854775807) return LONG_MAX_VALUE;
  if (v <= -9223372036854775808) return LONG_MIN_VALUE;
  return BigInt(Math.trunc(v));
}

/** Java Math.round(double) as a number: ties toward positive infinity, NaN → 0 (not yet saturated). */
export function javaRoundDouble(v: number): number {
  if (Number.isNaN(v)) return 0;
  if (!Number.isFinite(v)) return v;
  const f = Math.floor(v);
  // v − floor(v) is exact for doubles, so 0.49999999999999994 rounds to 0 (JDK 7+), not 1 as floor(v + 0.5) would.
  return v - f >= 0.5 ? f + 1 : f;
}

/**
 * Double.round(): "Returns the closest Long to the Double value." — Java Math.round(double): ties toward positive
 * infinity, NaN → 0, saturating at the Long range.
 */
export function doubleRound(d: ApexDouble): bigint {
  const r = javaRoundDouble(d.value);
  if (r >= 9223372036854775807) return LONG_MAX_VALUE;
  if (r <= -9223372036854775808) return LONG_MIN_VALUE;
  return BigInt(r);
}

// Java's FloatingDecimal grammar for Double.valueOf(String), minus the hexadecimal form (unsupported, loudly):
// optional sign, then NaN, Infinity, or digits with an optional point and exponent, then an optional type suffix.
const JAVA_DECIMAL_FLOAT = /^[+-]?(?:NaN|Infinity|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?[fFdD]?)$/;
const JAVA_HEX_FLOAT = /^[+-]?0[xX]/;

/**
 * Double.valueOf(String). Apex Reference, Double Class, valueOf(stringToDouble): "Returns a Double that contains the
 * value of the specified String. As in Java, the String is interpreted as representing a signed decimal."
 * Java's Double.valueOf trims leading/trailing characters <= U+0020 and accepts `NaN`, `Infinity`, exponents and
 * a trailing `d`/`f`. An invalid string throws `System.TypeException: Invalid double: <s>`.
 */
export function doubleValueOf(s: string): ApexDouble {
  const t = javaTrim(s);
  if (JAVA_HEX_FLOAT.test(t)) throw new EmulatorUnsupportedError(`Double.valueOf of a hexadecimal string ('${s}')`);
  if (!JAVA_DECIMAL_FLOAT.test(t)) {
    throw new ApexPlatformError('System.TypeException', `Invalid double: ${s}`);
  }
  const body = /[fFdD]$/.test(t) ? t.slice(0, -1) : t;
  const sign = body.startsWith('-') ? -1 : 1;
  const unsigned = body.replace(/^[+-]/, '');
  if (unsigned === 'NaN') return new ApexDouble(NaN);
  if (unsigned === 'Infinity') return new ApexDouble(sign * Infinity);
  // JS's StringToNumber is correctly rounded, as Java's parser is; a lone '.' suffix ("5.") needs no fixing.
  return new ApexDouble(sign * Number(unsigned));
}

/** Java String.trim(): removes leading and trailing chars with code <= U+0020. */
export function javaTrim(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && s.charCodeAt(start) <= 0x20) start++;
  while (end > start && s.charCodeAt(end - 1) <= 0x20) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

/**
 * The decimal digits Java's Double.toString picks for a finite, non-zero double (JDK 19+ spec): `digits` without
 * trailing zeros and `exponent` such that |v| ≈ d1.d2d3… × 10^exponent.
 */
export function shortestDigits(v: number): { digits: string; exponent: number } {
  const abs = Math.abs(v);
  // JS gives the shortest round-trip digits; toExponential() without argument uses exactly as many digits as needed.
  const [mantissa, e1] = splitExponential(abs.toExponential());
  let digits = mantissa.replace('.', '');
  let exp = e1;
  if (digits.length === 1) {
    // JDK 19+: when the shortest has length 1, choose among the decimals of length 1 or 2 the closest to v.
    const two = abs.toExponential(1);
    if (Number(two) === abs) {
      const [m2, e2] = splitExponential(two);
      const d2 = m2.replace('.', '');
      if (d2[1] !== '0') {
        digits = d2;
        exp = e2;
      }
    }
  }
  digits = digits.replace(/0+$/, '');
  if (digits === '') digits = '0';
  return { digits, exponent: exp };
}

function splitExponential(s: string): [string, number] {
  const i = s.indexOf('e');
  return [s.slice(0, i), Number(s.slice(i + 1))];
}

/**
 * Java's Double.toString(double):
 * - NaN → "NaN"; ±Infinity → "Infinity" / "-Infinity"; ±0 → "0.0" / "-0.0";
 * - 10^-3 <= |v| < 10^7: plain decimal with at least one digit after the point ("100.0", "0.001", "1234567.0");
 * - otherwise computerized scientific notation d.ddd…E±n with at least one digit after the point and no '+' sign
 *   on the exponent ("1.0E7", "1.0E-4", "1.2345E10").
 */
export function javaDoubleToString(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '-Infinity';
  if (v === 0) return Object.is(v, -0) ? '-0.0' : '0.0';
  const sign = v < 0 ? '-' : '';
  const abs = Math.abs(v);
  const { digits, exponent } = shortestDigits(abs);
  if (abs >= 1e-3 && abs < 1e7) {
    if (exponent >= 0) {
      const intLen = exponent + 1;
      const intPart = digits.length > intLen ? digits.slice(0, intLen) : digits.padEnd(intLen, '0');
      const frac = digits.length > intLen ? digits.slice(intLen) : '0';
      return `${sign}${intPart}.${frac}`;
    }
    return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  }
  const frac = digits.length > 1 ? digits.slice(1) : '0';
  return `${sign}${digits[0]}.${frac}E${exponent}`;
}
