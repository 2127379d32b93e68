// npx tsx scripts/check-structure.ts — the structure rules of issue 16 (class and method size, folder cycles,
// unexplained size suppressions, classes with logic but no test class, the architecture doc's folder graph) over the
// production Apex of an sfdx project.
// See scripts/lib/structure.ts. It is also the structure layer of check-apex.ts (npm run lint:apex).
import { resolve } from 'node:path';
import { parseApexFiles } from './lib/apex-trees';
import { formatFinding } from './lib/findings';
import { listApexFiles } from './lib/project-files';
import {
  checkStructure,
  MAX_CLASS_LINES,
  MAX_METHOD_LINES,
  REQUIRE_TEST_CLASSES,
  type StructureResult,
} from './lib/structure';

const HELP = `Usage: tsx scripts/check-structure.ts [--dir <sfdx-project>] [--graph] [--list-untested] [--json]

Checks the production Apex (classes without @IsTest, and triggers) of the project's package directories:
  ClassTooLong                a class file over ${MAX_CLASS_LINES} lines
  MethodTooLong               a method or constructor over ${MAX_METHOD_LINES} lines
  FolderCycle                 folders (the directory holding classes/ or triggers/, e.g. force-app/main/intake)
                              whose classes reference each other in a circle
  UnjustifiedSizeSuppression  @SuppressWarnings of a PMD size or complexity rule without a "// reason" of three or
                              more words on the line where the annotation ends
  MissingTestClass            a packaged class with logic (an if, loop, try, throw, DML, a method call, a query,
                              ?:, ??, && or || in a body; see hasLogic) and no @IsTest class <Name>Test in the
                              project. ${REQUIRE_TEST_CLASSES ? 'A finding (--list-untested only lists them).' : 'Listed, not yet a finding.'}
  ArchitectureMapDrift        docs/architecture.md's "Which folder may depend on which" graph is not the code's
Prints file:line for every finding; exits 1 on any finding, 2 on bad usage.
  --dir <path>   the sfdx project to check (default: the repo root)
  --graph        also print which folders reference which (production classes only)
  --list-untested  MissingTestClass is listed with a count, not a finding (to measure a project mid-way)
  --json         print findings and the folder graph as JSON
  --help         this text`;

interface Options {
  dir: string;
  graph: boolean;
  json: boolean;
  listUntested: boolean;
}

function parseArgs(argv: string[]): Options | 'help' {
  const options: Options = { dir: resolve(__dirname, '..'), graph: false, json: false, listUntested: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--json') options.json = true;
    else if (arg === '--graph') options.graph = true;
    else if (arg === '--list-untested') options.listUntested = true;
    else if (arg === '--dir') {
      const value = argv[i + 1];
      if (!value) throw new Error('--dir needs a path');
      options.dir = resolve(value);
      i += 1;
    } else throw new Error(`unknown argument '${arg}' (see --help)`);
  }
  return options;
}

function main(): number {
  let options: Options | 'help';
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`check-structure: ${(error as Error).message}`);
    return 2;
  }
  if (options === 'help') {
    console.log(HELP);
    return 0;
  }
  const result = checkStructure(options.dir, parseApexFiles(listApexFiles(options.dir)), {
    requireTests: REQUIRE_TEST_CLASSES && !options.listUntested,
  });
  if (options.json) {
    const folderGraph = Object.fromEntries(result.folderGraph);
    const { findings, untested, testsRequired } = result;
    console.log(JSON.stringify({ dir: options.dir, findings, untested, testsRequired, folderGraph }, null, 2));
    return result.findings.length > 0 ? 1 : 0;
  }
  for (const finding of result.findings) console.log(formatFinding(finding, options.dir));
  if (!result.testsRequired && result.untested.length > 0) {
    console.log('');
    for (const finding of result.untested) console.log(formatFinding(finding, options.dir));
    console.log(untestedLine(result));
  }
  if (options.graph) {
    console.log('');
    for (const [folder, targets] of result.folderGraph) console.log(`${folder} → ${targets.join(', ') || '(none)'}`);
  }
  console.log('');
  console.log(
    `check-structure: ${result.classes} production classes and triggers, ${result.methods} methods: ` +
      (result.findings.length === 0 ? 'clean' : `${result.findings.length} findings`),
  );
  return result.findings.length > 0 ? 1 : 0;
}

/** The line that says how many classes with logic still lack a test class, and that this does not fail yet. */
export function untestedLine(result: StructureResult): string {
  return (
    `${result.untested.length} production classes without a test class (of ${result.withLogic} with logic)` +
    (result.testsRequired ? '' : ': listed, not failing (--list-untested)')
  );
}

if (require.main === module) {
  try {
    process.exit(main());
  } catch (error: unknown) {
    console.error(`check-structure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(2);
  }
}
