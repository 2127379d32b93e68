// Proves every lint:apex layer bites: each deliberately broken fixture under test/fixtures/bad-apex is reported by
// the layer meant to catch it, at the right file and line, and the clean fixture passes every layer.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { checkAccessModes } from '../../scripts/lib/access-modes';
import { checkApexSemantics } from '../../scripts/lib/apex-semantics';
import { parseApexFiles } from '../../scripts/lib/apex-trees';
import { checkApexRules } from '../../scripts/lib/code-analyzer';
import type { Finding, LayerResult } from '../../scripts/lib/findings';
import { listApexFiles } from '../../scripts/lib/project-files';
import { checkSoqlFields } from '../../scripts/lib/soql-fields';
import { checkSuppressions } from '../../scripts/lib/suppressions';
import { checkUnqueriedFields } from '../../scripts/lib/unqueried-fields';

const ROOT = join(__dirname, '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'bad-apex');
const fixture = (name: string): string => join(FIXTURES, name);
const CASES = [
  'badly-formatted',
  'clean',
  'debug-statement',
  'dml-without-access-mode',
  'missing-sharing',
  'soql-in-loop',
  'syntax-error',
  'type-error',
  'unjustified-suppression',
  'unknown-custom-field',
  'unknown-soql-field',
  'unqueried-field',
];

/** `<ClassFile>:<line> <rule>` for each finding, so a failing assertion shows what was found instead. */
const located = (findings: Finding[]): string[] =>
  findings.map((f) => `${f.file.split('/').pop()}:${f.line} ${f.rule ?? f.layer}`).sort();

jest.setTimeout(240_000);

const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const CHECK_APEX = join(ROOT, 'scripts', 'check-apex.ts');

/**
 * Runs one layer through the CLI. The syntax and format layers load their parsers with dynamic import(), which Jest's
 * CommonJS sandbox refuses, so those two are exercised the way npm runs them.
 */
const cliRuns = new Map<string, LayerResult[]>();
function runLayer(dir: string, layer: 'syntax' | 'format'): Finding[] {
  let layers = cliRuns.get(dir);
  if (!layers) {
    // One spawn per fixture serves both layers: each spawn pays tsx start-up and the parser's warm-up.
    const args = [CHECK_APEX, '--dir', dir, '--layer', 'syntax', '--layer', 'format', '--json'];
    const result = spawnSync(TSX, args, { encoding: 'utf8' });
    if (result.status !== 0 && result.status !== 1) throw new Error(`check-apex failed: ${result.stderr}`);
    layers = (JSON.parse(result.stdout) as { layers: LayerResult[] }).layers;
    cliRuns.set(dir, layers);
  }
  return layers.filter((l) => l.layer === layer).flatMap((l) => l.findings);
}

describe('syntax layer (apex-parser)', () => {
  it('reportsTheLineOfASyntaxError', () => {
    expect(located(runLayer(fixture('syntax-error'), 'syntax'))).toEqual(['BrokenSyntax.cls:9 syntax']);
  });

  it('passesTheCleanFixture', () => {
    expect(runLayer(fixture('clean'), 'syntax')).toEqual([]);
  });
});

describe('semantics layer (apex-ls)', () => {
  it('reportsAnUnknownFieldOnACustomObject', () => {
    const findings = checkApexSemantics(fixture('unknown-custom-field'));
    expect(located(findings)).toEqual(['WidgetPainter.cls:10 Missing']);
    expect(findings[0]?.message).toContain("Unknown field 'Colour__c'");
  });

  it('reportsATypeError', () => {
    const findings = checkApexSemantics(fixture('type-error'));
    expect(located(findings)).toEqual(['WidgetCounter.cls:10 Error']);
    expect(findings[0]?.message).toContain('Incompatible types');
  });

  it('reportsASyntaxError', () => {
    expect(located(checkApexSemantics(fixture('syntax-error')))).toEqual(['BrokenSyntax.cls:9 Syntax']);
  });

  it('passesTheCleanFixture', () => {
    expect(checkApexSemantics(fixture('clean'))).toEqual([]);
  });

  it('missesUnknownFieldsInsideSoqlWhichIsWhyTheSoqlLayerExists', () => {
    expect(checkApexSemantics(fixture('unknown-soql-field'))).toEqual([]);
  });
});

describe('rules layer (Code Analyzer) over every fixture in one run', () => {
  let byFixture: Map<string, string[]>;

  beforeAll(async () => {
    const files = CASES.flatMap((name) => listApexFiles(fixture(name)));
    const { findings } = await checkApexRules(files);
    const all = [...findings, ...checkSuppressions(files)];
    byFixture = new Map(
      CASES.map((name) => [name, located(all.filter((f) => f.file.startsWith(fixture(name) + '/')))]),
    );
  });

  it('reportsSoqlInALoop', () => {
    expect(byFixture.get('soql-in-loop')).toEqual(['WidgetLoader.cls:13 OperationWithLimitsInLoop']);
  });

  it('reportsDmlWithoutAccessMode', () => {
    expect(byFixture.get('dml-without-access-mode')).toEqual(['OpportunityCloser.cls:13 ApexCRUDViolation']);
  });

  it('reportsAClassWithoutSharing', () => {
    expect(byFixture.get('missing-sharing')).toEqual(['OpportunityCounter.cls:4 ApexSharingViolations']);
  });

  it('reportsADebugStatement', () => {
    expect(byFixture.get('debug-statement')).toEqual(['OpportunityLogger.cls:10 AvoidDebugStatements']);
  });

  it('reportsSuppressionsThatGiveNoReason', () => {
    expect(byFixture.get('unjustified-suppression')).toEqual([
      'QuietLogger.cls:19 UnjustifiedSuppression',
      'QuietLogger.cls:9 UnjustifiedSuppression',
    ]);
  });

  it('reportsAFileItCannotParseInsteadOfSkippingIt', () => {
    expect(byFixture.get('syntax-error')).toEqual(['BrokenSyntax.cls:9 pmd-processing-error']);
  });

  it('passesTheCleanFixtureWithItsJustifiedSuppression', () => {
    expect(byFixture.get('clean')).toEqual([]);
  });
});

describe('SOQL names layer', () => {
  it('reportsUnknownCustomStandardAndRelatedFieldsInSoql', () => {
    const dir = fixture('unknown-soql-field');
    const { findings } = checkSoqlFields(dir, listApexFiles(dir));
    expect(findings.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      "10:24 'Widget__c' has no field 'Nope__c' (in Nope__c)",
      "18:52 'Opportunity' has no field 'Amountx' (in Amountx)",
      "26:24 'Account' has no field 'Nope' (in Opportunity__r.Account.Nope)",
    ]);
  });

  it('acceptsCustomAndStandardFieldsRelationshipsAndChildSubqueries', () => {
    const dir = fixture('clean');
    const result = checkSoqlFields(dir, listApexFiles(dir));
    expect(result.findings).toEqual([]);
    expect(result.queries).toBe(3);
  });
});

describe('SOQL layer: fields read but not queried', () => {
  const dir = fixture('unqueried-field');

  it('reportsEveryReadOfAFieldTheRowsSelectDidNotList', () => {
    const { findings } = checkUnqueriedFields(dir, listApexFiles(dir));
    expect(located(findings)).toEqual([
      'WidgetNotifier.cls:56 UnqueriedField', // object field → values() → list → Map<String, List<>> → [0]
      'WidgetReport.cls:15 UnqueriedField', // a selector's rows in a for loop
      'WidgetReport.cls:27 UnqueriedField', // inline SOQL into a local
      'WidgetReport.cls:40 UnqueriedField', // parent path, through Map<Id, X>(query).values()
      'WidgetReport.cls:42 UnqueriedField', // a field of a child sub-query's rows
      'WidgetReport.cls:56 UnqueriedField', // a child relationship without a sub-query
      'WidgetReport.cls:72 UnqueriedField', // dynamic SOQL with a constant field list, read in a helper
    ]);
  });

  it('namesTheFieldPathAndTheQueryThatLacksIt', () => {
    const messages = checkUnqueriedFields(dir, listApexFiles(dir)).findings.map(
      (f) => `${f.line}:${f.column} ${f.message}`,
    );
    expect(messages).toContain(
      "40:103 'Opportunity__r.Amount' is read on Opportunity__r (Opportunity) rows, but it is not selected in the " +
        'SELECT at force-app/main/default/classes/WidgetSelector.cls:24 (SObjectException at run time)',
    );
    expect(messages).toContain(
      "56:23 'Parts__r' is read on Widget__c rows, but no sub-query FROM Parts__r is in the SELECT at " +
        'force-app/main/default/classes/WidgetSelector.cls:13 (SObjectException at run time)',
    );
  });

  it('leavesTheNamesCheckQuietThereSoOnlyTheNewRuleFires', () => {
    expect(checkSoqlFields(dir, listApexFiles(dir)).findings).toEqual([]);
  });

  it('passesTheCleanFixture', () => {
    const clean = fixture('clean');
    const result = checkUnqueriedFields(clean, listApexFiles(clean));
    expect(result.findings).toEqual([]);
    expect(result.queries).toBe(2);
  });
});

describe('SOQL layer: access modes', () => {
  it('reportsEveryQueryAndDmlThatLeavesItsAccessModeToTheApiVersion', () => {
    const dir = fixture('implicit-access-mode');
    const { findings, statements } = checkAccessModes(parseApexFiles(listApexFiles(dir)));
    expect(located(findings)).toEqual([
      'AccountRenamer.cls:13 ImplicitAccessMode', // inline SOQL without WITH
      'AccountRenamer.cls:17 ImplicitAccessMode', // Database.query without AccessLevel
      'AccountRenamer.cls:22 ImplicitAccessMode', // update without as user / as system
      'AccountRenamer.cls:24 ImplicitAccessMode', // Database.update without AccessLevel
    ]);
    expect(statements).toBe(12);
  });

  it('passesTheCleanFixture', () => {
    const clean = fixture('clean');
    expect(checkAccessModes(parseApexFiles(listApexFiles(clean))).findings).toEqual([]);
  });
});

describe('format layer (prettier-plugin-apex)', () => {
  it('reportsUnformattedApex', () => {
    expect(located(runLayer(fixture('badly-formatted'), 'format'))).toEqual(['UntidyWidget.cls:11 prettier']);
  });

  it('reportsApexItCannotParse', () => {
    expect(located(runLayer(fixture('syntax-error'), 'format'))).toEqual(['BrokenSyntax.cls:0 prettier-parse']);
  });

  it('passesTheCleanFixture', () => {
    expect(runLayer(fixture('clean'), 'format')).toEqual([]);
  });
});

describe('structure layer (check-structure as a layer of lint:apex)', () => {
  const STRUCTURE = join(ROOT, 'scripts', '__tests__', 'fixtures', 'structure');
  // Through the CLI, as npm runs it: check-apex.ts loads the format layer's parser with import() (see runLayer).
  const structureLayer = (dir: string): { status: number | null; layer: LayerResult | undefined; stdout: string } => {
    const args = [CHECK_APEX, '--dir', dir, '--layer', 'structure', '--json'];
    const result = spawnSync(TSX, args, { encoding: 'utf8' });
    const layers = (JSON.parse(result.stdout) as { layers: LayerResult[] }).layers;
    return { status: result.status, layer: layers.find((l) => l.layer === 'structure'), stdout: result.stdout };
  };

  it('reportsSizeCyclesSuppressionsAndClassesWithoutATestClass', () => {
    const { status, layer } = structureLayer(STRUCTURE);
    expect(status).toBe(1);
    expect(located(layer?.findings ?? [])).toEqual([
      'AlphaService.cls:2 MissingTestClass',
      'AlphaService.cls:4 FolderCycle',
      'BetaService.cls:2 MissingTestClass',
      'BetaService.cls:8 FolderCycle',
      'GammaGetter.cls:2 MissingTestClass',
      'GammaLongClass.cls:2 ClassTooLong',
      'GammaLongMethod.cls:3 MethodTooLong',
      'GammaSuppressions.cls:13 UnjustifiedSizeSuppression',
      'GammaSuppressions.cls:2 MissingTestClass',
      'GammaSuppressions.cls:3 UnjustifiedSizeSuppression',
    ]);
    expect(layer?.notes).toBeUndefined();
  });

  it('passesTheCleanFixture', () => {
    const { status, layer } = structureLayer(fixture('clean'));
    expect(layer?.findings).toEqual([]);
    expect(status).toBe(0);
  });
});

describe('npm run lint:apex', () => {
  const run = (dir: string) => spawnSync(TSX, [CHECK_APEX, '--dir', dir], { encoding: 'utf8' });

  it('failsWithFileAndLineForABrokenProject', () => {
    const result = run(fixture('debug-statement'));
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      'force-app/main/default/classes/OpportunityLogger.cls:10:5 [rules/AvoidDebugStatements]',
    );
  });

  // Every layer's clean-fixture test above already runs that layer in full; here only the exit-0 path is at stake.
  it('exitsZeroForACleanProject', () => {
    const result = spawnSync(TSX, [CHECK_APEX, '--dir', fixture('clean'), '--layer', 'syntax'], { encoding: 'utf8' });
    expect(result.stdout).toContain('lint:apex: clean');
    expect(result.status).toBe(0);
  });
});
