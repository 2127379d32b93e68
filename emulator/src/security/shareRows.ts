// The rules of share rows themselves: what may be inserted into `<Object>__Share` / AccountShare …, and the rows the
// platform keeps for record owners.
//
// Apex Developer Guide, "Sharing a Record Using Apex" (apex_bulk_sharing_creating_with_apex.htm) and "Understanding
// Apex Managed Sharing": a share object exists only for objects whose default access is Private or Public Read
// Only; each row has ParentId (or <Object>Id), UserOrGroupId (a user or a group), AccessLevel (Read, Edit; All is
// the owner's and cannot be granted) and RowCause (Manual, or one of the object's Apex sharing reasons; "Apex
// managed sharing is maintained across record owner changes", manual sharing is not). Object Reference,
// "AccountShare" / "StandardObjectNameShare": "You can only create, edit, and delete sharing entries for standard
// objects whose RowCause field is set to Manual." "AccountShare": the access level "must be set to an access level
// that is at least equal to the organization's default … [and] higher than the organization's default access
// level" — an insert at the default is refused with FIELD_INTEGRITY_EXCEPTION "field integrity exception:
// AccessLevel (trivial share level Read, for organization with default level Read)" (the org's text as reported;
// sfactsabhishek.blogspot.com "Salesforce Fact #930").
// Sharing a record with its owner is refused with INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY (an org report:
// michaelwelburn.com, "APEX Sharing and Record Owners"). Creating a manual share needs full access to the record
// when sharing is enforced (Help, "Grant Access to Records": the owner, users above in the role hierarchy, users
// with Modify All; "Understanding Apex Managed Sharing": only users with Modify All Data add or change Apex managed
// sharing) — code running without sharing (system mode) is not checked.
import type { StoredRecord } from '../data/Database';
import { EmulatorUnsupportedError } from '../errors';
import type { Value } from '../runtime/values';
import type { SObjectDescribe } from '../schema/types';
import type { ApexId } from '../values/Id';
import { ApexId as Id } from '../values/Id';
import { isGroupId } from './groups';
import type { UserAccessView } from './permissions';
import { defaultAccess, recordAccess, shareInfo, type ShareInfo } from './sharing';
import { idOf, live, lower, parseShareLevel, rank, text, type AccessLevel, type SecurityOrg } from './types';

/** A per-row DML error in the shape the DML engine reports (Database.Error). */
export interface RowError {
  statusCode: string;
  message: string;
  fields: string[];
}

export interface SecurityOrgWithIds extends SecurityOrg {
  newId(describe: SObjectDescribe): ApexId;
}

/** The object a share object belongs to, and how its rows are laid out. */
export function shareTarget(org: SecurityOrg, share: SObjectDescribe): { parent: SObjectDescribe; info: ShareInfo } {
  const parentName = share.parentObject ?? share.name.replace(/Share$/, '');
  const parent = org.schema.get(parentName);
  const info = parent ? shareInfo(org, parent) : undefined;
  if (!parent || !info) throw new EmulatorUnsupportedError(`share object ${share.name} (its object is not known)`);
  return { parent, info };
}

/**
 * Validates one share row about to be inserted (or updated). `view` is the running user when sharing is enforced
 * (with sharing, user mode), null in system mode without sharing. Returns the org's error, or null.
 */
export function checkShareWrite(
  org: SecurityOrg,
  share: SObjectDescribe,
  values: ReadonlyMap<string, Value>,
  view: UserAccessView | null,
  op: 'insert' | 'update',
): RowError | null {
  const { parent, info } = shareTarget(org, share);
  const custom = share.fields.has('ParentId');
  const levelField = custom ? 'AccessLevel' : `${parent.name}AccessLevel`;
  const rowCause = op === 'insert' ? (values.get('rowcause') ?? 'Manual') : values.get('rowcause');
  if (op === 'insert' && typeof rowCause === 'string' && lower(rowCause) !== 'manual') {
    if (!custom) {
      // Standard objects: only Manual rows can be created (Object Reference, "StandardObjectNameShare").
      throw new EmulatorUnsupportedError(
        `inserting ${share.name} rows with RowCause ${rowCause} (the org refuses; its message is not documented)`,
      );
    }
    if (!parent.sharingReasons.some((r) => lower(r.name) === lower(rowCause)))
      return {
        statusCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
        message: `bad value for restricted picklist field: ${rowCause}`,
        fields: ['RowCause'],
      };
  }
  const level = parseShareLevel(values.get(info.levelField) ?? null);
  if (level === undefined) {
    if (op === 'update' && !values.has(info.levelField)) return null;
    return {
      statusCode: 'REQUIRED_FIELD_MISSING',
      message: `Required fields are missing: [${levelField}]`,
      fields: [levelField],
    };
  }
  if (level === 'All' || level === 'None')
    throw new EmulatorUnsupportedError(
      `a ${share.name} row with ${levelField} ${level} (the org refuses it; its message is not documented)`,
    );
  const owd = defaultAccess(parent);
  if (owd !== 'ControlledByParent' && rank(level) <= rank(owd))
    return {
      statusCode: 'FIELD_INTEGRITY_EXCEPTION',
      message: `field integrity exception: ${levelField} (trivial share level ${level}, for organization with default level ${owd})`,
      fields: [levelField],
    };
  if (op === 'update') return null;
  const parentId = idOf(values.get(info.parentField) ?? null);
  const record = parentId ? org.db.get(parentId) : undefined;
  if (!record || record.isDeleted || record.describe !== parent)
    return { statusCode: 'INVALID_CROSS_REFERENCE_KEY', message: 'invalid cross reference id', fields: [] };
  const target = idOf(values.get('userorgroupid') ?? null);
  const targetRec = target ? org.db.get(target) : undefined;
  if (
    !target ||
    !targetRec ||
    targetRec.isDeleted ||
    (targetRec.describe.name !== 'User' && targetRec.describe.name !== 'Group')
  )
    return { statusCode: 'INVALID_CROSS_REFERENCE_KEY', message: 'invalid cross reference id', fields: [] };
  if (targetRec.describe.name === 'User' && targetRec.fields.get('isactive') === false)
    throw new EmulatorUnsupportedError(
      `sharing ${parent.name} ${record.id} with an inactive user (the org's error is not documented)`,
    );
  if (parent.hasOwner && idOf(record.fields.get('ownerid')) === target)
    return {
      statusCode: 'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY',
      message: 'insufficient access rights on cross-reference id',
      fields: [],
    };
  if (view && recordAccess(view, record) !== 'All')
    return {
      statusCode: 'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY',
      message: 'insufficient access rights on cross-reference id',
      fields: [],
    };
  const cause = typeof rowCause === 'string' ? rowCause : 'Manual';
  for (const row of live(org.db, share.name)) {
    if (idOf(row.fields.get(info.parentField)) !== record.id || idOf(row.fields.get('userorgroupid')) !== target)
      continue;
    if (lower(text(row, 'RowCause') ?? '') === lower(cause))
      throw new EmulatorUnsupportedError(
        `inserting a ${share.name} row that repeats an existing one (same record, user or group and RowCause; the org's handling is not documented)`,
      );
  }
  return null;
}

/**
 * The Owner row a share object holds for each record of a Private / Read object (RowCause Owner, AccessLevel All,
 * UserOrGroupId the owner — a user or a queue). The DML engine calls this after an insert; it adds the row.
 */
export function addOwnerShare(org: SecurityOrgWithIds, record: StoredRecord): void {
  const info = shareInfo(org, record.describe);
  const owner = idOf(record.fields.get('ownerid'));
  if (!info || !owner) return;
  const share = org.schema.get(info.shareObject);
  if (!share) return;
  const id = org.newId(share);
  const fields = new Map<string, Value>([
    ['id', id],
    [info.parentField, Id.valueOf(record.id)],
    ['userorgroupid', Id.valueOf(owner)],
    [info.levelField, 'All'],
    ['rowcause', 'Owner'],
  ]);
  for (const audit of ['lastmodifieddate', 'lastmodifiedbyid'])
    if (share.fields.has(audit)) fields.set(audit, record.fields.get(audit) ?? null);
  if (share.fields.has('isdeleted')) fields.set('isdeleted', false);
  org.db.add(share, id.value, fields);
}

/**
 * After an owner change: the Owner row names the new owner, and manual shares are removed (Help, "Sharing Records
 * Manually"; ADG "Understanding Apex Managed Sharing": Apex managed sharing "is maintained across record owner
 * changes", so rows with an Apex sharing reason stay).
 */
export function ownerChanged(org: SecurityOrgWithIds, record: StoredRecord): void {
  const info = shareInfo(org, record.describe);
  if (!info) return;
  const owner = idOf(record.fields.get('ownerid'));
  let ownerRowSeen = false;
  for (const row of [...live(org.db, info.shareObject)]) {
    if (idOf(row.fields.get(info.parentField)) !== record.id) continue;
    const cause = lower(text(row, 'RowCause') ?? '');
    if (cause === 'owner') {
      ownerRowSeen = true;
      if (owner) row.fields.set('userorgroupid', Id.valueOf(owner));
    } else if (cause === 'manual') {
      org.db.purge(row.id);
    }
  }
  if (!ownerRowSeen) addOwnerShare(org, record);
}

/** Whether a share row may be deleted by the user (sharing enforced): full access to the shared record. */
export function canDeleteShare(view: UserAccessView, row: StoredRecord): boolean {
  return recordAccess(view, row) === 'All';
}

/** The level a share row grants, for tests and UserRecordAccess explanations. */
export function shareLevel(org: SecurityOrg, row: StoredRecord): AccessLevel | undefined {
  const { info } = shareTarget(org, row.describe);
  return parseShareLevel(row.fields.get(info.levelField) ?? null);
}

/** Whether an id could be a share target. */
export function isShareTarget(org: SecurityOrg, id: string): boolean {
  const rec = org.db.get(id);
  return rec !== undefined && (rec.describe.name === 'User' || (isGroupId(id) && rec.describe.name === 'Group'));
}
