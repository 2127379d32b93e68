/**
 * `policy explain` and `policy test`: admins try the policy records in the project (force-app) before deploying.
 */
import { readFileSync } from 'node:fs';
import {
  canonicalOperation,
  evaluatePolicy,
  PolicyConfigError,
  validatePolicyMetadata,
  type PolicyDecision,
  type PolicyMetadata,
  type ProposedAction,
} from '../core/PolicyEngine';
import { compareDecision, type PolicyVectorCase } from '../core/vectors/policyVectors';
import { loadPolicyMetadata, type LoadedPolicyMetadata } from '../policy/PolicyMetadataLoader';
import { policyCaseProblems, readCases, VectorFileError, collectJsonFiles, type CaseResult } from './vectorFiles';

/** Names the file a metadata error comes from, when it is known. */
export function describeConfigError(e: PolicyConfigError, metadata: LoadedPolicyMetadata): string {
  const [type, name] = e.path.split('.');
  const source = type && name ? metadata.sources[`${type.replace(/__mdt$/, '')}.${name}`] : undefined;
  return source ? `${source}: ${e.message}` : e.message;
}

/** Metadata problems (inactive records included) as lines naming the file; empty when all records are valid. */
export function metadataProblems(metadata: LoadedPolicyMetadata): string[] {
  return validatePolicyMetadata(metadata).map((e) => describeConfigError(e, metadata));
}

/**
 * Reads one action from a file; `operation` (create, update or delete, any case) replaces the file's own
 * "operation" when given.
 */
function readActionFile(file: string, operation?: string): ProposedAction {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new VectorFileError(file, '', e instanceof SyntaxError ? `not valid JSON (${e.message})` : String(e));
  }
  // Accept a bare action, or a case/wrapper that holds one under "action".
  const candidate = typeof data === 'object' && data !== null && 'action' in data ? data.action : data;
  const problems = policyCaseProblems({ action: candidate, expect: {} }, '$').map((p) =>
    p.replace('$.action.', '$.').replace('$.action', '$'),
  );
  if (problems.length > 0) throw new VectorFileError(file, '', problems.join('; '));
  const action = candidate as ProposedAction;
  if (operation === undefined) return action;
  if (canonicalOperation(operation) === null) {
    throw new VectorFileError(file, '', `--operation ${JSON.stringify(operation)}: must be create, update or delete`);
  }
  return { ...action, operation };
}

function cell(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(blank)';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function renderDecision(action: ProposedAction, d: PolicyDecision): string {
  const approvals =
    d.effect === 'RequireApproval'
      ? `, ${d.requiredApprovals} approval${d.requiredApprovals === 1 ? '' : 's'}${d.approverGroup ? ` from ${d.approverGroup}` : ''}, expires after ${d.expiresAfterHours ?? '-'} h`
      : '';
  const lines = [
    `Decision: ${d.effect} (risk ${d.risk}${approvals})`,
    `Action: ${d.operation} ${action.object}${action.recordId ? ` ${action.recordId}` : ''} by ${action.agent ?? '(no agent)'}, confidence ${action.confidence ?? '(missing = 0)'}`,
    `Mode: ${d.mode}`,
    '',
    table([
      ['Field', 'Before', 'After', 'Effect', 'Rule'],
      ...d.fieldEffects.map((f) => {
        const change = Object.entries(action.changes).find(([k]) => k === f.field)?.[1];
        // As the engine reads them: a create's fields go from blank, a delete's to blank.
        const before = d.operation === 'Create' ? null : change?.before;
        const after = d.operation === 'Delete' ? null : change?.after;
        return [f.field, cell(before), cell(after), f.effect, f.rules.join(', ')];
      }),
    ]),
    '',
    'Reasons:',
    ...d.reasons.map((r) => `  - ${r}`),
    '',
    `Matched policies: ${d.matchedPolicies.length > 0 ? d.matchedPolicies.join(', ') : '(none)'}`,
  ];
  return lines.join('\n');
}

export interface ExplainOptions {
  project: string;
  json?: boolean;
  /** create, update or delete: replaces the action file's "operation". */
  operation?: string;
}

/** Returns the exit code: 0 decided, 2 metadata or input problem. */
export function explain(file: string, options: ExplainOptions, print: (line: string) => void): number {
  const metadata = loadPolicyMetadata(options.project);
  const action = readActionFile(file, options.operation);
  let decision: PolicyDecision;
  try {
    decision = evaluatePolicy(metadata, action);
  } catch (e) {
    if (e instanceof PolicyConfigError) {
      print(`Policy metadata error: ${describeConfigError(e, metadata)}`);
      return 2;
    }
    throw e;
  }
  print(options.json ? JSON.stringify(decision, null, 2) : renderDecision(action, decision));
  return 0;
}

/** Cases in the vector format; any of policies/conditions/sensitivities/settings a case omits come from the project. */
export function testCases(target: string, project: string): { results: CaseResult[]; metadataErrors: string[] } {
  const metadata = loadPolicyMetadata(project);
  const metadataErrors = metadataProblems(metadata);
  const results: CaseResult[] = [];
  for (const file of collectJsonFiles(target)) {
    readCases(file).forEach((raw, index) => {
      const c = raw as PolicyVectorCase;
      const shape = policyCaseProblems(c, `[${index}]`);
      if (shape.length > 0) {
        results.push({ file, index, name: c.name, kind: 'policy', failures: shape.map((p) => `bad case: ${p}`) });
        return;
      }
      const merged: PolicyMetadata = {
        policies: c.policies ?? metadata.policies,
        conditions: c.conditions ?? metadata.conditions ?? [],
        sensitivities: c.sensitivities ?? metadata.sensitivities ?? [],
        settings: c.settings !== undefined ? c.settings : metadata.settings,
      };
      let failures: string[];
      try {
        const decision = evaluatePolicy(merged, c.action);
        failures =
          c.expect.error !== undefined
            ? [`error: expected ${JSON.stringify(c.expect.error)}, but evaluation succeeded (${decision.effect})`]
            : compareDecision(c.expect, decision);
      } catch (e) {
        if (!(e instanceof PolicyConfigError)) throw e;
        const message = describeConfigError(e, metadata);
        failures =
          c.expect.error !== undefined && message.toLowerCase().includes(c.expect.error.toLowerCase())
            ? []
            : [`policy metadata error: ${message}`];
      }
      results.push({ file, index, name: c.name, kind: 'policy', failures });
    });
  }
  return { results, metadataErrors };
}
