import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { differingOutputs, staleLwcOutputs, type LwcProject } from '../lib/lwcOutputs';

/** A tiny force-app with one LWC module and a build config like force-app/tsconfig.build.json. */
function lwcProject(): LwcProject & { source: string } {
  const root = mkdtempSync(join(tmpdir(), 'actionplane-lwc-'));
  const sourceRoot = join(root, 'force-app');
  const dir = join(sourceRoot, 'main', 'app', 'lwc', 'greeting');
  mkdirSync(dir, { recursive: true });
  const source = join(dir, 'greeting.ts');
  writeFileSync(source, "export const greeting = (name: string): string => 'Hello ' + name;\n");
  const buildConfig = join(sourceRoot, 'tsconfig.build.json');
  writeFileSync(
    buildConfig,
    JSON.stringify({
      compilerOptions: { target: 'ESNext', module: 'ESNext', strict: true, noEmit: false, types: [] },
      include: ['main/**/lwc/**/*.ts'],
    }),
  );
  return { sourceRoot, buildConfig, source };
}

function build(project: LwcProject): void {
  const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', project.buildConfig]);
  expect(tsc.status).toBe(0);
}

describe('LWC outputs are current', () => {
  jest.setTimeout(60_000);

  it('reportsASourceWithoutItsJs', () => {
    const project = lwcProject();
    expect(staleLwcOutputs(project)).toEqual(['force-app/main/app/lwc/greeting/greeting.ts']);
  });

  it('acceptsTheJsTheBuildJustWrote', () => {
    const project = lwcProject();
    build(project);
    expect(staleLwcOutputs(project)).toEqual([]);
  });

  it('reportsAJsLeftFromAnOlderSourceWhateverItsTimestamp', () => {
    const project = lwcProject();
    build(project);
    const js = project.source.replace(/\.ts$/, '.js');
    const built = readFileSync(js, 'utf8');
    writeFileSync(project.source, "export const greeting = (name: string): string => 'Hi ' + name;\n");
    writeFileSync(js, built); // the old output, written after the source
    expect(staleLwcOutputs(project)).toEqual(['force-app/main/app/lwc/greeting/greeting.ts']);
  });

  it('failsWithTscsMessageWhenTheSourcesDoNotCompile', () => {
    const project = lwcProject();
    writeFileSync(project.source, 'export const broken: number = "text";\n');
    expect(() => staleLwcOutputs(project)).toThrow(/does not compile: .*TS2322/);
  });

  it('comparesBytesNotDates', () => {
    const dir = mkdtempSync(join(tmpdir(), 'actionplane-pairs-'));
    const same = [join(dir, 'a.js'), join(dir, 'a.fresh.js')];
    const other = [join(dir, 'b.js'), join(dir, 'b.fresh.js')];
    same.forEach((f) => writeFileSync(f, 'export {};\n'));
    writeFileSync(other[0] ?? '', 'export const x = 1;\n');
    writeFileSync(other[1] ?? '', 'export const x = 2;\n');
    expect(
      differingOutputs([
        { source: 'a.ts', deployed: same[0] ?? '', fresh: same[1] ?? '' },
        { source: 'b.ts', deployed: other[0] ?? '', fresh: other[1] ?? '' },
        { source: 'c.ts', deployed: join(dir, 'missing.js'), fresh: same[1] ?? '' },
      ]),
    ).toEqual(['b.ts', 'c.ts']);
  });
});
