// npm run build:lwc — compiles every LWC TypeScript source to the .js the platform deploys, next to its source.
// The platform does not compile .ts for subscriber packages: the .ts files are .forceignore'd, the .js gitignored.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { lwcSources } from './lib/lwcOutputs';

const ROOT = join(__dirname, '..');
const FORCE_APP = join(ROOT, 'force-app');
const BUILD_CONFIG = join(FORCE_APP, 'tsconfig.build.json');

const HELP = `Usage: tsx scripts/build-lwc.ts

Compiles every force-app/**/lwc/**/*.ts (not __tests__, not .d.ts) to a .js beside it with
tsc -p force-app/tsconfig.build.json (which extends force-app/tsconfig.json), then checks that every source got
its .js. Exits 1 on a compile error or a missing output.`;

function main(): number {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    console.log(HELP);
    return 0;
  }
  if (process.argv.length > 2) {
    console.error(`build-lwc: unexpected arguments ${process.argv.slice(2).join(' ')} (see --help)`);
    return 2;
  }
  const sources = lwcSources(FORCE_APP);
  if (sources.length === 0) {
    console.log('build:lwc: no LWC TypeScript sources under force-app; nothing to compile');
    return 0;
  }
  if (!existsSync(BUILD_CONFIG)) {
    console.error(
      `build:lwc: ${relative(ROOT, BUILD_CONFIG)} is missing; it must extend force-app/tsconfig.json with noEmit false`,
    );
    return 1;
  }
  const start = performance.now();
  const tsc = spawnSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-p', BUILD_CONFIG, '--pretty', 'false'],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  if (tsc.stdout) process.stdout.write(tsc.stdout);
  if (tsc.stderr) process.stderr.write(tsc.stderr);
  if (tsc.status !== 0) {
    console.error(`build:lwc: tsc failed (exit ${tsc.status}); nothing is deployable until the errors above are fixed`);
    return 1;
  }
  const missing = sources.filter((source) => {
    const output = source.replace(/\.ts$/, '.js');
    return !existsSync(output) || statSync(output).mtimeMs + 1000 < statSync(source).mtimeMs;
  });
  for (const source of missing) console.error(`${relative(ROOT, source)}: no up-to-date .js beside it after tsc`);
  const seconds = ((performance.now() - start) / 1000).toFixed(1);
  console.log(
    `build:lwc: compiled ${sources.length - missing.length}/${sources.length} LWC TypeScript files in ${seconds} s`,
  );
  return missing.length > 0 ? 1 : 0;
}

if (require.main === module) process.exit(main());
