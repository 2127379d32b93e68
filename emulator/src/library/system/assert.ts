// System.assert* and the Assert class (Apex Reference, "System Class" and "Assert Class"). A failed assertion
// throws System.AssertException, which Apex code cannot catch ("You can't catch an assertion failure using a
// try/catch block even though it is logged as an exception").
import { isInstanceOf } from '../../runtime/conversion';
import { apexEquals } from '../../runtime/equality';
import { ApexThrow, newSystemException } from '../../runtime/exceptions';
import type { Program } from '../../runtime/program';
import { concatString, plainText } from '../../runtime/stringify';
import type { Txn } from '../../runtime/transaction';
import { TypeValue, type Value } from '../../runtime/values';
import { defineBuiltin } from '../define';

function fail(txn: Txn, message: string): never {
  throw new ApexThrow(newSystemException(txn, 'System.AssertException', message), true);
}

/** assertEquals compares Strings exactly (equals), everything else as `==` does. */
function sameValue(txn: Txn, a: Value, b: Value): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a === b;
  return apexEquals(txn, a, b);
}

function custom(args: Value[], i: number): string | undefined {
  const v = args[i];
  return v === undefined || v === null ? undefined : plainText(v);
}

function prefix(message: string | undefined): string {
  return message === undefined ? 'Assertion Failed' : `Assertion Failed: ${message}`;
}

export function assertEqualsImpl(txn: Txn, args: Value[], negate: boolean): Value {
  const [expected = null, actual = null] = args;
  const equal = sameValue(txn, expected, actual);
  if (equal !== negate) return null;
  const message = custom(args, 2);
  if (negate) fail(txn, `${prefix(message)}: Same value: ${concatString(txn, actual)}`);
  fail(txn, `${prefix(message)}: Expected: ${concatString(txn, expected)}, Actual: ${concatString(txn, actual)}`);
}

export function assertTrueImpl(txn: Txn, args: Value[], expected: boolean): Value {
  const [condition = null] = args;
  if (condition === expected) return null;
  const message = custom(args, 1);
  fail(txn, message === undefined ? 'Assertion Failed' : `Assertion Failed: ${message}`);
}

export function registerAssert(program: Program): void {
  defineBuiltin(program, {
    name: 'Assert',
    namespace: 'System',
    statics: {
      areEqual: (t, _s, a) => assertEqualsImpl(t, a, false),
      areNotEqual: (t, _s, a) => assertEqualsImpl(t, a, true),
      isTrue: (t, _s, a) => assertTrueImpl(t, a, true),
      isFalse: (t, _s, a) => assertTrueImpl(t, a, false),
      isNull: (t, _s, a) => {
        if (a[0] === null || a[0] === undefined) return null;
        const message = custom(a, 1);
        return fail(t, `${prefix(message)}: Expected: null, Actual: ${concatString(t, a[0])}`);
      },
      isNotNull: (t, _s, a) => {
        if (a[0] !== null && a[0] !== undefined) return null;
        return fail(t, `${prefix(custom(a, 1))}: Expected: not null, Actual: null`);
      },
      fail: (t, _s, a) => fail(t, custom(a, 0) ?? 'Assertion Failed'),
      isInstanceOfType: (t, _s, a) => {
        const type = a[1];
        if (type instanceof TypeValue && isInstanceOf(a[0] ?? null, type.type)) return null;
        return fail(
          t,
          `${prefix(custom(a, 2))}: Expected instance of ${type instanceof TypeValue ? concatString(t, type) : 'a type'}`,
        );
      },
      isNotInstanceOfType: (t, _s, a) => {
        const type = a[1];
        if (type instanceof TypeValue && !isInstanceOf(a[0] ?? null, type.type)) return null;
        return fail(
          t,
          `${prefix(custom(a, 2))}: Expected not an instance of ${type instanceof TypeValue ? concatString(t, type) : 'a type'}`,
        );
      },
    },
  });
}
