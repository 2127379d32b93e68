import { createElement } from 'lwc';
import ActionInbox from 'c/actionInbox';
import getInbox from '@salesforce/apex/ActionInboxController.getInbox';
import decide from '@salesforce/apex/ActionInboxController.decide';
import getAction from '@salesforce/apex/ActionInboxController.getAction';
import { NavigationMixin } from 'lightning/navigation';
import type { InboxPage, InboxRow } from 'c/actionPlaneApi';

jest.mock('c/actionPlaneLabels', () =>
  jest.requireActual<{ labelsModule(): object }>('../../../../../../test/jest-mocks/labelTexts').labelsModule(),
);
jest.mock('@salesforce/apex/ActionInboxController.getInbox', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/ActionInboxController.decide', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/ActionInboxController.getAction', () => ({ default: jest.fn() }), { virtual: true });

const getInboxMock = getInbox as unknown as jest.Mock;
const decideMock = decide as unknown as jest.Mock;
const getActionMock = getAction as unknown as jest.Mock;
const navigation = NavigationMixin as unknown as { lastNavigation?: { pageReference: unknown }; reset(): void };

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

async function render(data: InboxPage | Error = page([row(1), row(2), row(3)]), props: Record<string, unknown> = {}) {
  if (data instanceof Error) getInboxMock.mockRejectedValue({ body: { message: data.message } });
  else getInboxMock.mockResolvedValue(data);
  const element = createElement('c-action-inbox', { is: ActionInbox });
  Object.assign(element, props);
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
  it('asksForOpenActionsOnTheFirstPage', async () => {
    await render();
    expect(getInboxMock).toHaveBeenCalledWith({
      status: 'Open',
      objectName: '',
      risk: '',
      agent: '',
      mine: false,
      pageSize: 50,
      pageNumber: 1,
    });
  });

  it('showsASpinnerWhileLoading', async () => {
    getInboxMock.mockReturnValue(new Promise(() => undefined));
    const element = createElement('c-action-inbox', { is: ActionInbox });
    document.body.appendChild(element);
    await flush();
    expect(element.shadowRoot?.querySelector('.loading lightning-spinner')).not.toBeNull();
    expect(element.shadowRoot?.querySelector('.empty')).toBeNull();
  });

  it('showsTheEmptyState', async () => {
    const { root } = await render(page([]));
    expect(root.querySelector('.empty')?.textContent).toContain('Nothing to review');
    expect(root.querySelector('table')).toBeNull();
  });

  it('showsTheErrorStateWithRetry', async () => {
    const { root } = await render(new Error('You do not have access to ActionPlane.'));
    expect(root.querySelector('.load-error')?.textContent).toContain('You do not have access to ActionPlane.');
    getInboxMock.mockResolvedValue(page([row(1)]));
    root.querySelector('.retry')?.dispatchEvent(new CustomEvent('click'));
    await flush();
    expect(root.querySelector('.load-error')).toBeNull();
    expect(root.querySelectorAll('tbody tr')).toHaveLength(1);
  });

  it('listsPendingFirstWithEveryColumn', async () => {
    const { root } = await render(
      page([row(1, { status: 'Applied' }), row(2), row(3, { risk: 'Critical', confidence: 0.55 })]),
    );
    const rows = [...root.querySelectorAll('tbody tr')];
    expect(rows.map((r) => r.querySelector('.open-review')?.textContent)).toEqual(['PA-0002', 'PA-0003', 'PA-0001']);
    const cells = [...(rows[1]?.querySelectorAll('td') ?? [])].map((td) => td.textContent?.trim());
    expect(cells).toEqual([
      '',
      'OpportunityDeal 3',
      'pipeline-agent',
      'Needs approvalCritical',
      '55%',
      '3h',
      'in 2d',
      'Amount +30%',
    ]);
    const status = rows[2]?.querySelector<HTMLElement>('[data-status]');
    expect([status?.textContent, status?.dataset.status]).toEqual(['Applied', 'Applied']);
    const pending = rows[0]?.querySelector<HTMLElement>('[data-status]');
    expect([pending?.textContent, pending?.dataset.status]).toEqual(['Pending approval', 'PendingApproval']);
    expect(rows[1]?.querySelector<HTMLElement>('[data-effect]')?.dataset.effect).toBe('RequireApproval');
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
    mine.checked = true;
    mine.dispatchEvent(new CustomEvent('change'));
    await flush();
    expect(getInboxMock).toHaveBeenLastCalledWith({
      status: 'All',
      objectName: 'Opportunity',
      risk: 'High',
      agent: 'pipeline-agent',
      mine: true,
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
    expect(live(root)).toBe('Row 2 of 3: Opportunity Deal 2. Changes Amount +20%. Risk High.');
    await press(root, 'j');
    await press(root, 'j');
    expect(activeName(root)).toBe('PA-0003');
    await press(root, 'k');
    expect(activeName(root)).toBe('PA-0002');
  });

  it('approvesTheActiveRowWithOneKey', async () => {
    decideMock.mockResolvedValue({ results: [{ actionId: 'a2', ok: true, status: 'Applied', message: null }] });
    const { root, toasts } = await render();
    await press(root, 'j');
    await press(root, 'a');
    expect(decideMock).toHaveBeenCalledWith({
      actionIds: ['a2'],
      decision: 'Approve',
      reason: null,
      editedValues: null,
    });
    expect(toasts[0]).toMatchObject({ title: '1 of 1 approved', variant: 'success' });
    expect(getInboxMock).toHaveBeenCalledTimes(2);
  });

  it('rejectsOnlyWithAReason', async () => {
    decideMock.mockResolvedValue({ results: [{ actionId: 'a1', ok: true, status: 'Rejected', message: null }] });
    const { root } = await render();
    await press(root, 'r');
    expect(root.querySelector('.bulk-dialog h3')?.textContent).toBe('Reject 1 action(s)');
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
    expect(root.querySelectorAll('.help-item')).toHaveLength(9);
    expect(live(root)).toBe('Keyboard help opened');
    await press(root, '?');
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
    expect(root.querySelector('.bulk-dialog h3')?.textContent).toBe('Approve 1 action(s)');
    expect(root.querySelector<HTMLTextAreaElement>('.bulk-reason')?.value).toBe('');
  });

  it('clipsALongChangeSummaryAndKeepsItInFullInTheTitle', async () => {
    const summary = `Next Step: ${'Call the buyer to confirm the seats. '.repeat(3)}→ (blank)`;
    const { root } = await render(page([row(1, { summary })]));
    const cell = root.querySelector<HTMLElement>('td.changes');
    expect(cell?.textContent).toBe('Next Step: Call the buyer to confirm the seats.… → (blank)');
    expect(cell?.title).toBe(summary);
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
      message: '1 could not be decided: a3: Record is locked',
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

  it('leavesOutRowsTheUserCannotDecide', async () => {
    decideMock.mockResolvedValue({ results: [{ actionId: 'a2', ok: true, status: 'Applied', message: null }] });
    const { root } = await render(page([row(1, { canDecide: false }), row(2)]));
    const all = root.querySelector<HTMLInputElement>('.select-all');
    if (!all) throw new Error('no select all');
    all.checked = true;
    all.dispatchEvent(new CustomEvent('change'));
    await flush();
    root.querySelector('.bulk-approve')?.dispatchEvent(new CustomEvent('click'));
    await flush();
    expect(root.querySelector('.bulk-dialog h3')?.textContent).toBe('Approve 1 action(s)');
  });

  it('toastsAnErrorWhenTheServerRefuses', async () => {
    decideMock.mockRejectedValue({ body: { message: 'ActionPlane is paused.' } });
    const { root, toasts } = await render();
    await press(root, 'a');
    expect(toasts).toEqual([{ title: 'Decision not saved', message: 'ActionPlane is paused.', variant: 'error' }]);
    expect(live(root)).toBe('ActionPlane is paused.');
  });
});
