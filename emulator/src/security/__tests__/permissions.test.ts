// Effective permissions: profiles, permission sets, permission set groups, custom permissions, class access.
import { EmulatorUnsupportedError } from '../../errors';
import { ApexDatetime } from '../../values/Datetime';
import {
  fieldAccessible,
  fieldCreateable,
  fieldUpdateable,
  objectCreateable,
  objectDescribeAccess,
} from '../describeAccess';
import { SecOrg } from './harness';

function field(org: SecOrg, objectName: string, fieldName: string) {
  const f = org.describe(objectName).fields.get(fieldName);
  if (!f) throw new Error(`no field ${objectName}.${fieldName}`);
  return f;
}

describe('standard profiles', () => {
  const org = new SecOrg();
  it('System Administrator has Modify All Data and every object permission, View All and Modify All included', () => {
    const admin = org.view(org.adminId);
    expect(admin.hasUserPermission('ModifyAllData')).toBe(true);
    expect(admin.hasUserPermission('ViewAllData')).toBe(true);
    expect(admin.hasUserPermission('AuthorApex')).toBe(true);
    expect(admin.objectPermissions(org.describe('Secret__c'))).toMatchObject({
      read: true,
      create: true,
      edit: true,
      delete: true,
      viewAll: true,
      modifyAll: true,
    });
    expect(admin.objectPermissions(org.describe('Opportunity')).modifyAll).toBe(true);
  });
  it('System Administrator reads every standard field but a project field only where FLS grants it', () => {
    const admin = org.view(org.adminId);
    const d = org.describe('Secret__c');
    expect(fieldAccessible(admin, org.describe('Account'), field(org, 'Account', 'Industry'))).toBe(true);
    // The fixture's Admin.profile-meta.xml grants Level__c; Hidden__c was deployed without FLS.
    expect(fieldAccessible(admin, d, field(org, 'Secret__c', 'Level__c'))).toBe(true);
    expect(fieldAccessible(admin, d, field(org, 'Secret__c', 'Hidden__c'))).toBe(false);
    // Required fields and system fields have no FLS: always readable with the object.
    expect(fieldAccessible(admin, d, field(org, 'Secret__c', 'Code__c'))).toBe(true);
    expect(fieldAccessible(admin, d, field(org, 'Secret__c', 'Name'))).toBe(true);
    expect(fieldAccessible(admin, d, field(org, 'Secret__c', 'CreatedDate'))).toBe(true);
  });
  it('Standard User has CRUD on the CRM objects and their standard fields, nothing on custom objects', () => {
    const std = org.view(org.user('Standard User'));
    for (const name of ['Account', 'Contact', 'Opportunity', 'Lead', 'Case', 'Task', 'Event'])
      expect(std.objectPermissions(org.describe(name))).toMatchObject({
        read: true,
        create: true,
        edit: true,
        delete: true,
        viewAll: false,
        modifyAll: false,
      });
    expect(std.objectPermissions(org.describe('Secret__c'))).toMatchObject({ read: false, create: false });
    expect(fieldUpdateable(std, org.describe('Account'), field(org, 'Account', 'Industry'))).toBe(true);
    expect(std.hasUserPermission('ModifyAllData')).toBe(false);
    expect(std.hasUserPermission('ViewSetup')).toBe(true);
  });
  it('Minimum Access - Salesforce has nothing', () => {
    const min = org.view(org.user('Minimum Access - Salesforce'));
    expect(min.objectPermissions(org.describe('Account')).read).toBe(false);
    expect(min.objectPermissions(org.describe('Secret__c')).read).toBe(false);
    expect(min.hasUserPermission('ViewSetup')).toBe(false);
  });
  it('fails loudly where a standard profile is not documented', () => {
    const std = org.view(org.user('Standard User'));
    expect(() => std.can(org.describe('Product2'), 'read')).toThrow(EmulatorUnsupportedError);
    expect(() => std.hasUserPermission('ManageDashboards')).toThrow(EmulatorUnsupportedError);
  });
  it('a custom project profile has exactly what its metadata lists', () => {
    const u = org.view(org.user('Sec Custom'));
    expect(u.objectPermissions(org.describe('Board__c'))).toMatchObject({ read: true, create: false, edit: false });
    expect(u.objectPermissions(org.describe('Account')).read).toBe(false);
    expect(fieldAccessible(u, org.describe('Board__c'), field(org, 'Board__c', 'Topic__c'))).toBe(true);
    expect(u.hasUserPermission('ModifyAllData')).toBe(false);
  });
});

describe('permission sets', () => {
  it('add object permissions and FLS; Edit implies Read', () => {
    const org = new SecOrg();
    const u = org.user('Standard User');
    org.assign(u, 'Secret_Editor');
    const v = org.view(u);
    const d = org.describe('Secret__c');
    expect(v.objectPermissions(d)).toMatchObject({
      read: true,
      create: true,
      edit: true,
      delete: true,
      viewAll: false,
    });
    expect(fieldUpdateable(v, d, field(org, 'Secret__c', 'Level__c'))).toBe(true);
    expect(fieldAccessible(v, d, field(org, 'Secret__c', 'Hidden__c'))).toBe(false);
    expect(fieldCreateable(v, d, field(org, 'Secret__c', 'Code__c'))).toBe(true);
  });
  it('Modify All implies View All, Read, Edit and Delete', () => {
    const org = new SecOrg();
    const u = org.user('Minimum Access - Salesforce');
    org.assign(u, 'Secret_ModifyAll');
    expect(org.view(u).objectPermissions(org.describe('Secret__c'))).toMatchObject({
      read: true,
      edit: true,
      delete: true,
      viewAll: true,
      modifyAll: true,
      create: false,
    });
  });
  it('a user permission in a permission set (View All Data) gives Read and View All on every object', () => {
    const org = new SecOrg();
    const u = org.user('Minimum Access - Salesforce');
    org.assign(u, 'Admin_Extra');
    const v = org.view(u);
    expect(v.hasUserPermission('ViewAllData')).toBe(true);
    expect(v.objectPermissions(org.describe('Memo__c'))).toMatchObject({ read: true, viewAll: true, edit: false });
  });
  it('an assignment takes effect at once, and its deletion too', () => {
    const org = new SecOrg();
    const u = org.user('Standard User');
    expect(org.view(u).objectPermissions(org.describe('Secret__c')).read).toBe(false);
    const psa = org.assign(u, 'Secret_Reader');
    expect(org.view(u).objectPermissions(org.describe('Secret__c')).read).toBe(true);
    psa.isDeleted = true;
    expect(org.view(u).objectPermissions(org.describe('Secret__c')).read).toBe(false);
  });
  it('an expired or inactive assignment does not apply', () => {
    const org = new SecOrg();
    const u = org.user('Standard User');
    org.assign(u, 'Secret_Reader', { ExpirationDate: new ApexDatetime(org.nowMs - 1000) });
    expect(org.view(u).objectPermissions(org.describe('Secret__c')).read).toBe(false);
    org.assign(u, 'Secret_Reader', { IsActive: false });
    expect(org.view(u).objectPermissions(org.describe('Secret__c')).read).toBe(false);
    org.assign(u, 'Secret_Reader', { ExpirationDate: new ApexDatetime(org.nowMs + 60_000) });
    expect(org.view(u).objectPermissions(org.describe('Secret__c')).read).toBe(true);
  });
  it('an ObjectPermissions row inserted at run time into an assigned permission set takes effect', () => {
    const org = new SecOrg();
    const u = org.user('Minimum Access - Salesforce');
    org.assign(u, 'Secret_Reader');
    expect(org.view(u).objectPermissions(org.describe('Memo__c')).read).toBe(false);
    org.insert('ObjectPermissions', {
      ParentId: org.permissionSetId('Secret_Reader'),
      SobjectType: 'Memo__c',
      PermissionsRead: true,
    });
    expect(org.view(u).objectPermissions(org.describe('Memo__c')).read).toBe(true);
  });
  it('a permission set group gives its permission sets', () => {
    const org = new SecOrg();
    const u = org.user('Minimum Access - Salesforce');
    org.assignGroup(u, 'Secret_Team');
    const v = org.view(u);
    expect(v.objectPermissions(org.describe('Secret__c')).read).toBe(true);
    expect(v.objectPermissions(org.describe('Memo__c')).edit).toBe(true);
    expect(v.objectPermissions(org.describe('Secret__c')).edit).toBe(false);
  });
});

describe('field-level security of a standard field whose permissionable is not known', () => {
  // Minimum Access gives no FLS on Contact's or Task's standard fields; a permission set gives the object.
  function reader(objects: string[]): { org: SecOrg; u: string } {
    const org = new SecOrg();
    const u = org.user('Minimum Access - Salesforce');
    org.assign(u, 'Secret_Reader');
    for (const o of objects)
      org.insert('ObjectPermissions', {
        ParentId: org.permissionSetId('Secret_Reader'),
        SobjectType: o,
        PermissionsRead: true,
        PermissionsEdit: true,
      });
    return { org, u };
  }
  it('fails loudly naming the field and the check where the answer depends on it', () => {
    const { org, u } = reader(['Contact', 'Task']);
    const v = org.view(u);
    const contact = org.describe('Contact');
    expect(() => fieldAccessible(v, contact, field(org, 'Contact', 'HasPrivacyHold'))).toThrow(
      'DescribeFieldResult.isAccessible() on Contact.HasPrivacyHold: whether field-level security applies',
    );
    expect(() =>
      fieldAccessible(v, org.describe('Task'), field(org, 'Task', 'WhatCount'), 'a user-mode query'),
    ).toThrow(/: a user-mode query on Task\.WhatCount: .*\(isPermissionable\) is not documented/);
    expect(() => fieldAccessible(v, contact, field(org, 'Contact', 'IsPriorityRecord'))).toThrow(
      EmulatorUnsupportedError,
    );
  });
  it('answers where it does not depend on it: FLS granted, no object access, a known permissionable field', () => {
    const { org, u } = reader(['Contact']);
    const contact = org.describe('Contact');
    const hold = field(org, 'Contact', 'HasPrivacyHold');
    // Without Task read the field is inaccessible whatever its FLS.
    expect(fieldAccessible(org.view(u), org.describe('Task'), field(org, 'Task', 'WhatCount'))).toBe(false);
    // A documented permissionable field answers from the FLS rows: none here.
    expect(fieldAccessible(org.view(u), contact, field(org, 'Contact', 'MailingStateCode'))).toBe(false);
    // Read granted: readable whether FLS applies to it or not.
    org.insert('FieldPermissions', {
      ParentId: org.permissionSetId('Secret_Reader'),
      SobjectType: 'Contact',
      Field: 'Contact.IsPriorityRecord',
      PermissionsRead: true,
    });
    expect(fieldAccessible(org.view(u), contact, field(org, 'Contact', 'IsPriorityRecord'))).toBe(true);
    // The System Administrator's standard-field FLS is all: the answer is the same either way.
    expect(fieldAccessible(org.view(org.adminId), contact, hold)).toBe(true);
    expect(fieldAccessible(org.view(org.adminId), org.describe('Task'), field(org, 'Task', 'WhoCount'))).toBe(true);
  });
});

describe('custom permissions and class access', () => {
  const org = new SecOrg();
  it('FeatureManagement.checkPermission is true only through a permission set, even for administrators', () => {
    const u = org.user('Standard User');
    expect(org.view(u).hasCustomPermission('Can_Approve')).toBe(false);
    org.assign(u, 'Secret_Editor');
    expect(org.view(u).hasCustomPermission('Can_Approve')).toBe(true);
    expect(org.view(u).hasCustomPermission('Unused')).toBe(false);
    expect(org.view(org.adminId).hasCustomPermission('Can_Approve')).toBe(false);
    expect(org.view(u).hasCustomPermission('No_Such_Permission')).toBe(false);
  });
  it('Apex class access: administrators reach every class, others through classAccesses', () => {
    const u = org.user('Standard User');
    expect(org.view(org.adminId).hasApexClassAccess('Anything')).toBe(true);
    expect(org.view(u).hasApexClassAccess('SecController')).toBe(false);
    org.assign(u, 'Secret_Editor');
    expect(org.view(u).hasApexClassAccess('SecController')).toBe(true);
    expect(org.view(u).hasApexClassAccess('Other')).toBe(false);
  });
});

describe('describe per running user', () => {
  const org = new SecOrg();
  it('isCreateable combines the platform flag and the user permission', () => {
    const std = org.view(org.user('Standard User'));
    expect(objectCreateable(std, org.describe('Account'))).toBe(true);
    expect(objectCreateable(org.view(org.adminId), org.describe('UserRecordAccess'))).toBe(false);
    expect(objectDescribeAccess(std, org.describe('Secret__c'))).toEqual({
      accessible: false,
      createable: false,
      updateable: false,
      deletable: false,
      undeletable: false,
    });
  });
  it('a field is inaccessible without its object', () => {
    const u = org.user('Standard User');
    expect(fieldAccessible(org.view(u), org.describe('Secret__c'), field(org, 'Secret__c', 'Name'))).toBe(false);
  });
  it('a formula-like read-only field is never createable, whatever the FLS', () => {
    const admin = org.view(org.adminId);
    expect(fieldCreateable(admin, org.describe('Secret__c'), field(org, 'Secret__c', 'CreatedDate'))).toBe(false);
  });
});
