import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { coerceValue, diff, driftedFields, idChecksum, type FieldDescribe } from '../FieldValueCoercer';
import { VECTOR_KINDS, type VectorCase } from '../vectors';

// The same file the Apex CoreVectorsTest reads from the ConformanceVectorsCoercion static resource.
const FILE = join(__dirname, '../../../test-app/main/core/staticresources/ConformanceVectorsCoercion.json');
const cases = JSON.parse(readFileSync(FILE, 'utf8')) as VectorCase[];

const amount: FieldDescribe = {
  name: 'Amount',
  label: 'Amount',
  type: 'currency',
  updateable: true,
  nillable: true,
  precision: 18,
  scale: 2,
};
const stage: FieldDescribe = {
  name: 'StageName',
  label: 'Stage',
  type: 'picklist',
  updateable: true,
  nillable: false,
  picklistValues: ['Prospecting', 'Closed Won'],
};

describe('coercion conformance vectors', () => {
  it('covers every field type with good and bad values', () => {
    const coerce = cases.filter((c) => c.kind === 'coerce');
    expect(coerce.length).toBeGreaterThanOrEqual(25);
    const types = new Set(coerce.map((c) => (c.field as FieldDescribe).type));
    for (const t of [
      'string',
      'textarea',
      'picklist',
      'multipicklist',
      'currency',
      'double',
      'percent',
      'integer',
      'long',
      'date',
      'datetime',
      'boolean',
      'reference',
      'id',
      'email',
      'phone',
      'url',
    ]) {
      expect(types).toContain(t);
    }
    const codes = new Set(coerce.map((c) => (c.expect as { code?: string }).code));
    expect(codes).toContain('INVALID_TYPE');
    expect(codes).toContain('INVALID_VALUE');
  });

  it.each(cases.map((c) => [`${String(c.kind)}: ${c.name}`, c] as const))('%s', (_name, c) => {
    const check = VECTOR_KINDS[String(c.kind)];
    expect(check).toBeDefined();
    expect(check?.(c)).toEqual([]);
  });

  it('reports a case whose expectation is wrong', () => {
    const wrong = { kind: 'coerce', name: 'wrong', field: amount, raw: '1.005', expect: { value: 1 } };
    expect(VECTOR_KINDS.coerce?.(wrong)).toEqual(['value: expected 1, got 1.01']);
  });
});

describe('coerceValue', () => {
  it('rounds numbers on decimal digits, carrying into the integer part', () => {
    expect(coerceValue(amount, '9.995')).toEqual({ ok: true, value: 10 });
  });

  it('names the field and the value in an INVALID_TYPE message', () => {
    expect(coerceValue(amount, 'lots')).toEqual({
      ok: false,
      code: 'INVALID_TYPE',
      message: "Amount must be a number, got 'lots'",
    });
  });

  it('refuses a blank value for a required picklist', () => {
    expect(coerceValue(stage, null)).toEqual({
      ok: false,
      code: 'INVALID_VALUE',
      message: 'Stage (StageName) is required and cannot be blank',
    });
  });

  it('cuts long values in messages', () => {
    const result = coerceValue(amount, 'x'.repeat(100));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toBe(`Amount must be a number, got '${'x'.repeat(40)}...'`);
  });

  it('expands exponent notation of large JSON numbers before checking digits', () => {
    const wide: FieldDescribe = { ...amount, precision: 30, scale: 0 };
    expect(coerceValue(wide, 1e21)).toEqual({ ok: true, value: 1e21 });
    expect(coerceValue(amount, 1e21)).toMatchObject({ ok: false, code: 'INVALID_VALUE' });
  });
});

describe('idChecksum', () => {
  it('computes the documented suffix of a known id', () => {
    expect(idChecksum('001D000000IqhSL')).toBe('IAZ');
  });
});

describe('diff and driftedFields', () => {
  it('throws when a field is proposed twice under two spellings', () => {
    expect(() => diff([amount], {}, { Amount: 1, amount: 2 })).toThrow("Field 'Amount' is proposed twice");
  });

  it('prefers an exact key over a case-insensitive one in the live record', () => {
    expect(driftedFields([{ field: 'Amount', before: 5 }], { amount: 7, Amount: 5 })).toEqual([]);
  });
});
