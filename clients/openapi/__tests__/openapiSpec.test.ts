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
});
