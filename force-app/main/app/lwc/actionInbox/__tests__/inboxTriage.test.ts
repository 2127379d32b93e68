import type { InboxRow } from 'c/actionPlaneApi';
import { sortOpenFirst, summarizeResults, triageCommand, triageHelp } from '../inboxTriage';

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
  });
  it('ignoresOtherKeys', () => {
    expect(triageCommand('q')).toBeNull();
    expect(triageCommand('A')).toBeNull();
  });
  it('documentsEveryKeyInHelp', () => {
    expect(triageHelp().map((item) => item.keys)).toEqual(['j / k', 'x', 'a', 'r', 'e', 'o', 'Enter', '?', 'Esc']);
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
    expect(sortOpenFirst(rows).map((row) => row.id)).toEqual(['soon', 'late', 'done1', 'done2']);
  });
});
