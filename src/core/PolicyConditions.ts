/**
 * PolicyConditions — the operators of PolicyCondition__mdt: compileCondition validates a condition record once,
 * conditionHolds says for one changed field whether it holds and in which words. Twin of
 * force-app/main/core/classes/PolicyConditions.cls, function for function (compileCondition, operatorOf,
 * thresholdOf, valuesOf, conditionHolds, holds, operationWords, numberCompare, percentChange, numberBefore, dateMove, movesTheOtherWay,
 * moveWords, toTime, valueText). The operator table is in docs/policy.md; numbers are exact decimals, so 0.30 → 0.33
 * is exactly 10%.
 */
import {
  abs,
  compareDecimal,
  decimalOf,
  divideRounded,
  isZero,
  multiply,
  parseDecimal,
  subtract,
  type ExactDecimal,
} from './ExactDecimal';
import { MetadataRecord } from './MetadataRecord';
import type { Operation } from './PolicyCompiler';
import type { FieldValueChange, PolicyConditionRecord } from './PolicyEngine';
import { formatNumber, isBlank, type JsonValue } from './Values';

export const OPERATORS = [
  'changes',
  'changes_to',
  'changes_from',
  'increases_by_more_than_pct',
  'decreases_by_more_than_pct',
  'abs_change_greater_than',
  'new_value_greater_than',
  'new_value_less_than',
  'date_moves_by_more_than_days',
  'date_moves_earlier',
  'date_moves_later',
  'is_blanked',
] as const;
export type Operator = (typeof OPERATORS)[number];

const NUMERIC_OPERATORS: ReadonlySet<Operator> = new Set<Operator>([
  'increases_by_more_than_pct',
  'decreases_by_more_than_pct',
  'abs_change_greater_than',
  'new_value_greater_than',
  'new_value_less_than',
  'date_moves_by_more_than_days',
]);
const VALUE_LIST_OPERATORS: ReadonlySet<Operator> = new Set<Operator>(['changes_to', 'changes_from']);
const ZERO = decimalOf(0);
const HUNDRED = decimalOf(100);
const DAY = decimalOf(86_400_000);

/** A validated condition: the field it reads, its operator and what the operator compares with. */
export interface CompiledCondition {
  /** The record, e.g. `PolicyCondition__mdt.Opp_Big_Move`, for messages. */
  path: string;
  field: string;
  fieldKey: string;
  operator: Operator;
  /** changes_to / changes_from: the values separated by `|`, trimmed. */
  values: string[];
  /** Numeric operators: the number Value__c holds. */
  threshold: ExactDecimal | null;
}

/** Validates one PolicyCondition__mdt record; `index` names a condition without DeveloperName. */
export function compileCondition(c: PolicyConditionRecord, index: number, policyName: string): CompiledCondition {
  const path = `PolicyCondition__mdt.${isBlank(c.DeveloperName) ? `${policyName}[${index}]` : String(c.DeveloperName)}`;
  const r = new MetadataRecord(c, path);
  if (r.isBlank('Field__c')) throw r.error('Field__c', 'is required');
  if (r.isBlank('Operator__c')) throw r.error('Operator__c', 'is required');
  const operator = operatorOf(r);
  const threshold = NUMERIC_OPERATORS.has(operator) ? thresholdOf(operator, r) : null;
  const values = VALUE_LIST_OPERATORS.has(operator) ? valuesOf(operator, r) : [];
  const field = r.text('Field__c').trim();
  return { path, field, fieldKey: field.toLowerCase(), operator, values, threshold };
}

/** Operator__c, one of OPERATORS in any case. */
function operatorOf(r: MetadataRecord): Operator {
  const operator = MetadataRecord.pickEnum(OPERATORS, r.get('Operator__c'));
  if (operator === null) {
    throw r.error('Operator__c', `unknown operator '${r.text('Operator__c')}' (use one of ${OPERATORS.join(', ')})`);
  }
  return operator;
}

/** Value__c of a numeric operator: a plain decimal. */
function thresholdOf(operator: Operator, r: MetadataRecord): ExactDecimal {
  if (r.isBlank('Value__c')) throw r.error('Value__c', `is required: operator ${operator} compares with a number`);
  const threshold = r.decimalOrNull('Value__c');
  if (threshold === null) {
    throw r.error('Value__c', `'${r.text('Value__c')}' is not a number (operator ${operator})`);
  }
  return threshold;
}

/** Value__c of changes_to / changes_from: values separated by `|`, each trimmed. */
function valuesOf(operator: Operator, r: MetadataRecord): string[] {
  if (r.isBlank('Value__c')) {
    throw r.error('Value__c', `is required: operator ${operator} needs values separated by |`);
  }
  return r
    .text('Value__c')
    .split('|')
    .map((v) => v.trim());
}

/**
 * Evaluates one condition; returns the words that say why it holds, or null when it does not. The operators read
 * before and after the same way for every operation (a create goes from blank, a delete to blank); the operation
 * only changes the words where they would mislead: a create "sets" a value, a delete "removes" one.
 */
export function conditionHolds(
  cond: CompiledCondition,
  field: string,
  change: FieldValueChange,
  operation: Operation = 'Update',
): string | null {
  const why = holds(cond, field, change);
  if (why === null || operation === 'Update') return why;
  return operationWords(cond, field, change, operation) ?? why;
}

function holds(cond: CompiledCondition, field: string, change: FieldValueChange): string | null {
  const { before, after } = change;
  switch (cond.operator) {
    case 'changes':
      return `${field} changes`;
    case 'changes_to':
      return !isBlank(after) && cond.values.includes(valueText(after))
        ? `${field} changes to ${valueText(after)}`
        : null;
    case 'changes_from':
      return !isBlank(before) && cond.values.includes(valueText(before))
        ? `${field} changes from ${valueText(before)}`
        : null;
    case 'is_blanked':
      return !isBlank(before) && isBlank(after) ? `${field} is blanked` : null;
    case 'increases_by_more_than_pct':
    case 'decreases_by_more_than_pct':
      return percentChange(cond, field, change);
    case 'abs_change_greater_than':
    case 'new_value_greater_than':
    case 'new_value_less_than':
      return numberCompare(cond, field, change);
    default:
      return dateMove(cond, field, change);
  }
}

/**
 * A holding condition in the words of a create ("Amount is set to 50000") or a delete ("deleting removes Amount
 * 50000"); null keeps the update words (a rise from blank, a change by N read the same for a create).
 */
function operationWords(
  cond: CompiledCondition,
  field: string,
  change: FieldValueChange,
  operation: 'Create' | 'Delete',
): string | null {
  if (operation === 'Delete') {
    const removes = cond.operator === 'changes' || cond.operator === 'changes_from' || cond.operator === 'is_blanked';
    return removes ? `deleting removes ${field} ${valueText(change.before)}` : null;
  }
  const set = `${field} is set to ${valueText(change.after)}`;
  if (cond.operator === 'changes' || cond.operator === 'changes_to') return set;
  const t = formatNumber(cond.threshold ?? ZERO);
  if (cond.operator === 'new_value_greater_than') return `${set} (more than ${t})`;
  return cond.operator === 'new_value_less_than' ? `${set} (less than ${t})` : null;
}

/** The difference, or the new value, against the threshold. */
function numberCompare(cond: CompiledCondition, field: string, change: FieldValueChange): string | null {
  const t = cond.threshold ?? ZERO;
  const a = parseDecimal(change.after);
  if (a === null) return null;
  if (cond.operator === 'new_value_greater_than') {
    return compareDecimal(a, t) > 0 ? `${field} becomes ${formatNumber(a)} (more than ${formatNumber(t)})` : null;
  }
  if (cond.operator === 'new_value_less_than') {
    return compareDecimal(a, t) < 0 ? `${field} becomes ${formatNumber(a)} (less than ${formatNumber(t)})` : null;
  }
  const b = numberBefore(change.before);
  const delta = b === null ? null : abs(subtract(a, b));
  return delta !== null && compareDecimal(delta, t) > 0
    ? `${field} changes by ${formatNumber(delta)} (more than ${formatNumber(t)})`
    : null;
}

/** Percent rise or fall; from a blank or zero "before" any move counts (infinitely large). */
function percentChange(cond: CompiledCondition, field: string, change: FieldValueChange): string | null {
  const t = cond.threshold ?? ZERO;
  const a = parseDecimal(change.after);
  const b = numberBefore(change.before);
  const rising = cond.operator === 'increases_by_more_than_pct';
  if (a === null || b === null || compareDecimal(a, b) === 0 || compareDecimal(a, b) > 0 !== rising) return null;
  const head = `${field} ${rising ? 'rises' : 'falls'} `;
  const beyond = ` (more than ${formatNumber(t)}%)`;
  if (isZero(b)) return `${head}from ${isBlank(change.before) ? 'blank' : '0'}${beyond}`;
  // |a-b| × 100 > t × |b| decides without dividing; the percentage is computed only for the words.
  const delta = abs(subtract(a, b));
  if (compareDecimal(multiply(delta, HUNDRED), multiply(t, abs(b))) <= 0) return null;
  return `${head}${formatNumber(divideRounded(multiply(delta, HUNDRED), abs(b), 2))}%${beyond}`;
}

/** A blank "before" counts as 0; a "before" that is no number makes numeric operators false. */
function numberBefore(before: JsonValue): ExactDecimal | null {
  return isBlank(before) ? ZERO : parseDecimal(before);
}

/** Date moves: by more than N days (either way), earlier, or later. */
function dateMove(cond: CompiledCondition, field: string, change: FieldValueChange): string | null {
  const a = toTime(change.after);
  const b = toTime(change.before);
  if (a === null || b === null || a === b || movesTheOtherWay(cond.operator, a > b)) return null;
  const byMoreThan = cond.operator === 'date_moves_by_more_than_days';
  const t = cond.threshold ?? ZERO;
  const ms = decimalOf(Math.abs(a - b));
  if (byMoreThan && compareDecimal(ms, multiply(t, DAY)) <= 0) return null;
  const moved = moveWords(field, divideRounded(ms, DAY, 2), a > b);
  return byMoreThan ? `${moved} (more than ${formatNumber(t)})` : moved;
}

function movesTheOtherWay(operator: Operator, later: boolean): boolean {
  return (operator === 'date_moves_earlier' && later) || (operator === 'date_moves_later' && !later);
}

function moveWords(field: string, days: ExactDecimal, later: boolean): string {
  const unit = compareDecimal(days, decimalOf(1)) === 0 ? 'day' : 'days';
  return `${field} moves ${formatNumber(days)} ${unit} ${later ? 'later' : 'earlier'}`;
}

/** Milliseconds since epoch for `YYYY-MM-DD` (UTC midnight) or an ISO date-time; null otherwise. */
export function toTime(value: JsonValue): number | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (dateOnly) return Date.UTC(Number(dateOnly[1]), Number(dateOnly[2]) - 1, Number(dateOnly[3]));
  if (/^\d{4}-\d{2}-\d{2}T/.test(text)) {
    const t = Date.parse(text);
    return Number.isNaN(t) ? null : t;
  }
  return null;
}

/** How a value reads in a reason: blank, a formatted number, the text, or its JSON. */
export function valueText(value: JsonValue): string {
  if (isBlank(value)) return 'blank';
  if (typeof value === 'number') return formatNumber(value);
  return typeof value === 'string' ? value : JSON.stringify(value);
}
