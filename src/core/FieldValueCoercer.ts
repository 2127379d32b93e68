/**
 * FieldValueCoercer — the TypeScript twin of force-app/main/core/classes/FieldValueCoercer.cls.
 *
 * Turns an agent's proposed JSON value into the value a Salesforce field of a given type stores, or says in words
 * why it cannot; then diffs proposed against live values and finds drift before execution. Pure: the field
 * describe comes in as a plain object. Conformance vectors (ConformanceVectorsCoercion.json) pin both twins.
 *
 * The rules (decided like Salesforce saves a record through the API):
 * - Codes. INVALID_TYPE: the JSON type cannot represent the field type, or a string for a number, boolean, date or
 *   datetime field does not even parse as one ("lots" for currency, an object for a string, "yes" for boolean).
 *   INVALID_VALUE: the right type outside the field's domain — picklist value not in the list (exact, case-sensitive
 *   match), text longer than `length`, malformed email / url / id (any string is the right type for text-like
 *   fields), impossible date, more integer digits than `precision - scale`, a non-whole number for integer/long,
 *   blank for a non-nillable field (checkboxes are never nillable).
 * - Blank: null, a missing value or a whitespace-only string is blank and becomes null for every type.
 * - Numbers (currency, double, percent, integer, long): a JSON number or a numeric string (`-12.5`, `+3`, `.5`; no
 *   grouping, currency symbols or exponent). Decimal arithmetic on the digits, never binary floats: rounded half
 *   up (away from zero, Apex RoundingMode.HALF_UP) to `scale` as Salesforce does on save; then at most
 *   `precision - scale` integer digits. Percent is the number itself (35 = 35%). integer: whole and within
 *   -2147483648..2147483647; long: whole and at most `precision` (else 18) digits. The result is a JSON number, so
 *   keep values to 15 significant digits (JavaScript numbers).
 * - Text (string, textarea, phone, picklist, multipicklist, email, url): JSON strings only (a number for a text
 *   field is INVALID_TYPE: its text form would differ between the twins). Text is kept as sent (no trim) and its
 *   length counted in UTF-16 code units like Apex String.length(); email, url, phone and ids are trimmed first.
 *   Multipicklist takes "A;B" or ["A","B"]: parts trimmed, blanks and repeats dropped, order kept, joined by ";".
 *   Email: local@domain.tld. Url: optional http://, https:// or ftp:// then host.tld[:port][/path?query#hash].
 * - Dates: `YYYY-MM-DD`, a real calendar date, years 1700–4000 (Salesforce's range). Datetimes: ISO-8601
 *   `YYYY-MM-DDTHH:mm[:ss[.fraction]][Z|±HH:mm|±HHmm]`, normalized to UTC `YYYY-MM-DDTHH:mm:ss.sssZ`; fractions
 *   past milliseconds are cut; **without a zone the time is taken as UTC**, as the Salesforce REST API does.
 * - Boolean: true/false, also the strings "true"/"false" in any case.
 * - reference / id: 15 or 18 letters and digits, returned as the 18-character form. An 18-character id must carry
 *   the case-safe checksum of its first 15 characters (the suffix is compared case-insensitively and returned
 *   upper case). `referenceTo` key prefixes are not checked.
 * - `updateable` is not checked here: the planner reports NOT_UPDATEABLE before coercing.
 */
import { isBlank, valuesEqual, type JsonValue } from './Values';

export type FieldType =
  | 'string'
  | 'textarea'
  | 'picklist'
  | 'multipicklist'
  | 'currency'
  | 'double'
  | 'percent'
  | 'integer'
  | 'long'
  | 'date'
  | 'datetime'
  | 'boolean'
  | 'reference'
  | 'id'
  | 'email'
  | 'phone'
  | 'url';

export const FIELD_TYPES: readonly FieldType[] = [
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
];

/** The part of a field describe coercion needs (Apex builds it from Schema.DescribeFieldResult). */
export interface FieldDescribe {
  name: string;
  label: string;
  type: FieldType;
  updateable: boolean;
  nillable: boolean;
  length?: number;
  precision?: number;
  scale?: number;
  picklistValues?: string[];
  referenceTo?: string[];
}

export type CoercionCode = 'INVALID_TYPE' | 'INVALID_VALUE';

export type CoercionResult = { ok: true; value: JsonValue } | { ok: false; code: CoercionCode; message: string };

/** One changed field of a planned action. */
export interface PlannedFieldChange {
  field: string;
  label: string;
  type: FieldType;
  before: JsonValue;
  after: JsonValue;
}

const NUMBER_TYPES = new Set<FieldType>(['currency', 'double', 'percent', 'integer', 'long']);
const TEXT_TYPES = new Set<FieldType>(['string', 'textarea', 'phone', 'picklist', 'multipicklist', 'email', 'url']);
const TRIMMED_TYPES = new Set<FieldType>(['phone', 'email', 'url']);

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;
const EMAIL = /^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;
const URL = /^((https?|ftp):\/\/)?[a-z0-9-]+(\.[a-z0-9-]+)+(:[0-9]{1,5})?([/?#]\S*)?$/;
const SALESFORCE_ID = /^[A-Za-z0-9]{15}([A-Za-z0-9]{3})?$/;
const ID_SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const MIN_YEAR = 1700;
const MAX_YEAR = 4000;
const INT_MIN = '2147483648';
const INT_MAX = '2147483647';
const LONG_DIGITS = 18;

/**
 * A finite number as a plain decimal: no exponent, no trailing zeros, `-0` as `0` (1e21 → "1000000000000000000000",
 * 1.5e-7 → "0.00000015"). The digits are JavaScript's shortest round-trip ones, so numbers keep what they were typed
 * with up to 15 significant digits (Apex: `Decimal.stripTrailingZeros().toPlainString()`). AuditHasher uses it too.
 */
export function plainNumber(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`${String(n)} is not a finite number`);
  if (n === 0) return '0';
  const text = String(n);
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign = '', intPart = '', fracPart = '', expText = '0'] = match;
  const digits = intPart + fracPart;
  const point = intPart.length + Number(expText);
  let body: string;
  if (point <= 0) body = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) body = digits + '0'.repeat(point - digits.length);
  else body = `${digits.slice(0, point)}.${digits.slice(point)}`;
  body = body.includes('.') ? body.replace(/0+$/, '').replace(/\.$/, '') : body;
  return sign + body;
}

/** The field as a person and an agent both recognise it: `Close Date (CloseDate)`, or just `Amount`. */
function title(field: FieldDescribe): string {
  const label = (field.label ?? '').trim();
  return label === '' || label === field.name ? field.name : `${label} (${field.name})`;
}

/** A raw value as shown in a message: strings quoted (long ones cut), lists and objects named. */
export function describeRaw(raw: unknown): string {
  if (raw === null || raw === undefined) return 'blank';
  if (typeof raw === 'string') return `'${raw.length > 40 ? `${raw.slice(0, 40)}...` : raw}'`;
  if (typeof raw === 'number') return Number.isFinite(raw) ? plainNumber(raw) : String(raw);
  if (typeof raw === 'boolean') return String(raw);
  if (Array.isArray(raw)) return 'a list';
  return 'an object';
}

function invalidType(message: string): CoercionResult {
  return { ok: false, code: 'INVALID_TYPE', message };
}

function invalidValue(message: string): CoercionResult {
  return { ok: false, code: 'INVALID_VALUE', message };
}

/**
 * Coerces one proposed value to what the field stores.
 * @returns `{ ok: true, value }` or `{ ok: false, code, message }` with a message that names the field
 */
export function coerceValue(field: FieldDescribe, raw: unknown): CoercionResult {
  const type = field.type;
  if (!FIELD_TYPES.includes(type)) {
    return invalidType(`${title(field)} has field type '${String(type)}', which ActionPlane cannot write`);
  }
  if (isBlank(raw) || (type === 'multipicklist' && Array.isArray(raw) && raw.every((v) => isBlank(v)))) {
    return field.nillable ? { ok: true, value: null } : invalidValue(`${title(field)} is required and cannot be blank`);
  }
  if (NUMBER_TYPES.has(type)) return coerceNumber(field, raw);
  if (type === 'boolean') return coerceBoolean(field, raw);
  if (type === 'date') return coerceDate(field, raw);
  if (type === 'datetime') return coerceDatetime(field, raw);
  if (type === 'reference' || type === 'id') return coerceId(field, raw);
  if (type === 'multipicklist') return coerceMultiPicklist(field, raw);
  if (TEXT_TYPES.has(type)) return coerceText(field, raw);
  return invalidType(`${title(field)} has field type '${String(type)}', which ActionPlane cannot write`);
}

// ---- numbers -------------------------------------------------------------------------------------------------

interface Decimal {
  negative: boolean;
  /** Integer digits without leading zeros ('' for zero). */
  whole: string;
  /** Fraction digits as written (may end in zeros). */
  fraction: string;
}

function parseDecimal(text: string): Decimal {
  const negative = text.startsWith('-');
  const unsigned = text.replace(/^[+-]/, '');
  const [wholeRaw = '', fraction = ''] = unsigned.split('.');
  return { negative, whole: wholeRaw.replace(/^0+/, ''), fraction };
}

/** Adds one unit in the last place to a string of digits ('999' → '1000'). */
function incrementDigits(digits: string): string {
  const out = digits.split('');
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] === '9') {
      out[i] = '0';
    } else {
      out[i] = String(Number(out[i]) + 1);
      return out.join('');
    }
  }
  return `1${out.join('')}`;
}

/** Rounds half up (away from zero) to `scale` fraction digits. */
function roundHalfUp(d: Decimal, scale: number): Decimal {
  if (d.fraction.length <= scale) return d;
  const kept = d.fraction.slice(0, scale);
  const roundUp = (d.fraction[scale] ?? '0') >= '5';
  if (!roundUp) return { ...d, fraction: kept };
  const bumped = incrementDigits((d.whole || '0') + kept);
  const wholeLength = bumped.length - scale;
  return {
    negative: d.negative,
    whole: bumped.slice(0, wholeLength).replace(/^0+/, ''),
    fraction: bumped.slice(wholeLength),
  };
}

function isZeroFraction(fraction: string): boolean {
  return /^0*$/.test(fraction);
}

/** Compares two unsigned digit strings without leading zeros. */
function compareDigits(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

function toNumber(d: Decimal): number {
  const fraction = d.fraction.replace(/0+$/, '');
  const text = `${d.negative ? '-' : ''}${d.whole || '0'}${fraction ? `.${fraction}` : ''}`;
  const n = Number(text);
  return n === 0 ? 0 : n;
}

function coerceNumber(field: FieldDescribe, raw: unknown): CoercionResult {
  let text: string;
  if (typeof raw === 'number' && Number.isFinite(raw)) text = plainNumber(raw);
  else if (typeof raw === 'string' && NUMERIC.test(raw.trim())) text = raw.trim();
  else return invalidType(`${title(field)} must be a number, got ${describeRaw(raw)}`);

  let d = parseDecimal(text);
  if (field.type === 'integer' || field.type === 'long') {
    if (!isZeroFraction(d.fraction))
      return invalidValue(`${title(field)} must be a whole number, got ${describeRaw(raw)}`);
    d = { ...d, fraction: '' };
    if (field.type === 'integer') {
      const limit = d.negative ? INT_MIN : INT_MAX;
      if (compareDigits(d.whole, limit) > 0) {
        return invalidValue(`${title(field)} must be between -${INT_MIN} and ${INT_MAX}, got ${describeRaw(raw)}`);
      }
    }
    const maxDigits =
      field.precision && field.precision > 0 ? field.precision : field.type === 'long' ? LONG_DIGITS : 0;
    if (maxDigits > 0 && d.whole.length > maxDigits) {
      return invalidValue(`${title(field)} allows at most ${maxDigits} digits, got ${describeRaw(raw)}`);
    }
    return { ok: true, value: toNumber(d) };
  }
  const scale = field.scale !== undefined && field.scale >= 0 ? field.scale : null;
  if (scale !== null) d = roundHalfUp(d, scale);
  if (field.precision !== undefined && field.precision > 0) {
    const maxWhole = field.precision - (scale ?? 0);
    if (d.whole.length > maxWhole) {
      return invalidValue(
        `${title(field)} allows at most ${maxWhole} digits before the decimal point, got ${describeRaw(raw)}`,
      );
    }
  }
  return { ok: true, value: toNumber(d) };
}

// ---- booleans ------------------------------------------------------------------------------------------------

function coerceBoolean(field: FieldDescribe, raw: unknown): CoercionResult {
  if (typeof raw === 'boolean') return { ok: true, value: raw };
  if (typeof raw === 'string') {
    const text = raw.trim().toLowerCase();
    if (text === 'true') return { ok: true, value: true };
    if (text === 'false') return { ok: true, value: false };
  }
  return invalidType(`${title(field)} must be true or false, got ${describeRaw(raw)}`);
}

// ---- dates ---------------------------------------------------------------------------------------------------

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Null when the date is real and in range, else the INVALID_VALUE result. */
function checkCalendarDate(field: FieldDescribe, raw: string, y: number, m: number, d: number): CoercionResult | null {
  if (y < MIN_YEAR || y > MAX_YEAR) {
    return invalidValue(`${title(field)} must be between ${MIN_YEAR}-01-01 and ${MAX_YEAR}-12-31, got '${raw}'`);
  }
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    return invalidValue(`${title(field)} has an impossible date '${raw}'`);
  }
  return null;
}

function coerceDate(field: FieldDescribe, raw: unknown): CoercionResult {
  const text = typeof raw === 'string' ? raw.trim() : null;
  const match = text === null ? null : DATE.exec(text);
  if (text === null || !match)
    return invalidType(`${title(field)} must be a date as YYYY-MM-DD, got ${describeRaw(raw)}`);
  const problem = checkCalendarDate(field, text, Number(match[1]), Number(match[2]), Number(match[3]));
  return problem ?? { ok: true, value: text };
}

function coerceDatetime(field: FieldDescribe, raw: unknown): CoercionResult {
  const text = typeof raw === 'string' ? raw.trim() : null;
  const match = text === null ? null : DATETIME.exec(text);
  if (text === null || !match) {
    return invalidType(
      `${title(field)} must be a date and time as ISO-8601 like 2026-03-01T14:30:00Z, got ${describeRaw(raw)}`,
    );
  }
  const [, ys = '', mos = '', ds = '', hs = '', mis = '', ss = '0', fraction = '', zone = 'Z'] = match;
  const [y, mo, d, h, mi, s] = [ys, mos, ds, hs, mis, ss].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const problem = checkCalendarDate(field, text, y, mo, d);
  if (problem) return problem;
  let offsetMinutes = 0;
  if (zone !== 'Z') {
    const digits = zone.replace(':', '');
    const oh = Number(digits.slice(1, 3));
    const om = Number(digits.slice(3, 5));
    if (oh > 14 || om > 59) return invalidValue(`${title(field)} has an impossible time zone offset in '${text}'`);
    offsetMinutes = (digits.startsWith('-') ? -1 : 1) * (oh * 60 + om);
  }
  if (h > 23 || mi > 59 || s > 59) return invalidValue(`${title(field)} has an impossible time in '${text}'`);
  const ms = Number(fraction.padEnd(3, '0').slice(0, 3));
  const utc = Date.UTC(y, mo - 1, d, h, mi, s, ms) - offsetMinutes * 60_000;
  const t = new Date(utc);
  const value =
    `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1, 2)}-${pad(t.getUTCDate(), 2)}` +
    `T${pad(t.getUTCHours(), 2)}:${pad(t.getUTCMinutes(), 2)}:${pad(t.getUTCSeconds(), 2)}.${pad(t.getUTCMilliseconds(), 3)}Z`;
  return { ok: true, value };
}

// ---- ids -----------------------------------------------------------------------------------------------------

/** The 3-character case-safe suffix of a 15-character Salesforce id. */
export function idChecksum(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let flags = 0;
    for (let j = 0; j < 5; j++) {
      const code = id15.charCodeAt(chunk * 5 + j);
      if (code >= 65 && code <= 90) flags += 1 << j;
    }
    suffix += ID_SUFFIX_ALPHABET.charAt(flags);
  }
  return suffix;
}

function coerceId(field: FieldDescribe, raw: unknown): CoercionResult {
  const expected = `${title(field)} must be a 15- or 18-character Salesforce id, got ${describeRaw(raw)}`;
  if (typeof raw !== 'string') return invalidType(expected);
  const text = raw.trim();
  if (!SALESFORCE_ID.test(text)) return invalidValue(expected);
  const id15 = text.slice(0, 15);
  const suffix = idChecksum(id15);
  if (text.length === 18 && text.slice(15).toUpperCase() !== suffix) {
    return invalidValue(
      `${title(field)} has an 18-character id whose last 3 characters do not match its first 15: '${text}'`,
    );
  }
  return { ok: true, value: id15 + suffix };
}

// ---- text ----------------------------------------------------------------------------------------------------

function checkLength(field: FieldDescribe, text: string): CoercionResult | null {
  if (field.length !== undefined && field.length > 0 && text.length > field.length) {
    return invalidValue(`${title(field)} allows at most ${field.length} characters, got ${text.length}`);
  }
  return null;
}

function listValues(values: string[]): string {
  const shown = values.slice(0, 10).join(', ');
  return values.length > 10 ? `${shown}, ... (${values.length} in all)` : shown;
}

function coerceText(field: FieldDescribe, raw: unknown): CoercionResult {
  if (typeof raw !== 'string') return invalidType(`${title(field)} must be text, got ${describeRaw(raw)}`);
  const text = TRIMMED_TYPES.has(field.type) ? raw.trim() : raw;
  const tooLong = checkLength(field, text);
  if (tooLong) return tooLong;
  if (field.type === 'picklist' && field.picklistValues && field.picklistValues.length > 0) {
    if (!field.picklistValues.includes(text)) {
      return invalidValue(`${title(field)} must be one of ${listValues(field.picklistValues)}; got '${text}'`);
    }
  }
  if (field.type === 'email' && !EMAIL.test(text)) {
    return invalidValue(`${title(field)} must be an email address like name@example.com, got '${text}'`);
  }
  if (field.type === 'url' && !URL.test(text.toLowerCase())) {
    return invalidValue(`${title(field)} must be a web address like https://example.com, got '${text}'`);
  }
  return { ok: true, value: text };
}

function coerceMultiPicklist(field: FieldDescribe, raw: unknown): CoercionResult {
  let parts: string[];
  if (typeof raw === 'string') parts = raw.split(';');
  else if (Array.isArray(raw) && raw.every((v) => typeof v === 'string' || isBlank(v))) {
    parts = raw.map((v) => (typeof v === 'string' ? v : ''));
  } else {
    return invalidType(`${title(field)} must be text like 'A;B' or a list of values, got ${describeRaw(raw)}`);
  }
  const chosen: string[] = [];
  for (const part of parts) {
    const value = part.trim();
    if (value !== '' && !chosen.includes(value)) chosen.push(value);
  }
  const allowed = field.picklistValues ?? [];
  if (allowed.length > 0) {
    const unknown = chosen.find((v) => !allowed.includes(v));
    if (unknown !== undefined) {
      return invalidValue(`${title(field)} must use only ${listValues(allowed)}; got '${unknown}'`);
    }
  }
  const text = chosen.join(';');
  return checkLength(field, text) ?? { ok: true, value: text };
}

// ---- diff and drift ------------------------------------------------------------------------------------------

/** Case-insensitive lookup; an exact key wins. Missing → null. */
function valueOf(record: Record<string, JsonValue>, field: string): JsonValue {
  if (Object.prototype.hasOwnProperty.call(record, field)) return record[field] ?? null;
  const wanted = field.toLowerCase();
  const key = Object.keys(record).find((k) => k.toLowerCase() === wanted);
  return key === undefined ? null : (record[key] ?? null);
}

/**
 * The fields whose proposed (already coerced) value differs from the live one, in proposed order; unchanged fields
 * are left out (equality follows `valuesEqual`). Field names match the describes case-insensitively.
 * @throws Error when a proposed field has no describe or is named twice (the planner reports those first)
 */
export function diff(
  fields: FieldDescribe[],
  before: Record<string, JsonValue>,
  proposed: Record<string, JsonValue>,
): PlannedFieldChange[] {
  const byName = new Map(fields.map((f) => [f.name.toLowerCase(), f] as const));
  const seen = new Set<string>();
  const changes: PlannedFieldChange[] = [];
  for (const [name, after] of Object.entries(proposed)) {
    const key = name.toLowerCase();
    const field = byName.get(key);
    if (!field) throw new Error(`No describe for proposed field '${name}'`);
    if (seen.has(key)) throw new Error(`Field '${field.name}' is proposed twice`);
    seen.add(key);
    const was = valueOf(before, field.name);
    const now = after ?? null;
    if (!valuesEqual(was, now))
      changes.push({ field: field.name, label: field.label, type: field.type, before: was, after: now });
  }
  return changes;
}

/**
 * The planned fields whose live value no longer equals the "before" the plan was made from (a stale plan must not
 * execute), in planned order.
 */
export function driftedFields(
  planned: { field: string; before: JsonValue }[],
  current: Record<string, JsonValue>,
): string[] {
  return planned.filter((p) => !valuesEqual(p.before ?? null, valueOf(current, p.field))).map((p) => p.field);
}
