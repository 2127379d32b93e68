// Layer (c): Salesforce Code Analyzer (core + PMD engine + regex engine) through its Node API, at zero tolerance.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CodeAnalyzer,
  CodeAnalyzerConfig,
  EventType,
  LogLevel,
  type EngineLogEvent,
} from '@salesforce/code-analyzer-core';
import * as pmdEngine from '@salesforce/code-analyzer-pmd-engine';
import * as regexEngine from '@salesforce/code-analyzer-regex-engine';
import { shortenParserMessage, type Finding } from './findings';

/**
 * The rules we hold Apex to: every PMD rule tagged Recommended for Apex (CRUD/FLS, sharing, SOQL injection,
 * operations in loops, debug statements, unused variables, ApexDoc, naming, complexity…), PMD's AppExchange
 * security rules, and the regex engine's Recommended rules (trailing whitespace, old API versions…).
 */
export const RULE_SELECTORS = ['pmd:Recommended:Apex', 'pmd:AppExchange:Apex', 'regex:Recommended'];

/**
 * Violations of RULE_SELECTORS in the Apex `files` (absolute paths). A file PMD cannot parse surfaces only
 * as an engine log event ("processing error"); those are findings too, so a syntax error never passes silently.
 */
export async function checkApexRules(files: string[]): Promise<{ findings: Finding[]; ruleCount: number }> {
  if (files.length === 0) return { findings: [], ruleCount: 0 };
  const logFolder = mkdtempSync(join(tmpdir(), 'actionplane-code-analyzer-'));
  try {
    const analyzer = new CodeAnalyzer(
      CodeAnalyzerConfig.fromObject({ log_folder: logFolder, log_level: 2 }, logFolder),
    );
    const engineErrors: Finding[] = [];
    analyzer.onEvent(EventType.EngineLogEvent, (event: EngineLogEvent) => {
      if (event.logLevel <= LogLevel.Warn && /error/i.test(event.message)) {
        engineErrors.push(engineErrorFinding(event, files));
      }
    });
    await analyzer.addEnginePlugin(pmdEngine.createEnginePlugin());
    await analyzer.addEnginePlugin(regexEngine.createEnginePlugin());
    const workspace = await analyzer.createWorkspace(files);
    const selection = await analyzer.selectRules(RULE_SELECTORS, { workspace });
    const results = await analyzer.run(selection, { workspace });
    const violations: Finding[] = results.getViolations().map((violation) => {
      const location = violation.getPrimaryLocation();
      return {
        layer: 'rules',
        file: location.getFile() ?? '',
        line: location.getStartLine() ?? 0,
        column: location.getStartColumn(),
        rule: violation.getRule().getName(),
        message: violation.getMessage().trim(),
      };
    });
    return { findings: [...violations, ...engineErrors], ruleCount: selection.getCount() };
  } finally {
    rmSync(logFolder, { recursive: true, force: true });
  }
}

/** Turns an engine's error log line into a finding on the file it names (PMD names the file; the line is in it). */
function engineErrorFinding(event: EngineLogEvent, files: string[]): Finding {
  const file = files.find((f) => event.message.includes(f)) ?? '';
  // PMD says e.g. "Syntax error at 9:20"; older messages say "line 9".
  const lineMatch = /(?:error at |line )(\d+)/i.exec(event.message);
  return {
    layer: 'rules',
    file,
    line: lineMatch ? Number(lineMatch[1]) : 0,
    rule: `${event.engineName}-processing-error`,
    message: shortenParserMessage(event.message.replace(/\s+/g, ' ')),
  };
}
