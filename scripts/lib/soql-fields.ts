// Layer (d): object and field names in static SOQL. apex-ls does not look inside SOQL (`SELECT Nope__c` passes), so
// this layer walks the apex-parser tree, finds every query, and resolves each field path against ProjectSchema.
import {
  BoundExpressionContext,
  FromNameListContext,
  QueryContext,
  SelectEntryContext,
  SubFieldEntryContext,
  SubQueryContext,
  TypeOfContext,
  UsingScopeContext,
  WithClauseContext,
  type ApexParserRuleContext,
  type FieldNameContext,
} from '@apexdevtools/apex-parser';
import { parseApexFiles, type ApexTree } from './apex-trees';
import type { Finding } from './findings';
import { ProjectSchema } from './sobject-schema';

/** One field reference inside a query, with the object it must be resolved on. */
interface FieldUse {
  file: string;
  line: number;
  column: number;
  /** The query's FROM object, or a `{ parentObject, childRelationship }` for a sub-query in a select list. */
  from: QueryFrom;
  /** The dotted path as written, e.g. `Opportunity__r.Account.Name`; empty for the FROM reference itself. */
  path: string;
}
type QueryFrom = { object: string; alias?: string } | { parent: QueryFrom; relationship: string };

/**
 * Unknown objects, relationships and fields in the static SOQL of `files`, resolved against the object metadata in
 * `projectDir` and the standard objects of API 65. Files with syntax errors are skipped (layer (a) reports them).
 * Not checked: dynamic SOQL strings, TYPEOF branches, and SOSL. Pass `trees` to reuse a parse; the schema it
 * loaded is returned for the next check.
 */
export function checkSoqlFields(
  projectDir: string,
  files: string[],
  trees: ApexTree[] = parseApexFiles(files),
): { findings: Finding[]; queries: number; schema: ProjectSchema } {
  const uses: FieldUse[] = [];
  let queries = 0;
  for (const { file, tree } of trees) queries += collectQueries(tree, file, uses);
  const schema = new ProjectSchema(projectDir);
  schema.loadStandard(schema.standardObjectsReferenced());
  schema.applyPendingFields();
  // Resolve in rounds: each round may discover standard objects (relationship targets) still to be loaded.
  let outcomes = uses.map((use) => resolveUse(schema, use));
  for (let round = 0; round < 6; round += 1) {
    const pending = outcomes.flatMap((o) => ('pending' in o ? [o.pending] : []));
    if (pending.length === 0) break;
    schema.loadStandard(pending);
    schema.applyPendingFields();
    outcomes = uses.map((use) => resolveUse(schema, use));
  }
  const findings: Finding[] = [];
  uses.forEach((use, i) => {
    const outcome = outcomes[i];
    if (outcome && 'error' in outcome) {
      findings.push({
        layer: 'soql',
        file: use.file,
        line: use.line,
        column: use.column,
        rule: 'UnknownSoqlName',
        message: outcome.error,
      });
    }
  });
  findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
  return { findings, queries, schema };
}

/** Records every query and field reference under `node`; returns the number of queries found. */
function collectQueries(node: ApexParserRuleContext, file: string, uses: FieldUse[]): number {
  let count = 0;
  const visit = (ctx: ApexParserRuleContext, from: QueryFrom | undefined): void => {
    if (ctx instanceof QueryContext || ctx instanceof SubQueryContext) {
      count += 1;
      const fromList = ctx.fromNameList();
      const objectName = fromList.fieldName(0)?.getText() ?? '';
      const alias = fromList.soqlId(0)?.getText();
      const isChildQuery =
        ctx instanceof SubQueryContext &&
        (ctx.parentCtx instanceof SelectEntryContext || ctx.parentCtx instanceof SubFieldEntryContext);
      const own: QueryFrom =
        isChildQuery && from
          ? { parent: from, relationship: objectName }
          : alias
            ? { object: objectName, alias }
            : { object: objectName };
      uses.push({ file, line: fromList.start.line, column: fromList.start.column + 1, from: own, path: '' });
      for (const child of ctx.children ?? []) if (isRule(child)) visit(child, own);
      return;
    }
    // Not field references: the FROM list (handled above), WITH/USING clauses, Apex bind expressions, TYPEOF.
    if (
      ctx instanceof FromNameListContext ||
      ctx instanceof WithClauseContext ||
      ctx instanceof UsingScopeContext ||
      ctx instanceof BoundExpressionContext ||
      ctx instanceof TypeOfContext
    ) {
      if (ctx instanceof BoundExpressionContext)
        for (const child of ctx.children ?? []) if (isRule(child)) visit(child, undefined);
      return;
    }
    if (from && ctx.constructor.name === 'FieldNameContext') {
      const field = ctx as FieldNameContext;
      uses.push({ file, line: field.start.line, column: field.start.column + 1, from, path: field.getText() });
      return;
    }
    for (const child of ctx.children ?? []) if (isRule(child)) visit(child, from);
  };
  visit(node, undefined);
  return count;
}

function isRule(node: unknown): node is ApexParserRuleContext {
  return typeof node === 'object' && node !== null && 'children' in node && 'start' in node;
}

type Outcome = { ok: true } | { error: string } | { pending: string };

/** Resolves the FROM object of a query (following child relationships of sub-queries). */
function resolveFrom(
  schema: ProjectSchema,
  from: QueryFrom,
): { object: string; alias?: string } | { error: string } | { pending: string } {
  if ('object' in from) {
    if (schema.get(from.object)) return from;
    return schema.needsLoading(from.object) ? { pending: from.object } : { error: `unknown object '${from.object}'` };
  }
  const parent = resolveFrom(schema, from.parent);
  if (!('object' in parent)) return parent;
  const target = schema.get(parent.object)?.children.get(from.relationship.toLowerCase());
  if (!target) return { error: `'${parent.object}' has no child relationship '${from.relationship}'` };
  return schema.get(target)
    ? { object: target }
    : schema.needsLoading(target)
      ? { pending: target }
      : { error: `unknown object '${target}'` };
}

function resolveUse(schema: ProjectSchema, use: FieldUse): Outcome {
  const from = resolveFrom(schema, use.from);
  // An unresolvable FROM is reported once, on the FROM itself, not again on every field of the query.
  if ('error' in from) return use.path === '' ? from : { ok: true };
  if (!('object' in from)) return from;
  if (use.path === '') return { ok: true };
  const segments = use.path.split('.');
  if (segments.length > 1 && from.alias && segments[0]?.toLowerCase() === from.alias.toLowerCase()) segments.shift();
  let object = from.object;
  for (const [index, segment] of segments.entries()) {
    const schemaOf = schema.get(object);
    if (!schemaOf) return schema.needsLoading(object) ? { pending: object } : { error: `unknown object '${object}'` };
    const key = segment.toLowerCase();
    if (index === segments.length - 1) {
      return schemaOf.fields.has(key)
        ? { ok: true }
        : { error: `'${schemaOf.name}' has no field '${segment}' (in ${use.path})` };
    }
    const next = schemaOf.parents.get(key);
    if (!next) return { error: `'${schemaOf.name}' has no relationship '${segment}' (in ${use.path})` };
    object = next;
  }
  return { ok: true };
}
