/**
 * PolicyCompiler — validates the policy records once, before any action is decided: every active ActionPolicy with
 * its PolicyConditions, every FieldSensitivity, and the Default ActionPlaneSetting. A record that cannot be evaluated
 * stops compilation with a PolicyConfigError naming the record and field; a broken rule is never skipped. Twin of
 * force-app/main/core/classes/PolicyCompiler.cls, function for function (compilePolicies, compileSettings,
 * compilePolicy, operationsOf, compileSensitivities, compileSensitivity, sensitivityLevel); validatePolicyMetadata
 * (every problem at once, for `policy validate`) is the CLI's and has no Apex twin.
 *
 * The vocabulary (EFFECTS, RISKS, SENSITIVITY_LEVELS, MODES, OPERATIONS and canonicalOperation) is Apex's
 * PolicyEngine.EFFECTS…; it is defined here so the compiler needs nothing at run time from PolicyEngine.ts, which
 * exports it.
 */
import { MetadataRecord, PolicyConfigError } from './MetadataRecord';
import { compileCondition, type CompiledCondition } from './PolicyConditions';
import type {
  ActionPlaneSettingRecord,
  ActionPolicyRecord,
  FieldSensitivityRecord,
  PolicyConditionRecord,
  PolicyMetadata,
} from './PolicyEngine';
import { type ExactDecimal } from './ExactDecimal';
import { formatNumber, isBlank } from './Values';

export const EFFECTS = ['AutoRun', 'RequireApproval', 'Block'] as const;
export type Effect = (typeof EFFECTS)[number];
export const RISKS = ['Low', 'Medium', 'High', 'Critical'] as const;
export type Risk = (typeof RISKS)[number];
export const SENSITIVITY_LEVELS = ['Public', 'Internal', 'Confidential', 'Restricted'] as const;
export type SensitivityLevel = (typeof SENSITIVITY_LEVELS)[number];
export const MODES = ['Enforce', 'ApproveAll', 'Paused'] as const;
export type Mode = (typeof MODES)[number];
/** The operations an action performs and a policy may cover (Operations__c), in their canonical spelling. */
export const OPERATIONS = ['Create', 'Update', 'Delete'] as const;
export type Operation = (typeof OPERATIONS)[number];

/**
 * The canonical spelling of an operation (Apex: PolicyEngine.canonicalOperation): `create`, `CREATE` → Create;
 * absent, null or blank → Update (an action without an operation is an update). Null for any other word.
 */
export function canonicalOperation(operation: string | null | undefined): Operation | null {
  if (operation === null || operation === undefined || operation.trim() === '') return 'Update';
  return MetadataRecord.pickEnum(OPERATIONS, operation);
}

/** One active ActionPolicy__mdt, validated; names lower case, blanks replaced by the documented defaults. */
export interface CompiledPolicy {
  name: string;
  /** Object__c, Fields__c, Agents__c as lower-case names; null when blank or `*` (everything). */
  objects: ReadonlySet<string> | null;
  fields: ReadonlySet<string> | null;
  exceptFields: ReadonlySet<string>;
  agents: ReadonlySet<string> | null;
  /** Operations__c: the operations the policy covers (blank: Update only). */
  operations: ReadonlySet<Operation>;
  effect: Effect;
  /** Null when blank: no confidence check. */
  minConfidence: ExactDecimal | null;
  /** MinConfidence__c as reasons print it, formatted once. */
  minConfidenceText: string;
  risk: Risk;
  approverGroup: string | null;
  requiredApprovals: number;
  allowSelfApproval: boolean;
  /** Null when blank: the default expiry applies. */
  expiresAfterHours: number | null;
  /** Reason__c trimmed, '' when blank. */
  reason: string;
  conditions: CompiledCondition[];
}

/** A Confidential or Restricted field. */
export interface CompiledSensitivity {
  /** DeveloperName, or null when blank (the rule is then named `<Object>_<Field>` as the action names them). */
  name: string | null;
  objectKey: string;
  fieldKey: string;
  level: 'Confidential' | 'Restricted';
}

/** The Default setting validated (Apex: PolicyEngine.PolicySettings). */
export interface CompiledSettings {
  mode: Mode;
  defaultEffect: Effect;
  defaultApproverGroup: string | null;
  defaultExpiryHours: number | null;
  maxActionsPerRequest: number;
}

export interface CompiledPolicySet {
  policies: CompiledPolicy[];
  /** Only the levels that change a decision (Confidential, Restricted). */
  sensitivities: CompiledSensitivity[];
  settings: CompiledSettings;
  /**
   * Active policies whose operation, object and agents match, per `Operation|object|agent` (object and agent lower
   * case); filled on first use.
   */
  byObjectAndAgent: Map<string, CompiledPolicy[]>;
}

/** A policy's fields, objects or agents, lower-cased; null when blank or `*` (everything). */
function nameSet(names: string[]): ReadonlySet<string> | null {
  return names.length === 0 || names.includes('*') ? null : new Set(names);
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
    .filter((p) => new MetadataRecord(p, 'ActionPolicy__mdt').flag('Active__c') !== false)
    .map((p) => compilePolicy(p, conditionsByPolicy.get((p.DeveloperName ?? '').trim().toLowerCase()) ?? []));
  return {
    policies,
    sensitivities: compileSensitivities(metadata.sensitivities ?? []),
    settings: compileSettings(metadata.settings),
    byObjectAndAgent: new Map(),
  };
}

/** Validates the settings record; blank fields take the shipped defaults (Enforce, RequireApproval, 72 h, 200). */
export function compileSettings(raw: ActionPlaneSettingRecord | null | undefined): CompiledSettings {
  const r = new MetadataRecord(raw, 'ActionPlaneSetting__mdt.Default');
  const mode = r.choice('Mode__c', 'mode', MODES);
  const defaultEffect = r.choice('DefaultEffect__c', 'effect', EFFECTS);
  const expiry = r.hours('DefaultExpiryHours__c');
  const max = r.count('MaxActionsPerRequest__c');
  return {
    mode: mode ?? 'Enforce',
    defaultEffect: defaultEffect ?? 'RequireApproval',
    defaultApproverGroup: r.trimmed('DefaultApproverGroup__c'),
    defaultExpiryHours: expiry ?? 72,
    maxActionsPerRequest: max ?? 200,
  };
}

export function compilePolicy(p: ActionPolicyRecord, conditions: PolicyConditionRecord[]): CompiledPolicy {
  if (isBlank(p.DeveloperName)) throw new PolicyConfigError('ActionPolicy__mdt', 'a policy has no DeveloperName');
  const name = p.DeveloperName.trim();
  const r = new MetadataRecord(p, `ActionPolicy__mdt.${name}`);
  const effect = r.choice('Effect__c', 'effect', EFFECTS);
  if (effect === null) throw r.error('Effect__c', 'is required');
  const risk = r.choice('Risk__c', 'risk', RISKS) ?? 'Medium';
  const minConfidence = r.fraction('MinConfidence__c');
  const requiredApprovals = r.count('RequiredApprovals__c') ?? 1;
  const expiresAfterHours = r.hours('ExpiresAfterHours__c');
  return {
    name,
    objects: nameSet(r.names('Object__c')),
    fields: nameSet(r.names('Fields__c')),
    exceptFields: new Set(r.names('ExceptFields__c')),
    agents: nameSet(r.names('Agents__c')),
    operations: operationsOf(r),
    effect,
    minConfidence,
    minConfidenceText: minConfidence === null ? '' : formatNumber(minConfidence),
    risk,
    approverGroup: r.trimmed('ApproverGroup__c'),
    requiredApprovals,
    allowSelfApproval: r.flag('AllowSelfApproval__c') === true,
    expiresAfterHours,
    reason: r.trimmed('Reason__c') ?? '',
    conditions: conditions.map((c, i) => compileCondition(c, i, name)),
  };
}

/**
 * Operations__c: Create, Update, Delete separated by `;` or `,`, any case; blank covers updates only, so a policy
 * written before creates and deletes were governed keeps its meaning.
 */
function operationsOf(r: MetadataRecord): ReadonlySet<Operation> {
  const operations = new Set<Operation>();
  const words = r.isBlank('Operations__c') ? [] : r.text('Operations__c').split(/[;,]/);
  for (const word of words.map((w) => w.trim()).filter((w) => w !== '')) {
    const operation = MetadataRecord.pickEnum(OPERATIONS, word);
    if (operation === null) {
      throw r.error('Operations__c', `unknown operation '${word}' (use ${OPERATIONS.join(', ')})`);
    }
    operations.add(operation);
  }
  return operations.size === 0 ? new Set<Operation>(['Update']) : operations;
}

/** Every record needs a known level, an object and a field; only Confidential and Restricted change decisions. */
function compileSensitivities(sensitivities: FieldSensitivityRecord[]): CompiledSensitivity[] {
  const compiled: CompiledSensitivity[] = [];
  sensitivities.forEach((s, i) => {
    const c = compileSensitivity(s, i);
    if (c !== null) compiled.push(c);
  });
  return compiled;
}

function compileSensitivity(s: FieldSensitivityRecord, index: number): CompiledSensitivity | null {
  const unnamed = isBlank(s.DeveloperName);
  const r = new MetadataRecord(s, `FieldSensitivity__mdt.${unnamed ? `[${index}]` : String(s.DeveloperName)}`);
  const level = MetadataRecord.pickEnum(SENSITIVITY_LEVELS, s.Level__c);
  if (level === null) throw r.unknown('Level__c', 'level', SENSITIVITY_LEVELS);
  if (r.isBlank('Object__c')) throw r.error('Object__c', 'is required');
  if (r.isBlank('Field__c')) throw r.error('Field__c', 'is required');
  if (level !== 'Confidential' && level !== 'Restricted') return null;
  return {
    name: unnamed ? null : String(s.DeveloperName).trim(),
    objectKey: r.text('Object__c').trim().toLowerCase(),
    fieldKey: r.text('Field__c').trim().toLowerCase(),
    level,
  };
}

/**
 * The sensitivity level the FieldSensitivity__mdt records give a field (what intake stamps on
 * FieldChange__c.Sensitivity__c): the strictest level among the records naming the object (or `*`) and the field,
 * or null. Every level counts, Public and Internal too.
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
    const r = new MetadataRecord(s, 'FieldSensitivity__mdt');
    const sensitivityObject = r.text('Object__c').trim().toLowerCase();
    const names =
      (sensitivityObject === objectKey || sensitivityObject === '*') &&
      r.text('Field__c').trim().toLowerCase() === fieldKey;
    const level = names ? MetadataRecord.pickEnum(SENSITIVITY_LEVELS, s.Level__c) : null;
    if (
      level !== null &&
      (strictest === null || SENSITIVITY_LEVELS.indexOf(level) > SENSITIVITY_LEVELS.indexOf(strictest))
    ) {
      strictest = level;
    }
  }
  return strictest;
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
