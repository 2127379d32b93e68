/**
 * Values — small pure helpers the core twins share (Apex: the same rules live in FieldValueCoercer.cls).
 * A value is "blank" when it is null, missing or an empty/whitespace string, as Salesforce treats text fields.
 */
import { decimalText, parseDecimal, roundDecimal, type ExactDecimal } from './ExactDecimal';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export function isBlank(value: unknown): value is null | undefined | '' {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

const NUMERIC = /^\s*[+-]?(\d+\.?\d*|\.\d+)\s*$/;

/**
 * Two field values are equal when both are blank, or they are the same number (100 equals "100.00"), or their
 * text is identical. Used to decide whether a proposed value is a change at all.
 */
export function valuesEqual(a: unknown, b: unknown): boolean {
  if (isBlank(a) || isBlank(b)) return isBlank(a) && isBlank(b);
  const aNum = typeof a === 'number' || (typeof a === 'string' && NUMERIC.test(a));
  const bNum = typeof b === 'number' || (typeof b === 'string' && NUMERIC.test(b));
  if (aNum && bNum && (typeof a === 'number' || typeof b === 'number')) return Number(a) === Number(b);
  if (typeof a === 'object' || typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
  return `${a as string | number | boolean}` === `${b as string | number | boolean}`;
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
