// The emulator's syntax tree of a SOQL query (SOQL and SOSL Reference, "SOQL SELECT Syntax"), lowered from the
// apex-parser grammar's `query` rule — the same grammar for inline `[SELECT …]` and for dynamic query strings.
// Bind values are references: inline queries index the Apex expressions the interpreter compiled
// (`{ kind: 'bind', index }`); dynamic queries name a variable in scope or in the bind map (`bindName`).

/** A dotted path as written: `Account.Owner.Name` → ['Account', 'Owner', 'Name']. */
export type FieldPath = string[];

export type SoqlFunctionName =
  | 'COUNT'
  | 'COUNT_DISTINCT'
  | 'SUM'
  | 'AVG'
  | 'MIN'
  | 'MAX'
  | 'TOLABEL'
  | 'FORMAT'
  | 'CONVERTCURRENCY'
  | 'CALENDAR_MONTH'
  | 'CALENDAR_QUARTER'
  | 'CALENDAR_YEAR'
  | 'DAY_IN_MONTH'
  | 'DAY_IN_WEEK'
  | 'DAY_IN_YEAR'
  | 'DAY_ONLY'
  | 'FISCAL_MONTH'
  | 'FISCAL_QUARTER'
  | 'FISCAL_YEAR'
  | 'HOUR_IN_DAY'
  | 'WEEK_IN_MONTH'
  | 'WEEK_IN_YEAR'
  | 'GROUPING'
  | 'FIELDS'
  | 'DISTANCE';

export interface SoqlFunctionCall {
  kind: 'function';
  name: SoqlFunctionName;
  /** The field argument; absent for COUNT() and FIELDS(…). */
  field?: FieldPath;
  /** A nested function, e.g. FORMAT(MIN(Amount)). */
  inner?: SoqlFunctionCall;
  /** FIELDS(ALL | STANDARD | CUSTOM). */
  fieldsParameter?: 'ALL' | 'STANDARD' | 'CUSTOM';
  /** CONVERT_TIMEZONE(field) around a date function's argument. */
  convertTimezone?: boolean;
}

export type SelectItem =
  | { kind: 'field'; path: FieldPath; alias?: string }
  | { kind: 'aggregate'; call: SoqlFunctionCall; alias?: string }
  | { kind: 'subquery'; query: SoqlQuery; alias?: string }
  | {
      kind: 'typeof';
      path: FieldPath;
      whens: { objectType: string; fields: FieldPath[] }[];
      elseFields: FieldPath[];
    };

export type SoqlLiteral =
  | { kind: 'null' }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'string'; value: string }
  /** Numbers keep their text so Integer, Long and Decimal comparisons stay exact. */
  | { kind: 'number'; text: string }
  /** YYYY-MM-DD. */
  | { kind: 'date'; text: string }
  /** YYYY-MM-DDThh:mm:ss(.sss)(Z|±hh:mm). */
  | { kind: 'datetime'; text: string }
  | { kind: 'time'; text: string }
  /** TODAY, LAST_N_DAYS:30 … (`n` for the _N_ forms). */
  | { kind: 'dateLiteral'; name: string; n?: number }
  /** USD5000 (multi-currency orgs only). */
  | { kind: 'currency'; text: string };

export type SoqlOperand =
  | SoqlLiteral
  | { kind: 'bind'; index: number }
  | { kind: 'bindName'; name: string }
  | { kind: 'list'; values: SoqlOperand[] }
  | { kind: 'semijoin'; query: SoqlQuery };

export type ComparisonOperator =
  '=' | '!=' | '<>' | '<' | '<=' | '>' | '>=' | 'LIKE' | 'IN' | 'NOT IN' | 'INCLUDES' | 'EXCLUDES';

export type Condition =
  | { kind: 'and'; operands: Condition[] }
  | { kind: 'or'; operands: Condition[] }
  | { kind: 'not'; operand: Condition }
  | {
      kind: 'compare';
      /** The left side: a field path or a function of one (CALENDAR_YEAR(CreatedDate), COUNT(Id) in HAVING). */
      left: { kind: 'field'; path: FieldPath } | SoqlFunctionCall;
      op: ComparisonOperator;
      right: SoqlOperand;
    };

export interface OrderItem {
  target: { kind: 'field'; path: FieldPath } | SoqlFunctionCall;
  direction: 'ASC' | 'DESC';
  /** Explicit NULLS FIRST / LAST; absent means the default (ASC: first, DESC: last). */
  nulls?: 'FIRST' | 'LAST';
}

export interface SoqlQuery {
  select: SelectItem[];
  /** The object (or, in a sub-query, the child relationship name) and its alias. */
  from: { name: string; alias?: string };
  usingScope?: string;
  where?: Condition;
  /** WITH SECURITY_ENFORCED / USER_MODE / SYSTEM_MODE (other WITH filters are unsupported). */
  withMode?: 'SECURITY_ENFORCED' | 'USER_MODE' | 'SYSTEM_MODE';
  withOther?: string;
  groupBy?: { items: ({ kind: 'field'; path: FieldPath } | SoqlFunctionCall)[]; rollup?: 'ROLLUP' | 'CUBE' };
  having?: Condition;
  orderBy: OrderItem[];
  limit?: SoqlOperand;
  offset?: SoqlOperand;
  allRows: boolean;
  forUpdate: boolean;
  forView: boolean;
  forReference: boolean;
  updateTracking: boolean;
  updateViewstat: boolean;
  /** Source text, for messages. */
  text: string;
}
