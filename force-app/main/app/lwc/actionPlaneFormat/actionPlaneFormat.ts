/**
 * actionPlaneFormat — how the approver's components turn stored values into words: type-aware formatting, the
 * change between "before" and "after" (currency delta and %, date shift in days, picklist moves, word diff),
 * validation of an approver's edit, ages, expiry and badges. Pure functions; no DOM, no server.
 */
import LOCALE from '@salesforce/i18n/locale';
import CURRENCY from '@salesforce/i18n/currency';
import { LABELS, formatLabel, pluralLabel } from 'c/actionPlaneLabels';
import type {
  ChangeSummary,
  Decision,
  DecisionOutcome,
  FieldChange,
  FieldValue,
  InboxRow,
  Operation,
  RelatedAction,
} from 'c/actionPlaneApi';

export type ValueKind =
  | 'currency'
  | 'number'
  | 'percent'
  | 'integer'
  | 'date'
  | 'datetime'
  | 'picklist'
  | 'multipicklist'
  | 'boolean'
  | 'longtext'
  | 'text'
  | 'email'
  | 'url'
  | 'phone'
  | 'reference';

export interface FormatOptions {
  scale?: number | null;
  locale?: string;
  currency?: string;
  /** Record id → name: a lookup value is shown as the record's name. */
  names?: Record<string, string> | null;
}

const KIND_BY_TYPE: Record<string, ValueKind> = {
  currency: 'currency',
  double: 'number',
  number: 'number',
  decimal: 'number',
  percent: 'percent',
  integer: 'integer',
  int: 'integer',
  long: 'integer',
  date: 'date',
  datetime: 'datetime',
  picklist: 'picklist',
  combobox: 'picklist',
  multipicklist: 'multipicklist',
  boolean: 'boolean',
  checkbox: 'boolean',
  textarea: 'longtext',
  longtextarea: 'longtext',
  richtextarea: 'longtext',
  html: 'longtext',
  longtext: 'longtext',
  email: 'email',
  url: 'url',
  phone: 'phone',
  reference: 'reference',
  lookup: 'reference',
  id: 'reference',
};

/** The kind of a field from its stored type: Schema.DisplayType names or metadata names, any case. */
export function kindOf(type: string | null | undefined): ValueKind {
  const key = (type ?? '').toLowerCase().replace(/[^a-z]/g, '');
  return KIND_BY_TYPE[key] ?? 'text';
}

/** Blank as Salesforce treats it: null, missing, or only whitespace. */
export function isBlankValue(value: unknown): value is null | undefined | '' {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

const NUMERIC = /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i;

/** A JSON value as a finite number, or null when it is not one. */
export function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && NUMERIC.test(value)) return Number(value);
  return null;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Milliseconds since the epoch (UTC) of a YYYY-MM-DD date or ISO date-time; null when it is not a real date. */
export function toTime(value: unknown): number | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const text = value.trim();
  const dateOnly = DATE_ONLY.exec(text);
  if (dateOnly) {
    const [year, month, day] = [Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3])];
    const time = Date.UTC(year, month - 1, day);
    const check = new Date(time);
    return check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day
      ? time
      : null;
  }
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text)) return null;
  const time = Date.parse(text);
  return Number.isNaN(time) ? null : time;
}

function decimals(scale: number | null | undefined, fallback: number): number {
  return typeof scale === 'number' && scale >= 0 && scale <= 18 ? scale : fallback;
}

// Building an Intl formatter costs far more than using one; a 500-field diff formats thousands of values.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    dateFormats.set(key, format);
  }
  return format;
}

/** A value for display, by kind. Blanks are the empty string: the template shows them as blanks. */
export function formatValue(kind: ValueKind, value: FieldValue | undefined, options: FormatOptions = {}): string {
  if (isBlankValue(value)) return '';
  const locale = options.locale ?? LOCALE;
  switch (kind) {
    case 'currency':
    case 'number':
    case 'percent':
    case 'integer': {
      const n = toNumber(value);
      if (n === null) return String(value);
      if (kind === 'currency') {
        const digits = decimals(options.scale, 2);
        return numberFormat(locale, {
          style: 'currency',
          currency: options.currency ?? CURRENCY,
          minimumFractionDigits: digits,
          maximumFractionDigits: digits,
        }).format(n);
      }
      const max = kind === 'integer' ? 0 : decimals(options.scale, 4);
      const text = numberFormat(locale, { maximumFractionDigits: max }).format(n);
      return kind === 'percent' ? `${text}%` : text;
    }
    case 'date':
    case 'datetime': {
      const time = toTime(value);
      if (time === null) return String(value);
      const dateOnly = typeof value === 'string' && DATE_ONLY.test(value.trim());
      return dateFormat(locale, {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        ...(dateOnly
          ? { timeZone: 'UTC' }
          : { hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' }),
      }).format(new Date(time));
    }
    case 'boolean':
      return value === true || value === 'true' ? LABELS.yes : LABELS.no;
    case 'multipicklist':
      return String(value).split(';').join(', ');
    case 'reference': {
      const id = String(value);
      return options.names?.[id] ?? id;
    }
    default:
      return String(value);
  }
}

/** Whether two stored values of a field are the same value (50000 and "50000.00" are; blank and null are). */
export function valuesMatch(kind: ValueKind, a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  if (isBlankValue(a) || isBlankValue(b)) return isBlankValue(a) && isBlankValue(b);
  if (kind === 'currency' || kind === 'number' || kind === 'percent' || kind === 'integer') {
    const x = toNumber(a);
    const y = toNumber(b);
    if (x !== null && y !== null) return x === y;
  }
  return String(a) === String(b);
}

/** How a number changed: the signed delta and the percentage of the "before" (null when before is blank or 0). */
export function numberChange(before: FieldValue, after: FieldValue): { delta: number; percent: number | null } | null {
  const a = toNumber(after);
  const b = toNumber(before);
  if (a === null && b === null) return null;
  const from = b ?? 0;
  const to = a ?? 0;
  const delta = to - from;
  const percent = b === null || b === 0 ? null : (delta / Math.abs(b)) * 100;
  return { delta, percent };
}

/** Signed whole days from before to after (dates) or to one decimal (date-times); null unless both are dates. */
export function dateShiftDays(before: FieldValue, after: FieldValue): number | null {
  const from = toTime(before);
  const to = toTime(after);
  if (from === null || to === null) return null;
  const days = (to - from) / 86_400_000;
  return Math.round(days * 10) / 10;
}

export type MoveDirection = 'forward' | 'backward' | 'none' | 'unknown';

/** Where a picklist value moved in the field's value order (e.g. an Opportunity stage moving forward 2 steps). */
export function picklistMove(
  before: FieldValue,
  after: FieldValue,
  values: string[] | null | undefined,
): { direction: MoveDirection; steps: number } {
  if (!values || values.length === 0 || isBlankValue(before) || isBlankValue(after)) {
    return { direction: 'unknown', steps: 0 };
  }
  const from = values.indexOf(String(before));
  const to = values.indexOf(String(after));
  if (from < 0 || to < 0) return { direction: 'unknown', steps: 0 };
  if (to === from) return { direction: 'none', steps: 0 };
  return { direction: to > from ? 'forward' : 'backward', steps: Math.abs(to - from) };
}

export interface WordSegment {
  key: string;
  text: string;
  kind: 'same' | 'added' | 'removed';
  className: string;
}

/** Above this many token pairs the middle of a long text is shown as one removal and one addition. */
const WORD_DIFF_BUDGET = 400_000;

function tokens(text: string): string[] {
  return text.split(/(\s+)/).filter((token) => token !== '');
}

/**
 * An inline word diff of two texts (whitespace kept), by longest common subsequence after trimming the common
 * start and end. Adjacent segments of one kind are merged so screen readers get whole phrases.
 */
export function wordDiff(before: string, after: string): WordSegment[] {
  const a = tokens(before);
  const b = tokens(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const raw: { text: string; kind: WordSegment['kind'] }[] = [];
  for (const token of a.slice(0, start)) raw.push({ text: token, kind: 'same' });
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if (midA.length * midB.length > WORD_DIFF_BUDGET) {
    for (const token of midA) raw.push({ text: token, kind: 'removed' });
    for (const token of midB) raw.push({ text: token, kind: 'added' });
  } else {
    raw.push(...lcsDiff(midA, midB));
  }
  for (const token of a.slice(endA)) raw.push({ text: token, kind: 'same' });

  const merged: WordSegment[] = [];
  for (const part of raw) {
    const last = merged[merged.length - 1];
    if (last && last.kind === part.kind) last.text += part.text;
    else
      merged.push({ key: String(merged.length), text: part.text, kind: part.kind, className: segmentClass(part.kind) });
  }
  return merged;
}

function segmentClass(kind: WordSegment['kind']): string {
  if (kind === 'added') return 'diff-added';
  if (kind === 'removed') return 'diff-removed';
  return 'diff-same';
}

function lcsDiff(a: string[], b: string[]): { text: string; kind: WordSegment['kind'] }[] {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const table = new Uint32Array(rows * cols);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * cols + j] =
        a[i] === b[j]
          ? (table[(i + 1) * cols + j + 1] ?? 0) + 1
          : Math.max(table[(i + 1) * cols + j] ?? 0, table[i * cols + j + 1] ?? 0);
    }
  }
  const out: { text: string; kind: WordSegment['kind'] }[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push({ text: a[i] as string, kind: 'same' });
      i++;
      j++;
    } else if ((table[(i + 1) * cols + j] ?? 0) >= (table[i * cols + j + 1] ?? 0)) {
      out.push({ text: a[i] as string, kind: 'removed' });
      i++;
    } else {
      out.push({ text: b[j] as string, kind: 'added' });
      j++;
    }
  }
  for (; i < a.length; i++) out.push({ text: a[i] as string, kind: 'removed' });
  for (; j < b.length; j++) out.push({ text: b[j] as string, kind: 'added' });
  return out;
}

function signed(text: string, n: number): string {
  return n > 0 ? `+${text}` : n < 0 ? `\u2212${text.replace(/^-/, '')}` : text;
}

/** What the change means in words: "+$10,000.00 (+20%)", "+14 days (later)", "forward 2 steps". Empty when none. */
export function describeDetail(
  change: Pick<FieldChange, 'type' | 'before' | 'after' | 'scale' | 'picklistValues' | 'ordered'>,
  options: FormatOptions = {},
): {
  text: string;
  tone: 'up' | 'down' | 'neutral';
} {
  const kind = kindOf(change.type);
  const locale = options.locale ?? LOCALE;
  if (kind === 'currency' || kind === 'number' || kind === 'percent' || kind === 'integer') {
    const moved = numberChange(change.before, change.after);
    if (moved === null || moved.delta === 0) return { text: '', tone: 'neutral' };
    // A percent field moves in percentage points; "+70%" next to "(+350%)" would read as two percentages.
    const magnitude =
      kind === 'percent'
        ? formatLabel(LABELS.percentPoints, formatValue('number', Math.abs(moved.delta), { ...options, locale }))
        : formatValue(kind, Math.abs(moved.delta), { ...options, locale });
    const deltaText = signed(magnitude, moved.delta);
    const pctText =
      moved.percent === null
        ? LABELS.fromBlank
        : signed(
            `${numberFormat(locale, { maximumFractionDigits: 1 }).format(Math.abs(moved.percent))}%`,
            moved.percent,
          );
    return { text: `${deltaText} (${pctText})`, tone: moved.delta > 0 ? 'up' : 'down' };
  }
  if (kind === 'date' || kind === 'datetime') {
    const days = dateShiftDays(change.before, change.after);
    if (days === null || days === 0) return { text: '', tone: 'neutral' };
    const amount = numberFormat(locale, { maximumFractionDigits: 1 }).format(Math.abs(days));
    const template = days > 0 ? LABELS.daysLater : LABELS.daysEarlier;
    return { text: formatLabel(template, signed(amount, days)), tone: days > 0 ? 'up' : 'down' };
  }
  // Steps only mean something for a sequence (Opportunity stages); Case Priority's order is just a list.
  if (kind === 'picklist' && change.ordered === true) {
    const move = picklistMove(change.before, change.after, change.picklistValues);
    if (move.direction === 'forward')
      return { text: pluralLabel(move.steps, LABELS.movesForwardOne, LABELS.movesForward, move.steps), tone: 'up' };
    if (move.direction === 'backward')
      return {
        text: pluralLabel(move.steps, LABELS.movesBackwardOne, LABELS.movesBackward, move.steps),
        tone: 'down',
      };
  }
  return { text: '', tone: 'neutral' };
}

/**
 * Whether an inline word diff reads well: what stays is at least 40% of the text (by characters, spaces aside, against
 * the larger of the removed and the added part). A full rewrite interleaved word by word is unreadable, so it is
 * shown whole beside the old text instead.
 */
export function isReadableWordDiff(segments: Pick<WordSegment, 'text' | 'kind'>[]): boolean {
  const count = { same: 0, added: 0, removed: 0 };
  for (const segment of segments) count[segment.kind] += segment.text.replace(/\s+/g, '').length;
  const changed = Math.max(count.added, count.removed);
  return count.same + changed === 0 || count.same / (count.same + changed) >= 0.4;
}

/** Long text (or any text with a line break or over 80 characters) is shown as an inline word diff. */
export function wantsWordDiff(kind: ValueKind, before: FieldValue, after: FieldValue): boolean {
  if (kind === 'longtext') return true;
  if (kind !== 'text') return false;
  const long = (v: FieldValue) => typeof v === 'string' && (v.length > 80 || v.includes('\n'));
  return long(before) || long(after);
}

export type EditResult = { ok: true; value: FieldValue } | { ok: false; error: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL_LIKE = /^(https?:\/\/)?[^\s/$.?#][^\s]*\.[^\s]+$/i;
const PHONE = /^[+()\d][\d\s().\-/]{2,39}$/;

/**
 * Validate what an approver typed for a field and turn it into the JSON value to send. Blank means "clear the
 * field" (null). Every error names the field and says what was wrong.
 */
export function validateEdit(
  change: Pick<FieldChange, 'field' | 'label' | 'type' | 'scale' | 'picklistValues'>,
  raw: string,
): EditResult {
  const label = change.label ?? change.field;
  const text = raw.trim();
  if (text === '') return { ok: true, value: null };
  const kind = kindOf(change.type);
  switch (kind) {
    case 'currency':
    case 'number':
    case 'percent':
    case 'integer': {
      const normalised = text.replace(/,/g, '').replace(/%$/, '');
      if (!NUMERIC.test(normalised)) return { ok: false, error: formatLabel(LABELS.editNotNumber, label, raw) };
      const n = Number(normalised);
      if (!Number.isFinite(n)) return { ok: false, error: formatLabel(LABELS.editNotNumber, label, raw) };
      const fraction = normalised.includes('.') ? (normalised.split('.')[1] ?? '').replace(/e.*$/i, '').length : 0;
      if (kind === 'integer' && !Number.isInteger(n))
        return { ok: false, error: formatLabel(LABELS.editNotWhole, label, raw) };
      const scale = kind === 'integer' ? 0 : change.scale;
      if (typeof scale === 'number' && fraction > scale) {
        return { ok: false, error: formatLabel(LABELS.editTooManyDecimals, label, scale, raw) };
      }
      return { ok: true, value: n };
    }
    case 'date': {
      if (!DATE_ONLY.test(text) || toTime(text) === null)
        return { ok: false, error: formatLabel(LABELS.editNotDate, label, raw) };
      return { ok: true, value: text };
    }
    case 'datetime': {
      const time = toTime(text);
      if (time === null) return { ok: false, error: formatLabel(LABELS.editNotDateTime, label, raw) };
      return { ok: true, value: new Date(time).toISOString() };
    }
    case 'boolean': {
      const lower = text.toLowerCase();
      if (lower === 'true' || lower === 'false') return { ok: true, value: lower === 'true' };
      return { ok: false, error: formatLabel(LABELS.editNotBoolean, label, raw) };
    }
    case 'picklist': {
      const values = change.picklistValues ?? [];
      if (values.length > 0 && !values.includes(text)) {
        return { ok: false, error: formatLabel(LABELS.editNotInPicklist, label, raw, values.join(', ')) };
      }
      return { ok: true, value: text };
    }
    case 'multipicklist': {
      const values = change.picklistValues ?? [];
      const chosen = text
        .split(';')
        .map((v) => v.trim())
        .filter((v) => v !== '');
      const unknown = values.length > 0 ? chosen.filter((v) => !values.includes(v)) : [];
      if (unknown.length > 0) {
        return { ok: false, error: formatLabel(LABELS.editNotInPicklist, label, unknown.join(';'), values.join(', ')) };
      }
      return { ok: true, value: chosen.join(';') };
    }
    case 'email':
      return EMAIL.test(text)
        ? { ok: true, value: text }
        : { ok: false, error: formatLabel(LABELS.editNotEmail, label, raw) };
    case 'url':
      return URL_LIKE.test(text)
        ? { ok: true, value: text }
        : { ok: false, error: formatLabel(LABELS.editNotUrl, label, raw) };
    case 'phone':
      return PHONE.test(text)
        ? { ok: true, value: text }
        : { ok: false, error: formatLabel(LABELS.editNotPhone, label, raw) };
    case 'reference':
      return /^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/.test(text)
        ? { ok: true, value: text }
        : { ok: false, error: formatLabel(LABELS.editNotId, label, raw) };
    default:
      return { ok: true, value: raw };
  }
}

/** The text an edit box starts with for a stored value (the inverse of validateEdit for valid values). */
export function editText(value: FieldValue): string {
  if (isBlankValue(value)) return '';
  return String(value);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function spanText(ms: number): string {
  if (ms < HOUR) return formatLabel(LABELS.spanMinutes, Math.max(1, Math.floor(ms / MINUTE)));
  if (ms < DAY) return formatLabel(LABELS.spanHours, Math.floor(ms / HOUR));
  return formatLabel(LABELS.spanDays, Math.floor(ms / DAY));
}

/** How long ago something was created: "5m", "3h", "2d". */
export function formatAge(createdAt: string | null, now: number): string {
  const time = createdAt ? Date.parse(createdAt) : NaN;
  if (Number.isNaN(time)) return '';
  return spanText(Math.max(0, now - time));
}

/** Time left before an action expires, and how urgent that is (under 4 hours is "soon"). */
export function formatExpiry(
  expiresAt: string | null,
  now: number,
): { text: string; tone: 'none' | 'ok' | 'soon' | 'expired' } {
  const time = expiresAt ? Date.parse(expiresAt) : NaN;
  if (Number.isNaN(time)) return { text: '', tone: 'none' };
  const left = time - now;
  if (left <= 0) return { text: LABELS.expired, tone: 'expired' };
  return { text: formatLabel(LABELS.expiresIn, spanText(left)), tone: left < 4 * HOUR ? 'soon' : 'ok' };
}

/** `text` cut at a word boundary to at most `max` characters, ending with "…" when anything was cut. */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, Math.max(1, max - 1));
  const space = cut.lastIndexOf(' ');
  return `${(space >= max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * A change summary ("Amount: 15,000 → 20,250; Next Step: … → …") with each value clipped to `perValue`
 * characters, so a long-text change cannot take over an inbox row while every field and arrow stays visible.
 */
export function clipSummary(summary: string, perValue = 40): string {
  return summary
    .split('; ')
    .map((part) => {
      const colon = part.indexOf(': ');
      const name = colon >= 0 ? part.slice(0, colon + 2) : '';
      const values = (colon >= 0 ? part.slice(colon + 2) : part).split(' → ');
      return name + values.map((value) => clipText(value, perValue)).join(' → ');
    })
    .join('; ');
}

/** What an action does to its record; an older server that sends no operation only sent updates. Any case. */
export function operationOf(row: Pick<InboxRow, 'operation'> | null | undefined): Operation {
  const operation = (row?.operation ?? '').toLowerCase();
  if (operation === 'create') return 'Create';
  if (operation === 'delete') return 'Delete';
  return 'Update';
}

/** A Create that brings a deleted record back from the Recycle Bin (a delete's compensation), not a new record. */
export function isRestore(row: Pick<InboxRow, 'operation' | 'restoresRecord'> | null | undefined): boolean {
  return operationOf(row) === 'Create' && row?.restoresRecord === true;
}

/**
 * The action in words: "Create Opportunity", "Delete Opportunity", "Update Opportunity", "Restore Opportunity" (the
 * object's label).
 */
export function operationText(
  row: Pick<InboxRow, 'operation' | 'objectLabel' | 'objectName' | 'restoresRecord'>,
): string {
  const objectLabel = row.objectLabel || row.objectName;
  if (isRestore(row)) return formatLabel(LABELS.operationRestore, objectLabel);
  const template = { Create: LABELS.operationCreate, Delete: LABELS.operationDelete, Update: LABELS.operationUpdate };
  return formatLabel(template[operationOf(row)], objectLabel);
}

/**
 * Whether the action's record is there to link to: not before a create (or a restore) is applied, nor after a delete
 * is (the record is in the Recycle Bin).
 */
export function hasLiveRecord(
  row: Pick<InboxRow, 'recordId' | 'operation' | 'restoresRecord' | 'status'> | null | undefined,
): boolean {
  if (!row?.recordId) return false;
  const done = row.status === 'Applied' || row.status === 'Compensated';
  if (operationOf(row) === 'Delete') return row.status !== 'Applied';
  return !isRestore(row) || done;
}

/**
 * The record an action is about, as a person names it: its name, else (a create without a proposed name, not
 * applied yet) "New Opportunity", else its id.
 */
export function recordLabel(
  row: Pick<InboxRow, 'recordName' | 'recordId' | 'operation' | 'objectLabel' | 'objectName'>,
) {
  if (row.recordName) return row.recordName;
  if (!row.recordId) return formatLabel(LABELS.newRecord, row.objectLabel || row.objectName);
  return row.recordId;
}

/** One changed field of an inbox row in words: label, before and after formatted as the review formats them. */
export interface ChangeLine {
  key: string;
  label: string;
  before: string;
  after: string;
  text: string;
  /** The value is removed with the record (a delete): shown struck through. */
  isRemoved: boolean;
}

/**
 * The row's changes in words ("Amount: $15,000.00 → $20,250.00"), long values clipped; older rows from summary. A
 * create has no "before" and a delete no "after", so each line names only the value created or removed
 * ("Amount: $15,000.00"); the row's operation says which.
 */
export function changeLines(
  row: Pick<InboxRow, 'changes' | 'summary' | 'changedFields' | 'referenceNames' | 'operation'>,
  perValue = 60,
): ChangeLine[] {
  if (!row.changes || row.changes.length === 0) {
    const summary = row.summary ?? row.changedFields.join(', ');
    return summary === ''
      ? []
      : [
          {
            key: 'summary',
            label: '',
            before: '',
            after: '',
            text: clipSummary(summary, perValue),
            isRemoved: false,
          },
        ];
  }
  const operation = operationOf(row);
  return row.changes.map((change: ChangeSummary) => {
    const kind = kindOf(change.type);
    const options = { scale: change.scale, names: row.referenceNames ?? null };
    const show = (value: FieldValue) => {
      return isBlankValue(value) ? LABELS.blank : clipText(formatValue(kind, value, options), perValue);
    };
    const label = change.label ?? change.field;
    const before = show(change.before);
    const after = show(change.after);
    const text =
      operation === 'Create'
        ? `${label}: ${after}`
        : operation === 'Delete'
          ? `${label}: ${before}`
          : `${label}: ${before} → ${after}`;
    return { key: change.field, label, before, after, text, isRemoved: operation === 'Delete' };
  });
}

/**
 * At most `max` lines for a list row: a delete removes every value of its record, which would make its row a dozen
 * lines tall, so the rest is counted in one last line ("…and 8 more"); the review lists them all.
 */
export function clipLines(lines: ChangeLine[], max: number): ChangeLine[] {
  if (lines.length <= max) return lines;
  const shown = lines.slice(0, Math.max(max - 1, 1));
  const more = formatLabel(LABELS.moreValues, lines.length - shown.length);
  return [...shown, { key: 'more', label: '', before: '', after: '', text: more, isRemoved: false }];
}

/** "1 of 2 approvals", "0 of 1 approval"; empty when no approvals are needed. */
export function approvalProgress(approvals: number | null | undefined, required: number | null | undefined): string {
  if (!required) return '';
  return pluralLabel(required, LABELS.approvalsOfOne, LABELS.approvalsOf, approvals ?? 0, required);
}

// Audit event types (AuditEvent__c.EventType__c) → what a person reads.
const EVENT_LABEL: Record<string, keyof typeof LABELS> = {
  RunStarted: 'eventRunStarted',
  ActionProposed: 'eventActionProposed',
  PolicyDecided: 'eventPolicyDecided',
  ApprovalRequested: 'eventApprovalRequested',
  ApprovalRecorded: 'eventApprovalRecorded',
  EditedByApprover: 'eventEditedByApprover',
  StatusChanged: 'eventStatusChanged',
  Applied: 'eventApplied',
  ConflictDetected: 'eventConflictDetected',
  ExecutionFailed: 'eventExecutionFailed',
  CompensationRequested: 'eventCompensationRequested',
  RunHalted: 'eventRunHalted',
  RunReplayed: 'eventRunReplayed',
  ApproverGroupNotFound: 'eventApproverGroupNotFound',
};

/** An audit event type in words ("StatusChanged" → "Status changed"); an unknown type is shown as stored. */
export function eventTypeLabel(type: string | null | undefined): string {
  return readable(EVENT_LABEL, type);
}

const RELATION_LABEL: Record<string, keyof typeof LABELS> = {
  retryOf: 'relatedRetryOf',
  retriedBy: 'relatedRetriedBy',
  supersedes: 'relatedSupersedes',
  supersededBy: 'relatedSupersededBy',
  compensates: 'relatedCompensates',
  compensatedBy: 'relatedCompensatedBy',
};

/** How a linked action relates to the shown one: "Re-plan of PA-000004, which ended Expired". */
export function relationText(related: Pick<RelatedAction, 'relation' | 'name' | 'status'>): string {
  const key = RELATION_LABEL[related.relation];
  return key ? formatLabel(LABELS[key], related.name, statusLabel(related.status)) : related.name;
}

export type Tone = 'success' | 'warning' | 'error' | 'info';

/**
 * What a decision did, in words that name the action and say what it led to: applied, "1 of 2 approvals, waiting
 * for one more", rejected, approved but not applied (a Conflict or a refused write is a warning, not a success), or
 * refused because someone else decided first (who, and the status now).
 */
export function outcomeMessage(
  outcome: Pick<
    DecisionOutcome,
    | 'actionId'
    | 'name'
    | 'ok'
    | 'status'
    | 'message'
    | 'approvals'
    | 'requiredApprovals'
    | 'decidedBy'
    | 'resultMessage'
  >,
  decision: Decision,
): { title: string; message: string; tone: Tone } {
  const name = outcome.name ?? outcome.actionId;
  const status = outcome.status ?? '';
  if (!outcome.ok) {
    if (status !== '' && status !== 'PendingApproval') {
      const title =
        outcome.decidedBy.length > 0
          ? formatLabel(LABELS.outcomeAlreadyDecided, name, outcome.decidedBy.join(', '), statusLabel(status))
          : formatLabel(LABELS.outcomeAlreadyStatus, name, statusLabel(status));
      return { title, message: outcome.resultMessage ?? '', tone: 'warning' };
    }
    return {
      title: formatLabel(LABELS.outcomeRefused, name),
      message: outcome.message ?? LABELS.errorNoReason,
      tone: 'error',
    };
  }
  if (decision === 'Reject' || status === 'Rejected') {
    return { title: formatLabel(LABELS.outcomeRejected, name), message: '', tone: 'success' };
  }
  if (status === 'Applied') return { title: formatLabel(LABELS.outcomeApplied, name), message: '', tone: 'success' };
  if (status === 'PendingApproval') {
    const approvals = outcome.approvals ?? 0;
    const required = outcome.requiredApprovals ?? approvals + 1;
    const missing = Math.max(required - approvals, 1);
    const title =
      missing === 1
        ? formatLabel(LABELS.outcomeWaitingOne, name, approvals, required)
        : formatLabel(LABELS.outcomeWaitingMany, name, approvals, required, missing);
    return { title, message: '', tone: 'success' };
  }
  if (status === 'Approved') {
    return {
      title: formatLabel(LABELS.outcomeNotYetApplied, name),
      message: outcome.resultMessage ?? '',
      tone: 'warning',
    };
  }
  return {
    title: formatLabel(LABELS.outcomeNotApplied, name),
    message: outcome.resultMessage ?? statusLabel(status),
    tone: 'warning',
  };
}

/** Why a row is not the user's to decide, as a short marker: "Not yours (ActionPlane Approvers)". */
export function cannotDecideMarker(
  row: Pick<InboxRow, 'status' | 'canDecide' | 'cannotDecideCode' | 'approverGroupLabel' | 'approverGroup'>,
): string {
  if (row.canDecide || row.status !== 'PendingApproval') return '';
  switch (row.cannotDecideCode) {
    case 'OWN_PROPOSAL':
      return LABELS.ownProposal;
    case 'ALREADY_VOTED':
      return LABELS.youApproved;
    default: {
      const group = row.approverGroupLabel ?? row.approverGroup;
      return group ? formatLabel(LABELS.notYours, group) : LABELS.notYoursNoGroup;
    }
  }
}

/** Confidence 0–1 as a whole percentage; blank when the agent gave none. */
export function formatConfidence(confidence: number | null | undefined): string {
  if (typeof confidence !== 'number' || !Number.isFinite(confidence)) return '';
  return `${Math.round(confidence * 100)}%`;
}

/** SLDS badge classes with enough contrast for each risk. */
export function riskBadgeClass(risk: string | null | undefined): string {
  switch (risk) {
    case 'Critical':
      return 'slds-badge slds-theme_error';
    case 'High':
      return 'slds-badge slds-theme_warning';
    case 'Medium':
      return 'slds-badge';
    case 'Low':
      return 'slds-badge slds-badge_lightest';
    default:
      return 'slds-badge slds-badge_lightest';
  }
}

/** SLDS badge classes for an effect. */
export function effectBadgeClass(effect: string | null | undefined): string {
  switch (effect) {
    case 'Block':
      return 'slds-badge slds-theme_error';
    case 'RequireApproval':
      return 'slds-badge slds-badge_inverse';
    case 'AutoRun':
      return 'slds-badge slds-theme_success';
    default:
      return 'slds-badge slds-badge_lightest';
  }
}

/** SLDS badge classes for an action status. */
export function statusBadgeClass(status: string | null | undefined): string {
  switch (status) {
    case 'Applied':
    case 'AutoApproved':
    case 'Approved':
      return 'slds-badge slds-theme_success';
    case 'PendingApproval':
      return 'slds-badge slds-badge_inverse';
    case 'Conflict':
    case 'Failed':
    case 'Blocked':
    case 'Rejected':
      return 'slds-badge slds-theme_error';
    default:
      return 'slds-badge slds-badge_lightest';
  }
}

// Stored picklist values (API names) → the label a person reads. Looked up when called, so a translated label wins.
const STATUS_LABEL: Record<string, keyof typeof LABELS> = {
  Proposed: 'statusProposed',
  AutoApproved: 'statusAutoApproved',
  PendingApproval: 'statusPendingApproval',
  Approved: 'statusApproved',
  Applied: 'statusApplied',
  Blocked: 'statusBlocked',
  Rejected: 'statusRejected',
  Expired: 'statusExpired',
  Cancelled: 'statusCancelled',
  Superseded: 'statusSuperseded',
  Failed: 'statusFailed',
  Conflict: 'statusConflict',
  Compensated: 'statusCompensated',
};

const EFFECT_LABEL: Record<string, keyof typeof LABELS> = {
  AutoRun: 'effectAutoRun',
  RequireApproval: 'effectRequireApproval',
  Block: 'effectBlock',
};

function readable(table: Record<string, keyof typeof LABELS>, value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  const key = Object.prototype.hasOwnProperty.call(table, value) ? table[value] : undefined;
  return key ? LABELS[key] : value;
}

// Run statuses (AgentRun__c.Status__c); Rejected and Failed read as for actions.
const RUN_STATUS_LABEL: Record<string, keyof typeof LABELS> = {
  Open: 'runStatusOpen',
  AwaitingApproval: 'runStatusAwaitingApproval',
  Completed: 'runStatusCompleted',
  PartiallyApplied: 'runStatusPartiallyApplied',
  Halted: 'runStatusHalted',
  Rejected: 'statusRejected',
  Failed: 'statusFailed',
};

/** A run status in words ("AwaitingApproval" → "Awaiting approval"); an unknown value is shown as stored. */
export function runStatusLabel(status: string | null | undefined): string {
  return readable(RUN_STATUS_LABEL, status);
}

/** An action status in words ("PendingApproval" → "Pending approval"); an unknown value is shown as stored. */
export function statusLabel(status: string | null | undefined): string {
  return readable(STATUS_LABEL, status);
}

/** A policy effect in words ("RequireApproval" → "Needs approval"); an unknown value is shown as stored. */
export function effectLabel(effect: string | null | undefined): string {
  return readable(EFFECT_LABEL, effect);
}

/** Statuses an approver still has to act on. */
export function isOpenStatus(status: string | null | undefined): boolean {
  return status === 'PendingApproval' || status === 'Approved';
}

export interface EvidenceSegment {
  key: string;
  text: string;
  href: string | null;
  isLink: boolean;
}

export interface Evidence {
  isJson: boolean;
  json: string;
  segments: EvidenceSegment[];
}

const LINK = /\bhttps?:\/\/[^\s<>"')\]]+/g;

/**
 * Evidence made readable: JSON is pretty-printed; otherwise text with http(s) links made clickable. Only http and
 * https become links, so a `javascript:` string stays text.
 */
export function readableEvidence(evidence: string | null | undefined): Evidence {
  const text = evidence ?? '';
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return { isJson: true, json: JSON.stringify(JSON.parse(trimmed), null, 2), segments: [] };
    } catch {
      // Not JSON after all: fall through and show it as text.
    }
  }
  const segments: EvidenceSegment[] = [];
  let last = 0;
  for (const match of trimmed.matchAll(LINK)) {
    const index = match.index ?? 0;
    if (index > last)
      segments.push({ key: String(segments.length), text: trimmed.slice(last, index), href: null, isLink: false });
    segments.push({ key: String(segments.length), text: match[0], href: match[0], isLink: true });
    last = index + match[0].length;
  }
  if (last < trimmed.length)
    segments.push({ key: String(segments.length), text: trimmed.slice(last), href: null, isLink: false });
  return { isJson: false, json: '', segments };
}
