// System.Integer, System.Long, System.Double, System.Decimal and System.Boolean: the Apex classes of the numeric and
// Boolean primitives, bound to the pure implementations in emulator/src/values.
//
// Apex Reference pages (developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/):
// - "Integer Class" (apex_methods_system_integer.htm): format(), valueOf(stringToInteger), valueOf(fieldValue).
// - "Long Class" (apex_methods_system_long.htm): format(), intValue(), valueOf(stringToLong).
// - "Double Class" (apex_methods_system_double.htm): format(), intValue(), longValue(), round(),
//   valueOf(stringToDouble), valueOf(fieldValue).
// - "Decimal Class" (apex_methods_system_decimal.htm): abs(), divide(divisor, scale), divide(divisor, scale,
//   roundingMode), doubleValue(), format(), intValue(), longValue(), pow(exponent), precision(), round(),
//   round(roundingMode), scale(), setScale(scale), setScale(scale, roundingMode), stripTrailingZeros(),
//   toPlainString(), valueOf(doubleToDecimal), valueOf(longToDecimal), valueOf(stringToDecimal).
// - "Boolean Class" (apex_methods_system_boolean.htm): valueOf(stringToBoolean), valueOf(fieldValue) — "All methods
//   are static."
// equals / hashCode / toString come from System.Object (library/lang/object.ts).
import { EmulatorUnsupportedError } from '../../errors';
import type { Program } from '../../runtime/program';
import { apexToString } from '../../runtime/stringify';
import type { Txn } from '../../runtime/transaction';
import type { Value } from '../../runtime/values';
import { ApexDecimal } from '../../values/Decimal';
import { ApexDouble, doubleIntValue, doubleLongValue, doubleRound, doubleValueOf } from '../../values/Double';
import { ApexId } from '../../values/Id';
import { integerValueOf } from '../../values/Integer';
import { longIntValue, longValueOf } from '../../values/Long';
import { decimalFormat, doubleFormat, integerFormat, longFormat } from '../../values/NumberFormat';
import { defineBuiltin, nullArgument } from '../define';
import {
  arity,
  noArgs,
  decimalParam,
  intParam,
  roundingModeParam,
  stringParam,
  typeException,
  typeLabel,
  userCtx,
} from './args';

function locale(t: Txn): string {
  return userCtx(t).locale;
}

function self<T>(s: Value): T {
  return s as T;
}

/** The single argument of a valueOf(Object)-style overload family; null fails as every overload dereferences it. */
function single(method: string, args: Value[]): Exclude<Value, null> {
  arity(method, args, 1);
  const v = args[0] ?? null;
  if (v === null) throw nullArgument();
  return v;
}

function textOf(v: Value): string | undefined {
  if (typeof v === 'string') return v;
  if (v instanceof ApexId) return v.value;
  return undefined;
}

/**
 * Integer.valueOf(fieldValue) / Double.valueOf(fieldValue): "Converts the specified object to an Integer [a Double].
 * Use this method to convert a history tracking field value or an object that represents an Integer value." A
 * number converts as Java's Number.intValue() / doubleValue() does (Decimal and Double truncate toward zero, a Long
 * keeps its low 32 bits); any other object's outcome is not documented and fails loudly.
 */
function integerValueOfObject(v: Exclude<Value, null>): number {
  const s = textOf(v);
  if (s !== undefined) return integerValueOf(s);
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return longIntValue(v);
  if (v instanceof ApexDecimal) return v.intValue();
  if (v instanceof ApexDouble) return doubleIntValue(v);
  throw new EmulatorUnsupportedError(`Integer.valueOf of a ${typeLabel(v)}`);
}

function doubleValueOfObject(v: Exclude<Value, null>): ApexDouble {
  const s = textOf(v);
  if (s !== undefined) return doubleValueOf(s);
  if (v instanceof ApexDouble) return v;
  if (typeof v === 'number') return new ApexDouble(v);
  if (typeof v === 'bigint') return new ApexDouble(Number(v));
  if (v instanceof ApexDecimal) return new ApexDouble(v.doubleValue());
  throw new EmulatorUnsupportedError(`Double.valueOf of a ${typeLabel(v)}`);
}

/**
 * Boolean.valueOf(stringToBoolean): "Converts the specified string to a Boolean value and returns true if the
 * specified string value is true. Otherwise, returns false." — case-insensitively, as Java's Boolean.valueOf (org
 * observations: 'True' and 'TRUE' give true, '' and 'nnnn' false; Boolean.valueOf(0) throws
 * `System.TypeException: Invalid boolean or String: 0`; developer.salesforce.com forums, "Behavior of
 * Boolean.valueOf"). "If the specified argument is null, this method throws an exception." — the emulator's null
 * argument exception (NullPointerException), as for every other null argument.
 */
function booleanValueOf(t: Txn, args: Value[]): boolean {
  const v = single('Boolean.valueOf', args);
  if (typeof v === 'boolean') return v;
  const s = textOf(v);
  if (s !== undefined) return s.toLowerCase() === 'true';
  throw typeException(`Invalid boolean or String: ${apexToString(t, v)}`);
}

/**
 * Decimal.valueOf: the String, Double and Long overloads (an Integer widens to Long). A Decimal argument would
 * compile against valueOf(Double) only if Apex converts Decimal to Double implicitly there, which the docs do not
 * say; it fails loudly rather than guess whether the value round-trips through a double.
 */
function decimalValueOf(args: Value[]): ApexDecimal {
  const v = single('Decimal.valueOf', args);
  const s = textOf(v);
  if (s !== undefined) return ApexDecimal.valueOf(s);
  if (typeof v === 'number') return ApexDecimal.fromInteger(v);
  if (typeof v === 'bigint') return ApexDecimal.fromLong(v);
  if (v instanceof ApexDouble) return ApexDecimal.fromDouble(v.value);
  throw new EmulatorUnsupportedError(`Decimal.valueOf of a ${typeLabel(v)}`);
}

export function registerNumberClasses(program: Program): void {
  defineBuiltin(program, {
    name: 'Integer',
    namespace: 'System',
    statics: {
      valueOf: (_t: Txn, _s: Value, a: Value[]) => integerValueOfObject(single('Integer.valueOf', a)),
    },
    methods: {
      /** format(): "Returns the integer as a string using the locale of the context user." */
      format: noArgs('Integer.format', (t, s) => integerFormat(self<number>(s), locale(t))),
    },
  });

  defineBuiltin(program, {
    name: 'Long',
    namespace: 'System',
    statics: {
      /** valueOf(stringToLong): the only overload. */
      valueOf: (_t: Txn, _s: Value, a: Value[]) => {
        arity('Long.valueOf', a, 1);
        return longValueOf(stringParam('Long.valueOf', a, 0));
      },
    },
    methods: {
      format: noArgs('Long.format', (t, s) => longFormat(self<bigint>(s), locale(t))),
      /** intValue(): "Returns the Integer value for this Long." (the low 32 bits) */
      intValue: noArgs('Long.intValue', (_t, s) => longIntValue(self<bigint>(s))),
    },
  });

  defineBuiltin(program, {
    name: 'Double',
    namespace: 'System',
    statics: {
      valueOf: (_t: Txn, _s: Value, a: Value[]) => doubleValueOfObject(single('Double.valueOf', a)),
    },
    methods: {
      format: noArgs('Double.format', (t, s) => doubleFormat(self<ApexDouble>(s).value, locale(t))),
      /** intValue(): "Returns the Integer value of this Double by casting it to an Integer." */
      intValue: noArgs('Double.intValue', (_t, s) => doubleIntValue(self<ApexDouble>(s))),
      longValue: noArgs('Double.longValue', (_t, s) => doubleLongValue(self<ApexDouble>(s))),
      /** round(): "Returns the closest Long to this Double value." (4.5 → 5, -4.7 → -5) */
      round: noArgs('Double.round', (_t, s) => doubleRound(self<ApexDouble>(s))),
    },
  });

  const dec = (s: Value): ApexDecimal => self<ApexDecimal>(s);
  defineBuiltin(program, {
    name: 'Decimal',
    namespace: 'System',
    statics: {
      valueOf: (_t: Txn, _s: Value, a: Value[]) => decimalValueOf(a),
    },
    methods: {
      abs: noArgs('Decimal.abs', (_t, s) => dec(s).abs()),
      divide: (_t, s, a) => {
        const n = arity('Decimal.divide', a, 2, 3);
        const divisor = decimalParam('Decimal.divide', a, 0);
        const scale = intParam('Decimal.divide', a, 1);
        return n === 3
          ? dec(s).divide(divisor, scale, roundingModeParam('Decimal.divide', a, 2))
          : dec(s).divide(divisor, scale);
      },
      doubleValue: noArgs('Decimal.doubleValue', (_t, s) => new ApexDouble(dec(s).doubleValue())),
      format: noArgs('Decimal.format', (t, s) => decimalFormat(dec(s), locale(t))),
      intValue: noArgs('Decimal.intValue', (_t, s) => dec(s).intValue()),
      longValue: noArgs('Decimal.longValue', (_t, s) => dec(s).longValue()),
      pow: (_t, s, a) => {
        arity('Decimal.pow', a, 1);
        return dec(s).pow(intParam('Decimal.pow', a, 0));
      },
      precision: noArgs('Decimal.precision', (_t, s) => dec(s).precision()),
      round: (_t, s, a) =>
        arity('Decimal.round', a, 0, 1) === 1 ? dec(s).round(roundingModeParam('Decimal.round', a, 0)) : dec(s).round(),
      scale: noArgs('Decimal.scale', (_t, s) => dec(s).scale),
      setScale: (_t, s, a) =>
        arity('Decimal.setScale', a, 1, 2) === 2
          ? dec(s).setScale(intParam('Decimal.setScale', a, 0), roundingModeParam('Decimal.setScale', a, 1))
          : dec(s).setScale(intParam('Decimal.setScale', a, 0)),
      stripTrailingZeros: noArgs('Decimal.stripTrailingZeros', (_t, s) => dec(s).stripTrailingZeros()),
      toPlainString: noArgs('Decimal.toPlainString', (_t, s) => dec(s).toPlainString()),
    },
  });

  defineBuiltin(program, {
    name: 'Boolean',
    namespace: 'System',
    statics: {
      valueOf: (t: Txn, _s: Value, a: Value[]) => booleanValueOf(t, a),
    },
  });
}
