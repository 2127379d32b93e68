// One activation of an Apex method, constructor, trigger or anonymous block.
import type { MethodInfo } from './classes';
import type { Txn } from './transaction';
import type { Value } from './values';

/**
 * The sharing a frame runs with (Apex Developer Guide, "Using the with sharing, without sharing, and inherited
 * sharing Keywords"): a class's keyword, or for `inherited sharing` and classes without a keyword the caller's;
 * at an entry point `inherited sharing` runs with sharing, and an undeclared class as "Apex Security and Sharing
 * Model" (Versioned Behavior Changes) says — decided in one place, `sharingFor` in invoke.ts.
 */
export type EffectiveSharing = 'with' | 'without';

export class Frame {
  readonly slots: Value[];
  /** The current line, kept by every statement: stack traces, getLineNumber() and coverage use it. */
  line = 0;
  column = 1;
  ret: Value = null;
  /** Set by an sObject member read that found an empty parent relationship (see compile/expressions.ts). */
  nullRelationship = false;

  constructor(
    readonly txn: Txn,
    readonly method: MethodInfo,
    /** `this`: a class instance, or (for methods of SObject-less built-ins) null. */
    readonly self: Value,
    slotCount: number,
    readonly sharing: EffectiveSharing,
  ) {
    this.slots = new Array<Value>(slotCount).fill(null);
  }
}
