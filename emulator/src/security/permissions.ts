// Effective permissions of a user: the profile, the permission sets assigned to the user, and the permission sets
// of the permission set groups assigned to the user.
//
// Salesforce Help, "Permission Sets": "A permission set is a collection of settings and permissions that give
// users access … Users can have only one profile but, depending on the Salesforce edition, they can have multiple
// permission sets." Help, "Permission Set Groups": a group's users get "the combined permissions of the permission
// sets in the group"; muting permission sets remove permissions (not modelled: fails loudly).
// Object Reference, "PermissionSetAssignment": AssigneeId, PermissionSetId, PermissionSetGroupId, IsActive,
// ExpirationDate (after it the assignment no longer applies). "PermissionSet": IsOwnedByProfile — every profile
// owns a permission set that holds its permissions; Permissions<Name> fields hold user permissions.
// "ObjectPermissions" / "FieldPermissions" / "SetupEntityAccess" rows hang under a permission set (ParentId).
//
// Rules of the object permissions (Object Reference, "ObjectPermissions"): PermissionsModifyAllRecords implies
// Read, Edit, Delete and View All; PermissionsViewAllRecords implies Read; PermissionsDelete implies Read and
// Edit; PermissionsEdit and PermissionsCreate imply Read. User permissions (Help, "User Permissions"): Modify All
// Data gives every object permission on every object; View All Data gives Read and View All.
// Field-level security (Object Reference, "FieldPermissions"): PermissionsEdit implies PermissionsRead; fields
// whose FLS cannot be set (required fields, master-detail fields, system fields: FieldDescribe.permissionable
// false) are readable and editable with the object permission; Id is always readable.
//
// The view is built per operation from the database (no cache across operations): DML on assignments, group
// members, permission sets or their rows is seen by the next operation.
import type { StoredRecord } from '../data/Database';
import { EmulatorUnsupportedError } from '../errors';
import type { PermissionSetMeta, PermissionSetGroupMeta, ProfileMeta } from '../project';
import { attributeKnown } from '../schema/fieldFactory';
import type { FieldDescribe, SObjectDescribe } from '../schema/types';
import { membershipOf, type Membership } from './groups';
import {
  ALL_OBJECT_ACCESS,
  builtInProfile,
  NO_OBJECT_ACCESS,
  type BuiltInProfile,
  type FieldPerms,
  type ObjectPerms,
  type PartialObjectPerms,
} from './profiles';
import { datetimeMs, flag, idOf, live, lower, now, text, type SecurityOrg } from './types';

export type ObjectOp = keyof ObjectPerms;

const PERM_KEYS: ObjectOp[] = ['read', 'create', 'edit', 'delete', 'viewAll', 'modifyAll', 'viewAllFields'];

/** Objects whose access the platform does not grant through object permissions, and how it grants it. */
type PlatformRule = (view: UserAccessView, d: SObjectDescribe) => PartialObjectPerms | undefined;

const setupRead = (view: UserAccessView): boolean => view.hasUserPermission('ViewSetup');

/**
 * Setup objects (Object Reference, each page's "Special Access Rules"): PermissionSet, ObjectPermissions,
 * FieldPermissions, SetupEntityAccess, PermissionSetGroup, Profile and CustomPermission need "View Setup and
 * Configuration" to read; PermissionSetAssignment needs "Assign Permission Sets" to create or delete; permission
 * sets and their rows need "Manage Profiles and Permission Sets" to change. User (Help, "User Fields"): every
 * internal user can read users (User OWD Public Read Only); creating users needs "Manage Internal Users".
 * UserRecordAccess is readable by every user about their own access.
 */
const PLATFORM_RULES: Record<string, PlatformRule> = {
  user: (v) => ({
    ...NO_OBJECT_ACCESS,
    read: true,
    // Users edit their own record (Help, "Edit Your Personal Information"); record access decides which.
    edit: true,
    create: v.hasUserPermission('ManageInternalUsers') || v.hasUserPermission('ManageUsers'),
  }),
  userrecordaccess: () => ({ ...NO_OBJECT_ACCESS, read: true }),
  permissionset: (v) => manageable(v, setupRead(v), 'ManageProfilesPermissionsets'),
  objectpermissions: (v) => manageable(v, setupRead(v), 'ManageProfilesPermissionsets'),
  fieldpermissions: (v) => manageable(v, setupRead(v), 'ManageProfilesPermissionsets'),
  setupentityaccess: (v) => manageable(v, setupRead(v), 'ManageProfilesPermissionsets'),
  permissionsetgroup: (v) => manageable(v, setupRead(v), 'ManageProfilesPermissionsets'),
  permissionsetassignment: (v) => manageable(v, setupRead(v), 'AssignPermissionSets'),
  profile: (v) => ({ ...NO_OBJECT_ACCESS, read: setupRead(v) }),
  custompermission: (v) => ({ ...NO_OBJECT_ACCESS, read: setupRead(v) }),
};

function manageable(view: UserAccessView, read: boolean, permission: string): PartialObjectPerms {
  const manage = view.hasUserPermission(permission);
  return { ...NO_OBJECT_ACCESS, read: read || manage, create: manage, edit: manage, delete: manage };
}

export interface AssignedPermissionSet {
  record: StoredRecord;
  /** The assignment it came from (undefined for the profile's own permission set). */
  via: 'profile' | 'assignment' | 'group';
}

export class UserAccessView {
  readonly user: StoredRecord;
  readonly profile: StoredRecord | undefined;
  readonly builtIn: BuiltInProfile | undefined;
  /** The project's metadata for the user's profile, when the project ships it. */
  readonly profileMeta: ProfileMeta | undefined;
  /** The profile's own permission set and every active assigned permission set (directly or through groups). */
  readonly permissionSets: readonly AssignedPermissionSet[];
  private readonly permissionSetIds: Set<string>;
  private membershipMemo: Membership | undefined;
  private readonly objectMemo = new Map<string, PartialObjectPerms>();
  private readonly userPermMemo = new Map<string, boolean>();
  private fieldGrantMemo: Map<string, { read: boolean; edit: boolean }> | undefined;

  constructor(
    readonly org: SecurityOrg,
    readonly userId: string,
  ) {
    const user = org.db.get(userId);
    if (!user || user.describe.name !== 'User')
      throw new EmulatorUnsupportedError(`security checks for ${userId}, which is not a User record`);
    this.user = user;
    const profileId = idOf(user.fields.get('profileid'));
    this.profile = profileId ? org.db.get(profileId) : undefined;
    const profileName = this.profile ? (text(this.profile, 'Name') ?? '') : '';
    this.builtIn = builtInProfile(profileName);
    this.profileMeta = org.project.profiles.find(
      (p) =>
        lower(p.name) === lower(profileName) || (this.builtIn && lower(p.name) === lower(this.builtIn.metadataName)),
    );
    if (!this.profile) throw new EmulatorUnsupportedError(`security checks for user ${userId} without a profile`);
    if (!this.builtIn && !this.profileMeta)
      throw new EmulatorUnsupportedError(
        `the permissions of profile ${profileName} (neither built in nor in the project)`,
      );
    this.permissionSets = assignedPermissionSets(org, user, this.profile.id);
    this.permissionSetIds = new Set(this.permissionSets.map((p) => p.record.id));
  }

  get profileName(): string {
    return this.profile ? (text(this.profile, 'Name') ?? '') : '';
  }

  /** The groups and queues the user belongs to (computed once per view). */
  membership(): Membership {
    this.membershipMemo ??= membershipOf(this.org, this.userId);
    return this.membershipMemo;
  }

  /**
   * A user permission by API name without the `Permissions` prefix (ModifyAllData, ViewAllData, ViewSetup …):
   * granted by any of the user's permission sets (PermissionSet.Permissions<Name>), the project's profile metadata,
   * or the built-in profile. Fails loudly when the built-in profile's value is not documented.
   */
  hasUserPermission(name: string): boolean {
    const key = lower(name);
    const memo = this.userPermMemo.get(key);
    if (memo !== undefined) return memo;
    const result = this.computeUserPermission(name);
    this.userPermMemo.set(key, result);
    return result;
  }

  private computeUserPermission(name: string): boolean {
    // Modify All Data includes View All Data (Help, "User Permissions": enabling Modify All Data enables View All Data).
    if (lower(name) === 'viewalldata' && this.hasUserPermission('ModifyAllData')) return true;
    const fieldName = `permissions${lower(name)}`;
    for (const ps of this.permissionSets) if (ps.record.fields.get(fieldName) === true) return true;
    const meta = this.profileMeta?.userPermissions.find((p) => lower(p.name) === lower(name));
    if (meta?.enabled) return true;
    if (this.builtIn) {
      const v = this.builtIn.userPermissions[name] ?? caseInsensitive(this.builtIn.userPermissions, name);
      if (v !== undefined) return v || meta?.enabled === true;
      if (meta) return meta.enabled;
      throw new EmulatorUnsupportedError(`user permission ${name} of the ${this.builtIn.name} profile`);
    }
    // A custom profile has what its metadata lists.
    return false;
  }

  /** Object permissions (after the implications above); flags the model cannot decide are undefined. */
  objectPermissions(describe: SObjectDescribe): PartialObjectPerms {
    const key = lower(describe.name);
    let memo = this.objectMemo.get(key);
    if (!memo) {
      memo = this.computeObjectPermissions(describe);
      this.objectMemo.set(key, memo);
    }
    return memo;
  }

  /** One object permission; fails loudly when it is not known. */
  can(describe: SObjectDescribe, op: ObjectOp): boolean {
    const v = this.objectPermissions(describe)[op];
    if (v === undefined)
      throw new EmulatorUnsupportedError(
        `the ${op} permission on ${describe.name} for the ${this.profileName} profile (not documented; grant it with a permission set)`,
      );
    return v;
  }

  private computeObjectPermissions(d: SObjectDescribe): PartialObjectPerms {
    if (this.hasUserPermission('ModifyAllData')) return { ...ALL_OBJECT_ACCESS, viewAllFields: false };
    let base: PartialObjectPerms;
    const platform = PLATFORM_RULES[lower(d.name)] ?? derivedObjectRule(d);
    if (platform) base = platform(this, d) ?? unknownPerms();
    else if (this.builtIn) base = this.builtIn.objectPermissions(d) ?? unknownPerms();
    else base = { ...NO_OBJECT_ACCESS };
    const perms: PartialObjectPerms = { ...base };
    const grant = (op: ObjectOp): void => {
      perms[op] = true;
    };
    for (const row of live(this.org.db, 'ObjectPermissions')) {
      const parent = idOf(row.fields.get('parentid'));
      if (!parent || !this.permissionSetIds.has(parent)) continue;
      if (lower(text(row, 'SobjectType') ?? '') !== lower(d.name)) continue;
      if (flag(row, 'PermissionsRead')) grant('read');
      if (flag(row, 'PermissionsCreate')) grant('create');
      if (flag(row, 'PermissionsEdit')) grant('edit');
      if (flag(row, 'PermissionsDelete')) grant('delete');
      if (flag(row, 'PermissionsViewAllRecords')) grant('viewAll');
      if (flag(row, 'PermissionsModifyAllRecords')) grant('modifyAll');
      if (flag(row, 'PermissionsViewAllFields')) grant('viewAllFields');
    }
    if (this.hasUserPermission('ViewAllData')) {
      grant('read');
      grant('viewAll');
    }
    if (perms.modifyAll) ['viewAll', 'read', 'edit', 'delete'].forEach((op) => grant(op as ObjectOp));
    if (perms.viewAll || perms.edit || perms.create || perms.delete) grant('read');
    if (perms.delete) grant('edit');
    return perms;
  }

  /**
   * Field-level security of a field (readable / editable), not counting the object permission (describeAccess.ts
   * combines them). Fails loudly where the profile's FLS is not known.
   *
   * Whether FLS applies at all is the field's `permissionable` (Object Reference, "FieldPermissions"; Apex Reference,
   * "DescribeFieldResult Class", isPermissionable()). Where that is not known (a jar-only standard field, or a
   * documented one the rules do not settle: schema/standard/fieldProperties.ts), the answer is given only when it is
   * the same either way — the user's permission sets or profile grant the access, as a field without FLS would —
   * and otherwise `check` (what asked: describe, WITH USER_MODE, stripInaccessible …) fails loudly naming the field.
   */
  fieldPermission(describe: SObjectDescribe, f: FieldDescribe, what: keyof FieldPerms, check: string): boolean {
    if (lower(f.name) === 'id') return true;
    if (attributeKnown(f, 'permissionable')) return !f.permissionable || this.fieldLevelSecurity(describe, f, what);
    if (this.fieldLevelSecurity(describe, f, what)) return true;
    throw new EmulatorUnsupportedError(
      `${check} on ${describe.name}.${f.name}: whether field-level security applies to this standard field ` +
        `(isPermissionable) is not documented, and the user's field permissions do not grant ${what} access`,
    );
  }

  /** The FLS rows and the profile's rules, for a field FLS applies to. */
  private fieldLevelSecurity(describe: SObjectDescribe, f: FieldDescribe, what: keyof FieldPerms): boolean {
    if (what === 'edit') return this.fieldEdit(describe, f);
    return this.objectPermissions(describe).viewAllFields === true || this.fieldRead(describe, f);
  }

  private fieldRead(d: SObjectDescribe, f: FieldDescribe): boolean {
    const rows = this.fieldRows(d, f);
    if (rows.read || rows.edit) return true;
    return this.baseField(d, f).read;
  }

  private fieldEdit(d: SObjectDescribe, f: FieldDescribe): boolean {
    if (this.fieldRows(d, f).edit) return true;
    return this.baseField(d, f).edit;
  }

  private fieldRows(d: SObjectDescribe, f: FieldDescribe): { read: boolean; edit: boolean } {
    const names = [`${lower(d.name)}.${lower(f.name)}`];
    // Activity custom fields are granted as Activity.<Field> (Metadata API, "Profile": fieldPermissions).
    if (lower(d.name) === 'task' || lower(d.name) === 'event') names.push(`activity.${lower(f.name)}`);
    const grants = this.fieldGrants();
    let read = false;
    let edit = false;
    for (const name of names) {
      const g = grants.get(name);
      if (g?.read) read = true;
      if (g?.edit) edit = read = true;
    }
    return { read, edit };
  }

  /** The FieldPermissions rows of the user's permission sets by lower-case `object.field` (read once per view). */
  private fieldGrants(): Map<string, { read: boolean; edit: boolean }> {
    if (this.fieldGrantMemo) return this.fieldGrantMemo;
    const grants = new Map<string, { read: boolean; edit: boolean }>();
    for (const row of live(this.org.db, 'FieldPermissions')) {
      const parent = idOf(row.fields.get('parentid'));
      if (!parent || !this.permissionSetIds.has(parent)) continue;
      const key = lower(text(row, 'Field') ?? '');
      const g = grants.get(key) ?? { read: false, edit: false };
      if (flag(row, 'PermissionsRead')) g.read = true;
      if (flag(row, 'PermissionsEdit')) g.edit = g.read = true;
      grants.set(key, g);
    }
    this.fieldGrantMemo = grants;
    return grants;
  }

  /** The profile's FLS without permission set rows: built-in rules on standard fields; nothing on project fields. */
  private baseField(d: SObjectDescribe, f: FieldDescribe): FieldPerms {
    if (!this.builtIn || f.origin === 'project') return { read: false, edit: false };
    const v = this.builtIn.standardFieldPermissions(d, f);
    if (v === undefined)
      throw new EmulatorUnsupportedError(
        `field-level security of ${d.name}.${f.name} for the ${this.builtIn.name} profile (not documented)`,
      );
    return v;
  }

  /**
   * FeatureManagement.checkPermission: whether a permission set of the user (the profile's included) grants the
   * custom permission through a SetupEntityAccess row (Object Reference, "SetupEntityAccess"; Apex Reference,
   * "FeatureManagement Class", checkPermission(apiName)). Custom permissions are never implied, not even for
   * administrators (Help, "Custom Permissions": enabled through profiles or permission sets).
   */
  hasCustomPermission(apiName: string): boolean {
    const name = stripNamespace(this.org, apiName);
    const cp = [...live(this.org.db, 'CustomPermission')].find(
      (r) => lower(text(r, 'DeveloperName') ?? '') === lower(name),
    );
    if (!cp) return false;
    return this.setupEntityGranted(cp.id);
  }

  private setupEntityGranted(entityId: string): boolean {
    for (const row of live(this.org.db, 'SetupEntityAccess')) {
      const parent = idOf(row.fields.get('parentid'));
      if (parent && this.permissionSetIds.has(parent) && idOf(row.fields.get('setupentityid')) === entityId)
        return true;
    }
    return false;
  }

  /**
   * Apex class access (Help, "Set Apex Class Access from Permission Sets"; "Author Apex": users with it reach every
   * class). Granted by classAccesses of the project's permission set and profile metadata, or a SetupEntityAccess
   * row naming an ApexClass record.
   */
  hasApexClassAccess(className: string): boolean {
    if (this.builtIn?.allApexClasses || this.hasUserPermission('AuthorApex')) return true;
    const name = lower(stripNamespace(this.org, className));
    if (this.profileMeta?.classAccesses.some((c) => c.enabled && lower(c.apexClass) === name)) return true;
    for (const ps of this.permissionSets) {
      const meta = permissionSetMeta(this.org, ps.record);
      if (meta?.classAccesses.some((c) => c.enabled && lower(c.apexClass) === name)) return true;
    }
    for (const cls of live(this.org.db, 'ApexClass'))
      if (lower(text(cls, 'Name') ?? '') === name && this.setupEntityGranted(cls.id)) return true;
    return false;
  }

  /**
   * Tab visibility from the metadata of the user's permission sets (PermissionSet tabSettings: Visible / Available
   * / None) and profile (tabVisibilities: DefaultOn / DefaultOff / Hidden). Built-in profiles' tab settings are not
   * documented: fails loudly when the permission sets do not decide.
   */
  tabVisibility(tab: string): 'Visible' | 'Available' | 'None' {
    let best: 'Visible' | 'Available' | 'None' = 'None';
    const order = { None: 0, Available: 1, Visible: 2 } as const;
    const take = (v: 'Visible' | 'Available' | 'None'): void => {
      if (order[v] > order[best]) best = v;
    };
    for (const ps of this.permissionSets) {
      const meta = permissionSetMeta(this.org, ps.record);
      const s = meta?.tabSettings.find((t) => lower(t.tab) === lower(tab));
      if (s) take(s.visibility === 'Visible' ? 'Visible' : s.visibility === 'Available' ? 'Available' : 'None');
    }
    const profileTab = profileTabVisibility(this.profileMeta, tab);
    if (profileTab) take(profileTab);
    else if (best === 'None' && this.builtIn)
      throw new EmulatorUnsupportedError(`tab ${tab} visibility for the ${this.builtIn.name} profile`);
    return best;
  }

  /** App visibility (PermissionSet / Profile applicationVisibilities). */
  appVisible(app: string): boolean {
    for (const ps of this.permissionSets) {
      const meta = permissionSetMeta(this.org, ps.record);
      if (meta?.applicationVisibilities.some((a) => a.visible && lower(a.application) === lower(app))) return true;
    }
    const p = this.profileMeta?.applicationVisibilities.find((a) => lower(a.application) === lower(app));
    if (p) return p.visible;
    if (this.builtIn) throw new EmulatorUnsupportedError(`app ${app} visibility for the ${this.builtIn.name} profile`);
    return false;
  }
}

function unknownPerms(): PartialObjectPerms {
  const p = {} as PartialObjectPerms;
  for (const k of PERM_KEYS) p[k] = undefined;
  return p;
}

function caseInsensitive(rec: Readonly<Record<string, boolean>>, name: string): boolean | undefined {
  const key = lower(name);
  for (const [k, v] of Object.entries(rec)) if (lower(k) === key) return v;
  return undefined;
}

/**
 * Share and history objects follow their parent (Object Reference, "AccountShare": "only users with access to the
 * Account object can access this object"; "<Object>__Share" likewise). Custom metadata types and custom settings:
 * read when a permission set grants the type (customMetadataTypeAccesses / customSettingAccesses); otherwise the
 * org's "Restrict access to custom metadata types / custom settings" settings decide, which are not modelled.
 */
function derivedObjectRule(d: SObjectDescribe): PlatformRule | undefined {
  if ((d.kind === 'share' || d.kind === 'history') && d.parentObject) {
    const parentName = d.parentObject;
    return (view) => {
      const parent = view.org.schema.get(parentName);
      if (!parent) return undefined;
      const read = view.objectPermissions(parent).read;
      return d.kind === 'share'
        ? { ...NO_OBJECT_ACCESS, read, create: read, edit: read, delete: read }
        : { ...NO_OBJECT_ACCESS, read };
    };
  }
  if (d.kind === 'customMetadata' || d.kind === 'customSetting') {
    return (view) => {
      for (const ps of view.permissionSets) {
        const meta = permissionSetMeta(view.org, ps.record);
        const list = d.kind === 'customMetadata' ? meta?.customMetadataTypeAccesses : meta?.customSettingAccesses;
        if (list?.some((a) => a.enabled && lower(a.name) === lower(d.name))) return { ...NO_OBJECT_ACCESS, read: true };
      }
      return { ...unknownPerms(), create: false, edit: false, delete: false, viewAll: false, modifyAll: false };
    };
  }
  return undefined;
}

function stripNamespace(org: SecurityOrg, name: string): string {
  const ns = org.project.config.namespace;
  if (!ns) return name;
  const lowerName = lower(name);
  for (const sep of ['__', '.']) if (lowerName.startsWith(lower(ns) + sep)) return name.slice(ns.length + sep.length);
  return name;
}

/** The project's metadata of a permission set record (matched by PermissionSet.Name), if it came from the project. */
export function permissionSetMeta(org: SecurityOrg, ps: StoredRecord): PermissionSetMeta | undefined {
  if (flag(ps, 'IsOwnedByProfile')) return undefined;
  const name = lower(text(ps, 'Name') ?? '');
  return org.project.permissionSets.find((p) => lower(p.name) === name);
}

export function permissionSetGroupMeta(org: SecurityOrg, psg: StoredRecord): PermissionSetGroupMeta | undefined {
  const name = lower(text(psg, 'DeveloperName') ?? '');
  return org.project.permissionSetGroups.find((p) => lower(p.name) === name);
}

function profileTabVisibility(
  meta: ProfileMeta | undefined,
  tab: string,
): 'Visible' | 'Available' | 'None' | undefined {
  if (!meta) return undefined;
  const s = meta.tabSettings.find((t) => lower(t.tab) === lower(tab));
  if (s) return s.visibility === 'Visible' ? 'Visible' : s.visibility === 'Available' ? 'Available' : 'None';
  const raw = (meta.raw ?? {}) as Record<string, unknown>;
  const list = raw.tabVisibilities;
  const entries = Array.isArray(list) ? list : list ? [list] : [];
  for (const e of entries as Record<string, unknown>[]) {
    if (typeof e.tab === 'string' && lower(e.tab) === lower(tab) && typeof e.visibility === 'string')
      return e.visibility === 'DefaultOn' ? 'Visible' : e.visibility === 'DefaultOff' ? 'Available' : 'None';
  }
  return undefined;
}

/**
 * The profile's own permission set and the user's active assignments. An assignment applies while IsActive is not
 * false and ExpirationDate is empty or in the future (Object Reference, "PermissionSetAssignment"). An assignment
 * of a permission set group brings the group's permission sets: PermissionSetGroupComponent rows when the org has
 * them, else the project's PermissionSetGroup metadata.
 */
function assignedPermissionSets(org: SecurityOrg, user: StoredRecord, profileId: string): AssignedPermissionSet[] {
  const out: AssignedPermissionSet[] = [];
  const seen = new Set<string>();
  const push = (rec: StoredRecord | undefined, via: AssignedPermissionSet['via']): void => {
    if (!rec || rec.isDeleted || seen.has(rec.id)) return;
    seen.add(rec.id);
    out.push({ record: rec, via });
  };
  for (const ps of live(org.db, 'PermissionSet'))
    if (flag(ps, 'IsOwnedByProfile') && idOf(ps.fields.get('profileid')) === profileId) push(ps, 'profile');
  const t = now(org);
  for (const psa of live(org.db, 'PermissionSetAssignment')) {
    if (idOf(psa.fields.get('assigneeid')) !== user.id) continue;
    if (psa.fields.get('isactive') === false) continue;
    const expires = datetimeMs(psa, 'ExpirationDate');
    if (expires !== null && expires <= t) continue;
    const groupId = idOf(psa.fields.get('permissionsetgroupid'));
    if (groupId) {
      for (const ps of groupComponents(org, groupId)) push(ps, 'group');
    }
    const psId = idOf(psa.fields.get('permissionsetid'));
    const ps = psId ? org.db.get(psId) : undefined;
    // The assignment of the profile's own permission set mirrors User.ProfileId, which decides (above).
    if (ps && flag(ps, 'IsOwnedByProfile')) continue;
    push(ps, groupId ? 'group' : 'assignment');
  }
  return out;
}

function groupComponents(org: SecurityOrg, groupId: string): StoredRecord[] {
  const group = org.db.get(groupId);
  if (!group || group.isDeleted) return [];
  const out: StoredRecord[] = [];
  let fromRows = false;
  if (org.schema.has('PermissionSetGroupComponent')) {
    for (const c of live(org.db, 'PermissionSetGroupComponent')) {
      if (idOf(c.fields.get('permissionsetgroupid')) !== groupId) continue;
      fromRows = true;
      const psId = idOf(c.fields.get('permissionsetid'));
      const ps = psId ? org.db.get(psId) : undefined;
      if (ps && ps.describe.name !== 'PermissionSet')
        throw new EmulatorUnsupportedError(
          `permission set group ${text(group, 'DeveloperName')} with a ${ps.describe.name} component (muting)`,
        );
      if (ps) out.push(ps);
    }
  }
  if (fromRows) return out;
  const meta = permissionSetGroupMeta(org, group);
  if (!meta) return out;
  if (meta.mutingPermissionSets.length > 0)
    throw new EmulatorUnsupportedError(`muting permission sets of permission set group ${meta.name}`);
  for (const name of meta.permissionSets) {
    const ps = [...live(org.db, 'PermissionSet')].find((p) => lower(text(p, 'Name') ?? '') === lower(name));
    if (!ps) throw new EmulatorUnsupportedError(`permission set ${name} of group ${meta.name} (not in the project)`);
    out.push(ps);
  }
  return out;
}
