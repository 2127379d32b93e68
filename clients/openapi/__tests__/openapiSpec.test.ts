import { compileErrors, validate } from '@readme/openapi-parser';
import { loadSpec, SpecValidators } from '../specSchemas';

describe('openapi/actionplane-v1.yaml', () => {
  it('isAValidOpenApi31Document', async () => {
    const spec = loadSpec();
    expect(spec.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(spec) as never);
    if (!result.valid) throw new Error(compileErrors(result));
    expect(result.valid).toBe(true);
  });

  it('describesExactlyTheFourIntakePaths', () => {
    const spec = loadSpec();
    const operations = Object.entries(spec.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations.sort()).toEqual(
      ['GET /actions/{id}', 'GET /runs/{id}', 'POST /actions', 'POST /actions/{id}/cancel'].sort(),
    );
  });

  it('listsEveryIntakeErrorCodeOfTheContract', () => {
    const codes = (loadSpec().components.schemas.ErrorCode as { enum: string[] }).enum;
    expect(codes.sort()).toEqual(
      [
        'MALFORMED_JSON',
        'MISSING_FIELD',
        'UNKNOWN_OBJECT',
        'UNKNOWN_FIELD',
        'NOT_UPDATEABLE',
        'NOT_CREATEABLE',
        'INVALID_TYPE',
        'INVALID_VALUE',
        'RECORD_NOT_FOUND',
        'TOO_MANY_ACTIONS',
        'DUPLICATE_FIELD',
        'PAUSED',
        'NOT_ALLOWED',
      ].sort(),
    );
  });

  it('separatesReplay200FromCreated201AndDocumentsPaused503', () => {
    const responses = loadSpec().paths['/actions']?.post?.responses ?? {};
    expect(Object.keys(responses)).toEqual(expect.arrayContaining(['200', '201', '400', '503']));
  });

  it('compilesEveryDocumentedJsonResponseSchemaWithAjv2020', () => {
    const validators = new SpecValidators();
    const compiled: string[] = [];
    for (const [path, ops] of Object.entries(validators.spec.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        for (const status of Object.keys(op.responses)) {
          validators.responseValidator(path, method, Number(status));
          compiled.push(`${method} ${path} ${status}`);
        }
      }
    }
    expect(compiled).toHaveLength(18);
  });

  it('rejectsAnErrorBodyWithAnUnknownCode', () => {
    const validators = new SpecValidators();
    expect(validators.problems('/actions', 'post', 400, { errors: [{ code: 'OOPS', message: 'x' }] })).not.toEqual([]);
    expect(validators.problems('/actions', 'post', 400, { errors: [{ code: 'MISSING_FIELD', message: 'x' }] })).toEqual(
      [],
    );
  });

  it('acceptsEachRequestExampleAsExactlyOneProposedActionShape', () => {
    const validators = new SpecValidators();
    const examples = (
      validators.spec.paths['/actions']?.post as unknown as {
        requestBody: { content: { 'application/json': { examples: Record<string, { value: unknown }> } } };
      }
    ).requestBody.content['application/json'].examples;
    expect(Object.keys(examples).sort()).toEqual(['create', 'delete', 'update']);
    for (const example of Object.values(examples))
      expect(validators.schemaProblems('SubmitRequest', example.value)).toEqual([]);
  });

  it('tellsTheThreeShapesApartByTheirOperationAndMembers', () => {
    const validators = new SpecValidators();
    const common = { idempotencyKey: 'k', object: 'Opportunity' };
    const id = '0065g0000000001AAA';
    const ok = (action: object) => expect(validators.schemaProblems('ProposedAction', action)).toEqual([]);
    const refused = (action: object) => expect(validators.schemaProblems('ProposedAction', action)).not.toEqual([]);
    ok({ ...common, operation: 'update', recordId: id, changes: { Amount: 1 } });
    ok({ ...common, operation: 'create', changes: { Name: 'x' } });
    ok({ ...common, operation: 'create', recordId: null, changes: { Name: 'x' } });
    ok({ ...common, operation: 'delete', recordId: id });
    refused({ ...common, operation: 'create', recordId: id, changes: { Name: 'x' } });
    refused({ ...common, operation: 'delete', recordId: id, changes: { Amount: null } });
    refused({ ...common, operation: 'delete' });
    refused({ ...common, operation: 'create', changes: {} });
    refused({ ...common, operation: 'upsert', recordId: id, changes: { Amount: 1 } });
  });
});
