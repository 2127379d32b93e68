// Apex's arithmetic, comparison and bitwise operators on run-time values (Apex Developer Guide, "Expression
// Operators"; "Rules of Conversion": the numeric hierarchy Integer < Long < Double < Decimal — an operation on two
// numbers has the type of the higher one). Null operands of arithmetic throw System.NullPointerException.
import { ApexPlatformError } from '../errors';
import { ApexDate } from '../values/Date';
import { ApexDatetime } from '../values/Datetime';
import { ApexDecimal } from '../values/Decimal';
import { ApexDouble } from '../values/Double';
import { ApexId } from '../values/Id';
import { intAdd, intDivide, intMultiply, intSubtract } from '../values/Integer';
import { longAdd, longDivide, longMultiply, longSubtract, toLong } from '../values/Long';
import { ApexTime } from '../values/Time';
import { compareStringsCaseInsensitive } from './equality';
import { concatString, plainText } from './stringify';
import type { Txn } from './transaction';
import type { Value } from './values';

const MS_PER_DAY = 86400000;

export function nullPointer(): ApexPlatformError {
  return new ApexPlatformError('System.NullPointerException', 'Attempt to de-reference a null object');
}

/** Numeric rank in the conversion hierarchy: 1 Integer, 2 Long, 3 Double, 4 Decimal; 0 not a number. */
function rank(v: Value): number {
  if (typeof v === 'number') return 1;
  if (typeof v === 'bigint') return 2;
  if (v instanceof ApexDouble) return 3;
  if (v instanceof ApexDecimal) return 4;
  return 0;
}

function toDecimal(v: Value): ApexDecimal {
  if (v instanceof ApexDecimal) return v;
  if (typeof v === 'number') return ApexDecimal.fromInteger(v);
  if (typeof v === 'bigint') return ApexDecimal.fromLong(v);
  if (v instanceof ApexDouble) return ApexDecimal.fromDouble(v.value);
  throw nullPointer();
}

function toDouble(v: Value): number {
  if (v instanceof ApexDouble) return v.value;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof ApexDecimal) return v.doubleValue();
  throw nullPointer();
}

function toLongValue(v: Value): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') return BigInt(v);
  throw nullPointer();
}

function unsupportedOperands(op: string, a: Value, b: Value): never {
  throw new ApexPlatformError(
    'System.TypeException',
    `Operator ${op} cannot be applied to ${describe(a)} and ${describe(b)}`,
  );
}

function describe(v: Value): string {
  if (v === null) return 'null';
  return typeof v === 'object' ? v.constructor.name : typeof v;
}

/** `a + b`: string concatenation when either side is a String, date arithmetic, or numeric addition. */
export function add(txn: Txn, a: Value, b: Value): Value {
  if (typeof a === 'number' && typeof b === 'number') return intAdd(a, b);
  // concatenation text: a Date prints with its midnight timestamp (stringify.ts concatString)
  if (typeof a === 'string' || typeof b === 'string') return concatString(txn, a) + concatString(txn, b);
  if (a instanceof ApexId || b instanceof ApexId) return concatString(txn, a) + concatString(txn, b);
  if (a === null || b === null) throw nullPointer();
  if (a instanceof ApexDate) return a.addDays(intOf(b));
  if (a instanceof ApexDatetime) return new ApexDatetime(a.ms + Math.round(toDouble(b) * MS_PER_DAY));
  if (a instanceof ApexTime) return a.addMilliseconds(intOf(b));
  return numeric(
    '+',
    a,
    b,
    intAdd,
    longAdd,
    (x, y) => x + y,
    (x, y) => x.add(y),
  );
}

export function subtract(a: Value, b: Value): Value {
  if (typeof a === 'number' && typeof b === 'number') return intSubtract(a, b);
  if (a === null || b === null) throw nullPointer();
  if (a instanceof ApexDate) return a.addDays(-intOf(b));
  if (a instanceof ApexDatetime) return new ApexDatetime(a.ms - Math.round(toDouble(b) * MS_PER_DAY));
  if (a instanceof ApexTime) return a.addMilliseconds(-intOf(b));
  return numeric(
    '-',
    a,
    b,
    intSubtract,
    longSubtract,
    (x, y) => x - y,
    (x, y) => x.subtract(y),
  );
}

export function multiply(a: Value, b: Value): Value {
  if (typeof a === 'number' && typeof b === 'number') return intMultiply(a, b);
  if (a === null || b === null) throw nullPointer();
  return numeric(
    '*',
    a,
    b,
    intMultiply,
    longMultiply,
    (x, y) => x * y,
    (x, y) => x.multiply(y),
  );
}

export function divide(a: Value, b: Value): Value {
  if (typeof a === 'number' && typeof b === 'number') return intDivide(a, b);
  if (a === null || b === null) throw nullPointer();
  return numeric(
    '/',
    a,
    b,
    intDivide,
    longDivide,
    (x, y) => x / y,
    (x, y) => x.divideOperator(y),
  );
}

function intOf(v: Value): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(BigInt.asIntN(32, v));
  throw new ApexPlatformError('System.TypeException', 'Date arithmetic needs an Integer');
}

function numeric(
  op: string,
  a: Value,
  b: Value,
  onInt: (x: number, y: number) => number,
  onLong: (x: bigint, y: bigint) => bigint,
  onDouble: (x: number, y: number) => number,
  onDecimal: (x: ApexDecimal, y: ApexDecimal) => ApexDecimal,
): Value {
  const r = Math.max(rank(a), rank(b));
  if (rank(a) === 0 || rank(b) === 0) unsupportedOperands(op, a, b);
  switch (r) {
    case 1:
      return onInt(a as number, b as number);
    case 2:
      return toLong(onLong(toLongValue(a), toLongValue(b)));
    case 3:
      return new ApexDouble(onDouble(toDouble(a), toDouble(b)));
    default:
      return onDecimal(toDecimal(a), toDecimal(b));
  }
}

export function negate(a: Value): Value {
  if (typeof a === 'number') return intSubtract(0, a);
  if (typeof a === 'bigint') return toLong(-a);
  if (a instanceof ApexDouble) return new ApexDouble(-a.value);
  if (a instanceof ApexDecimal) return a.negate();
  if (a === null) throw nullPointer();
  return unsupportedOperands('-', a, null);
}

/**
 * `<`, `<=`, `>`, `>=` (same page): numbers by value, Strings case-insensitively in the user's locale, Ids as Ids
 * (a String compared with an Id is validated as one), Dates/Datetimes/Times by time. "If x or y equal null and are
 * Integers, Doubles, Dates, or Datetimes, the expression is false. A non-null String or ID value is always greater
 * than a null value."
 */
export function compareOp(op: '<' | '<=' | '>' | '>=', a: Value, b: Value): boolean {
  if (typeof a === 'number' && typeof b === 'number') return test(op, a - b);
  if (a === null || b === null) {
    const other = a === null ? b : a;
    if (typeof other === 'string' || other instanceof ApexId) {
      // null < 'x' is true; 'x' < null is false.
      return test(op, a === null ? -1 : 1);
    }
    return false;
  }
  if (a instanceof ApexId || b instanceof ApexId) {
    const x = a instanceof ApexId ? a.value : ApexId.valueOf(plainText(a)).value;
    const y = b instanceof ApexId ? b.value : ApexId.valueOf(plainText(b)).value;
    return test(op, x < y ? -1 : x > y ? 1 : 0);
  }
  if (typeof a === 'string' && typeof b === 'string') return test(op, compareStringsCaseInsensitive(a, b));
  const ra = rank(a);
  const rb = rank(b);
  if (ra > 0 && rb > 0) {
    const r = Math.max(ra, rb);
    if (r === 1) return test(op, (a as number) - (b as number));
    if (r === 2) {
      const x = toLongValue(a);
      const y = toLongValue(b);
      return test(op, x < y ? -1 : x > y ? 1 : 0);
    }
    if (r === 3) {
      const x = toDouble(a);
      const y = toDouble(b);
      if (Number.isNaN(x) || Number.isNaN(y)) return false;
      return test(op, x < y ? -1 : x > y ? 1 : 0);
    }
    return test(op, toDecimal(a).compareTo(toDecimal(b)));
  }
  if (a instanceof ApexDate && b instanceof ApexDate) return test(op, a.days - b.days);
  if (a instanceof ApexDatetime && b instanceof ApexDatetime) return test(op, a.ms - b.ms);
  if (a instanceof ApexTime && b instanceof ApexTime) return test(op, a.ms - b.ms);
  return unsupportedOperands(op, a, b);
}

function test(op: '<' | '<=' | '>' | '>=', c: number): boolean {
  switch (op) {
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    case '>=':
      return c >= 0;
  }
}

/** Bitwise `& | ^` on Integer/Long, logical on Booleans (Apex evaluates both sides of `&` and `|`). */
export function bitwise(op: '&' | '|' | '^', a: Value, b: Value): Value {
  if (a === null || b === null) throw nullPointer();
  if (typeof a === 'boolean' && typeof b === 'boolean') {
    return op === '&' ? a && b : op === '|' ? a || b : a !== b;
  }
  if (typeof a === 'number' && typeof b === 'number') {
    return op === '&' ? a & b : op === '|' ? a | b : a ^ b;
  }
  if ((typeof a === 'number' || typeof a === 'bigint') && (typeof b === 'number' || typeof b === 'bigint')) {
    const x = BigInt(a);
    const y = BigInt(b);
    return toLong(op === '&' ? x & y : op === '|' ? x | y : x ^ y);
  }
  return unsupportedOperands(op, a, b);
}

/** `<< >> >>>`: the left operand's type; Integer shifts use the low 5 bits of the distance, Long the low 6. */
export function shift(op: '<<' | '>>' | '>>>', a: Value, b: Value): Value {
  if (a === null || b === null) throw nullPointer();
  const distance = typeof b === 'bigint' ? Number(BigInt.asIntN(32, b)) : (b as number);
  if (typeof a === 'number') {
    const d = distance & 31;
    return op === '<<' ? a << d : op === '>>' ? a >> d : (a >>> d) | 0;
  }
  if (typeof a === 'bigint') {
    const d = BigInt(distance & 63);
    if (op === '<<') return toLong(a << d);
    if (op === '>>') return a >> d;
    return toLong(BigInt.asUintN(64, a) >> d);
  }
  return unsupportedOperands(op, a, b);
}

/** `~x` on Integer and Long. */
export function bitNot(a: Value): Value {
  if (typeof a === 'number') return ~a;
  if (typeof a === 'bigint') return toLong(~a);
  if (a === null) throw nullPointer();
  return unsupportedOperands('~', a, null);
}

/** `++`/`--` as `+ 1` / `- 1` in the operand's own type. */
export function increment(a: Value, delta: 1 | -1): Value {
  if (typeof a === 'number') return intAdd(a, delta);
  if (a === null) throw nullPointer();
  if (typeof a === 'bigint') return toLong(a + BigInt(delta));
  if (a instanceof ApexDouble) return new ApexDouble(a.value + delta);
  if (a instanceof ApexDecimal) return a.add(ApexDecimal.fromInteger(delta));
  return unsupportedOperands(delta > 0 ? '++' : '--', a, null);
}
