// What an org has before any test runs, for the security model: the user permissions of the standard profiles, the
// permission set each profile owns, the project's permission sets with their ObjectPermissions, FieldPermissions and
// SetupEntityAccess rows, permission set groups, custom permissions, public groups, queues (with QueueSobject rows
// and their group members), roles, and the All Internal Users group. Tests see these with SeeAllData=false (Apex
// Developer Guide, "Isolation of Test Data from Organization Data in Unit Tests": setup objects such as User,
// Profile, Group, PermissionSet … are visible).
//
// Object Reference: "PermissionSet" (IsOwnedByProfile: "If true, the permission set is owned by a profile"; every
// profile has one; Type: Regular, Profile, Group …), "PermissionSetGroup" (a group's permissions are aggregated in
// a permission set of Type Group whose PermissionSetGroupId is the group: assignments of the group name that
// permission set), "ObjectPermissions", "FieldPermissions" (Field is Object.Field), "SetupEntityAccess"
// (SetupEntityId: a CustomPermission, ApexClass …), "CustomPermission", "Group" (Type Regular, Queue,
// Organization — the All Internal Users group, DeveloperName AllInternalUsers), "QueueSobject", "GroupMember",
// "UserRole".
import { EmulatorUnsupportedError } from '../errors';
import type { PermissionsMeta, QueueMeta } from '../project';
import type { Value } from '../runtime/values';
import { ApexDatetime } from '../values/Datetime';
import { ApexId } from '../values/Id';
import { BUILT_IN_PROFILES, builtInProfile, type BuiltInProfile } from './profiles';
import type { SecurityOrgWithIds } from './shareRows';
import { flag, idOf, live, lower, now, text } from './types';
import type { StoredRecord } from '../data/Database';

export interface SecuritySeed {
  /** Profile name → Profile id (the standard profiles and the project's custom profiles). */
  profiles: Map<string, string>;
  /** Profile id → the id of the permission set it owns. */
  profilePermissionSets: Map<string, string>;
  /** PermissionSet.Name → id (the project's permission sets). */
  permissionSets: Map<string, string>;
  /** PermissionSetGroup.DeveloperName → id, and → the id of its aggregate permission set. */
  permissionSetGroups: Map<string, string>;
  permissionSetGroupAggregates: Map<string, string>;
  /** CustomPermission.DeveloperName → id. */
  customPermissions: Map<string, string>;
  /** Group.DeveloperName → id for public groups and queues. */
  groups: Map<string, string>;
  queues: Map<string, string>;
  /** The All Internal Users group (Type Organization). */
  allInternalUsersGroupId: string;
  /** UserRole.DeveloperName → id. */
  roles: Map<string, string>;
}

function insert(org: SecurityOrgWithIds, objectName: string, values: Record<string, Value>): string {
  const d = org.schema.get(objectName);
  if (!d) throw new Error(`seedSecurity: the org has no ${objectName}`);
  const id = org.newId(d);
  const fields = new Map<string, Value>([['id', id]]);
  for (const [k, v] of Object.entries(values)) {
    const f = d.fields.get(k);
    if (!f) throw new Error(`seedSecurity: ${objectName}.${k} does not exist`);
    fields.set(lower(f.name), v);
  }
  const at = new ApexDatetime(now(org));
  for (const audit of ['createddate', 'lastmodifieddate', 'systemmodstamp'])
    if (d.fields.has(audit) && !fields.has(audit)) fields.set(audit, at);
  if (d.fields.has('isdeleted') && !fields.has('isdeleted')) fields.set('isdeleted', false);
  org.db.add(d, id.value, fields);
  return id.value;
}

const ref = (id: string): ApexId => ApexId.valueOf(id);

/** The user permission fields of a profile or permission set (`Permissions<Name>`) that the object has. */
function permissionFields(
  org: SecurityOrgWithIds,
  objectName: string,
  perms: Record<string, boolean>,
): Record<string, Value> {
  const d = org.schema.get(objectName);
  const out: Record<string, Value> = {};
  for (const [name, on] of Object.entries(perms)) {
    const f = d?.fields.get(`Permissions${name}`);
    if (f) out[f.name] = on;
  }
  return out;
}

/**
 * Seeds the security records. `profiles` are the Profile records the org seed already made (name → id): their
 * user permission fields are filled in here.
 */
export function seedSecurity(org: SecurityOrgWithIds, profiles: ReadonlyMap<string, string>): SecuritySeed {
  const seed: SecuritySeed = {
    profiles: new Map(profiles),
    profilePermissionSets: new Map(),
    permissionSets: new Map(),
    permissionSetGroups: new Map(),
    permissionSetGroupAggregates: new Map(),
    customPermissions: new Map(),
    groups: new Map(),
    queues: new Map(),
    allInternalUsersGroupId: '',
    roles: new Map(),
  };
  const namespace = org.project.config.namespace || null;

  for (const cp of org.project.customPermissions) {
    seed.customPermissions.set(
      lower(cp.name),
      insert(org, 'CustomPermission', {
        DeveloperName: cp.name,
        MasterLabel: cp.label ?? cp.name,
        Description: cp.description ?? null,
        IsLicensed: cp.isLicensed ?? false,
        IsProtected: false,
        NamespacePrefix: namespace,
      }),
    );
  }

  // Standard profiles: their user permissions, and the permission set each owns.
  for (const p of BUILT_IN_PROFILES) {
    const id = profiles.get(p.name);
    if (!id) throw new Error(`seedSecurity: the org seed has no ${p.name} profile`);
    const rec = org.db.get(id);
    if (!rec) throw new Error(`seedSecurity: profile ${id} is not in the database`);
    for (const [k, v] of Object.entries(permissionFields(org, 'Profile', p.userPermissions)))
      rec.fields.set(lower(k), v);
    seed.profilePermissionSets.set(id, ownedPermissionSet(org, id, p, false));
  }
  // The project's profiles: custom ones are new profiles; one named like a standard profile adds to it.
  for (const meta of org.project.profiles) {
    const builtIn = builtInProfile(meta.name);
    let profileId: string;
    if (builtIn) {
      profileId = profiles.get(builtIn.name) as string;
    } else {
      if (meta.custom === false)
        throw new EmulatorUnsupportedError(
          `standard profile ${meta.name} (the emulator models ${BUILT_IN_PROFILES.map((b) => b.name).join(', ')})`,
        );
      profileId = insert(org, 'Profile', {
        Name: meta.name,
        UserType: userTypeOfLicense(meta.userLicense),
        Description: meta.description ?? null,
        ...permissionFields(org, 'Profile', enabledUserPermissions(meta)),
      });
      seed.profiles.set(meta.name, profileId);
      seed.profilePermissionSets.set(profileId, ownedPermissionSet(org, profileId, undefined, true, meta));
    }
    const owned = seed.profilePermissionSets.get(profileId) as string;
    permissionRows(org, owned, meta, seed);
  }

  for (const p of BUILT_IN_PROFILES) {
    const owned = seed.profilePermissionSets.get(profiles.get(p.name) as string) as string;
    builtInObjectRows(org, owned, p);
    builtInFieldRows(org, owned, p);
  }

  for (const meta of org.project.permissionSets) {
    const id = insert(org, 'PermissionSet', {
      Name: meta.name,
      Label: meta.label,
      Description: meta.description ?? null,
      IsOwnedByProfile: false,
      IsCustom: true,
      HasActivationRequired: meta.hasActivationRequired ?? false,
      NamespacePrefix: namespace,
      Type: 'Regular',
      ...permissionFields(org, 'PermissionSet', enabledUserPermissions(meta)),
    });
    seed.permissionSets.set(lower(meta.name), id);
    permissionRows(org, id, meta, seed);
  }

  for (const meta of org.project.permissionSetGroups) {
    if (meta.mutingPermissionSets.length > 0)
      throw new EmulatorUnsupportedError(`muting permission sets of permission set group ${meta.name}`);
    const id = insert(org, 'PermissionSetGroup', {
      DeveloperName: meta.name,
      MasterLabel: meta.label,
      Description: meta.description ?? null,
      Status: 'Updated',
      HasActivationRequired: meta.hasActivationRequired ?? false,
      NamespacePrefix: namespace,
    });
    seed.permissionSetGroups.set(lower(meta.name), id);
    for (const name of meta.permissionSets)
      if (!seed.permissionSets.has(lower(name)))
        throw new EmulatorUnsupportedError(`permission set ${name} of group ${meta.name} (not in the project)`);
    // The group's aggregate permission set, which assignments of the group point at.
    seed.permissionSetGroupAggregates.set(
      id,
      insert(org, 'PermissionSet', {
        Name: `X${id}`,
        Label: id,
        IsOwnedByProfile: false,
        IsCustom: false,
        Type: 'Group',
        PermissionSetGroupId: ref(id),
      }),
    );
  }

  seed.allInternalUsersGroupId = insert(org, 'Group', {
    Name: 'All Internal Users',
    DeveloperName: 'AllInternalUsers',
    Type: 'Organization',
    DoesIncludeBosses: false,
    DoesSendEmailToMembers: false,
  });
  for (const g of org.project.groups) {
    seed.groups.set(
      lower(g.developerName),
      insert(org, 'Group', {
        Name: g.label,
        DeveloperName: g.developerName,
        Type: 'Regular',
        DoesIncludeBosses: g.doesIncludeBosses ?? true,
        DoesSendEmailToMembers: false,
      }),
    );
  }
  for (const q of org.project.queues) {
    const id = insert(org, 'Group', {
      Name: q.label,
      DeveloperName: q.developerName,
      Type: 'Queue',
      Email: q.email ?? null,
      DoesSendEmailToMembers: q.doesSendEmailToMembers ?? false,
      DoesIncludeBosses: false,
    });
    seed.queues.set(lower(q.developerName), id);
    for (const objectName of q.queueSobjects) {
      const d = org.schema.get(objectName);
      if (!d)
        throw new EmulatorUnsupportedError(`queue ${q.developerName} for ${objectName}, which the org does not have`);
      if (!d.hasOwner)
        throw new EmulatorUnsupportedError(`queue ${q.developerName} for ${d.name}, whose records have no owner`);
      insert(org, 'QueueSobject', { QueueId: ref(id), SobjectType: d.name });
    }
  }
  for (const q of org.project.queues) queueMembers(org, q, seed);

  // Roles exist as records; assigning one to a user makes sharing depend on the hierarchy (not modelled).
  const pendingParents: [string, string][] = [];
  for (const r of org.project.roles) {
    const id = insert(org, 'UserRole', { Name: r.label, DeveloperName: r.developerName });
    seed.roles.set(lower(r.developerName), id);
    if (r.parentRole) pendingParents.push([id, r.parentRole]);
  }
  for (const [id, parent] of pendingParents) {
    const parentId = seed.roles.get(lower(parent));
    if (!parentId) throw new EmulatorUnsupportedError(`role parent ${parent} (not in the project)`);
    org.db.get(id)?.fields.set('parentroleid', ref(parentId));
  }
  // Users the org seed made (the administrator, the Automated Process user) get their profile's assignment.
  for (const user of [...live(org.db, 'User')]) profileAssignment(org, user);
  return seed;
}

/** The standard objects whose permissions the built-in profiles' documentation states (see profiles.ts). */
const PROFILE_RULE_OBJECTS = ['Account', 'Contact', 'Opportunity', 'Lead', 'Case', 'Campaign'];

/**
 * ObjectPermissions rows of a standard profile's own permission set, so that Apex which queries them (e.g. "a
 * profile whose permission set has no row granting Read on Account") sees what an org holds: the org stores a
 * profile's object permissions as ObjectPermissions rows of the permission set it owns (Object Reference,
 * "ObjectPermissions": "ParentId — the Id of this object's parent PermissionSet"; "PermissionSet": IsOwnedByProfile).
 * Rows are made for the objects the profile rules know — the standard objects of PROFILE_RULE_OBJECTS and the
 * project's custom objects — with any access; a row the project's profile already made takes the built-in grants
 * too. Effective permissions do not change (rows only grant what the rules already grant).
 */
function builtInObjectRows(org: SecurityOrgWithIds, permissionSetId: string, p: BuiltInProfile): void {
  const names = [
    ...PROFILE_RULE_OBJECTS,
    ...[...org.project.objects.values()]
      .filter((o) => o.kind === 'custom' && o.definition !== undefined && o.definition.customSettingsType === undefined)
      .map((o) => o.name),
  ];
  const existing = new Map<string, StoredRecord>();
  for (const row of live(org.db, 'ObjectPermissions'))
    if (idOf(row.fields.get('parentid')) === permissionSetId) existing.set(lower(text(row, 'SobjectType') ?? ''), row);
  for (const name of names) {
    const d = org.schema.get(name);
    const perms = d && p.objectPermissions(d);
    if (!d || !perms) continue;
    // System Administrator has no View All Fields (README, "How a result can differ from an org").
    const values: Record<string, boolean> = {
      PermissionsRead: perms.read,
      PermissionsCreate: perms.create,
      PermissionsEdit: perms.edit,
      PermissionsDelete: perms.delete,
      PermissionsViewAllRecords: perms.viewAll,
      PermissionsModifyAllRecords: perms.modifyAll,
      PermissionsViewAllFields: false,
    };
    if (!Object.values(values).some(Boolean)) continue;
    const row = existing.get(lower(d.name));
    if (row) {
      for (const [k, v] of Object.entries(values)) if (v) row.fields.set(lower(k), true);
      continue;
    }
    insert(org, 'ObjectPermissions', { ParentId: ref(permissionSetId), SobjectType: d.name, ...values });
  }
}

/**
 * FieldPermissions rows of a standard profile's own permission set, as the ObjectPermissions rows above (Object
 * Reference, "FieldPermissions": "Represents the enabled field permissions for the parent PermissionSet"; "A
 * FieldPermissions record must have at minimum PermissionsRead set to true"; fields whose permissionable property is
 * false have no record; auto-number and formula fields "have FieldPermissions records, but … PermissionsEdit isn't
 * allowed"). Rows are made for the standard, permissionable fields of PROFILE_RULE_OBJECTS the profile's rules let
 * it read (project fields get no FLS from a standard profile, profiles.ts); a row the project's profile already made
 * takes the built-in grants too. Effective permissions do not change.
 */
function builtInFieldRows(org: SecurityOrgWithIds, permissionSetId: string, p: BuiltInProfile): void {
  const existing = new Map<string, StoredRecord>();
  for (const row of live(org.db, 'FieldPermissions'))
    if (idOf(row.fields.get('parentid')) === permissionSetId) existing.set(lower(text(row, 'Field') ?? ''), row);
  for (const name of PROFILE_RULE_OBJECTS) {
    const d = org.schema.get(name);
    if (!d) continue;
    for (const f of d.fields.list()) {
      if (!f.permissionable || f.custom || lower(f.name) === 'id') continue;
      const perms = p.standardFieldPermissions(d, f);
      if (!perms?.read) continue;
      const edit = perms.edit && !f.calculated && !f.autoNumber && (f.createable || f.updateable);
      const field = `${d.name}.${f.name}`;
      const row = existing.get(lower(field));
      if (row) {
        row.fields.set('permissionsread', true);
        if (edit) row.fields.set('permissionsedit', true);
        continue;
      }
      insert(org, 'FieldPermissions', {
        ParentId: ref(permissionSetId),
        SobjectType: d.name,
        Field: field,
        PermissionsRead: true,
        PermissionsEdit: edit,
      });
    }
  }
}

function enabledUserPermissions(meta: PermissionsMeta): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const p of meta.userPermissions) out[p.name] = p.enabled;
  return out;
}

/** The permission set a profile owns (Name X<profile id>, Label <profile id>, as orgs name them). */
function ownedPermissionSet(
  org: SecurityOrgWithIds,
  profileId: string,
  builtIn: BuiltInProfile | undefined,
  custom: boolean,
  meta?: PermissionsMeta,
): string {
  const perms = builtIn ? builtIn.userPermissions : meta ? enabledUserPermissions(meta) : {};
  return insert(org, 'PermissionSet', {
    Name: `X${profileId}`,
    Label: profileId,
    IsOwnedByProfile: true,
    IsCustom: custom,
    ProfileId: ref(profileId),
    Type: 'Profile',
    ...permissionFields(org, 'PermissionSet', perms),
  });
}

/** ObjectPermissions, FieldPermissions and SetupEntityAccess (custom permissions) rows of one permission set. */
function permissionRows(
  org: SecurityOrgWithIds,
  permissionSetId: string,
  meta: PermissionsMeta,
  seed: SecuritySeed,
): void {
  for (const op of meta.objectPermissions) {
    const d = org.schema.get(op.object);
    if (!d) throw new Error(`${meta.path}: object permissions on ${op.object}, which the org does not have`);
    insert(org, 'ObjectPermissions', {
      ParentId: ref(permissionSetId),
      SobjectType: d.name,
      PermissionsRead: op.allowRead,
      PermissionsCreate: op.allowCreate,
      PermissionsEdit: op.allowEdit,
      PermissionsDelete: op.allowDelete,
      PermissionsViewAllRecords: op.viewAllRecords,
      PermissionsModifyAllRecords: op.modifyAllRecords,
      PermissionsViewAllFields: op.viewAllFields ?? false,
    });
  }
  for (const fp of meta.fieldPermissions) {
    const dot = fp.field.indexOf('.');
    const objectName = fp.field.slice(0, dot);
    const fieldName = fp.field.slice(dot + 1);
    const d = org.schema.get(lower(objectName) === 'activity' ? 'Task' : objectName);
    const f = d?.fields.get(fieldName);
    if (!d || !f || dot < 0)
      throw new Error(`${meta.path}: field permissions on ${fp.field}, which the org does not have`);
    insert(org, 'FieldPermissions', {
      ParentId: ref(permissionSetId),
      SobjectType: lower(objectName) === 'activity' ? 'Activity' : d.name,
      Field: `${lower(objectName) === 'activity' ? 'Activity' : d.name}.${f.name}`,
      PermissionsRead: fp.readable || fp.editable,
      PermissionsEdit: fp.editable,
    });
  }
  for (const cp of meta.customPermissions) {
    if (!cp.enabled) continue;
    const cpId = seed.customPermissions.get(lower(cp.name));
    if (!cpId) throw new Error(`${meta.path}: custom permission ${cp.name}, which the project does not define`);
    insert(org, 'SetupEntityAccess', {
      ParentId: ref(permissionSetId),
      SetupEntityId: ref(cpId),
      SetupEntityType: 'CustomPermission',
    });
  }
}

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

/** Queue members from metadata (Metadata API, "Queue": queueMembers with publicGroups, users, roles …). */
function queueMembers(org: SecurityOrgWithIds, q: QueueMeta, seed: SecuritySeed): void {
  const raw = q.queueMembers as Record<string, unknown> | undefined;
  if (!raw || typeof raw !== 'object') return;
  const queueId = seed.queues.get(lower(q.developerName)) as string;
  for (const [kind, value] of Object.entries(raw)) {
    if (kind === 'publicGroups') {
      for (const entry of asList(value)) {
        for (const name of asList((entry as Record<string, unknown>).publicGroup)) {
          const groupId = typeof name === 'string' ? seed.groups.get(lower(name)) : undefined;
          if (!groupId)
            throw new EmulatorUnsupportedError(
              `queue ${q.developerName} member group ${String(name)} (not in the project)`,
            );
          insert(org, 'GroupMember', { GroupId: ref(queueId), UserOrGroupId: ref(groupId) });
        }
      }
    } else {
      throw new EmulatorUnsupportedError(
        `queue ${q.developerName} members of kind ${kind} (users and roles of a real org)`,
      );
    }
  }
}

/** Keeps the user's assignment of the profile's own permission set in line with User.ProfileId. */
export function profileAssignment(org: SecurityOrgWithIds, user: StoredRecord): void {
  const profileId = idOf(user.fields.get('profileid'));
  const owned = profileId
    ? [...live(org.db, 'PermissionSet')].find(
        (ps) => flag(ps, 'IsOwnedByProfile') && idOf(ps.fields.get('profileid')) === profileId,
      )
    : undefined;
  let found = false;
  for (const psa of [...live(org.db, 'PermissionSetAssignment')]) {
    if (idOf(psa.fields.get('assigneeid')) !== user.id) continue;
    const ps = org.db.get(idOf(psa.fields.get('permissionsetid')) ?? '');
    if (!ps || !flag(ps, 'IsOwnedByProfile')) continue;
    if (owned && ps.id === owned.id && !found) found = true;
    else org.db.purge(psa.id);
  }
  if (owned && !found)
    insert(org, 'PermissionSetAssignment', {
      AssigneeId: ref(user.id),
      PermissionSetId: ref(owned.id),
      IsActive: true,
    });
}

/** The aggregate permission set of a permission set group (made on first use for a group created at run time). */
export function groupPermissionSet(org: SecurityOrgWithIds, groupId: string): string {
  for (const ps of live(org.db, 'PermissionSet'))
    if (idOf(ps.fields.get('permissionsetgroupid')) === groupId && lower(text(ps, 'Type') ?? '') === 'group')
      return ps.id;
  return insert(org, 'PermissionSet', {
    Name: `X${groupId}`,
    Label: groupId,
    IsOwnedByProfile: false,
    IsCustom: false,
    Type: 'Group',
    PermissionSetGroupId: ref(groupId),
  });
}

/**
 * Profile.UserType from the profile's user license (Object Reference, "User", UserType: "Standard: user license. This
 * user type also includes Salesforce Platform and Salesforce Platform One user licenses"). Other licenses (portal,
 * community, Chatter, guest) are not modelled: their profiles get no UserType, and saving a user with one fails
 * loudly (data/dml/engine.ts).
 */
function userTypeOfLicense(license: string | undefined): string | null {
  const standard = ['salesforce', 'salesforce platform', 'salesforce platform one'];
  return license !== undefined && standard.includes(license.trim().toLowerCase()) ? 'Standard' : null;
}
