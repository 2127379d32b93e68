import { createElement } from 'lwc';
import ActionReview from 'c/actionReview';
import getAction from '@salesforce/apex/ActionInboxController.getAction';
import decide from '@salesforce/apex/ActionInboxController.decide';
import replan from '@salesforce/apex/ActionInboxController.replan';
import compensate from '@salesforce/apex/ActionInboxController.compensate';
import previewEdit from '@salesforce/apex/ActionInboxController.previewEdit';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import type { ActionDetail } from 'c/actionPlaneApi';

jest.mock('c/actionPlaneLabels', () =>
  jest.requireActual<{ labelsModule(): object }>('../../../../../../test/jest-mocks/labelTexts').labelsModule(),
);
jest.mock('@salesforce/apex/ActionInboxController.getAction', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/ActionInboxController.decide', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/ActionInboxController.replan', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/ActionInboxController.compensate', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/ActionInboxController.previewEdit', () => ({ default: jest.fn() }), { virtual: true });

const getActionMock = getAction as unknown as jest.Mock;
const decideMock = decide as unknown as jest.Mock;
const replanMock = replan as unknown as jest.Mock;
const compensateMock = compensate as unknown as jest.Mock;
const previewMock = previewEdit as unknown as jest.Mock;

/** decide's answer for one action: the result and where the action stands now. */
function decided(status: string, ok = true, extra: Record<string, unknown> = {}) {
  return {
    results: [{ actionId: 'a1', ok, status, message: ok ? null : 'PA-0001 is Applied, not waiting for approval.' }],
    outcomes: [
      {
        actionId: 'a1',
        name: 'PA-0001',
        ok,
        status,
        message: null,
        approvals: 1,
        requiredApprovals: 2,
        decidedBy: [],
        lastDecision: 'Approve',
        resultMessage: null,
        ...extra,
      },
    ],
  };
}

function detail(overrides: Partial<ActionDetail['action']> = {}, canDecide = true): ActionDetail {
  return {
    action: {
      id: 'a1',
      name: 'PA-0001',
      status: 'PendingApproval',
      effect: 'RequireApproval',
      risk: 'High',
      objectName: 'Opportunity',
      recordId: '006000000000001AAA',
      recordName: 'Acme renewal',
      agent: 'pipeline-agent',
      runId: 'r1',
      runName: 'RUN-0001',
      confidence: 0.82,
      createdAt: '2026-11-26T10:00:00Z',
      expiresAt: '2099-01-01T00:00:00Z',
      changedFields: ['Amount'],
      summary: 'Amount +35%',
      requiredApprovals: 2,
      approvals: 1,
      canDecide,
      rationale: 'Customer confirmed the larger order by email.',
      evidence: 'Email thread https://mail.example.com/t/42 from the buyer',
      reasons: ['Amount rises by more than 20% (Amount_Large_Change): needs 2 approvals'],
      resultMessage: null,
      appliedAt: null,
      proposedBy: 'Agent User',
      allowSelfApproval: false,
      approverGroup: 'Sales_Managers',
      approverGroupLabel: 'Sales Managers',
      headline: 'Needs 2 approvals from Sales Managers: Amount rises 35% (more than 20%)',
      ruleReasons: ['Amount rises 35% (more than 20%): needs 2 approvals from Sales Managers (Amount_Large_Change)'],
      supersedes: null,
      retryOf: null,
      compensates: null,
      ...overrides,
    },
    fieldChanges: [
      {
        field: 'Amount',
        label: 'Amount',
        type: 'currency',
        before: 50000,
        after: 67500,
        applied: null,
        current: 52000,
        effect: 'RequireApproval',
        rule: 'Amount_Large_Change',
        sensitivity: null,
        editedByApprover: false,
        originalProposed: null,
        scale: 2,
        picklistValues: null,
        reason: 'Amount rises 35% (more than 20%): needs 2 approvals from Sales Managers',
        drifted: false,
      },
    ],
    decisions: [],
    run: {
      id: 'r1',
      name: 'RUN-0001',
      externalId: 'ext-1',
      agent: 'pipeline-agent',
      source: 'External',
      goal: 'Update pipeline',
      status: 'AwaitingApproval',
      requestedBy: null,
      createdAt: '2026-11-26T10:00:00Z',
    },
    canDecide,
    cannotDecideReason: canDecide ? null : 'You proposed this action; the policy does not allow self-approval.',
  };
}

/** One macrotask turn: every promise chain the component started (all microtasks) has settled by then. */
/** What ShowToastEvent carries (lightning/platformShowToastEvent). */
type Toast = { title: string; message: string; variant: string };

const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The shared card (c-action-plane-card) draws the heading, spinner and load error in its own shadow tree. */
function card(root: ShadowRoot): ShadowRoot {
  const element = root.querySelector('c-action-plane-card');
  if (!element?.shadowRoot) throw new Error('no c-action-plane-card');
  return element.shadowRoot;
}

async function render(data: ActionDetail | Error = detail(), props: Record<string, unknown> = {}) {
  if (data instanceof Error) getActionMock.mockRejectedValue({ body: { message: data.message } });
  else getActionMock.mockResolvedValue(data);
  const element = createElement('c-action-review', { is: ActionReview });
  Object.assign(element, { actionId: 'a1', ...props });
  const toasts: Toast[] = [];
  element.addEventListener('lightning__showtoast', (event) => toasts.push((event as CustomEvent<Toast>).detail));
  document.body.appendChild(element);
  await flush();
  return { element, root: element.shadowRoot as ShadowRoot, toasts };
}

function click(root: ShadowRoot, selector: string) {
  const button = root.querySelector(selector);
  if (!button) throw new Error(`missing ${selector}`);
  button.dispatchEvent(new CustomEvent('click'));
}

function typeReason(root: ShadowRoot, text: string) {
  const area = root.querySelector<HTMLTextAreaElement>('textarea.reason');
  if (!area) throw new Error('no reason box');
  area.value = text;
  area.dispatchEvent(new CustomEvent('input'));
}

afterEach(() => {
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  jest.clearAllMocks();
  window.sessionStorage.clear();
});

function typeInto(root: ShadowRoot, selector: string, text: string) {
  const area = root.querySelector<HTMLTextAreaElement>(selector);
  if (!area) throw new Error(`no ${selector}`);
  area.value = text;
  area.dispatchEvent(new CustomEvent('input'));
}

async function editAmount(root: ShadowRoot, value: string) {
  const diff = root.querySelector('c-field-diff') as HTMLElement;
  const input = diff.shadowRoot?.querySelector<HTMLInputElement>('input[data-field="Amount"]');
  if (!input) throw new Error('no edit input');
  input.value = value;
  input.dispatchEvent(new CustomEvent('input'));
  await flush();
}

describe('c-action-review', () => {
  it('showsTheActionReadably', async () => {
    const { root } = await render();
    expect(getActionMock).toHaveBeenCalledWith({ actionId: 'a1' });
    expect(root.querySelector('h2.review-title')?.textContent).toContain('PA-0001');
    expect(root.querySelector('h2.review-title .record-link')?.textContent).toBe('Acme renewal');
    expect(root.querySelector('.meta')?.textContent).toContain('confidence 82%');
    expect(root.querySelector('[data-badge="risk"]')?.textContent).toBe('Risk High');
    expect(root.querySelector('[data-badge="effect"]')).toBeNull();
    expect(root.querySelector('.rationale')?.textContent).toBe('Customer confirmed the larger order by email.');
    const link = root.querySelector<HTMLAnchorElement>('.evidence-text a');
    expect(link?.href).toBe('https://mail.example.com/t/42');
    expect(link?.target).toBe('_blank');
    expect([...root.querySelectorAll('.reasons li')].map((li) => li.textContent)).toEqual([
      'Amount rises 35% (more than 20%): needs 2 approvals from Sales Managers (Amount_Large_Change)',
    ]);
  });

  it('putsTheDecisionInTheHeaderAndTheHeadlineBeforeTheDiff', async () => {
    const { root } = await render();
    const header = root.querySelector('header.review-header');
    expect(header?.querySelector('[data-badge="progress"]')?.textContent).toBe('1 of 2 from Sales Managers');
    expect(header?.querySelector('.approve')).not.toBeNull();
    expect(header?.querySelector('.reject')).not.toBeNull();
    const body = root.querySelector('.review-body') as HTMLElement;
    expect(body.querySelector('.headline')?.textContent).toBe(
      'Needs 2 approvals from Sales Managers: Amount rises 35% (more than 20%)',
    );
    const order = [...body.querySelectorAll('.headline, c-field-diff, .rationale, details.rules')];
    expect(
      order.map((node) => (node.classList.contains('headline') ? 'headline' : node.tagName.toLowerCase())),
    ).toEqual(['headline', 'c-field-diff', 'p', 'details']);
    expect(root.querySelector('details.rules')?.hasAttribute('open')).toBe(false);
  });

  it('prettyPrintsJsonEvidence', async () => {
    const { root } = await render(detail({ evidence: '{"source":"email","id":42}' }));
    expect(root.querySelector('.evidence-json')?.textContent).toBe('{\n  "source": "email",\n  "id": 42\n}');
  });

  it('showsTheLoadErrorWithRetry', async () => {
    const { root } = await render(new Error('Insufficient access to this action.'));
    expect(card(root).querySelector('.load-error')?.textContent).toContain('Insufficient access to this action.');
    getActionMock.mockResolvedValue(detail());
    click(card(root), '.retry');
    await flush();
    expect(card(root).querySelector('.load-error')).toBeNull();
    expect(root.querySelector('.rationale')).not.toBeNull();
  });

  it('closesBesideRetryWhenItCouldNotLoadInAPanel', async () => {
    const { element, root } = await render(new Error('Insufficient access to this action.'), { showClose: true });
    const closed: string[] = [];
    element.addEventListener('close', () => closed.push('close'));
    click(card(root), '.slds-card__body lightning-button.close');
    expect(closed).toEqual(['close']);
  });

  it('approvesAndNotifiesTheRecordWhenApplied', async () => {
    decideMock.mockResolvedValue(decided('Applied'));
    const { element, root, toasts } = await render();
    const onDecided = jest.fn();
    element.addEventListener('decided', onDecided);
    click(root, '.approve');
    await flush();
    expect(decideMock).toHaveBeenCalledWith({
      actionIds: ['a1'],
      decision: 'Approve',
      reason: null,
      editedValues: null,
    });
    expect(toasts[0]).toMatchObject({ title: 'PA-0001 approved and applied', variant: 'success' });
    expect(onDecided).toHaveBeenCalled();
    expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([{ recordId: '006000000000001AAA' }]);
  });

  it('saysTheFirstOfTwoApprovalsWaitsForOneMore', async () => {
    decideMock.mockResolvedValue(decided('PendingApproval', true, { approvals: 1, requiredApprovals: 2 }));
    const { root, toasts } = await render();
    click(root, '.approve');
    await flush();
    expect(toasts[0]).toMatchObject({ title: 'PA-0001: 1 of 2 approvals, waiting for one more', variant: 'success' });
  });

  it('warnsWhenTheApprovalWroteNothing', async () => {
    decideMock.mockResolvedValue(decided('Conflict', true, { resultMessage: 'Not applied: Amount changed' }));
    const { root, toasts } = await render();
    click(root, '.approve');
    await flush();
    expect(toasts[0]).toEqual({
      title: 'PA-0001 approved but not applied',
      message: 'Not applied: Amount changed',
      variant: 'warning',
    });
  });

  it('showsWhoDecidedWhenSomeoneElseWasFirstAndReloads', async () => {
    decideMock.mockResolvedValue(decided('Applied', false, { decidedBy: ['Sam Okafor'] }));
    const { root, toasts } = await render();
    getActionMock.mockResolvedValue(
      detail({ status: 'Applied', appliedAt: '2026-11-26T11:00:00Z', appliedBy: 'Sam Okafor' }, false),
    );
    click(root, '.approve');
    await flush();
    expect(toasts[0]).toMatchObject({
      title: 'PA-0001 was already decided by Sam Okafor: it is Applied',
      variant: 'warning',
    });
    expect(getActionMock).toHaveBeenCalledTimes(2);
    expect(root.querySelector('.approve')).toBeNull();
    expect(root.querySelector('.state-applied')?.textContent).toContain('Applied as approved by Sam Okafor');
  });

  it('requiresAReasonToReject', async () => {
    const { root } = await render();
    click(root, '.reject');
    await flush();
    expect(root.querySelector('.confirm-reject')).not.toBeNull();
    click(root, '.confirm-reject');
    await flush();
    expect(decideMock).not.toHaveBeenCalled();
    expect(root.querySelector('.reason-error')?.textContent).toBe('A reason is required to reject.');
    decideMock.mockResolvedValue(decided('Rejected'));
    typeReason(root, 'Order not signed yet');
    await flush();
    click(root, '.confirm-reject');
    await flush();
    expect(decideMock).toHaveBeenCalledWith({
      actionIds: ['a1'],
      decision: 'Reject',
      reason: 'Order not signed yet',
      editedValues: null,
    });
  });

  it('keepsATypedReasonAcrossAReload', async () => {
    const first = await render();
    click(first.root, '.reject');
    await flush();
    typeReason(first.root, 'Waiting for the signed order');
    document.body.removeChild(first.element);
    const again = await render();
    expect(again.root.querySelector<HTMLTextAreaElement>('textarea.reason')?.value).toBe(
      'Waiting for the signed order',
    );
    expect(again.root.querySelector('.draft-restored')?.textContent).toBe('Your unsent reason was restored.');
  });

  it('warnsBeforeLeavingWithAnUnsentReason', async () => {
    const { root } = await render();
    click(root, '.reject');
    await flush();
    typeReason(root, 'Not yet');
    const leaving = new CustomEvent('beforeunload', { cancelable: true });
    window.dispatchEvent(leaving);
    expect(leaving.defaultPrevented).toBe(true);
  });

  it('recomputesWhatAnEditNeedsBeforeItIsSent', async () => {
    jest.useFakeTimers();
    try {
      previewMock.mockResolvedValue({
        actionId: 'a1',
        effect: 'RequireApproval',
        risk: 'High',
        requiredApprovals: 3,
        requiredApprovalsBefore: 2,
        approvals: 1,
        approverGroup: 'Sales_Managers',
        approverGroupLabel: 'Sales Managers',
        blocked: false,
        raisesApprovals: true,
        edited: true,
        headline: 'Needs 3 approvals from Sales Managers: Amount rises 200% (more than 100%)',
        message: 'This edit needs 3 approvals instead of 2 approvals: after your approval the action waits for 1 more.',
        ruleReasons: [],
        fields: [
          {
            field: 'Amount',
            after: 150000,
            edited: true,
            effect: 'RequireApproval',
            rule: 'X',
            reason: 'r',
            error: null,
          },
        ],
      });
      getActionMock.mockResolvedValue(detail());
      const element = createElement('c-action-review', { is: ActionReview });
      Object.assign(element, { actionId: 'a1', startInEdit: true });
      document.body.appendChild(element);
      await Promise.resolve();
      await jest.runOnlyPendingTimersAsync();
      const root = element.shadowRoot as ShadowRoot;
      const diff = root.querySelector('c-field-diff') as HTMLElement;
      const input = diff.shadowRoot?.querySelector<HTMLInputElement>('input[data-field="Amount"]');
      if (!input) throw new Error('no edit input');
      input.value = '150000';
      input.dispatchEvent(new CustomEvent('input'));
      await jest.advanceTimersByTimeAsync(400);
      expect(previewMock).toHaveBeenCalledWith({ actionId: 'a1', editedValues: { Amount: 150000 } });
      expect(root.querySelector('.preview-message')?.textContent).toContain('This edit needs 3 approvals instead of 2');
      expect(root.querySelector('[data-badge="progress"]')?.textContent).toBe('1 of 3 from Sales Managers');
      expect(root.querySelector('.headline')?.textContent).toContain('Needs 3 approvals');
      expect(diff.shadowRoot?.querySelector('[data-cell="change"]')?.textContent?.trim()).toBe('+$100,000.00 (+200%)');
    } finally {
      jest.useRealTimers();
    }
  });

  it('refusesToApproveAnEditPolicyWouldBlock', async () => {
    jest.useFakeTimers();
    try {
      previewMock.mockResolvedValue({
        blocked: true,
        edited: true,
        raisesApprovals: false,
        requiredApprovals: 2,
        requiredApprovalsBefore: 2,
        approvals: 1,
        message: 'Policy would block this edit, so it cannot be approved: Blocked',
        headline: 'Blocked',
        ruleReasons: [],
        fields: [],
      });
      getActionMock.mockResolvedValue(detail());
      const element = createElement('c-action-review', { is: ActionReview });
      Object.assign(element, { actionId: 'a1', startInEdit: true });
      document.body.appendChild(element);
      await Promise.resolve();
      await jest.runOnlyPendingTimersAsync();
      const root = element.shadowRoot as ShadowRoot;
      const diff = root.querySelector('c-field-diff') as HTMLElement;
      const input = diff.shadowRoot?.querySelector<HTMLInputElement>('input[data-field="Amount"]');
      if (!input) throw new Error('no edit input');
      input.value = '1';
      input.dispatchEvent(new CustomEvent('input'));
      await jest.advanceTimersByTimeAsync(400);
      const approve = root.querySelector('.approve-edited') as HTMLElement & { disabled: boolean };
      expect(approve.disabled).toBe(true);
      expect(root.querySelector('.preview-message')?.textContent).toContain('Policy would block this edit');
    } finally {
      jest.useRealTimers();
    }
  });

  it('flagsAStalePlanBeforeAnyoneVotes', async () => {
    const stale = detail({ stale: true, driftedFields: ['Amount'] });
    stale.fieldChanges[0] = { ...(stale.fieldChanges[0] as ActionDetail['fieldChanges'][number]), drifted: true };
    const { root } = await render(stale);
    expect(root.querySelector('.state-stale')?.textContent).toContain(
      'The record changed since the agent planned (Amount)',
    );
    const diff = root.querySelector('c-field-diff') as HTMLElement;
    expect(diff.shadowRoot?.querySelector('[data-cell="current"]')?.textContent).toContain(
      'Changed since the agent planned',
    );
  });

  it('saysWhatARePlanReplacesWithALink', async () => {
    const withLinks = detail({ retryOf: 'a0' });
    withLinks.related = [
      { relation: 'retryOf', actionId: 'a0', name: 'PA-0000', status: 'Expired', resultMessage: null },
    ];
    const { element, root } = await render(withLinks);
    const link = root.querySelector<HTMLAnchorElement>('.related-link');
    expect(link?.textContent).toBe('Re-plan of PA-0000, which ended Expired');
    const opened: string[] = [];
    element.addEventListener('openreview', (event) => {
      event.preventDefault();
      opened.push((event as CustomEvent<{ actionId: string }>).detail.actionId);
    });
    link?.dispatchEvent(new CustomEvent('click', { cancelable: true }));
    expect(opened).toEqual(['a0']);
  });

  it('approvesWithTheApproversEdits', async () => {
    previewMock.mockResolvedValue({
      edited: true,
      blocked: false,
      raisesApprovals: false,
      fields: [],
      ruleReasons: [],
      message: null,
    });
    decideMock.mockResolvedValue(decided('Approved'));
    const { root } = await render(detail(), { startInEdit: true });
    await editAmount(root, '60000');
    await new Promise((resolve) => setTimeout(resolve, 400));
    click(root, '.approve-edited');
    await flush();
    expect(decideMock).toHaveBeenCalledWith({
      actionIds: ['a1'],
      decision: 'Approve',
      reason: null,
      editedValues: { Amount: 60000 },
    });
  });

  it('blocksApprovalWhileAnEditIsInvalid', async () => {
    previewMock.mockResolvedValue({
      edited: false,
      blocked: false,
      raisesApprovals: false,
      fields: [],
      ruleReasons: [],
      message: null,
    });
    const { root } = await render(detail(), { startInEdit: true });
    await editAmount(root, 'lots');
    await new Promise((resolve) => setTimeout(resolve, 400));
    click(root, '.approve-edited');
    await flush();
    expect(decideMock).not.toHaveBeenCalled();
    expect(root.querySelector('.edit-errors')?.textContent).toBe('Amount must be a number, got "lots".');
  });

  it('toastsTheServersReasonWhenADecisionFails', async () => {
    decideMock.mockRejectedValue({ body: { message: 'You already approved this action.' } });
    const { root, toasts } = await render();
    click(root, '.approve');
    await flush();
    expect(toasts).toEqual([
      { title: 'Decision not saved', message: 'You already approved this action.', variant: 'error' },
    ]);
  });

  it('toastsAPerActionRefusal', async () => {
    decideMock.mockResolvedValue({
      results: [{ actionId: 'a1', ok: false, status: null, message: 'Quorum already met.' }],
    });
    const { root, toasts } = await render();
    click(root, '.approve');
    await flush();
    expect(toasts[0]).toMatchObject({ title: 'a1 was not decided', variant: 'error', message: 'Quorum already met.' });
  });

  it('explainsWhyTheUserCannotDecide', async () => {
    const { root } = await render(detail({}, false));
    expect(root.querySelector('.approve')).toBeNull();
    expect(root.querySelector('.cannot-decide')?.textContent).toBe(
      'You proposed this action; the policy does not allow self-approval.',
    );
  });

  it('showsCurrentValuesAndOffersReplanOnConflict', async () => {
    replanMock.mockResolvedValue({
      actionId: 'a2',
      status: 'PendingApproval',
      effect: 'RequireApproval',
      message: null,
    });
    const { root, toasts } = await render(detail({ status: 'Conflict' }, false));
    expect(root.querySelector('.state-conflict')).not.toBeNull();
    const diff = root.querySelector('c-field-diff') as HTMLElement & { showCurrent: boolean };
    expect(diff.showCurrent).toBe(true);
    expect(diff.shadowRoot?.querySelector('[data-cell="current"]')?.textContent).toContain('$52,000.00');
    click(root, '.replan');
    await flush();
    expect(replanMock).toHaveBeenCalledWith({ actionId: 'a1' });
    expect(toasts[0]).toMatchObject({ title: 'Re-planned', message: 'New action: Pending approval' });
    expect(getActionMock).toHaveBeenLastCalledWith({ actionId: 'a2' });
  });

  it('offersReplanForAnExpiredAction', async () => {
    const { root } = await render(detail({ status: 'Expired' }, false));
    expect(root.querySelector('.state-expired')).not.toBeNull();
    expect(root.querySelector('.replan')).not.toBeNull();
  });

  it('showsAppliedValuesAndRequiresAReasonToRevert', async () => {
    const { root } = await render(
      detail({ status: 'Applied', appliedAt: '2026-11-26T11:00:00Z', appliedBy: 'Maria Lopez' }, false),
    );
    expect(root.querySelector('.state-applied')?.textContent).toBe(
      'Applied as approved by Maria Lopez, Nov 26, 2026, 11:00 AM UTC.',
    );
    expect(root.querySelector('.state-applied')?.className).toContain('slds-theme_success');
    expect(root.querySelector('[data-badge="progress"]')).toBeNull();
    const diff = root.querySelector('c-field-diff') as HTMLElement & { showApplied: boolean };
    expect(diff.showApplied).toBe(true);
    click(root, '.compensate');
    await flush();
    expect(root.querySelector('.reason-error')?.textContent).toBe('A reason is required to revert an applied action.');
  });

  it('proposesTheRevertWithTheReasonAndReloadsTheAction', async () => {
    compensateMock.mockResolvedValue({ actionId: 'a2', status: 'Applied', effect: 'AutoRun', message: null });
    const { root, toasts } = await render(detail({ status: 'Applied', appliedAt: '2026-11-26T11:00:00Z' }, false));
    getActionMock.mockResolvedValue(detail({ status: 'Compensated' }, false));
    typeInto(root, 'textarea.revert-reason', 'Customer withdrew the order');
    click(root, '.compensate');
    await flush();
    expect(compensateMock).toHaveBeenCalledWith({ actionId: 'a1', reason: 'Customer withdrew the order' });
    expect(toasts[0]).toMatchObject({ title: 'Revert proposed', variant: 'success' });
    expect(getActionMock).toHaveBeenCalledTimes(2);
    expect(root.querySelector('.compensate')).toBeNull();
    const status = root.querySelector<HTMLElement>('[data-badge="status"]');
    expect([status?.textContent, status?.dataset.status]).toEqual(['Reverted', 'Compensated']);
  });

  it('worksFromARecordPageRecordId', async () => {
    getActionMock.mockResolvedValue(detail());
    const element = createElement('c-action-review', { is: ActionReview });
    Object.assign(element, { recordId: 'a9' });
    document.body.appendChild(element);
    await flush();
    expect(getActionMock).toHaveBeenCalledWith({ actionId: 'a9' });
  });
});

/** A pending create of an Opportunity: no record yet, the proposed name stands in for it. */
function createDetail(overrides: Partial<ActionDetail['action']> = {}): ActionDetail {
  const base = detail({
    operation: 'Create',
    objectLabel: 'Opportunity',
    recordId: null,
    recordName: 'Acme Expansion',
    changedFields: ['Name', 'Amount'],
    ...overrides,
  });
  const amount = base.fieldChanges[0];
  if (!amount) throw new Error('no field change');
  return {
    ...base,
    fieldChanges: [
      { ...amount, field: 'Name', label: 'Opportunity Name', type: 'string', before: null, after: 'Acme Expansion' },
      { ...amount, before: null, after: 20000, current: null },
    ],
  };
}

/** A pending delete of an Opportunity: its values, each removed with it. */
function deleteDetail(overrides: Partial<ActionDetail['action']> = {}): ActionDetail {
  const base = detail({ operation: 'Delete', objectLabel: 'Opportunity', recordName: 'Duplicate deal', ...overrides });
  const amount = base.fieldChanges[0];
  if (!amount) throw new Error('no field change');
  return { ...base, fieldChanges: [{ ...amount, before: 15000, after: null, current: 15000 }] };
}

type DiffProps = HTMLElement & {
  restores: boolean;
  operation: string;
  objectLabel: string;
  applied: boolean;
  editable: boolean;
  showCurrent: boolean;
  showApplied: boolean;
};

describe('c-action-review of a create or a delete', () => {
  it('namesAnUpdateInTheHeaderAsBefore', async () => {
    const { root } = await render();
    expect(root.querySelector('h2.review-title .operation')?.textContent).toBe('Update Opportunity');
    expect((root.querySelector('c-field-diff') as DiffProps).operation).toBe('Update');
  });

  it('saysACreateCreatesAndNamesTheRecordItWillMakeWithoutALink', async () => {
    const { root } = await render(createDetail());
    const title = root.querySelector('h2.review-title');
    expect(title?.querySelector('.operation')?.textContent).toBe('Create Opportunity');
    expect(title?.querySelector('.record-link')).toBeNull();
    expect(title?.querySelector('.record-name')?.textContent).toBe('Acme Expansion');
    expect(title?.getAttribute('title')).toBe('PA-0001 · Create Opportunity · Acme Expansion');
    const diff = root.querySelector('c-field-diff') as DiffProps;
    expect([diff.operation, diff.objectLabel, diff.showCurrent, diff.applied]).toEqual([
      'Create',
      'Opportunity',
      false,
      false,
    ]);
  });

  it('editsTheNewValuesOfACreate', async () => {
    const { root } = await render(createDetail());
    expect(root.querySelector('.edit')).not.toBeNull();
    click(root, '.edit');
    await flush();
    expect((root.querySelector('c-field-diff') as DiffProps).editable).toBe(true);
  });

  it('showsAnAppliedCreateWithItsAppliedAndCurrentValues', async () => {
    const { root } = await render(
      createDetail({ status: 'Applied', recordId: '006000000000009AAA', appliedAt: '2026-11-26T11:00:00Z' }),
    );
    expect(root.querySelector('h2.review-title .record-link')?.textContent).toBe('Acme Expansion');
    const diff = root.querySelector('c-field-diff') as DiffProps;
    expect([diff.showApplied, diff.showCurrent, diff.applied]).toEqual([true, true, true]);
  });

  it('saysARestoreRestoresAndOffersNoEditNorALinkToTheDeletedRecord', async () => {
    const { root } = await render(
      createDetail({ restoresRecord: true, recordId: '006000000000007AAA', compensates: 'a0' }),
    );
    expect(root.querySelector('h2.review-title .operation')?.textContent).toBe('Restore Opportunity');
    expect(root.querySelector('h2.review-title .record-link')).toBeNull();
    expect(root.querySelector('.edit')).toBeNull();
    expect(root.querySelector('.approve')).not.toBeNull();
    const diff = root.querySelector('c-field-diff') as DiffProps;
    expect([diff.operation, diff.restores]).toEqual(['Create', true]);
  });

  it('offersNoEditForADelete', async () => {
    const { root } = await render(deleteDetail());
    expect(root.querySelector('h2.review-title .operation')?.textContent).toBe('Delete Opportunity');
    expect(root.querySelector('h2.review-title .record-link')?.textContent).toBe('Duplicate deal');
    expect(root.querySelector('.approve')).not.toBeNull();
    expect(root.querySelector('.reject')).not.toBeNull();
    expect(root.querySelector('.edit')).toBeNull();
    const diff = root.querySelector('c-field-diff') as DiffProps;
    expect([diff.operation, diff.showCurrent, diff.showApplied]).toEqual(['Delete', true, false]);
  });

  it('ignoresStartInEditForADelete', async () => {
    const { root } = await render(deleteDetail(), { startInEdit: true });
    expect(root.querySelector('.approve-edited')).toBeNull();
    expect((root.querySelector('c-field-diff') as DiffProps).editable).toBe(false);
  });

  it('showsAnAppliedDeleteAsWhatWasRemovedWithoutCurrentValues', async () => {
    const { root } = await render(deleteDetail({ status: 'Applied', appliedAt: '2026-11-26T11:00:00Z' }));
    expect(root.querySelector('h2.review-title .record-link')).toBeNull();
    expect(root.querySelector('h2.review-title .record-name')?.textContent).toBe('Duplicate deal');
    const diff = root.querySelector('c-field-diff') as DiffProps;
    expect([diff.showApplied, diff.showCurrent, diff.applied]).toEqual([false, false, true]);
  });
});
