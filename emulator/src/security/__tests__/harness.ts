// A small org for the security model's tests: a project's schema, a database, the standard profiles and an
// administrator (as the org seed makes them), then seedSecurity. Records go straight into the database.
import { join } from 'node:path';
import { Database, type StoredRecord } from '../../data/Database';
import { loadProject, type ProjectMetadata } from '../../project';
import type { Value } from '../../runtime/values';
import { OrgSchema } from '../../schema';
import type { SObjectDescribe } from '../../schema/types';
import { ApexDatetime } from '../../values/Datetime';
import { ApexId, IdGenerator } from '../../values/Id';
import { UserAccessView } from '../permissions';
import { seedSecurity, type SecuritySeed } from '../seedSecurity';
import type { SecurityOrgWithIds } from '../shareRows';

export const FIXTURE = join(__dirname, 'fixtures', 'sec');
export const REPO = join(__dirname, '..', '..', '..', '..');

const projects = new Map<string, { project: ProjectMetadata; schema: OrgSchema }>();

function projectAt(dir: string): { project: ProjectMetadata; schema: OrgSchema } {
  let p = projects.get(dir);
  if (!p) {
    const project = loadProject(dir);
    p = { project, schema: new OrgSchema(project) };
    projects.set(dir, p);
  }
  return p;
}

export class SecOrg implements SecurityOrgWithIds {
  readonly db = new Database();
  readonly schema: OrgSchema;
  readonly project: ProjectMetadata;
  private readonly ids = new IdGenerator('xx');
  nowMs = Date.UTC(2026, 0, 15, 12, 0, 0);
  readonly clock = (): number => this.nowMs;
  readonly profiles = new Map<string, string>();
  readonly seed: SecuritySeed;
  readonly adminId: string;
  private userCount = 0;

  constructor(dir: string = FIXTURE) {
    const p = projectAt(dir);
    this.project = p.project;
    this.schema = p.schema;
    for (const name of ['System Administrator', 'Standard User', 'Read Only', 'Minimum Access - Salesforce'])
      this.profiles.set(name, this.insertRaw('Profile', { Name: name, UserType: 'Standard' }).id);
    this.adminId = this.user('System Administrator');
    this.seed = seedSecurity(this, this.profiles);
  }

  newId(d: SObjectDescribe): ApexId {
    if (!d.keyPrefix) throw new Error(`no key prefix for ${d.name}`);
    return this.ids.next(d.keyPrefix);
  }

  private insertRaw(objectName: string, values: Record<string, Value>): StoredRecord {
    const d = this.schema.get(objectName);
    if (!d) throw new Error(`no object ${objectName}`);
    const id = this.newId(d);
    const fields = new Map<string, Value>([['id', id]]);
    for (const [k, v] of Object.entries(values)) {
      const f = d.fields.get(k);
      if (!f) throw new Error(`no field ${objectName}.${k}`);
      fields.set(f.name.toLowerCase(), f.type === 'REFERENCE' && typeof v === 'string' ? ApexId.valueOf(v) : v);
    }
    if (d.fields.has('createddate')) fields.set('createddate', new ApexDatetime(this.nowMs));
    return this.db.add(d, id.value, fields);
  }

  /** Inserts a record; an owned record defaults to the administrator as owner. */
  insert(objectName: string, values: Record<string, Value> = {}): StoredRecord {
    const d = this.schema.get(objectName);
    const v = { ...values };
    if (d?.hasOwner && v.OwnerId === undefined) v.OwnerId = this.adminId;
    if (d?.fields.has('Name') && v.Name === undefined && d.fields.get('Name')?.createable)
      v.Name = `${objectName} ${this.db.count(objectName) + 1}`;
    return this.insertRaw(objectName, v);
  }

  user(profile: string, extra: Record<string, Value> = {}): string {
    this.userCount += 1;
    const profileId = this.profiles.get(profile) ?? this.seed.profiles.get(profile);
    if (!profileId) throw new Error(`no profile ${profile}`);
    return this.insertRaw('User', {
      LastName: `User${this.userCount}`,
      Username: `user${this.userCount}@sec.test`,
      Email: `user${this.userCount}@sec.test`,
      Alias: `u${this.userCount}`,
      ProfileId: profileId,
      IsActive: true,
      UserType: 'Standard',
      ...extra,
    }).id;
  }

  permissionSetId(name: string): string {
    const id = this.seed.permissionSets.get(name.toLowerCase());
    if (!id) throw new Error(`no permission set ${name}`);
    return id;
  }

  assign(userId: string, permissionSet: string, extra: Record<string, Value> = {}): StoredRecord {
    return this.insertRaw('PermissionSetAssignment', {
      AssigneeId: userId,
      PermissionSetId: this.permissionSetId(permissionSet),
      IsActive: true,
      ...extra,
    });
  }

  assignGroup(userId: string, group: string): StoredRecord {
    const psg = this.seed.permissionSetGroups.get(group.toLowerCase()) as string;
    return this.insertRaw('PermissionSetAssignment', {
      AssigneeId: userId,
      PermissionSetGroupId: psg,
      PermissionSetId: this.seed.permissionSetGroupAggregates.get(psg) as string,
      IsActive: true,
    });
  }

  member(groupId: string, userOrGroupId: string): StoredRecord {
    return this.insertRaw('GroupMember', { GroupId: groupId, UserOrGroupId: userOrGroupId });
  }

  share(record: StoredRecord, userOrGroupId: string, level: string, rowCause = 'Manual'): StoredRecord {
    const shareName = record.describe.shareObject as string;
    const custom = shareName.endsWith('__Share');
    const parent = record.describe.name;
    return this.insertRaw(
      shareName,
      custom
        ? { ParentId: record.id, UserOrGroupId: userOrGroupId, AccessLevel: level, RowCause: rowCause }
        : {
            [`${parent}Id`]: record.id,
            UserOrGroupId: userOrGroupId,
            [`${parent}AccessLevel`]: level,
            RowCause: rowCause,
          },
    );
  }

  groupId(developerName: string): string {
    const id = this.seed.groups.get(developerName.toLowerCase()) ?? this.seed.queues.get(developerName.toLowerCase());
    if (!id) throw new Error(`no group ${developerName}`);
    return id;
  }

  view(userId: string): UserAccessView {
    return new UserAccessView(this, userId);
  }

  describe(name: string): SObjectDescribe {
    const d = this.schema.get(name);
    if (!d) throw new Error(`no object ${name}`);
    return d;
  }
}
