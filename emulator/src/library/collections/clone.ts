// Copies of values: List/Map deepClone and SObject.clone (Apex Reference, "SObject Class", clone(preserveId,
// isDeepClone, preserveReadonlyTimestamps, preserveAutonumber): without preserveId the copy has no Id; read-only
// timestamps and auto numbers are dropped unless asked to keep them).
import { SObjectValue } from '../../runtime/sobject';
import type { Txn } from '../../runtime/transaction';
import { ApexList, ApexMap, type Value } from '../../runtime/values';

export interface CloneOptions {
  preserveId: boolean;
  preserveReadOnly: boolean;
  preserveAutoNumber: boolean;
}

const READ_ONLY_TIMESTAMPS = ['createddate', 'createdbyid', 'lastmodifieddate', 'lastmodifiedbyid', 'systemmodstamp'];

export function cloneSObject(rec: SObjectValue, options: CloneOptions, deep: boolean): SObjectValue {
  const copy = new SObjectValue(rec.describe);
  for (const [k, v] of rec.values) {
    if (k === 'id' && !options.preserveId) continue;
    if (!options.preserveReadOnly && READ_ONLY_TIMESTAMPS.includes(k)) continue;
    const field = rec.describe.fields.get(k);
    if (field?.autoNumber && !options.preserveAutoNumber) continue;
    copy.values.set(k, deep && v instanceof SObjectValue ? cloneSObject(v, options, true) : v);
  }
  copy.queried = rec.queried ? new Set([...rec.queried].filter((k) => copy.values.has(k) || k !== 'id')) : null;
  return copy;
}

/** A deep copy as List.deepClone and Map.deepClone make it: sObjects are cloned, other values shared. */
export function deepCloneValue(txn: Txn, v: Value, options: CloneOptions): Value {
  if (v instanceof SObjectValue) return cloneSObject(v, options, true);
  if (v instanceof ApexList)
    return new ApexList(
      v.elementType,
      v.items.map((x) => deepCloneValue(txn, x, options)),
    );
  if (v instanceof ApexMap) {
    const m = new ApexMap(v.keyType, v.valueType);
    m.store.copyFrom(v.store);
    for (const e of m.store.entries()) e.value = deepCloneValue(txn, e.value, options);
    return m;
  }
  return v;
}
