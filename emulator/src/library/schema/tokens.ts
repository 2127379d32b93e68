// Schema.SObjectType and Schema.SObjectField tokens (Apex Reference, "SObjectType Class", "SObjectField Class").
// A token is one object per org and type or field, so tokens compare and hash by identity as Apex tokens do
// (`Account.SObjectType == Schema.getGlobalDescribe().get('account')`).
import { ApexPlatformError } from '../../errors';
import type { ClassInfo } from '../../runtime/classes';
import type { Txn } from '../../runtime/transaction';
import { ApexObject, type Value } from '../../runtime/values';
import type { FieldDescribe, SObjectDescribe } from '../../schema/types';

export interface SObjectTypeState {
  describe: SObjectDescribe;
  toString(): string;
}

export interface SObjectFieldState {
  object: SObjectDescribe;
  field: FieldDescribe;
  toString(): string;
}

const classes: { type?: ClassInfo; field?: ClassInfo } = {};

export function setTokenClasses(type: ClassInfo, field: ClassInfo): void {
  classes.type = type;
  classes.field = field;
}

interface TokenCache {
  types: Map<string, ApexObject>;
  fields: Map<string, ApexObject>;
}

function cache(txn: Txn): TokenCache {
  return txn.org.caches('schemaTokens', () => ({ types: new Map(), fields: new Map() }) satisfies TokenCache);
}

export function sobjectTypeToken(txn: Txn, name: string): ApexObject {
  const describe = txn.org.describe(name);
  const key = describe.name.toLowerCase();
  const c = cache(txn);
  let token = c.types.get(key);
  if (!token) {
    token = new ApexObject(classes.type as ClassInfo, {
      describe,
      toString: () => describe.name,
    } satisfies SObjectTypeState);
    c.types.set(key, token);
  }
  return token;
}

export function sobjectFieldToken(txn: Txn, object: SObjectDescribe, field: FieldDescribe): ApexObject {
  const key = `${object.name}.${field.name}`.toLowerCase();
  const c = cache(txn);
  let token = c.fields.get(key);
  if (!token) {
    token = new ApexObject(classes.field as ClassInfo, {
      object,
      field,
      toString: () => field.name,
    } satisfies SObjectFieldState);
    c.fields.set(key, token);
  }
  return token;
}

export function typeStateOf(v: Value): SObjectTypeState {
  if (!(v instanceof ApexObject) || v.cls !== classes.type) {
    throw new ApexPlatformError('System.NullPointerException', 'Attempt to de-reference a null object');
  }
  return v.native as SObjectTypeState;
}

export function fieldStateOf(v: Value): SObjectFieldState {
  if (!(v instanceof ApexObject) || v.cls !== classes.field) {
    throw new ApexPlatformError('System.NullPointerException', 'Attempt to de-reference a null object');
  }
  return v.native as SObjectFieldState;
}

export function isFieldToken(v: Value): boolean {
  return v instanceof ApexObject && v.cls === classes.field;
}

/** `Account.SObjectType` or `Account.Name` (a field token); undefined when neither. */
export function sobjectMemberToken(txn: Txn, sobject: string, member: string): Value | undefined {
  const lower = member.toLowerCase();
  if (lower === 'sobjecttype') return sobjectTypeToken(txn, sobject);
  const describe = txn.org.describe(sobject);
  const field = describe.fields.get(member);
  if (field) return sobjectFieldToken(txn, describe, field);
  return undefined;
}
