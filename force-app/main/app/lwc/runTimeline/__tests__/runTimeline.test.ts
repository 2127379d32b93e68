import { createElement } from 'lwc';
import RunTimeline from 'c/runTimeline';
import getRunTimeline from '@salesforce/apex/ActionInboxController.getRunTimeline';
import haltRun from '@salesforce/apex/ActionInboxController.haltRun';
import replayRun from '@salesforce/apex/ActionInboxController.replayRun';
import type { RunTimeline as RunTimelineData } from 'c/actionPlaneApi';

jest.mock('c/actionPlaneLabels', () =>
  jest.requireActual<{ labelsModule(): object }>('../../../../../../test/jest-mocks/labelTexts').labelsModule(),
);
jest.mock('@salesforce/apex/ActionInboxController.getRunTimeline', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/ActionInboxController.haltRun', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/ActionInboxController.replayRun', () => ({ default: jest.fn() }), { virtual: true });

const getRunTimelineMock = getRunTimeline as unknown as jest.Mock;
const haltRunMock = haltRun as unknown as jest.Mock;
const replayRunMock = replayRun as unknown as jest.Mock;

function event(sequence: number, type: string, actorType = 'System') {
  return {
    sequence,
    type,
    actorType,
    actor: actorType === 'Agent' ? 'pipeline-agent' : 'ActionPlane',
    occurredAt: `2026-11-26T10:0${sequence}:00Z`,
    actionId: 'a1',
    summary: `${type} happened`,
    hash: `${sequence}`.repeat(64),
    prevHash: '0'.repeat(64),
  };
}

function timeline(
  chain: RunTimelineData['chain'] = { verified: true, brokenAt: null, message: null },
  status = 'AwaitingApproval',
): RunTimelineData {
  return {
    run: {
      id: 'r1',
      name: 'RUN-0001',
      externalId: 'ext-1',
      agent: 'pipeline-agent',
      source: 'External',
      goal: 'Tidy Q4 pipeline',
      status,
      requestedBy: null,
      createdAt: '2026-11-26T10:00:00Z',
    },
    actions: [],
    events: [event(3, 'PolicyDecided'), event(1, 'RunStarted', 'Agent'), event(2, 'ActionProposed', 'Agent')],
    chain,
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

async function render(data: RunTimelineData | Error = timeline()) {
  if (data instanceof Error) getRunTimelineMock.mockRejectedValue({ body: { message: data.message } });
  else getRunTimelineMock.mockResolvedValue(data);
  const element = createElement('c-run-timeline', { is: RunTimeline });
  Object.assign(element, { runId: 'r1' });
  const toasts: Toast[] = [];
  element.addEventListener('lightning__showtoast', (e) => toasts.push((e as CustomEvent<Toast>).detail));
  document.body.appendChild(element);
  await flush();
  return { element, root: element.shadowRoot as ShadowRoot, toasts };
}

afterEach(() => {
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  jest.clearAllMocks();
});

describe('c-run-timeline', () => {
  it('listsEventsInOrderWithActorAndTime', async () => {
    const { root } = await render();
    expect(getRunTimelineMock).toHaveBeenCalledWith({ runId: 'r1' });
    const items = [...root.querySelectorAll('.events li')];
    expect(items.map((li) => li.querySelector('h4')?.textContent)).toEqual([
      '1. Run started',
      '2. Proposed',
      '3. Policy decided',
    ]);
    expect(items.map((li) => li.querySelector<HTMLElement>('h4')?.dataset.type)).toEqual([
      'RunStarted',
      'ActionProposed',
      'PolicyDecided',
    ]);
    expect(items[0]?.querySelector('.actor')?.textContent).toBe('pipeline-agent');
    expect(items[0]?.textContent).toContain('Nov 26, 2026, 10:01 AM UTC');
  });

  it('namesEachEventsActionAndSkipsASummaryThatRepeatsTheType', async () => {
    const data = timeline();
    data.actions = [
      {
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
        confidence: 0.9,
        createdAt: '2026-11-26T10:00:00Z',
        expiresAt: null,
        changedFields: ['Amount'],
        summary: 'Amount: 50,000 → 67,500',
        requiredApprovals: 1,
        approvals: 0,
        canDecide: true,
      },
    ];
    data.events = [
      { ...event(1, 'RunStarted', 'Agent'), actionId: null, summary: 'RunStarted' },
      event(2, 'ActionProposed'),
    ];
    const { root } = await render(data);
    const items = [...root.querySelectorAll('.events li')];
    expect(items[0]?.querySelector('.action-name')).toBeNull();
    expect(items[0]?.querySelector('.summary')).toBeNull();
    expect(items[1]?.querySelector('.action-name')?.textContent).toBe('PA-0001');
    expect(items[1]?.querySelector('.summary')?.textContent).toBe('ActionProposed happened');
  });

  it('saysStatusMovesVotesAndDecisionsInWordsWithPeopleByName', async () => {
    const data = timeline();
    data.events = [
      {
        ...event(1, 'StatusChanged'),
        fromStatus: 'Proposed',
        toStatus: 'Blocked',
        reason: 'Blocked: Agents may not change Description.',
      },
      {
        ...event(2, 'ApprovalRecorded', 'User'),
        actor: '0055g0000000002AAA',
        actorName: 'Maria Lopez',
        decision: 'Approve',
      },
      { ...event(3, 'PolicyDecided', 'System'), effect: 'RequireApproval', risk: 'High' },
    ];
    const { root } = await render(data);
    const items = [...root.querySelectorAll('.events li')];
    expect(items[0]?.querySelector('.summary')?.textContent).toBe(
      'Proposed → Blocked: Agents may not change Description.',
    );
    expect(items[1]?.querySelector('.actor')?.textContent).toBe('Maria Lopez');
    expect(items[1]?.querySelector('.summary')?.textContent).toBe('Approved');
    expect(items[2]?.querySelector('.summary')?.textContent).toBe('Needs approval · Risk High');
  });

  it('opensAnActionOfTheRunFromItsLink', async () => {
    const data = timeline();
    data.actions = [
      {
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
        confidence: 0.9,
        createdAt: '2026-11-26T10:00:00Z',
        expiresAt: null,
        changedFields: ['Amount'],
        summary: 'Opportunity: Amount',
        requiredApprovals: 1,
        approvals: 0,
        canDecide: true,
      },
    ];
    const { element, root } = await render(data);
    const opened: string[] = [];
    element.addEventListener('openreview', (opening) => {
      opening.preventDefault();
      opened.push((opening as CustomEvent<{ actionId: string }>).detail.actionId);
    });
    root.querySelector('.action-link')?.dispatchEvent(new CustomEvent('click', { cancelable: true }));
    expect(opened).toEqual(['a1']);
  });

  it('showsTheRunStatusInWordsAndKeepsTheStoredValue', async () => {
    const { root } = await render();
    const status = root.querySelector<HTMLElement>('.run-status');
    expect(status?.textContent).toBe('Awaiting approval');
    expect(status?.dataset.status).toBe('AwaitingApproval');
  });

  it('badgesAVerifiedChain', async () => {
    const { root } = await render();
    const badge = root.querySelector('.chain-badge');
    expect(badge?.textContent).toBe('Chain verified');
    expect(badge?.className).toContain('slds-theme_success');
  });

  it('badgesABrokenChainAtItsEvent', async () => {
    const { root } = await render(
      timeline({ verified: false, brokenAt: 2, message: 'Hash of event 2 does not match its payload.' }),
    );
    expect(root.querySelector('.chain-badge')?.textContent).toBe('Chain broken at event 2');
    expect(root.querySelector('.chain-message')?.textContent).toBe('Hash of event 2 does not match its payload.');
    expect(root.querySelector('li.broken')?.getAttribute('data-sequence')).toBe('2');
  });

  it('showsTheLoadError', async () => {
    const { root } = await render(new Error('Run not found: r1'));
    expect(card(root).querySelector('.load-error')?.textContent).toContain('Run not found: r1');
  });

  it('closesFromItsHeaderInAPanelAndRetriesAFailedLoad', async () => {
    const { element, root } = await render(new Error('Run not found: r1'));
    Object.assign(element, { showClose: true });
    const closed: string[] = [];
    element.addEventListener('close', () => closed.push('close'));
    await flush();
    card(root).querySelector('.slds-card__header .close')?.dispatchEvent(new CustomEvent('click'));
    expect(closed).toEqual(['close']);
    getRunTimelineMock.mockResolvedValue(timeline());
    card(root).querySelector('.retry')?.dispatchEvent(new CustomEvent('click'));
    await flush();
    expect(card(root).querySelector('.load-error')).toBeNull();
    expect(root.querySelectorAll('.events li')).toHaveLength(3);
  });

  it('haltsOnlyWithAReason', async () => {
    haltRunMock.mockResolvedValue({ runId: 'r1', cancelled: 2, status: 'Halted', message: null });
    const { root, toasts } = await render();
    root.querySelector('.halt')?.dispatchEvent(new CustomEvent('click'));
    await flush();
    root.querySelector('.halt-confirm')?.dispatchEvent(new CustomEvent('click'));
    await flush();
    expect(haltRunMock).not.toHaveBeenCalled();
    expect(root.querySelector('.halt-reason-error')?.textContent).toBe('A reason is required to halt a run.');
    const reason = root.querySelector<HTMLTextAreaElement>('.halt-reason');
    if (!reason) throw new Error('no reason');
    reason.value = 'Agent is looping';
    reason.dispatchEvent(new CustomEvent('input'));
    root.querySelector('.halt-confirm')?.dispatchEvent(new CustomEvent('click'));
    await flush();
    expect(haltRunMock).toHaveBeenCalledWith({ runId: 'r1', reason: 'Agent is looping' });
    expect(toasts[0]).toEqual({ title: 'Run halted', message: '2 pending actions cancelled.', variant: 'success' });
    expect(getRunTimelineMock).toHaveBeenCalledTimes(2);
  });

  it('cannotHaltAHaltedRun', async () => {
    const { root } = await render(timeline(undefined, 'Halted'));
    expect((root.querySelector('.halt') as HTMLElement & { disabled: boolean }).disabled).toBe(true);
  });

  it('replaysAndShowsWhichDecisionsWouldDiffer', async () => {
    replayRunMock.mockResolvedValue({
      runId: 'r1',
      differing: 1,
      results: [
        {
          actionId: 'a1',
          name: 'PA-0001',
          storedEffect: 'AutoRun',
          replayEffect: 'RequireApproval',
          differs: true,
          reasons: ['Amount rises 35%'],
        },
        {
          actionId: 'a2',
          name: 'PA-0002',
          storedEffect: 'AutoRun',
          replayEffect: 'AutoRun',
          differs: false,
          reasons: [],
        },
      ],
    });
    const { root } = await render();
    root.querySelector('.replay')?.dispatchEvent(new CustomEvent('click'));
    await flush();
    expect(replayRunMock).toHaveBeenCalledWith({ runId: 'r1' });
    expect(root.querySelector('.replay-summary')?.textContent).toBe(
      '1 of 2 decisions would differ under current policy.',
    );
    expect([...root.querySelectorAll('.replay-result .verdict')].map((td) => td.textContent)).toEqual([
      'Would differ',
      'Same',
    ]);
    expect(root.querySelector('tr.differs th')?.textContent).toBe('PA-0001');
    const effects = [...root.querySelectorAll<HTMLElement>('tr.differs [data-effect]')];
    expect(effects.map((badge) => [badge.textContent, badge.dataset.effect])).toEqual([
      ['Runs automatically', 'AutoRun'],
      ['Needs approval', 'RequireApproval'],
    ]);
  });

  it('toastsAReplayFailure', async () => {
    replayRunMock.mockRejectedValue({ body: { message: 'Policy metadata is invalid: Amount_Large_Change' } });
    const { root, toasts } = await render();
    root.querySelector('.replay')?.dispatchEvent(new CustomEvent('click'));
    await flush();
    expect(toasts[0]).toEqual({
      title: 'Replay failed',
      message: 'Policy metadata is invalid: Amount_Large_Change',
      variant: 'error',
    });
  });
});

describe('c-run-timeline of creates and deletes', () => {
  function action(id: string, name: string, operation: 'Create' | 'Delete' | 'Update', recordName: string | null) {
    return {
      id,
      name,
      status: 'PendingApproval' as const,
      effect: 'RequireApproval' as const,
      risk: 'Medium' as const,
      objectName: 'Opportunity',
      objectLabel: 'Opportunity',
      operation,
      recordId: operation === 'Create' ? null : '006000000000001AAA',
      recordName,
      agent: 'pipeline-agent',
      runId: 'r1',
      runName: 'RUN-0001',
      confidence: 0.9,
      createdAt: '2026-11-26T10:00:00Z',
      expiresAt: null,
      changedFields: ['Name'],
      summary: 'Opportunity: Name',
      requiredApprovals: 1,
      approvals: 0,
      canDecide: true,
    };
  }

  it('namesWhatEachActionOfTheRunDoesToWhichRecord', async () => {
    const data = timeline();
    data.actions = [
      action('a1', 'PA-0001', 'Create', 'Acme Expansion'),
      action('a2', 'PA-0002', 'Delete', 'Duplicate deal'),
      action('a3', 'PA-0003', 'Update', 'Acme renewal'),
    ];
    const { root } = await render(data);
    expect([...root.querySelectorAll('.run-actions .action-operation')].map((span) => span.textContent)).toEqual([
      'Create Opportunity: Acme Expansion',
      'Delete Opportunity: Duplicate deal',
      'Update Opportunity: Acme renewal',
    ]);
  });

  it('readsAnEventSummaryWithoutTheActionNameItsHeadingShows', async () => {
    const data = timeline();
    data.actions = [action('a1', 'PA-0001', 'Create', 'Acme Expansion')];
    data.events = [
      { ...event(1, 'ActionProposed'), actionName: 'PA-0001', summary: 'PA-0001 · Create Opportunity: Acme Expansion' },
      // A server before issue 18 summed up a bare event as the action and its type: nothing to show.
      { ...event(2, 'ApprovalRequested'), actionName: 'PA-0001', summary: 'PA-0001 · ApprovalRequested' },
    ];
    const { root } = await render(data);
    const items = [...root.querySelectorAll('.events li')];
    expect(items[0]?.querySelector('.summary')?.textContent).toBe('Create Opportunity: Acme Expansion');
    expect(items[1]?.querySelector('.summary')).toBeNull();
    expect(root.querySelector('.events')?.textContent).not.toMatch(/ActionProposed|ApprovalRequested/);
  });
});
