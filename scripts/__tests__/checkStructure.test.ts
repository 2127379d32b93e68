// Proves each structure rule bites on the fixture under scripts/__tests__/fixtures/structure, stops at its limit,
// and leaves test classes, shadowing variables and explained suppressions alone.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseApexFiles } from '../lib/apex-trees';
import type { Finding } from '../lib/findings';
import { listApexFiles } from '../lib/project-files';
import { checkStructure, documentedFolderGraph, folderOf, hasLogic } from '../lib/structure';

const ROOT = join(__dirname, '..', '..');
const FIXTURE = join(__dirname, 'fixtures', 'structure');

jest.setTimeout(60_000);

const result = checkStructure(FIXTURE, parseApexFiles(listApexFiles(FIXTURE)));
const located = (findings: Finding[], rule: string): string[] =>
  findings
    .filter((f) => f.rule === rule)
    .map((f) => `${f.file.split('/').pop()}:${f.line}`)
    .sort();

describe('check-structure', () => {
  it('reports a class file over 600 lines and not one of exactly 600', () => {
    expect(located(result.findings, 'ClassTooLong')).toEqual(['GammaLongClass.cls:2']);
    expect(result.findings.find((f) => f.rule === 'ClassTooLong')?.message).toBe(
      'GammaLongClass is 601 lines (at most 600)',
    );
  });

  it('reports a method over 60 lines and not one of exactly 60', () => {
    expect(located(result.findings, 'MethodTooLong')).toEqual(['GammaLongMethod.cls:3']);
    expect(result.findings.find((f) => f.rule === 'MethodTooLong')?.message).toBe(
      'GammaLongMethod.sixtyOneLines is 61 lines (at most 60)',
    );
  });

  it('reports both edges of a folder cycle, where each first references the other folder', () => {
    expect(located(result.findings, 'FolderCycle')).toEqual(['AlphaService.cls:4', 'BetaService.cls:8']);
    const messages = result.findings.filter((f) => f.rule === 'FolderCycle').map((f) => f.message);
    expect(messages).toEqual([
      'folders { force-app/main/alpha, force-app/main/beta } reference each other in a circle; edge force-app/main/alpha → force-app/main/beta: AlphaService → BetaService',
      'folders { force-app/main/alpha, force-app/main/beta } reference each other in a circle; edge force-app/main/beta → force-app/main/alpha: BetaService → AlphaService',
    ]);
  });

  it('draws the folder graph from production classes only: a test and a shadowing variable are no edges', () => {
    expect(Object.fromEntries(result.folderGraph)).toEqual({
      'force-app/main/alpha': ['force-app/main/beta', 'force-app/main/gamma'],
      'force-app/main/beta': ['force-app/main/alpha'],
      'force-app/main/gamma': [],
      'test-app/main/delta': [],
    });
  });

  it('reports size suppressions without a reason of three words, not explained ones or other rules', () => {
    expect(located(result.findings, 'UnjustifiedSizeSuppression')).toEqual([
      'GammaSuppressions.cls:13',
      'GammaSuppressions.cls:3',
    ]);
  });

  it('counts production classes and triggers, not tests', () => {
    // AlphaService, BetaService, BetaTrigger, GammaMath, GammaSuppressions, GammaLongMethod, GammaLongClass,
    // GammaLimitClass, GammaRecord, GammaError, GammaShape, GammaGetter, DeltaSupport; GammaMathTest is left out.
    expect(result.classes).toBe(13);
  });

  it('reports packaged classes with logic and no <Name>Test class as findings', () => {
    expect(result.testsRequired).toBe(true);
    expect(located(result.untested, 'MissingTestClass')).toEqual([
      'AlphaService.cls:2',
      'BetaService.cls:2',
      'GammaGetter.cls:2',
      'GammaSuppressions.cls:2',
    ]);
    expect(located(result.findings, 'MissingTestClass')).toEqual(located(result.untested, 'MissingTestClass'));
    expect(result.untested.find((f) => f.file.endsWith('GammaGetter.cls'))?.message).toBe(
      'GammaGetter has logic (a conditional expression at line 6) but no test class GammaGetterTest',
    );
    // GammaMath has GammaMathTest; DeltaSupport is in test-app, the unpackaged directory.
    expect(result.withLogic).toBe(5);
    expect(result.findings).toHaveLength(10);
  });

  it('only lists classes without a test class when tests are not required', () => {
    const listed = checkStructure(FIXTURE, parseApexFiles(listApexFiles(FIXTURE)), { requireTests: false });
    expect(listed.testsRequired).toBe(false);
    expect(located(listed.untested, 'MissingTestClass')).toEqual(located(result.untested, 'MissingTestClass'));
    expect(located(listed.findings, 'MissingTestClass')).toEqual([]);
    expect(listed.findings).toHaveLength(6);
  });

  it('finds no logic in data holders, constructor chaining, exceptions and interfaces, and finds it in accessors', () => {
    const logicOf = (name: string) => {
      const tree = parseApexFiles(listApexFiles(FIXTURE)).find((t) => t.file.endsWith(`/${name}.cls`));
      if (!tree) throw new Error(`no fixture ${name}`);
      return hasLogic(tree.tree);
    };
    expect(logicOf('GammaRecord')).toBeUndefined();
    expect(logicOf('GammaError')).toBeUndefined();
    expect(logicOf('GammaShape')).toBeUndefined();
    expect(logicOf('GammaLongMethod')).toBeUndefined(); // only += assignments and a return
    expect(logicOf('GammaMath')).toEqual({ line: 5, what: 'a for loop' });
    expect(logicOf('GammaGetter')).toEqual({ line: 6, what: 'a conditional expression' });
  });

  it("reports a docs/architecture.md folder graph that is not the code's, naming both differences", () => {
    const dir = join(__dirname, 'fixtures', 'structure-map');
    const drift = checkStructure(dir, parseApexFiles(listApexFiles(dir)));
    expect(drift.findings.map((f) => `${f.file.split('/').slice(-2).join('/')}:${f.line} ${f.rule ?? ''}`)).toEqual([
      'docs/architecture.md:7 ArchitectureMapDrift',
    ]);
    expect(drift.findings[0]?.message).toBe(
      "the folder graph of docs/architecture.md is not the code's: the code has alpha → beta; the code no longer " +
        'has beta → alpha (draw it with check-structure --graph)',
    );
    // A project without the doc (the main fixture) has nothing to compare.
    expect(result.findings.filter((f) => f.rule === 'ArchitectureMapDrift')).toEqual([]);
  });

  it("reads the repository's own drawing: one line per package folder with Apex, core using nothing", () => {
    const drawn = documentedFolderGraph(ROOT);
    expect(drawn?.graph.get('core')).toEqual([]);
    expect([...(drawn?.graph.keys() ?? [])].sort()).toEqual(
      ['approval', 'audit', 'core', 'execution', 'governance', 'intake', 'plan', 'policy'].sort(),
    );
  });

  it('names a folder by the directory above classes/ or triggers/', () => {
    expect(folderOf('/p', '/p/force-app/main/intake/classes/IntakeService.cls')).toBe('force-app/main/intake');
    expect(folderOf('/p', '/p/force-app/main/intake/triggers/AgentRunTrigger.trigger')).toBe('force-app/main/intake');
  });

  it('exits 1 with the findings as JSON from the command line, 2 on a bad argument', () => {
    const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
    const script = join(ROOT, 'scripts', 'check-structure.ts');
    const run = spawnSync(tsx, [script, '--dir', FIXTURE, '--json'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    const parsed = JSON.parse(run.stdout) as { findings: Finding[]; untested: Finding[] };
    expect(parsed.findings).toHaveLength(10);
    expect(parsed.untested).toHaveLength(4);
    const listed = spawnSync(tsx, [script, '--dir', FIXTURE, '--list-untested', '--json'], { encoding: 'utf8' });
    expect(listed.status).toBe(1);
    expect((JSON.parse(listed.stdout) as { findings: Finding[] }).findings).toHaveLength(6);
    expect(spawnSync(tsx, [script, '--bogus'], { encoding: 'utf8' }).status).toBe(2);
  });
});
