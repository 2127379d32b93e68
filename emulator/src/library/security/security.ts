// Security.stripInaccessible (Apex Reference, "Security Class", "SObjectAccessDecision Class", "AccessType Enum"):
// copies of the records without the fields the running user cannot access for the given operation, with the
// names of the removed fields per object and the indexes of the records that changed.
import { ApexPlatformError, EmulatorUnsupportedError } from '../../errors';
import { storePut } from '../../runtime/equality';
import type { ClassInfo } from '../../runtime/classes';
import type { Program } from '../../runtime/program';
import { SObjectValue } from '../../runtime/sobject';
import { GENERIC_SOBJECT_TYPE, INTEGER_TYPE, setOf, STRING_TYPE } from '../../runtime/types';
import { ApexList, ApexMap, ApexObject, ApexSet, EnumValue } from '../../runtime/values';
import type { AccessDecision, AccessType } from '../../security/stripInaccessible';
import { defineBuiltin } from '../define';

let decisionClass: ClassInfo | undefined;

export function registerSecurity(program: Program): void {
  defineBuiltin(program, {
    name: 'AccessType',
    namespace: 'System',
    kind: 'enum',
    enumValues: ['CREATABLE', 'READABLE', 'UPDATABLE', 'UPSERTABLE'],
  });
  decisionClass = defineBuiltin(program, {
    name: 'SObjectAccessDecision',
    namespace: 'System',
    methods: {
      getRecords: (_t, s) => {
        const d = (s as ApexObject).native as AccessDecision & { elementType: ApexList['elementType'] };
        return new ApexList(d.elementType, [...d.records]);
      },
      getRemovedFields: (t, s) => {
        const d = (s as ApexObject).native as AccessDecision;
        const m = new ApexMap(STRING_TYPE, setOf(STRING_TYPE));
        for (const [object, fields] of d.removedFields) {
          const set = new ApexSet(STRING_TYPE);
          for (const f of fields) storePut(t, set.store, f, null);
          storePut(t, m.store, object, set);
        }
        return m;
      },
      getModifiedIndexes: (t, s) => {
        const d = (s as ApexObject).native as AccessDecision;
        const set = new ApexSet(INTEGER_TYPE);
        for (const i of d.modifiedIndexes) storePut(t, set.store, i, null);
        return set;
      },
    },
  });
  defineBuiltin(program, {
    name: 'Security',
    namespace: 'System',
    statics: {
      stripInaccessible: (t, _s, a) => {
        const type = a[0];
        const records = a[1];
        if (!(type instanceof EnumValue) || !(records instanceof ApexList)) {
          throw new ApexPlatformError('System.NullPointerException', 'Argument cannot be null.');
        }
        const security = t.org.security;
        if (!security?.stripInaccessible)
          throw new EmulatorUnsupportedError('Security.stripInaccessible (no security model)');
        const enforce = a.length > 2 ? a[2] === true : true;
        const values = records.items.map((r) => (r instanceof SObjectValue || r === null ? r : null));
        const decision = security.stripInaccessible(t.userId, type.name as AccessType, values, enforce);
        return new ApexObject(decisionClass as ClassInfo, {
          ...decision,
          elementType: records.elementType ?? GENERIC_SOBJECT_TYPE,
        });
      },
    },
  });
}
