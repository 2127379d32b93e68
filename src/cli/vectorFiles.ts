/**
 * Reads conformance vector files (a JSON array of cases per file; a folder is read recursively for *.json), checks
 * their shape with JSON paths a person can act on, and runs every case through the registered kind's check.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalOperation } from '../core/PolicyCompiler';
import { VECTOR_KINDS, kindOf, type VectorCase, type VectorCheck } from '../core/vectors';

export interface CaseResult {
  file: string;
  index: number;
  name: string;
  kind: string;
  failures: string[];
}

export interface RunSummary {
  passed: number;
  failed: number;
  results: CaseResult[];
}

/** A vectors file that cannot be read as cases: names the file and the JSON path. */
export class VectorFileError extends Error {
  constructor(
    readonly file: string,
    readonly path: string,
    detail: string,
  ) {
    super(`${file}: ${path === '' ? '' : `${path}: `}${detail}`);
    this.name = 'VectorFileError';
  }
}

export function collectJsonFiles(target: string): string[] {
  let stat;
  try {
    stat = statSync(target);
  } catch {
    throw new VectorFileError(target, '', 'no such file or folder');
  }
  if (!stat.isDirectory()) return [target];
  const out: string[] = [];
  for (const entry of readdirSync(target).sort()) {
    const full = join(target, entry);
    if (statSync(full).isDirectory()) out.push(...collectJsonFiles(full));
    else if (entry.endsWith('.json')) out.push(full);
  }
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Shape errors of a policy case (the contract shape of design.md), as JSON paths. */
export function policyCaseProblems(c: Record<string, unknown>, at: string): string[] {
  const problems: string[] = [];
  for (const key of ['policies', 'conditions', 'sensitivities'] as const) {
    const list = c[key];
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list)) {
      problems.push(`${at}.${key}: must be an array of records`);
      continue;
    }
    list.forEach((r, i) => {
      if (!isObject(r)) problems.push(`${at}.${key}[${i}]: must be an object`);
      else if (key === 'policies' && (typeof r.DeveloperName !== 'string' || r.DeveloperName.trim() === '')) {
        problems.push(`${at}.${key}[${i}].DeveloperName: is required`);
      } else if (key === 'conditions' && (typeof r.Policy__c !== 'string' || r.Policy__c.trim() === '')) {
        problems.push(`${at}.${key}[${i}].Policy__c: is required (the policy's DeveloperName)`);
      }
    });
  }
  if (c.settings !== undefined && c.settings !== null && !isObject(c.settings)) {
    problems.push(`${at}.settings: must be an object`);
  }
  const action = c.action;
  if (!isObject(action)) {
    problems.push(`${at}.action: is required (an object with object, operation, agent, confidence, changes)`);
  } else {
    if (typeof action.object !== 'string' || action.object.trim() === '') {
      problems.push(`${at}.action.object: is required (an object API name)`);
    }
    if (
      action.operation !== undefined &&
      action.operation !== null &&
      (typeof action.operation !== 'string' || canonicalOperation(action.operation) === null)
    ) {
      problems.push(`${at}.action.operation: must be create, update or delete (absent = update)`);
    }
    if (action.confidence !== undefined && action.confidence !== null && typeof action.confidence !== 'number') {
      problems.push(`${at}.action.confidence: must be a number from 0 to 1`);
    }
    if (!isObject(action.changes)) {
      problems.push(`${at}.action.changes: is required ({ "Field": { "before": …, "after": … } })`);
    } else {
      for (const [field, change] of Object.entries(action.changes)) {
        if (!isObject(change) || !('after' in change)) {
          problems.push(`${at}.action.changes.${field}: must be an object with "before" and "after"`);
        }
      }
    }
  }
  if (!isObject(c.expect)) problems.push(`${at}.expect: is required (an object, e.g. { "effect": "Block" })`);
  else if (c.expect.effect !== undefined && typeof c.expect.effect !== 'string') {
    problems.push(`${at}.expect.effect: must be AutoRun, RequireApproval or Block`);
  }
  return problems;
}

/** Parses a file into cases; throws VectorFileError for anything that is not an array of named cases. */
export function readCases(file: string): VectorCase[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new VectorFileError(file, '', `cannot read (${e instanceof Error ? e.message : String(e)})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new VectorFileError(file, '', `not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!Array.isArray(data)) throw new VectorFileError(file, '$', 'a vectors file must be a JSON array of cases');
  data.forEach((c, i) => {
    if (!isObject(c)) throw new VectorFileError(file, `[${i}]`, 'a case must be an object');
    if (typeof c.name !== 'string' || c.name.trim() === '') {
      throw new VectorFileError(file, `[${i}].name`, 'is required (a sentence naming the behaviour)');
    }
  });
  return data as VectorCase[];
}

/** Runs cases of known kinds; a case of an unknown kind fails with a message listing the kinds. */
export function runCases(
  file: string,
  cases: VectorCase[],
  check: (c: VectorCase, kind: string) => string[] = defaultCheck,
): CaseResult[] {
  return cases.map((c, index) => {
    const kind = kindOf(c);
    let failures: string[];
    if (kind === 'policy') {
      const shape = policyCaseProblems(c, `[${index}]`);
      failures = shape.length > 0 ? shape.map((p) => `bad case: ${p}`) : check(c, kind);
    } else {
      failures = check(c, kind);
    }
    return { file, index, name: c.name, kind, failures };
  });
}

function defaultCheck(c: VectorCase, kind: string): string[] {
  const run: VectorCheck | undefined = VECTOR_KINDS[kind];
  if (!run) return [`unknown kind ${JSON.stringify(kind)} (known: ${Object.keys(VECTOR_KINDS).join(', ')})`];
  try {
    return run(c);
  } catch (e) {
    return [`check threw: ${e instanceof Error ? e.message : String(e)}`];
  }
}

export function summarise(results: CaseResult[]): RunSummary {
  const failed = results.filter((r) => r.failures.length > 0).length;
  return { passed: results.length - failed, failed, results };
}

export function formatFailure(r: CaseResult): string {
  return `FAIL ${r.file} [${r.index}] ${r.name} (${r.kind}): ${r.failures.join('; ')}`;
}
