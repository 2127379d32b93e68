// The deployable JavaScript of the LWC TypeScript sources. The platform deploys the .js beside each .ts (the .ts is
// .forceignore'd, the .js .gitignore'd), so a deploy is only as current as those .js files. `staleLwcOutputs`
// compiles the sources again into a temporary folder and compares byte for byte: a .js that is missing or differs
// from what its .ts compiles to now is stale, whatever its modification time says.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { listFiles } from './project-files';

const ROOT = join(__dirname, '..', '..');

/** Where the LWC sources and their build configuration live. */
export interface LwcProject {
  /** The folder the build config's paths are relative to (force-app). */
  sourceRoot: string;
  /** A tsconfig with noEmit false that emits each .js beside its .ts. */
  buildConfig: string;
}

export const FORCE_APP_LWC: LwcProject = {
  sourceRoot: join(ROOT, 'force-app'),
  buildConfig: join(ROOT, 'force-app', 'tsconfig.build.json'),
};

/** LWC TypeScript sources that must produce a deployable .js (not tests, mocks or declarations). */
export function lwcSources(sourceRoot: string = FORCE_APP_LWC.sourceRoot): string[] {
  return listFiles(sourceRoot, (name) => name.endsWith('.ts') && !name.endsWith('.d.ts')).filter(
    (file) => /[\\/]lwc[\\/]/.test(file) && !/[\\/]__mocks__[\\/]/.test(file),
  );
}

/** One source, the .js that would deploy, and the .js a fresh compile produced. */
export interface OutputPair {
  source: string;
  deployed: string;
  fresh: string;
}

/** The sources whose deployed .js is missing or differs from the fresh one. */
export function differingOutputs(pairs: OutputPair[]): string[] {
  return pairs
    .filter(({ deployed, fresh }) => {
      if (!existsSync(deployed)) return true;
      if (!existsSync(fresh)) throw new Error(`the fresh compile produced no ${fresh}`);
      return !readFileSync(deployed).equals(readFileSync(fresh));
    })
    .map((p) => p.source);
}

/**
 * LWC sources (relative to the source root's parent, e.g. `force-app/main/app/lwc/x/x.ts`) whose .js is not what
 * the .ts compiles to now. Throws with tsc's output when the sources do not compile.
 */
export function staleLwcOutputs(project: LwcProject = FORCE_APP_LWC): string[] {
  const sources = lwcSources(project.sourceRoot);
  if (sources.length === 0) return [];
  const out = mkdtempSync(join(tmpdir(), 'actionplane-lwc-check-'));
  try {
    const tsc = spawnSync(
      process.execPath,
      [
        require.resolve('typescript/bin/tsc'),
        '-p',
        project.buildConfig,
        '--outDir',
        out,
        '--rootDir',
        project.sourceRoot,
        '--pretty',
        'false',
      ],
      { encoding: 'utf8' },
    );
    if (tsc.status !== 0) {
      throw new Error(`the LWC TypeScript does not compile: ${(tsc.stdout + tsc.stderr).trim().slice(0, 2000)}`);
    }
    const pairs = sources.map((source) => {
      const js = source.replace(/\.ts$/, '.js');
      return { source, deployed: js, fresh: join(out, relative(project.sourceRoot, js)) };
    });
    const base = join(project.sourceRoot, '..');
    return differingOutputs(pairs).map((source) => relative(base, source));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
