/**
 * Values — what a JSON value means to the decision core: blank, equal ("unchanged"), and how a number reads in a
 * reason. Twin of force-app/main/core/classes/JsonValues.cls; PolicyEvaluation, PolicyConditions and
 * FieldValueCoercer all use it, so "the proposed value equals the current one" has one definition in each twin:
 * numbers compare as exact decimals (100 equals "100.00"; 100 and "100.0000000000000001" differ), never as doubles.
 * A value is "blank" when it is null, missing or an empty/whitespace string, as Salesforce treats text fields.
 * (JsonValues.parseDecimal and plainNumber are ExactDecimal.ts here.)
 */
import { compareDecimal, decimalText, parseDecimal, roundDecimal, type ExactDecimal } from './ExactDecimal';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export function isBlank(value: unknown): value is null | undefined | '' {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

const NUMERIC = /^\s*[+-]?(\d+\.?\d*|\.\d+)\s*$/;

/** A JSON number, or text that reads as a plain number ("-12.5", " 3 ", ".5"; no exponent, no grouping). */
export function isNumeric(value: unknown): boolean {
  return typeof value === 'number' || (typeof value === 'string' && NUMERIC.test(value));
}

/**
 * Two field values are equal when both are blank, or they are the same number as exact decimals (100 equals
 * "100.00" when one side is a number), or their JSON (lists and objects) or their text is identical
 * (case-sensitive). Used to decide whether a proposed value is a change at all.
 */
export function valuesEqual(a: unknown, b: unknown): boolean {
  if (isBlank(a) || isBlank(b)) return isBlank(a) && isBlank(b);
  if (comparesAsNumbers(a, b)) {
    const x = parseDecimal(a);
    const y = parseDecimal(b);
    return x !== null && y !== null && compareDecimal(x, y) === 0;
  }
  if (typeof a === 'object' || typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
  return `${a as string | number | boolean}` === `${b as string | number | boolean}`;
}

/** Both read as numbers and at least one is a JSON number: "100" and "100.00" are text, so they differ. */
function comparesAsNumbers(a: unknown, b: unknown): boolean {
  return isNumeric(a) && isNumeric(b) && (typeof a === 'number' || typeof b === 'number');
}

/**
 * Numbers in reasons: at most two decimals, rounded half away from zero, no trailing zeros, no grouping, computed
 * on the exact decimal (Apex: `d.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()`).
 */
export function formatNumber(n: number | ExactDecimal): string {
  const exact = typeof n === 'number' ? parseDecimal(n) : n;
  // Only a non-finite number fails to parse; it prints as JavaScript does (NaN, Infinity).
  return exact === null ? `${n as number}` : decimalText(roundDecimal(exact, 2));
}
