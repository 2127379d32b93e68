// Apex Decimal: an arbitrary-precision signed decimal number with a scale, as java.math.BigDecimal.
//
// Apex Developer Guide, "Primitive Data Types": "Decimal: A number that includes a decimal point. Decimal is an
// arbitrary precision number. Currency fields are automatically assigned the type Decimal. If you do not explicitly
// set the number of decimal places for a Decimal, the item from which the Decimal is created determines the Decimal's
// scale. Scale is a count of decimal places." and: a Decimal created from a literal keeps the literal's scale, one from
// an Integer has scale 0 (Decimal Class, valueOf(longToDecimal) / the Decimal Data Type page).
// The Apex Reference's Decimal Class documents its methods in the terms of Java's BigDecimal (scale, precision,
// rounding modes with the same names and definitions), so where a page is silent this file follows BigDecimal's
// javadoc, and says so.
//
// Representation: value = unscaled × 10^(−scale). Immutable. `scale` may be negative (as BigDecimal's), e.g.
// Decimal.valueOf('1E+3') has unscaled 1, scale −3.

import { ApexPlatformError, EmulatorUnsupportedError } from '../errors';
import { divideByZero } from './Integer';
import { javaDoubleToString } from './Double';

/**
 * System.RoundingMode. Apex Reference, Decimal Class, "Rounding Mode": CEILING, DOWN, FLOOR, HALF_DOWN, HALF_EVEN,
 * HALF_UP, UNNECESSARY, UP — the definitions are java.math.RoundingMode's.
 */
export type RoundingMode = 'CEILING' | 'DOWN' | 'FLOOR' | 'HALF_DOWN' | 'HALF_EVEN' | 'HALF_UP' | 'UNNECESSARY' | 'UP';

export const ROUNDING_MODES: readonly RoundingMode[] = [
  'CEILING',
  'DOWN',
  'FLOOR',
  'HALF_DOWN',
  'HALF_EVEN',
  'HALF_UP',
  'UNNECESSARY',
  'UP',
];

/**
 * Significant digits the Apex `/` operator keeps in a Decimal quotient that does not terminate. Not documented.
 * Evidence from real orgs: `1.0 / 3.0 == 0.333333333333333333333333333333333` (33 threes; force201.wordpress.com,
 * "Decimal scale", 2010) and `1 / (Decimal) 31` prints `0.0322580645161290322580645161290323`, scale 34
 * (octoberswimmer/aer-dist issue #345, checked against an org) — both are exactly 33 significant digits, rounded
 * half-up. See divideOperator.
 */
export const DECIMAL_DIVISION_PRECISION = 33;

const MAX_SCALE = 2147483647;
const MIN_SCALE = -2147483648;

const POW10_CACHE: bigint[] = [];
for (let i = 0, p = 1n; i <= 64; i++, p *= 10n) POW10_CACHE.push(p);

/** 10^n as a bigint (n >= 0). */
export function pow10(n: number): bigint {
  return n < POW10_CACHE.length ? (POW10_CACHE[n] as bigint) : 10n ** BigInt(n);
}

/** Number of decimal digits of |n| (1 for 0). */
export function digitCount(n: bigint): number {
  const a = n < 0n ? -n : n;
  if (a < 10n) return 1;
  return a.toString().length;
}

/**
 * Divides `n` by the positive `d`, rounding the quotient with `mode` (java.math.RoundingMode semantics).
 * UNNECESSARY with a non-zero remainder throws `System.MathException: Rounding necessary` (BigDecimal's
 * ArithmeticException text, which Apex surfaces as a MathException).
 */
export function divideAndRound(n: bigint, d: bigint, mode: RoundingMode): bigint {
  const q = n / d;
  const r = n % d;
  if (r === 0n) return q;
  const sign = n < 0n ? -1n : 1n;
  switch (mode) {
    case 'UP':
      return q + sign;
    case 'DOWN':
      return q;
    case 'CEILING':
      return sign > 0n ? q + 1n : q;
    case 'FLOOR':
      return sign < 0n ? q - 1n : q;
    case 'HALF_UP':
    case 'HALF_DOWN':
    case 'HALF_EVEN': {
      const twice = (r < 0n ? -r : r) * 2n;
      if (twice > d) return q + sign;
      if (twice < d) return q;
      if (mode === 'HALF_UP') return q + sign;
      if (mode === 'HALF_DOWN') return q;
      return (q & 1n) === 0n ? q : q + sign;
    }
    case 'UNNECESSARY':
      throw new ApexPlatformError('System.MathException', 'Rounding necessary');
  }
}

function checkScale(scale: number): number {
  if (scale > MAX_SCALE || scale < MIN_SCALE) {
    throw new ApexPlatformError('System.MathException', scale > 0 ? 'Underflow' : 'Overflow');
  }
  return scale;
}

// java.math.BigDecimal(String) grammar: sign? (digits ('.' digits?)? | '.' digits) ([eE] sign? digits)?
const DECIMAL_STRING = /^([+-]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?$/;

/** An Apex Decimal value. Immutable. */
export class ApexDecimal {
  readonly unscaled: bigint;
  readonly scale: number;

  constructor(unscaled: bigint, scale: number) {
    this.unscaled = unscaled;
    this.scale = scale;
  }

  static readonly ZERO = new ApexDecimal(0n, 0);
  static readonly ONE = new ApexDecimal(1n, 0);

  /**
   * Decimal.valueOf(String). Apex Reference, Decimal Class, valueOf(stringToDecimal): "Returns a Decimal that contains
   * the value of the specified String. As in Java, the string is interpreted as representing a signed Decimal."
   * Grammar and scale are BigDecimal(String)'s: '1.50' has scale 2, '1E+3' is 1 with scale −3, '.5' and '5.' are
   * valid, no whitespace. Invalid → `System.TypeException: Invalid decimal: <s>`. Decimal literals in Apex source
   * (`1.50`) go through here too, keeping their scale.
   */
  static valueOf(s: string): ApexDecimal {
    const m = DECIMAL_STRING.exec(s);
    if (m === null) throw invalidDecimal(s);
    const [, sign = '', intDigits = '', fracDigits = '', exp] = m;
    if (intDigits === '' && fracDigits === '') throw invalidDecimal(s);
    let scale = fracDigits.length;
    if (exp !== undefined) {
      const e = Number(exp);
      scale -= e;
      if (!Number.isSafeInteger(e) || scale > MAX_SCALE || scale < MIN_SCALE) throw invalidDecimal(s);
    }
    const digits = intDigits + fracDigits;
    const unscaled = BigInt(sign === '-' ? '-' + digits : digits);
    return new ApexDecimal(unscaled, scale);
  }

  /** Integer → Decimal (scale 0). Apex Reference, Decimal Class, valueOf(longToDecimal). */
  static fromInteger(n: number): ApexDecimal {
    return new ApexDecimal(BigInt(n), 0);
  }

  /** Long → Decimal (scale 0). Apex Reference, Decimal Class, valueOf(longToDecimal). */
  static fromLong(n: bigint): ApexDecimal {
    return new ApexDecimal(n, 0);
  }

  /**
   * Decimal.valueOf(Double). Apex Reference, Decimal Class, valueOf(doubleToDecimal): "Returns a Decimal that contains
   * the value of the specified Double." The docs do not say how the digits are chosen; Apex's Decimal is BigDecimal,
   * and BigDecimal.valueOf(double) uses the double's canonical string (Double.toString), so 0.1 gives 0.1 (scale 1)
   * and 1e10 gives 1.0E+10 (unscaled 10, scale −9). NaN and Infinity have no Decimal; the org's error for them is not
   * documented, so they fail loudly.
   */
  static fromDouble(v: number): ApexDecimal {
    if (!Number.isFinite(v)) throw new EmulatorUnsupportedError(`Decimal.valueOf(Double) of ${javaDoubleToString(v)}`);
    return ApexDecimal.valueOf(javaDoubleToString(v));
  }

  /** −1, 0 or 1. */
  signum(): number {
    return this.unscaled < 0n ? -1 : this.unscaled > 0n ? 1 : 0;
  }

  /** The unscaled value of this number brought to the larger `scale` (scale >= this.scale). */
  private unscaledAt(scale: number): bigint {
    return scale === this.scale ? this.unscaled : this.unscaled * pow10(scale - this.scale);
  }

  /** `a + b`: exact, scale = max(a.scale, b.scale) (BigDecimal.add). */
  add(o: ApexDecimal): ApexDecimal {
    if (this.scale === o.scale) return new ApexDecimal(this.unscaled + o.unscaled, this.scale);
    const s = Math.max(this.scale, o.scale);
    return new ApexDecimal(this.unscaledAt(s) + o.unscaledAt(s), s);
  }

  /** `a - b`: exact, scale = max(a.scale, b.scale) (BigDecimal.subtract). */
  subtract(o: ApexDecimal): ApexDecimal {
    if (this.scale === o.scale) return new ApexDecimal(this.unscaled - o.unscaled, this.scale);
    const s = Math.max(this.scale, o.scale);
    return new ApexDecimal(this.unscaledAt(s) - o.unscaledAt(s), s);
  }

  /** `a * b`: exact, scale = a.scale + b.scale (BigDecimal.multiply). */
  multiply(o: ApexDecimal): ApexDecimal {
    return new ApexDecimal(this.unscaled * o.unscaled, checkScale(this.scale + o.scale));
  }

  /**
   * The Apex `/` operator on Decimals. NOT DOCUMENTED beyond "divides": the result is modelled as Java's
   * BigDecimal.divide(divisor, new MathContext(33, RoundingMode.HALF_UP)) — an exact quotient is returned exactly,
   * with trailing zeros stripped toward the preferred scale (this.scale − divisor.scale), e.g. 1.0/4.0 = 0.25,
   * 10/4 = 2.5, 6.0/2 = 3.0; a non-terminating one is rounded half-up to 33 significant digits, which reproduces
   * the two org observations cited at DECIMAL_DIVISION_PRECISION. Division by zero: `System.MathException: Divide by 0`.
   * The exact-quotient rule is pinned by an org's output: `116.00 - 80.00 - (10.0000 * (100 - 10.00)/ 100) - 10.00 -
   * 20.0000 - ((20.00 / 100) * 116.00)` prints `-26.200000` (salesforce.stackexchange.com/questions/358005), which
   * needs 900.000000 / 100 = 9.000000 (the preferred scale 6, not a stripped 9 or a 33-digit quotient). Nothing
   * documented or observed clamps a negative preferred scale, and Apex keeps negative scales elsewhere
   * (stripTrailingZeros of 1000 is 1E+3), so `100 / 2.0` is 5E+1 as in Java (toPlainString() gives '50').
   */
  divideOperator(o: ApexDecimal): ApexDecimal {
    return this.divideToPrecision(o, DECIMAL_DIVISION_PRECISION, 'HALF_UP');
  }

  /**
   * BigDecimal.divide(divisor, MathContext(precision, mode)): the quotient rounded to `precision` significant digits;
   * when exact, trailing zeros are removed down to the preferred scale this.scale − divisor.scale.
   */
  divideToPrecision(o: ApexDecimal, precision: number, mode: RoundingMode): ApexDecimal {
    if (o.unscaled === 0n) throw divideByZero();
    const preferredScale = clampScale(this.scale - o.scale);
    if (this.unscaled === 0n) return new ApexDecimal(0n, preferredScale);
    // Quotient magnitude: 10^(adjA − adjB) within a factor of 10; pick the scale giving `precision` digits.
    const adjA = digitCount(this.unscaled) - this.scale;
    const adjB = digitCount(o.unscaled) - o.scale;
    let scale = precision - (adjA - adjB);
    let q = scaledQuotient(this, o, scale, mode);
    if (digitCount(q.quotient) > precision) {
      scale -= 1;
      q = scaledQuotient(this, o, scale, mode);
    }
    let unscaled = q.quotient;
    if (digitCount(unscaled) > precision) {
      // Rounding carried into a new digit (…999 → 10^precision): drop the now-zero last digit, as BigDecimal does.
      unscaled /= 10n;
      scale -= 1;
    }
    if (q.exact) {
      // createAndStripZerosToMatchScale: drop trailing zeros while above the preferred scale.
      while (scale > preferredScale && unscaled % 10n === 0n && unscaled !== 0n) {
        unscaled /= 10n;
        scale -= 1;
      }
      if (scale < preferredScale && digitCount(unscaled) + (preferredScale - scale) <= precision) {
        unscaled *= pow10(preferredScale - scale);
        scale = preferredScale;
      }
    }
    return new ApexDecimal(unscaled, checkScale(scale));
  }

  /**
   * Decimal.divide(divisor, scale[, roundingMode]). Apex Reference, Decimal Class, divide(divisor, scale): "Divides this
   * Decimal by the specified divisor, and sets the scale, that is, the number of decimal places, of the result using
   * the specified scale." Example: `Decimal decimalNumber = 19; Decimal result = decimalNumber.divide(100, 3);
   * System.assertEquals(0.190, result);`. divide(divisor, scale, roundingMode) applies the given System.RoundingMode.
   * The two-argument form's rounding mode is not stated. Results that are not an exact tie round the same under every
   * "nearest" mode (org output `5.divide(3, 30) = 1.666666666666666666666666666667`, salesforce.stackexchange.com
   * "Apex division losing precision"), so they are computed; an exact tie (10.25.divide(2, 2) = 5.125 → 5.12 or
   * 5.13?) fails loudly until the org's mode is pinned.
   */
  divide(divisor: ApexDecimal, scale: number, mode?: RoundingMode): ApexDecimal {
    if (divisor.unscaled === 0n) throw divideByZero();
    if (mode === undefined) {
      const up = scaledQuotient(this, divisor, scale, 'HALF_UP').quotient;
      const even = scaledQuotient(this, divisor, scale, 'HALF_EVEN').quotient;
      if (up !== even) {
        throw new EmulatorUnsupportedError(
          `Decimal.divide(divisor, scale) on an exact rounding tie (${this.toString()} / ${divisor.toString()} at scale ${scale}): the default rounding mode is undocumented`,
        );
      }
      return new ApexDecimal(up, scale);
    }
    return new ApexDecimal(scaledQuotient(this, divisor, scale, mode).quotient, scale);
  }

  /** Unary minus (BigDecimal.negate keeps the scale). Apex Reference, Decimal Class, negate(). */
  negate(): ApexDecimal {
    return new ApexDecimal(-this.unscaled, this.scale);
  }

  /** Decimal.abs(): "Returns the absolute value of the Decimal." (scale kept) */
  abs(): ApexDecimal {
    return this.unscaled < 0n ? new ApexDecimal(-this.unscaled, this.scale) : this;
  }

  /**
   * Decimal.pow(exponent). Apex Reference, Decimal Class, pow(exponent): "Returns the value of this decimal raised to
   * the power of the specified exponent. The value of exponent must be between 0 and 32,767." and "If you use
   * MyDecimal.pow(0), 1 is returned." The result is exact (BigDecimal.pow(int): unscaled^n, scale × n). The org's error
   * for an exponent out of range is not documented, so it fails loudly.
   */
  pow(exponent: number): ApexDecimal {
    if (exponent < 0 || exponent > 32767) {
      throw new EmulatorUnsupportedError(`Decimal.pow with exponent ${exponent} (outside 0..32,767)`);
    }
    if (exponent === 0) return ApexDecimal.ONE;
    return new ApexDecimal(this.unscaled ** BigInt(exponent), checkScale(this.scale * exponent));
  }

  /**
   * Decimal.precision(): "Returns the total number of digits for the Decimal." — BigDecimal.precision(), the number of
   * digits of the unscaled value (1 for zero). Example from the Apex Reference: `Decimal D1 = 123.45;` → 5.
   */
  precision(): number {
    return digitCount(this.unscaled);
  }

  /**
   * Decimal.setScale(scale[, roundingMode]). Apex Reference, Decimal Class, setScale(scale): "Returns the Decimal scaled
   * to the specified number of decimal places, using half even rounding, if necessary. Half-even rounding mode rounds
   * toward the “nearest neighbor.” If both neighbors are equidistant, the number is rounded toward the even neighbor."
   * setScale(scale, roundingMode) uses the given mode.
   */
  setScale(scale: number, mode: RoundingMode = 'HALF_EVEN'): ApexDecimal {
    if (scale === this.scale) return this;
    if (scale > this.scale) return new ApexDecimal(this.unscaled * pow10(scale - this.scale), scale);
    return new ApexDecimal(divideAndRound(this.unscaled, pow10(this.scale - scale), mode), scale);
  }

  /**
   * Decimal.round([roundingMode]) → Long. Apex Reference, Decimal Class, round(): "Returns the rounded approximation of
   * this Decimal. The number is rounded to zero decimal places using half-even rounding mode, that is, it rounds
   * towards the “nearest neighbor” unless both neighbors are equidistant, in which case, this mode rounds towards the
   * even neighbor." round(roundingMode) uses the given mode. Examples: 5.5 → 6, -2.7 CEILING → -2 (Rounding Mode table).
   * The Long is BigDecimal.longValue() of the rounded value (low 64 bits).
   */
  round(mode: RoundingMode = 'HALF_EVEN'): bigint {
    return BigInt.asIntN(64, this.setScale(0, mode).unscaled);
  }

  /**
   * Decimal.stripTrailingZeros(): "Returns the Decimal with any trailing zeros removed." As BigDecimal (Java 8+), zero
   * becomes 0 with scale 0.
   */
  stripTrailingZeros(): ApexDecimal {
    if (this.unscaled === 0n) return this.scale === 0 ? this : ApexDecimal.ZERO;
    let u = this.unscaled;
    let s = this.scale;
    while (u % 10n === 0n) {
      u /= 10n;
      s -= 1;
    }
    return s === this.scale ? this : new ApexDecimal(u, checkScale(s));
  }

  /**
   * Numeric comparison, ignoring scale (BigDecimal.compareTo): 1.0 and 1.00 compare equal. This is what Apex's
   * `==`, `<`, `>` on Decimals use (Apex Developer Guide, Expression Operators: `==` compares numbers by value).
   */
  compareTo(o: ApexDecimal): number {
    if (this.scale === o.scale) return this.unscaled < o.unscaled ? -1 : this.unscaled > o.unscaled ? 1 : 0;
    const sa = this.signum();
    const sb = o.signum();
    if (sa !== sb) return sa < sb ? -1 : 1;
    const s = Math.max(this.scale, o.scale);
    const a = this.unscaledAt(s);
    const b = o.unscaledAt(s);
    return a < b ? -1 : a > b ? 1 : 0;
  }

  /** Value equality, ignoring scale (Apex `==`). */
  equalsValue(o: ApexDecimal): boolean {
    return this.compareTo(o) === 0;
  }

  /**
   * Java BigDecimal.equals: equal value AND equal scale. The Apex Reference (Decimal Class, Usage) warns that 1.1 and
   * 1.10 "generally do not have the same hashcode. Use caution when such Decimal objects are used in Sets or as Map
   * keys." — so Set/Map keys behave like BigDecimal's equals/hashCode; the collections layer can use these two.
   */
  equalsStrict(o: ApexDecimal): boolean {
    return this.scale === o.scale && this.unscaled === o.unscaled;
  }

  /** Java BigDecimal.hashCode(): 31 × unscaledValue.hashCode() + scale (int arithmetic). */
  hashCode(): number {
    return (Math.imul(31, bigIntegerHashCode(this.unscaled)) + this.scale) | 0;
  }

  /** Decimal.intValue(): "Returns the Integer value of the Decimal." (BigDecimal.intValue: truncate, low 32 bits) */
  intValue(): number {
    return Number(BigInt.asIntN(32, this.truncated()));
  }

  /** Decimal.longValue(): "Returns the Long value of the Decimal." (BigDecimal.longValue: truncate, low 64 bits) */
  longValue(): bigint {
    return BigInt.asIntN(64, this.truncated());
  }

  /** Decimal.doubleValue(): "Returns the Double value of the Decimal." (correctly rounded, like BigDecimal) */
  doubleValue(): number {
    return Number(this.toString());
  }

  private truncated(): bigint {
    if (this.scale <= 0) return this.unscaled * pow10(-this.scale);
    return this.unscaled / pow10(this.scale);
  }

  /**
   * String.valueOf(Decimal), `'' + d`, Decimal.toString(): BigDecimal.toString, which uses scientific notation when the
   * scale is negative or the adjusted exponent is below −6 ('1E+3', '1.0E+10', '1E-7', '0E-10'), and plain digits
   * otherwise ('1.50', '0.000001'). Apex Reference, Decimal Class, toPlainString(): "Returns the String value of this
   * Decimal, without using scientific notation." — the contrast that implies toString may use it.
   */
  toString(): string {
    const coeff = (this.unscaled < 0n ? -this.unscaled : this.unscaled).toString();
    const sign = this.unscaled < 0n ? '-' : '';
    const adjusted = -this.scale + (coeff.length - 1);
    if (this.scale >= 0 && adjusted >= -6) return sign + insertPoint(coeff, this.scale);
    const mantissa = coeff.length > 1 ? `${coeff[0]}.${coeff.slice(1)}` : coeff;
    return `${sign}${mantissa}E${adjusted > 0 ? '+' : ''}${adjusted}`;
  }

  /** Decimal.toPlainString(): BigDecimal.toPlainString, never scientific. */
  toPlainString(): string {
    const coeff = (this.unscaled < 0n ? -this.unscaled : this.unscaled).toString();
    const sign = this.unscaled < 0n ? '-' : '';
    if (this.scale <= 0) return this.unscaled === 0n ? '0' : sign + coeff + '0'.repeat(-this.scale);
    return sign + insertPoint(coeff, this.scale);
  }
}

function insertPoint(coeff: string, scale: number): string {
  if (scale === 0) return coeff;
  if (coeff.length > scale) return `${coeff.slice(0, coeff.length - scale)}.${coeff.slice(coeff.length - scale)}`;
  return `0.${'0'.repeat(scale - coeff.length)}${coeff}`;
}

function clampScale(s: number): number {
  return s > MAX_SCALE ? MAX_SCALE : s < MIN_SCALE ? MIN_SCALE : s;
}

/** round(a / b × 10^scale) as an unscaled value at `scale`, and whether no rounding happened. */
function scaledQuotient(
  a: ApexDecimal,
  b: ApexDecimal,
  scale: number,
  mode: RoundingMode,
): { quotient: bigint; exact: boolean } {
  // a/b = (ua / ub) × 10^(sb − sa); at `scale`: ua × 10^(scale − sa + sb) / ub.
  const shift = scale - a.scale + b.scale;
  let num = a.unscaled;
  let den = b.unscaled;
  if (shift >= 0) num *= pow10(shift);
  else den *= pow10(-shift);
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const exact = num % den === 0n;
  return { quotient: exact ? num / den : divideAndRound(num, den, mode), exact };
}

function invalidDecimal(s: string): ApexPlatformError {
  return new ApexPlatformError('System.TypeException', `Invalid decimal: ${s}`);
}

/** java.math.BigInteger.hashCode(): over the big-endian 32-bit words of |n|, h = 31h + word; times the sign. */
export function bigIntegerHashCode(n: bigint): number {
  const neg = n < 0n;
  let mag = neg ? -n : n;
  const words: number[] = [];
  while (mag > 0n) {
    words.push(Number(mag & 0xffffffffn));
    mag >>= 32n;
  }
  let h = 0;
  for (let i = words.length - 1; i >= 0; i--) h = (Math.imul(31, h) + (words[i] as number)) | 0;
  return neg ? -h | 0 : h;
}

// Operator helpers for the interpreter, named for the Apex operator.
export function decimalAdd(a: ApexDecimal, b: ApexDecimal): ApexDecimal {
  return a.add(b);
}
export function decimalSubtract(a: ApexDecimal, b: ApexDecimal): ApexDecimal {
  return a.subtract(b);
}
export function decimalMultiply(a: ApexDecimal, b: ApexDecimal): ApexDecimal {
  return a.multiply(b);
}
export function decimalDivide(a: ApexDecimal, b: ApexDecimal): ApexDecimal {
  return a.divideOperator(b);
}
