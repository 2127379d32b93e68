/**
 * The workbench's REAL responses, for every documented outcome of intake v1, checked against the OpenAPI schemas
 * with Ajv (2020-12). A response that drifts from the spec, or a spec that drifts from the server, fails here.
 */
import { SpecValidators } from '../specSchemas';
import { startWorkbench, type RunningWorkbench } from '../../testing/workbenchHarness';

const BASE = '/services/apexrest/actionplane/v1';
let wb: RunningWorkbench;
let validators: SpecValidators;
const codesSeen = new Set<string>();

beforeAll(async () => {
  validators = new SpecValidators();
  wb = await startWorkbench();
});
afterAll(() => wb.close());
beforeEach(async () => {
  await wb.reset();
});

async function call(method: 'GET' | 'POST', path: string, body?: unknown, user?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (user) headers['x-actionplane-user'] = user;
  const r = await fetch(`${wb.url}${BASE}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
}

/** Asserts the status, then that the body matches the spec's schema for that status of `specPath`. */
function conforms(specPath: string, method: string, res: { status: number; body: unknown }, status: number) {
  expect(res.status).toBe(status);
  expect(validators.problems(specPath, method, status, res.body)).toEqual([]);
  const errors = (res.body as { errors?: { code: string }[] }).errors;
  errors?.forEach((e) => codesSeen.add(e.code));
}

function action(i: number, changes: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const opp = wb.opportunities[i]!;
  return {
    idempotencyKey: `k-${i}-${Object.keys(changes).join('-')}`,
    object: 'Opportunity',
    recordId: opp.Id,
    operation: 'update',
    changes,
    ...extra,
  };
}

const NEW_DEAL = { Name: 'Acme - Second Team', StageName: 'Prospecting', CloseDate: '2026-12-31', Amount: 20000 };
/** The demo administrator may delete the demo deals; the demo agent may only edit them. */
const ADMIN = 'ada.admin@actionplane.demo';

function submitBody(actions: unknown[]) {
  return { run: { externalId: 'conformance-run', agent: 'Pipeline_Agent', source: 'External' }, actions };
}

function expectCode(res: { body: Record<string, unknown> }, code: string, path?: string) {
  const errors = res.body.errors as { code: string; path?: string }[];
  expect(errors).toEqual(expect.arrayContaining([expect.objectContaining(path ? { code, path } : { code })]));
}

describe('POST /actions', () => {
  it('answers201WithPendingAppliedAndBlockedActionsThatConform', async () => {
    const opp = wb.opportunities[0]!;
    const res = await call(
      'POST',
      '/actions',
      submitBody([
        action(0, { Amount: Math.round(opp.Amount * 1.35) }, { confidence: 0.9, rationale: 'More seats' }),
        action(1, { NextStep: 'Send the order form' }, { confidence: 0.95 }),
        action(2, { Description: 'Rewritten' }, { confidence: 0.99 }),
      ]),
    );
    conforms('/actions', 'post', res, 201);
    const statuses = (res.body.actions as { status: string }[]).map((a) => a.status);
    expect(statuses).toEqual(['PendingApproval', 'Applied', 'Blocked']);
  });

  it('answers200WithTheStoredResultWhenEveryKeyIsReplayed', async () => {
    const body = submitBody([action(1, { NextStep: 'Replay me' }, { confidence: 0.95 })]);
    const first = await call('POST', '/actions', body);
    const again = await call('POST', '/actions', body);
    conforms('/actions', 'post', again, 200);
    expect(again.body.actions).toEqual(first.body.actions);
  });

  it.each([
    ['MALFORMED_JSON', '{"run": ', undefined],
    ['MISSING_FIELD', { actions: [] }, 'run'],
    ['UNKNOWN_OBJECT', 'unknown-object', 'actions[0].object'],
    ['UNKNOWN_FIELD', 'unknown-field', 'actions[0].changes.Nope__c'],
    ['NOT_UPDATEABLE', 'not-updateable', 'actions[0].changes.IsWon'],
    ['INVALID_TYPE', 'invalid-type', 'actions[0].changes.Amount'],
    ['INVALID_VALUE', 'invalid-value', 'actions[0].confidence'],
    ['RECORD_NOT_FOUND', 'record-not-found', 'actions[0].recordId'],
    ['DUPLICATE_FIELD', 'duplicate-field', 'actions[0].changes.Amount'],
    ['TOO_MANY_ACTIONS', 'too-many', 'actions'],
  ])('answers400With%sAtItsPath', async (code, bodyKind, path) => {
    const opp = wb.opportunities[0]!;
    const bodies: Record<string, unknown> = {
      'unknown-object': submitBody([{ ...action(0, { Amount: 1 }), object: 'Nope__c' }]),
      'unknown-field': submitBody([action(0, { Nope__c: 1 })]),
      'not-updateable': submitBody([action(0, { IsWon: true })]),
      'invalid-type': submitBody([action(0, { Amount: 'lots' })]),
      'invalid-value': submitBody([action(0, { Amount: 1 }, { confidence: 2 })]),
      'record-not-found': submitBody([{ ...action(0, { Amount: 1 }), recordId: '006000000000000AAA' }]),
      'duplicate-field': `{"run":{"agent":"Pipeline_Agent"},"actions":[{"idempotencyKey":"dup","object":"Opportunity","recordId":"${opp.Id}","operation":"update","changes":{"Amount":1,"Amount":2}}]}`,
      'too-many': submitBody(
        Array.from({ length: 201 }, (_, i) => ({ ...action(0, { NextStep: `n${i}` }), idempotencyKey: `many-${i}` })),
      ),
    };
    const body = typeof bodyKind === 'string' && bodyKind in bodies ? bodies[bodyKind] : bodyKind;
    const res = await call('POST', '/actions', body);
    conforms('/actions', 'post', res, 400);
    expectCode(res, code, path);
  });

  it('answers201ForACreateAndADeleteThatConform', async () => {
    const deal = wb.opportunities[3]!;
    const res = await call(
      'POST',
      '/actions',
      submitBody([
        { idempotencyKey: 'c-1', object: 'Opportunity', operation: 'create', changes: NEW_DEAL, confidence: 0.9 },
        { idempotencyKey: 'd-1', object: 'Opportunity', operation: 'delete', recordId: deal.Id },
      ]),
      ADMIN,
    );
    conforms('/actions', 'post', res, 201);
    const actions = res.body.actions as { id: string; operation: string; status: string }[];
    expect(actions.map((a) => [a.operation, a.status])).toEqual([
      ['create', 'PendingApproval'],
      ['delete', 'PendingApproval'],
    ]);
    const created = await call('GET', `/actions/${actions[0]!.id}`, undefined, ADMIN);
    conforms('/actions/{id}', 'get', created, 200);
    expect([created.body.operation, created.body.recordId]).toEqual(['create', null]);
    const deleted = await call('GET', `/actions/${actions[1]!.id}`, undefined, ADMIN);
    conforms('/actions/{id}', 'get', deleted, 200);
    expect([deleted.body.operation, deleted.body.recordId]).toEqual(['delete', deal.Id]);
  });

  it('answersAnAppliedCreateWithTheNewRecordsId', async () => {
    const res = await call(
      'POST',
      '/actions',
      submitBody([{ idempotencyKey: 'c-2', object: 'Opportunity', operation: 'create', changes: NEW_DEAL }]),
    );
    const id = (res.body.actions as { id: string }[])[0]!.id;
    await wb.approve(id);
    const applied = await call('GET', `/actions/${id}`);
    conforms('/actions/{id}', 'get', applied, 200);
    expect([applied.body.status, applied.body.operation]).toEqual(['Applied', 'create']);
    expect(applied.body.recordId).toMatch(/^006\w{15}$/);
  });

  it.each([
    ['MISSING_FIELD', { Amount: 1 }, 'actions[0].changes.Name'],
    ['NOT_CREATEABLE', { ...NEW_DEAL, ExpectedRevenue: 1 }, 'actions[0].changes.ExpectedRevenue'],
  ])('answers400With%sForACreateAtItsPath', async (code, changes, path) => {
    const res = await call(
      'POST',
      '/actions',
      submitBody([{ idempotencyKey: 'c-3', object: 'Opportunity', operation: 'create', changes }]),
    );
    conforms('/actions', 'post', res, 400);
    expectCode(res, code, path);
  });

  it.each([
    ['aRecordIdOnACreate', { operation: 'create', recordId: 'a demo deal', changes: NEW_DEAL }, 'actions[0].recordId'],
    ['changesOnADelete', { operation: 'delete', recordId: 'a demo deal', changes: {} }, 'actions[0].changes'],
    ['aDeleteTheAgentMayNotMake', { operation: 'delete', recordId: 'a demo deal' }, 'actions[0].recordId'],
  ])('answers403NotAllowedFor%s', async (_what, shape, path) => {
    // A demo deal: shared with the demo agent for editing, owned by a sales manager, so the agent may not delete it.
    const target = { ...shape, recordId: wb.opportunities[0]!.Id };
    const res = await call(
      'POST',
      '/actions',
      submitBody([{ idempotencyKey: 'n-1', object: 'Opportunity', ...target }]),
    );
    conforms('/actions', 'post', res, 403);
    expectCode(res, 'NOT_ALLOWED', path);
  });

  it('writesNothingWhenOneActionOfTheRequestIsInvalid', async () => {
    const res = await call(
      'POST',
      '/actions',
      submitBody([action(1, { NextStep: 'ok' }, { confidence: 0.95 }), action(0, { Amount: 'lots' })]),
    );
    conforms('/actions', 'post', res, 400);
    const run = await call('GET', '/runs/conformance-run');
    conforms('/runs/{id}', 'get', run, 404);
  });

  it('answers503PausedWhenTheKillSwitchIsOn', async () => {
    await wb.setMode('Paused');
    const res = await call('POST', '/actions', submitBody([action(1, { NextStep: 'x' })]));
    conforms('/actions', 'post', res, 503);
    expectCode(res, 'PAUSED');
  });

  // No shipped permission set grants the REST class without the agent permission: such a user meets the platform's
  // refusal (the NotAllowed response's second shape) before ActionPlane runs.
  it('answers403ForAUserWithoutTheAgentPermission', async () => {
    const res = await call('POST', '/actions', submitBody([action(1, { NextStep: 'x' })]), 'viewer@actionplane.demo');
    conforms('/actions', 'post', res, 403);
    expect(res.body).toEqual([
      { errorCode: 'FORBIDDEN', message: 'You do not have access to the Apex class named: ActionIntakeResource' },
    ]);
  });

  it('answers401ForAnUnknownWorkbenchUser', async () => {
    const res = await call('POST', '/actions', submitBody([action(1, { NextStep: 'x' })]), 'nobody@example.com');
    conforms('/actions', 'post', res, 401);
  });
});

describe('GET /actions/{id}, GET /runs/{id}, POST /actions/{id}/cancel', () => {
  async function pendingAction(): Promise<string> {
    const opp = wb.opportunities[0]!;
    const res = await call(
      'POST',
      '/actions',
      submitBody([action(0, { Amount: Math.round(opp.Amount * 1.5) }, { confidence: 0.9 })]),
    );
    return (res.body.actions as { id: string }[])[0]!.id;
  }

  it('answersAnApprovedActionWithDecisionsAppliedValuesAndAuditEvents', async () => {
    const id = await pendingAction();
    await wb.decide(id, 'maria.lopez@actionplane.demo', 'Approve');
    await wb.decide(id, 'sam.okafor@actionplane.demo', 'Approve');
    const res = await call('GET', `/actions/${id}`);
    conforms('/actions/{id}', 'get', res, 200);
    expect(res.body.status).toBe('Applied');
    expect(res.body.decisions).toEqual([
      expect.objectContaining({ decision: 'Approve' }),
      expect.objectContaining({ decision: 'Approve' }),
    ]);
    expect(Object.keys(res.body.appliedValues as object)).toEqual(['Amount']);
    expect((res.body.auditEvents as unknown[]).length).toBeGreaterThan(3);
  });

  it('answersARejectedActionWithTheRejectReason', async () => {
    const id = await pendingAction();
    await wb.decide(id, 'maria.lopez@actionplane.demo', 'Reject', 'The customer has not signed');
    const res = await call('GET', `/actions/${id}`);
    conforms('/actions/{id}', 'get', res, 200);
    expect(res.body.status).toBe('Rejected');
    expect(res.body.decisions).toEqual([
      expect.objectContaining({ decision: 'Reject', reason: 'The customer has not signed' }),
    ]);
  });

  it('answersAnAppliedActionWithItsAppliedValues', async () => {
    const res0 = await call(
      'POST',
      '/actions',
      submitBody([action(1, { NextStep: 'Applied value' }, { confidence: 0.95 })]),
    );
    const id = (res0.body.actions as { id: string }[])[0]!.id;
    const res = await call('GET', `/actions/${id}`);
    conforms('/actions/{id}', 'get', res, 200);
    expect(res.body.appliedValues).toEqual({ NextStep: 'Applied value' });
  });

  it('answers404ForAnUnknownAction', async () => {
    const res = await call('GET', '/actions/a02000000000000AAA');
    conforms('/actions/{id}', 'get', res, 404);
    expectCode(res, 'RECORD_NOT_FOUND');
  });

  it('answersTheRunByExternalIdWithAVerifiedChain', async () => {
    await pendingAction();
    const res = await call('GET', '/runs/conformance-run');
    conforms('/runs/{id}', 'get', res, 200);
    expect((res.body.chain as { verified: boolean }).verified).toBe(true);
  });

  it('answers404ForAnUnknownRun', async () => {
    const res = await call('GET', '/runs/no-such-run');
    conforms('/runs/{id}', 'get', res, 404);
  });

  it('cancelsAPendingActionAndRefusesASecondCancel', async () => {
    const id = await pendingAction();
    const res = await call('POST', `/actions/${id}/cancel`);
    conforms('/actions/{id}/cancel', 'post', res, 200);
    expect(res.body.status).toBe('Cancelled');
    const again = await call('POST', `/actions/${id}/cancel`);
    conforms('/actions/{id}/cancel', 'post', again, 409);
    expectCode(again, 'NOT_ALLOWED');
  });

  it('answers404WhenCancellingAnUnknownAction', async () => {
    const res = await call('POST', '/actions/a02000000000000AAA/cancel');
    conforms('/actions/{id}/cancel', 'post', res, 404);
  });
});

afterAll(() => {
  // Every error code of the contract was produced by the real server somewhere above.
  const codes = (validators.spec.components.schemas.ErrorCode as { enum: string[] }).enum;
  expect([...codesSeen].sort()).toEqual([...codes].sort());
});
