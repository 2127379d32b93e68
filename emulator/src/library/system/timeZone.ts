// System.TimeZone (Apex Reference, "TimeZone Class"): getTimeZone(id), getID(), getDisplayName(), getOffset(dt)
// in milliseconds, toString() (the id). Unknown ids fall back to GMT as the platform does.
import type { Value } from '../../runtime/values';
import type { ClassInfo } from '../../runtime/classes';
import type { Program } from '../../runtime/program';
import type { Txn } from '../../runtime/transaction';
import { ApexObject } from '../../runtime/values';
import { ApexDatetime } from '../../values/Datetime';
import { javaLongZoneName, resolveJavaTimeZoneId, zoneOffsetMs } from '../../values/TimeZones';
import { defineBuiltin, stringArg } from '../define';

let timeZoneClass: ClassInfo | undefined;

export function timeZoneValue(_txn: Txn, id: string): ApexObject {
  return new ApexObject(timeZoneClass as ClassInfo, resolveJavaTimeZoneId(id));
}

export function registerTimeZone(program: Program): void {
  timeZoneClass = defineBuiltin(program, {
    name: 'TimeZone',
    namespace: 'System',
    statics: { getTimeZone: (t, _s, a) => timeZoneValue(t, stringArg(a, 0)) },
    methods: {
      getID: (_t, s) => (s as ApexObject).native as string,
      toString: (_t: Txn, s: Value) => (s as ApexObject).native as string,
      getOffset: (_t, s, a) => {
        const dt = a[0];
        const ms = dt instanceof ApexDatetime ? dt.ms : 0;
        return zoneOffsetMs((s as ApexObject).native as string, ms);
      },
      getDisplayName: (t, s) => {
        const zone = (s as ApexObject).native as string;
        return javaLongZoneName(zone, t.org.clock(), t.org.userContext(t.userId).locale.replace('_', '-'));
      },
    },
  });
}
