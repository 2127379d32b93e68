// The engine-facing API: SOQL checks and row filter, DML checks, share-row rules, UserRecordAccess,
// stripInaccessible, entry points.
import { ApexPlatformError, EmulatorUnsupportedError } from '../../errors';
import { SObjectValue } from '../../runtime/sobject';
import { ApexList } from '../../runtime/values';
import { ApexId } from '../../values/Id';
import {
  canModifyRecord,
  checkQueryReads,
  DmlAccessError,
  QueryAccessError,
  SECURITY_ENFORCED_MESSAGE,
  SecurityModel,
  defaultAccessMode,
  entryPointRefusal,
} from '../enforcement';
import { checkShareWrite } from '../shareRows';
import { idOf } from '../types';
import { stripInaccessible } from '../stripInaccessible';
import { queryUserRecordAccess, userRecordAccess } from '../userRecordAccess';
import { REPO, SecOrg } from './harness';

function thrown(fn: () => void): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an exception');
}

describe('SOQL checks', () => {
  const org = new SecOrg();
  const reader = org.user('Standard User');
  org.assign(reader, 'Secret_Reader');
  it('user mode: an unreadable field is "No such column", listing every inaccessible field', () => {
    const e = thrown(() =>
      checkQueryReads(
        org.view(reader),
        [{ object: 'Secret__c', fields: ['Name', 'Level__c', 'Hidden__c'] }],
        'USER_MODE',
      ),
    );
    expect(e).toBeInstanceOf(QueryAccessError);
    const q = e as QueryAccessError;
    expect(q.apexType).toBe('System.QueryException');
    expect(q.message).toMatch(
      /^No such column 'Hidden__c' on entity 'Secret__c'\. If you are attempting to use a custom field/,
    );
    expect([...(q.inaccessibleFields.get('Secret__c') ?? [])]).toEqual(['Hidden__c']);
  });
  it('user mode: an unreadable object is "sObject type … is not supported"', () => {
    const e = thrown(() =>
      checkQueryReads(org.view(reader), [{ object: 'Memo__c', fields: ['Name'] }], 'USER_MODE'),
    ) as QueryAccessError;
    expect(e.message).toMatch(/^sObject type 'Memo__c' is not supported\./);
  });
  it('SECURITY_ENFORCED: one message, no field map', () => {
    const e = thrown(() =>
      checkQueryReads(org.view(reader), [{ object: 'Secret__c', fields: ['Hidden__c'] }], 'SECURITY_ENFORCED'),
    ) as QueryAccessError;
    expect(e.message).toBe(SECURITY_ENFORCED_MESSAGE);
    expect(e.inaccessibleFields.size).toBe(0);
  });
  it('system mode checks nothing; readable reads pass', () => {
    expect(() =>
      checkQueryReads(org.view(reader), [{ object: 'Memo__c', fields: ['Body__c'] }], 'SYSTEM'),
    ).not.toThrow();
    expect(() =>
      checkQueryReads(
        org.view(reader),
        [{ object: 'Secret__c', fields: ['Id', 'Name', 'Level__c', 'CreatedDate'] }],
        'USER_MODE',
      ),
    ).not.toThrow();
  });
  it('the row filter: with sharing or user mode hides what the user cannot read', () => {
    const model = new SecurityModel(org);
    const mine = org.insert('Secret__c', { Code__c: 'mine', OwnerId: reader });
    const theirs = org.insert('Secret__c', { Code__c: 'theirs' });
    const withSharing = model.querySecurity({ userId: reader }, 'with', 'default');
    expect(withSharing.applySharing).toBe(true);
    expect(withSharing.canSee(mine)).toBe(true);
    expect(withSharing.canSee(theirs)).toBe(false);
    expect(model.querySecurity({ userId: reader }, 'without', 'default').applySharing).toBe(false);
    expect(model.querySecurity({ userId: reader }, 'without', 'USER_MODE').applySharing).toBe(true);
    // System mode still follows the class's keyword for sharing.
    expect(model.querySecurity({ userId: reader }, 'with', 'SYSTEM_MODE').applySharing).toBe(true);
  });
  it('the default access mode follows the API version (user mode from 67.0)', () => {
    expect(defaultAccessMode(65)).toBe('SYSTEM_MODE');
    expect(defaultAccessMode(67)).toBe('USER_MODE');
  });
});

describe('DML checks', () => {
  const org = new SecOrg();
  const model = new SecurityModel(org);
  const std = org.user('Standard User');
  it('user mode without the object permission: SecurityException naming the object', () => {
    const dml = model.dmlSecurity({ userId: std }, 'with', 'USER_MODE');
    const e = thrown(() => dml.checkObject('insert', org.describe('Secret__c'))) as ApexPlatformError;
    expect(e.apexType).toBe('System.SecurityException');
    expect(e.message).toBe("Access to entity 'Secret__c' denied");
    expect(() => dml.checkObject('insert', org.describe('Account'))).not.toThrow();
    expect(() =>
      model.dmlSecurity({ userId: std }, 'with', 'default').checkObject('insert', org.describe('Secret__c')),
    ).not.toThrow();
  });
  it('user mode writing a field without FLS edit: DmlException with the fields', () => {
    const u = org.user('Standard User');
    org.assign(u, 'Secret_Reader');
    org.insert('ObjectPermissions', {
      ParentId: org.permissionSetId('Secret_Reader'),
      SobjectType: 'Board__c',
      PermissionsRead: true,
      PermissionsCreate: true,
    });
    const dml = model.dmlSecurity({ userId: u }, 'without', 'USER_MODE');
    const e = thrown(() => dml.checkFields('insert', org.describe('Board__c'), ['name', 'topic__c'])) as DmlAccessError;
    expect(e.apexType).toBe('System.DmlException');
    expect(e.message).toBe(
      'Operation failed due to fields being inaccessible on Sobject Board__c, check errors on Exception or Result!',
    );
    expect(e.fields).toEqual(['Topic__c']);
  });
  it('record access on update and delete: Edit to update, full access to delete', () => {
    const u = org.user('Standard User');
    org.assign(u, 'Secret_Editor');
    const rec = org.insert('Secret__c', { Code__c: 'X' });
    const v = org.view(u);
    expect(canModifyRecord(v, rec, 'update')).toBe(false);
    org.share(rec, u, 'Edit');
    expect(canModifyRecord(org.view(u), rec, 'update')).toBe(true);
    expect(canModifyRecord(org.view(u), rec, 'delete')).toBe(false);
    expect(canModifyRecord(org.view(u), org.insert('Secret__c', { Code__c: 'Y', OwnerId: u }), 'delete')).toBe(true);
  });
  it('a detail record needs Edit on its master to be created (Read when writeRequiresMasterRead)', () => {
    const u = org.user('Standard User');
    org.assign(u, 'Secret_Editor');
    org.assign(u, 'Memo_User');
    const dml = model.dmlSecurity({ userId: u }, 'with', 'default');
    const master = org.insert('Secret__c', { Code__c: 'M' });
    const values = new Map<string, never>([['secret__c', ApexId.valueOf(master.id) as never]]);
    expect(dml.checkNewValues(org.describe('Line__c'), values, 'insert')).toEqual({
      statusCode: 'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY',
      message: 'insufficient access rights on cross-reference id',
      fields: ['Secret__c'],
    });
    org.share(master, u, 'Read');
    expect(dml.checkNewValues(org.describe('Line__c'), values, 'insert')).not.toBeNull();
    org.share(master, u, 'Edit', 'Reviewer__c');
    expect(dml.checkNewValues(org.describe('Line__c'), values, 'insert')).toBeNull();
    const memo = org.insert('Memo__c', {});
    expect(
      dml.checkNewValues(
        org.describe('Comment__c'),
        new Map([['memo__c', ApexId.valueOf(memo.id) as never]]),
        'insert',
      ),
    ).toBeNull();
    // Without sharing nothing is checked.
    expect(
      model
        .dmlSecurity({ userId: u }, 'without', 'default')
        .checkNewValues(
          org.describe('Line__c'),
          new Map([['secret__c', ApexId.valueOf(org.insert('Secret__c', { Code__c: 'N' }).id) as never]]),
          'insert',
        ),
    ).toBeNull();
  });
});

describe('share rows', () => {
  const org = new SecOrg();
  const share = org.describe('Secret__Share');
  const values = (parent: string, target: string, level: string, cause = 'Manual') =>
    new Map<string, never>([
      ['parentid', ApexId.valueOf(parent) as never],
      ['userorgroupid', ApexId.valueOf(target) as never],
      ['accesslevel', level as never],
      ['rowcause', cause as never],
    ]);
  it('an Apex sharing reason row is accepted in system mode', () => {
    const u = org.user('Standard User');
    const rec = org.insert('Secret__c', { Code__c: 'A' });
    expect(checkShareWrite(org, share, values(rec.id, u, 'Edit', 'Reviewer__c'), null, 'insert')).toBeNull();
  });
  it('a share at or below the default is FIELD_INTEGRITY_EXCEPTION (Read on a Public Read Only object)', () => {
    const memo = org.insert('Memo__c', {});
    const u = org.user('Standard User');
    const memoShare = org.describe('Memo__Share');
    expect(checkShareWrite(org, memoShare, values(memo.id, u, 'Read'), null, 'insert')).toEqual({
      statusCode: 'FIELD_INTEGRITY_EXCEPTION',
      message:
        'field integrity exception: AccessLevel (trivial share level Read, for organization with default level Read)',
      fields: ['AccessLevel'],
    });
    expect(checkShareWrite(org, memoShare, values(memo.id, u, 'Edit'), null, 'insert')).toBeNull();
  });
  it('sharing with the owner is refused; an unknown reason is a restricted picklist error', () => {
    const u = org.user('Standard User');
    const rec = org.insert('Secret__c', { Code__c: 'A', OwnerId: u });
    expect(checkShareWrite(org, share, values(rec.id, u, 'Read'), null, 'insert')?.statusCode).toBe(
      'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY',
    );
    expect(
      checkShareWrite(org, share, values(rec.id, org.adminId, 'Read', 'Bogus__c'), null, 'insert')?.statusCode,
    ).toBe('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
  });
  it('with sharing, a manual share needs full access to the record', () => {
    const u = org.user('Standard User');
    org.assign(u, 'Secret_Editor');
    const rec = org.insert('Secret__c', { Code__c: 'B' });
    org.share(rec, u, 'Edit');
    const target = org.user('Standard User');
    expect(checkShareWrite(org, share, values(rec.id, target, 'Read'), org.view(u), 'insert')?.statusCode).toBe(
      'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY',
    );
    const own = org.insert('Secret__c', { Code__c: 'C', OwnerId: u });
    expect(checkShareWrite(org, share, values(own.id, target, 'Read'), org.view(u), 'insert')).toBeNull();
  });
  it('AccessLevel All and a repeated share fail loudly (the org text is not documented)', () => {
    const rec = org.insert('Secret__c', { Code__c: 'D' });
    const u = org.user('Standard User');
    expect(() => checkShareWrite(org, share, values(rec.id, u, 'All'), null, 'insert')).toThrow(
      EmulatorUnsupportedError,
    );
    org.share(rec, u, 'Read');
    expect(() => checkShareWrite(org, share, values(rec.id, u, 'Edit'), null, 'insert')).toThrow(
      EmulatorUnsupportedError,
    );
  });
  it('Owner rows: added after insert, moved on owner change, manual shares removed, Apex shares kept', () => {
    const model = new SecurityModel(org);
    const a = org.user('Standard User');
    const b = org.user('Standard User');
    const rec = org.insert('Secret__c', { Code__c: 'E', OwnerId: a });
    model.recordInserted(rec);
    const rows = () =>
      [...org.db.table('Secret__Share')].filter((r) => !r.isDeleted && idOf(r.fields.get('parentid')) === rec.id);
    expect(
      rows().map((r) => [idOf(r.fields.get('userorgroupid')), r.fields.get('rowcause'), r.fields.get('accesslevel')]),
    ).toEqual([[a, 'Owner', 'All']]);
    org.share(rec, b, 'Read');
    org.share(rec, b, 'Edit', 'Reviewer__c');
    rec.fields.set('ownerid', ApexId.valueOf(b));
    model.ownerChanged(rec);
    expect(rows().map((r) => [idOf(r.fields.get('userorgroupid')), r.fields.get('rowcause')])).toEqual([
      [b, 'Owner'],
      [b, 'Reviewer__c'],
    ]);
  });
});

describe('UserRecordAccess', () => {
  const org = new SecOrg();
  it('combines object permission and record access: a share without object Edit is not HasEditAccess', () => {
    const u = org.user('Standard User');
    org.assign(u, 'Secret_Reader');
    const rec = org.insert('Secret__c', { Code__c: 'A' });
    org.share(rec, u, 'Edit');
    expect(userRecordAccess(org, u, rec.id)).toMatchObject({
      HasReadAccess: true,
      HasEditAccess: false,
      HasDeleteAccess: false,
      HasAllAccess: false,
      MaxAccessLevel: 'Read',
    });
    org.assign(u, 'Secret_Editor');
    expect(userRecordAccess(org, u, rec.id)).toMatchObject({
      HasEditAccess: true,
      HasDeleteAccess: false,
      MaxAccessLevel: 'Edit',
    });
  });
  it('owner: All, with delete and transfer', () => {
    const u = org.user('Standard User');
    org.assign(u, 'Secret_Editor');
    const rec = org.insert('Secret__c', { Code__c: 'B', OwnerId: u });
    expect(userRecordAccess(org, u, rec.id)).toMatchObject({
      HasReadAccess: true,
      HasEditAccess: true,
      HasDeleteAccess: true,
      HasTransferAccess: true,
      HasAllAccess: true,
      MaxAccessLevel: 'All',
    });
  });
  it('no access: all false, None', () => {
    const u = org.user('Standard User');
    const rec = org.insert('Secret__c', { Code__c: 'C' });
    expect(userRecordAccess(org, u, rec.id)).toMatchObject({ HasReadAccess: false, MaxAccessLevel: 'None' });
  });
  it('an administrator has All; more than 200 ids fail loudly', () => {
    const rec = org.insert('Secret__c', { Code__c: 'D' });
    expect(userRecordAccess(org, org.adminId, rec.id).MaxAccessLevel).toBe('All');
    const ids = Array.from({ length: 201 }, () => org.insert('Board__c', {}).id);
    expect(() => queryUserRecordAccess(org, org.adminId, ids)).toThrow(EmulatorUnsupportedError);
    expect(queryUserRecordAccess(org, org.adminId, ids.slice(0, 200))).toHaveLength(200);
  });
});

describe('stripInaccessible', () => {
  const org = new SecOrg();
  const u = org.user('Standard User');
  org.assign(u, 'Secret_Reader');
  const record = (values: Record<string, unknown>): SObjectValue => {
    const r = new SObjectValue(org.describe('Secret__c'));
    for (const [k, v] of Object.entries(values)) r.values.set(k, v as never);
    return r;
  };
  it('READABLE removes fields the user cannot read and reports them; Id stays', () => {
    const id = ApexId.valueOf(org.insert('Secret__c', { Code__c: 'A' }).id);
    const decision = stripInaccessible(org.view(u), 'READABLE', [
      record({ id, name: 'n', level__c: 'l', hidden__c: 'h' }),
      record({ id, name: 'm' }),
    ]);
    expect([...(decision.records[0] as SObjectValue).values.keys()]).toEqual(['id', 'name', 'level__c']);
    expect(decision.removedFields).toEqual(new Map([['Secret__c', new Set(['Hidden__c'])]]));
    expect([...decision.modifiedIndexes]).toEqual([0]);
    expect((decision.records[0] as SObjectValue).get('Hidden__c')).toBeNull();
  });
  it('UPDATABLE removes what FLS does not let the user edit', () => {
    const decision = stripInaccessible(org.view(u), 'READABLE', [record({ level__c: 'x' })]);
    expect(decision.modifiedIndexes.size).toBe(0);
    const editor = org.user('Standard User');
    org.assign(editor, 'Secret_Editor');
    const upd = stripInaccessible(org.view(editor), 'UPDATABLE', [
      record({ level__c: 'x', hidden__c: 'y', code__c: 'z' }),
    ]);
    expect([...(upd.records[0] as SObjectValue).values.keys()]).toEqual(['level__c', 'code__c']);
  });
  it('enforceRootObjectCRUD: NoAccessException without the object permission, unless false', () => {
    const nobody = org.user('Standard User');
    const e = thrown(() =>
      stripInaccessible(org.view(nobody), 'READABLE', [record({ name: 'n' })]),
    ) as ApexPlatformError;
    expect(e.apexType).toBe('System.NoAccessException');
    // Without the object, no field is accessible (DescribeFieldResult.isAccessible is false): only Id stays.
    const id = ApexId.valueOf(org.insert('Secret__c', { Code__c: 'Z' }).id);
    const d = stripInaccessible(org.view(nobody), 'READABLE', [record({ id, name: 'n', level__c: 'l' })], false);
    expect([...(d.records[0] as SObjectValue).values.keys()]).toEqual(['id']);
  });
  it('child sub-query lists are stripped record by record; an unreadable child object is removed', () => {
    const master = record({ name: 'm' });
    const line = new SObjectValue(org.describe('Line__c'));
    line.values.set('qty__c', '3');
    master.values.set('lines__r', new ApexList({ kind: 'sobject', sobject: 'Line__c' } as never, [line]));
    const d = stripInaccessible(org.view(u), 'READABLE', [master]);
    const lines = (d.records[0] as SObjectValue).values.get('lines__r') as ApexList;
    expect((lines.items[0] as SObjectValue).values.has('qty__c')).toBe(false);
    expect(d.removedFields.get('Line__c')).toEqual(new Set(['Qty__c']));
  });
});

describe('records the platform keeps', () => {
  it('every user has the assignment of its profile permission set, following ProfileId', () => {
    const org = new SecOrg();
    const model = new SecurityModel(org);
    const profileAssignments = (userId: string) =>
      [...org.db.table('PermissionSetAssignment')].filter(
        (a) => !a.isDeleted && idOf(a.fields.get('assigneeid')) === userId,
      );
    expect(profileAssignments(org.adminId)).toHaveLength(1);
    const u = org.user('Standard User');
    const user = org.db.get(u);
    if (!user) throw new Error('no user');
    model.userSaved(user);
    const first = profileAssignments(u);
    expect(first).toHaveLength(1);
    expect(idOf(first[0]?.fields.get('permissionsetid') ?? null)).toBe(
      org.seed.profilePermissionSets.get(org.profiles.get('Standard User') as string),
    );
    user.fields.set('profileid', ApexId.valueOf(org.profiles.get('Minimum Access - Salesforce') as string));
    model.userSaved(user);
    expect(idOf(profileAssignments(u)[0]?.fields.get('permissionsetid') ?? null)).toBe(
      org.seed.profilePermissionSets.get(org.profiles.get('Minimum Access - Salesforce') as string),
    );
    expect(profileAssignments(u)).toHaveLength(1);
  });
  it('a permission set group assignment points at the group permission set', () => {
    const org = new SecOrg();
    const model = new SecurityModel(org);
    const psg = org.seed.permissionSetGroups.get('secret_team') as string;
    expect(model.permissionSetOfGroup(psg)).toBe(org.seed.permissionSetGroupAggregates.get(psg));
  });
});

describe('the Org.security surface', () => {
  const org = new SecOrg();
  const model = new SecurityModel(org);
  it('objectPermission / fieldPermission answer describe for the user', () => {
    const u = org.user('Standard User');
    org.assign(u, 'Secret_Reader');
    expect(model.objectPermission(u, 'Secret__c', 'read')).toBe(true);
    expect(model.objectPermission(u, 'Secret__c', 'create')).toBe(false);
    expect(model.objectPermission(org.adminId, 'UserRecordAccess', 'create')).toBe(false);
    expect(model.fieldPermission(u, 'Secret__c', 'Level__c', 'read')).toBe(true);
    expect(model.fieldPermission(u, 'Secret__c', 'Level__c', 'edit')).toBe(false);
    expect(model.fieldPermission(org.adminId, 'Secret__c', 'Hidden__c', 'read')).toBe(false);
    expect(model.hasModifyAllData(org.adminId)).toBe(true);
    expect(model.hasModifyAllData(u)).toBe(false);
    expect(model.canRunApexClass(u, 'SecController')).toBe(false);
    expect(model.hasCustomPermission(u, 'Can_Approve')).toBe(false);
  });
});

describe('entry points', () => {
  const org = new SecOrg();
  it('REST: 403 FORBIDDEN naming the class; Lightning: the quoted message', () => {
    const u = org.user('Standard User');
    expect(entryPointRefusal(org, u, 'SecController', 'rest')).toEqual({
      kind: 'rest',
      httpStatus: 403,
      errorCode: 'FORBIDDEN',
      message: 'You do not have access to the Apex class named: SecController',
    });
    expect(entryPointRefusal(org, u, 'SecController', 'aura')?.message).toBe(
      "You do not have access to the Apex class named 'SecController'.",
    );
    org.assign(u, 'Secret_Editor');
    expect(entryPointRefusal(org, u, 'SecController', 'rest')).toBeNull();
  });
});

describe('the ActionPlane project', () => {
  const org = new SecOrg(REPO);
  const persona = (ps: string): string => {
    const u = org.user('Standard User');
    org.assign(u, ps);
    return u;
  };
  it('seeds the three permission sets (and the test-only ones of test-app) and the custom permissions', () => {
    expect([...org.seed.permissionSets.keys()].sort()).toEqual([
      'actionplane_admin',
      'actionplane_agent',
      'actionplane_approver',
      'actionplane_governed_agent',
      'actionplanetest_agent_fields',
      'actionplanetest_opportunity_nextstep',
      'governedtest_invoice_access',
    ]);
    expect(org.seed.customPermissions.has('actionplane_submitactions')).toBe(true);
    expect(org.seed.customPermissions.has('actionplane_approve')).toBe(true);
  });
  it('the approver reads actions and decisions, creates and edits neither (the package writes them), may approve', () => {
    const v = org.view(persona('ActionPlane_Approver'));
    expect(v.objectPermissions(org.describe('PlannedAction__c'))).toMatchObject({
      read: true,
      create: false,
      edit: false,
    });
    expect(v.objectPermissions(org.describe('ApprovalDecision__c'))).toMatchObject({ read: true, create: false });
    expect(v.hasApexClassAccess('ActionInboxController')).toBe(true);
    expect(v.hasCustomPermission('ActionPlane_SubmitActions')).toBe(false);
    expect(v.hasCustomPermission('ActionPlane_Approve')).toBe(true);
  });
  it('an approver with an Edit share on an action still has no HasEditAccess (object Edit missing)', () => {
    const approver = persona('ActionPlane_Approver');
    const run = org.insert('AgentRun__c', {});
    const action = org.insert('PlannedAction__c', { Run__c: run.id });
    org.share(action, approver, 'Edit', 'ApproverGroup__c');
    expect(userRecordAccess(org, approver, action.id)).toMatchObject({ HasReadAccess: true, HasEditAccess: false });
  });
  it('the agent holds the submit custom permission', () => {
    expect(org.view(persona('ActionPlane_Agent')).hasCustomPermission('ActionPlane_SubmitActions')).toBe(true);
  });
});
