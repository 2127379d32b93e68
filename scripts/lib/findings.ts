// A finding is one problem a checker reports, located precisely enough for a person to open the file at the line.
import { relative } from 'node:path';

/** One problem reported by a checker layer. */
export interface Finding {
  /** The checker layer that reported it, e.g. `syntax`, `semantics`, `rules`, `soql`, `format`. */
  layer: string;
  /** Absolute path of the file. */
  file: string;
  /** 1-based line; 0 when the tool gives no line (the message then says why). */
  line: number;
  /** 1-based column when known. */
  column?: number;
  /** Rule or category name, when the tool has one. */
  rule?: string;
  message: string;
}

/** The outcome of one layer: its findings, how long it took, and what it looked at. */
export interface LayerResult {
  layer: string;
  title: string;
  findings: Finding[];
  millis: number;
  /** A short description of what was checked, e.g. `12 files`. */
  checked: string;
  /** What the layer wants a reader to know that is not a finding (it does not fail the check). */
  notes?: string[];
}

/** Formats a finding as `path:line:column [layer/rule] message`, with the path relative to `base`. */
export function formatFinding(finding: Finding, base: string): string {
  const where = `${relative(base, finding.file) || finding.file}:${finding.line}${finding.column ? `:${finding.column}` : ''}`;
  const what = finding.rule ? `${finding.layer}/${finding.rule}` : finding.layer;
  return `${where} [${what}] ${finding.message}`;
}

/** Shortens ANTLR's "expecting {'a', 'b', ...}" lists, which can run to hundreds of tokens. */
export function shortenParserMessage(message: string): string {
  return message.replace(/expecting \{[^}]{80,}\}/g, 'expecting a statement or expression').slice(0, 300);
}

/** Measures an async step. */
export async function timed<T>(run: () => Promise<T>): Promise<{ value: T; millis: number }> {
  const start = performance.now();
  const value = await run();
  return { value, millis: Math.round(performance.now() - start) };
}
