// SObject values: a record in memory, as Apex code holds it. A record keeps only the fields that were set or
// queried; reading a field a query did not select throws System.SObjectException (Apex Developer Guide, "Working
// with SOQL Query Results": "SObject row was retrieved via SOQL without querying the requested field"), while a
// field never set on a record built in Apex reads as null. Parent records live under their relationship name
// (`Owner`), child lists under their child relationship name (`Contacts`).
import { ApexPlatformError } from '../errors';
import type { ChildRelationship, FieldDescribe, SObjectDescribe } from '../schema/types';
import type { Value } from './values';

let nextIdentity = 1;

/** A field, parent relationship or child relationship of an object, resolved from a name (case-insensitive). */
export type SObjectMember =
  | { kind: 'field'; field: FieldDescribe }
  | { kind: 'parent'; field: FieldDescribe; name: string }
  | { kind: 'children'; relationship: ChildRelationship; name: string };

const memberCache = new WeakMap<SObjectDescribe, Map<string, SObjectMember | null>>();

/** The field, parent or child relationship `name` names on `describe`, or undefined. */
export function sobjectMember(describe: SObjectDescribe, name: string): SObjectMember | undefined {
  let cache = memberCache.get(describe);
  if (!cache) {
    cache = new Map();
    memberCache.set(describe, cache);
  }
  const lower = name.toLowerCase();
  const cached = cache.get(lower);
  if (cached !== undefined) return cached ?? undefined;
  let member: SObjectMember | null = null;
  const field = describe.fields.get(lower);
  if (field) member = { kind: 'field', field };
  else {
    const parent = describe.fields.byRelationshipName(lower);
    if (parent?.relationshipName) member = { kind: 'parent', field: parent, name: parent.relationshipName };
    else {
      const child = describe.childRelationships.find((c) => c.relationshipName?.toLowerCase() === lower);
      if (child?.relationshipName) member = { kind: 'children', relationship: child, name: child.relationshipName };
    }
  }
  cache.set(lower, member);
  return member ?? undefined;
}

/** The key a member is stored under in SObjectValue.values. */
export function memberKey(member: SObjectMember): string {
  return member.kind === 'field' ? member.field.name.toLowerCase() : member.name.toLowerCase();
}

export interface RecordError {
  message: string;
  fields: string[];
  /** Set by addError(…, escape) — not modelled beyond recording it. */
  escape?: boolean;
}

export class SObjectValue {
  readonly describe: SObjectDescribe;
  /** Set and queried values by lower-case field / relationship name, in the order they were set. */
  readonly values = new Map<string, Value>();
  /** For a record from SOQL: the lower-case names the query selected. Null for records built in Apex. */
  queried: Set<string> | null = null;
  /** Trigger.new / Trigger.old in after triggers and Trigger.old everywhere are read-only. */
  readOnly = false;
  /** Errors added with addError() (in triggers they block the record's DML). */
  errors: RecordError[] = [];
  readonly identity = nextIdentity++;

  constructor(describe: SObjectDescribe) {
    this.describe = describe;
  }

  get id(): Value {
    return this.values.get('id') ?? null;
  }

  member(name: string): SObjectMember {
    const m = sobjectMember(this.describe, name);
    if (!m) throw new ApexPlatformError('System.SObjectException', `Invalid field ${name} for ${this.describe.name}`);
    return m;
  }

  /** Reads a member, refusing one a query did not select. */
  read(member: SObjectMember): Value {
    const key = memberKey(member);
    const v = this.values.get(key);
    if (v !== undefined) return v;
    if (this.queried !== null && !this.queried.has(key) && key !== 'id') {
      const name = member.kind === 'field' ? member.field.name : member.name;
      throw new ApexPlatformError(
        'System.SObjectException',
        `SObject row was retrieved via SOQL without querying the requested field: ${this.describe.name}.${name}`,
      );
    }
    return null;
  }

  get(name: string): Value {
    return this.read(this.member(name));
  }

  /** Stores a value already converted to the member's type; the caller checks writability. */
  store(member: SObjectMember, value: Value): void {
    if (this.readOnly) throw new ApexPlatformError('System.FinalException', 'Record is read-only');
    const key = memberKey(member);
    this.values.set(key, value);
    if (this.queried !== null) this.queried.add(key);
  }

  /** Whether a field was set or queried (SObject.isSet). */
  isSet(name: string): boolean {
    const m = sobjectMember(this.describe, name);
    return m !== undefined && this.values.has(memberKey(m));
  }

  /** A shallow copy (the same field values; children lists shared as the platform's clone does unless deep). */
  copy(): SObjectValue {
    const c = new SObjectValue(this.describe);
    for (const [k, v] of this.values) c.values.set(k, v);
    c.queried = this.queried ? new Set(this.queried) : null;
    return c;
  }
}
