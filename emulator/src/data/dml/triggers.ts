// Running Apex triggers for a DML operation (Apex Developer Guide, "Triggers": "Trigger Context Variables";
// "Triggers and Order of Execution"; triggers run for at most 200 records at a time). Trigger.new in after
// triggers and Trigger.old everywhere are read-only; before-trigger changes to Trigger.new are saved.
import type { TriggerEvent } from '../../apex/ast';
import { invoke } from '../../runtime/invoke';
import type { TriggerInfo } from '../../runtime/program';
import type { SObjectValue } from '../../runtime/sobject';
import type { Txn } from '../../runtime/transaction';

export interface TriggerContext {
  event: TriggerEvent;
  objectName: string;
  newRecords: SObjectValue[] | null;
  oldRecords: SObjectValue[] | null;
}

/** The trigger contexts open in a transaction, innermost last (the library's Trigger class reads the top). */
export function triggerStack(txn: Txn): TriggerContext[] {
  return txn.state('triggerStack', () => [] as TriggerContext[]);
}

function triggersFor(txn: Txn, objectName: string, event: TriggerEvent): TriggerInfo[] {
  const lower = objectName.toLowerCase();
  return txn.program.triggers
    .filter((t) => t.object.toLowerCase() === lower && t.events.includes(event))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function hasTriggers(txn: Txn, objectName: string, event: TriggerEvent): boolean {
  return triggersFor(txn, objectName, event).length > 0;
}

/** Fires every trigger of the object for the event, 200 records at a time. */
export function fireTriggers(
  txn: Txn,
  objectName: string,
  event: TriggerEvent,
  newRecords: SObjectValue[] | null,
  oldRecords: SObjectValue[] | null,
): void {
  const triggers = triggersFor(txn, objectName, event);
  if (triggers.length === 0) return;
  const size = (newRecords ?? oldRecords ?? []).length;
  const stack = triggerStack(txn);
  for (let start = 0; start < size; start += 200) {
    const context: TriggerContext = {
      event,
      objectName,
      newRecords: newRecords ? newRecords.slice(start, start + 200) : null,
      oldRecords: oldRecords ? oldRecords.slice(start, start + 200) : null,
    };
    for (const trigger of triggers) {
      stack.push(context);
      try {
        invoke(txn, trigger.body, null, []);
      } finally {
        stack.pop();
      }
    }
  }
}
