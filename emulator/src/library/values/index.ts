// Apex classes of the primitive value types (Integer, Long, Double, Decimal, Boolean, Date, Datetime, Time, Blob)
// and Math, EncodingUtil, Crypto: bindings of the pure value modules in emulator/src/values to Apex methods.
import type { Value } from '../../runtime/values';
import type { Txn } from '../../runtime/transaction';
import type { Program } from '../../runtime/program';
import { ApexDecimal } from '../../values/Decimal';
import { integerValueOf } from '../../values/Integer';
import { apexToString } from '../../runtime/stringify';
import { defineBuiltin, stringArg } from '../define';
import { registerTextBindings } from '../text';

export function registerValueBindings(program: Program): void {
  defineBuiltin(program, {
    name: 'Integer',
    namespace: 'System',
    statics: {
      valueOf: (t: Txn, _s: Value, a: Value[]) => {
        const v = a[0] ?? null;
        if (v === null) return null;
        if (typeof v === 'number') return v;
        if (typeof v === 'string') return integerValueOf(v);
        return Number.parseInt(apexToString(t, v), 10);
      },
    },
    methods: { format: (t, s) => apexToString(t, s) },
  });
  defineBuiltin(program, {
    name: 'Decimal',
    namespace: 'System',
    statics: { valueOf: (_t: Txn, _s: Value, a: Value[]) => ApexDecimal.valueOf(stringArg(a, 0)) },
  });
  registerTextBindings(program);
}
