import { compileCondition, conditionHolds, type CompiledCondition } from '../PolicyConditions';
import { PolicyConfigError } from '../MetadataRecord';
import type { JsonValue } from '../Values';

// Twin of PolicyConditionsTest.cls: the same operators, the same words.
const cond = (operator: string, value: string | number | null = null): CompiledCondition =>
  compileCondition({ DeveloperName: 'C', Field__c: 'Amount', Operator__c: operator, Value__c: value }, 0, 'P');
const holds = (c: CompiledCondition, before: JsonValue, after: JsonValue): string | null =>
  conditionHolds(c, 'Amount', { before, after });

describe('PolicyConditions', () => {
  it('measures percent rises and falls, from blank or zero too', () => {
    const rise = cond('increases_by_more_than_pct', '20');
    expect(holds(rise, 100, 135)).toBe('Amount rises 35% (more than 20%)');
    expect(holds(rise, 100, 120)).toBeNull();
    expect(holds(rise, null, 5)).toBe('Amount rises from blank (more than 20%)');
    expect(holds(rise, 0, 5)).toBe('Amount rises from 0 (more than 20%)');
    expect(holds(cond('increases_by_more_than_pct', 9), 0.3, 0.33)).toBe('Amount rises 10% (more than 9%)');
    expect(holds(cond('decreases_by_more_than_pct', '20'), 100, 70)).toBe('Amount falls 30% (more than 20%)');
  });

  it('compares differences, new values and dates', () => {
    expect(holds(cond('abs_change_greater_than', '5'), null, -6)).toBe('Amount changes by 6 (more than 5)');
    expect(holds(cond('new_value_less_than', 10), 50, 5)).toBe('Amount becomes 5 (less than 10)');
    const far = cond('date_moves_by_more_than_days', '14');
    expect(holds(far, '2026-12-01', '2027-01-15')).toBe('Amount moves 45 days later (more than 14)');
    expect(holds(far, '2026-12-01', '2026-12-15')).toBeNull();
    expect(holds(cond('date_moves_earlier'), '2026-12-02', '2026-12-01')).toBe('Amount moves 1 day earlier');
  });

  it('speaks of a create as setting a value and of a delete as removing one', () => {
    const on = (c: CompiledCondition, before: JsonValue, after: JsonValue, operation: 'Create' | 'Delete') =>
      conditionHolds(c, 'Amount', { before, after }, operation);
    expect(on(cond('changes'), null, 50000, 'Create')).toBe('Amount is set to 50000');
    expect(on(cond('changes_to', 'Prospecting'), null, 'Prospecting', 'Create')).toBe('Amount is set to Prospecting');
    expect(on(cond('new_value_greater_than', 10), null, 50, 'Create')).toBe('Amount is set to 50 (more than 10)');
    expect(on(cond('new_value_less_than', 10), null, 5, 'Create')).toBe('Amount is set to 5 (less than 10)');
    expect(on(cond('increases_by_more_than_pct', 20), null, 5, 'Create')).toBe(
      'Amount rises from blank (more than 20%)',
    );
    expect(on(cond('changes'), 50000, null, 'Delete')).toBe('deleting removes Amount 50000');
    expect(on(cond('changes_from', 'Closed'), 'Closed', null, 'Delete')).toBe('deleting removes Amount Closed');
    expect(on(cond('is_blanked'), 7, null, 'Delete')).toBe('deleting removes Amount 7');
    expect(on(cond('new_value_greater_than', 10), 50, null, 'Delete')).toBeNull();
    expect(conditionHolds(cond('changes'), 'Amount', { before: 1, after: 2 })).toBe('Amount changes');
  });

  it('names the record and field of a broken condition', () => {
    expect(() => compileCondition({ Operator__c: 'changes' }, 2, 'P')).toThrow(
      new PolicyConfigError('PolicyCondition__mdt.P[2].Field__c', 'is required'),
    );
    expect(() => cond('Changes_To')).toThrow('is required: operator changes_to needs values separated by |');
    expect(() => cond('grows_by')).toThrow("unknown operator 'grows_by' (use one of changes, changes_to,");
  });
});
