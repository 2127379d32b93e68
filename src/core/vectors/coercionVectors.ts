/**
 * Vector kinds `coerce`, `diff` and `drift` (ConformanceVectorsCoercion.json), run against FieldValueCoercer.ts.
 * - coerce: `{ field: FieldDescribe, raw?, expect: { value } | { code, messageIncludes? } }` (no `raw` = missing)
 * - diff:   `{ fields, before, proposed, expect: { changes: PlannedFieldChange[] } | { error } }`
 * - drift:  `{ planned: [{ field, before }], current, expect: { drifted: string[] } }`
 */
import { coerceValue, diff, driftedFields, type FieldDescribe, type PlannedFieldChange } from '../FieldValueCoercer';
import type { JsonValue } from '../Values';
import { show, type VectorCase } from './VectorCase';

export interface CoerceVectorCase extends VectorCase {
  field: FieldDescribe;
  raw?: JsonValue;
  expect: { value?: JsonValue; code?: string; messageIncludes?: string };
}

export interface DiffVectorCase extends VectorCase {
  fields: FieldDescribe[];
  before: Record<string, JsonValue>;
  proposed: Record<string, JsonValue>;
  expect: { changes?: PlannedFieldChange[]; error?: string };
}

export interface DriftVectorCase extends VectorCase {
  planned: { field: string; before: JsonValue }[];
  current: Record<string, JsonValue>;
  expect: { drifted: string[] };
}

/** Same JSON value; key order of objects ignored. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameJson(v, b[i]));
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = Object.keys(ao);
  return keys.length === Object.keys(bo).length && keys.every((k) => k in bo && sameJson(ao[k], bo[k]));
}

export function checkCoerceVector(testCase: VectorCase): string[] {
  const c = testCase as CoerceVectorCase;
  const result = coerceValue(c.field, 'raw' in c ? c.raw : undefined);
  const out: string[] = [];
  if ('value' in c.expect) {
    if (!result.ok) out.push(`expected value ${show(c.expect.value)}, got ${result.code}: ${result.message}`);
    else if (!sameJson(result.value, c.expect.value))
      out.push(`value: expected ${show(c.expect.value)}, got ${show(result.value)}`);
    return out;
  }
  if (result.ok) return [`expected ${show(c.expect.code)}, got value ${show(result.value)}`];
  if (c.expect.code !== undefined && result.code !== c.expect.code) {
    out.push(`code: expected ${show(c.expect.code)}, got ${show(result.code)} (${result.message})`);
  }
  if (c.expect.messageIncludes !== undefined && !result.message.includes(c.expect.messageIncludes)) {
    out.push(`message: expected it to include ${show(c.expect.messageIncludes)}, got ${show(result.message)}`);
  }
  return out;
}

export function checkDiffVector(testCase: VectorCase): string[] {
  const c = testCase as DiffVectorCase;
  let changes: PlannedFieldChange[];
  try {
    changes = diff(c.fields, c.before ?? {}, c.proposed ?? {});
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (c.expect.error !== undefined && message.includes(c.expect.error)) return [];
    return [`diff failed: ${message}`];
  }
  if (c.expect.error !== undefined)
    return [`expected an error containing ${show(c.expect.error)}, got ${show(changes)}`];
  return sameJson(changes, c.expect.changes ?? [])
    ? []
    : [`changes: expected ${show(c.expect.changes)}, got ${show(changes)}`];
}

export function checkDriftVector(testCase: VectorCase): string[] {
  const c = testCase as DriftVectorCase;
  const drifted = driftedFields(c.planned, c.current ?? {});
  return sameJson(drifted, c.expect.drifted)
    ? []
    : [`drifted: expected ${show(c.expect.drifted)}, got ${show(drifted)}`];
}
