// Apex Integer: a 32-bit signed two's-complement integer, represented in the emulator as a JS number that always
// holds an int32 value. Every operation here returns an int32 and allocates nothing, so the interpreter can call them
// in tight loops.
//
// Apex Developer Guide, "Primitive Data Types" (apex_primitives / langCon_apex_primitives.htm): "Integer: A 32-bit
// number that does not include a decimal point. Integers have a minimum value of -2,147,483,648 and a maximum value of
// 2,147,483,647." Arithmetic overflow is not checked: like Java `int`, results wrap around (Apex compiles to the JVM;
// the docs are silent, Java semantics, JLS 15.17/15.18).
// Apex Developer Guide, "Expression Operators" (langCon_apex_expressions_operators_understanding.htm): `/` on two
// Integers is integer division; `<<`, `>>`, `>>>` shift; `&`, `|`, `^` are bitwise.

import { ApexPlatformError, EmulatorUnsupportedError } from '../errors';

export const INTEGER_MIN_VALUE = -2147483648;
export const INTEGER_MAX_VALUE = 2147483647;

/** `System.MathException: Divide by 0`, what Apex throws for an Integer, Long or Decimal division by zero. */
export function divideByZero(): ApexPlatformError {
  return new ApexPlatformError('System.MathException', 'Divide by 0');
}

/** True when `n` is a JS number holding an int32 (the emulator's Integer representation). */
export function isApexInteger(n: unknown): n is number {
  return typeof n === 'number' && (n | 0) === n && !Object.is(n, -0);
}

/** `a + b` with 32-bit wrap-around (Java `int` addition, JLS 15.18.2). */
export function intAdd(a: number, b: number): number {
  return (a + b) | 0;
}

/** `a - b` with 32-bit wrap-around. */
export function intSubtract(a: number, b: number): number {
  return (a - b) | 0;
}

/** `a * b` with 32-bit wrap-around (Math.imul is exact two's-complement multiplication, JLS 15.17.1). */
export function intMultiply(a: number, b: number): number {
  return Math.imul(a, b);
}

/**
 * `a / b`: integer division truncating toward zero (JLS 15.17.2); Integer.MIN_VALUE / -1 wraps to MIN_VALUE as in
 * Java. Division by zero throws `System.MathException: Divide by 0`.
 */
export function intDivide(a: number, b: number): number {
  if (b === 0) throw divideByZero();
  return (a / b) | 0;
}

/**
 * `Math.mod(a, b)` for Integers: the remainder with the sign of the dividend, Java `%` (JLS 15.17.3).
 * Apex Reference, Math Class, mod(integerValue1, integerValue2): "Returns the remainder of integerValue1 divided by
 * integerValue2." Example: `Integer remainder2 = math.mod(8, 3); system.assertEquals(remainder2, 2);`.
 * A zero divisor throws `System.MathException: Divide by 0` (as the `/` operator does).
 */
export function intMod(a: number, b: number): number {
  if (b === 0) throw divideByZero();
  return (a % b) | 0;
}

/** Unary `-a` (wraps: -Integer.MIN_VALUE is MIN_VALUE). */
export function intNegate(a: number): number {
  return -a | 0;
}

/** `a << n`: the shift distance uses its low 5 bits only (JLS 15.19), exactly JS's `<<` on int32. */
export function intShiftLeft(a: number, n: number): number {
  return a << n;
}

/** `a >> n`: arithmetic (sign-propagating) right shift, distance masked to 5 bits. */
export function intShiftRight(a: number, n: number): number {
  return a >> n;
}

/** `a >>> n`: logical (zero-filling) right shift, distance masked to 5 bits; the result is reinterpreted as int32. */
export function intShiftRightUnsigned(a: number, n: number): number {
  return (a >>> n) | 0;
}

/** `a & b` on Integers. */
export function intAnd(a: number, b: number): number {
  return a & b;
}

/** `a | b` on Integers. */
export function intOr(a: number, b: number): number {
  return a | b;
}

/** `a ^ b` on Integers. */
export function intXor(a: number, b: number): number {
  return a ^ b;
}

/** `~a` (bitwise complement). */
export function intNot(a: number): number {
  return ~a;
}

/** Math.abs(Integer): like Java, abs(Integer.MIN_VALUE) is MIN_VALUE (wraps). */
export function intAbs(a: number): number {
  return (a < 0 ? -a : a) | 0;
}

const ASCII_SIGNED_DECIMAL = /^[+-]?[0-9]+$/;
// Any decimal digit Java's Character.digit(c, 10) would accept beyond ASCII (Arabic-Indic, fullwidth, ...).
const NON_ASCII_DIGIT = /\p{Nd}/u;

/**
 * Integer.valueOf(String). Apex Reference, Integer Class, valueOf(stringToInteger): "Returns an Integer that contains
 * the value of the specified String. As in Java, the String is interpreted as representing a signed decimal integer."
 * and "A TypeException is returned if you attempt to convert a string to an invalid integer." So Java
 * Integer.parseInt's grammar: an optional '+' or '-', then one or more digits, no whitespace, within int range.
 * The message text `Invalid integer: <s>` is the org's.
 */
export function integerValueOf(s: string): number {
  if (!ASCII_SIGNED_DECIMAL.test(s)) {
    if (NON_ASCII_DIGIT.test(s) && /^[+-]?[\p{Nd}]+$/u.test(s)) {
      throw new EmulatorUnsupportedError(`Integer.valueOf of a string with non-ASCII digits ('${s}')`);
    }
    throw invalidInteger(s);
  }
  const n = Number(s);
  if (n < INTEGER_MIN_VALUE || n > INTEGER_MAX_VALUE) throw invalidInteger(s);
  return n | 0;
}

function invalidInteger(s: string): ApexPlatformError {
  return new ApexPlatformError('System.TypeException', `Invalid integer: ${s}`);
}

/** Integer → Long widening (the emulator's Long is a bigint). */
export function intToLong(a: number): bigint {
  return BigInt(a);
}
