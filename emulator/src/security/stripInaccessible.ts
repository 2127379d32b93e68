// Security.stripInaccessible(accessCheckType, sourceRecords[, enforceRootObjectCRUD]) → SObjectAccessDecision.
//
// Apex Developer Guide, "Enforce Security with the stripInaccessible Method"
// (apex_classes_with_security_stripInaccessible.htm): the method "checks the source records for fields that don't
// meet the field-level security check for the current user … also checks the source records for lookup or
// master-detail relationship fields to which the current user doesn't have access" and "creates a return list of
// sObjects that is identical to the source records, except that the fields that are inaccessible to the current
// user are removed"; records keep their order; "Fields that aren't queried are null in the return list, without
// causing an exception"; "The ID field is never stripped"; sub-query results are stripped too; AggregateResult
// records are refused. Apex Reference, "Security Class": accessCheckType picks the check —
// "use the Schema.DescribeFieldResult methods — isCreatable(), isAccessible(), or isUpdatable()" — and
// enforceRootObjectCRUD (default true) "indicates whether an object-level access check is performed. If set to
// true and the user doesn't have the access, the method throws an exception" (System.NoAccessException).
// "SObjectAccessDecision Class": getRecords(), getRemovedFields() ("a map of sObject types to their corresponding
// inaccessible fields"), getModifiedIndexes() ("the indexes of sObjects that are modified").
import { ApexPlatformError, EmulatorUnsupportedError } from '../errors';
import { SObjectValue, sobjectMember } from '../runtime/sobject';
import { ApexList, type Value } from '../runtime/values';
import type { FieldDescribe, SObjectDescribe } from '../schema/types';
import { fieldAccessible, fieldCreateable, fieldUpdateable } from './describeAccess';
import type { UserAccessView } from './permissions';

export type AccessType = 'CREATABLE' | 'READABLE' | 'UPDATABLE' | 'UPSERTABLE';

export interface AccessDecision {
  records: SObjectValue[];
  /** Object API name → the names removed from its records. */
  removedFields: Map<string, Set<string>>;
  modifiedIndexes: Set<number>;
}

function objectAllowed(view: UserAccessView, d: SObjectDescribe, type: AccessType): boolean {
  switch (type) {
    case 'READABLE':
      return view.can(d, 'read');
    case 'CREATABLE':
      return view.can(d, 'create');
    case 'UPDATABLE':
      return view.can(d, 'edit');
    case 'UPSERTABLE':
      return view.can(d, 'create') && view.can(d, 'edit');
  }
}

function fieldAllowed(view: UserAccessView, d: SObjectDescribe, f: FieldDescribe, type: AccessType): boolean {
  const check = `Security.stripInaccessible(AccessType.${type})`;
  switch (type) {
    case 'READABLE':
      return fieldAccessible(view, d, f, check);
    case 'CREATABLE':
      return fieldCreateable(view, d, f, check);
    case 'UPDATABLE':
      return fieldUpdateable(view, d, f, check);
    case 'UPSERTABLE':
      return fieldCreateable(view, d, f, check) && fieldUpdateable(view, d, f, check);
  }
}

/**
 * Runs the check. The exception text of the root-object check is not documented: the emulator says
 * "No access to entity: <Object>" (README: "Where the text is not the org's").
 */
export function stripInaccessible(
  view: UserAccessView,
  type: AccessType,
  records: readonly (SObjectValue | null)[],
  enforceRootObjectCRUD = true,
): AccessDecision {
  const removed = new Map<string, Set<string>>();
  const modified = new Set<number>();
  const note = (d: SObjectDescribe, name: string): void => {
    let set = removed.get(d.name);
    if (!set) {
      set = new Set();
      removed.set(d.name, set);
    }
    set.add(name);
  };
  const out: SObjectValue[] = [];
  records.forEach((rec, index) => {
    if (rec === null)
      throw new ApexPlatformError('System.NullPointerException', 'Attempt to de-reference a null object');
    if (rec.describe.name === 'AggregateResult')
      throw new EmulatorUnsupportedError(
        'Security.stripInaccessible on AggregateResult records (the org throws; its exception is not documented)',
      );
    if (enforceRootObjectCRUD && !objectAllowed(view, rec.describe, type))
      throw new ApexPlatformError('System.NoAccessException', `No access to entity: ${rec.describe.name}`);
    const result = strip(view, type, rec, note);
    if (result.changed) modified.add(index);
    out.push(result.record);
  });
  return { records: out, removedFields: removed, modifiedIndexes: modified };
}

function strip(
  view: UserAccessView,
  type: AccessType,
  rec: SObjectValue,
  note: (d: SObjectDescribe, name: string) => void,
): { record: SObjectValue; changed: boolean } {
  const d = rec.describe;
  const copy = new SObjectValue(d);
  let changed = false;
  for (const [key, value] of rec.values) {
    if (key === 'id') {
      copy.values.set(key, value);
      continue;
    }
    const member = sobjectMember(d, key);
    if (!member) {
      copy.values.set(key, value);
      continue;
    }
    if (member.kind === 'field') {
      if (fieldAllowed(view, d, member.field, type)) copy.values.set(key, value);
      else {
        note(d, member.field.name);
        changed = true;
      }
    } else if (member.kind === 'parent') {
      // A relationship is kept when its field passes the check and the related object is readable.
      const parent = value instanceof SObjectValue ? value : null;
      const ok = fieldAllowed(view, d, member.field, type) && (parent === null || view.can(parent.describe, 'read'));
      if (!ok) {
        note(d, member.name);
        changed = true;
        continue;
      }
      if (parent) {
        const r = strip(view, type, parent, note);
        if (r.changed) changed = true;
        copy.values.set(key, r.record);
      } else copy.values.set(key, value);
    } else {
      const list = value instanceof ApexList ? value : null;
      const childDescribe = view.org.schema.get(member.relationship.childSObject);
      if (childDescribe && !objectAllowed(view, childDescribe, type)) {
        note(d, member.name);
        changed = true;
        continue;
      }
      if (!list) {
        copy.values.set(key, value);
        continue;
      }
      const items: Value[] = list.items.map((item) => {
        if (!(item instanceof SObjectValue)) return item;
        const r = strip(view, type, item, note);
        if (r.changed) changed = true;
        return r.record;
      });
      copy.values.set(key, new ApexList(list.elementType, items));
    }
  }
  // "Fields that aren't queried are null in the return list, without causing an exception."
  copy.queried = null;
  return { record: copy, changed };
}
