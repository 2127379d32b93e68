import { createElement } from 'lwc';
import ActionInbox from 'c/actionInbox';
import getInbox from '@salesforce/apex/ActionInboxController.getInbox';
import decide from '@salesforce/apex/ActionInboxController.decide';
import getAction from '@salesforce/apex/ActionInboxController.getAction';
import * as navigationModule from 'lightning/navigation';
import { subscribe } from 'lightning/empApi';
import type { InboxPage, InboxRow } from 'c/actionPlaneApi';

jest.mock('c/actionPlaneLabels', () =>
  jest.requireActual<{ labelsModule(): object }>('../../../../../../test/jest-mocks/labelTexts').labelsModule(),
);
jest.mock('@salesforce/apex/ActionInboxController.getInbox', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/ActionInboxController.decide', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/ActionInboxController.getAction', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('lightning/empApi', () => ({
  isEmpEnabled: jest.fn(() => Promise.resolve(true)),
  onError: jest.fn(),
  subscribe: jest.fn(() => Promise.resolve({ channel: '/event/ActionStatusChanged__e' })),
  unsubscribe: jest.fn(() => Promise.resolve({})),
  setDebugFlag: jest.fn(() => Promise.resolve()),
}));

const getInboxMock = getInbox as unknown as jest.Mock;
const decideMock = decide as unknown as jest.Mock;
const getActionMock = getAction as unknown as jest.Mock;
const navigation = navigationModule.NavigationMixin as unknown as {
  lastNavigation?: { pageReference: unknown; replace?: boolean };
  navigations: unknown[];
  reset(): void;
};
// The test adapter behind lightning/navigation's CurrentPageReference (test/jest-mocks/lightning), to emit pages.
const pageReference = (navigationModule as unknown as { CurrentPageReference: { emit(value: unknown): void } })
  .CurrentPageReference;
const subscribeMock = subscribe as unknown as jest.Mock;

/** decide's answer: one result and outcome per action id. */
function decided(ids: string[], status = 'Applied', ok = true, extra: Record<string, unknown> = {}) {
  return {
    results: ids.map((actionId) => ({ actionId, ok, status, message: ok ? null : 'refused' })),
    outcomes: ids.map((actionId) => ({
      actionId,
      name: `PA-000${actionId.slice(1)}`,
      ok,
      status,
      message: null,
      approvals: 1,
      requiredApprovals: 1,
      decidedBy: [],
      lastDecision: 'Approve',
      resultMessage: null,
      ...extra,
    })),
  };
}

function row(n: number, overrides: Partial<InboxRow> = {}): InboxRow {
  return {
    id: `a${n}`,
    name: `PA-000${n}`,
    status: 'PendingApproval',
    effect: 'RequireApproval',
    risk: 'High',
    objectName: 'Opportunity',
    recordId: `00600000000000${n}AAA`,
    recordName: `Deal ${n}`,
    agent: 'pipeline-agent',
    runId: 'r1',
    runName: 'RUN-1',
    confidence: 0.9,
    createdAt: new Date(Date.now() - 3 * 3600_000).toISOString(),
    expiresAt: new Date(Date.now() + 2.5 * 86_400_000).toISOString(),
    changedFields: ['Amount'],
    summary: `Amount +${n}0%`,
    requiredApprovals: 1,
    approvals: 0,
    canDecide: true,
    ...overrides,
  };
}

function page(rows: InboxRow[], total = rows.length): InboxPage {
  return {
    rows,
    total,
    pageNumber: 1,
    pageSize: 50,
    agents: ['pipeline-agent', 'hygiene-agent'],
    objects: ['Opportunity', 'Case'],
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

async function render(data: InboxPage | Error = page([row(1), row(2), row(3)]), props: Record<string, unknown> = {}) {
  if (data instanceof Error) getInboxMock.mockRejectedValue({ body: { message: data.message } });
  else getInboxMock.mockResolvedValue(data);
  const element = createElement('c-action-inbox', { is: ActionInbox });
  Object.assign(element, { undoSeconds: 0, ...props });
  const toasts: Toast[] = [];
  element.addEventListener('lightning__showtoast', (event) => toasts.push((event as CustomEvent<Toast>).detail));
  document.body.appendChild(element);
  await flush();
  return { element, root: element.shadowRoot as ShadowRoot, toasts };
}

async function press(root: ShadowRoot, key: string) {
  const list = root.querySelector('.triage-list');
  if (!list) throw new Error('no list');
  list.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  await flush();
}

const activeName = (root: ShadowRoot) => root.querySelector('tr.active-row .open-review')?.textContent;
const live = (root: ShadowRoot) => root.querySelector('.live-region')?.textContent;

afterEach(() => {
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  jest.clearAllMocks();
  navigation.reset();
});

describe('c-action-inbox states', () => {
  it('asksForAtMostTwoHundredRowsAPage', async () => {
    await render(page([row(1)]), { pageSize: 2000 });
    expect(getInboxMock).toHaveBeenCalledWith(expect.objectContaining({ pageSize: 200 }));
  });

  it('asksForOpenActionsOnTheFirstPage', async () => {
    await render();
    expect(getInboxMock).toHaveBeenCalledWith({
      status: 'Open',
      objectName: '',
      risk: '',
      agent: '',
      mine: true,
      pageSize: 50,
      pageNumber: 1,
    });
  });

  it('showsAllActionsWhenThePageTurnsMineOff', async () => {
    await render(undefined, { mineOnly: false });
    expect(getInboxMock).toHaveBeenCalledWith(expect.objectContaining({ mine: false }));
  });

  it('showsASpinnerWhileLoading', async () => {
    getInboxMock.mockReturnValue(new Promise(() => undefined));
    const element = createElement('c-action-inbox', { is: ActionInbox });
    document.body.appendChild(element);
    await flush();
    expect(card(element.shadowRoot as ShadowRoot).querySelector('.loading lightning-spinner')).not.toBeNull();
    expect(element.shadowRoot?.querySelector('.empty')).toBeNull();
  });

  it('showsTheEmptyState', async () => {
    const { root } = await render(page([]));
    expect(root.querySelector('.empty')?.textContent).toContain('Nothing to review');
    expect(root.querySelector('table')).toBeNull();
  });

  it('showsTheErrorStateWithRetry', async () => {
    const { root } = await render(new Error('You do not have access to ActionPlane.'));
    expect(card(root).querySelector('.load-error')?.textContent).toContain('You do not have access to ActionPlane.');
    getInboxMock.mockResolvedValue(page([row(1)]));
    card(root).querySelector('.retry')?.dispatchEvent(new CustomEvent('click'));
    await flush();
    expect(card(root).querySelector('.load-error')).toBeNull();
    expect(root.querySelectorAll('tbody tr')).toHaveLength(1);
  });

  it('reloadsFromTheRefreshButtonKeepingTheRowsOnScreen', async () => {
    const { root } = await render(page([row(1)]));
    const pending = new Promise<InboxPage>(() => undefined);
    getInboxMock.mockReturnValue(pending);
    card(root).querySelector('.refresh')?.dispatchEvent(new CustomEvent('click'));
    await flush();
    expect(getInboxMock).toHaveBeenCalledTimes(2);
    expect(card(root).querySelector('lightning-spinner')).toBeNull();
    expect(root.querySelectorAll('tbody tr')).toHaveLength(1);
  });

  it('dropsAPageAnOlderFilterAskedFor', async () => {
    const { root } = await render(page([row(1)]));
    let answerOld: (value: InboxPage) => void = () => undefined;
    getInboxMock.mockReturnValueOnce(new Promise<InboxPage>((resolve) => (answerOld = resolve)));
    getInboxMock.mockResolvedValueOnce(page([row(2), row(3)]));
    const risk = root.querySelector<HTMLSelectElement>('select[data-filter="risk"]');
    if (!risk) throw new Error('no risk filter');
    risk.value = 'High';
    risk.dispatchEvent(new CustomEvent('change'));
    risk.value = 'Low';
    risk.dispatchEvent(new CustomEvent('change'));
    await flush();
    answerOld(page([row(9)]));
    await flush();
    expect([...root.querySelectorAll('tbody tr .open-review')].map((a) => a.textContent)).toEqual([
      'PA-0002',
      'PA-0003',
    ]);
  });

  it('listsPendingFirstWithEveryColumn', async () => {
    const { root } = await render(
      page([
        row(1, { status: 'Applied' }),
        row(2),
        row(3, {
          risk: 'Critical',
          confidence: 0.55,
          requiredApprovals: 2,
          approvals: 1,
          changes: [{ field: 'Amount', label: 'Amount', type: 'CURRENCY', before: 15000, after: 20250, scale: 2 }],
        }),
      ]),
    );
    const rows = [...root.querySelectorAll('tbody tr')];
    expect(rows.map((r) => r.querySelector('.open-review')?.textContent)).toEqual(['PA-0002', 'PA-0003', 'PA-0001']);
    const cells = [...(rows[1]?.querySelectorAll('td') ?? [])].map((td) => td.textContent?.trim());
    expect(cells).toEqual([
      '',
      'Deal 3Update Opportunity',
      'Amount: $15,000.00 → $20,250.00',
      'pipeline-agent',
      'Critical',
      '55%',
      'in 2d3h old',
    ]);
    expect(rows[1]?.querySelector('.progress')?.textContent).toBe('1 of 2 approvals');
    const status = rows[2]?.querySelector<HTMLElement>('[data-status]');
    expect([status?.textContent, status?.dataset.status]).toEqual(['Applied', 'Applied']);
    const pending = rows[0]?.querySelector<HTMLElement>('[data-status]');
    expect([pending?.textContent, pending?.dataset.status]).toEqual(['Pending approval', 'PendingApproval']);
    expect(rows[1]?.querySelector('[data-effect]')).toBeNull(); // one status badge, no effect badge beside it
    expect(rows[2]?.querySelector('.progress')).toBeNull(); // no progress once decided
  });

  it('marksActionsThatAreNotTheUsersWithWhoseTheyAre', async () => {
    const { root } = await render(
      page([
        row(1, { canDecide: false, cannotDecideCode: 'NOT_APPROVER', approverGroupLabel: 'ActionPlane Approvers' }),
      ]),
    );
    expect(root.querySelector('.not-yours')?.textContent).toBe('Not yours (ActionPlane Approvers)');
  });

  it('selectsARowWithTheFirstClickOnItsCheckbox', async () => {
    const { root } = await render();
    const box = root.querySelectorAll<HTMLInputElement>('.select-row')[1];
    if (!box) throw new Error('no checkbox');
    box.checked = true;
    box.dispatchEvent(new CustomEvent('click', { bubbles: true }));
    box.dispatchEvent(new CustomEvent('change'));
    await flush();
    expect(root.querySelector('.selection-count')?.textContent).toBe('1 selected');
    expect(root.querySelectorAll<HTMLInputElement>('.select-row')[1]?.checked).toBe(true);
  });

  it('namesStatusFilterOptionsInWordsAndKeepsTheirValues', async () => {
    const { root } = await render();
    const options = [...root.querySelectorAll<HTMLOptionElement>('select[data-filter="status"] option')];
    const pending = options.find((option) => option.value === 'PendingApproval');
    const conflict = options.find((option) => option.value === 'Conflict');
    expect(pending?.textContent).toBe('Pending approval');
    expect(conflict?.textContent).toBe('Conflict (record changed)');
  });

  it('pagesThroughThousandsOfRows', async () => {
    const { root } = await render(page([row(1)], 2500));
    expect(root.querySelector('.page-text')?.textContent).toBe('Page 1 of 50 (2500 actions)');
    expect((await render(page([row(1)], 1))).root.querySelector('.page-text')?.textContent).toBe(
      'Page 1 of 1 (1 action)',
    );
    getInboxMock.mockResolvedValue(page([row(2)], 2500));
    root.querySelector('.next')?.dispatchEvent(new CustomEvent('click'));
    await flush();
    expect(getInboxMock).toHaveBeenLastCalledWith(expect.objectContaining({ pageNumber: 2 }));
    expect(root.querySelector('.page-text')?.textContent).toBe('Page 2 of 50 (2500 actions)');
  });

  it('filtersByStatusObjectRiskAgentAndMine', async () => {
    const { root } = await render();
    const set = async (filter: string, value: string) => {
      const select = root.querySelector<HTMLSelectElement>(`select[data-filter="${filter}"]`);
      if (!select) throw new Error(filter);
      select.value = value;
      select.dispatchEvent(new CustomEvent('change'));
      await flush();
    };
    await set('objectName', 'Opportunity');
    await set('risk', 'High');
    await set('agent', 'pipeline-agent');
    await set('status', 'All');
    const mine = root.querySelector<HTMLInputElement>('input[data-filter="mine"]');
    if (!mine) throw new Error('mine');
    mine.checked = false;
    mine.dispatchEvent(new CustomEvent('change'));
    await flush();
    expect(getInboxMock).toHaveBeenLastCalledWith({
      status: 'All',
      objectName: 'Opportunity',
      risk: 'High',
      agent: 'pipeline-agent',
      mine: false,
      pageSize: 50,
      pageNumber: 1,
    });
  });
});

describe('c-action-inbox keyboard triage', () => {
  it('movesWithJAndKAndAnnouncesTheRow', async () => {
    const { root } = await render();
    expect(activeName(root)).toBe('PA-0001');
    await press(root, 'j');
    expect(activeName(root)).toBe('PA-0002');
    expect(live(root)).toBe('Row 2 of 3: Update Opportunity Deal 2. Changes Amount +20%. Risk High.');
    expect(root.activeElement).toBe(root.querySelector('tr.active-row'));
    await press(root, 'j');
    await press(root, 'j');
    expect(activeName(root)).toBe('PA-0003');
    await press(root, 'k');
    expect(activeName(root)).toBe('PA-0002');
  });

  it('approvesTheHighlightedRowAfterTheUndoWindowAndNamesIt', async () => {
    decideMock.mockResolvedValue(decided(['a2']));
    const { root, toasts } = await render();
    await press(root, 'j');
    await press(root, 'a');
    expect(decideMock).toHaveBeenCalledWith({
      actionIds: ['a2'],
      decision: 'Approve',
      reason: null,
      editedValues: null,
    });
    expect(toasts[0]).toMatchObject({ title: 'PA-0002 approved and applied', variant: 'success' });
    expect(getInboxMock).toHaveBeenCalledTimes(2);
  });

  it('waitsForUndoBeforeSendingAndMovesToTheNextPendingRow', async () => {
    const { root, toasts } = await render(undefined, { undoSeconds: 30 });
    await press(root, 'a');
    expect(decideMock).not.toHaveBeenCalled();
    expect(root.querySelector('.undo-bar .pending-text')?.textContent).toBe('Approving PA-0001 (Deal 1) in 30 seconds');
    expect(activeName(root)).toBe('PA-0002');
    expect(root.activeElement).toBe(root.querySelector('tr.active-row'));
    expect(root.querySelector('tr[data-id="a1"]')?.classList.contains('waiting')).toBe(true);
    await press(root, 'u');
    expect(decideMock).not.toHaveBeenCalled();
    expect(root.querySelector('.undo-bar')).toBeNull();
    expect(activeName(root)).toBe('PA-0001');
    expect(toasts[0]).toMatchObject({ title: 'Not sent: PA-0001 (Deal 1) stays as it was.' });
  });

  it('sendsAtOnceWithSendNow', async () => {
    decideMock.mockResolvedValue(decided(['a1']));
    const { root } = await render(undefined, { undoSeconds: 30 });
    await press(root, 'a');
    root.querySelector('.undo-bar .send-now')?.dispatchEvent(new CustomEvent('click'));
    await flush();
    expect(decideMock).toHaveBeenCalledWith(expect.objectContaining({ actionIds: ['a1'] }));
  });

  it('sendsTheWaitingDecisionWhenTheNextOneIsMade', async () => {
    decideMock.mockResolvedValue(decided(['a1']));
    const { root } = await render(undefined, { undoSeconds: 30 });
    await press(root, 'a');
    await press(root, 'a');
    expect(decideMock).toHaveBeenCalledTimes(1);
    expect(decideMock).toHaveBeenCalledWith(expect.objectContaining({ actionIds: ['a1'] }));
    expect(root.querySelector('.undo-bar .pending-text')?.textContent).toContain('PA-0002');
  });

  it('saysVisiblyWhyARowCannotBeDecided', async () => {
    const { root, toasts } = await render(
      page([
        row(1, {
          canDecide: false,
          cannotDecideReason: 'You are not an approver of PA-0001 (approver group: Support Leads).',
        }),
      ]),
    );
    await press(root, 'a');
    expect(decideMock).not.toHaveBeenCalled();
    expect(toasts[0]).toMatchObject({
      title: 'You cannot decide PA-0001: You are not an approver of PA-0001 (approver group: Support Leads).',
      variant: 'warning',
    });
  });

  it('movesTheOpenReviewWithTheHighlightedRow', async () => {
    getActionMock.mockReturnValue(new Promise(() => undefined));
    const { root } = await render();
    await press(root, 'Enter');
    const review = () => root.querySelector('c-action-review') as HTMLElement & { actionId: string };
    expect(review().actionId).toBe('a1');
    await press(root, 'j');
    expect(review().actionId).toBe('a2');
    expect(activeName(root)).toBe('PA-0002');
  });

  it('rejectsOnlyWithAReason', async () => {
    decideMock.mockResolvedValue(decided(['a1'], 'Rejected'));
    const { root } = await render();
    await press(root, 'r');
    expect(root.querySelector('.bulk-dialog h3')?.textContent).toBe('Reject 1 action');
    expect(root.querySelector('.dialog-targets')?.textContent).toBe('PA-0001 · Deal 1');
    root.querySelector('.bulk-confirm')?.dispatchEvent(new CustomEvent('click'));
    await flush();
    expect(decideMock).not.toHaveBeenCalled();
    expect(root.querySelector('.bulk-reason-error')?.textContent).toBe('A reason is required to reject.');
    const reason = root.querySelector<HTMLTextAreaElement>('.bulk-reason');
    if (!reason) throw new Error('no reason');
    reason.value = 'Duplicate of PA-0009';
    reason.dispatchEvent(new CustomEvent('input'));
    root.querySelector('.bulk-confirm')?.dispatchEvent(new CustomEvent('click'));
    await flush();
    expect(decideMock).toHaveBeenCalledWith({
      actionIds: ['a1'],
      decision: 'Reject',
      reason: 'Duplicate of PA-0009',
      editedValues: null,
    });
  });

  it('opensTheRecordWithO', async () => {
    const { root } = await render();
    await press(root, 'o');
    expect(navigation.lastNavigation?.pageReference).toEqual({
      type: 'standard__recordPage',
      attributes: { recordId: '006000000000001AAA', actionName: 'view' },
    });
  });

  it('opensTheReviewInEditModeWithE', async () => {
    getActionMock.mockReturnValue(new Promise(() => undefined));
    const { root } = await render();
    await press(root, 'e');
    const review = root.querySelector('c-action-review') as HTMLElement & { actionId: string; startInEdit: boolean };
    expect(review.actionId).toBe('a1');
    expect(review.startInEdit).toBe(true);
    expect(live(root)).toBe('Reviewing PA-0001');
    await press(root, 'Escape');
    expect(root.querySelector('c-action-review')).toBeNull();
  });

  it('togglesHelpWithQuestionMark', async () => {
    const { root } = await render();
    await press(root, '?');
    expect(root.querySelectorAll('.help-item')).toHaveLength(10);
    expect(live(root)).toBe('Keyboard help opened');
    await flush();
    expect(root.activeElement).toBe(root.querySelector('.help'));
    root.querySelector('.help')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await flush();
    expect(root.querySelector('.help')).toBeNull();
  });

  it('startsTheReasonBoxEmptyWhenTheDialogOpensAgain', async () => {
    const { root } = await render();
    await press(root, 'x');
    await press(root, 'r');
    const reason = root.querySelector<HTMLTextAreaElement>('.bulk-reason');
    if (!reason) throw new Error('no reason');
    reason.value = 'Typed for the wrong action';
    reason.dispatchEvent(new CustomEvent('input'));
    root.querySelector('.bulk-approve')?.dispatchEvent(new CustomEvent('click'));
    await flush();
    expect(root.querySelector('.bulk-dialog h3')?.textContent).toBe('Approve 1 action');
    expect(root.querySelector<HTMLTextAreaElement>('.bulk-reason')?.value).toBe('');
  });

  it('clipsALongChangeValueAndKeepsItInFullInTheTitle', async () => {
    const long = 'Call the buyer to confirm the seats. '.repeat(3).trim();
    const changes = [{ field: 'NextStep', label: 'Next Step', type: 'STRING', before: long, after: null, scale: null }];
    const { root } = await render(page([row(1, { changes })]));
    const cell = root.querySelector<HTMLElement>('td.changes');
    expect(cell?.textContent).toBe('Next Step: Call the buyer to confirm the seats. Call the buyer to… → (blank)');
    expect(cell?.title).toBe('Next Step: Call the buyer to confirm the seats. Call the buyer to… → (blank)');
  });

  it('drawsALongPageInStepsOfAHundredRows', async () => {
    const rows = Array.from({ length: 150 }, (_, i) => row(i + 1));
    const { root } = await render(page(rows));
    expect(root.querySelectorAll('tbody tr')).toHaveLength(100);
    const more = root.querySelector<HTMLElement & { label: string }>('.show-more');
    expect(more?.label).toBe('Show 50 more (100 of 150 on this page shown)');
    more?.dispatchEvent(new CustomEvent('click'));
    await flush();
    expect(root.querySelectorAll('tbody tr')).toHaveLength(150);
    expect(root.querySelector('.show-more')).toBeNull();
  });

  it('drawsMoreRowsWhenJMovesPastTheLastDrawnRow', async () => {
    const rows = Array.from({ length: 150 }, (_, i) => row(i + 1));
    const { root } = await render(page(rows));
    const list = root.querySelector('.triage-list');
    for (let i = 0; i < 100; i++) list?.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true }));
    await flush();
    expect(root.querySelectorAll('tbody tr')).toHaveLength(150);
    expect(activeName(root)).toBe('PA-000101');
  });

  it('ignoresKeysTypedIntoTheReasonBox', async () => {
    const { root } = await render();
    await press(root, 'r');
    const reason = root.querySelector<HTMLTextAreaElement>('.bulk-reason');
    reason?.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    await flush();
    expect(decideMock).not.toHaveBeenCalled();
  });
});

describe('c-action-inbox bulk decisions', () => {
  it('selectsWithXAndApprovesTheSelectionWithOneSharedReason', async () => {
    decideMock.mockResolvedValue({
      results: [
        { actionId: 'a1', ok: true, status: 'Applied', message: null },
        { actionId: 'a3', ok: false, status: null, message: 'Record is locked' },
      ],
    });
    const { root, toasts } = await render();
    await press(root, 'x');
    await press(root, 'j');
    await press(root, 'j');
    await press(root, 'x');
    expect(root.querySelector('.selection-count')?.textContent).toBe('2 selected');
    root.querySelector('.bulk-approve')?.dispatchEvent(new CustomEvent('click'));
    await flush();
    const reason = root.querySelector<HTMLTextAreaElement>('.bulk-reason');
    if (!reason) throw new Error('no reason');
    reason.value = 'Quarter-end clean-up';
    reason.dispatchEvent(new CustomEvent('input'));
    root.querySelector('.bulk-confirm')?.dispatchEvent(new CustomEvent('click'));
    await flush();
    expect(decideMock).toHaveBeenCalledWith({
      actionIds: ['a1', 'a3'],
      decision: 'Approve',
      reason: 'Quarter-end clean-up',
      editedValues: null,
    });
    expect(toasts[0]).toEqual({
      title: '1 of 2 approved',
      message: '1 could not be decided: a3 was not decided: Record is locked',
      variant: 'warning',
    });
  });

  it('selectsAllOnThePage', async () => {
    const { root } = await render();
    const all = root.querySelector<HTMLInputElement>('.select-all');
    if (!all) throw new Error('no select all');
    all.checked = true;
    all.dispatchEvent(new CustomEvent('change'));
    await flush();
    expect(root.querySelector('.selection-count')?.textContent).toBe('3 selected');
    expect([...root.querySelectorAll<HTMLInputElement>('.select-row')].every((box) => box.checked)).toBe(true);
  });

  it('namesWhatABulkDecisionSkipsAndWhy', async () => {
    decideMock.mockResolvedValue(decided(['a2', 'a3']));
    const { root } = await render(
      page([
        row(1, { canDecide: false, cannotDecideCode: 'NOT_APPROVER', approverGroupLabel: 'ActionPlane Approvers' }),
        row(2),
        row(3),
      ]),
    );
    const all = root.querySelector<HTMLInputElement>('.select-all');
    if (!all) throw new Error('no select all');
    all.checked = true;
    all.dispatchEvent(new CustomEvent('change'));
    await flush();
    root.querySelector('.bulk-approve')?.dispatchEvent(new CustomEvent('click'));
    await flush();
    expect(root.querySelector('.bulk-dialog h3')?.textContent).toBe('Approve 2 actions');
    expect(root.querySelector('.dialog-skipped')?.textContent).toBe('PA-0001: Not yours (ActionPlane Approvers)');
    root.querySelector('.bulk-confirm')?.dispatchEvent(new CustomEvent('click'));
    await flush();
    expect(decideMock).toHaveBeenCalledWith(expect.objectContaining({ actionIds: ['a2', 'a3'] }));
  });

  it('toastsAnErrorWhenTheServerRefuses', async () => {
    decideMock.mockRejectedValue({ body: { message: 'ActionPlane is paused.' } });
    const { root, toasts } = await render();
    await press(root, 'a');
    expect(toasts).toEqual([{ title: 'Decision not saved', message: 'ActionPlane is paused.', variant: 'error' }]);
    expect(live(root)).toBe('ActionPlane is paused.');
  });
});

describe('c-action-inbox page state and live updates', () => {
  it('saysLiveUpdatesAreOffWhenTheEmpApiReportsAnError', async () => {
    const empApi = jest.requireMock<{ onError: jest.Mock }>('lightning/empApi');
    const { root } = await render();
    expect(root.querySelector('.live-off')).toBeNull();
    const calls = empApi.onError.mock.calls as unknown[][];
    const report = calls.at(-1)?.[0] as ((error: unknown) => void) | undefined;
    report?.({ error: 'handshake failed' });
    await flush();
    expect(root.querySelector('.live-off')?.textContent).toBe(
      'Live updates are off: use Refresh to see new proposals and decisions.',
    );
  });

  it('opensTheReviewAndFiltersTheAddressNames', async () => {
    getActionMock.mockReturnValue(new Promise(() => undefined));
    const { root } = await render();
    pageReference.emit({
      type: 'standard__navItemPage',
      attributes: { apiName: 'Approval_Inbox' },
      state: { c__action: 'a2', c__mine: '0' },
    });
    await flush();
    expect((root.querySelector('c-action-review') as HTMLElement & { actionId: string }).actionId).toBe('a2');
    expect(getInboxMock).toHaveBeenLastCalledWith(expect.objectContaining({ mine: false }));
  });

  it('putsTheOpenReviewInTheAddress', async () => {
    getActionMock.mockReturnValue(new Promise(() => undefined));
    const { root } = await render();
    pageReference.emit({ type: 'standard__navItemPage', attributes: { apiName: 'Approval_Inbox' }, state: {} });
    await flush();
    await press(root, 'Enter');
    expect(navigation.lastNavigation).toEqual({
      pageReference: {
        type: 'standard__navItemPage',
        attributes: { apiName: 'Approval_Inbox' },
        state: {
          c__action: 'a1',
          c__status: undefined,
          c__object: undefined,
          c__risk: undefined,
          c__agent: undefined,
          c__mine: undefined,
          c__page: undefined,
        },
      },
      replace: true,
    });
  });

  it('refreshesWhenAnActionStatusChangedEventArrives', async () => {
    jest.useFakeTimers();
    try {
      getInboxMock.mockResolvedValue(page([row(1)]));
      const element = createElement('c-action-inbox', { is: ActionInbox });
      document.body.appendChild(element);
      await jest.advanceTimersByTimeAsync(0);
      expect(subscribeMock).toHaveBeenCalledWith('/event/ActionStatusChanged__e', -1, expect.any(Function));
      getInboxMock.mockResolvedValue(page([row(1), row(2)]));
      const call = subscribeMock.mock.calls[0] as unknown[] | undefined;
      const onMessage = call?.[2] as (message: unknown) => void;
      onMessage({
        channel: '/event/ActionStatusChanged__e',
        data: { payload: { ActionId__c: 'a2', Status__c: 'PendingApproval' }, event: { replayId: 7 } },
      });
      await jest.advanceTimersByTimeAsync(400);
      expect(element.shadowRoot?.querySelectorAll('tbody tr')).toHaveLength(2);
    } finally {
      jest.useRealTimers();
    }
  });
});

/** A create of an Opportunity: no record yet, every value new (before null). */
function createRow(n: number, overrides: Partial<InboxRow> = {}): InboxRow {
  return row(n, {
    operation: 'Create',
    objectLabel: 'Opportunity',
    recordId: null,
    recordName: 'Acme Expansion',
    changedFields: ['Name', 'Amount'],
    changes: [
      { field: 'Name', label: 'Opportunity Name', type: 'string', before: null, after: 'Acme Expansion', scale: null },
      { field: 'Amount', label: 'Amount', type: 'currency', before: null, after: 20000, scale: 2 },
    ],
    ...overrides,
  });
}

/** A delete of an Opportunity: the values it holds, every one removed with it (after null). */
function deleteRow(n: number): InboxRow {
  return row(n, {
    operation: 'Delete',
    objectLabel: 'Opportunity',
    recordName: 'Duplicate deal',
    changedFields: ['Name', 'Amount'],
    changes: [
      { field: 'Name', label: 'Opportunity Name', type: 'string', before: 'Duplicate deal', after: null, scale: null },
      { field: 'Amount', label: 'Amount', type: 'currency', before: 15000, after: null, scale: 2 },
    ],
  });
}

describe('c-action-inbox creates and deletes', () => {
  it('namesTheOperationOfEveryRowInWords', async () => {
    const { root } = await render(page([row(1), createRow(2), deleteRow(3)]));
    const operations = [...root.querySelectorAll('tbody .operation')].map((cell) => cell.textContent?.trim());
    expect(operations).toEqual(['Update Opportunity', 'Create Opportunity', 'Delete Opportunity']);
    expect(root.querySelector('tbody .operation')?.getAttribute('data-operation')).toBe('Update');
  });

  it('showsACreateByItsProposedNameWithoutALinkAndOnlyItsNewValues', async () => {
    const { root } = await render(page([createRow(2)]));
    const cell = root.querySelector('tbody .cell-record');
    expect(cell?.querySelector('a.record-link')).toBeNull();
    expect(cell?.querySelector('.record-name')?.textContent).toBe('Acme Expansion');
    expect([...root.querySelectorAll('tbody .change-line')].map((li) => li.textContent)).toEqual([
      'Opportunity Name: Acme Expansion',
      'Amount: $20,000.00',
    ]);
  });

  it('callsACreateWithoutANameANewRecordOfItsObject', async () => {
    const { root } = await render(page([createRow(2, { recordName: null })]));
    expect(root.querySelector('tbody .record-name')?.textContent).toBe('New Opportunity');
  });

  it('strikesThroughTheValuesADeleteRemoves', async () => {
    const { root } = await render(page([deleteRow(3)]));
    const lines = [...root.querySelectorAll('tbody .change-line')];
    expect(lines.map((li) => li.querySelector('del')?.textContent)).toEqual([
      'Opportunity Name: Duplicate deal',
      'Amount: $15,000.00',
    ]);
    expect(root.querySelector('tbody a.record-link')?.textContent).toBe('Duplicate deal');
  });

  it('listsAFewOfTheValuesADeleteRemovesAndCountsTheRest', async () => {
    const many = deleteRow(4);
    many.changes = Array.from({ length: 9 }, (_, i) => ({
      field: `Field${i}__c`,
      label: `Field ${i}`,
      type: 'string',
      before: `value ${i}`,
      after: null,
      scale: null,
    }));
    const { root } = await render(page([many]));
    const lines = [...root.querySelectorAll('tbody .change-line')].map((li) => li.textContent);
    expect(lines).toEqual([
      'Field 0: value 0',
      'Field 1: value 1',
      'Field 2: value 2',
      'Field 3: value 3',
      '…and 5 more',
    ]);
    expect(root.querySelector('tbody .changes')?.getAttribute('title')).toContain('Field 8: value 8');
  });

  it('opensADeleteForReviewNotEditingWithE', async () => {
    getActionMock.mockReturnValue(new Promise(() => undefined));
    const { root, toasts } = await render(page([deleteRow(3)]));
    await press(root, 'e');
    const review = root.querySelector('c-action-review') as HTMLElement & { actionId: string; startInEdit: boolean };
    expect(review.actionId).toBe('a3');
    expect(review.startInEdit).toBe(false);
    expect(toasts.map((toast) => toast.title)).toContain('PA-0003 deletes the record: there are no values to edit.');
  });

  it('namesTheOperationInTheUndoBarAndTheDialogOfACreateOrDelete', async () => {
    const { root } = await render(page([deleteRow(3), row(1)]), { undoSeconds: 5 });
    await press(root, 'a');
    expect(root.querySelector('.pending-text')?.textContent).toBe(
      'Approving PA-0003 (Delete Opportunity: Duplicate deal) in 5 seconds',
    );
    await press(root, 'u');
    await press(root, 'r');
    expect(root.querySelector('.dialog-targets')?.textContent).toBe('PA-0003 · Delete Opportunity · Duplicate deal');
  });
});
