import { join } from 'node:path';
import { evaluatePolicy } from '../../core/PolicyEngine';
import { loadPolicyMetadata } from '../PolicyMetadataLoader';

// The records the package ships, read from force-app as the CLI reads them (twin: PolicySelectorTest.cls).
const shipped = loadPolicyMetadata(join(__dirname, '..', '..', '..', 'force-app'));

describe('PolicyMetadataLoader on the shipped records', () => {
  it('carries Operations__c: only Opp_Delete_Approval lists an operation, every other rule decides updates only', () => {
    const listed = shipped.policies.filter((p) => p.Operations__c !== undefined && p.Operations__c !== null);
    expect(listed.map((p) => [p.DeveloperName, p.Operations__c])).toEqual([['Opp_Delete_Approval', 'Delete']]);
  });

  it('sends an Opportunity delete to a sales manager and leaves a create to the default', () => {
    const deletion = evaluatePolicy(shipped, {
      object: 'Opportunity',
      operation: 'delete',
      confidence: 1,
      changes: { Name: { before: 'Acme', after: null }, Probability: { before: 10, after: null } },
    });
    expect([deletion.effect, deletion.risk, deletion.approverGroup]).toEqual([
      'RequireApproval',
      'High',
      'Sales_Managers',
    ]);
    expect(deletion.matchedPolicies).toEqual(['Opp_Delete_Approval']);
    const creation = evaluatePolicy(shipped, {
      object: 'Opportunity',
      operation: 'create',
      confidence: 1,
      changes: { Name: { before: null, after: 'Acme' }, Probability: { before: null, after: 10 } },
    });
    expect([creation.effect, creation.approverGroup, creation.matchedPolicies]).toEqual([
      'RequireApproval',
      'ActionPlane_Approvers',
      [],
    ]);
  });
});
