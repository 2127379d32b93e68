import { evaluatePolicy } from '../PolicyEngine';

// Twin of the operation tests in PolicyEvaluationTest.cls (the conformance vectors hold the rest).
const metadata = {
  policies: [{ DeveloperName: 'Opp_All_Block', Object__c: 'Opportunity', Fields__c: '*', Effect__c: 'Block' }],
};

describe('PolicyEvaluation operations', () => {
  it('refuses an action with an unknown operation', () => {
    expect(() =>
      evaluatePolicy(metadata, {
        object: 'Opportunity',
        operation: 'Merge',
        changes: { Amount: { before: 1, after: 2 } },
      }),
    ).toThrow("unknown operation 'Merge' (use Create, Update or Delete)");
  });

  it('decides a delete no policy covers with the default and names the operation', () => {
    const d = evaluatePolicy(metadata, {
      object: 'Opportunity',
      operation: 'delete',
      changes: { Amount: { before: 50000, after: null } },
    });
    expect(d.operation).toBe('Delete');
    expect(d.effect).toBe('RequireApproval');
    expect(d.reasons[0]).toBe(
      'No policy covers deleting Opportunity records, so the default effect RequireApproval applies: needs 1 approval (ActionPlaneSetting.Default)',
    );
    expect(d.matchedPolicies).toEqual([]);
  });

  it('decides a create without values as a whole record, never as "no change"', () => {
    const d = evaluatePolicy(metadata, { object: 'Opportunity', operation: 'Create', changes: {} });
    expect(d.effect).toBe('RequireApproval');
    expect(d.fieldEffects).toEqual([]);
    expect(d.contributors.map((c) => c.fields)).toEqual([[]]);
    expect(d.reasons).toHaveLength(1);
  });

  it('keeps an update as it was: the operation defaults to Update', () => {
    const d = evaluatePolicy(metadata, { object: 'Opportunity', changes: { Amount: { before: 1, after: 2 } } });
    expect(d.operation).toBe('Update');
    expect(d.effect).toBe('Block');
  });
});
