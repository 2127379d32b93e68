/**
 * describeOutcome says what an action's operation means for the user: nothing created or deleted until approved,
 * what was created or deleted, and the same words as before for an update (an answer without an operation).
 */
import { describeOutcome, operationOf, valueList, type ActionDetail, type ActionResult, type FieldChange } from '..';

function field(name: string, before: FieldChange['before'], after: FieldChange['after']): FieldChange {
  return { field: name, label: name, before, after, effect: 'RequireApproval', rule: null };
}

function action(overrides: Partial<ActionResult>): ActionResult {
  return {
    id: 'a065g0000000001AAA',
    idempotencyKey: 'k',
    status: 'PendingApproval',
    effect: 'RequireApproval',
    risk: 'Medium',
    reasons: ['no policy covers creating Opportunity records'],
    approverGroup: 'ActionPlane_Approvers',
    expiresAt: null,
    fieldChanges: [],
    ...overrides,
  };
}

const created = [field('Name', null, 'Acme - Second Team'), field('Amount', null, 20000)];
const removed = [field('Name', 'Acme Renewal', null), field('Amount', 50000, null)];

function detail(overrides: Partial<ActionDetail>): ActionDetail {
  return {
    ...action(overrides),
    runId: 'a055g0000000001AAA',
    object: 'Opportunity',
    recordId: null,
    appliedValues: {},
    decisions: [],
    auditEvents: [],
    ...overrides,
  };
}

describe('describeOutcome', () => {
  it('saysNothingIsCreatedUntilAPendingCreateIsApproved', () => {
    expect(describeOutcome(action({ operation: 'create', fieldChanges: created }))).toBe(
      'Submitted for approval by ActionPlane_Approvers because no policy covers creating Opportunity records. ' +
        'Nothing is created until it is approved.',
    );
  });

  it('saysNothingIsDeletedUntilAPendingDeleteIsApproved', () => {
    expect(describeOutcome(action({ operation: 'delete', fieldChanges: removed, reasons: [] }))).toBe(
      'Submitted for approval by ActionPlane_Approvers. Nothing is deleted until it is approved.',
    );
  });

  it('keepsTheUpdateWordsForAnAnswerWithoutAnOperation', () => {
    expect(describeOutcome(action({ reasons: [] }))).toBe(
      'Submitted for approval by ActionPlane_Approvers. Nothing changes until it is approved.',
    );
    expect(describeOutcome(action({ status: 'Blocked', reasons: [] }))).toBe('Blocked by policy. Nothing was changed.');
  });

  it('namesTheCreatedRecordAndItsValues', () => {
    const applied = detail({
      operation: 'create',
      status: 'Applied',
      recordId: '0065g00000000ABAAY',
      fieldChanges: created,
    });
    expect(describeOutcome(applied)).toBe(
      'Created after approval (Opportunity 0065g00000000ABAAY): Name "Acme - Second Team", Amount 20000.',
    );
    expect(
      describeOutcome(action({ operation: 'create', status: 'Applied', effect: 'AutoRun', fieldChanges: created })),
    ).toBe('Created automatically: Name "Acme - Second Team", Amount 20000.');
  });

  it('saysADeletedRecordIsDeletedAndARestoredOneRestored', () => {
    const deleted = detail({
      operation: 'delete',
      status: 'Applied',
      recordId: '0065g0000000001AAA',
      fieldChanges: removed,
    });
    expect(describeOutcome(deleted)).toBe('Deleted after approval (Opportunity 0065g0000000001AAA).');
    expect(describeOutcome({ ...deleted, status: 'Compensated', resultMessage: null })).toBe(
      'Deleted earlier and then restored from the Recycle Bin.',
    );
    expect(describeOutcome({ ...deleted, status: 'Conflict', resultMessage: 'Amount changed since the plan' })).toBe(
      'Not deleted: the record changed or was deleted after the proposal (Amount changed since the plan). ' +
        'Read the record again and propose anew if it should still go.',
    );
  });

  it('saysWhatNothingMeansForEveryEndWithoutEffect', () => {
    const create = action({ operation: 'create', fieldChanges: created, reasons: [] });
    expect(describeOutcome({ ...create, status: 'Blocked' })).toBe('Blocked by policy. Nothing was created.');
    expect(describeOutcome({ ...create, status: 'Failed', resultMessage: 'Name: required' })).toBe(
      'Could not be created: Name: required.',
    );
    const del = action({ operation: 'delete', fieldChanges: removed });
    expect(describeOutcome({ ...del, status: 'Expired', expiresAt: '2026-12-04T09:00:00Z' })).toBe(
      'Expired: nobody decided before 2026-12-04T09:00:00Z (this is not a rejection). Nothing was deleted; propose it again if it still matters.',
    );
    expect(describeOutcome({ ...del, status: 'Failed', resultMessage: null })).toBe('Could not be deleted.');
  });
});

describe('valueList and operationOf', () => {
  it('listsRemovedValuesForADeleteAndNewOnesForACreateAtMostSix', () => {
    expect(valueList(action({ operation: 'delete', fieldChanges: removed }))).toBe('Name "Acme Renewal", Amount 50000');
    const many = Array.from({ length: 8 }, (_, i) => field(`F${i}`, null, i));
    expect(valueList(action({ operation: 'create', fieldChanges: many }))).toBe(
      'F0 0, F1 1, F2 2, F3 3, F4 4, F5 5 and 2 more',
    );
  });

  it('readsAnyCaseAndTakesNoneAsAnUpdate', () => {
    expect([operationOf({ operation: 'Create' }), operationOf({}), operationOf({ operation: null })]).toEqual([
      'create',
      'update',
      'update',
    ]);
  });
});
