// Argument helpers for the value-class bindings: the numeric widening Apex applies when an argument of a lower type
// is passed to a parameter of a higher one, overload choice among numeric overload families, and the running
// user's locale and time zone.
//
// Apex Developer Guide, "Rules of Conversion": "Numbers form a hierarchy of types. Variables of lower numeric types
// can always be assigned to higher types without explicit conversion. The following is the hierarchy for numbers,
// from lowest to highest: 1. Integer 2. Long 3. Double 4. Decimal". A built-in method receives the evaluated
// arguments only, so an overload family (Math.abs(Integer|Long|Double|Decimal) …) is resolved here from the run-time
// types: the lowest overload the arguments widen to, as the compiler's most-specific rule picks it (Math.sqrt(16)
// takes the Double overload; Math.max(2, 2.5) the Decimal one).
import { ApexPlatformError, EmulatorUnsupportedError } from '../../errors';
import type { NativeMethod } from '../../runtime/classes';
import type { Txn } from '../../runtime/transaction';
import { EnumValue, type Value } from '../../runtime/values';
import { ApexBlob } from '../../values/Blob';
import { ApexDate } from '../../values/Date';
import { ApexDatetime } from '../../values/Datetime';
import { ApexDecimal, ROUNDING_MODES, type RoundingMode } from '../../values/Decimal';
import { ApexDouble } from '../../values/Double';
import { ApexId } from '../../values/Id';
import type { UserContext } from '../../values/Locale';
import { ApexTime } from '../../values/Time';
import { nullArgument } from '../define';

/** The running user's LocaleSidKey and TimeZoneSidKey. */
export function userCtx(txn: Txn): UserContext {
  return txn.org.userContext(txn.userId);
}

/** Rank of a numeric value in the Apex number hierarchy (0 Integer … 3 Decimal), or undefined for a non-number. */
export type NumericRank = 0 | 1 | 2 | 3;
export const INTEGER: NumericRank = 0;
export const LONG: NumericRank = 1;
export const DOUBLE: NumericRank = 2;
export const DECIMAL: NumericRank = 3;

export function numericRank(v: Value): NumericRank | undefined {
  if (typeof v === 'number') return INTEGER;
  if (typeof v === 'bigint') return LONG;
  if (v instanceof ApexDouble) return DOUBLE;
  if (v instanceof ApexDecimal) return DECIMAL;
  return undefined;
}

/**
 * The overload of a numeric family that the arguments select: the lowest of `available` ranks at or above every
 * argument's rank. A null argument throws NullPointerException (every overload dereferences it); a non-number or an
 * argument above every overload is a compile error in Apex, reported as unsupported.
 */
export function pickNumericOverload(method: string, args: Value[], available: readonly NumericRank[]): NumericRank {
  let rank: NumericRank = INTEGER;
  for (const a of args) {
    if (a === null) throw nullArgument();
    const r = numericRank(a);
    if (r === undefined) throw new EmulatorUnsupportedError(`${method} with a ${typeLabel(a)} argument`);
    if (r > rank) rank = r;
  }
  const chosen = [...available].sort((x, y) => x - y).find((r) => r >= rank);
  if (chosen === undefined) throw new EmulatorUnsupportedError(`${method} with ${RANK_NAMES[rank]} arguments`);
  return chosen;
}

const RANK_NAMES = ['Integer', 'Long', 'Double', 'Decimal'] as const;

/** A short type label for messages. */
export function typeLabel(v: Value): string {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'string':
      return 'String';
    case 'boolean':
      return 'Boolean';
    case 'number':
      return 'Integer';
    case 'bigint':
      return 'Long';
  }
  if (v instanceof ApexDouble) return 'Double';
  if (v instanceof ApexDecimal) return 'Decimal';
  if (v instanceof ApexDate) return 'Date';
  if (v instanceof ApexDatetime) return 'Datetime';
  if (v instanceof ApexTime) return 'Time';
  if (v instanceof ApexBlob) return 'Blob';
  return v.constructor.name;
}

function wrongType(method: string, v: Value, expected: string): EmulatorUnsupportedError {
  return new EmulatorUnsupportedError(`${method} with a ${typeLabel(v)} argument where ${expected} is expected`);
}

/** An Integer parameter: only an Integer value passes (Long → Integer needs an explicit conversion in Apex). */
export function intParam(method: string, args: Value[], i: number): number {
  const v = args[i] ?? null;
  if (v === null) throw nullArgument();
  if (typeof v === 'number') return v;
  throw wrongType(method, v, 'an Integer');
}

/** A Long parameter: an Integer widens. */
export function longParam(method: string, args: Value[], i: number): bigint {
  const v = args[i] ?? null;
  if (v === null) throw nullArgument();
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') return BigInt(v);
  throw wrongType(method, v, 'a Long');
}

/** A Double parameter: Integer and Long widen (Long to the nearest double, JLS 5.1.2). */
export function doubleParam(method: string, args: Value[], i: number): ApexDouble {
  const v = args[i] ?? null;
  if (v === null) throw nullArgument();
  if (v instanceof ApexDouble) return v;
  if (typeof v === 'number') return new ApexDouble(v);
  if (typeof v === 'bigint') return new ApexDouble(Number(v));
  throw wrongType(method, v, 'a Double');
}

/**
 * A Decimal parameter: Integer and Long widen with scale 0; a Double widens as the interpreter converts it on
 * assignment (Decimal.valueOf(Double)).
 */
export function decimalParam(method: string, args: Value[], i: number): ApexDecimal {
  const v = args[i] ?? null;
  if (v === null) throw nullArgument();
  return toDecimal(method, v);
}

export function toDecimal(method: string, v: Value): ApexDecimal {
  if (v instanceof ApexDecimal) return v;
  if (typeof v === 'number') return ApexDecimal.fromInteger(v);
  if (typeof v === 'bigint') return ApexDecimal.fromLong(v);
  if (v instanceof ApexDouble) return ApexDecimal.fromDouble(v.value);
  throw wrongType(method, v, 'a Decimal');
}

export function stringParam(method: string, args: Value[], i: number): string {
  const v = args[i] ?? null;
  if (v === null) throw nullArgument();
  if (typeof v === 'string') return v;
  if (v instanceof ApexId) return v.value;
  throw wrongType(method, v, 'a String');
}

export function blobParam(method: string, args: Value[], i: number): ApexBlob {
  const v = args[i] ?? null;
  if (v === null) throw nullArgument();
  if (v instanceof ApexBlob) return v;
  throw wrongType(method, v, 'a Blob');
}

export function dateParam(method: string, args: Value[], i: number): ApexDate {
  const v = args[i] ?? null;
  if (v === null) throw nullArgument();
  if (v instanceof ApexDate) return v;
  throw wrongType(method, v, 'a Date');
}

export function datetimeParam(method: string, args: Value[], i: number): ApexDatetime {
  const v = args[i] ?? null;
  if (v === null) throw nullArgument();
  if (v instanceof ApexDatetime) return v;
  throw wrongType(method, v, 'a Datetime');
}

export function timeParam(method: string, args: Value[], i: number): ApexTime {
  const v = args[i] ?? null;
  if (v === null) throw nullArgument();
  if (v instanceof ApexTime) return v;
  throw wrongType(method, v, 'a Time');
}

/** A System.RoundingMode argument (Apex Reference, Decimal Class, "Rounding Mode"). */
export function roundingModeParam(method: string, args: Value[], i: number): RoundingMode {
  const v = args[i] ?? null;
  if (v === null) throw nullArgument();
  if (v instanceof EnumValue && v.enumClass.apexName.toLowerCase().endsWith('roundingmode')) {
    const mode = ROUNDING_MODES.find((m) => m === v.name);
    if (mode) return mode;
  }
  throw wrongType(method, v, 'a System.RoundingMode');
}

/** Exactly `counts` arguments, else the overload does not exist. */
export function arity(method: string, args: Value[], ...counts: number[]): number {
  if (!counts.includes(args.length)) {
    throw new EmulatorUnsupportedError(`${method} with ${args.length} argument(s)`);
  }
  return args.length;
}

/** `System.TypeException` with the org's wording for a bad conversion. */
export function typeException(message: string): ApexPlatformError {
  return new ApexPlatformError('System.TypeException', message);
}

/** A method without parameters (any argument means an overload the class does not have). */
export function noArgs(method: string, f: (txn: Txn, self: Value) => Value): NativeMethod {
  return (txn, self, args) => {
    arity(method, args, 0);
    return f(txn, self);
  };
}
