// System.UUID (Apex Reference, "UUID Class"): randomUUID() — a version 4 UUID; fromString(), toString(),
// equals(), hashCode(). Random values come from node:crypto (a UUID carries no meaning the tests may rely on).
import { randomUUID } from 'node:crypto';
import { ApexPlatformError } from '../../errors';
import type { ClassInfo } from '../../runtime/classes';
import type { Program } from '../../runtime/program';
import type { Txn } from '../../runtime/transaction';
import { ApexObject, type Value } from '../../runtime/values';
import { defineBuiltin, stringArg } from '../define';
import { javaStringHash } from '../lang/object';

const UUID_FORMAT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

let uuidClass: ClassInfo | undefined;

function text(v: Value): string {
  return (v as ApexObject).native as string;
}

export function registerUuid(program: Program): void {
  uuidClass = defineBuiltin(program, {
    name: 'UUID',
    namespace: 'System',
    statics: {
      randomUUID: () => new ApexObject(uuidClass as ClassInfo, randomUUID()),
      fromString: (_t, _s, a) => {
        const s = stringArg(a, 0);
        if (!UUID_FORMAT.test(s))
          throw new ApexPlatformError('System.IllegalArgumentException', `Invalid UUID string: ${s}`);
        return new ApexObject(uuidClass as ClassInfo, s.toLowerCase());
      },
    },
    methods: {
      toString: (_t: Txn, s: Value) => text(s),
      equals: (_t: Txn, s: Value, a: Value[]) =>
        a[0] instanceof ApexObject && a[0].cls === uuidClass && text(a[0]) === text(s),
      hashCode: (_t: Txn, s: Value) => javaStringHash(text(s)),
    },
  });
}
