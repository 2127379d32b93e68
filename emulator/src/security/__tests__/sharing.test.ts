// Record access: OWD, ownership, queues and groups, share rows, master-detail, View All / Modify All, and the
// places the model fails loudly.
import { EmulatorUnsupportedError } from '../../errors';
import { membershipOf } from '../groups';
import { recordAccess } from '../sharing';
import { SecOrg } from './harness';

describe('organization-wide defaults and ownership', () => {
  const org = new SecOrg();
  const u = org.user('Standard User');
  const other = org.user('Standard User');
  it('Private: no access for others, All for the owner', () => {
    const rec = org.insert('Secret__c', { Code__c: 'A', OwnerId: other });
    expect(recordAccess(org.view(u), rec)).toBe('None');
    expect(recordAccess(org.view(other), rec)).toBe('All');
  });
  it('Public Read Only: Read; Public Read/Write: Edit', () => {
    expect(recordAccess(org.view(u), org.insert('Memo__c', { OwnerId: other }))).toBe('Read');
    expect(recordAccess(org.view(u), org.insert('Board__c', { OwnerId: other }))).toBe('Edit');
  });
  it('Modify All Data gives All on any record; View All Data at least Read', () => {
    const rec = org.insert('Secret__c', { Code__c: 'B', OwnerId: other });
    expect(recordAccess(org.view(org.adminId), rec)).toBe('All');
    const viewer = org.user('Minimum Access - Salesforce');
    org.assign(viewer, 'Admin_Extra');
    expect(recordAccess(org.view(viewer), rec)).toBe('Read');
  });
  it('View All / Modify All on the object', () => {
    const rec = org.insert('Secret__c', { Code__c: 'C', OwnerId: other });
    const viewAll = org.user('Standard User');
    org.assign(viewAll, 'Secret_ViewAll');
    expect(recordAccess(org.view(viewAll), rec)).toBe('Read');
    const modifyAll = org.user('Standard User');
    org.assign(modifyAll, 'Secret_ModifyAll');
    expect(recordAccess(org.view(modifyAll), rec)).toBe('All');
  });
  it('Standard objects follow their default (Account Public Read/Write)', () => {
    const acc = org.insert('Account', { Name: 'Acme', OwnerId: other });
    expect(recordAccess(org.view(u), acc)).toBe('Edit');
  });
  it('users read other users and edit their own record', () => {
    expect(recordAccess(org.view(u), org.db.get(other) as never)).toBe('Read');
    expect(recordAccess(org.view(u), org.db.get(u) as never)).toBe('Edit');
  });
});

describe('share rows, groups and queues', () => {
  it('a manual share grants its level to the user', () => {
    const org = new SecOrg();
    const u = org.user('Standard User');
    const rec = org.insert('Secret__c', { Code__c: 'A' });
    expect(recordAccess(org.view(u), rec)).toBe('None');
    org.share(rec, u, 'Read');
    expect(recordAccess(org.view(u), rec)).toBe('Read');
    org.share(rec, u, 'Edit', 'Reviewer__c');
    expect(recordAccess(org.view(u), rec)).toBe('Edit');
  });
  it('a share to a group reaches its members, and members of nested groups', () => {
    const org = new SecOrg();
    const u = org.user('Standard User');
    const rec = org.insert('Secret__c', { Code__c: 'A' });
    org.share(rec, org.groupId('Outer'), 'Edit', 'Reviewer__c');
    expect(recordAccess(org.view(u), rec)).toBe('None');
    org.member(org.groupId('Outer'), org.groupId('Reviewers'));
    org.member(org.groupId('Reviewers'), u);
    expect(membershipOf(org, u).groupIds.has(org.groupId('Outer'))).toBe(true);
    expect(recordAccess(org.view(u), rec)).toBe('Edit');
  });
  it('a share to All Internal Users reaches every internal user', () => {
    const org = new SecOrg();
    const u = org.user('Minimum Access - Salesforce');
    const rec = org.insert('Secret__c', { Code__c: 'A' });
    org.share(rec, org.seed.allInternalUsersGroupId, 'Read');
    expect(recordAccess(org.view(u), rec)).toBe('Read');
  });
  it('queue members have the owner access to the queue records', () => {
    const org = new SecOrg();
    const u = org.user('Standard User');
    const queue = org.groupId('Triage');
    const rec = org.insert('Secret__c', { Code__c: 'Q', OwnerId: queue });
    expect(recordAccess(org.view(u), rec)).toBe('None');
    org.member(queue, u);
    expect(recordAccess(org.view(u), rec)).toBe('All');
  });
  it('a deleted share no longer grants access', () => {
    const org = new SecOrg();
    const u = org.user('Standard User');
    const rec = org.insert('Secret__c', { Code__c: 'A' });
    const share = org.share(rec, u, 'Edit');
    expect(recordAccess(org.view(u), rec)).toBe('Edit');
    share.isDeleted = true;
    expect(recordAccess(org.view(u), rec)).toBe('None');
  });
  it('standard share objects (AccountShare) are read through <Object>AccessLevel', () => {
    const org = new SecOrg();
    const u = org.user('Standard User');
    const opp = org.insert('Opportunity', { Name: 'Deal', StageName: 'Prospecting', OwnerId: org.adminId });
    // Opportunity's default here is Public Read Only.
    expect(recordAccess(org.view(u), opp)).toBe('Read');
    org.share(opp, u, 'Edit');
    expect(recordAccess(org.view(u), opp)).toBe('Edit');
  });
});

describe('master-detail', () => {
  it('a detail record has its master access (writeRequiresMasterRead false: Read stays Read)', () => {
    const org = new SecOrg();
    const u = org.user('Standard User');
    const master = org.insert('Secret__c', { Code__c: 'M' });
    const line = org.insert('Line__c', { Secret__c: master.id });
    expect(recordAccess(org.view(u), line)).toBe('None');
    org.share(master, u, 'Read');
    expect(recordAccess(org.view(u), line)).toBe('Read');
    org.share(master, u, 'Edit', 'Reviewer__c');
    expect(recordAccess(org.view(u), line)).toBe('Edit');
  });
  it('writeRequiresMasterRead true: Read on the master lets the user edit the detail', () => {
    const org = new SecOrg();
    const u = org.user('Standard User');
    const memo = org.insert('Memo__c', { OwnerId: org.adminId });
    const comment = org.insert('Comment__c', { Memo__c: memo.id });
    expect(recordAccess(org.view(u), comment)).toBe('Edit');
  });
  it('the owner of the master has All on the detail', () => {
    const org = new SecOrg();
    const u = org.user('Standard User');
    const master = org.insert('Secret__c', { Code__c: 'M', OwnerId: u });
    expect(recordAccess(org.view(u), org.insert('Line__c', { Secret__c: master.id }))).toBe('All');
  });
});

describe('what the model does not compute fails loudly', () => {
  it('the role hierarchy', () => {
    const org = new SecOrg();
    const role = org.insert('UserRole', { Name: 'Boss', DeveloperName: 'Boss' });
    const boss = org.user('Standard User', { UserRoleId: role.id });
    const rep = org.user('Standard User', { UserRoleId: role.id });
    const rec = org.insert('Secret__c', { Code__c: 'R', OwnerId: rep });
    expect(() => recordAccess(org.view(boss), rec)).toThrow(EmulatorUnsupportedError);
  });
  it('implicit sharing of an account to users of its opportunities (Private accounts are not modelled)', () => {
    const org = new SecOrg();
    const u = org.user('Standard User');
    const acc = org.insert('Account', { Name: 'A', OwnerId: u });
    const opp = org.insert('Opportunity', {
      Name: 'O',
      StageName: 'Prospecting',
      AccountId: acc.id,
      OwnerId: org.adminId,
    });
    expect(() => recordAccess(org.view(u), opp)).toThrow(EmulatorUnsupportedError);
  });
  it('a contact of an account the user owns but not the contact', () => {
    const org = new SecOrg();
    const u = org.user('Standard User');
    const acc = org.insert('Account', { Name: 'A', OwnerId: u });
    const contact = org.insert('Contact', { LastName: 'C', AccountId: acc.id, OwnerId: org.adminId });
    expect(() => recordAccess(org.view(u), contact)).toThrow(EmulatorUnsupportedError);
  });
  it('a contact follows its account otherwise; without an account it is private', () => {
    const org = new SecOrg();
    const u = org.user('Standard User');
    const acc = org.insert('Account', { Name: 'A', OwnerId: org.adminId });
    expect(recordAccess(org.view(u), org.insert('Contact', { LastName: 'C', AccountId: acc.id }))).toBe('Edit');
    expect(recordAccess(org.view(u), org.insert('Contact', { LastName: 'P' }))).toBe('None');
  });
});
