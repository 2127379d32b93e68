// The security metadata of the fidelity project (emulator/fidelity: SecProbe_* objects, permission sets, the
// SecProbe_Bundle group, custom permissions, groups and the queue) seeds, and the model answers what the SecProbe
// Apex probes assert.
import { join } from 'node:path';
import { ApexId } from '../../values/Id';
import { checkQueryReads, QueryAccessError, SecurityModel } from '../enforcement';
import { fieldAccessible, fieldUpdateable } from '../describeAccess';
import { recordAccess } from '../sharing';
import { checkShareWrite } from '../shareRows';
import { userRecordAccess } from '../userRecordAccess';
import { SecOrg } from './harness';

const FIDELITY = join(__dirname, '..', '..', '..', 'fidelity');

describe('the fidelity project', () => {
  const org = new SecOrg(FIDELITY);
  const P = org.describe('SecProbe_Private__c');
  const f = (name: string) => P.fields.get(name) as NonNullable<ReturnType<typeof P.fields.get>>;
  const persona = (...sets: string[]): string => {
    const u = org.user('Standard User');
    for (const s of sets) org.assign(u, s);
    return u;
  };

  it('seeds its permission sets, group, custom permissions, groups and queue', () => {
    expect([...org.seed.permissionSets.keys()].filter((k) => k.startsWith('secprobe_')).sort()).toEqual([
      'secprobe_editor',
      'secprobe_flag',
      'secprobe_modifyall',
      'secprobe_reader',
      'secprobe_viewall',
    ]);
    expect(org.seed.permissionSetGroups.has('secprobe_bundle')).toBe(true);
    expect(org.seed.customPermissions.has('secprobe_approve')).toBe(true);
    expect(org.seed.groups.has('secprobe_outer')).toBe(true);
    expect(org.seed.queues.has('secprobe_queue')).toBe(true);
    expect(org.schema.has('SecProbe_Private__Share')).toBe(true);
    expect(org.schema.has('SecProbe_Read__Share')).toBe(true);
    expect(org.schema.has('SecProbe_Public__Share')).toBe(false);
    expect(org.schema.has('SecProbe_Detail__Share')).toBe(false);
  });
  it('SecProbe_Reader reads Level__c only; the administrator does not see Hidden__c', () => {
    const v = org.view(persona('SecProbe_Reader'));
    expect(fieldAccessible(v, P, f('Level__c'))).toBe(true);
    expect(fieldUpdateable(v, P, f('Level__c'))).toBe(false);
    expect(fieldAccessible(v, P, f('Hidden__c'))).toBe(false);
    expect(fieldAccessible(org.view(org.adminId), P, f('Hidden__c'))).toBe(false);
    const e = (() => {
      try {
        checkQueryReads(v, [{ object: 'SecProbe_Private__c', fields: ['Id', 'Hidden__c'] }], 'USER_MODE');
      } catch (err) {
        return err as QueryAccessError;
      }
      return undefined;
    })();
    expect(e?.inaccessibleFields.get('SecProbe_Private__c')).toEqual(new Set(['Hidden__c']));
  });
  it('the SecProbe_Bundle group gives SecProbe_Reader and SecProbe_Flag', () => {
    const u = org.user('Standard User');
    org.assignGroup(u, 'SecProbe_Bundle');
    const v = org.view(u);
    expect(v.objectPermissions(P).read).toBe(true);
    expect(v.hasCustomPermission('SecProbe_Flagged')).toBe(true);
    expect(v.hasCustomPermission('SecProbe_Approve')).toBe(false);
  });
  it('an Edit share without object Edit is read access only (SecProbeUserRecordAccessTest)', () => {
    const u = persona('SecProbe_Reader');
    const rec = org.insert('SecProbe_Private__c', {});
    org.share(rec, u, 'Edit');
    expect(userRecordAccess(org, u, rec.id)).toMatchObject({ HasReadAccess: true, HasEditAccess: false });
  });
  it('a detail needs Edit on its master; the Read-master detail needs Read (SecProbeMasterDetailTest)', () => {
    const u = persona('SecProbe_Editor');
    const model = new SecurityModel(org);
    const dml = model.dmlSecurity({ userId: u }, 'with', 'default');
    const master = org.insert('SecProbe_Private__c', {});
    org.share(master, u, 'Read');
    expect(
      dml.checkNewValues(
        org.describe('SecProbe_Detail__c'),
        new Map([['master__c', ApexId.valueOf(master.id)]]),
        'insert',
      )?.statusCode,
    ).toBe('INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY');
    const readMaster = org.insert('SecProbe_Read__c', {});
    expect(
      dml.checkNewValues(
        org.describe('SecProbe_ReadDetail__c'),
        new Map([['master__c', ApexId.valueOf(readMaster.id)]]),
        'insert',
      ),
    ).toBeNull();
  });
  it('a Read share of a Public Read Only record is refused (SecProbeShareRowTest)', () => {
    const u = persona('SecProbe_Reader');
    const rec = org.insert('SecProbe_Read__c', {});
    const values = new Map<string, never>([
      ['parentid', ApexId.valueOf(rec.id) as never],
      ['userorgroupid', ApexId.valueOf(u) as never],
      ['accesslevel', 'Read' as never],
    ]);
    expect(checkShareWrite(org, org.describe('SecProbe_Read__Share'), values, null, 'insert')?.statusCode).toBe(
      'FIELD_INTEGRITY_EXCEPTION',
    );
  });
  it('queue members and nested group members reach the records (SecProbeSharingTest)', () => {
    const u = persona('SecProbe_Reader');
    const queue = org.groupId('SecProbe_Queue');
    org.member(queue, u);
    expect(recordAccess(org.view(u), org.insert('SecProbe_Private__c', { OwnerId: queue }))).toBe('All');
    const w = persona('SecProbe_Reader');
    org.member(org.groupId('SecProbe_Outer'), org.groupId('SecProbe_Group'));
    org.member(org.groupId('SecProbe_Group'), w);
    const rec = org.insert('SecProbe_Private__c', {});
    org.share(rec, org.groupId('SecProbe_Outer'), 'Read');
    expect(recordAccess(org.view(w), rec)).toBe('Read');
  });
  it('class access to SecProbeController comes with SecProbe_Editor', () => {
    expect(org.view(persona('SecProbe_Reader')).hasApexClassAccess('SecProbeController')).toBe(false);
    expect(org.view(persona('SecProbe_Editor')).hasApexClassAccess('SecProbeController')).toBe(true);
  });
});
