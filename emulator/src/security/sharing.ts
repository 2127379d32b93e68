// Record access: what a user may do with one record — None, Read, Edit or All (full access).
//
// Apex Developer Guide, "Understanding Sharing" (apex_bulk_sharing_understanding.htm): administrators set each
// object's organization-wide default, then access is granted by record ownership ("The record owner is
// automatically granted Full Access"; records can be owned by a queue), the role hierarchy, sharing rules, manual
// sharing and Apex managed sharing; most of it "is maintained in a related sharing object" (`<Object>__Share`,
// AccountShare …). "Sharing a Record Using Apex": the share object does not track access "granted … through
// organization-wide defaults, the role hierarchy, and permissions such as the View All Records and Modify All
// Records permissions for the given object, View All Data, and Modify All Data"; "Objects on the detail side of a
// master-detail relationship don't have an associated sharing object. The detail record's access is determined by
// the master's sharing object and the relationship's sharing setting" (Metadata API, "CustomField":
// writeRequiresMasterRead — true: Read access on the master is enough to create, edit or delete the detail; false
// (default): Read/Write on the master is needed).
// Salesforce Help, "Organization-Wide Sharing Defaults": Private, Public Read Only (Read), Public Read/Write
// (ReadWrite), Public Read/Write/Transfer (Lead, Case), Public Full Access (Campaign), Controlled by Parent.
//
// Not modelled (fails loudly when a result depends on it): the role hierarchy (a running user with a role whose
// access could come from subordinates), sharing rules (the project ships sharingRules for the object), territories
// (territory metadata in the project: accounts, opportunities, cases, contacts and leads), implicit
// sharing between accounts and their opportunities, cases and contacts.
import type { StoredRecord } from '../data/Database';
import { EmulatorUnsupportedError } from '../errors';
import type { SObjectDescribe } from '../schema/types';
import { isGroupId } from './groups';
import type { UserAccessView } from './permissions';
import {
  atLeast,
  idOf,
  live,
  lower,
  maxLevel,
  minLevel,
  parseShareLevel,
  text,
  type AccessLevel,
  type SecurityOrg,
} from './types';

/** How an object's share rows name their record and level (Object Reference, "AccountShare", "<Object>__Share"). */
export interface ShareInfo {
  /** The share object, e.g. PlannedAction__Share, AccountShare. */
  shareObject: string;
  /** The field holding the shared record's id: ParentId (custom) or <Object>Id (standard). */
  parentField: string;
  /** The access level field: AccessLevel (custom) or <Object>AccessLevel (standard). */
  levelField: string;
}

export function shareInfo(org: SecurityOrg, describe: SObjectDescribe): ShareInfo | undefined {
  const shareObject = describe.shareObject;
  if (!shareObject) return undefined;
  const share = org.schema.get(shareObject);
  if (!share) return undefined;
  if (share.fields.has('ParentId'))
    return { shareObject: share.name, parentField: 'parentid', levelField: 'accesslevel' };
  return {
    shareObject: share.name,
    parentField: `${lower(describe.name)}id`,
    levelField: `${lower(describe.name)}accesslevel`,
  };
}

/** Whether record-level sharing restricts this object at all (it has an organization-wide default). */
export function sharingApplies(describe: SObjectDescribe): boolean {
  if (describe.kind === 'share') return true;
  return describe.sharingModel !== undefined;
}

/** The access an organization-wide default gives every user (Help, "Organization-Wide Sharing Defaults"). */
export function owdLevel(model: string): AccessLevel | 'ControlledByParent' {
  switch (lower(model)) {
    case 'private':
      return 'None';
    case 'read':
      return 'Read';
    case 'readwrite':
    case 'readwritetransfer':
      return 'Edit';
    case 'fullaccess':
      return 'All';
    case 'controlledbyparent':
      return 'ControlledByParent';
    default:
      throw new EmulatorUnsupportedError(`organization-wide default ${model}`);
  }
}

/** Share rows indexed by shared record id, one index per share object and view (per operation). */
const shareIndex = new WeakMap<UserAccessView, Map<string, Map<string, StoredRecord[]>>>();

function sharesOf(view: UserAccessView, info: ShareInfo, recordId: string): StoredRecord[] {
  let byObject = shareIndex.get(view);
  if (!byObject) {
    byObject = new Map();
    shareIndex.set(view, byObject);
  }
  let index = byObject.get(lower(info.shareObject));
  if (!index) {
    index = new Map();
    for (const row of live(view.org.db, info.shareObject)) {
      const parent = idOf(row.fields.get(info.parentField));
      if (!parent) continue;
      let list = index.get(parent);
      if (!list) {
        list = [];
        index.set(parent, list);
      }
      list.push(row);
    }
    byObject.set(lower(info.shareObject), index);
  }
  return index.get(recordId) ?? [];
}

/** Parent fields of the standard objects whose default is Controlled by Parent (Help, "Organization-Wide Sharing Defaults"). */
const STANDARD_PARENTS: Record<string, string[]> = {
  contact: ['AccountId'],
  task: ['WhatId', 'WhoId'],
  event: ['WhatId', 'WhoId'],
};

/** Objects a user reaches implicitly through an account they own (Help, "Implicit Sharing"; role settings). */
const ACCOUNT_CHILDREN = new Set(['opportunity', 'case', 'contact']);

/**
 * The user's access to a stored record. Object permissions are not part of it (UserRecordAccess and the engines
 * combine the two), except View All / Modify All (object) and View All Data / Modify All Data (user), which grant
 * record access on their own.
 */
export function recordAccess(view: UserAccessView, rec: StoredRecord, depth = 0): AccessLevel {
  if (depth > 5) throw new EmulatorUnsupportedError(`record access through more than 5 master-detail levels`);
  const d = rec.describe;
  const perms = view.objectPermissions(d);
  if (view.hasUserPermission('ModifyAllData') || perms.modifyAll === true) return 'All';
  if (d.kind === 'share') return shareRowAccess(view, rec, depth);
  if (!sharingApplies(d)) return 'All';
  let level = baseAccess(view, rec, depth);
  if (perms.viewAll === true || view.hasUserPermission('ViewAllData')) level = maxLevel(level, 'Read');
  if (level !== 'All') assertModelled(view, rec, level);
  return level;
}

function baseAccess(view: UserAccessView, rec: StoredRecord, depth: number): AccessLevel {
  const d = rec.describe;
  if (d.name === 'User') {
    // Users can edit their own user record (Help, "Edit Your Personal Information"); others follow the User OWD.
    if (rec.id === view.userId) return 'Edit';
    const owd = owdLevel(d.sharingModel ?? 'Read');
    return owd === 'ControlledByParent' ? 'None' : owd;
  }
  const owd = owdLevel(d.sharingModel ?? 'ReadWrite');
  let level: AccessLevel = 'None';
  if (d.hasOwner) {
    const owner = idOf(rec.fields.get('ownerid'));
    if (owner === view.userId) return 'All';
    // A queue (or group) owner: its members have the owner's access (the Owner share row names the queue).
    if (owner && isGroupId(owner) && view.membership().groupIds.has(owner)) return 'All';
  }
  if (owd === 'ControlledByParent') level = maxLevel(level, parentAccess(view, rec, depth));
  else level = maxLevel(level, owd);
  const info = shareInfo(view.org, d);
  if (info && level !== 'All') {
    const groups = view.membership().groupIds;
    for (const row of sharesOf(view, info, rec.id)) {
      const target = idOf(row.fields.get('userorgroupid'));
      if (!target || (target !== view.userId && !groups.has(target))) continue;
      const granted = parseShareLevel(row.fields.get(info.levelField) ?? null);
      if (granted) level = maxLevel(level, granted);
    }
  }
  return level;
}

/**
 * Controlled by Parent. Custom detail objects: access to the master (for a junction object, the lesser of both
 * masters), raised to Edit when the master-detail field has writeRequiresMasterRead and the master is readable.
 * Contact: its account (a contact without an account is private to its owner). Task / Event: the record in WhatId
 * or WhoId (an activity with neither is private to its owner).
 */
function parentAccess(view: UserAccessView, rec: StoredRecord, depth: number): AccessLevel {
  const d = rec.describe;
  const masters = d.fields.list().filter((f) => f.isMasterDetail);
  if (masters.length > 0) {
    let level: AccessLevel | undefined;
    for (const f of masters) {
      const masterId = idOf(rec.fields.get(lower(f.name)));
      const master = masterId ? view.org.db.get(masterId) : undefined;
      let p: AccessLevel = master && !master.isDeleted ? recordAccess(view, master, depth + 1) : 'None';
      if (p === 'Read' && f.writeRequiresMasterRead) p = 'Edit';
      level = level === undefined ? p : minLevel(level, p);
    }
    return level ?? 'None';
  }
  const parents = STANDARD_PARENTS[lower(d.name)];
  if (!parents) throw new EmulatorUnsupportedError(`Controlled by Parent sharing of ${d.name}`);
  const levels: AccessLevel[] = [];
  for (const fieldName of parents) {
    const parentId = idOf(rec.fields.get(lower(fieldName)));
    const parent = parentId ? view.org.db.get(parentId) : undefined;
    if (!parent || parent.isDeleted) continue;
    const p = recordAccess(view, parent, depth + 1);
    if (p === 'All')
      // The owner of the parent reaches the child by role settings (contact/activity access for account owners).
      throw new EmulatorUnsupportedError(
        `${d.name} access derived from full access to its ${parent.describe.name} (implicit sharing for the parent's owner)`,
      );
    levels.push(p);
  }
  if (levels.length === 0) return 'None';
  const first = levels[0] as AccessLevel;
  if (levels.some((l) => l !== first))
    throw new EmulatorUnsupportedError(`${d.name} access when its WhatId and WhoId records give different access`);
  return first;
}

/**
 * Objects Enterprise Territory Management gives a territory's users access to: accounts assigned to the territory
 * and, through them, opportunities, cases and contacts (Object Reference, "Territory2": AccountAccessLevel,
 * OpportunityAccessLevel, CaseAccessLevel, ContactAccessLevel — "the default … record access levels for users that
 * are assigned to the territory"), and leads ("TerritoryMgmtObjectConfig": Object — Lead).
 */
const TERRITORY_OBJECTS = new Set(['account', 'opportunity', 'case', 'contact', 'lead']);

/** Territory metadata types (Metadata API "Territory2Model", "Territory2", "Territory2Rule", "Territory2Type"). */
const TERRITORY_METADATA = new Set(['Territory2Model', 'Territory2', 'Territory2Rule', 'Territory2Type']);

/**
 * Whether the project has a territory model. (Territory2Model records made by Apex are not looked at: inserting one
 * fails loudly, the emulator knowing only its fields' names and types.)
 */
function hasTerritoryModel(org: SecurityOrg): boolean {
  return org.project.unknownMetadata.some((m) => TERRITORY_METADATA.has(m.typeGuess));
}

/** Fails loudly where the result could depend on sharing the model does not compute. */
function assertModelled(view: UserAccessView, rec: StoredRecord, level: AccessLevel): void {
  const d = rec.describe;
  const rules = view.org.project.sharingRules.find((r) => lower(r.object) === lower(d.name));
  if (rules && rules.criteriaRules.length + rules.ownerRules.length + rules.territoryRules.length > 0)
    throw new EmulatorUnsupportedError(`sharing rules on ${d.name}`);
  // Territory models are not modelled: a user assigned to a territory of the active model may reach the record.
  if (TERRITORY_OBJECTS.has(lower(d.name)) && hasTerritoryModel(view.org))
    throw new EmulatorUnsupportedError(
      `Enterprise Territory Management (territory metadata in the project): territory access to ${d.name} ${rec.id}`,
    );
  if (idOf(view.user.fields.get('userroleid')) !== null && d.hasOwner) {
    const owner = idOf(rec.fields.get('ownerid'));
    const ownerRec = owner && !isGroupId(owner) ? view.org.db.get(owner) : undefined;
    if (ownerRec && idOf(ownerRec.fields.get('userroleid')) !== null)
      throw new EmulatorUnsupportedError(`the role hierarchy (access of a user with a role to ${d.name} ${rec.id})`);
  }
  const name = lower(d.name);
  if (name === 'account' && level === 'None') {
    for (const child of ['Opportunity', 'Case', 'Contact'])
      for (const c of live(view.org.db, child))
        if (idOf(c.fields.get('accountid')) === rec.id)
          throw new EmulatorUnsupportedError(
            `implicit parent sharing of Account ${rec.id} through its ${child} records`,
          );
  }
  if (ACCOUNT_CHILDREN.has(name) && !atLeast(level, 'Edit')) {
    const accountId = idOf(rec.fields.get('accountid'));
    const account = accountId ? view.org.db.get(accountId) : undefined;
    if (account && idOf(account.fields.get('ownerid')) === view.userId)
      throw new EmulatorUnsupportedError(`implicit sharing of ${d.name} to the owner of its account`);
  }
}

/**
 * A share row itself: visible to users who can see the shared record (Object Reference, "AccountShare": "only
 * users with access to the Account object can access this object"); changing it needs full access to the record.
 */
function shareRowAccess(view: UserAccessView, row: StoredRecord, depth: number): AccessLevel {
  const parentName = row.describe.parentObject ?? row.describe.name.replace(/Share$/, '');
  const parentDescribe = view.org.schema.get(parentName);
  if (!parentDescribe) throw new EmulatorUnsupportedError(`access to ${row.describe.name} rows`);
  const info = shareInfo(view.org, parentDescribe);
  const parentId = info ? idOf(row.fields.get(info.parentField)) : null;
  const parent = parentId ? view.org.db.get(parentId) : undefined;
  if (!parent) return 'None';
  const p = recordAccess(view, parent, depth + 1);
  return p === 'All' ? 'All' : atLeast(p, 'Read') ? 'Read' : 'None';
}

/** The default access of an object, for share validation ('ControlledByParent' objects have no share object). */
export function defaultAccess(describe: SObjectDescribe): AccessLevel | 'ControlledByParent' {
  return owdLevel(describe.sharingModel ?? 'ReadWrite');
}

/** Whether an object's records are owned by queues (Help, "Queues": for custom objects, cases, leads …). */
export function queueMayOwn(org: SecurityOrg, queueId: string, objectName: string): boolean {
  for (const qs of live(org.db, 'QueueSobject'))
    if (idOf(qs.fields.get('queueid')) === queueId && lower(text(qs, 'SobjectType') ?? '') === lower(objectName))
      return true;
  return false;
}
