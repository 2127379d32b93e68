import type { InboxRow } from 'c/actionPlaneApi';
import {
  dialogTitle,
  nextDecidableIndex,
  pageStateOf,
  sortOpenFirst,
  splitSelection,
  stateFromPage,
  summarizeResults,
  triageCommand,
  triageHelp,
  type InboxState,
} from '../inboxTriage';

jest.mock('c/actionPlaneLabels', () =>
  jest.requireActual<{ labelsModule(): object }>('../../../../../../test/jest-mocks/labelTexts').labelsModule(),
);

describe('triageCommand', () => {
  it('mapsTheTriageKeys', () => {
    expect(triageCommand('j')).toBe('next');
    expect(triageCommand('ArrowDown')).toBe('next');
    expect(triageCommand('k')).toBe('previous');
    expect(triageCommand('a')).toBe('approve');
    expect(triageCommand('r')).toBe('reject');
    expect(triageCommand('e')).toBe('edit');
    expect(triageCommand('o')).toBe('openRecord');
    expect(triageCommand('?')).toBe('help');
    expect(triageCommand('x')).toBe('toggle');
    expect(triageCommand('Enter')).toBe('review');
    expect(triageCommand('u')).toBe('undo');
  });
  it('ignoresOtherKeys', () => {
    expect(triageCommand('q')).toBeNull();
    expect(triageCommand('A')).toBeNull();
  });
  it('documentsEveryKeyInHelp', () => {
    expect(triageHelp().map((item) => item.keys)).toEqual(['j / k', 'x', 'a', 'r', 'u', 'e', 'o', 'Enter', '?', 'Esc']);
  });
});

describe('summarizeResults', () => {
  it('countsSuccesses', () => {
    const summary = summarizeResults(
      [
        { actionId: 'a1', ok: true, status: 'Applied', message: null },
        { actionId: 'a2', ok: true, status: 'Approved', message: null },
      ],
      'Approve',
    );
    expect(summary.title).toBe('2 of 2 approved');
    expect(summary.failed).toEqual([]);
  });
  it('namesEachFailureWithItsReason', () => {
    const summary = summarizeResults(
      [
        { actionId: 'a1', ok: true, status: 'Rejected', message: null },
        { actionId: 'a2', ok: false, status: null, message: 'Already decided' },
      ],
      'Reject',
    );
    expect(summary.title).toBe('1 of 2 rejected');
    expect(summary.message).toBe('1 could not be decided: a2: Already decided');
  });
});

describe('sortOpenFirst', () => {
  it('putsOpenActionsFirstSoonestExpiryFirstAndKeepsTheRestInOrder', () => {
    const base = { changedFields: [], canDecide: true } as unknown as InboxRow;
    const rows = [
      { ...base, id: 'done1', status: 'Applied', expiresAt: null },
      { ...base, id: 'late', status: 'PendingApproval', expiresAt: '2026-12-05T00:00:00Z' },
      { ...base, id: 'done2', status: 'Rejected', expiresAt: null },
      { ...base, id: 'soon', status: 'Approved', expiresAt: '2026-11-27T00:00:00Z' },
    ] as InboxRow[];
    expect(sortOpenFirst(rows).map((sorted) => sorted.id)).toEqual(['soon', 'late', 'done1', 'done2']);
  });
});

function row(id: string, extra: Partial<InboxRow> = {}): InboxRow {
  return {
    id,
    name: `PA-${id}`,
    status: 'PendingApproval',
    canDecide: true,
    changedFields: [],
    recordName: `Deal ${id}`,
    ...extra,
  } as unknown as InboxRow;
}

describe('nextDecidableIndex', () => {
  const rows = [row('1'), row('2', { canDecide: false }), row('3'), row('4', { status: 'Applied' })];
  it('skipsRowsTheUserCannotDecideAndWraps', () => {
    expect(nextDecidableIndex(rows, 0)).toBe(2);
    expect(nextDecidableIndex(rows, 2)).toBe(0);
  });
  it('skipsDecisionsWaitingToBeSent', () => {
    expect(nextDecidableIndex(rows, 0, new Set(['3']))).toBe(0);
    expect(nextDecidableIndex(rows, 0, new Set(['1', '3']))).toBe(-1);
  });
});

describe('splitSelection', () => {
  it('namesWhatABulkDecisionSkipsAndWhy', () => {
    const rows = [
      row('1'),
      row('2', { canDecide: false, cannotDecideCode: 'NOT_APPROVER', approverGroupLabel: 'ActionPlane Approvers' }),
      row('3', { canDecide: false, cannotDecideReason: 'PA-3 is Applied, not waiting for approval.' }),
    ];
    const { targets, skipped } = splitSelection(rows, ['1', '2', '3']);
    expect(targets.map((r) => r.id)).toEqual(['1']);
    expect(skipped.map((s) => [s.row.id, s.why])).toEqual([
      ['2', 'Not yours (ActionPlane Approvers)'],
      ['3', 'PA-3 is Applied, not waiting for approval.'],
    ]);
    expect(dialogTitle('Approve', 1)).toBe('Approve 1 action');
    expect(dialogTitle('Reject', 3)).toBe('Reject 3 actions');
  });
});

describe('summarizeResults with outcomes', () => {
  it('namesWhoDecidedFirstAndAnApprovalThatWroteNothing', () => {
    const summary = summarizeResults(
      [
        { actionId: 'a1', ok: true, status: 'Applied', message: null },
        { actionId: 'a2', ok: false, status: 'Applied', message: 'PA-2 is Applied, not waiting for approval.' },
        { actionId: 'a3', ok: true, status: 'Conflict', message: null },
      ],
      'Approve',
      [
        {
          actionId: 'a1',
          name: 'PA-1',
          ok: true,
          status: 'Applied',
          message: null,
          approvals: 1,
          requiredApprovals: 1,
          decidedBy: [],
          lastDecision: 'Approve',
          resultMessage: null,
        },
        {
          actionId: 'a2',
          name: 'PA-2',
          ok: false,
          status: 'Applied',
          message: null,
          approvals: 1,
          requiredApprovals: 1,
          decidedBy: ['Sam Okafor'],
          lastDecision: 'Approve',
          resultMessage: null,
        },
        {
          actionId: 'a3',
          name: 'PA-3',
          ok: true,
          status: 'Conflict',
          message: null,
          approvals: 1,
          requiredApprovals: 1,
          decidedBy: [],
          lastDecision: 'Approve',
          resultMessage: 'Stage changed',
        },
      ],
    );
    expect(summary.title).toBe('2 of 3 approved');
    expect(summary.tone).toBe('warning');
    expect(summary.message).toBe(
      '2 could not be decided: PA-2 was already decided by Sam Okafor: it is Applied; PA-3 approved but not applied: Stage changed',
    );
  });
});

describe('page state', () => {
  const defaults: InboxState = {
    actionId: null,
    status: 'Open',
    objectName: '',
    risk: '',
    agent: '',
    mine: true,
    pageNumber: 1,
  };
  it('readsTheOpenReviewAndTheFilters', () => {
    expect(stateFromPage({ c__action: 'a9', c__mine: '0', c__risk: 'High', c__page: '2' }, defaults)).toEqual({
      ...defaults,
      actionId: 'a9',
      mine: false,
      risk: 'High',
      pageNumber: 2,
    });
    expect(stateFromPage(undefined, defaults)).toEqual(defaults);
  });
  it('writesOnlyWhatDiffersFromTheDefaults', () => {
    expect(pageStateOf({ ...defaults, actionId: 'a9', status: 'All' }, defaults)).toEqual({
      c__action: 'a9',
      c__status: 'All',
      c__object: undefined,
      c__risk: undefined,
      c__agent: undefined,
      c__mine: undefined,
      c__page: undefined,
    });
  });
  it('roundTrips', () => {
    const view = { ...defaults, actionId: 'a1', mine: false, agent: 'pipeline-agent', pageNumber: 3 };
    const state = Object.fromEntries(Object.entries(pageStateOf(view, defaults)).filter(([, v]) => v !== undefined));
    expect(stateFromPage(state, defaults)).toEqual(view);
  });
});
