// Proves each structure rule bites on the fixture under scripts/__tests__/fixtures/structure, stops at its limit,
// and leaves test classes, shadowing variables and explained suppressions alone.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseApexFiles } from '../lib/apex-trees';
import type { Finding } from '../lib/findings';
import { listApexFiles } from '../lib/project-files';
import { checkStructure, folderOf } from '../lib/structure';

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
    // GammaLimitClass; GammaMathTest is left out.
    expect(result.classes).toBe(8);
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
    expect((JSON.parse(run.stdout) as { findings: Finding[] }).findings).toHaveLength(6);
    expect(spawnSync(tsx, [script, '--bogus'], { encoding: 'utf8' }).status).toBe(2);
  });
});
