/**
 * MetadataRecord — one policy Custom Metadata record's fields, read the way PolicyCompiler and PolicyConditions
 * validate them: every problem is a PolicyConfigError whose path names the record and the field
 * (`ActionPolicy__mdt.Opp_Big_Deal.MinConfidence__c: must be a number from 0 to 1, got '1.5'`). A blank field reads
 * as null, so each caller states its own default. Twin of force-app/main/core/classes/MetadataRecord.cls, method for
 * method. Numbers arrive as JSON numbers (vectors) or as text (CMDT XML): both are read, exactly, as decimals.
 */
import { compareDecimal, decimalOf, decimalText, parseDecimal, type ExactDecimal } from './ExactDecimal';
import { isBlank } from './Values';

/**
 * A policy record that cannot be evaluated; `path` names the record and field (e.g. `ActionPolicy__mdt.X.Effect__c`).
 * Apex: PolicyEngine.PolicyConfigException (defined here so every module of the core can throw it; PolicyEngine.ts
 * exports it).
 */
export class PolicyConfigError extends Error {
  readonly path: string;
  constructor(path: string, message: string) {
    super(`${path}: ${message}`);
    this.name = 'PolicyConfigError';
    this.path = path;
  }
}

// A metadata number as text: optional sign, digits, optional decimals; nothing else.
const META_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;
const ZERO = decimalOf(0);
const ONE = decimalOf(1);

export class MetadataRecord {
  private readonly fields: Readonly<Record<string, unknown>>;

  /** `path` is the record as messages name it, e.g. `ActionPolicy__mdt.Opp_Big_Deal`; errors add `.<field>`. */
  constructor(
    fields: object | null | undefined,
    readonly path: string,
  ) {
    this.fields = (fields ?? {}) as Readonly<Record<string, unknown>>;
  }

  get(key: string): unknown {
    return this.fields[key];
  }

  /** Missing, null or whitespace. */
  isBlank(key: string): boolean {
    return isBlank(this.fields[key]);
  }

  /** The field as messages print it: String(value), `undefined` when missing. */
  text(key: string): string {
    return String(this.fields[key]);
  }

  /** The field as trimmed text; null when it is not text or blank. */
  trimmed(key: string): string | null {
    const raw = this.fields[key];
    const value = typeof raw === 'string' ? raw.trim() : '';
    return value === '' ? null : value;
  }

  error(key: string, message: string): PolicyConfigError {
    return new PolicyConfigError(`${this.path}.${key}`, message);
  }

  /** `unknown effect 'Maybe' (use AutoRun, …)`. */
  unknown(key: string, what: string, allowed: readonly string[]): PolicyConfigError {
    return this.error(key, `unknown ${what} '${this.text(key)}' (use ${allowed.join(', ')})`);
  }

  /** One of the allowed values, matched case-insensitively and trimmed; null when blank; an error otherwise. */
  choice<T extends string>(key: string, what: string, allowed: readonly T[]): T | null {
    if (this.isBlank(key)) return null;
    const value = MetadataRecord.pickEnum(allowed, this.fields[key]);
    if (value === null) throw this.unknown(key, what, allowed);
    return value;
  }

  /** A number of hours above 0 (ExpiresAfterHours__c, DefaultExpiryHours__c); null when blank. */
  hours(key: string): number | null {
    const value = this.decimalOrNull(key);
    if (!this.isBlank(key) && (value === null || compareDecimal(value, ZERO) <= 0)) {
      throw this.error(key, `must be a number of hours above 0, got '${this.text(key)}'`);
    }
    return asNumber(value);
  }

  /** A whole number of at least 1 (RequiredApprovals__c, MaxActionsPerRequest__c); null when blank. */
  count(key: string): number | null {
    const value = this.decimalOrNull(key);
    if (!this.isBlank(key) && (value === null || compareDecimal(value, ONE) < 0 || !isWhole(value))) {
      throw this.error(key, `must be a whole number of at least 1, got '${this.text(key)}'`);
    }
    return asNumber(value);
  }

  /** A number from 0 to 1 (MinConfidence__c); null when blank. */
  fraction(key: string): ExactDecimal | null {
    const value = this.decimalOrNull(key);
    if (!this.isBlank(key) && (value === null || compareDecimal(value, ZERO) < 0 || compareDecimal(value, ONE) > 0)) {
      throw this.error(key, `must be a number from 0 to 1, got '${this.text(key)}'`);
    }
    return value;
  }

  /** A JSON number, or text holding a plain decimal (`20`, `-0.5`; no exponent); null when blank or no number. */
  decimalOrNull(key: string): ExactDecimal | null {
    const raw = this.fields[key];
    if (typeof raw === 'number') return parseDecimal(raw);
    const value = typeof raw === 'string' ? raw.trim() : '';
    return META_NUMBER.test(value) ? parseDecimal(value) : null;
  }

  /** A checkbox: true, false, or their text in any case; null when missing or empty (each caller states its default). */
  flag(key: string): boolean | null {
    const raw = this.fields[key];
    if (raw === null || raw === undefined || raw === '') return null;
    return typeof raw === 'boolean' ? raw : scalarText(raw).trim().toLowerCase() === 'true';
  }

  /** A comma list of names (objects, fields, agents), trimmed and lower-cased, blanks dropped. */
  names(key: string): string[] {
    const raw = this.fields[key];
    if (raw === null || raw === undefined) return [];
    return scalarText(raw)
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter((s) => s !== '');
  }

  /** The allowed value a metadata text names, matched case-insensitively and trimmed; null otherwise. */
  static pickEnum<T extends string>(allowed: readonly T[], raw: unknown): T | null {
    if (typeof raw !== 'string') return null;
    const wanted = raw.trim().toLowerCase();
    return allowed.find((v) => v.toLowerCase() === wanted) ?? null;
  }
}

/** A text, number or checkbox as text (Apex String.valueOf); '' for anything else. */
function scalarText(raw: unknown): string {
  return typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : '';
}

function isWhole(value: ExactDecimal): boolean {
  return !decimalText(value).includes('.');
}

function asNumber(value: ExactDecimal | null): number | null {
  return value === null ? null : Number(decimalText(value));
}
