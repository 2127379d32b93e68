/**
 * PlanBuilder — twin of PlanBuilder.cls: checks every proposed field against the object's describe, coerces each
 * value by field type (shared core FieldValueCoercer) and diffs it against the live record, field by field.
 */
import { coerceValue, diff, type FieldDescribe, type PlannedFieldChange } from '../../src/core/FieldValueCoercer';
import type { JsonValue } from '../../src/core/Values';
import type { DemoRecord } from './DemoData';
import { describeField, type ObjectDescribe } from './ObjectDescribe';
import type { FieldError } from './RequestError';

export type PlannedChange = PlannedFieldChange;

export type PlanResult = { ok: true; changes: PlannedChange[] } | { ok: false; errors: FieldError[] };

/**
 * Plans one action's `changes` against `record`. `path` is where the changes sit in the request
 * (`actions[0].changes`) so every error names its exact field.
 */
export function planChanges(
  object: ObjectDescribe,
  record: DemoRecord,
  changes: Record<string, unknown>,
  path: string,
): PlanResult {
  const errors: FieldError[] = [];
  const fields: FieldDescribe[] = [];
  const proposed: Record<string, JsonValue> = {};
  const seen = new Set<string>();
  for (const [key, raw] of Object.entries(changes)) {
    const at = `${path}.${key}`;
    const describe = describeField(object, key);
    if (seen.has(key.toLowerCase())) {
      errors.push({ path: at, code: 'DUPLICATE_FIELD', message: `${key} appears more than once in these changes` });
      continue;
    }
    seen.add(key.toLowerCase());
    if (!describe) {
      errors.push({ path: at, code: 'UNKNOWN_FIELD', message: `${object.name} has no field named ${key}` });
      continue;
    }
    if (!describe.updateable) {
      errors.push({
        path: at,
        code: 'NOT_UPDATEABLE',
        message: `${object.name}.${describe.name} (${describe.label}) cannot be updated`,
      });
      continue;
    }
    const coerced = coerceValue(describe, raw);
    if (!coerced.ok) {
      errors.push({ path: at, code: coerced.code, message: coerced.message });
      continue;
    }
    fields.push(describe);
    proposed[describe.name] = coerced.value;
  }
  if (errors.length > 0) return { ok: false, errors };

  const changed: PlannedChange[] = diff(fields, record, proposed);
  if (changed.length === 0) {
    return {
      ok: false,
      errors: [
        {
          path,
          code: 'INVALID_VALUE',
          message: `every proposed value equals the current value: nothing to change (${object.name} ${String(record.Id)})`,
        },
      ],
    };
  }
  return { ok: true, changes: changed };
}
