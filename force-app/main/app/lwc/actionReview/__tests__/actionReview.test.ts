import { createElement } from 'lwc';
import ActionReview from 'c/actionReview';
import getAction from '@salesforce/apex/ActionInboxController.getAction';
import decide from '@salesforce/apex/ActionInboxController.decide';
import replan from '@salesforce/apex/ActionInboxController.replan';
import compensate from '@salesforce/apex/ActionInboxController.compensate';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import type { ActionDetail } from 'c/actionPlaneApi';

jest.mock('c/actionPlaneLabels', () =>
  jest.requireActual<{ labelsModule(): object }>('../../../../../../test/jest-mocks/labelTexts').labelsModule(),
);
jest.mock('@salesforce/apex/ActionInboxController.getAction', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/ActionInboxController.decide', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/ActionInboxController.replan', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/ActionInboxController.compensate', () => ({ default: jest.fn() }), { virtual: true });

const getActionMock = getAction as unknown as jest.Mock;
const decideMock = decide as unknown as jest.Mock;
const replanMock = replan as unknown as jest.Mock;
const compensateMock = compensate as unknown as jest.Mock;

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
});

describe('c-action-review', () => {
  it('showsTheActionReadably', async () => {
    const { root } = await render();
    expect(getActionMock).toHaveBeenCalledWith({ actionId: 'a1' });
    expect(root.querySelector('h2')?.textContent).toBe('Opportunity: Acme renewal');
    expect(root.querySelector('.confidence')?.textContent).toBe('82%');
    expect(root.querySelector('[data-badge="risk"]')?.textContent).toBe('Risk High');
    const effect = root.querySelector<HTMLElement>('[data-badge="effect"]');
    expect([effect?.textContent, effect?.dataset.effect]).toEqual(['Needs approval', 'RequireApproval']);
    expect(root.querySelector('.rationale')?.textContent).toBe('Customer confirmed the larger order by email.');
    const link = root.querySelector<HTMLAnchorElement>('.evidence-text a');
    expect(link?.href).toBe('https://mail.example.com/t/42');
    expect(link?.target).toBe('_blank');
    expect([...root.querySelectorAll('.reasons li')].map((li) => li.textContent)).toEqual([
      'Amount rises by more than 20% (Amount_Large_Change): needs 2 approvals',
    ]);
    expect(root.textContent).toContain('1 of 2 approvals');
  });

  it('prettyPrintsJsonEvidence', async () => {
    const { root } = await render(detail({ evidence: '{"source":"email","id":42}' }));
    expect(root.querySelector('.evidence-json')?.textContent).toBe('{\n  "source": "email",\n  "id": 42\n}');
  });

  it('showsTheLoadErrorWithRetry', async () => {
    const { root } = await render(new Error('Insufficient access to this action.'));
    expect(root.querySelector('.load-error')?.textContent).toContain('Insufficient access to this action.');
    getActionMock.mockResolvedValue(detail());
    click(root, '.retry');
    await flush();
    expect(root.querySelector('.load-error')).toBeNull();
    expect(root.querySelector('.rationale')).not.toBeNull();
  });

  it('approvesAndNotifiesTheRecordWhenApplied', async () => {
    decideMock.mockResolvedValue({ results: [{ actionId: 'a1', ok: true, status: 'Applied', message: null }] });
    const { element, root, toasts } = await render();
    const decided = jest.fn();
    element.addEventListener('decided', decided);
    click(root, '.approve');
    await flush();
    expect(decideMock).toHaveBeenCalledWith({
      actionIds: ['a1'],
      decision: 'Approve',
      reason: null,
      editedValues: null,
    });
    expect(toasts[0]).toMatchObject({ title: 'Approved', message: 'PA-0001 is now Applied.', variant: 'success' });
    expect(decided).toHaveBeenCalled();
    expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([{ recordId: '006000000000001AAA' }]);
  });

  it('requiresAReasonToReject', async () => {
    const { root } = await render();
    click(root, '.reject');
    await flush();
    expect(decideMock).not.toHaveBeenCalled();
    expect(root.querySelector('.reason-error')?.textContent).toBe('A reason is required to reject.');
    decideMock.mockResolvedValue({ results: [{ actionId: 'a1', ok: true, status: 'Rejected', message: null }] });
    typeReason(root, 'Order not signed yet');
    await flush();
    click(root, '.reject');
    await flush();
    expect(decideMock).toHaveBeenCalledWith({
      actionIds: ['a1'],
      decision: 'Reject',
      reason: 'Order not signed yet',
      editedValues: null,
    });
  });

  it('approvesWithTheApproversEdits', async () => {
    decideMock.mockResolvedValue({ results: [{ actionId: 'a1', ok: true, status: 'Approved', message: null }] });
    const { root } = await render(detail(), { startInEdit: true });
    const diff = root.querySelector('c-field-diff') as HTMLElement;
    const input = diff.shadowRoot?.querySelector<HTMLInputElement>('input[data-field="Amount"]');
    if (!input) throw new Error('no edit input');
    input.value = '60000';
    input.dispatchEvent(new CustomEvent('change'));
    await flush();
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
    const { root } = await render(detail(), { startInEdit: true });
    const diff = root.querySelector('c-field-diff') as HTMLElement;
    const input = diff.shadowRoot?.querySelector<HTMLInputElement>('input[data-field="Amount"]');
    if (!input) throw new Error('no edit input');
    input.value = 'lots';
    input.dispatchEvent(new CustomEvent('change'));
    await flush();
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
    expect(toasts[0]).toMatchObject({ variant: 'error', message: 'Quorum already met.' });
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
  });

  it('showsAppliedValuesAndRequiresAReasonToRevert', async () => {
    const { root } = await render(detail({ status: 'Applied', appliedAt: '2026-11-26T11:00:00Z' }, false));
    expect(root.querySelector('.state-applied')?.textContent).toContain('Applied Nov 26, 2026');
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
    typeReason(root, 'Customer withdrew the order');
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
