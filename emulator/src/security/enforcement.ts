// The API the interpreter, the SOQL engine and the DML engine call. Every function is pure over (org state, user):
// it builds a UserAccessView from the database for the operation and keeps nothing afterwards.
//
// Modes (Apex Developer Guide, "Set an Access Mode for Database Operations" / "Enforce User Mode for Database
// Operations", apex_classes_enforce_usermode.htm): "Field-level security (FLS) and object permissions of the
// running user are respected in user mode, unlike in system mode. User mode always applies sharing rules, but in
// system mode they're controlled by sharing keywords on the class." Until API 66.0 a database operation without
// a mode runs in system mode; from API 67.0 in user mode (Apex Developer Guide, "Apex Versioned Behavior Changes":
// "Database Operations in User Mode by Default"; see defaultAccessMode).
// SOQL in user mode "processes all clauses … including the WHERE clause" and "finds all FLS errors" (getInaccessible-
// Fields); WITH SECURITY_ENFORCED ("Filter SOQL Queries Using WITH SECURITY_ENFORCED") checks "fields and objects
// referenced in SELECT or FROM" and throws "System.QueryException: Insufficient permissions: secure query included
// inaccessible field".
//
// Error texts (README.md lists where each comes from): user-mode SOQL on an unreadable field — QueryException
// "No such column '<Field>' on entity '<Object>'. If you are attempting to use a custom field, be sure to append the
// '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.";
// on an unreadable object — "sObject type '<Object>' is not supported. If you are attempting to use a custom
// object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for
// the appropriate names."; user-mode DML without the object permission — SecurityException "Access to entity
// '<Object>' denied"; user-mode DML writing a field without FLS edit — DmlException "Operation failed due to fields
// being inaccessible on Sobject <Object>, check errors on Exception or Result!" (getDmlFieldNames lists the
// fields); a change to a record without access — INSUFFICIENT_ACCESS_OR_READONLY "insufficient access rights on
// object id"; a detail record whose master is not writable — INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY
// "insufficient access rights on cross-reference id".
import type { StoredRecord } from '../data/Database';
import { ApexPlatformError, EmulatorUnsupportedError } from '../errors';
import type { Value } from '../runtime/values';
import type { SObjectDescribe } from '../schema/types';
import {
  fieldAccessible,
  fieldCreateable,
  fieldDescribeAccess,
  fieldUpdateable,
  objectAccessible,
  objectDescribeAccess,
  type FieldDescribeAccess,
  type ObjectDescribeAccess,
} from './describeAccess';
import { classAccessRefusalMessage, type EntryPointKind } from './classAccess';
import { UserAccessView } from './permissions';
import { checkShareWrite, ownerChanged, addOwnerShare, type RowError, type SecurityOrgWithIds } from './shareRows';
import { recordAccess, sharingApplies } from './sharing';
import { stripInaccessible, type AccessDecision, type AccessType } from './stripInaccessible';
import { groupPermissionSet, profileAssignment } from './seedSecurity';
import { atLeast, idOf, lower, type SecurityOrg } from './types';
import { queryUserRecordAccess, type UserRecordAccessRow } from './userRecordAccess';
import type { SObjectValue } from '../runtime/sobject';

/** What the running code runs as (the interpreter's view of one call). */
export interface SecurityContext {
  userId: string;
  /** The effective sharing of the calling frame. */
  sharing: 'with' | 'without';
  /** The operation's access mode: 'default' is what the class's API version makes it (see defaultAccessMode). */
  mode: 'default' | 'USER_MODE' | 'SYSTEM_MODE';
}

export type QueryMode = 'USER_MODE' | 'SECURITY_ENFORCED' | 'SYSTEM';
export type DmlAccessOperation = 'insert' | 'update' | 'delete' | 'undelete' | 'upsert' | 'merge';

/** A QueryException from a user-mode query, with what QueryException.getInaccessibleFields() returns. */
export class QueryAccessError extends ApexPlatformError {
  constructor(
    message: string,
    /** Object API name → inaccessible field names (empty for WITH SECURITY_ENFORCED). */
    readonly inaccessibleFields: Map<string, Set<string>>,
  ) {
    super('System.QueryException', message);
  }
}

/** A DmlException from user-mode DML, with the status code and fields its getDmlType / getDmlFieldNames report. */
export class DmlAccessError extends ApexPlatformError {
  constructor(
    message: string,
    readonly statusCode: string,
    readonly fields: string[],
  ) {
    super('System.DmlException', message);
  }
}

/**
 * The access mode of a database operation without an explicit one, by the API version of the class (ADG "Apex
 * Versioned Behavior Changes", Version 67.0: "Apex runs in user context by default … In API version 66.0 and
 * earlier, system mode is the default").
 */
export function defaultAccessMode(apiVersion: number): 'USER_MODE' | 'SYSTEM_MODE' {
  return apiVersion >= 67 ? 'USER_MODE' : 'SYSTEM_MODE';
}

/** Whether sharing restricts an operation: always in user mode, otherwise the class's keyword decides. */
export function sharingEnforced(sharing: 'with' | 'without', mode: 'default' | 'USER_MODE' | 'SYSTEM_MODE'): boolean {
  return mode === 'USER_MODE' || sharing === 'with';
}

// ------------------------------------------------------------------------------------------------------ SOQL

function noSuchColumn(field: string, object: string): string {
  return (
    `No such column '${field}' on entity '${object}'. If you are attempting to use a custom field, be sure to ` +
    `append the '__c' after the custom field name. Please reference your WSDL or the describe call for the ` +
    `appropriate names.`
  );
}

function notSupported(object: string): string {
  return (
    `sObject type '${object}' is not supported. If you are attempting to use a custom object, be sure to append ` +
    `the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`
  );
}

export const SECURITY_ENFORCED_MESSAGE = 'Insufficient permissions: secure query included inaccessible field';

/**
 * The object and field checks of a query (the SOQL engine's QuerySecurity.checkQuery). USER_MODE: every read of
 * every clause; SECURITY_ENFORCED: the reads of SELECT and FROM (the engine passes only those). SYSTEM: nothing.
 */
export function checkQueryReads(
  view: UserAccessView,
  reads: readonly { object: string; fields: string[] }[],
  mode: QueryMode,
): void {
  if (mode === 'SYSTEM') return;
  const inaccessible = new Map<string, Set<string>>();
  let firstObject: string | undefined;
  let firstField: { object: string; field: string } | undefined;
  for (const read of reads) {
    const d = view.org.schema.get(read.object);
    if (!d) throw new EmulatorUnsupportedError(`access check of a query on ${read.object}`);
    if (!objectAccessible(view, d)) {
      firstObject ??= d.name;
      const set = inaccessible.get(d.name) ?? new Set<string>();
      for (const f of read.fields) set.add(d.fields.get(f)?.name ?? f);
      inaccessible.set(d.name, set);
      continue;
    }
    for (const name of read.fields) {
      const f = d.fields.get(name);
      if (!f) throw new EmulatorUnsupportedError(`access check of ${read.object}.${name}`);
      if (fieldAccessible(view, d, f, mode === 'USER_MODE' ? 'a user-mode query' : 'WITH SECURITY_ENFORCED')) continue;
      firstField ??= { object: d.name, field: f.name };
      const set = inaccessible.get(d.name) ?? new Set<string>();
      set.add(f.name);
      inaccessible.set(d.name, set);
    }
  }
  if (firstObject === undefined && firstField === undefined) return;
  if (mode === 'SECURITY_ENFORCED') throw new QueryAccessError(SECURITY_ENFORCED_MESSAGE, new Map());
  if (firstObject !== undefined) throw new QueryAccessError(notSupported(firstObject), inaccessible);
  const ff = firstField as { object: string; field: string };
  throw new QueryAccessError(noSuchColumn(ff.field, ff.object), inaccessible);
}

/** Whether sharing lets the user see a record (the row filter of with sharing and user-mode queries). */
export function canSeeRecord(view: UserAccessView, rec: StoredRecord): boolean {
  if (!sharingApplies(rec.describe)) return true;
  return atLeast(recordAccess(view, rec), 'Read');
}

// ------------------------------------------------------------------------------------------------------- DML

const DML_OBJECT_OP: Record<DmlAccessOperation, ('create' | 'edit' | 'delete')[]> = {
  insert: ['create'],
  update: ['edit'],
  upsert: ['create', 'edit'],
  delete: ['delete'],
  undelete: ['delete'],
  merge: ['edit', 'delete'],
};

/** User-mode DML: the object permission of the operation, or System.SecurityException. */
export function checkDmlObject(view: UserAccessView, op: DmlAccessOperation, d: SObjectDescribe): void {
  for (const need of DML_OBJECT_OP[op])
    if (!view.can(d, need))
      throw new ApexPlatformError('System.SecurityException', `Access to entity '${d.name}' denied`);
}

/** User-mode DML: the fields written that the user may not create (insert) or edit (update). */
export function inaccessibleWrittenFields(
  view: UserAccessView,
  op: 'insert' | 'update',
  d: SObjectDescribe,
  fieldNames: readonly string[],
): string[] {
  const out: string[] = [];
  for (const name of fieldNames) {
    if (lower(name) === 'id') continue;
    const f = d.fields.get(name);
    if (!f) continue;
    const ok =
      op === 'insert' ? fieldCreateable(view, d, f, `user-mode ${op}`) : fieldUpdateable(view, d, f, `user-mode ${op}`);
    if (!ok) out.push(f.name);
  }
  return out;
}

/** User-mode DML: throws the org's DmlException when a written field fails FLS. */
export function checkDmlFields(
  view: UserAccessView,
  op: DmlAccessOperation,
  d: SObjectDescribe,
  fieldNames: readonly string[],
): void {
  if (op !== 'insert' && op !== 'update') return;
  const bad = inaccessibleWrittenFields(view, op, d, fieldNames);
  if (bad.length === 0) return;
  throw new DmlAccessError(
    `Operation failed due to fields being inaccessible on Sobject ${d.name}, check errors on Exception or Result!`,
    // The per-row status code is the API's for a field FLS does not let the user write (not verified in Apex).
    'INVALID_FIELD_FOR_INSERT_UPDATE',
    bad,
  );
}

/**
 * Whether the user may change an existing record (sharing enforced): update needs Edit; delete and undelete need
 * full access, or Edit on a detail record (its master's); a share row needs full access to the shared record.
 */
export function canModifyRecord(view: UserAccessView, rec: StoredRecord, op: DmlAccessOperation): boolean {
  if (!sharingApplies(rec.describe)) return true;
  const level = recordAccess(view, rec);
  if (rec.describe.kind === 'share') return level === 'All';
  if (op === 'update' || op === 'upsert') return atLeast(level, 'Edit');
  const detail = !rec.describe.hasOwner && rec.describe.fields.list().some((f) => f.isMasterDetail);
  return level === 'All' || (detail && atLeast(level, 'Edit'));
}

const CROSS_REFERENCE: RowError = {
  statusCode: 'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY',
  message: 'insufficient access rights on cross-reference id',
  fields: [],
};

/**
 * A new (or reparented) record's references, when sharing is enforced: a detail record needs Edit on its master,
 * or Read when the master-detail field has writeRequiresMasterRead (Metadata API, "CustomField"); in user mode a
 * lookup must name a record the user can read. Share rows are validated by checkShareWrite. Returns the row error.
 */
export function checkRecordReferences(
  view: UserAccessView,
  d: SObjectDescribe,
  values: ReadonlyMap<string, Value>,
  userMode: boolean,
): RowError | null {
  for (const f of d.fields.list()) {
    if (f.type !== 'REFERENCE' || !values.has(lower(f.name))) continue;
    const targetId = idOf(values.get(lower(f.name)) ?? null);
    if (!targetId) continue;
    const target = view.org.db.get(targetId);
    if (!target || target.isDeleted) continue;
    if (f.isMasterDetail) {
      const level = recordAccess(view, target);
      const needed = f.writeRequiresMasterRead ? 'Read' : 'Edit';
      if (!atLeast(level, needed)) return { ...CROSS_REFERENCE, fields: [f.name] };
    } else if (userMode && lower(f.name) !== 'ownerid' && !canSeeRecord(view, target)) {
      return { ...CROSS_REFERENCE, fields: [f.name] };
    }
  }
  return null;
}

// --------------------------------------------------------------------------------------------- entry points

export type { EntryPointKind } from './classAccess';

export interface EntryPointRefusal {
  kind: EntryPointKind;
  /** REST: HTTP 403 with `[{"errorCode":"FORBIDDEN","message":…}]`. */
  httpStatus?: number;
  errorCode?: string;
  message: string;
}

/**
 * Apex REST, @AuraEnabled and invocable methods run as the calling user and need access to their class (Help, "Set
 * Apex Class Access from Permission Sets"). The org's answers (classAccess.ts, with the reports they come from):
 * REST — 403 FORBIDDEN "You do not have access to the Apex class named: <Class>"; Lightning — "You do not have
 * access to the Apex class named '<Class>'."; invocable actions the Lightning text (not verified).
 */
export function entryPointRefusal(
  org: SecurityOrg,
  userId: string,
  className: string,
  kind: EntryPointKind,
): EntryPointRefusal | null {
  const view = new UserAccessView(org, userId);
  if (view.hasApexClassAccess(className)) return null;
  const message = classAccessRefusalMessage(className, kind);
  if (kind === 'rest') return { kind, httpStatus: 403, errorCode: 'FORBIDDEN', message };
  return { kind, message };
}

// ------------------------------------------------------------------------------------------- the org's model

/** Structural shape of what the engines pass in (the interpreter's Txn has it). */
export interface RunningUser {
  userId: string;
}

export interface QuerySecurityImpl {
  checkQuery(reads: { object: string; fields: string[] }[], mode: QueryMode): void;
  canSee(record: StoredRecord): boolean;
  applySharing: boolean;
}

export interface DmlSecurityImpl {
  applySharing: boolean;
  checkObject(op: DmlAccessOperation, describe: SObjectDescribe): void;
  checkFields(op: DmlAccessOperation, describe: SObjectDescribe, fields: string[]): void;
  canModify(record: StoredRecord, op: DmlAccessOperation): boolean;
  /** Before saving a new record (or the changed references of an update): the row error, or null. */
  checkNewValues(
    describe: SObjectDescribe,
    values: ReadonlyMap<string, Value>,
    op: 'insert' | 'update',
  ): RowError | null;
}

/**
 * The security model of one org: `org.security = new SecurityModel(org)`. Methods take the running user and the
 * call's sharing and mode, and answer from the database as it is now.
 */
export class SecurityModel {
  constructor(readonly org: SecurityOrgWithIds) {}

  view(userId: string): UserAccessView {
    return new UserAccessView(this.org, userId);
  }

  hasModifyAllData(userId: string): boolean {
    return this.view(userId).hasUserPermission('ModifyAllData');
  }

  /** The SOQL engine's QuerySecurity for one query. `mode` is the call's access level (the engine adds WITH). */
  querySecurity(
    txn: RunningUser,
    sharing: 'with' | 'without',
    mode: 'default' | 'USER_MODE' | 'SYSTEM_MODE',
  ): QuerySecurityImpl {
    const view = this.view(txn.userId);
    const admin = view.hasUserPermission('ModifyAllData');
    return {
      applySharing: sharingEnforced(sharing, mode),
      checkQuery: (reads, queryMode) => checkQueryReads(view, reads, queryMode),
      canSee: (rec) => admin || canSeeRecord(view, rec),
    };
  }

  /**
   * The DML engine's checks for one statement or Database call. Each check reads the database as it is then (a
   * trigger of the same statement may have shared records or assigned permission sets in between).
   */
  dmlSecurity(
    txn: RunningUser,
    sharing: 'with' | 'without',
    mode: 'default' | 'USER_MODE' | 'SYSTEM_MODE',
  ): DmlSecurityImpl {
    const userId = txn.userId;
    const userMode = mode === 'USER_MODE';
    const applySharing = sharingEnforced(sharing, mode);
    const admin = this.view(userId).hasUserPermission('ModifyAllData');
    return {
      applySharing,
      checkObject: (op, d) => {
        if (userMode) checkDmlObject(this.view(userId), op, d);
      },
      checkFields: (op, d, fields) => {
        if (userMode) checkDmlFields(this.view(userId), op, d, fields);
      },
      canModify: (rec, op) => admin || canModifyRecord(this.view(userId), rec, op),
      checkNewValues: (d, values, op) => {
        if (d.kind === 'share')
          return checkShareWrite(this.org, d, values, applySharing ? this.view(userId) : null, op);
        if (!applySharing || admin) return null;
        return checkRecordReferences(this.view(userId), d, values, userMode);
      },
    };
  }

  /** After a record is inserted: the Owner share row of a Private / Read object. */
  recordInserted(rec: StoredRecord): void {
    addOwnerShare(this.org, rec);
  }

  /** After a record's OwnerId changed: the Owner row follows, manual shares go. */
  ownerChanged(rec: StoredRecord): void {
    ownerChanged(this.org, rec);
  }

  /**
   * After a User is inserted or its ProfileId changed: the assignment of the profile's own permission set, which
   * every user has (Object Reference, "PermissionSetAssignment": assignments include the one of the permission set
   * owned by the user's profile, PermissionSet.IsOwnedByProfile).
   */
  userSaved(user: StoredRecord): void {
    profileAssignment(this.org, user);
  }

  /**
   * The permission set a PermissionSetAssignment of a permission set group points at: the group's aggregate
   * permission set (PermissionSet.Type Group, PermissionSetGroupId). The DML engine fills PermissionSetId with it
   * when an assignment names only PermissionSetGroupId. Creates it for a group inserted at run time.
   */
  permissionSetOfGroup(groupId: string): string {
    return groupPermissionSet(this.org, groupId);
  }

  describeObject(userId: string, d: SObjectDescribe): ObjectDescribeAccess {
    return objectDescribeAccess(this.view(userId), d);
  }

  describeField(userId: string, d: SObjectDescribe, fieldName: string): FieldDescribeAccess {
    const f = d.fields.get(fieldName);
    if (!f) throw new EmulatorUnsupportedError(`describe of ${d.name}.${fieldName}`);
    return fieldDescribeAccess(this.view(userId), d, f);
  }

  /**
   * Org.security.objectPermission: DescribeSObjectResult isAccessible / isCreateable / isUpdateable / isDeletable for
   * the user (the platform's own flags included).
   */
  objectPermission(userId: string, object: string, what: 'read' | 'create' | 'edit' | 'delete'): boolean {
    const d = this.org.schema.get(object);
    if (!d) throw new EmulatorUnsupportedError(`describe permissions of ${object}`);
    const view = this.view(userId);
    if (what === 'read') return objectAccessible(view, d);
    const a = objectDescribeAccess(view, d);
    return what === 'create' ? a.createable : what === 'edit' ? a.updateable : a.deletable;
  }

  /** Org.security.fieldPermission: DescribeFieldResult isAccessible / isUpdateable ('edit') / isCreateable. */
  fieldPermission(userId: string, object: string, fieldName: string, what: 'read' | 'edit' | 'create'): boolean {
    const d = this.org.schema.get(object);
    const f = d?.fields.get(fieldName);
    if (!d || !f) throw new EmulatorUnsupportedError(`describe permissions of ${object}.${fieldName}`);
    const view = this.view(userId);
    if (what === 'read') return fieldAccessible(view, d, f);
    return what === 'create' ? fieldCreateable(view, d, f) : fieldUpdateable(view, d, f);
  }

  /** Org.security.hasCustomPermission: FeatureManagement.checkPermission(apiName). */
  hasCustomPermission(userId: string, apiName: string): boolean {
    return this.view(userId).hasCustomPermission(apiName);
  }

  /** Org.security.canRunApexClass: Apex class access for REST, @AuraEnabled and invocable entry points. */
  canRunApexClass(userId: string, className: string): boolean {
    return this.view(userId).hasApexClassAccess(className);
  }

  /** FeatureManagement.checkPermission(apiName). */
  checkPermission(userId: string, apiName: string): boolean {
    return this.view(userId).hasCustomPermission(apiName);
  }

  stripInaccessible(
    userId: string,
    type: AccessType,
    records: readonly (SObjectValue | null)[],
    enforceRootObjectCRUD = true,
  ): AccessDecision {
    return stripInaccessible(this.view(userId), type, records, enforceRootObjectCRUD);
  }

  userRecordAccess(userId: string, recordIds: readonly string[]): UserRecordAccessRow[] {
    return queryUserRecordAccess(this.org, userId, recordIds);
  }

  entryPointRefusal(userId: string, className: string, kind: EntryPointKind): EntryPointRefusal | null {
    return entryPointRefusal(this.org, userId, className, kind);
  }
}
