// System.AccessLevel (Apex Reference, "AccessLevel Class"): USER_MODE and SYSTEM_MODE, passed to Database DML and
// query methods.
import type { Value } from '../../runtime/values';
import type { Txn } from '../../runtime/transaction';
import type { AccessMode } from '../../data/query';
import type { ClassInfo } from '../../runtime/classes';
import type { Program } from '../../runtime/program';
import { ApexObject } from '../../runtime/values';
import { defineBuiltin } from '../define';

export function accessModeOf(v: ApexObject): AccessMode {
  return v.native === 'USER_MODE' ? 'USER_MODE' : 'SYSTEM_MODE';
}

export function registerAccessLevel(program: Program): void {
  const holder: { cls?: ClassInfo } = {};
  const user = (): ApexObject => new ApexObject(holder.cls as ClassInfo, 'USER_MODE');
  const system = (): ApexObject => new ApexObject(holder.cls as ClassInfo, 'SYSTEM_MODE');
  let userMode: ApexObject | undefined;
  let systemMode: ApexObject | undefined;
  holder.cls = defineBuiltin(program, {
    name: 'AccessLevel',
    namespace: 'System',
    staticProperties: {
      USER_MODE: { get: () => (userMode ??= user()) },
      SYSTEM_MODE: { get: () => (systemMode ??= system()) },
    },
    methods: { toString: (_t: Txn, s: Value) => String((s as ApexObject).native) },
  });
}
