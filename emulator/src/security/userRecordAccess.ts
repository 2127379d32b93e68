// UserRecordAccess: a user's access to a set of records (Object Reference, "UserRecordAccess",
// sforce_api_objects_userrecordaccess.htm). "This object is read only"; a query names one user and up to 200
// records ("You can query up to 200 record IDs"); "you can only query records of objects listed on the Sharing
// Settings setup page". Fields: HasReadAccess, HasEditAccess, HasDeleteAccess, HasTransferAccess, HasAllAccess
// ("whether a user can share the record"), MaxAccessLevel (None, Read, Edit, Delete, Transfer, All).
//
// The flags are the user's effective ability, so they combine the object permission and the record access (the
// record-level Edit of a share does not let a user without object Edit edit the record; Help, "Object
// Permissions": "object permissions … either respect or override sharing rules"). Delete needs full access (owner,
// Modify All) or, for a detail record, Edit on it (its master's access; Metadata API, "CustomField":
// writeRequiresMasterRead covers create, edit and delete of the detail); Transfer needs full access, or Edit under a
// Public Read/Write/Transfer default (Help, "Organization-Wide Sharing Defaults"), or Edit with "Transfer Record".
import { EmulatorUnsupportedError } from '../errors';
import { UserAccessView } from './permissions';
import { recordAccess, sharingApplies } from './sharing';
import { atLeast, lower, type SecurityOrg } from './types';

export type MaxAccessLevel = 'None' | 'Read' | 'Edit' | 'Delete' | 'Transfer' | 'All';

export interface UserRecordAccessRow {
  UserId: string;
  RecordId: string;
  HasReadAccess: boolean;
  HasEditAccess: boolean;
  HasDeleteAccess: boolean;
  HasTransferAccess: boolean;
  HasAllAccess: boolean;
  MaxAccessLevel: MaxAccessLevel;
}

/** The documented ceiling of record ids in one UserRecordAccess query. */
export const USER_RECORD_ACCESS_MAX_IDS = 200;

/** One row for (user, record). Fails loudly for records the object cannot answer for. */
export function userRecordAccess(
  org: SecurityOrg,
  userId: string,
  recordId: string,
  view?: UserAccessView,
): UserRecordAccessRow {
  const v = view ?? new UserAccessView(org, userId);
  const rec = org.db.get(recordId);
  if (!rec || rec.isDeleted)
    throw new EmulatorUnsupportedError(
      `UserRecordAccess for ${recordId}, which is not a live record (the org's answer is not documented)`,
    );
  const d = rec.describe;
  if (!sharingApplies(d) || d.kind === 'share')
    throw new EmulatorUnsupportedError(
      `UserRecordAccess on ${d.name} records (not an object of the Sharing Settings page)`,
    );
  const level = recordAccess(v, rec);
  const perms = v.objectPermissions(d);
  const has = (op: 'read' | 'edit' | 'delete'): boolean => v.can(d, op);
  const detail = !d.hasOwner && d.fields.list().some((f) => f.isMasterDetail);
  const read = atLeast(level, 'Read') && has('read');
  const edit = atLeast(level, 'Edit') && has('edit');
  const del = has('delete') && (level === 'All' || (detail && atLeast(level, 'Edit')));
  const transferByDefault = lower(d.sharingModel ?? '') === 'readwritetransfer';
  const transfer =
    d.hasOwner &&
    has('edit') &&
    (level === 'All' || (atLeast(level, 'Edit') && (transferByDefault || v.hasUserPermission('TransferAnyEntity'))));
  const all = level === 'All' && read && perms.edit === true;
  const max: MaxAccessLevel = all
    ? 'All'
    : transfer
      ? 'Transfer'
      : del
        ? 'Delete'
        : edit
          ? 'Edit'
          : read
            ? 'Read'
            : 'None';
  return {
    UserId: userId,
    RecordId: recordId,
    HasReadAccess: read,
    HasEditAccess: edit,
    HasDeleteAccess: del,
    HasTransferAccess: transfer,
    HasAllAccess: all,
    MaxAccessLevel: max,
  };
}

/**
 * The rows of `SELECT … FROM UserRecordAccess WHERE UserId = :u AND RecordId IN :ids`. More than 200 ids: the org
 * refuses the query; its message is not documented, so the emulator fails loudly rather than invent one.
 */
export function queryUserRecordAccess(
  org: SecurityOrg,
  userId: string,
  recordIds: readonly string[],
): UserRecordAccessRow[] {
  const distinct = [...new Set(recordIds)];
  if (distinct.length > USER_RECORD_ACCESS_MAX_IDS)
    throw new EmulatorUnsupportedError(
      `a UserRecordAccess query of ${distinct.length} record ids (the org allows ${USER_RECORD_ACCESS_MAX_IDS}; its error text is not documented)`,
    );
  const view = new UserAccessView(org, userId);
  return distinct.map((id) => userRecordAccess(org, userId, id, view));
}
