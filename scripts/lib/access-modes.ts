// Rule ImplicitAccessMode (soql layer): every query and every DML statement states its access mode, because the
// default changes with the API version — from API 67.0 database operations run in user mode unless they say
// otherwise (Apex Reference, "Apex Versioned Behavior Changes", version 67.0; Apex Developer Guide, "Set an Access
// Mode for Database Operations") — so a class saved at a later version would quietly read or write under other
// rules. Production code and tests alike.
// Stated means: inline SOQL with WITH USER_MODE, WITH SYSTEM_MODE or WITH SECURITY_ENFORCED; a DML statement with
// `as user` or `as system`; a Database query or DML method called with an AccessLevel argument.
import {
  DeleteStatementContext,
  DotExpressionContext,
  InsertStatementContext,
  MergeStatementContext,
  QueryContext,
  SubQueryContext,
  UndeleteStatementContext,
  UpdateStatementContext,
  UpsertStatementContext,
  type ApexParserRuleContext,
} from '@apexdevtools/apex-parser';
import type { ApexTree } from './apex-trees';
import type { Finding } from './findings';

/** Database methods that query or write and take an AccessLevel (Apex Reference, "Database Class"). */
const DATABASE_METHODS = new Set([
  'query',
  'querywithbinds',
  'getquerylocator',
  'getquerylocatorwithbinds',
  'countquery',
  'countquerywithbinds',
  'insert',
  'update',
  'upsert',
  'delete',
  'undelete',
  'merge',
]);

const DML_STATEMENTS = [
  InsertStatementContext,
  UpdateStatementContext,
  DeleteStatementContext,
  UpsertStatementContext,
  UndeleteStatementContext,
  MergeStatementContext,
];

/**
 * The queries and DML statements of `trees` that do not state their access mode.
 * @returns the findings and how many statements were looked at
 */
export function checkAccessModes(trees: ApexTree[]): { findings: Finding[]; statements: number } {
  const findings: Finding[] = [];
  let statements = 0;
  const report = (file: string, ctx: ApexParserRuleContext, message: string): void => {
    findings.push({
      layer: 'soql',
      file,
      line: ctx.start.line,
      column: ctx.start.column + 1,
      rule: 'ImplicitAccessMode',
      message,
    });
  };
  for (const { file, tree } of trees) {
    const visit = (ctx: ApexParserRuleContext): void => {
      if (ctx instanceof QueryContext && !(ctx.parentCtx instanceof SubQueryContext)) {
        statements += 1;
        const withClause = ctx.withClause()?.getText().toUpperCase() ?? '';
        if (!/USER_MODE|SYSTEM_MODE|SECURITY_ENFORCED/.test(withClause))
          report(file, ctx, 'SOQL without WITH USER_MODE, WITH SYSTEM_MODE or WITH SECURITY_ENFORCED');
      } else if (DML_STATEMENTS.some((type) => ctx instanceof type)) {
        statements += 1;
        // `insert as user x;` parses as the keyword, `as`, the mode, then the expression.
        if (!/^\w+as(user|system)/i.test(ctx.getText()))
          report(file, ctx, `${ctx.getText().match(/^\w+/)?.[0] ?? 'DML'} without 'as user' or 'as system'`);
      } else if (ctx instanceof DotExpressionContext) {
        const call = ctx.dotMethodCall();
        const name = call?.anyId().getText().toLowerCase() ?? '';
        if (call && /^database$/i.test(ctx.expression().getText()) && DATABASE_METHODS.has(name)) {
          statements += 1;
          if (!/AccessLevel\.(USER_MODE|SYSTEM_MODE)/i.test(call.expressionList()?.getText() ?? ''))
            report(file, ctx, `Database.${call.anyId().getText()} without an AccessLevel argument`);
        }
      }
      for (const child of ctx.children ?? []) if (isRule(child)) visit(child);
    };
    visit(tree);
  }
  findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
  return { findings, statements };
}

function isRule(node: unknown): node is ApexParserRuleContext {
  return typeof node === 'object' && node !== null && 'children' in node && 'start' in node;
}
