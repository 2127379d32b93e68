// System.Trigger (Apex Developer Guide, "Trigger Context Variables"): isExecuting, isInsert … isUndelete,
// isBefore, isAfter, new, newMap, old, oldMap, operationType, size — for the innermost trigger running.
// newMap is null in before insert; old and oldMap are null in insert and undelete triggers.
import { triggerStack, type TriggerContext } from '../../data/dml/triggers';
import { storePut } from '../../runtime/equality';
import type { Program } from '../../runtime/program';
import type { Txn } from '../../runtime/transaction';
import { ID_TYPE, sobjectType } from '../../runtime/types';
import { ApexList, ApexMap, type Value } from '../../runtime/values';
import { defineBuiltin, enumConstant } from '../define';

function current(txn: Txn): TriggerContext | undefined {
  const stack = triggerStack(txn);
  return stack[stack.length - 1];
}

function list(c: TriggerContext, records: TriggerContext['newRecords']): Value {
  if (!records) return null;
  return new ApexList(sobjectType(c.objectName), records);
}

function map(txn: Txn, c: TriggerContext, records: TriggerContext['newRecords']): Value {
  if (!records) return null;
  const m = new ApexMap(ID_TYPE, sobjectType(c.objectName));
  for (const r of records) storePut(txn, m.store, r.values.get('id') ?? null, r);
  return m;
}

export function registerTrigger(program: Program): void {
  const is = (test: (c: TriggerContext) => boolean) => ({
    get: (t: Txn) => {
      const c = current(t);
      return c ? test(c) : null;
    },
  });
  defineBuiltin(program, {
    name: 'Trigger',
    namespace: 'System',
    staticProperties: {
      isExecuting: { get: (t) => current(t) !== undefined },
      isInsert: is((c) => c.event.endsWith('insert')),
      isUpdate: is((c) => c.event.endsWith('update')),
      isDelete: is((c) => c.event.endsWith('delete') && !c.event.endsWith('undelete')),
      isUndelete: is((c) => c.event.endsWith('undelete')),
      isBefore: is((c) => c.event.startsWith('before')),
      isAfter: is((c) => c.event.startsWith('after')),
      new: {
        get: (t) => {
          const c = current(t);
          return c && !c.event.endsWith(' delete') ? list(c, c.newRecords) : null;
        },
      },
      old: {
        get: (t) => {
          const c = current(t);
          return c ? list(c, c.oldRecords) : null;
        },
      },
      newMap: {
        get: (t) => {
          const c = current(t);
          if (!c || c.event === 'before insert' || c.event.endsWith(' delete')) return null;
          return map(t, c, c.newRecords);
        },
      },
      oldMap: {
        get: (t) => {
          const c = current(t);
          return c ? map(t, c, c.oldRecords) : null;
        },
      },
      // Outside a trigger Trigger.size is 0, not null: mitchspano/apex-trigger-actions-framework's TriggerBase
      // computes `rowsLeftToProcess - Trigger.size` when its tests run a handler outside a trigger, and those
      // tests (TriggerBaseTest.beforeInsert_success …) pass in orgs.
      size: {
        get: (t) => {
          const c = current(t);
          return c ? (c.newRecords ?? c.oldRecords ?? []).length : 0;
        },
      },
      operationType: {
        get: (t) => {
          const c = current(t);
          return c ? enumConstant(t.program, 'System.TriggerOperation', c.event.toUpperCase().replace(' ', '_')) : null;
        },
      },
    },
  });
}
