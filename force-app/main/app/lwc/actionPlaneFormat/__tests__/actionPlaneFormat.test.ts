import {
  approvalProgress,
  cannotDecideMarker,
  changeLines,
  clipSummary,
  clipText,
  dateShiftDays,
  describeDetail,
  effectLabel,
  eventTypeLabel,
  formatAge,
  formatConfidence,
  formatExpiry,
  formatValue,
  hasLiveRecord,
  isReadableWordDiff,
  isRestore,
  kindOf,
  numberChange,
  operationOf,
  operationText,
  outcomeMessage,
  picklistMove,
  readableEvidence,
  recordLabel,
  relationText,
  riskBadgeClass,
  runStatusLabel,
  statusLabel,
  validateEdit,
  valuesMatch,
  wantsWordDiff,
  wordDiff,
} from 'c/actionPlaneFormat';
import type { DecisionOutcome, FieldChange, InboxRow } from 'c/actionPlaneApi';

jest.mock('c/actionPlaneLabels', () =>
  jest.requireActual<{ labelsModule(): object }>('../../../../../../test/jest-mocks/labelTexts').labelsModule(),
);

const STAGES = ['Prospecting', 'Qualification', 'Proposal', 'Negotiation', 'Closed Won', 'Closed Lost'];
const US = { locale: 'en-US', currency: 'USD' };

function change(
  type: string,
  extra: Partial<FieldChange> = {},
): Pick<FieldChange, 'field' | 'label' | 'type' | 'scale' | 'picklistValues'> {
  return { field: 'Amount', label: 'Amount', type, scale: null, picklistValues: null, ...extra };
}

describe('kindOf', () => {
  it('mapsDisplayTypesAndMetadataNamesInAnyCase', () => {
    expect(kindOf('CURRENCY')).toBe('currency');
    expect(kindOf('Double')).toBe('number');
    expect(kindOf('DATETIME')).toBe('datetime');
    expect(kindOf('TextArea')).toBe('longtext');
    expect(kindOf('LongTextArea')).toBe('longtext');
    expect(kindOf('Checkbox')).toBe('boolean');
    expect(kindOf('MultiPicklist')).toBe('multipicklist');
    expect(kindOf(null)).toBe('text');
  });
});

describe('formatValue', () => {
  it('formatsCurrencyWithSymbolAndScale', () => {
    expect(formatValue('currency', 50000, US)).toBe('$50,000.00');
    expect(formatValue('currency', '1234.5', { ...US, scale: 0 })).toBe('$1,235');
  });
  it('formatsNumbersPercentsAndIntegers', () => {
    expect(formatValue('number', 1234.5678, US)).toBe('1,234.5678');
    expect(formatValue('percent', 12.5, US)).toBe('12.5%');
    expect(formatValue('integer', 42, US)).toBe('42');
  });
  it('formatsDatesWithoutTimeZoneShift', () => {
    expect(formatValue('date', '2026-12-31', US)).toBe('Dec 31, 2026');
    expect(formatValue('date', '2026-01-01', US)).toBe('Jan 1, 2026');
  });
  it('formatsDateTimesInUtc', () => {
    expect(formatValue('datetime', '2026-11-26T09:05:00Z', US)).toBe('Nov 26, 2026, 09:05 AM UTC');
  });
  it('formatsBooleansPicklistsAndText', () => {
    expect(formatValue('boolean', true, US)).toBe('Yes');
    expect(formatValue('boolean', false, US)).toBe('No');
    expect(formatValue('multipicklist', 'A;B', US)).toBe('A, B');
    expect(formatValue('picklist', 'Closed Won', US)).toBe('Closed Won');
    expect(formatValue('text', 'Call Monday', US)).toBe('Call Monday');
  });
  it('showsBlanksAsEmpty', () => {
    for (const kind of ['currency', 'date', 'boolean', 'text'] as const) {
      expect(formatValue(kind, null, US)).toBe('');
      expect(formatValue(kind, '  ', US)).toBe('');
    }
  });
  it('showsUnparseableValuesAsGiven', () => {
    expect(formatValue('currency', 'lots', US)).toBe('lots');
    expect(formatValue('date', '2026-02-30', US)).toBe('2026-02-30');
  });
});

describe('describeDetail', () => {
  it('givesCurrencyDeltaAndPercent', () => {
    expect(
      describeDetail({ type: 'currency', before: 50000, after: 67500, scale: 2, picklistValues: null }, US),
    ).toEqual({
      text: '+$17,500.00 (+35%)',
      tone: 'up',
    });
    expect(describeDetail({ type: 'currency', before: 1000, after: 800, scale: 2, picklistValues: null }, US)).toEqual({
      text: '\u2212$200.00 (\u221220%)',
      tone: 'down',
    });
  });
  it('saysFromBlankWhenThereIsNoPercentage', () => {
    expect(describeDetail({ type: 'double', before: null, after: 5, scale: null, picklistValues: null }, US).text).toBe(
      '+5 (from blank)',
    );
    expect(numberChange(0, 10)).toEqual({ delta: 10, percent: null });
  });
  it('givesDateShiftInDays', () => {
    expect(
      describeDetail(
        { type: 'date', before: '2026-12-01', after: '2026-12-15', scale: null, picklistValues: null },
        US,
      ),
    ).toEqual({
      text: '+14 days (later)',
      tone: 'up',
    });
    expect(
      describeDetail({ type: 'date', before: '2026-12-15', after: '2026-12-12', scale: null, picklistValues: null }, US)
        .text,
    ).toBe('\u22123 days (earlier)');
    expect(dateShiftDays('2026-03-28', '2026-03-30')).toBe(2);
    expect(dateShiftDays('2026-11-26T00:00:00Z', '2026-11-27T12:00:00Z')).toBe(1.5);
    expect(dateShiftDays(null, '2026-11-27')).toBeNull();
  });
  it('givesStageMoveDirection', () => {
    expect(picklistMove('Qualification', 'Closed Won', STAGES)).toEqual({ direction: 'forward', steps: 3 });
    expect(
      describeDetail(
        {
          type: 'picklist',
          before: 'Negotiation',
          after: 'Qualification',
          scale: null,
          picklistValues: STAGES,
          ordered: true,
        },
        US,
      ),
    ).toEqual({
      text: 'back 2 steps',
      tone: 'down',
    });
    expect(
      describeDetail(
        {
          type: 'picklist',
          before: 'Prospecting',
          after: 'Qualification',
          scale: null,
          picklistValues: STAGES,
          ordered: true,
        },
        US,
      ).text,
    ).toBe('forward 1 step');
    expect(picklistMove('Unknown', 'Closed Won', STAGES).direction).toBe('unknown');
    expect(picklistMove('Proposal', 'Proposal', STAGES).direction).toBe('none');
  });
  it('isEmptyForUnchangedOrPlainText', () => {
    expect(describeDetail({ type: 'currency', before: 5, after: 5, scale: 2, picklistValues: null }, US).text).toBe('');
    expect(
      describeDetail({ type: 'string', before: 'a', after: 'b', scale: null, picklistValues: null }, US).text,
    ).toBe('');
  });
});

describe('picklists that are not a sequence', () => {
  it('giveNoStepsForAnUnorderedPicklist', () => {
    // Case Priority High → Low is a different value, not "2 steps back".
    expect(
      describeDetail(
        { type: 'picklist', before: 'High', after: 'Low', scale: null, picklistValues: ['High', 'Medium', 'Low'] },
        US,
      ),
    ).toEqual({ text: '', tone: 'neutral' });
  });
});

describe('lookups and matching values', () => {
  it('showsALookupValueAsTheRecordName', () => {
    const names = { '0055g0000000002AAA': 'Maria Lopez' };
    expect(formatValue('reference', '0055g0000000002AAA', { names })).toBe('Maria Lopez');
    expect(formatValue('reference', '0055g0000000009AAA', { names })).toBe('0055g0000000009AAA');
  });
  it('matchesNumbersByValueAndBlanksTogether', () => {
    expect(valuesMatch('currency', 50000, '50000.00')).toBe(true);
    expect(valuesMatch('text', null, '')).toBe(true);
    expect(valuesMatch('picklist', 'Closed Won', 'Closed Lost')).toBe(false);
  });
});

describe('wordDiff', () => {
  it('marksRemovedAndAddedWordsAndKeepsTheRest', () => {
    const segments = wordDiff('Call the buyer on Monday', 'Call the CFO on Tuesday');
    expect(segments.map((s) => [s.kind, s.text])).toEqual([
      ['same', 'Call the '],
      ['removed', 'buyer'],
      ['added', 'CFO'],
      ['same', ' on '],
      ['removed', 'Monday'],
      ['added', 'Tuesday'],
    ]);
  });
  it('handlesBlankSides', () => {
    expect(wordDiff('', 'new text').map((s) => s.kind)).toEqual(['added']);
    expect(wordDiff('old text', '').map((s) => s.kind)).toEqual(['removed']);
  });
  it('staysFastOnVeryLongTexts', () => {
    const before = Array.from({ length: 5000 }, (_, i) => `w${i}`).join(' ');
    const after = Array.from({ length: 5000 }, (_, i) => `v${i}`).join(' ');
    const started = Date.now();
    const segments = wordDiff(before, after);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(segments.map((s) => s.kind)).toEqual(['removed', 'added']);
  });
  it('usesWordDiffForLongTextOnly', () => {
    expect(wantsWordDiff('longtext', 'a', 'b')).toBe(true);
    expect(wantsWordDiff('text', 'short', 'text')).toBe(false);
    expect(wantsWordDiff('text', 'x'.repeat(81), 'y')).toBe(true);
    expect(wantsWordDiff('currency', 'x'.repeat(81), 'y')).toBe(false);
  });
});

describe('validateEdit', () => {
  it('acceptsNumbersWithinScaleAndRejectsOthersNamingTheField', () => {
    expect(validateEdit(change('currency', { scale: 2 }), '1,250.50')).toEqual({ ok: true, value: 1250.5 });
    expect(validateEdit(change('currency', { scale: 2 }), 'lots')).toEqual({
      ok: false,
      error: 'Amount must be a number, got "lots".',
    });
    expect(validateEdit(change('currency', { scale: 2 }), '1.234')).toEqual({
      ok: false,
      error: 'Amount allows at most 2 decimal places, got "1.234".',
    });
    expect(validateEdit(change('integer', { label: 'Seats' }), '2.5')).toEqual({
      ok: false,
      error: 'Seats must be a whole number, got "2.5".',
    });
    expect(validateEdit(change('percent', { label: 'Probability' }), '40%')).toEqual({ ok: true, value: 40 });
  });
  it('acceptsRealDatesOnly', () => {
    const closeDate = change('date', { field: 'CloseDate', label: 'Close Date' });
    expect(validateEdit(closeDate, '2026-12-31')).toEqual({ ok: true, value: '2026-12-31' });
    expect(validateEdit(closeDate, '2026-02-30')).toEqual({
      ok: false,
      error: 'Close Date must be a date as YYYY-MM-DD, got "2026-02-30".',
    });
    expect(validateEdit(closeDate, '31/12/2026').ok).toBe(false);
  });
  it('normalisesDateTimesToUtc', () => {
    expect(validateEdit(change('datetime'), '2026-11-26T10:00:00+01:00')).toEqual({
      ok: true,
      value: '2026-11-26T09:00:00.000Z',
    });
    expect(validateEdit(change('datetime'), 'tomorrow').ok).toBe(false);
  });
  it('checksPicklistValues', () => {
    const stage = change('picklist', { field: 'StageName', label: 'Stage', picklistValues: STAGES });
    expect(validateEdit(stage, 'Proposal')).toEqual({ ok: true, value: 'Proposal' });
    expect(validateEdit(stage, 'Won')).toEqual({
      ok: false,
      error: `Stage must be one of: ${STAGES.join(', ')}. Got "Won".`,
    });
    const multi = change('multipicklist', { label: 'Regions', picklistValues: ['EMEA', 'APAC'] });
    expect(validateEdit(multi, 'EMEA; APAC')).toEqual({ ok: true, value: 'EMEA;APAC' });
    expect(validateEdit(multi, 'EMEA;Mars').ok).toBe(false);
  });
  it('checksBooleansEmailsUrlsPhonesAndIds', () => {
    expect(validateEdit(change('boolean'), 'true')).toEqual({ ok: true, value: true });
    expect(validateEdit(change('boolean'), 'maybe').ok).toBe(false);
    expect(validateEdit(change('email', { label: 'Email' }), 'a@b.co')).toEqual({ ok: true, value: 'a@b.co' });
    expect(validateEdit(change('email', { label: 'Email' }), 'a@b')).toEqual({
      ok: false,
      error: 'Email must be an email address, got "a@b".',
    });
    expect(validateEdit(change('url'), 'https://example.com/x').ok).toBe(true);
    expect(validateEdit(change('url'), 'not a url').ok).toBe(false);
    expect(validateEdit(change('phone'), '+1 (415) 555-0100').ok).toBe(true);
    expect(validateEdit(change('phone'), 'call me').ok).toBe(false);
    expect(validateEdit(change('reference'), '001000000000001AAA').ok).toBe(true);
    expect(validateEdit(change('reference'), '001').ok).toBe(false);
  });
  it('treatsBlankAsClearingTheField', () => {
    expect(validateEdit(change('currency'), '   ')).toEqual({ ok: true, value: null });
  });
  it('keepsTextAsTyped', () => {
    expect(validateEdit(change('string'), ' Next call ')).toEqual({ ok: true, value: ' Next call ' });
  });
});

describe('ages, expiry and badges', () => {
  const now = Date.parse('2026-11-26T12:00:00Z');
  it('formatsAge', () => {
    expect(formatAge('2026-11-26T11:58:00Z', now)).toBe('2m');
    expect(formatAge('2026-11-26T09:00:00Z', now)).toBe('3h');
    expect(formatAge('2026-11-24T12:00:00Z', now)).toBe('2d');
    expect(formatAge(null, now)).toBe('');
  });
  it('formatsExpiryWithUrgency', () => {
    expect(formatExpiry('2026-11-26T14:00:00Z', now)).toEqual({ text: 'in 2h', tone: 'soon' });
    expect(formatExpiry('2026-11-29T12:00:00Z', now)).toEqual({ text: 'in 3d', tone: 'ok' });
    expect(formatExpiry('2026-11-26T11:00:00Z', now)).toEqual({ text: 'Expired', tone: 'expired' });
    expect(formatExpiry(null, now)).toEqual({ text: '', tone: 'none' });
  });
  it('formatsConfidence', () => {
    expect(formatConfidence(0.874)).toBe('87%');
    expect(formatConfidence(null)).toBe('');
  });
  it('givesCriticalRiskTheErrorTheme', () => {
    expect(riskBadgeClass('Critical')).toContain('slds-theme_error');
    expect(riskBadgeClass('High')).toContain('slds-theme_warning');
  });
});

describe('statusLabel and effectLabel', () => {
  it('showsEveryStatusAsReadableWords', () => {
    const statuses = [
      'Proposed',
      'AutoApproved',
      'PendingApproval',
      'Approved',
      'Applied',
      'Blocked',
      'Rejected',
      'Expired',
      'Cancelled',
      'Superseded',
      'Failed',
      'Conflict',
      'Compensated',
    ];
    expect(statuses.map(statusLabel)).toEqual([
      'Proposed',
      'Auto-approved',
      'Pending approval',
      'Approved',
      'Applied',
      'Blocked',
      'Rejected',
      'Expired',
      'Cancelled',
      'Superseded',
      'Failed',
      'Conflict (record changed)',
      'Reverted',
    ]);
  });
  it('showsEveryEffectAsReadableWords', () => {
    expect(['AutoRun', 'RequireApproval', 'Block'].map(effectLabel)).toEqual([
      'Runs automatically',
      'Needs approval',
      'Blocked by policy',
    ]);
  });
  it('fallsBackToTheStoredValueWhenUnknown', () => {
    expect(statusLabel('Escalated')).toBe('Escalated');
    expect(statusLabel('toString')).toBe('toString');
    expect(effectLabel('Quarantine')).toBe('Quarantine');
    expect(statusLabel(null)).toBe('');
    expect(effectLabel(undefined)).toBe('');
  });
  it('showsEveryRunStatusAsReadableWords', () => {
    expect(
      ['Open', 'AwaitingApproval', 'Completed', 'PartiallyApplied', 'Rejected', 'Halted', 'Failed', 'Paused'].map(
        runStatusLabel,
      ),
    ).toEqual([
      'Open',
      'Awaiting approval',
      'Completed',
      'Partially applied',
      'Rejected',
      'Halted',
      'Failed',
      'Paused',
    ]);
  });
});

describe('readableEvidence', () => {
  it('prettyPrintsJson', () => {
    expect(readableEvidence('{"email":"x","score":3}')).toEqual({
      isJson: true,
      json: '{\n  "email": "x",\n  "score": 3\n}',
      segments: [],
    });
  });
  it('makesHttpLinksClickable', () => {
    const evidence = readableEvidence('See https://mail.example.com/t/42 and the call notes.');
    expect(evidence.isJson).toBe(false);
    expect(evidence.segments.map((s) => [s.isLink, s.text])).toEqual([
      [false, 'See '],
      [true, 'https://mail.example.com/t/42'],
      [false, ' and the call notes.'],
    ]);
  });
  it('neverLinksJavascriptUrls', () => {
    // eslint-disable-next-line no-script-url -- the point of the test: such a string must never become a link
    const evidence = readableEvidence('javascript:alert(1)');
    expect(evidence.segments.every((s) => !s.isLink)).toBe(true);
  });
  it('showsBrokenJsonAsText', () => {
    expect(readableEvidence('{not json').segments[0]?.text).toBe('{not json');
  });
});

describe('clipSummary', () => {
  it('clipsLongValuesAtAWordBoundaryAndKeepsEveryFieldAndArrow', () => {
    const summary =
      'Amount: 15,000 → 20,250; Next Step: Call the buyer on Monday to confirm the number of seats → Call the CFO on Tuesday to confirm the discount';
    expect(clipSummary(summary, 30)).toBe(
      'Amount: 15,000 → 20,250; Next Step: Call the buyer on Monday to… → Call the CFO on Tuesday to…',
    );
  });

  it('leavesShortSummariesAlone', () => {
    expect(clipSummary('Stage: Prospecting → Closed Won')).toBe('Stage: Prospecting → Closed Won');
  });

  it('cutsAWordlessRunMidWord', () => {
    expect(clipText('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

describe('isReadableWordDiff', () => {
  it('acceptsAnEditThatKeepsMostWords', () => {
    expect(
      isReadableWordDiff(wordDiff('Call the buyer on Monday to confirm', 'Call the CFO on Monday to confirm')),
    ).toBe(true);
  });
  it('refusesAFullRewrite', () => {
    expect(
      isReadableWordDiff(wordDiff('Send revised quote to procurement', 'Book the kickoff workshop for January')),
    ).toBe(false);
  });
});

function row(extra: Partial<InboxRow> = {}): InboxRow {
  return {
    id: 'a1',
    name: 'PA-000001',
    status: 'PendingApproval',
    effect: 'RequireApproval',
    risk: 'High',
    objectName: 'Opportunity',
    recordId: '006',
    recordName: 'Acme',
    agent: 'pipeline-agent',
    runId: 'r1',
    runName: 'RUN-1',
    confidence: 0.9,
    createdAt: '2026-12-01T00:00:00.000Z',
    expiresAt: null,
    changedFields: ['Amount'],
    summary: 'Opportunity: Amount',
    requiredApprovals: 2,
    approvals: 0,
    canDecide: true,
    ...extra,
  };
}

describe('changeLines', () => {
  it('formatsEachChangeAsTheReviewDoes', () => {
    const lines = changeLines(
      row({
        changes: [
          { field: 'Amount', label: 'Amount', type: 'CURRENCY', before: 15000, after: 20250, scale: 2 },
          { field: 'CloseDate', label: 'Close Date', type: 'DATE', before: '2026-12-19', after: null, scale: null },
          { field: 'OwnerId', label: 'Owner', type: 'REFERENCE', before: '005A', after: '005B', scale: null },
        ],
        referenceNames: { '005A': 'Maria Lopez', '005B': 'Sam Okafor' },
      }),
    );
    expect(lines.map((line) => line.text)).toEqual([
      'Amount: $15,000.00 → $20,250.00',
      'Close Date: Dec 19, 2026 → (blank)',
      'Owner: Maria Lopez → Sam Okafor',
    ]);
  });
  it('fallsBackToTheSummaryOfAnOlderServer', () => {
    expect(changeLines(row()).map((line) => line.text)).toEqual(['Opportunity: Amount']);
  });
});

describe('approvalProgress', () => {
  it('countsInTheRightNumber', () => {
    expect(approvalProgress(0, 1)).toBe('0 of 1 approval');
    expect(approvalProgress(1, 2)).toBe('1 of 2 approvals');
    expect(approvalProgress(0, 0)).toBe('');
  });
});

describe('cannotDecideMarker', () => {
  it('saysWhoseTheActionIs', () => {
    expect(
      cannotDecideMarker(
        row({ canDecide: false, cannotDecideCode: 'NOT_APPROVER', approverGroupLabel: 'ActionPlane Approvers' }),
      ),
    ).toBe('Not yours (ActionPlane Approvers)');
    expect(cannotDecideMarker(row({ canDecide: false, cannotDecideCode: 'OWN_PROPOSAL' }))).toBe(
      'Your proposal: another approver decides',
    );
    expect(cannotDecideMarker(row({ canDecide: false, cannotDecideCode: 'ALREADY_VOTED' }))).toBe(
      'You approved: waiting for others',
    );
    expect(cannotDecideMarker(row())).toBe('');
    expect(cannotDecideMarker(row({ canDecide: false, status: 'Applied' }))).toBe('');
  });
});

function outcome(extra: Partial<DecisionOutcome> = {}): DecisionOutcome {
  return {
    actionId: 'a1',
    name: 'PA-000004',
    ok: true,
    status: 'Applied',
    message: null,
    approvals: 1,
    requiredApprovals: 1,
    decidedBy: ['Maria Lopez'],
    lastDecision: 'Approve',
    resultMessage: null,
    ...extra,
  };
}

describe('outcomeMessage', () => {
  it('namesTheActionAndWhatItLedTo', () => {
    expect(outcomeMessage(outcome(), 'Approve')).toEqual({
      title: 'PA-000004 approved and applied',
      message: '',
      tone: 'success',
    });
    expect(outcomeMessage(outcome({ status: 'Rejected' }), 'Reject').title).toBe('PA-000004 rejected');
  });
  it('saysTheFirstOfTwoApprovalsWaitsForOneMore', () => {
    expect(outcomeMessage(outcome({ status: 'PendingApproval', requiredApprovals: 2 }), 'Approve').title).toBe(
      'PA-000004: 1 of 2 approvals, waiting for one more',
    );
    expect(
      outcomeMessage(outcome({ status: 'PendingApproval', approvals: 1, requiredApprovals: 3 }), 'Approve').title,
    ).toBe('PA-000004: 1 of 3 approvals, waiting for 2 more');
  });
  it('warnsWhenAnApprovalWroteNothing', () => {
    const conflict = outcomeMessage(
      outcome({ status: 'Conflict', resultMessage: 'Not applied: StageName changed' }),
      'Approve',
    );
    expect(conflict).toEqual({
      title: 'PA-000004 approved but not applied',
      message: 'Not applied: StageName changed',
      tone: 'warning',
    });
  });
  it('saysWhoDecidedWhenTheVoteCameTooLate', () => {
    expect(
      outcomeMessage(outcome({ ok: false, status: 'Applied', decidedBy: ['Sam Okafor'] }), 'Approve'),
    ).toMatchObject({ title: 'PA-000004 was already decided by Sam Okafor: it is Applied', tone: 'warning' });
  });
  it('isAnErrorWhenTheServerRefusedForAnotherReason', () => {
    expect(
      outcomeMessage(outcome({ ok: false, status: 'PendingApproval', message: 'You proposed it' }), 'Approve'),
    ).toEqual({ title: 'PA-000004 was not decided', message: 'You proposed it', tone: 'error' });
  });
});

describe('eventTypeLabel and relationText', () => {
  it('readsInWords', () => {
    expect(eventTypeLabel('StatusChanged')).toBe('Status changed');
    expect(eventTypeLabel('SomethingNew')).toBe('SomethingNew');
    expect(relationText({ relation: 'retryOf', name: 'PA-000004', status: 'Expired' })).toBe(
      'Re-plan of PA-000004, which ended Expired',
    );
    expect(relationText({ relation: 'retriedBy', name: 'PA-000009', status: 'PendingApproval' })).toBe(
      'Re-planned as PA-000009 (Pending approval)',
    );
  });
});

describe('operations', () => {
  it('readsTheOperationInAnyCaseAndAnAbsentOneAsAnUpdate', () => {
    expect(operationOf(row({ operation: 'Create' }))).toBe('Create');
    expect(operationOf({ operation: 'delete' as InboxRow['operation'] })).toBe('Delete');
    expect(operationOf(row())).toBe('Update');
    expect(operationOf(null)).toBe('Update');
  });

  it('saysTheOperationWithTheObjectsLabel', () => {
    expect(operationText(row({ operation: 'Create', objectLabel: 'Opportunity' }))).toBe('Create Opportunity');
    expect(operationText(row({ operation: 'Delete', objectName: 'Invoice__c', objectLabel: 'Invoice' }))).toBe(
      'Delete Invoice',
    );
    expect(operationText(row({ objectName: 'Case' }))).toBe('Update Case');
  });

  it('saysACreateThatRestoresADeletedRecordIsARestore', () => {
    const restore = row({ operation: 'Create', restoresRecord: true, objectLabel: 'Opportunity' });
    expect(isRestore(restore)).toBe(true);
    expect(operationText(restore)).toBe('Restore Opportunity');
    expect(isRestore(row({ operation: 'Create' }))).toBe(false);
    expect(isRestore(row({ operation: 'Update', restoresRecord: true }))).toBe(false);
  });

  it('linksARecordOnlyWhileItExists', () => {
    expect(hasLiveRecord(row())).toBe(true);
    expect(hasLiveRecord(row({ operation: 'Create', recordId: null }))).toBe(false);
    expect(hasLiveRecord(row({ operation: 'Create', status: 'Applied' }))).toBe(true);
    expect(hasLiveRecord(row({ operation: 'Delete' }))).toBe(true);
    expect(hasLiveRecord(row({ operation: 'Delete', status: 'Applied' }))).toBe(false);
    expect(hasLiveRecord(row({ operation: 'Create', restoresRecord: true }))).toBe(false);
    expect(hasLiveRecord(row({ operation: 'Create', restoresRecord: true, status: 'Applied' }))).toBe(true);
  });

  it('namesTheRecordOfACreateBeforeItExists', () => {
    expect(recordLabel(row({ operation: 'Create', recordId: null, recordName: 'Acme Expansion' }))).toBe(
      'Acme Expansion',
    );
    expect(recordLabel(row({ operation: 'Create', recordId: null, recordName: null }))).toBe('New Opportunity');
    expect(recordLabel(row({ recordName: null }))).toBe('006');
  });

  it('listsACreatesNewValuesAndADeletesRemovedValuesWithoutArrows', () => {
    const changes = [{ field: 'Amount', label: 'Amount', type: 'currency', before: null, after: 20000, scale: 2 }];
    expect(changeLines(row({ operation: 'Create', changes }))).toEqual([
      {
        key: 'Amount',
        label: 'Amount',
        before: '(blank)',
        after: '$20,000.00',
        text: 'Amount: $20,000.00',
        isRemoved: false,
      },
    ]);
    const removed = [{ field: 'Amount', label: 'Amount', type: 'currency', before: 15000, after: null, scale: 2 }];
    expect(changeLines(row({ operation: 'Delete', changes: removed }))[0]).toMatchObject({
      text: 'Amount: $15,000.00',
      isRemoved: true,
    });
    expect(changeLines(row({ changes: removed }))[0]).toMatchObject({
      text: 'Amount: $15,000.00 → (blank)',
      isRemoved: false,
    });
  });
});
