// System.Math (Apex Reference, "Math Class", apex_methods_system_math.htm): the static properties E and PI (Double)
// and every static method with its overloads — abs (Integer, Long, Double, Decimal), acos, asin, atan, atan2, cbrt,
// ceil, cos, cosh, exp, floor, log, log10, rint, signum, sin, sinh, sqrt, tan, tanh (Double and Decimal, each
// returning its argument's type), max and min (Integer, Long, Double, Decimal), mod (Integer, Long), pow (Double),
// random (Double), round (Decimal and Double → Integer) and roundToLong (Decimal and Double → Long).
// The overload is chosen from the run-time argument types by the number hierarchy (args.ts, pickNumericOverload).
import type { NativeMethod } from '../../runtime/classes';
import type { Program } from '../../runtime/program';
import type { Value } from '../../runtime/values';
import { ApexDecimal } from '../../values/Decimal';
import { ApexDouble } from '../../values/Double';
import * as M from '../../values/Math';
import { defineBuiltin } from '../define';
import {
  arity,
  DECIMAL,
  decimalParam,
  DOUBLE,
  doubleParam,
  INTEGER,
  intParam,
  LONG,
  longParam,
  noArgs,
  pickNumericOverload,
} from './args';

/** A one-argument function with a Double and a Decimal overload (each returning its own type, or both `R`). */
function doubleOrDecimal(name: string, dbl: (d: ApexDouble) => Value, dec: (d: ApexDecimal) => Value): NativeMethod {
  const method = `Math.${name}`;
  return (_t, _s, a) => {
    arity(method, a, 1);
    return pickNumericOverload(method, a, [DOUBLE, DECIMAL]) === DOUBLE
      ? dbl(doubleParam(method, a, 0))
      : dec(decimalParam(method, a, 0));
  };
}

/** max / min over Integer, Long, Double and Decimal pairs. */
function pairOfAnyNumber(
  name: string,
  fns: {
    int: (a: number, b: number) => number;
    long: (a: bigint, b: bigint) => bigint;
    dbl: (a: ApexDouble, b: ApexDouble) => ApexDouble;
    dec: (a: ApexDecimal, b: ApexDecimal) => ApexDecimal;
  },
): NativeMethod {
  const method = `Math.${name}`;
  return (_t, _s, a) => {
    arity(method, a, 2);
    switch (pickNumericOverload(method, a, [INTEGER, LONG, DOUBLE, DECIMAL])) {
      case INTEGER:
        return fns.int(intParam(method, a, 0), intParam(method, a, 1));
      case LONG:
        return fns.long(longParam(method, a, 0), longParam(method, a, 1));
      case DOUBLE:
        return fns.dbl(doubleParam(method, a, 0), doubleParam(method, a, 1));
      default:
        return fns.dec(decimalParam(method, a, 0), decimalParam(method, a, 1));
    }
  };
}

export function registerMath(program: Program): void {
  defineBuiltin(program, {
    name: 'Math',
    namespace: 'System',
    staticProperties: {
      /** E: "Returns the mathematical constant e, which is the base of natural logarithms." (Double) */
      E: { get: () => M.MATH_E },
      /** PI: "Returns the mathematical constant pi, which is the ratio of the circumference of a circle to its
       * diameter." (Double) */
      PI: { get: () => M.MATH_PI },
    },
    statics: {
      abs: (_t, _s, a) => {
        arity('Math.abs', a, 1);
        switch (pickNumericOverload('Math.abs', a, [INTEGER, LONG, DOUBLE, DECIMAL])) {
          case INTEGER:
            return M.absInteger(intParam('Math.abs', a, 0));
          case LONG:
            return M.absLong(longParam('Math.abs', a, 0));
          case DOUBLE:
            return M.absDouble(doubleParam('Math.abs', a, 0));
          default:
            return M.absDecimal(decimalParam('Math.abs', a, 0));
        }
      },
      acos: doubleOrDecimal('acos', M.acosDouble, M.acosDecimal),
      asin: doubleOrDecimal('asin', M.asinDouble, M.asinDecimal),
      atan: doubleOrDecimal('atan', M.atanDouble, M.atanDecimal),
      /**
       * atan2(xCoordinate, yCoordinate): "computes the phase theta by computing an arc tangent of
       * xCoordinate/yCoordinate in the range of -pi to pi" — Java's Math.atan2 with the arguments in this order.
       */
      atan2: (_t, _s, a) => {
        arity('Math.atan2', a, 2);
        return pickNumericOverload('Math.atan2', a, [DOUBLE, DECIMAL]) === DOUBLE
          ? M.atan2Double(doubleParam('Math.atan2', a, 0), doubleParam('Math.atan2', a, 1))
          : M.atan2Decimal(decimalParam('Math.atan2', a, 0), decimalParam('Math.atan2', a, 1));
      },
      cbrt: doubleOrDecimal('cbrt', M.cbrtDouble, M.cbrtDecimal),
      ceil: doubleOrDecimal('ceil', M.ceilDouble, M.ceilDecimal),
      cos: doubleOrDecimal('cos', M.cosDouble, M.cosDecimal),
      cosh: doubleOrDecimal('cosh', M.coshDouble, M.coshDecimal),
      exp: doubleOrDecimal('exp', M.expDouble, M.expDecimal),
      floor: doubleOrDecimal('floor', M.floorDouble, M.floorDecimal),
      log: doubleOrDecimal('log', M.logDouble, M.logDecimal),
      log10: doubleOrDecimal('log10', M.log10Double, M.log10Decimal),
      max: pairOfAnyNumber('max', { int: M.maxInteger, long: M.maxLong, dbl: M.maxDouble, dec: M.maxDecimal }),
      min: pairOfAnyNumber('min', { int: M.minInteger, long: M.minLong, dbl: M.minDouble, dec: M.minDecimal }),
      /** mod(Integer, Integer) → Integer; mod(Long, Long) → Long. */
      mod: (_t, _s, a) => {
        arity('Math.mod', a, 2);
        return pickNumericOverload('Math.mod', a, [INTEGER, LONG]) === INTEGER
          ? M.modInteger(intParam('Math.mod', a, 0), intParam('Math.mod', a, 1))
          : M.modLong(longParam('Math.mod', a, 0), longParam('Math.mod', a, 1));
      },
      /** pow(doubleValue, exponent) → Double: the only overload. */
      pow: (_t, _s, a) => {
        arity('Math.pow', a, 2);
        pickNumericOverload('Math.pow', a, [DOUBLE]);
        return M.powDouble(doubleParam('Math.pow', a, 0), doubleParam('Math.pow', a, 1));
      },
      /** random(): "Returns a positive Double that is greater than or equal to 0.0 and less than 1.0." */
      random: noArgs('Math.random', () => M.random(Math.random)),
      rint: doubleOrDecimal('rint', M.rintDouble, M.rintDecimal),
      round: doubleOrDecimal('round', M.roundDouble, M.roundDecimal),
      roundToLong: doubleOrDecimal('roundToLong', M.roundToLongDouble, M.roundToLongDecimal),
      signum: doubleOrDecimal('signum', M.signumDouble, M.signumDecimal),
      sin: doubleOrDecimal('sin', M.sinDouble, M.sinDecimal),
      sinh: doubleOrDecimal('sinh', M.sinhDouble, M.sinhDecimal),
      sqrt: doubleOrDecimal('sqrt', M.sqrtDouble, M.sqrtDecimal),
      tan: doubleOrDecimal('tan', M.tanDouble, M.tanDecimal),
      tanh: doubleOrDecimal('tanh', M.tanhDouble, M.tanhDecimal),
    },
  });
}
