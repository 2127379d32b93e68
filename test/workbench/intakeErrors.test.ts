/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access -- response bodies are untyped JSON, asserted field by field */
/**
 * Intake REST v1 refuses every bad payload with the exact error code and path, and writes NOTHING — checked by
 * comparing every demo record, run, action and audit event before and after.
 */
import { VIEWER, WorkbenchClient, warmUp } from './workbenchClient';

let wb: WorkbenchClient;
let oppId: string;
let oppId2: string;

beforeAll(warmUp, 120_000);

beforeEach(async () => {
  wb = await WorkbenchClient.start();
  oppId = (await wb.opportunity(0)).Id;
  oppId2 = (await wb.opportunity(1)).Id;
});

afterEach(async () => {
  await wb.close();
});

function action(overrides: Record<string, unknown> = {}, key = 'k-1') {
  return {
    idempotencyKey: key,
    object: 'Opportunity',
    recordId: oppId,
    operation: 'update',
    changes: { NextStep: 'Call' },
    confidence: 0.9,
    ...overrides,
  };
}

function payload(actions: unknown[], run: unknown = { agent: 'pipeline-agent' }) {
  return { run, actions };
}

async function expectRefused(body: unknown, status: number, code: string, path?: string, user?: string) {
  const before = await wb.snapshot();
  const res = await wb.submit(body, user);
  expect(res.status).toBe(status);
  const match = (res.body.errors as { code: string; path?: string }[]).find(
    (e) => e.code === code && (path === undefined || e.path === path),
  );
  expect(match).toBeDefined();
  expect(await wb.snapshot()).toBe(before);
  return res.body.errors as { code: string; path?: string; message: string }[];
}

test('refusesMalformedJson', async () => {
  await expectRefused('{"run": {"agent": "a"}, "actions": [', 400, 'MALFORMED_JSON');
});

test('refusesANonObjectBodyAsMalformed', async () => {
  await expectRefused('[1,2]', 400, 'MALFORMED_JSON');
});

test('refusesAMissingRunAgentWithItsPath', async () => {
  await expectRefused(payload([action()], {}), 400, 'MISSING_FIELD', 'run.agent');
});

test('refusesAMissingRun', async () => {
  await expectRefused({ actions: [action()] }, 400, 'MISSING_FIELD', 'run');
});

test('refusesAnEmptyActionsArray', async () => {
  await expectRefused(payload([]), 400, 'MISSING_FIELD', 'actions');
});

test('refusesAMissingIdempotencyKey', async () => {
  await expectRefused(
    payload([action({ idempotencyKey: undefined })]),
    400,
    'MISSING_FIELD',
    'actions[0].idempotencyKey',
  );
});

test('refusesEmptyChanges', async () => {
  await expectRefused(payload([action({ changes: {} })]), 400, 'MISSING_FIELD', 'actions[0].changes');
});

test('refusesAnUnknownObject', async () => {
  await expectRefused(payload([action({ object: 'Spaceship__c' })]), 400, 'UNKNOWN_OBJECT', 'actions[0].object');
});

test('refusesAnUnknownFieldWithItsExactPath', async () => {
  await expectRefused(
    payload([action({ changes: { Colour__c: 'red' } })]),
    400,
    'UNKNOWN_FIELD',
    'actions[0].changes.Colour__c',
  );
});

test('refusesAReadOnlyField', async () => {
  await expectRefused(
    payload([action({ changes: { IsWon: true } })]),
    400,
    'NOT_UPDATEABLE',
    'actions[0].changes.IsWon',
  );
});

test('refusesTextForACurrencyField', async () => {
  await expectRefused(
    payload([action({ changes: { Amount: 'lots' } })]),
    400,
    'INVALID_TYPE',
    'actions[0].changes.Amount',
  );
});

test('refusesAValueOutsideThePicklist', async () => {
  await expectRefused(
    payload([action({ changes: { StageName: 'Almost Won' } })]),
    400,
    'INVALID_VALUE',
    'actions[0].changes.StageName',
  );
});

test('refusesAnImpossibleDate', async () => {
  await expectRefused(
    payload([action({ changes: { CloseDate: '2026-02-30' } })]),
    400,
    'INVALID_VALUE',
    'actions[0].changes.CloseDate',
  );
});

test('refusesAnOperationOtherThanUpdateCreateOrDelete', async () => {
  const errors = await expectRefused(
    payload([action({ operation: 'merge' })]),
    400,
    'INVALID_VALUE',
    'actions[0].operation',
  );
  expect(errors.find((e) => e.path === 'actions[0].operation')?.message).toMatch(/"update", "create" or "delete"/);
});

test('acceptsUpdateCaseInsensitively', async () => {
  const res = await wb.submit(payload([action({ operation: 'UPDATE' })]));
  expect(res.status).toBe(201);
});

test('refusesConfidenceThatIsNotANumber', async () => {
  await expectRefused(payload([action({ confidence: 'high' })]), 400, 'INVALID_TYPE', 'actions[0].confidence');
});

test('refusesConfidenceAboveOne', async () => {
  await expectRefused(payload([action({ confidence: 1.5 })]), 400, 'INVALID_VALUE', 'actions[0].confidence');
});

test('refusesAnUnknownRunSource', async () => {
  await expectRefused(payload([action()], { agent: 'a', source: 'Telepathy' }), 400, 'INVALID_VALUE', 'run.source');
});

test('refusesARecordThatDoesNotExist', async () => {
  await expectRefused(
    payload([action({ recordId: '006000000000000AAA' })]),
    400,
    'RECORD_NOT_FOUND',
    'actions[0].recordId',
  );
});

// docs/intake-api.md and the OpenAPI spec give RECORD_NOT_FOUND for "no such record": no Opportunity has an Account id.
test('refusesAnAccountIdGivenAsAnOpportunity', async () => {
  const accountId = (await wb.records('Account'))[0].Id as string;
  await expectRefused(payload([action({ recordId: accountId })]), 400, 'RECORD_NOT_FOUND', 'actions[0].recordId');
});

test('refusesTheSameFieldTwiceInDifferentCase', async () => {
  await expectRefused(
    payload([action({ changes: { Amount: 1, amount: 2 } })]),
    400,
    'DUPLICATE_FIELD',
    'actions[0].changes.amount',
  );
});

test('refusesALiterallyRepeatedJsonKey', async () => {
  const raw = `{"run":{"agent":"a"},"actions":[{"idempotencyKey":"k","object":"Opportunity","recordId":"${oppId}","operation":"update","changes":{"NextStep":"a","NextStep":"b"}}]}`;
  await expectRefused(raw, 400, 'DUPLICATE_FIELD', 'actions[0].changes.NextStep');
});

test('refusesMoreActionsThanTheLimit', async () => {
  const many = Array.from({ length: 201 }, (_, i) => action({}, `k-${i}`));
  await expectRefused(payload(many), 400, 'TOO_MANY_ACTIONS', 'actions');
});

test('refusesEverythingWhenPaused', async () => {
  const set = await wb.request('POST', '/workbench/api/settings', { Mode__c: 'Paused' });
  expect(set.status).toBe(200);
  const errors = await expectRefused(payload([action()]), 503, 'PAUSED');
  expect(errors[0]?.message).toMatch(/paused/i);
});

// No shipped permission set grants the REST class without the agent permission, so a user without it is refused by
// the platform before any ActionPlane code runs: the platform's own error list (OpenAPI: NotAllowed).
test('refusesAUserWithoutTheAgentPermission', async () => {
  const before = await wb.snapshot();
  const res = await wb.submit(payload([action()]), VIEWER);
  expect(res.status).toBe(403);
  expect(res.body).toEqual([
    { errorCode: 'FORBIDDEN', message: 'You do not have access to the Apex class named: ActionIntakeResource' },
  ]);
  expect(await wb.snapshot()).toBe(before);
});

test('refusesAnUnknownDemoUser', async () => {
  await expectRefused(payload([action()]), 401, 'NOT_ALLOWED', undefined, 'nobody@example.com');
});

test('writesNothingWhenOneOfSeveralActionsIsInvalid', async () => {
  const errors = await expectRefused(
    payload([
      action({}, 'ok-1'),
      action({ recordId: oppId2, changes: { NextStep: 'Fine' } }, 'ok-2'),
      action({ recordId: oppId2, changes: { CloseDate: 'next week' } }, 'bad-3'),
    ]),
    400,
    'INVALID_TYPE',
    'actions[2].changes.CloseDate',
  );
  expect(errors).toHaveLength(1);
});

test('reportsEveryErrorOfTheActionsAtOnce', async () => {
  const errors = await expectRefused(
    payload([action({ changes: { Amount: 'x', Bogus: 1 } }), action({ object: 'Nope' }, 'k-2')]),
    400,
    'UNKNOWN_OBJECT',
    'actions[1].object',
  );
  expect(errors.map((e) => `${e.path}:${e.code}`).sort()).toEqual(
    [
      'actions[0].changes.Amount:INVALID_TYPE',
      'actions[0].changes.Bogus:UNKNOWN_FIELD',
      'actions[1].object:UNKNOWN_OBJECT',
    ].sort(),
  );
});

// docs/intake-api.md promises one entry per problem: an invalid run does not hide its actions' planning errors.
test('reportsTheRunsAndTheActionsErrorsAtOnce', async () => {
  const errors = await expectRefused(
    payload([action({ changes: { Amount: 'x', Bogus: 1 } }), action({ object: 'Nope' }, 'k-2')], {
      source: 'External',
    }),
    400,
    'MISSING_FIELD',
    'run.agent',
  );
  expect(errors.map((e) => `${e.path}:${e.code}`).sort()).toEqual(
    [
      'actions[0].changes.Amount:INVALID_TYPE',
      'actions[0].changes.Bogus:UNKNOWN_FIELD',
      'actions[1].object:UNKNOWN_OBJECT',
      'run.agent:MISSING_FIELD',
    ].sort(),
  );
});

test('refusesAProposalThatChangesNothing', async () => {
  const opp = await wb.opportunity(0);
  await expectRefused(
    payload([action({ changes: { Amount: opp.Amount } })]),
    400,
    'INVALID_VALUE',
    'actions[0].changes',
  );
});

test('answersRecordNotFoundForAnUnknownActionId', async () => {
  const res = await wb.getAction('a025g0000009999AAA');
  expect(res.status).toBe(404);
  expect(res.body.errors[0].code).toBe('RECORD_NOT_FOUND');
});

// Creates and deletes (issue 18): the same refusals, field-precise, writing nothing.
function create(changes: Record<string, unknown>, overrides: Record<string, unknown> = {}, key = 'c-1') {
  return { idempotencyKey: key, object: 'Opportunity', operation: 'create', changes, confidence: 0.9, ...overrides };
}

function deletion(recordId: string, overrides: Record<string, unknown> = {}, key = 'd-1') {
  return { idempotencyKey: key, object: 'Opportunity', operation: 'delete', recordId, confidence: 0.9, ...overrides };
}

const NEW_DEAL = { Name: 'Globex expansion', StageName: 'Prospecting', CloseDate: '2031-01-15', Amount: 120000 };

test('acceptsACreateAsAllNewValuesWithoutWritingTheRecord', async () => {
  const before = (await wb.records('Opportunity')).length;
  const res = await wb.submit(payload([create(NEW_DEAL)]));
  expect(res.status).toBe(201);
  const answer = res.body.actions[0];
  expect(answer.operation).toBe('create');
  expect(answer.status).toBe('PendingApproval');
  const fields = answer.fieldChanges as { field: string; before: unknown; after: unknown }[];
  expect(fields.map((f) => f.field).sort()).toEqual(['Amount', 'CloseDate', 'Name', 'StageName']);
  expect(fields.every((f) => f.before === null)).toBe(true);
  expect((await wb.records('Opportunity')).length).toBe(before);
});

test('answersAnUpdateWithItsOperation', async () => {
  const res = await wb.submit(payload([action()]));
  expect(res.status).toBe(201);
  expect(res.body.actions[0].operation).toBe('update');
});

test('refusesACreateWithoutARequiredField', async () => {
  const errors = await expectRefused(
    payload([create({ ...NEW_DEAL, CloseDate: undefined })]),
    400,
    'MISSING_FIELD',
    'actions[0].changes.CloseDate',
  );
  expect(errors.map((e) => e.message)).toEqual(['CloseDate is required to create an Opportunity.']);
});

test('refusesACreateOfAFieldNobodySets', async () => {
  await expectRefused(
    payload([create({ ...NEW_DEAL, IsWon: true })]),
    400,
    'NOT_CREATEABLE',
    'actions[0].changes.IsWon',
  );
});

test('refusesARecordIdOnACreate', async () => {
  const errors = await expectRefused(
    payload([create(NEW_DEAL, { recordId: oppId })]),
    403,
    'NOT_ALLOWED',
    'actions[0].recordId',
  );
  expect(errors).toHaveLength(1);
});

test('refusesChangesOnADeleteEvenEmpty', async () => {
  const errors = await expectRefused(
    payload([deletion(oppId, { changes: {} })]),
    403,
    'NOT_ALLOWED',
    'actions[0].changes',
  );
  expect(errors[0]?.message).toBe('a delete changes no fields: leave changes out');
});

// The demo deals belong to Maria Lopez and are shared with the agent for editing: Edit is not Delete.
test('refusesADeleteOfARecordTheAgentMayEditButNotDelete', async () => {
  await expectRefused(payload([deletion(oppId)]), 403, 'NOT_ALLOWED', 'actions[0].recordId');
});

test('refusesADeleteOfARecordThatDoesNotExist', async () => {
  await expectRefused(payload([deletion('006000000000000AAA')]), 400, 'RECORD_NOT_FOUND', 'actions[0].recordId');
});

test('refusesADeleteWithoutARecordId', async () => {
  await expectRefused(
    payload([{ idempotencyKey: 'd-1', object: 'Opportunity', operation: 'delete' }]),
    400,
    'MISSING_FIELD',
    'actions[0].recordId',
  );
});
