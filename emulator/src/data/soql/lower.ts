// Lowers apex-parser's `query` parse tree into the SOQL syntax tree (ast.ts). Inline queries hand each bound
// expression (`:expr`) to the caller, which compiles it and returns its index; dynamic query strings bind names.
// SOQL and SOSL Reference, "SOQL SELECT Syntax".
import type {
  ConditionalExpressionContext,
  FieldExpressionContext,
  FieldNameContext,
  LogicalExpressionContext,
  QueryContext,
  SelectEntryContext,
  SoqlFunctionContext,
  SubFieldEntryContext,
  SubQueryContext,
  ValueContext,
  WhereConditionalExpressionContext,
  WhereLogicalExpressionContext,
  ExpressionContext,
  DateFormulaContext,
  ForClausesContext,
} from '@apexdevtools/apex-parser';
import type { ApexParserRuleContext as ParserRuleContext } from '@apexdevtools/apex-parser';
import { EmulatorUnsupportedError } from '../../errors';
import { parseQuerySource, ApexSyntaxError } from '../../apex/parse';
import { ApexPlatformError } from '../../errors';
import type * as S from './ast';

type BindLowerer = (expr: ExpressionContext) => S.SoqlOperand;

/** Source text of a parse-tree node with its original spacing. */
function sourceText(ctx: ParserRuleContext): string {
  const input = ctx.start.getInputStream();
  if (!input || !ctx.stop) return ctx.getText();
  return input.getText(ctx.start.start, ctx.stop.stop);
}

function unsupported(what: string, ctx: ParserRuleContext): never {
  throw new EmulatorUnsupportedError(`SOQL ${what}`, `line ${ctx.start.line}`);
}

function fieldPath(ctx: FieldNameContext): S.FieldPath {
  return ctx.soqlId_list().map((id) => id.getText());
}

/** A SOQL string literal: single quotes with the same backslash escapes as Apex (SOQL Reference, "Quoted String Escape Sequences"). */
function soqlString(text: string): string {
  const body = text.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i += 1) {
    const ch = body[i] as string;
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = body[i + 1] ?? '';
    i += 1;
    const map: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '"': '"', "'": "'", '\\': '\\' };
    // \_ and \% stay escaped: they mean a literal _ or % inside LIKE patterns.
    if (next === '_' || next === '%') out += `\\${next}`;
    else if (next === 'u') {
      out += String.fromCharCode(parseInt(body.slice(i + 1, i + 5), 16));
      i += 4;
    } else if (next in map) out += map[next] as string;
    else
      throw new ApexPlatformError(
        'System.QueryException',
        `Invalid string literal '${text}'. Illegal character sequence '\\${next}' in string literal.`,
      );
  }
  return out;
}

class SoqlLowerer {
  constructor(readonly bind: BindLowerer) {}

  query(ctx: QueryContext | SubQueryContext, isSub: boolean): S.SoqlQuery {
    const from = ctx.fromNameList();
    const fromNames = from.fieldName_list();
    if (fromNames.length !== 1) unsupported('FROM with several objects', from);
    const alias = from.soqlId_list()[0];
    const select = isSub
      ? (ctx as SubQueryContext)
          .subFieldList()
          .subFieldEntry_list()
          .map((e) => this.selectEntry(e))
      : (ctx as QueryContext)
          .selectList()
          .selectEntry_list()
          .map((e) => this.selectEntry(e));
    const q: S.SoqlQuery = {
      select,
      from: {
        name: fieldPath(fromNames[0] as FieldNameContext).join('.'),
        ...(alias ? { alias: alias.getText() } : {}),
      },
      orderBy: [],
      allRows: false,
      forUpdate: false,
      forView: false,
      forReference: false,
      updateTracking: false,
      updateViewstat: false,
      text: sourceText(ctx),
    };
    const where = ctx.whereClause();
    if (where) q.where = this.whereLogical(where.whereLogicalExpression());
    const order = ctx.orderByClause();
    if (order) {
      q.orderBy = order
        .fieldOrderList()
        .fieldOrder_list()
        .map((o) => {
          const fn = o.soqlFunction();
          const fieldName = o.fieldName();
          const item: S.OrderItem = {
            target: fn ? this.func(fn) : { kind: 'field', path: fieldPath(fieldName) },
            direction: o.DESC() ? 'DESC' : 'ASC',
          };
          if (o.NULLS()) item.nulls = o.FIRST() ? 'FIRST' : 'LAST';
          return item;
        });
    }
    const limit = ctx.limitClause();
    if (limit) {
      const b = limit.boundExpression();
      q.limit = b ? this.bind(b.expression()) : { kind: 'number', text: limit.IntegerLiteral().getText() };
    }
    this.forClauses(q, ctx.forClauses());
    if (ctx.UPDATE()) {
      const text = ctx.updateList().getText().toUpperCase();
      q.updateTracking = text.includes('TRACKING');
      q.updateViewstat = text.includes('VIEWSTAT');
    }
    if (!isSub) {
      const full = ctx as QueryContext;
      const scope = full.usingScope();
      if (scope) q.usingScope = scope.soqlId().getText();
      const withClause = full.withClause();
      if (withClause) {
        if (withClause.SECURITY_ENFORCED()) q.withMode = 'SECURITY_ENFORCED';
        else if (withClause.USER_MODE()) q.withMode = 'USER_MODE';
        else if (withClause.SYSTEM_MODE()) q.withMode = 'SYSTEM_MODE';
        else unsupported(`WITH clause '${sourceText(withClause)}'`, withClause);
      }
      const group = full.groupByClause();
      if (group) {
        q.groupBy = {
          items: group
            .fieldGroupByList()
            .fieldGroupBy_list()
            .map((g) => {
              const fn = g.soqlFunction();
              return fn ? this.func(fn) : { kind: 'field' as const, path: fieldPath(g.fieldName()) };
            }),
          ...(group.ROLLUP() ? { rollup: 'ROLLUP' as const } : group.CUBE() ? { rollup: 'CUBE' as const } : {}),
        };
        const having = group.logicalExpression();
        if (having) q.having = this.logical(having);
      }
      const offset = full.offsetClause();
      if (offset) {
        const b = offset.boundExpression();
        q.offset = b ? this.bind(b.expression()) : { kind: 'number', text: offset.IntegerLiteral().getText() };
      }
      if (full.allRowsClause()) q.allRows = true;
    }
    return q;
  }

  forClauses(q: S.SoqlQuery, ctx: ForClausesContext | null): void {
    if (!ctx) return;
    q.forUpdate = ctx.UPDATE_list().length > 0;
    q.forView = ctx.VIEW_list().length > 0;
    q.forReference = ctx.REFERENCE_list().length > 0;
  }

  selectEntry(ctx: SelectEntryContext | SubFieldEntryContext): S.SelectItem {
    const aliasCtx = ctx.soqlId();
    const alias = aliasCtx ? { alias: aliasCtx.getText() } : {};
    const sub = ctx.subQuery();
    if (sub) return { kind: 'subquery', query: this.query(sub, true), ...alias };
    const fn = ctx.soqlFunction();
    if (fn) return { kind: 'aggregate', call: this.func(fn), ...alias };
    const typeOf = ctx.typeOf();
    if (typeOf) {
      const elseClause = typeOf.elseClause();
      return {
        kind: 'typeof',
        path: fieldPath(typeOf.fieldName()),
        whens: typeOf.whenClause_list().map((w) => ({
          objectType: w.fieldName().getText(),
          fields: w
            .fieldNameList()
            .fieldName_list()
            .map((f) => fieldPath(f)),
        })),
        elseFields: elseClause
          ? elseClause
              .fieldNameList()
              .fieldName_list()
              .map((f) => fieldPath(f))
          : [],
      };
    }
    return { kind: 'field', path: fieldPath(ctx.fieldName()), ...alias };
  }

  func(ctx: SoqlFunctionContext): S.SoqlFunctionCall {
    const name = (ctx.getChild(0).getText().toUpperCase().replace('CONVERT_CURRENCY', 'CONVERTCURRENCY') ||
      '') as S.SoqlFunctionName;
    const call: S.SoqlFunctionCall = { kind: 'function', name };
    if (name === 'DISTANCE') unsupported('DISTANCE()', ctx);
    const param = ctx.soqlFieldsParameter();
    if (param) call.fieldsParameter = param.getText().toUpperCase() as 'ALL' | 'STANDARD' | 'CUSTOM';
    const field = ctx.fieldName();
    if (field) call.field = fieldPath(field);
    const dateField = ctx.dateFieldName();
    if (dateField) {
      call.field = fieldPath(dateField.fieldName());
      if (dateField.CONVERT_TIMEZONE()) call.convertTimezone = true;
    }
    const inner = ctx.soqlFunction();
    if (inner) call.inner = this.func(inner);
    return call;
  }

  whereLogical(ctx: WhereLogicalExpressionContext): S.Condition {
    const parts = ctx.whereConditionalExpression_list().map((c) => this.whereConditional(c));
    return this.combine(ctx, parts);
  }

  whereConditional(ctx: WhereConditionalExpressionContext): S.Condition {
    const nested = ctx.whereLogicalExpression();
    if (nested) return this.whereLogical(nested);
    const field = ctx.whereFieldExpression();
    if (field.FORMULA()) unsupported('FORMULA() condition', field);
    return this.fieldExpression(field.fieldExpression());
  }

  logical(ctx: LogicalExpressionContext): S.Condition {
    const parts = ctx.conditionalExpression_list().map((c) => this.conditional(c));
    return this.combine(ctx, parts);
  }

  conditional(ctx: ConditionalExpressionContext): S.Condition {
    const nested = ctx.logicalExpression();
    if (nested) return this.logical(nested);
    return this.fieldExpression(ctx.fieldExpression());
  }

  combine(ctx: WhereLogicalExpressionContext | LogicalExpressionContext, parts: S.Condition[]): S.Condition {
    if (ctx.NOT()) return { kind: 'not', operand: parts[0] as S.Condition };
    if (parts.length === 1) return parts[0] as S.Condition;
    // The grammar does not allow AND and OR mixed at one level without parentheses (SOQL Reference, "Condition Expression Syntax").
    return ctx.SOQLAND_list().length > 0 ? { kind: 'and', operands: parts } : { kind: 'or', operands: parts };
  }

  fieldExpression(ctx: FieldExpressionContext): S.Condition {
    const fn = ctx.soqlFunction();
    const left: { kind: 'field'; path: S.FieldPath } | S.SoqlFunctionCall = fn
      ? this.func(fn)
      : { kind: 'field', path: fieldPath(ctx.fieldName()) };
    const opCtx = ctx.comparisonOperator();
    const opText = opCtx.getText().toUpperCase();
    const op: S.ComparisonOperator = opText === 'NOTIN' ? 'NOT IN' : (opText as S.ComparisonOperator);
    return { kind: 'compare', left, op, right: this.value(ctx.value()) };
  }

  value(ctx: ValueContext): S.SoqlOperand {
    if (ctx.NULL()) return { kind: 'null' };
    const bool = ctx.BooleanLiteral();
    if (bool) return { kind: 'boolean', value: bool.getText().toLowerCase() === 'true' };
    const num = ctx.signedNumber();
    if (num) return { kind: 'number', text: num.getText() };
    const str = ctx.StringLiteral() ?? ctx.MultilineStringLiteral();
    if (str) return { kind: 'string', value: soqlString(str.getText()) };
    const date = ctx.DateLiteral();
    if (date) return { kind: 'date', text: date.getText() };
    const dt = ctx.DateTimeLiteral();
    if (dt) return { kind: 'datetime', text: dt.getText() };
    const time = ctx.TimeLiteral();
    if (time) return { kind: 'time', text: time.getText() };
    const formula = ctx.dateFormula();
    if (formula) return this.dateFormula(formula);
    const currency = ctx.IntegralCurrencyLiteral();
    if (currency) return { kind: 'currency', text: ctx.getText() };
    const int = ctx.IntegerLiteral();
    if (int) return { kind: 'number', text: ctx.getText() };
    const sub = ctx.subQuery();
    if (sub) return { kind: 'semijoin', query: this.query(sub, true) };
    const list = ctx.valueList();
    if (list) return { kind: 'list', values: list.value_list().map((v) => this.value(v)) };
    const bound = ctx.boundExpression();
    if (bound) return this.bind(bound.expression());
    return unsupported(`value '${ctx.getText()}'`, ctx);
  }

  dateFormula(ctx: DateFormulaContext): S.SoqlLiteral {
    const signed = ctx.signedInteger();
    const name = ctx.getChild(0).getText().toUpperCase().replace(/:$/, '');
    if (signed) return { kind: 'dateLiteral', name, n: Number(signed.getText()) };
    return { kind: 'dateLiteral', name };
  }
}

/** Lowers an inline query; `bind` receives each bound Apex expression and returns its index. */
export function lowerSoqlQuery(ctx: QueryContext, bind: (expr: ExpressionContext) => number): S.SoqlQuery {
  return new SoqlLowerer((e) => ({ kind: 'bind', index: bind(e) })).query(ctx, false);
}

/**
 * Parses a dynamic query string (Database.query / queryWithBinds / countQuery). Binds must name a variable
 * (Apex Developer Guide, "Dynamic SOQL": bind variable fields such as `:acct.Name` are not supported in dynamic
 * queries). A string that does not parse is a System.QueryException, as in an org.
 */
export function parseDynamicSoql(text: string): S.SoqlQuery {
  let ctx: QueryContext;
  try {
    ctx = parseQuerySource(text.trim());
  } catch (e) {
    if (e instanceof ApexSyntaxError) {
      const first = e.problems[0];
      throw new ApexPlatformError('System.QueryException', first ? first.message : 'malformed query');
    }
    throw e;
  }
  return new SoqlLowerer((e) => {
    const name = e.getText();
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      throw new ApexPlatformError(
        'System.QueryException',
        `Bind variable fields are not supported in dynamic SOQL: :${name}`,
      );
    }
    return { kind: 'bindName', name };
  }).query(ctx, false);
}
