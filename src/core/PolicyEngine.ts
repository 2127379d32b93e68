/**
 * PolicyEngine — the TypeScript twin of force-app/main/core/classes/PolicyEngine.cls.
 *
 * Pure: given the admin's policy metadata (the Custom Metadata records, as plain objects keyed by their field API
 * names) and one proposed action (field-level before/after values), decide AutoRun | RequireApproval | Block and
 * say why in words. The combining rule is the contract in docs/policy.md; conformance vectors pin it for both twins.
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
import { formatNumber, isBlank, valuesEqual, type JsonValue } from './Values';

const ZERO = decimalOf(0);
const HUNDRED = decimalOf(100);
const DAY = decimalOf(86_400_000);

export const EFFECTS = ['AutoRun', 'RequireApproval', 'Block'] as const;
export type Effect = (typeof EFFECTS)[number];
export const RISKS = ['Low', 'Medium', 'High', 'Critical'] as const;
export type Risk = (typeof RISKS)[number];
export const SENSITIVITY_LEVELS = ['Public', 'Internal', 'Confidential', 'Restricted'] as const;
export type SensitivityLevel = (typeof SENSITIVITY_LEVELS)[number];
export const MODES = ['Enforce', 'ApproveAll', 'Paused'] as const;
export type Mode = (typeof MODES)[number];
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

/** Metadata numbers arrive as numbers from JSON vectors and as strings from CMDT XML: both are accepted. */
type MetaNumber = number | string | null | undefined;

/** ActionPolicy__mdt record. */
export interface ActionPolicyRecord {
  DeveloperName: string;
  Label?: string | null;
  Active__c?: boolean | string | null;
  Object__c?: string | null;
  Fields__c?: string | null;
  /** Extension: fields a `*` policy does not cover (comma list). */
  ExceptFields__c?: string | null;
  Agents__c?: string | null;
  Effect__c?: string | null;
  MinConfidence__c?: MetaNumber;
  Risk__c?: string | null;
  ApproverGroup__c?: string | null;
  RequiredApprovals__c?: MetaNumber;
  AllowSelfApproval__c?: boolean | string | null;
  ExpiresAfterHours__c?: MetaNumber;
  Reason__c?: string | null;
}

/** PolicyCondition__mdt record; Policy__c names its policy's DeveloperName. */
export interface PolicyConditionRecord {
  DeveloperName?: string | null;
  Policy__c?: string | null;
  Field__c?: string | null;
  Operator__c?: string | null;
  Value__c?: string | number | null;
}

/** FieldSensitivity__mdt record. */
export interface FieldSensitivityRecord {
  DeveloperName?: string | null;
  Object__c?: string | null;
  Field__c?: string | null;
  Level__c?: string | null;
}

/** ActionPlaneSetting__mdt record (the `Default` one). */
export interface ActionPlaneSettingRecord {
  Mode__c?: string | null;
  DefaultEffect__c?: string | null;
  DefaultApproverGroup__c?: string | null;
  DefaultExpiryHours__c?: MetaNumber;
  MaxActionsPerRequest__c?: MetaNumber;
}

export interface PolicyMetadata {
  policies: ActionPolicyRecord[];
  conditions?: PolicyConditionRecord[];
  sensitivities?: FieldSensitivityRecord[];
  settings?: ActionPlaneSettingRecord | null;
}

export interface FieldValueChange {
  before: JsonValue;
  after: JsonValue;
}

export interface ProposedAction {
  object: string;
  recordId?: string | null;
  agent?: string | null;
  confidence?: number | string | null;
  changes: Record<string, FieldValueChange>;
}

export type ContributorKind = 'policy' | 'sensitivity' | 'default';

/** What one rule (a policy, a sensitivity level or the default) says about a field. */
export interface RuleOutcome {
  kind: ContributorKind;
  /** Policy DeveloperName, `FieldSensitivity.<name>` or `ActionPlaneSetting.Default`. */
  rule: string;
  effect: Effect;
  risk: Risk;
  requiredApprovals: number;
  expiresAfterHours: number | null;
  approverGroup: string | null;
  allowSelfApproval: boolean;
}

/** A rule behind the final effect of at least one field. */
export interface Contributor extends RuleOutcome {
  fields: string[];
  reason: string;
}

export interface FieldDecision {
  field: string;
  effect: Effect;
  /** The governing rule: the first of `rules`. */
  rule: string;
  /** Every rule behind this field's effect, governing rule first. */
  rules: string[];
  reason: string;
}

export interface PolicyDecision {
  effect: Effect;
  risk: Risk;
  requiredApprovals: number;
  approverGroup: string | null;
  expiresAfterHours: number | null;
  allowSelfApproval: boolean;
  reasons: string[];
  fieldEffects: FieldDecision[];
  /** DeveloperNames of every policy that matched the action (whether or not it decided a field). */
  matchedPolicies: string[];
  contributors: Contributor[];
  mode: Mode;
}

/** A policy record that cannot be evaluated; `path` names the record and field (e.g. `ActionPolicy__mdt.X.Effect__c`). */
export class PolicyConfigError extends Error {
  readonly path: string;
  constructor(path: string, message: string) {
    super(`${path}: ${message}`);
    this.name = 'PolicyConfigError';
    this.path = path;
  }
}

export const DEFAULT_SETTINGS: Required<{
  [K in keyof ActionPlaneSettingRecord]: NonNullable<ActionPlaneSettingRecord[K]>;
}> = {
  Mode__c: 'Enforce',
  DefaultEffect__c: 'RequireApproval',
  DefaultApproverGroup__c: '',
  DefaultExpiryHours__c: 72,
  MaxActionsPerRequest__c: 200,
};

const EFFECT_RANK: Record<Effect, number> = { AutoRun: 0, RequireApproval: 1, Block: 2 };
const RISK_RANK: Record<Risk, number> = { Low: 0, Medium: 1, High: 2, Critical: 3 };
const KIND_RANK: Record<ContributorKind, number> = { policy: 0, sensitivity: 1, default: 2 };

export function effectRank(effect: Effect): number {
  return EFFECT_RANK[effect];
}

export function riskRank(risk: Risk): number {
  return RISK_RANK[risk];
}

function pickEnum<T extends string>(allowed: readonly T[], raw: unknown): T | null {
  if (typeof raw !== 'string') return null;
  const wanted = raw.trim().toLowerCase();
  return allowed.find((v) => v.toLowerCase() === wanted) ?? null;
}

/** Parses a metadata number; null when blank; NaN when not a number. */
function metaNumber(raw: MetaNumber): number | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number') return raw;
  const text = raw.trim();
  if (text === '') return null;
  return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : NaN;
}

function metaBoolean(raw: boolean | string | null | undefined, whenMissing: boolean): boolean {
  if (raw === null || raw === undefined || raw === '') return whenMissing;
  if (typeof raw === 'boolean') return raw;
  return raw.trim().toLowerCase() === 'true';
}

function nameList(raw: string | null | undefined): string[] {
  if (raw === null || raw === undefined) return [];
  return raw
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
}

/** A policy's fields, objects or agents, lower-cased; null when blank or `*` (everything). */
function nameSet(raw: string | null | undefined): ReadonlySet<string> | null {
  const list = nameList(raw);
  return list.length === 0 || list.includes('*') ? null : new Set(list);
}

/** `lowerName` is already lower-cased. */
function coversName(set: ReadonlySet<string> | null, lowerName: string): boolean {
  return set === null || set.has(lowerName);
}

interface CompiledCondition {
  path: string;
  field: string;
  fieldKey: string;
  operator: Operator;
  values: string[];
  threshold: ExactDecimal | null;
}

interface CompiledPolicy {
  name: string;
  objects: ReadonlySet<string> | null;
  fields: ReadonlySet<string> | null;
  exceptFields: ReadonlySet<string>;
  /** null: any agent. */
  agents: ReadonlySet<string> | null;
  effect: Effect;
  minConfidence: number | null;
  /** MinConfidence__c as reasons print it, formatted once. */
  minConfidenceText: string;
  risk: Risk;
  approverGroup: string | null;
  requiredApprovals: number;
  allowSelfApproval: boolean;
  expiresAfterHours: number | null;
  reason: string;
  conditions: CompiledCondition[];
}

interface CompiledSettings {
  mode: Mode;
  defaultEffect: Effect;
  defaultApproverGroup: string | null;
  defaultExpiryHours: number | null;
  maxActionsPerRequest: number;
}

const NUMERIC_OPERATORS: ReadonlySet<Operator> = new Set<Operator>([
  'increases_by_more_than_pct',
  'decreases_by_more_than_pct',
  'abs_change_greater_than',
  'new_value_greater_than',
  'new_value_less_than',
  'date_moves_by_more_than_days',
]);
const VALUE_LIST_OPERATORS: ReadonlySet<Operator> = new Set<Operator>(['changes_to', 'changes_from']);

/** Validates and compiles the settings record; blank fields take the shipped defaults. */
export function compileSettings(raw: ActionPlaneSettingRecord | null | undefined): CompiledSettings {
  const s = raw ?? {};
  const path = 'ActionPlaneSetting__mdt.Default';
  const mode = isBlank(s.Mode__c) ? 'Enforce' : pickEnum(MODES, s.Mode__c);
  if (mode === null) {
    throw new PolicyConfigError(`${path}.Mode__c`, `unknown mode '${String(s.Mode__c)}' (use ${MODES.join(', ')})`);
  }
  const defaultEffect = isBlank(s.DefaultEffect__c) ? 'RequireApproval' : pickEnum(EFFECTS, s.DefaultEffect__c);
  if (defaultEffect === null) {
    throw new PolicyConfigError(
      `${path}.DefaultEffect__c`,
      `unknown effect '${String(s.DefaultEffect__c)}' (use ${EFFECTS.join(', ')})`,
    );
  }
  const expiry = metaNumber(s.DefaultExpiryHours__c);
  if (expiry !== null && (Number.isNaN(expiry) || expiry <= 0)) {
    throw new PolicyConfigError(
      `${path}.DefaultExpiryHours__c`,
      `must be a number of hours above 0, got '${String(s.DefaultExpiryHours__c)}'`,
    );
  }
  const max = metaNumber(s.MaxActionsPerRequest__c);
  if (max !== null && (Number.isNaN(max) || max < 1 || !Number.isInteger(max))) {
    throw new PolicyConfigError(
      `${path}.MaxActionsPerRequest__c`,
      `must be a whole number of at least 1, got '${String(s.MaxActionsPerRequest__c)}'`,
    );
  }
  const group = typeof s.DefaultApproverGroup__c === 'string' ? s.DefaultApproverGroup__c.trim() : '';
  return {
    mode,
    defaultEffect,
    defaultApproverGroup: group === '' ? null : group,
    defaultExpiryHours: expiry === null ? 72 : expiry,
    maxActionsPerRequest: max ?? 200,
  };
}

function compileCondition(c: PolicyConditionRecord, index: number, policyName: string): CompiledCondition {
  const path = `PolicyCondition__mdt.${isBlank(c.DeveloperName) ? `${policyName}[${index}]` : String(c.DeveloperName)}`;
  if (isBlank(c.Field__c)) throw new PolicyConfigError(`${path}.Field__c`, 'is required');
  if (isBlank(c.Operator__c)) throw new PolicyConfigError(`${path}.Operator__c`, 'is required');
  const operator = pickEnum(OPERATORS, c.Operator__c);
  if (operator === null) {
    throw new PolicyConfigError(
      `${path}.Operator__c`,
      `unknown operator '${String(c.Operator__c)}' (use one of ${OPERATORS.join(', ')})`,
    );
  }
  const rawValue = c.Value__c === null || c.Value__c === undefined ? '' : String(c.Value__c);
  let threshold: number | null = null;
  let values: string[] = [];
  if (NUMERIC_OPERATORS.has(operator)) {
    threshold = metaNumber(rawValue);
    if (threshold === null) {
      throw new PolicyConfigError(`${path}.Value__c`, `is required: operator ${operator} compares with a number`);
    }
    if (Number.isNaN(threshold)) {
      throw new PolicyConfigError(`${path}.Value__c`, `'${rawValue}' is not a number (operator ${operator})`);
    }
  } else if (VALUE_LIST_OPERATORS.has(operator)) {
    values = rawValue.split('|').map((v) => v.trim());
    if (rawValue.trim() === '') {
      throw new PolicyConfigError(`${path}.Value__c`, `is required: operator ${operator} needs values separated by |`);
    }
  }
  const field = String(c.Field__c).trim();
  const exact = threshold === null ? null : parseDecimal(rawValue);
  return { path, field, fieldKey: field.toLowerCase(), operator, values, threshold: exact };
}

function compilePolicy(p: ActionPolicyRecord, conditions: PolicyConditionRecord[]): CompiledPolicy {
  if (isBlank(p.DeveloperName)) throw new PolicyConfigError('ActionPolicy__mdt', 'a policy has no DeveloperName');
  const name = p.DeveloperName.trim();
  const path = `ActionPolicy__mdt.${name}`;
  if (isBlank(p.Effect__c)) throw new PolicyConfigError(`${path}.Effect__c`, 'is required');
  const effect = pickEnum(EFFECTS, p.Effect__c);
  if (effect === null) {
    throw new PolicyConfigError(
      `${path}.Effect__c`,
      `unknown effect '${String(p.Effect__c)}' (use ${EFFECTS.join(', ')})`,
    );
  }
  const risk = isBlank(p.Risk__c) ? 'Medium' : pickEnum(RISKS, p.Risk__c);
  if (risk === null) {
    throw new PolicyConfigError(`${path}.Risk__c`, `unknown risk '${String(p.Risk__c)}' (use ${RISKS.join(', ')})`);
  }
  const minConfidence = metaNumber(p.MinConfidence__c);
  if (minConfidence !== null && (Number.isNaN(minConfidence) || minConfidence < 0 || minConfidence > 1)) {
    throw new PolicyConfigError(
      `${path}.MinConfidence__c`,
      `must be a number from 0 to 1, got '${String(p.MinConfidence__c)}'`,
    );
  }
  const approvals = metaNumber(p.RequiredApprovals__c);
  if (approvals !== null && (Number.isNaN(approvals) || approvals < 1 || !Number.isInteger(approvals))) {
    throw new PolicyConfigError(
      `${path}.RequiredApprovals__c`,
      `must be a whole number of at least 1, got '${String(p.RequiredApprovals__c)}'`,
    );
  }
  const expiry = metaNumber(p.ExpiresAfterHours__c);
  if (expiry !== null && (Number.isNaN(expiry) || expiry <= 0)) {
    throw new PolicyConfigError(
      `${path}.ExpiresAfterHours__c`,
      `must be a number of hours above 0, got '${String(p.ExpiresAfterHours__c)}'`,
    );
  }
  const group = typeof p.ApproverGroup__c === 'string' ? p.ApproverGroup__c.trim() : '';
  return {
    name,
    objects: nameSet(p.Object__c),
    fields: nameSet(p.Fields__c),
    exceptFields: new Set(nameList(p.ExceptFields__c)),
    agents: nameSet(p.Agents__c),
    effect,
    minConfidence,
    minConfidenceText: minConfidence === null ? '' : formatNumber(minConfidence),
    risk,
    approverGroup: group === '' ? null : group,
    requiredApprovals: approvals ?? 1,
    allowSelfApproval: metaBoolean(p.AllowSelfApproval__c, false),
    expiresAfterHours: expiry,
    reason: typeof p.Reason__c === 'string' ? p.Reason__c.trim() : '',
    conditions: conditions.map((c, i) => compileCondition(c, i, name)),
  };
}

interface CompiledSensitivity {
  name: string | null;
  objectKey: string;
  fieldKey: string;
  level: 'Confidential' | 'Restricted';
}

export interface CompiledPolicySet {
  policies: CompiledPolicy[];
  /** Only the levels that change a decision (Confidential, Restricted). */
  sensitivities: CompiledSensitivity[];
  settings: CompiledSettings;
  /** Active policies whose object and agents match, per `object|agent` (lower case); filled on first use. */
  byObjectAndAgent: Map<string, CompiledPolicy[]>;
}

/** The active policies whose object and agent lists admit this action, cached per object and agent. */
function policiesFor(compiled: CompiledPolicySet, objectKey: string, agentKey: string): CompiledPolicy[] {
  const key = `${objectKey}|${agentKey}`;
  let list = compiled.byObjectAndAgent.get(key);
  if (list === undefined) {
    list = compiled.policies.filter((p) => coversName(p.objects, objectKey) && coversName(p.agents, agentKey));
    if (compiled.byObjectAndAgent.size >= 1000) compiled.byObjectAndAgent.clear(); // bounded in long-lived processes
    compiled.byObjectAndAgent.set(key, list);
  }
  return list;
}

/**
 * Validates every active policy, its conditions, the sensitivities and the settings once; the result evaluates
 * any number of actions (the Apex twin caches the same compilation per transaction).
 */
export function compilePolicies(metadata: PolicyMetadata): CompiledPolicySet {
  const conditionsByPolicy = new Map<string, PolicyConditionRecord[]>();
  for (const c of metadata.conditions ?? []) {
    const key = typeof c.Policy__c === 'string' ? c.Policy__c.trim().toLowerCase() : '';
    const list = conditionsByPolicy.get(key) ?? [];
    list.push(c);
    conditionsByPolicy.set(key, list);
  }
  const policies = metadata.policies
    .filter((p) => metaBoolean(p.Active__c, true))
    .map((p) => compilePolicy(p, conditionsByPolicy.get((p.DeveloperName ?? '').trim().toLowerCase()) ?? []));
  const sensitivities: CompiledSensitivity[] = [];
  (metadata.sensitivities ?? []).forEach((s, i) => {
    const path = `FieldSensitivity__mdt.${isBlank(s.DeveloperName) ? `[${i}]` : String(s.DeveloperName)}`;
    if (pickEnum(SENSITIVITY_LEVELS, s.Level__c) === null) {
      throw new PolicyConfigError(
        `${path}.Level__c`,
        `unknown level '${String(s.Level__c)}' (use ${SENSITIVITY_LEVELS.join(', ')})`,
      );
    }
    if (isBlank(s.Object__c)) throw new PolicyConfigError(`${path}.Object__c`, 'is required');
    if (isBlank(s.Field__c)) throw new PolicyConfigError(`${path}.Field__c`, 'is required');
    const level = pickEnum(SENSITIVITY_LEVELS, s.Level__c);
    if (level === 'Confidential' || level === 'Restricted') {
      sensitivities.push({
        name: isBlank(s.DeveloperName) ? null : String(s.DeveloperName).trim(),
        objectKey: String(s.Object__c).trim().toLowerCase(),
        fieldKey: String(s.Field__c).trim().toLowerCase(),
        level,
      });
    }
  });
  return { policies, sensitivities, settings: compileSettings(metadata.settings), byObjectAndAgent: new Map() };
}

/**
 * The sensitivity level the FieldSensitivity__mdt records give a field (what intake stamps on
 * FieldChange__c.Sensitivity__c): the strictest level among the records naming the object (or `*`) and the field,
 * or null. Every level counts, Public and Internal too. Twin of `PolicyEngine.sensitivityLevel` in Apex.
 */
export function sensitivityLevel(
  metadata: Pick<PolicyMetadata, 'sensitivities'>,
  objectName: string,
  fieldName: string,
): SensitivityLevel | null {
  const objectKey = objectName.trim().toLowerCase();
  const fieldKey = fieldName.trim().toLowerCase();
  let strictest: SensitivityLevel | null = null;
  for (const s of metadata.sensitivities ?? []) {
    const sensitivityObject = String(s.Object__c).trim().toLowerCase();
    if (
      (sensitivityObject !== objectKey && sensitivityObject !== '*') ||
      String(s.Field__c).trim().toLowerCase() !== fieldKey
    )
      continue;
    const level = pickEnum(SENSITIVITY_LEVELS, s.Level__c);
    if (
      level !== null &&
      (strictest === null || SENSITIVITY_LEVELS.indexOf(level) > SENSITIVITY_LEVELS.indexOf(strictest))
    )
      strictest = level;
  }
  return strictest;
}

// ---------------------------------------------------------------------------------------------------------------
// Conditions

/** Milliseconds since epoch for `YYYY-MM-DD` (UTC midnight) or an ISO date-time; null otherwise. */
function toTime(value: JsonValue): number | null {
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

function valueText(value: JsonValue): string {
  if (isBlank(value)) return 'blank';
  if (typeof value === 'number') return formatNumber(value);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Evaluates one condition; returns the words that say why it holds, or null when it does not. */
function conditionHolds(cond: CompiledCondition, field: string, change: FieldValueChange): string | null {
  const { before, after } = change;
  const t = cond.threshold ?? ZERO;
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
    case 'decreases_by_more_than_pct': {
      const a = parseDecimal(after);
      const b = isBlank(before) ? ZERO : parseDecimal(before);
      if (a === null || b === null) return null;
      const rising = cond.operator === 'increases_by_more_than_pct';
      const direction = compareDecimal(a, b);
      if (rising ? direction <= 0 : direction >= 0) return null;
      const verb = rising ? 'rises' : 'falls';
      if (isZero(b)) return `${field} ${verb} from ${isBlank(before) ? 'blank' : '0'} (more than ${formatNumber(t)}%)`;
      // |a-b| × 100 > t × |b| decides without dividing; the percentage is computed only for the words.
      const delta = abs(subtract(a, b));
      if (compareDecimal(multiply(delta, HUNDRED), multiply(t, abs(b))) <= 0) return null;
      const pct = divideRounded(multiply(delta, HUNDRED), abs(b), 2);
      return `${field} ${verb} ${formatNumber(pct)}% (more than ${formatNumber(t)}%)`;
    }
    case 'abs_change_greater_than': {
      const a = parseDecimal(after);
      const b = isBlank(before) ? ZERO : parseDecimal(before);
      if (a === null || b === null) return null;
      const delta = abs(subtract(a, b));
      return compareDecimal(delta, t) > 0
        ? `${field} changes by ${formatNumber(delta)} (more than ${formatNumber(t)})`
        : null;
    }
    case 'new_value_greater_than': {
      const a = parseDecimal(after);
      return a !== null && compareDecimal(a, t) > 0
        ? `${field} becomes ${formatNumber(a)} (more than ${formatNumber(t)})`
        : null;
    }
    case 'new_value_less_than': {
      const a = parseDecimal(after);
      return a !== null && compareDecimal(a, t) < 0
        ? `${field} becomes ${formatNumber(a)} (less than ${formatNumber(t)})`
        : null;
    }
    case 'date_moves_by_more_than_days':
    case 'date_moves_earlier':
    case 'date_moves_later': {
      const a = toTime(after);
      const b = toTime(before);
      if (a === null || b === null || a === b) return null;
      if (cond.operator === 'date_moves_earlier' && a > b) return null;
      if (cond.operator === 'date_moves_later' && a < b) return null;
      const ms = decimalOf(Math.abs(a - b));
      if (cond.operator === 'date_moves_by_more_than_days' && compareDecimal(ms, multiply(t, DAY)) <= 0) return null;
      const days = divideRounded(ms, DAY, 2);
      const words = `${field} moves ${formatNumber(days)} ${compareDecimal(days, decimalOf(1)) === 0 ? 'day' : 'days'} ${a > b ? 'later' : 'earlier'}`;
      return cond.operator === 'date_moves_by_more_than_days' ? `${words} (more than ${formatNumber(t)})` : words;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Evaluation

interface FieldCandidate extends RuleOutcome {
  /** The words of the conditions that hold (empty: the rule applies to any change of the field). */
  conditions: string[];
  /** Further words: a confidence threshold met or missed. */
  notes: string[];
  /** The policy's Reason__c, shown to approvers and agents ('' when none). */
  policyReason: string;
}

/** Strictest effect first, then most approvals, highest risk, policies before sensitivity and default, name. */
function compareCandidates(a: RuleOutcome, b: RuleOutcome): number {
  return (
    EFFECT_RANK[b.effect] - EFFECT_RANK[a.effect] ||
    b.requiredApprovals - a.requiredApprovals ||
    RISK_RANK[b.risk] - RISK_RANK[a.risk] ||
    KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
    compareNames(a.rule, b.rule)
  );
}

function compareNames(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function consequence(effect: Effect, requiredApprovals: number, approverGroup: string | null): string {
  if (effect === 'Block') return 'blocked';
  if (effect === 'AutoRun') return 'may run automatically';
  const approvals = requiredApprovals === 1 ? '1 approval' : `${requiredApprovals} approvals`;
  return approverGroup ? `needs ${approvals} from ${approverGroup}` : `needs ${approvals}`;
}

function confidenceOf(action: ProposedAction): number {
  const c = action.confidence;
  if (c === null || c === undefined || c === '') return 0;
  const n = typeof c === 'number' ? c : Number(c);
  return Number.isNaN(n) ? 0 : n;
}

/**
 * Decides one action. Throws PolicyConfigError when the metadata cannot be evaluated; never silently ignores a
 * broken rule.
 */
export function evaluatePolicy(metadata: PolicyMetadata | CompiledPolicySet, action: ProposedAction): PolicyDecision {
  const compiled = 'settings' in metadata && isCompiled(metadata) ? metadata : compilePolicies(metadata);
  const { settings } = compiled;
  const object = action.object.trim();
  const agent = (action.agent ?? '').trim();
  const confidence = confidenceOf(action);
  let confidenceWords: string | null = null;
  const confidenceText = (): string => (confidenceWords ??= formatNumber(confidence));

  const changed = Object.entries(action.changes).filter(([, c]) => !valuesEqual(c.before, c.after));
  const changedByKey = new Map(changed.map((entry) => [entry[0].toLowerCase(), entry] as const));
  const objectKey = object.toLowerCase();
  const agentKey = agent.toLowerCase();

  if (settings.mode === 'Paused') {
    const reason = 'ActionPlane is paused (kill switch): no action may run until an admin sets Mode to Enforce';
    return {
      effect: 'Block',
      risk: 'Critical',
      requiredApprovals: 1,
      approverGroup: settings.defaultApproverGroup,
      expiresAfterHours: settings.defaultExpiryHours,
      allowSelfApproval: false,
      reasons: [reason],
      fieldEffects: changed.map(([field]) => ({
        field,
        effect: 'Block',
        rule: 'ActionPlaneSetting.Default',
        rules: ['ActionPlaneSetting.Default'],
        reason,
      })),
      matchedPolicies: [],
      contributors: [],
      mode: settings.mode,
    };
  }

  // A policy matches when active (already filtered), its object and agents match and every condition holds.
  const matched: { policy: CompiledPolicy; whys: string[] }[] = [];
  for (const policy of policiesFor(compiled, objectKey, agentKey)) {
    const whys: string[] = [];
    let holds = true;
    for (const cond of policy.conditions) {
      const entry = changedByKey.get(cond.fieldKey);
      const why = entry ? conditionHolds(cond, entry[0], entry[1]) : null;
      if (why === null) {
        holds = false;
        break;
      }
      whys.push(why);
    }
    if (holds) matched.push({ policy, whys });
  }

  const contributors = new Map<string, Contributor>();
  /** The candidate each contributor came from: its condition words and notes. */
  const words = new Map<string, FieldCandidate>();
  const fieldEffects: FieldDecision[] = [];

  for (const [field] of changed) {
    const fieldKey = field.toLowerCase();
    const candidates: FieldCandidate[] = [];
    for (const { policy, whys } of matched) {
      if (!coversName(policy.fields, fieldKey) || policy.exceptFields.has(fieldKey)) continue;
      let effect = policy.effect;
      const notes: string[] = [];
      if (effect === 'AutoRun' && policy.minConfidence !== null && policy.minConfidence > confidence) {
        effect = 'RequireApproval';
        notes.push(
          `confidence ${confidenceText()} is below the ${policy.minConfidenceText} required to run automatically`,
        );
      } else if (effect === 'AutoRun' && policy.minConfidence !== null) {
        notes.push(`confidence ${confidenceText()} meets ${policy.minConfidenceText}`);
      }
      candidates.push({
        kind: 'policy',
        rule: policy.name,
        effect,
        risk: policy.risk,
        requiredApprovals: policy.requiredApprovals,
        expiresAfterHours: policy.expiresAfterHours,
        approverGroup: policy.approverGroup,
        allowSelfApproval: policy.allowSelfApproval,
        conditions: whys,
        notes,
        policyReason: policy.reason,
      });
    }
    let policyEffect: Effect | null = null;
    for (const c of candidates) {
      if (policyEffect === null || EFFECT_RANK[c.effect] > EFFECT_RANK[policyEffect]) policyEffect = c.effect;
    }
    if (policyEffect === null) {
      candidates.push({
        kind: 'default',
        rule: 'ActionPlaneSetting.Default',
        effect: settings.defaultEffect,
        risk: 'Medium',
        requiredApprovals: 1,
        expiresAfterHours: settings.defaultExpiryHours,
        approverGroup: settings.defaultApproverGroup,
        allowSelfApproval: false,
        conditions: [],
        notes: [],
        policyReason: '',
      });
    }
    for (const s of compiled.sensitivities) {
      if (s.fieldKey !== fieldKey || (s.objectKey !== objectKey && s.objectKey !== '*')) continue;
      const level = s.level;
      candidates.push({
        kind: 'sensitivity',
        rule: `FieldSensitivity.${s.name ?? `${object}_${field}`}`,
        effect: level === 'Restricted' ? 'Block' : 'RequireApproval',
        risk: level === 'Restricted' ? 'Critical' : 'High',
        requiredApprovals: 1,
        expiresAfterHours: null,
        approverGroup: null,
        allowSelfApproval: false,
        conditions: [`${field} is ${level} data`],
        notes: [],
        policyReason: '',
      });
    }
    // The governing rule is the first by the ordering; only rules with the strictest effect stand behind the field.
    let top: FieldCandidate | undefined;
    for (const c of candidates) if (top === undefined || compareCandidates(c, top) < 0) top = c;
    if (top === undefined) continue; // unreachable: a field always has the default or a policy
    let finalEffect = top.effect;
    const behind = candidates.filter((c) => c.effect === finalEffect).sort(compareCandidates);
    let modeNote = '';
    if (finalEffect === 'AutoRun' && settings.mode === 'ApproveAll') {
      finalEffect = 'RequireApproval';
      modeNote = '; ApproveAll mode turns every automatic run into an approval';
    }
    for (const c of behind) {
      const existing = contributors.get(c.rule);
      if (existing) {
        if (!existing.fields.includes(field)) existing.fields.push(field);
        continue;
      }
      contributors.set(c.rule, {
        kind: c.kind,
        rule: c.rule,
        effect: finalEffect,
        risk: c.risk,
        requiredApprovals: c.requiredApprovals,
        expiresAfterHours: c.expiresAfterHours,
        approverGroup: c.approverGroup,
        allowSelfApproval: c.allowSelfApproval,
        fields: [field],
        reason: '',
      });
      words.set(c.rule, c);
    }
    fieldEffects.push({
      field,
      effect: finalEffect,
      rule: top.rule,
      rules: behind.map((c) => c.rule),
      reason: `${capitalise(whyWords(top, [field], object, settings.defaultEffect))}: ${consequence(finalEffect, top.requiredApprovals, top.approverGroup)}${modeNote} (${top.rule})`,
    });
  }

  const all = [...contributors.values()];
  for (const c of all) {
    const from = words.get(c.rule);
    if (from) c.reason = whyWords(from, c.fields, object, settings.defaultEffect);
  }
  let effect: Effect = 'AutoRun';
  let risk: Risk = 'Low';
  let requiredApprovals = 0;
  let expiresAfterHours: number | null = null;
  for (const c of all) {
    if (EFFECT_RANK[c.effect] > EFFECT_RANK[effect]) effect = c.effect;
    if (RISK_RANK[c.risk] > RISK_RANK[risk]) risk = c.risk;
    requiredApprovals = Math.max(requiredApprovals, c.requiredApprovals);
    if (c.expiresAfterHours !== null) {
      expiresAfterHours =
        expiresAfterHours === null ? c.expiresAfterHours : Math.min(expiresAfterHours, c.expiresAfterHours);
    }
  }
  if (expiresAfterHours === null) expiresAfterHours = settings.defaultExpiryHours;
  // Routing: the first contributing policy with a group, by most approvals, then highest risk, then lowest name.
  let routedBy: Contributor | null = null;
  for (const c of all) {
    if (c.kind !== 'policy' || c.approverGroup === null) continue;
    if (
      routedBy === null ||
      (c.requiredApprovals - routedBy.requiredApprovals ||
        RISK_RANK[c.risk] - RISK_RANK[routedBy.risk] ||
        compareNames(routedBy.rule, c.rule)) > 0
    ) {
      routedBy = c;
    }
  }
  const approverGroup = routedBy?.approverGroup ?? settings.defaultApproverGroup;
  const allowSelfApproval = all.length > 0 && all.every((c) => c.kind === 'policy' && c.allowSelfApproval);

  // One reason per contributor, strictest first, in the order an approver reads them.
  const ordered = [...all].sort(compareCandidates);
  const reasons = ordered.map((c) => {
    const group = c.effect === 'RequireApproval' ? (c.approverGroup ?? approverGroup) : null;
    const policyReason = words.get(c.rule)?.policyReason ?? '';
    const policyText = policyReason === '' ? '' : ` — ${policyReason}`;
    return `${capitalise(c.reason)}: ${consequence(c.effect, c.requiredApprovals, group)}${policyText} (${c.rule})`;
  });
  if (settings.mode === 'ApproveAll' && all.some((c) => c.effect === 'RequireApproval')) {
    const turned = fieldEffects.some((f) => f.reason.includes('ApproveAll mode'));
    if (turned)
      reasons.push(
        'ActionPlane is in ApproveAll mode: every automatic run needs approval (ActionPlaneSetting.Default)',
      );
  }
  if (changed.length === 0) reasons.push('No field changes: the proposed values equal the current ones');

  return {
    effect,
    risk,
    requiredApprovals: effect === 'AutoRun' && all.length === 0 ? 0 : requiredApprovals,
    approverGroup,
    expiresAfterHours,
    allowSelfApproval,
    reasons,
    fieldEffects,
    matchedPolicies: matched.map((m) => m.policy.name),
    contributors: ordered,
    mode: settings.mode,
  };
}

/**
 * Why a rule applies, in words, without the consequence: the words of its conditions, or the fields it covers;
 * then notes (a confidence threshold met or missed). The default names the fields no policy covers.
 */
function whyWords(from: FieldCandidate, fields: string[], object: string, defaultEffect: Effect): string {
  if (from.kind === 'default') {
    const covered = fields.map((f) => `${object}.${f}`).join(', ');
    return `no policy covers ${covered}, so the default effect ${defaultEffect} applies`;
  }
  const head =
    from.conditions.length > 0
      ? from.conditions.join(', ')
      : `${fields.join(', ')} ${fields.length === 1 ? 'changes' : 'change'}`;
  return from.notes.length > 0 ? `${head}, ${from.notes.join(', ')}` : head;
}

function capitalise(text: string): string {
  return text.length === 0 ? text : text.charAt(0).toUpperCase() + text.slice(1);
}

function isCompiled(m: PolicyMetadata | CompiledPolicySet): m is CompiledPolicySet {
  const s = (m as CompiledPolicySet).settings as CompiledSettings | undefined;
  return s !== undefined && s !== null && 'mode' in s && 'defaultEffect' in s;
}

/**
 * Every problem in the metadata, inactive policies included (evaluation checks only active ones): what an admin
 * wants to see before deploying. Also reports conditions whose Policy__c names no policy.
 */
export function validatePolicyMetadata(metadata: PolicyMetadata): PolicyConfigError[] {
  const problems: PolicyConfigError[] = [];
  const attempt = (fn: () => void): void => {
    try {
      fn();
    } catch (e) {
      if (e instanceof PolicyConfigError) problems.push(e);
      else throw e;
    }
  };
  const names = new Set(metadata.policies.map((p) => (p.DeveloperName ?? '').trim().toLowerCase()));
  for (const p of metadata.policies) {
    const own = (metadata.conditions ?? []).filter(
      (c) => (c.Policy__c ?? '').trim().toLowerCase() === (p.DeveloperName ?? '').trim().toLowerCase(),
    );
    attempt(() => compilePolicy(p, []));
    own.forEach((c, i) => attempt(() => compileCondition(c, i, p.DeveloperName)));
  }
  (metadata.conditions ?? []).forEach((c, i) => {
    if (!names.has((c.Policy__c ?? '').trim().toLowerCase())) {
      const name = isBlank(c.DeveloperName) ? `[${i}]` : String(c.DeveloperName);
      problems.push(
        new PolicyConfigError(`PolicyCondition__mdt.${name}.Policy__c`, `names no policy ('${String(c.Policy__c)}')`),
      );
    }
  });
  attempt(() =>
    compilePolicies({ policies: [], sensitivities: metadata.sensitivities ?? [], settings: metadata.settings }),
  );
  return problems;
}
