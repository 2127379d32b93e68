// System.Math: the Apex Math class's static methods, one function per overload, typed as the Apex Reference types
// them (Apex Reference, "Math Class"): Decimal overloads return Decimal (abs, ceil, floor, max, min, rint, signum and
// the transcendental functions acos, asin, atan, atan2, cbrt, cos, cosh, exp, log, log10, sin, sinh, sqrt, tan,
// tanh); Double overloads return Double; round → Integer; roundToLong → Long; mod → Integer / Long; pow and random →
// Double.
//
// A Decimal transcendental result is computed in double precision and converted with Decimal.valueOf(Double) (the
// double's canonical digits); the docs do not say how the Decimal is produced.

import { EmulatorUnsupportedError } from '../errors';
import { ApexDecimal } from './Decimal';
import { ApexDouble, doubleRound, javaRoundDouble } from './Double';
import { INTEGER_MAX_VALUE, INTEGER_MIN_VALUE, intAbs, intMod } from './Integer';
import { longAbs, longMod } from './Long';

/** Math.E, Math.PI (Double fields). */
export const MATH_E = new ApexDouble(Math.E);
export const MATH_PI = new ApexDouble(Math.PI);

// abs
export const absInteger = intAbs;
export const absLong = longAbs;
export function absDouble(d: ApexDouble): ApexDouble {
  return new ApexDouble(Math.abs(d.value));
}
export function absDecimal(d: ApexDecimal): ApexDecimal {
  return d.abs();
}

// max / min
export function maxInteger(a: number, b: number): number {
  return a >= b ? a : b;
}
export function minInteger(a: number, b: number): number {
  return a <= b ? a : b;
}
export function maxLong(a: bigint, b: bigint): bigint {
  return a >= b ? a : b;
}
export function minLong(a: bigint, b: bigint): bigint {
  return a <= b ? a : b;
}
/** Java Math.max(double, double): NaN if either is NaN; +0.0 > -0.0. */
export function maxDouble(a: ApexDouble, b: ApexDouble): ApexDouble {
  return new ApexDouble(Math.max(a.value, b.value));
}
export function minDouble(a: ApexDouble, b: ApexDouble): ApexDouble {
  return new ApexDouble(Math.min(a.value, b.value));
}
/** max(decimalValue1, decimalValue2): "Returns the larger of the two specified Decimals." (the first when equal) */
export function maxDecimal(a: ApexDecimal, b: ApexDecimal): ApexDecimal {
  return a.compareTo(b) >= 0 ? a : b;
}
export function minDecimal(a: ApexDecimal, b: ApexDecimal): ApexDecimal {
  return a.compareTo(b) <= 0 ? a : b;
}

// mod
export const modInteger = intMod;
export const modLong = longMod;

// ceil / floor / rint / signum
export function ceilDouble(d: ApexDouble): ApexDouble {
  return new ApexDouble(Math.ceil(d.value));
}
export function floorDouble(d: ApexDouble): ApexDouble {
  return new ApexDouble(Math.floor(d.value));
}
/** ceil(decimalValue): "Returns the smallest (closest to negative infinity) Decimal that is not less than the argument
 * and is equal to a mathematical integer." (scale 0) */
export function ceilDecimal(d: ApexDecimal): ApexDecimal {
  return d.setScale(0, 'CEILING');
}
export function floorDecimal(d: ApexDecimal): ApexDecimal {
  return d.setScale(0, 'FLOOR');
}
/** rint(doubleValue): "Returns the value that is closest in value to the argument and is equal to a mathematical
 * integer." — ties to even (Java Math.rint). */
export function rintDouble(d: ApexDouble): ApexDouble {
  const v = d.value;
  if (!Number.isFinite(v)) return d;
  const f = Math.floor(v);
  const diff = v - f;
  let r = diff > 0.5 ? f + 1 : diff < 0.5 ? f : f % 2 === 0 ? f : f + 1;
  if (r === 0 && (v < 0 || Object.is(v, -0))) r = -0;
  return new ApexDouble(r);
}
export function rintDecimal(d: ApexDecimal): ApexDecimal {
  return d.setScale(0, 'HALF_EVEN');
}
export function signumDouble(d: ApexDouble): ApexDouble {
  return new ApexDouble(Number.isNaN(d.value) || d.value === 0 ? d.value : Math.sign(d.value));
}
/** signum(decimalValue): −1, 0 or 1 as a Decimal. */
export function signumDecimal(d: ApexDecimal): ApexDecimal {
  return ApexDecimal.fromInteger(d.signum());
}

// round / roundToLong
/**
 * round(decimalValue) → Integer: half-even to an integer (Decimal's documented rounding: "Math.round uses half-even
 * rounding mode", salesforce.stackexchange.com "Round a decimal to two decimal places" — 96.5 → 96, 97.5 → 98). A
 * result beyond the Integer range wraps (BigDecimal.intValue), which that thread reports as "not well defined".
 */
export function roundDecimal(d: ApexDecimal): number {
  return d.setScale(0, 'HALF_EVEN').intValue();
}
/** roundToLong(decimalValue) → Long, half-even. */
export function roundToLongDecimal(d: ApexDecimal): bigint {
  return d.round('HALF_EVEN');
}
/**
 * round(doubleValue) → Integer: "Returns the closest Integer to the specified Double. If the result is less than
 * -2,147,483,648 or greater than 2,147,483,647, Apex generates an error." The error's type/text is not documented:
 * it fails loudly.
 */
export function roundDouble(d: ApexDouble): number {
  const r = javaRoundDouble(d.value);
  if (r < INTEGER_MIN_VALUE || r > INTEGER_MAX_VALUE) {
    throw new EmulatorUnsupportedError(`Math.round(Double) of ${d.value} (outside the Integer range)`);
  }
  return r | 0;
}
/** roundToLong(doubleValue) → Long: "Returns the closest Long to the specified Double." (Java Math.round(double)) */
export function roundToLongDouble(d: ApexDouble): bigint {
  return doubleRound(d);
}

// pow / random
/** pow(doubleValue, exponent) → Double (Java Math.pow; JS ** differs only for pow(±1, ±Infinity) and NaN^0). */
export function powDouble(base: ApexDouble, exponent: ApexDouble): ApexDouble {
  const b = base.value;
  const e = exponent.value;
  if (e === 0) return new ApexDouble(1);
  if (Number.isNaN(e)) return new ApexDouble(NaN);
  if ((b === 1 || b === -1) && !Number.isFinite(e)) return new ApexDouble(NaN);
  return new ApexDouble(b ** e);
}
/** random() → Double in [0, 1). The generator is injected so runs are reproducible. */
export function random(rng: () => number): ApexDouble {
  return new ApexDouble(rng());
}

// transcendental functions, Double overloads
type DoubleFn = (d: ApexDouble) => ApexDouble;
const lift =
  (f: (x: number) => number): DoubleFn =>
  (d) =>
    new ApexDouble(f(d.value));

export const acosDouble = lift(Math.acos);
export const asinDouble = lift(Math.asin);
export const atanDouble = lift(Math.atan);
export const cbrtDouble = lift(Math.cbrt);
export const cosDouble = lift(Math.cos);
export const coshDouble = lift(Math.cosh);
export const expDouble = lift(Math.exp);
export const logDouble = lift(Math.log);
export const log10Double = lift(Math.log10);
export const sinDouble = lift(Math.sin);
export const sinhDouble = lift(Math.sinh);
export const sqrtDouble = lift(Math.sqrt);
export const tanDouble = lift(Math.tan);
export const tanhDouble = lift(Math.tanh);
/** atan2(y, x) as Java's Math.atan2 (Apex: "Converts rectangular coordinates (x and y) to polar (r and theta)"). */
export function atan2Double(y: ApexDouble, x: ApexDouble): ApexDouble {
  return new ApexDouble(Math.atan2(y.value, x.value));
}

// transcendental functions, Decimal overloads (Decimal results)
type DecimalFn = (d: ApexDecimal) => ApexDecimal;
const liftDecimal =
  (name: string, f: (x: number) => number): DecimalFn =>
  (d) => {
    const r = f(d.doubleValue());
    if (!Number.isFinite(r)) {
      throw new EmulatorUnsupportedError(`Math.${name}(Decimal) with a non-finite result (${String(r)})`);
    }
    return ApexDecimal.fromDouble(r);
  };

export const acosDecimal = liftDecimal('acos', Math.acos);
export const asinDecimal = liftDecimal('asin', Math.asin);
export const atanDecimal = liftDecimal('atan', Math.atan);
export const cbrtDecimal = liftDecimal('cbrt', Math.cbrt);
export const cosDecimal = liftDecimal('cos', Math.cos);
export const coshDecimal = liftDecimal('cosh', Math.cosh);
export const expDecimal = liftDecimal('exp', Math.exp);
export const logDecimal = liftDecimal('log', Math.log);
export const log10Decimal = liftDecimal('log10', Math.log10);
export const sinDecimal = liftDecimal('sin', Math.sin);
export const sinhDecimal = liftDecimal('sinh', Math.sinh);
export const sqrtDecimal = liftDecimal('sqrt', Math.sqrt);
export const tanDecimal = liftDecimal('tan', Math.tan);
export const tanhDecimal = liftDecimal('tanh', Math.tanh);
export function atan2Decimal(y: ApexDecimal, x: ApexDecimal): ApexDecimal {
  return liftDecimal('atan2', (yy) => Math.atan2(yy, x.doubleValue()))(y);
}
