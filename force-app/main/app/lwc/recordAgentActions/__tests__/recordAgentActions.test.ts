import { createElement } from 'lwc';
import RecordAgentActions from 'c/recordAgentActions';
import getActionsForRecord from '@salesforce/apex/ActionInboxController.getActionsForRecord';
import getAction from '@salesforce/apex/ActionInboxController.getAction';
import type { InboxRow } from 'c/actionPlaneApi';

jest.mock('c/actionPlaneLabels', () =>
  jest.requireActual<{ labelsModule(): object }>('../../../../../../test/jest-mocks/labelTexts').labelsModule(),
);
jest.mock('@salesforce/apex/ActionInboxController.getActionsForRecord', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/ActionInboxController.getAction', () => ({ default: jest.fn() }), { virtual: true });

const getActionsMock = getActionsForRecord as unknown as jest.Mock;
const getActionMock = getAction as unknown as jest.Mock;

function row(n: number, status: InboxRow['status']): InboxRow {
  return {
    id: `a${n}`,
    name: `PA-000${n}`,
    status,
    effect: 'RequireApproval',
    risk: 'Medium',
    objectName: 'Opportunity',
    recordId: '006000000000001AAA',
    recordName: 'Acme',
    agent: 'pipeline-agent',
    runId: 'r1',
    runName: 'RUN-1',
    confidence: 0.7,
    createdAt: new Date().toISOString(),
    expiresAt: null,
    changedFields: ['StageName'],
    summary: 'StageName → Closed Won',
    requiredApprovals: 1,
    approvals: 0,
    canDecide: true,
  };
}

/** One macrotask turn: every promise chain the component started (all microtasks) has settled by then. */
const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The shared card (c-action-plane-card) draws the heading, spinner and load error in its own shadow tree. */
function card(root: ShadowRoot): ShadowRoot {
  const element = root.querySelector('c-action-plane-card');
  if (!element?.shadowRoot) throw new Error('no c-action-plane-card');
  return element.shadowRoot;
}

async function render(result: InboxRow[] | Error) {
  if (result instanceof Error) getActionsMock.mockRejectedValue({ body: { message: result.message } });
  else getActionsMock.mockResolvedValue({ rows: result });
  const element = createElement('c-record-agent-actions', { is: RecordAgentActions });
  Object.assign(element, { recordId: '006000000000001AAA' });
  document.body.appendChild(element);
  await flush();
  return element.shadowRoot as ShadowRoot;
}

afterEach(() => {
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  jest.clearAllMocks();
});

describe('c-record-agent-actions', () => {
  it('listsTheRecordsActionsWithStatus', async () => {
    const root = await render([row(1, 'PendingApproval'), row(2, 'Applied')]);
    expect(getActionsMock).toHaveBeenCalledWith({ recordId: '006000000000001AAA' });
    expect(card(root).querySelector('h2')?.textContent).toBe('Agent actions (2)');
    const items = [...root.querySelectorAll('.actions > li')];
    const badges = items.map((li) => li.querySelector<HTMLElement>('[data-status]'));
    expect(badges.map((badge) => badge?.textContent)).toEqual(['Pending approval', 'Applied']);
    expect(badges.map((badge) => badge?.dataset.status)).toEqual(['PendingApproval', 'Applied']);
    expect(items[0]?.textContent).toContain('StageName → Closed Won');
  });

  it('saysSoWhenNoAgentTouchedTheRecord', async () => {
    const root = await render([]);
    expect(root.querySelector('.empty')?.textContent).toBe('No agent has proposed changes to this record.');
  });

  it('showsTheLoadError', async () => {
    const root = await render(new Error('Insufficient access'));
    expect(card(root).querySelector('.load-error')?.textContent).toContain('Insufficient access');
  });

  it('reloadsFromTheRefreshButton', async () => {
    const root = await render([row(1, 'PendingApproval')]);
    getActionsMock.mockResolvedValue({ rows: [row(1, 'Applied'), row(2, 'PendingApproval')] });
    card(root).querySelector('.refresh')?.dispatchEvent(new CustomEvent('click'));
    await flush();
    expect(getActionsMock).toHaveBeenCalledTimes(2);
    expect(card(root).querySelector('h2')?.textContent).toBe('Agent actions (2)');
  });

  it('opensAReviewInPlace', async () => {
    getActionMock.mockReturnValue(new Promise(() => undefined));
    const root = await render([row(1, 'PendingApproval')]);
    const toggle = root.querySelector('.toggle');
    expect(toggle?.getAttribute('aria-expanded')).toBe('false');
    toggle?.dispatchEvent(new CustomEvent('click'));
    await flush();
    const review = root.querySelector('c-action-review') as HTMLElement & { actionId: string };
    expect(review.actionId).toBe('a1');
    expect(root.querySelector('.toggle')?.getAttribute('aria-expanded')).toBe('true');
    expect(root.querySelector('.toggle')?.textContent).toBe('Hide review');
  });
});

describe('c-record-agent-actions of creates and deletes', () => {
  it('saysWhatEachActionDoesToTheRecordAndStrikesThroughWhatADeleteRemoves', async () => {
    const created: InboxRow = {
      ...row(1, 'Applied'),
      operation: 'Create',
      objectLabel: 'Opportunity',
      changes: [{ field: 'Amount', label: 'Amount', type: 'currency', before: null, after: 20000, scale: 2 }],
    };
    const deleting: InboxRow = {
      ...row(2, 'PendingApproval'),
      operation: 'Delete',
      objectLabel: 'Opportunity',
      changes: [{ field: 'Amount', label: 'Amount', type: 'currency', before: 20000, after: null, scale: 2 }],
    };
    const root = await render([deleting, created, row(3, 'Applied')]);
    expect([...root.querySelectorAll('.operation')].map((line) => line.textContent?.trim())).toEqual([
      'Delete Opportunity',
      'Create Opportunity',
      'Update Opportunity',
    ]);
    const items = [...root.querySelectorAll('ul.actions > li')];
    expect(items[0]?.querySelector('.changes del')?.textContent).toBe('Amount: $20,000.00');
    expect(items[1]?.querySelector('.changes li')?.textContent).toBe('Amount: $20,000.00');
    expect(items[1]?.querySelector('.changes del')).toBeNull();
  });
});
