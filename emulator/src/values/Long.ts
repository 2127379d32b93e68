// Apex Long: a 64-bit signed two's-complement integer, represented in the emulator as a JS bigint that always lies in
// [-2^63, 2^63 - 1]. Every operation wraps its result with BigInt.asIntN(64, …), as Java `long` arithmetic does.
//
// Apex Developer Guide, "Primitive Data Types": "Long: A 64-bit number that does not include a decimal point. Longs
// have a minimum value of -2^63 and a maximum value of 2^63-1." Overflow wraps (the docs are silent; Java `long`
// semantics, JLS 15.17/15.18, which is what the Apex runtime on the JVM does).

import { ApexPlatformError, EmulatorUnsupportedError } from '../errors';
import { divideByZero } from './Integer';

export const LONG_MIN_VALUE = -(2n ** 63n);
export const LONG_MAX_VALUE = 2n ** 63n - 1n;

/** True when `n` is a bigint within the signed 64-bit range (the emulator's Long representation). */
export function isApexLong(n: unknown): n is bigint {
  return typeof n === 'bigint' && n >= LONG_MIN_VALUE && n <= LONG_MAX_VALUE;
}

/** Wraps any bigint to signed 64 bits. */
export function toLong(n: bigint): bigint {
  return BigInt.asIntN(64, n);
}

export function longAdd(a: bigint, b: bigint): bigint {
  return BigInt.asIntN(64, a + b);
}

export function longSubtract(a: bigint, b: bigint): bigint {
  return BigInt.asIntN(64, a - b);
}

export function longMultiply(a: bigint, b: bigint): bigint {
  return BigInt.asIntN(64, a * b);
}

/** `a / b` truncating toward zero (bigint `/` truncates); Long.MIN_VALUE / -1 wraps to MIN_VALUE as in Java. */
export function longDivide(a: bigint, b: bigint): bigint {
  if (b === 0n) throw divideByZero();
  return BigInt.asIntN(64, a / b);
}

/**
 * `Math.mod(a, b)` for Longs: remainder with the sign of the dividend (Java `%`). Apex Reference, Math Class,
 * mod(longValue1, longValue2): "Returns the remainder of longValue1 divided by longValue2."
 */
export function longMod(a: bigint, b: bigint): bigint {
  if (b === 0n) throw divideByZero();
  return a % b;
}

export function longNegate(a: bigint): bigint {
  return BigInt.asIntN(64, -a);
}

/** Math.abs(Long): abs(Long.MIN_VALUE) is MIN_VALUE, as in Java. */
export function longAbs(a: bigint): bigint {
  return BigInt.asIntN(64, a < 0n ? -a : a);
}

/** Shift distance of a Long shift: the low 6 bits of the right operand (JLS 15.19), whether it is Integer or Long. */
function longShiftDistance(n: number | bigint): bigint {
  return typeof n === 'bigint' ? BigInt.asUintN(6, n) : BigInt(n & 63);
}

/** `a << n` on a Long left operand. */
export function longShiftLeft(a: bigint, n: number | bigint): bigint {
  return BigInt.asIntN(64, a << longShiftDistance(n));
}

/** `a >> n` on a Long left operand (arithmetic shift; bigint `>>` is sign-propagating). */
export function longShiftRight(a: bigint, n: number | bigint): bigint {
  return a >> longShiftDistance(n);
}

/** `a >>> n` on a Long left operand (zero-filling). */
export function longShiftRightUnsigned(a: bigint, n: number | bigint): bigint {
  return BigInt.asIntN(64, BigInt.asUintN(64, a) >> longShiftDistance(n));
}

/** Shift of an Integer left operand by a Long distance (JLS 15.19: the type is the left operand's, 5 bits used). */
export function intShiftDistance(n: number | bigint): number {
  return typeof n === 'bigint' ? Number(BigInt.asUintN(5, n)) : n & 31;
}

export function longAnd(a: bigint, b: bigint): bigint {
  return a & b;
}

export function longOr(a: bigint, b: bigint): bigint {
  return a | b;
}

export function longXor(a: bigint, b: bigint): bigint {
  return a ^ b;
}

export function longNot(a: bigint): bigint {
  return ~a;
}

/** Long.intValue(): the low 32 bits, as Java's narrowing conversion (JLS 5.1.3). */
export function longIntValue(a: bigint): number {
  return Number(BigInt.asIntN(32, a));
}

const ASCII_SIGNED_DECIMAL = /^[+-]?[0-9]+$/;

/**
 * Long.valueOf(String). Apex Reference, Long Class, valueOf(stringToLong): "Returns a Long that contains the value of
 * the specified String. As in Java, the string is interpreted as representing a signed decimal Long." So Java
 * Long.parseLong's grammar: optional sign, ASCII digits (non-ASCII digits fail loudly here), within range.
 * Message `Invalid long: <s>` (TypeException, like Integer.valueOf's `Invalid integer: <s>`).
 */
export function longValueOf(s: string): bigint {
  if (!ASCII_SIGNED_DECIMAL.test(s)) {
    if (/^[+-]?[\p{Nd}]+$/u.test(s)) {
      throw new EmulatorUnsupportedError(`Long.valueOf of a string with non-ASCII digits ('${s}')`);
    }
    throw invalidLong(s);
  }
  const n = BigInt(s);
  if (n < LONG_MIN_VALUE || n > LONG_MAX_VALUE) throw invalidLong(s);
  return n;
}

function invalidLong(s: string): ApexPlatformError {
  return new ApexPlatformError('System.TypeException', `Invalid long: ${s}`);
}
