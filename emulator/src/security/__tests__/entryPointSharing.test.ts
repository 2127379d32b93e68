// Entry points run the caller's class with the sharing the Apex Developer Guide gives it, and only for a caller
// with access to the class.
//
// Sharing ("Apex Security and Sharing Model", Versioned Behavior Changes; "Use the with sharing, without sharing,
// and inherited sharing Keywords"; Spring '21 release notes, "Use with sharing for @AuraEnabled Apex Controllers
// with Implicit Sharing (Update, Enforced)"):
// - `inherited sharing` runs as with sharing when it is the entry point (Lightning, Apex REST, invocable …);
// - a class without a keyword, saved at API 66.0 or earlier, keeps the sharing in effect — at an Apex REST or
//   invocable entry point that is none, i.e. without sharing — except an @AuraEnabled method called from
//   Lightning, which runs with sharing;
// - a class without a keyword saved at API 67.0 or later, or in an inheritance chain with such a class, runs with
//   sharing.
// Class access (Help, "Set Apex Class Access from Permission Sets"): REST answers 403 FORBIDDEN "You do not have
// access to the Apex class named: <Class>", Lightning and invocable actions refuse with "You do not have access to
// the Apex class named '<Class>'." (security/classAccess.ts, the org reports they come from).
//
// The fixture (fixtures/entry): Ep_Doc__c is Private; the caller (Standard User + Ep_Caller, which grants read and
// the classes) owns one of two docs, so a with-sharing count is 1 and a without-sharing count is 2.
import { join } from 'node:path';
import { callAura } from '../../entry/aura';
import { callInvocable } from '../../entry/invocable';
import { callRest } from '../../entry/rest';
import { runAnonymous } from '../../entry/anonymous';
import { Org } from '../../org/Org';
import { loadProject } from '../../project';
import { plainText } from '../../runtime/stringify';

const project = loadProject(join(__dirname, 'fixtures', 'entry'));

function run(org: Org, source: string): void {
  const out = runAnonymous(org, source);
  if (out.error) throw new Error(`${out.error.message}\n${out.error.stackTrace ?? ''}`);
}

function userNamed(org: Org, username: string): string {
  const user = [...org.db.table('User')].find((r) => plainText(r.fields.get('username') ?? null) === username);
  if (!user) throw new Error(`no user ${username}`);
  return user.id;
}

/** An org with the caller (Ep_Caller), a reader (Ep_Reader: the object, no class) and two docs, one the caller's. */
function newOrg(): { org: Org; caller: string; reader: string } {
  const org = new Org(project, { clock: () => Date.UTC(2026, 0, 15, 12, 0, 0) });
  run(
    org,
    `Id standard = [SELECT Id FROM Profile WHERE Name = 'Standard User' LIMIT 1].Id;
     List<User> people = new List<User>();
     for (String name : new List<String>{ 'caller', 'reader' }) {
       people.add(new User(LastName = name, Username = name + '@ep.test', Email = name + '@ep.test', Alias = name.left(8),
         ProfileId = standard, TimeZoneSidKey = 'GMT', LocaleSidKey = 'en_US', EmailEncodingKey = 'UTF-8',
         LanguageLocaleKey = 'en_US'));
     }
     insert people;
     Map<String, Id> sets = new Map<String, Id>();
     for (PermissionSet ps : [SELECT Id, Name FROM PermissionSet WHERE Name IN ('Ep_Caller', 'Ep_Reader')]) {
       sets.put(ps.Name, ps.Id);
     }
     insert new List<PermissionSetAssignment>{
       new PermissionSetAssignment(AssigneeId = people[0].Id, PermissionSetId = sets.get('Ep_Caller')),
       new PermissionSetAssignment(AssigneeId = people[1].Id, PermissionSetId = sets.get('Ep_Reader'))
     };`,
  );
  // Records after the setup objects, in a transaction of their own (MIXED_DML_OPERATION otherwise).
  run(
    org,
    `insert new List<Ep_Doc__c>{
       new Ep_Doc__c(Name = 'the administrator\\'s'),
       new Ep_Doc__c(Name = 'the caller\\'s', OwnerId = [SELECT Id FROM User WHERE Username = 'caller@ep.test'].Id)
     };`,
  );
  return { org, caller: userNamed(org, 'caller@ep.test'), reader: userNamed(org, 'reader@ep.test') };
}

function aura(org: Org, className: string, userId: string): unknown {
  const answer = callAura(org, { className, methodName: 'visibleDocs', params: {}, userId });
  return answer.ok ? answer.value : `${answer.kind}: ${answer.message}`;
}

function rest(org: Org, path: string, userId: string): { status: number; body: unknown } {
  const answer = callRest(org, { method: 'GET', path, userId });
  return { status: answer.status, body: JSON.parse(answer.body.toString('utf8')) as unknown };
}

function invocable(org: Org, className: string, userId: string): unknown {
  const answer = callInvocable(org, { className, inputs: ['one'], userId });
  return answer.ok ? answer.outputs : answer.message;
}

describe('the sharing an entry point runs with', () => {
  const { org, caller } = newOrg();

  it('inherited sharing runs as with sharing at every entry point', () => {
    expect(aura(org, 'EpInheritedAura', caller)).toBe(1);
    expect(rest(org, '/ep/inherited', caller)).toEqual({ status: 200, body: 1 });
    expect(invocable(org, 'EpInheritedInvocable', caller)).toEqual([1]);
  });

  it('without sharing runs without sharing (the control)', () => {
    expect(aura(org, 'EpWithoutAura', caller)).toBe(2);
  });

  it('a class without a keyword (API 65.0) runs without sharing at an Apex REST or invocable entry point', () => {
    expect(rest(org, '/ep/undeclared', caller)).toEqual({ status: 200, body: 2 });
    expect(invocable(org, 'EpUndeclaredInvocable', caller)).toEqual([2]);
  });

  // "Apex Security and Sharing Model", Versioned Behavior Changes: "If the class is an Aura controller or an
  // @AuraEnabled method called from a Lightning web component, the class runs in with sharing mode" (the Spring '21
  // update, enforced). runtime/invoke.ts sharingFor.
  it('a class without a keyword (API 65.0) called from Lightning runs with sharing', () => {
    expect(aura(org, 'EpUndeclaredAura', caller)).toBe(1);
  });

  // Same page: "In API version 67.0 and later, classes without an explicit sharing declaration run in with sharing
  // mode." The query says WITH SYSTEM_MODE, so only the class's sharing decides (user mode, the API 67.0 default,
  // would apply sharing whatever the keyword).
  it('a class without a keyword saved at API 67.0 runs with sharing at an Apex REST entry point', () => {
    expect(rest(org, '/ep/undeclared67', caller)).toEqual({ status: 200, body: 1 });
  });

  // Same page: "If the class is part of an inheritance chain, and any class in that chain is saved as API version
  // 67.0 and later, the class runs in with sharing mode" — here a class that extends it (EpChild67).
  it('a class without a keyword (API 65.0) extended by an API 67.0 class runs with sharing', () => {
    expect(rest(org, '/ep/base65', caller)).toEqual({ status: 200, body: 1 });
  });
});

describe('an entry point refuses a caller without access to its class', () => {
  const { org, reader } = newOrg();

  it('Apex REST: 403 FORBIDDEN naming the class', () => {
    const answer = rest(org, '/ep/undeclared', reader);
    expect(answer.status).toBe(403);
    const [error] = answer.body as { errorCode: string; message: string }[];
    expect(error?.errorCode).toBe('FORBIDDEN');
    expect(error?.message).toContain('EpUndeclaredRest');
    expect(answer.body).toHaveLength(1);
  });

  // callRest (entry/rest.ts → entry/access.ts) and the security model's entryPointRefusal share one text
  // (security/classAccess.ts): an org's REST answer as reported, "… named: <Class>" without quotes or full stop
  // (forcedotcom/SalesforceMobileSDK-Android#2690, restforce/restforce#599).
  it("Apex REST: the 403 text is the security model's REST answer", () => {
    expect(rest(org, '/ep/undeclared', reader).body).toEqual([
      { errorCode: 'FORBIDDEN', message: 'You do not have access to the Apex class named: EpUndeclaredRest' },
    ]);
  });

  it('@AuraEnabled: refused with the quoted message', () => {
    expect(aura(org, 'EpInheritedAura', reader)).toBe(
      "denied: You do not have access to the Apex class named 'EpInheritedAura'.",
    );
  });

  it('invocable action: refused with the same message, no outputs', () => {
    const answer = callInvocable(org, { className: 'EpInheritedInvocable', inputs: ['one'], userId: reader });
    expect(answer).toEqual({
      ok: false,
      message: "You do not have access to the Apex class named 'EpInheritedInvocable'.",
    });
  });

  it('the same caller with the permission set that grants the class is let in', () => {
    run(
      org,
      `insert new PermissionSetAssignment(AssigneeId = '${reader}',
         PermissionSetId = [SELECT Id FROM PermissionSet WHERE Name = 'Ep_Caller'].Id);`,
    );
    expect(invocable(org, 'EpInheritedInvocable', reader)).toEqual([0]);
    expect(rest(org, '/ep/undeclared', reader).status).toBe(200);
  });
});
