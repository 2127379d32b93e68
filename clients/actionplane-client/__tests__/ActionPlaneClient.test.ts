import {
  ActionPlaneApiError,
  ActionPlaneAuthError,
  ActionPlaneClient,
  ActionPlaneConfigError,
  ActionPlaneConnectionError,
  type ProposedAction,
  type ProposedCreate,
  type ProposedDelete,
  type ProposedUpdate,
  type SubmitRequest,
} from '..';
import { startFakeOrgEdge, type FakeOrgEdge } from '../../testing/fakeSalesforceAuth';
import { APPROVERS, startWorkbench, type RunningWorkbench } from '../../testing/workbenchHarness';

let wb: RunningWorkbench;
let client: ActionPlaneClient;

beforeAll(async () => {
  wb = await startWorkbench();
  client = new ActionPlaneClient({ baseUrl: wb.url });
});
afterAll(() => wb.close());
beforeEach(() => wb.reset());

function proposal(i: number, changes: ProposedUpdate['changes'], extra: Partial<ProposedUpdate> = {}): ProposedUpdate {
  return {
    idempotencyKey: `client-${i}-${JSON.stringify(changes)}`,
    object: 'Opportunity',
    recordId: wb.opportunities[i]!.Id,
    operation: 'update',
    changes,
    ...extra,
  };
}

const NEW_DEAL = { Name: 'Acme - Second Team', StageName: 'Prospecting', CloseDate: '2026-12-31', Amount: 20000 };

function creation(changes: ProposedCreate['changes'], extra: Partial<ProposedCreate> = {}): ProposedCreate {
  return {
    idempotencyKey: `client-create-${JSON.stringify(changes)}`,
    object: 'Opportunity',
    operation: 'create',
    changes,
    ...extra,
  };
}

function deletion(i: number, extra: Partial<ProposedDelete> = {}): ProposedDelete {
  const recordId = wb.opportunities[i]!.Id;
  return {
    idempotencyKey: `client-delete-${recordId}`,
    object: 'Opportunity',
    operation: 'delete',
    recordId,
    ...extra,
  };
}

/** An action the client's types forbid, sent anyway to see the server refuse it. */
const outOfType = (action: object) => action as ProposedAction;

/** The demo administrator, who may delete the demo deals (the demo agent may only edit them). */
const admin = () => new ActionPlaneClient({ baseUrl: wb.url, actingUser: 'ada.admin@actionplane.demo' });

function request(...actions: ProposedAction[]): SubmitRequest {
  return { run: { externalId: 'client-run', agent: 'Pipeline_Agent' }, actions };
}

const amountRise = (i: number, pct: number) => Math.round(wb.opportunities[i]!.Amount * (1 + pct / 100));

async function apiError(promise: Promise<unknown>): Promise<ActionPlaneApiError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof ActionPlaneApiError) return e;
    throw e;
  }
  throw new Error('expected an ActionPlaneApiError');
}

describe('submit', () => {
  it('returnsEachActionsOutcomeWith201', async () => {
    const res = await client.submit(
      request(
        proposal(0, { Amount: amountRise(0, 35) }, { confidence: 0.9 }),
        proposal(1, { NextStep: 'Send order form' }, { confidence: 0.95 }),
        proposal(2, { Description: 'x' }, { confidence: 0.95 }),
      ),
    );
    expect(res.httpStatus).toBe(201);
    expect(res.replayed).toBe(false);
    expect(res.actions.map((a) => [a.status, a.effect])).toEqual([
      ['PendingApproval', 'RequireApproval'],
      ['Applied', 'AutoRun'],
      ['Blocked', 'Block'],
    ]);
  });

  it('reportsAReplayAs200WithTheStoredResult', async () => {
    const body = request(proposal(1, { NextStep: 'Once' }, { confidence: 0.95 }));
    const first = await client.submit(body);
    const again = await client.submit(body);
    expect(again.httpStatus).toBe(200);
    expect(again.replayed).toBe(true);
    expect(again.actions).toEqual(first.actions);
  });

  it.each<[string, () => SubmitRequest, string | undefined]>([
    ['MISSING_FIELD', () => ({ run: { agent: '' }, actions: [proposal(0, { Amount: 1 })] }), 'run.agent'],
    ['UNKNOWN_OBJECT', () => request({ ...proposal(0, { Amount: 1 }), object: 'Nope__c' }), 'actions[0].object'],
    ['UNKNOWN_FIELD', () => request(proposal(0, { Nope__c: 1 })), 'actions[0].changes.Nope__c'],
    ['NOT_UPDATEABLE', () => request(proposal(0, { ExpectedRevenue: 1 })), 'actions[0].changes.ExpectedRevenue'],
    ['INVALID_TYPE', () => request(proposal(0, { Amount: 'lots' })), 'actions[0].changes.Amount'],
    ['INVALID_VALUE', () => request(proposal(0, { StageName: 'Dreaming' })), 'actions[0].changes.StageName'],
    [
      'RECORD_NOT_FOUND',
      () => request({ ...proposal(0, { Amount: 1 }), recordId: '006000000000000AAA' }),
      'actions[0].recordId',
    ],
    [
      'TOO_MANY_ACTIONS',
      () =>
        request(
          ...Array.from({ length: 201 }, (_, i) => ({
            ...proposal(0, { NextStep: `n${i}` }),
            idempotencyKey: `m${i}`,
          })),
        ),
      'actions',
    ],
  ])('throwsAnApiErrorCarrying%sWithItsPath', async (code, body, path) => {
    const error = await apiError(client.submit(body()));
    expect(error.status).toBe(400);
    expect(error.hasCode(code)).toBe(true);
    expect(error.errors).toEqual(expect.arrayContaining([expect.objectContaining({ code, path })]));
    expect(error.message).toContain(code);
  });

  it.each<[string, string, number, string, () => SubmitRequest]>([
    [
      'aCreateWithoutARequiredField',
      'MISSING_FIELD',
      400,
      'actions[0].changes.Name',
      () => request(creation({ Amount: 1 })),
    ],
    [
      'aCreateOfAFieldNobodyMaySet',
      'NOT_CREATEABLE',
      400,
      'actions[0].changes.ExpectedRevenue',
      () => request(creation({ ...NEW_DEAL, ExpectedRevenue: 1 })),
    ],
    [
      'aCreateThatNamesARecord',
      'NOT_ALLOWED',
      403,
      'actions[0].recordId',
      () => request(outOfType({ ...creation(NEW_DEAL), recordId: wb.opportunities[0]!.Id })),
    ],
    [
      'aDeleteWithChanges',
      'NOT_ALLOWED',
      403,
      'actions[0].changes',
      () => request(outOfType({ ...deletion(0), changes: {} })),
    ],
    ['aDeleteTheAgentMayNotMake', 'NOT_ALLOWED', 403, 'actions[0].recordId', () => request(deletion(0))],
    [
      'anUnknownOperation',
      'INVALID_VALUE',
      400,
      'actions[0].operation',
      () => request(outOfType({ ...proposal(0, { Amount: 1 }), operation: 'upsert' })),
    ],
  ])('%sThrows%sWith%iAtItsPath', async (_what, code, status, path, body) => {
    const error = await apiError(client.submit(body()));
    expect([error.status, error.errors]).toEqual([
      status,
      expect.arrayContaining([expect.objectContaining({ code, path })]),
    ]);
    expect(wb.app.demo.runs()).toEqual([]);
  });

  it('throwsPausedWith503WhenTheKillSwitchIsOn', async () => {
    await wb.setMode('Paused');
    const error = await apiError(client.submit(request(proposal(1, { NextStep: 'x' }))));
    expect(error.status).toBe(503);
    expect(error.errors[0]?.code).toBe('PAUSED');
  });

  it('throwsNotAllowedWhenTheActingUserMayNotPropose', async () => {
    // A user without the agent permission set has no access to the REST class: the platform's refusal.
    const viewer = new ActionPlaneClient({ baseUrl: wb.url, actingUser: 'viewer@actionplane.demo' });
    const error = await apiError(viewer.submit(request(proposal(1, { NextStep: 'x' }))));
    expect([error.status, error.errors[0]?.code]).toEqual([403, 'FORBIDDEN']);
    expect(error.errors[0]?.message).toBe('You do not have access to the Apex class named: ActionIntakeResource');
  });
});

describe('creates and deletes', () => {
  it('submitsACreateWhoseEveryFieldIsNewAndWhoseRecordComesOnceApplied', async () => {
    const res = await client.submit(request(creation(NEW_DEAL, { confidence: 0.9 })));
    const [action] = res.actions;
    expect([action?.operation, action?.status]).toEqual(['create', 'PendingApproval']);
    expect(action?.fieldChanges.map((f) => [f.field, f.before, f.after])).toEqual(
      Object.entries(NEW_DEAL).map(([field, value]) => [field, null, value]),
    );
    expect((await client.getAction(action!.id)).recordId).toBeNull();
    await wb.approve(action!.id);
    const applied = await client.getAction(action!.id);
    expect([applied.status, applied.operation, applied.object]).toEqual(['Applied', 'create', 'Opportunity']);
    expect(applied.recordId).toMatch(/^006\w{15}$/);
    expect(wb.app.demo.record('Opportunity', applied.recordId!)?.Name).toBe(NEW_DEAL.Name);
  });

  it('submitsADeleteWhoseLiveValuesAreShownAsRemoved', async () => {
    const deal = wb.opportunities[3]!;
    const res = await admin().submit(request(deletion(3, { rationale: 'A duplicate of the renewal' })));
    const [action] = res.actions;
    expect([action?.operation, action?.status]).toEqual(['delete', 'PendingApproval']);
    const removed = Object.fromEntries(action!.fieldChanges.map((f) => [f.field, [f.before, f.after]]));
    expect(removed.Name).toEqual([deal.Name, null]);
    expect(removed.Amount).toEqual([deal.Amount, null]);
    expect(removed.StageName).toEqual([deal.StageName, null]);
    expect(wb.app.demo.record('Opportunity', deal.Id)).toBeDefined();
  });

  it('answersAnUpdateWithItsOperation', async () => {
    const res = await client.submit(request(proposal(1, { NextStep: 'Send order form' }, { confidence: 0.95 })));
    expect(res.actions[0]?.operation).toBe('update');
  });
});

describe('getAction, getRun, cancel', () => {
  it('readsTheActionAndTheRunByExternalId', async () => {
    const res = await client.submit(request(proposal(0, { Amount: amountRise(0, 35) }, { confidence: 0.9 })));
    const id = res.actions[0]!.id;
    const action = await client.getAction(id);
    expect([action.status, action.approverGroup, action.requiredApprovals]).toEqual([
      'PendingApproval',
      'Sales_Managers',
      2,
    ]);
    const run = await client.getRun('client-run');
    expect(run.run.id).toBe(res.runId);
    expect(run.actions.map((a) => a.id)).toEqual([id]);
    expect(run.chain.verified).toBe(true);
  });

  it('throwsRecordNotFoundFor404', async () => {
    const error = await apiError(client.getAction('a02000000000000AAA'));
    expect([error.status, error.errors[0]?.code, error.errors[0]?.path]).toEqual([404, 'RECORD_NOT_FOUND', 'id']);
  });

  it('cancelsAPendingActionOnce', async () => {
    const res = await client.submit(request(proposal(0, { Amount: amountRise(0, 35) }, { confidence: 0.9 })));
    const id = res.actions[0]!.id;
    expect((await client.cancel(id, 'The customer withdrew')).status).toBe('Cancelled');
    const error = await apiError(client.cancel(id));
    expect(error.errors[0]?.code).toBe('NOT_ALLOWED');
  });
});

describe('waitForDecision', () => {
  async function pendingId(): Promise<string> {
    const res = await client.submit(request(proposal(0, { Amount: amountRise(0, 35) }, { confidence: 0.9 })));
    return res.actions[0]!.id;
  }

  it('resolvesStillPendingWhenTheTimeoutComesFirstNeverRejected', async () => {
    const id = await pendingId();
    const result = await client.waitForDecision(id, { timeoutMs: 250, initialDelayMs: 40 });
    expect(result.outcome).toBe('still_pending');
    expect(result.status).toBe('PendingApproval');
    expect(result.polls).toBeGreaterThan(1);
  });

  it('resolvesAppliedOnceTheApproversDecideDuringTheWait', async () => {
    const id = await pendingId();
    setTimeout(() => {
      void Promise.all(APPROVERS.map((u) => wb.decide(id, u, 'Approve')));
    }, 60);
    const result = await client.waitForDecision(id, { timeoutMs: 5_000, initialDelayMs: 30, maxDelayMs: 60 });
    expect(result.outcome).toBe('applied');
    expect(result.action.appliedValues).toEqual({ Amount: amountRise(0, 35) });
  });

  it('resolvesRejectedWithTheApproversDecision', async () => {
    const id = await pendingId();
    await wb.decide(id, APPROVERS[0], 'Reject', 'Customer has not signed');
    const result = await client.waitForDecision(id, { timeoutMs: 1_000, initialDelayMs: 20 });
    expect(result.outcome).toBe('rejected');
    expect(result.action.decisions[0]?.reason).toBe('Customer has not signed');
  });

  it('resolvesBlockedAtTheFirstRead', async () => {
    const res = await client.submit(request(proposal(2, { Description: 'x' })));
    const result = await client.waitForDecision(res.actions[0]!.id, { timeoutMs: 1_000 });
    expect([result.outcome, result.polls]).toEqual(['blocked', 1]);
  });

  it('backsOffExponentiallyUpToTheMaximumAndStopsAtTheTimeout', async () => {
    const id = await pendingId();
    let clock = 0;
    const pauses: number[] = [];
    const result = await client.waitForDecision(id, {
      timeoutMs: 1_500,
      initialDelayMs: 100,
      maxDelayMs: 500,
      factor: 2,
      now: () => clock,
      sleep: (ms) => {
        pauses.push(ms);
        clock += ms;
        return Promise.resolve();
      },
    });
    expect(pauses).toEqual([100, 200, 400, 500, 300]);
    expect([result.outcome, result.polls, result.waitedMs]).toEqual(['still_pending', 6, 1_500]);
  });
});

describe('OAuth 2.0 client credentials', () => {
  let edge: FakeOrgEdge;
  beforeAll(async () => {
    edge = await startFakeOrgEdge(wb.url);
  });
  afterAll(() => edge.close());

  it('getsATokenAndCallsTheInstanceUrlWithIt', async () => {
    const org = new ActionPlaneClient({
      oauth: { loginUrl: edge.url, clientId: edge.clientId, clientSecret: edge.clientSecret },
    });
    const before = edge.tokensIssued;
    const res = await org.submit(request(proposal(1, { NextStep: 'Via OAuth' }, { confidence: 0.95 })));
    expect(res.actions[0]?.status).toBe('Applied');
    await org.getAction(res.actions[0]!.id);
    expect(edge.tokensIssued - before).toBe(1);
  });

  it('fetchesANewTokenOnceWhenTheSessionExpired', async () => {
    const org = new ActionPlaneClient({
      oauth: { loginUrl: edge.url, clientId: edge.clientId, clientSecret: edge.clientSecret },
    });
    await org.getRun('no-such-run').catch(() => undefined);
    const before = edge.tokensIssued;
    edge.revokeToken();
    const error = await apiError(org.getRun('no-such-run'));
    expect(error.status).toBe(404);
    expect(edge.tokensIssued - before).toBe(1);
  });

  it('throwsAnAuthErrorWithTheEndpointsReasonForWrongCredentials', async () => {
    const org = new ActionPlaneClient({
      oauth: { loginUrl: edge.url, clientId: edge.clientId, clientSecret: 'wrong' },
    });
    await expect(org.getRun('x')).rejects.toThrow(ActionPlaneAuthError);
    await expect(org.getRun('x')).rejects.toThrow(/invalid_client: invalid client credentials/);
  });
});

describe('configuration and transport', () => {
  it('refusesToStartWithoutAUrlOrCredentials', () => {
    expect(() => new ActionPlaneClient({})).toThrow(ActionPlaneConfigError);
    expect(
      () =>
        new ActionPlaneClient({ oauth: { loginUrl: 'https://x.my.salesforce.com', clientId: 'id', clientSecret: '' } }),
    ).toThrow(/clientSecret/);
    expect(() => new ActionPlaneClient({ baseUrl: 'localhost:4410' })).toThrow(/http:\/\/ or https:\/\//);
    expect(() => new ActionPlaneClient({ baseUrl: 'not a url' })).toThrow(/not a URL/);
  });

  it('putsTheNamespaceInTheRestPath', async () => {
    const urls: string[] = [];
    const fakeFetch = ((url: string) => {
      urls.push(url);
      return Promise.resolve(
        new Response(JSON.stringify({ run: {}, actions: [], auditEvents: [], chain: {} }), { status: 200 }),
      );
    }) as unknown as typeof fetch;
    await new ActionPlaneClient({
      baseUrl: 'https://acme.my.salesforce.com',
      namespace: 'aplane',
      fetch: fakeFetch,
    }).getRun('r 1');
    expect(urls).toEqual(['https://acme.my.salesforce.com/services/apexrest/aplane/actionplane/v1/runs/r%201']);
  });

  it('throwsAConnectionErrorWhenNothingListens', async () => {
    const closed = await startWorkbench();
    const url = closed.url;
    await closed.close();
    await expect(new ActionPlaneClient({ baseUrl: url }).getRun('x')).rejects.toThrow(ActionPlaneConnectionError);
  });
});
