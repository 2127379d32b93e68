// Sharing the model does not compute fails loudly instead of being ignored (emulator/src/security/README.md,
// docs/emulator.md "Security"): sharing rules — criteria-based and owner-based (Salesforce Help, "Sharing Rules";
// Metadata API, "SharingRules") — and territory sharing rules on accounts ("sharingTerritoryRules"). A record a
// user owns is All whatever the rules (they only add access), and an object without rules computes as before. Guest
// user sharing rules reach only guest users (Help, "Guest User Sharing Rules"), so they change nothing for internal
// users. Territories themselves (Enterprise Territory Management, Metadata API "Territory2Model") share accounts to
// the users of their territories.
//
// Fixtures: fixtures/unmodelled (Private objects Un_Crit__c with a criteria rule, Un_Owner__c with an owner rule,
// Un_Guest__c with a guest rule, Un_Plain__c without rules; a territory rule on Account) and fixtures/territories (a
// Territory2Model and a Private Account OWD, no sharing rules).
import { join } from 'node:path';
import { EmulatorUnsupportedError } from '../../errors';
import { SecurityModel } from '../enforcement';
import { recordAccess } from '../sharing';
import { userRecordAccess } from '../userRecordAccess';
import { SecOrg } from './harness';

describe('sharing rules in the project', () => {
  const org = new SecOrg(join(__dirname, 'fixtures', 'unmodelled'));
  const owner = org.user('Standard User');
  const other = org.user('Standard User');
  org.assign(owner, 'Un_Reader');
  org.assign(other, 'Un_Reader');
  org.member(org.groupId('Un_Team'), other);
  const item = (object: string, name = 'open') => org.insert(object, { Name: name, OwnerId: owner });

  it('loads every kind of rule from the project', () => {
    const byObject = Object.fromEntries(
      org.project.sharingRules.map((r) => [
        r.object,
        [r.criteriaRules.length, r.ownerRules.length, r.guestRules.length, r.territoryRules.length],
      ]),
    );
    expect(byObject).toEqual({
      Account: [0, 0, 0, 1],
      Un_Crit__c: [1, 0, 0, 0],
      Un_Guest__c: [0, 0, 1, 0],
      Un_Owner__c: [0, 1, 0, 0],
    });
  });

  it('a criteria-based rule: the access of a user who does not own the record fails loudly', () => {
    const rec = item('Un_Crit__c');
    expect(() => recordAccess(org.view(other), rec)).toThrow(EmulatorUnsupportedError);
    expect(() => recordAccess(org.view(other), rec)).toThrow(/sharing rules on Un_Crit__c/);
    expect(() => userRecordAccess(org, other, rec.id)).toThrow(EmulatorUnsupportedError);
  });

  it('an owner-based rule: the same, also for a with-sharing query and a record that no rule would match', () => {
    const rec = item('Un_Owner__c', 'closed');
    expect(() => recordAccess(org.view(other), rec)).toThrow(/sharing rules on Un_Owner__c/);
    const query = new SecurityModel(org).querySecurity({ userId: other }, 'with', 'default');
    expect(query.applySharing).toBe(true);
    expect(() => query.canSee(rec)).toThrow(EmulatorUnsupportedError);
  });

  it('a territory sharing rule on Account fails loudly too', () => {
    const account = org.insert('Account', { Name: 'West Co', OwnerId: owner });
    expect(() => recordAccess(org.view(other), account)).toThrow(/sharing rules on Account/);
  });

  it('the owner is All (rules only add); an administrator is All; without sharing nothing is computed', () => {
    const rec = item('Un_Crit__c');
    expect(recordAccess(org.view(owner), rec)).toBe('All');
    expect(recordAccess(org.view(org.adminId), rec)).toBe('All');
    expect(new SecurityModel(org).querySecurity({ userId: other }, 'without', 'default').applySharing).toBe(false);
  });

  it('an object without rules, and one with guest rules only, compute as before for internal users', () => {
    expect(recordAccess(org.view(other), item('Un_Plain__c'))).toBe('None');
    expect(recordAccess(org.view(other), item('Un_Guest__c'))).toBe('None');
  });
});

describe('territories in the project', () => {
  const org = new SecOrg(join(__dirname, 'fixtures', 'territories'));

  it('the Territory2Model is kept as metadata the emulator does not read', () => {
    expect(org.project.unknownMetadata.map((m) => m.typeGuess)).toContain('Territory2Model');
  });

  // security/sharing.ts assertModelled: with a territory model, access to accounts (and the opportunities, cases,
  // contacts and leads territories reach) that is not already full is not computed but fails loudly, naming the
  // feature.
  it('the access of a user who does not own an account fails loudly', () => {
    const u = org.user('Standard User');
    const account = org.insert('Account', { Name: 'West Co', OwnerId: org.adminId });
    expect(() => recordAccess(org.view(u), account)).toThrow(EmulatorUnsupportedError);
    expect(() => recordAccess(org.view(u), account)).toThrow(/Enterprise Territory Management/);
    expect(() => userRecordAccess(org, u, account.id)).toThrow(EmulatorUnsupportedError);
  });

  it('the owner and an administrator are still All', () => {
    const u = org.user('Standard User');
    const account = org.insert('Account', { Name: 'Own Co', OwnerId: u });
    expect(recordAccess(org.view(u), account)).toBe('All');
    expect(recordAccess(org.view(org.adminId), account)).toBe('All');
  });
});
