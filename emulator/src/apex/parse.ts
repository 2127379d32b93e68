// Parsing Apex source with @apexdevtools/apex-parser (the ANTLR grammar that aims to match the platform compiler),
// collecting every syntax error with its line and column instead of stopping at the first.
import {
  ApexErrorListener,
  ApexParserFactory,
  type ApexParser,
  type AnonymousUnitContext,
  type CompilationUnitContext,
  type QueryContext,
  type TriggerUnitContext,
} from '@apexdevtools/apex-parser';

export interface SyntaxProblem {
  line: number;
  column: number;
  message: string;
}

/** The source does not parse; `file` names it for the message. */
export class ApexSyntaxError extends Error {
  readonly problems: SyntaxProblem[];
  readonly file: string;

  constructor(file: string, problems: SyntaxProblem[]) {
    const first = problems[0];
    super(
      `${file}: ${problems.length} syntax error${problems.length === 1 ? '' : 's'}` +
        (first ? `, first at line ${first.line}, column ${first.column}: ${first.message}` : ''),
    );
    this.name = 'ApexSyntaxError';
    this.problems = problems;
    this.file = file;
  }
}

class CollectingListener extends ApexErrorListener {
  readonly problems: SyntaxProblem[] = [];

  apexSyntaxError(line: number, column: number, message: string): void {
    this.problems.push({ line, column: column + 1, message });
  }
}

function parseWith<T>(source: string, file: string, rule: (parser: ApexParser) => T): T {
  const listener = new CollectingListener();
  const { parser } = ApexParserFactory.createLexerAndParser(source, listener);
  const tree = rule(parser);
  if (listener.problems.length > 0) throw new ApexSyntaxError(file, listener.problems);
  return tree;
}

export function parseClassSource(source: string, file: string): CompilationUnitContext {
  return parseWith(source, file, (p) => p.compilationUnit());
}

export function parseTriggerSource(source: string, file: string): TriggerUnitContext {
  return parseWith(source, file, (p) => p.triggerUnit());
}

export function parseAnonymousSource(source: string, file: string): AnonymousUnitContext {
  return parseWith(source, file, (p) => p.anonymousUnit());
}

/** A dynamic SOQL string (`Database.query`), parsed with the same grammar as inline SOQL. */
export function parseQuerySource(source: string): QueryContext {
  return parseWith(source, 'dynamic SOQL', (p) => p.query());
}
