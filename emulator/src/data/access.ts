// The bridge between the data engines and the security model: what a query may read and which records it sees,
// what a DML operation may write. System mode without sharing reads and writes everything (Apex Developer Guide,
// "Enforcing Sharing Rules": Apex runs in system mode); an administrator (Modify All Data) passes every check.
// Everything else is decided by the security model (emulator/src/security).
import { plainText } from '../runtime/stringify';
import { EmulatorUnsupportedError } from '../errors';
import type { EffectiveSharing } from '../runtime/frame';
import type { Txn } from '../runtime/transaction';
import type { SObjectDescribe } from '../schema/types';
import type { StoredRecord } from './Database';
import type { RowError } from './dml/validation';
import type { Value } from '../runtime/values';
import type { AccessMode } from './query';
import type { QuerySecurity } from './soql/engine';

/**
 * The access mode of a query or DML statement that names none: system mode up to API 66.0, user mode from 67.0
 * (Apex Developer Guide, "Apex Versioned Behavior Changes", API 67.0), by the version of the calling class.
 */
export function effectiveMode(txn: Txn, mode: AccessMode): AccessMode {
  if (mode !== 'default') return mode;
  const cls = txn.currentFrame?.method.cls.topLevel;
  const file = cls?.file;
  if (!file) return mode;
  const version = txn.program.apiVersionOf(file);
  return version !== undefined && version >= 67 ? 'USER_MODE' : mode;
}

export type DmlAccessOperation = 'insert' | 'update' | 'delete' | 'undelete' | 'upsert' | 'merge';

export interface DmlSecurity {
  /** Throws the org's error when the running user may not perform `op` on the object (user mode only). */
  checkObject(op: DmlAccessOperation, describe: SObjectDescribe): void;
  /** Throws when a written field is not createable/updateable for the user (user mode only). */
  checkFields(op: DmlAccessOperation, describe: SObjectDescribe, fields: string[]): void;
  /** Whether the user may change/delete this existing record (with sharing or user mode). */
  canModify(record: StoredRecord, op: DmlAccessOperation): boolean;
  /** Whether records must pass canModify at all. */
  applySharing: boolean;
  /** Before saving: share-row rules, master-detail parent access, lookups in user mode (a row error, or null). */
  checkNewValues?(
    describe: SObjectDescribe,
    values: ReadonlyMap<string, Value>,
    op: 'insert' | 'update',
  ): RowError | null;
}

/** Whether the running user has Modify All Data (the seeded System Administrator profile). */
export function isAdministrator(txn: Txn): boolean {
  const security = txn.org.security;
  if (security) return security.hasModifyAllData(txn.userId);
  const user = txn.org.db.get(txn.userId);
  const profileId = user?.fields.get('profileid');
  const profile = profileId ? txn.org.db.get(plainText(profileId)) : undefined;
  return profile?.fields.get('name') === 'System Administrator';
}

function pendingSecurityModel(what: string): never {
  throw new EmulatorUnsupportedError(`${what} for a user without Modify All Data (the security model is not loaded)`);
}

export function querySecurityFor(txn: Txn, sharing: EffectiveSharing, mode: AccessMode): QuerySecurity {
  const security = txn.org.security;
  if (security) return security.querySecurity(txn, sharing, mode);
  const applySharing = mode === 'USER_MODE' || (mode !== 'SYSTEM_MODE' && sharing === 'with');
  const admin = isAdministrator(txn);
  return {
    applySharing: applySharing && !admin,
    checkQuery: (_reads, queryMode) => {
      if (!admin && queryMode !== 'SYSTEM') pendingSecurityModel(`SOQL ${queryMode}`);
    },
    canSee: () => pendingSecurityModel('record sharing in SOQL'),
  };
}

export function dmlSecurityFor(txn: Txn, sharing: EffectiveSharing, mode: AccessMode): DmlSecurity {
  const security = txn.org.security;
  if (security) return security.dmlSecurity(txn, sharing, mode);
  const admin = isAdministrator(txn);
  const userMode = mode === 'USER_MODE';
  const applySharing = !admin && (userMode || (mode !== 'SYSTEM_MODE' && sharing === 'with'));
  return {
    applySharing,
    checkObject: () => {
      if (userMode && !admin) pendingSecurityModel('DML in user mode');
    },
    checkFields: () => {
      if (userMode && !admin) pendingSecurityModel('DML in user mode');
    },
    canModify: () => pendingSecurityModel('record sharing in DML'),
  };
}
