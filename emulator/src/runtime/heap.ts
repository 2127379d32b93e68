// An approximate heap size for Limits.getHeapSize() (Apex Reference, "Limits Class": "Returns the approximate
// amount of memory (in bytes) that has been used for the heap"). The emulator sums the values reachable from the
// transaction's roots — the statics of every initialised class and the locals and receivers of the frames on the
// stack — counting each object once: 2 bytes per String character (UTF-16), 4 for an Integer or Boolean, 8 for a
// Long, Double, Date, Datetime or Time, 8 plus the digits for a Decimal, 18 characters for an Id, the bytes of a
// Blob, and for collections, objects and sObjects their elements, fields and field values. The platform's own
// accounting is not documented, so the figure is of the same order as an org's, not equal to it; nothing
// enforces the heap limit.
import { ApexBlob } from '../values/Blob';
import { ApexDate } from '../values/Date';
import { ApexDatetime } from '../values/Datetime';
import { ApexDecimal } from '../values/Decimal';
import { ApexDouble } from '../values/Double';
import { ApexId } from '../values/Id';
import { ApexTime } from '../values/Time';
import { SObjectValue } from './sobject';
import type { Txn } from './transaction';
import { ApexList, ApexMap, ApexObject, ApexSet, type Value } from './values';

export function approximateHeapSize(txn: Txn): number {
  const seen = new Set<object>();
  let total = 0;
  const pending: Value[] = [];
  for (const statics of txn.statics.values()) pending.push(...Object.values(statics));
  for (const frame of txn.stack) {
    pending.push(frame.self, ...frame.slots);
  }
  while (pending.length > 0) {
    const v = pending.pop() ?? null;
    if (v === null) continue;
    switch (typeof v) {
      case 'string':
        total += 2 * v.length;
        continue;
      case 'number':
      case 'boolean':
        total += 4;
        continue;
      case 'bigint':
        total += 8;
        continue;
    }
    if (v instanceof ApexId) {
      total += 36;
      continue;
    }
    if (v instanceof ApexDecimal) {
      total += 8 + v.unscaled.toString().length;
      continue;
    }
    if (v instanceof ApexDouble || v instanceof ApexDate || v instanceof ApexDatetime || v instanceof ApexTime) {
      total += 8;
      continue;
    }
    if (v instanceof ApexBlob) {
      total += v.bytes.length;
      continue;
    }
    if (seen.has(v)) continue;
    seen.add(v);
    if (v instanceof ApexList) pending.push(...v.items);
    else if (v instanceof ApexSet) for (const e of v.store.entries()) pending.push(e.key);
    else if (v instanceof ApexMap) for (const e of v.store.entries()) pending.push(e.key, e.value);
    else if (v instanceof SObjectValue) {
      for (const [k, x] of v.values) {
        total += 2 * k.length;
        pending.push(x);
      }
    } else if (v instanceof ApexObject) pending.push(...Object.values(v.fields));
  }
  return total;
}
