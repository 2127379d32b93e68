// The Apex String class, Pattern and Matcher: bindings of the pure modules in this folder to Apex methods.
import type { Value } from '../../runtime/values';
import type { Txn } from '../../runtime/transaction';
import type { Program } from '../../runtime/program';
import { apexToString } from '../../runtime/stringify';
import { defineBuiltin } from '../define';
import { isBlank, isNotBlank } from './ApexString';

export function registerTextBindings(program: Program): void {
  defineBuiltin(program, {
    name: 'String',
    namespace: 'System',
    statics: {
      valueOf: (t: Txn, _s: Value, a: Value[]) => (a[0] === null || a[0] === undefined ? null : apexToString(t, a[0])),
      isBlank: (_t, _s, a) => isBlank((a[0] as string | null) ?? null),
      isNotBlank: (_t, _s, a) => isNotBlank((a[0] as string | null) ?? null),
    },
    methods: {
      length: (_t, s) => (s as string).length,
    },
  });
}
