// The wire of the entry points: a client's JSON null for an sObject field is Apex null (RFC 8259 null; Apex
// Developer Guide, "Apex REST Methods" — parameters are deserialized as JSON.deserialize does), never the text "null".
import { join } from 'node:path';
import { Org } from '../../org/Org';
import { loadProject } from '../../project';
import { callAura } from '../aura';
import { runRequest } from '../transaction';
import { fromWire } from '../wireValues';
import { SObjectValue } from '../../runtime/sobject';

const project = loadProject(join(__dirname, 'fixtures', 'gaps'));

describe('fromWire', () => {
  it('reads a JSON null for an sObject field as Apex null', () => {
    const org = new Org(project, { clock: () => Date.UTC(2026, 0, 15, 12, 0, 0) });
    const outcome = runRequest(org, org.seed.adminUserId, (txn) =>
      fromWire(
        txn,
        { Name: 'Acme', Description: null, NumberOfEmployees: null },
        { kind: 'sobject', sobject: 'Account' },
      ),
    );
    const rec = outcome.result as SObjectValue;
    expect(rec.values.get('name')).toBe('Acme');
    expect(rec.values.has('description')).toBe(true);
    expect(rec.values.get('description')).toBeNull();
    expect(rec.values.get('numberofemployees')).toBeNull();
  });

  it('hands an @AuraEnabled method a null field, not "null"', () => {
    const org = new Org(project, { clock: () => Date.UTC(2026, 0, 15, 12, 0, 0) });
    const answer = callAura(org, {
      className: 'WireEcho',
      methodName: 'describeAccount',
      params: { record: { Name: 'Acme', Description: null } },
      userId: org.seed.adminUserId,
    });
    expect(answer).toMatchObject({ ok: true, value: 'null value' });
  });
});
