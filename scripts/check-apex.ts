// npm run lint:apex — every offline Apex check, layer by layer, at zero tolerance. See docs/verification.md.
import { resolve } from 'node:path';
import { checkApexFormat } from './lib/apex-format';
import { checkApexSemantics } from './lib/apex-semantics';
import { checkApexSyntax } from './lib/apex-syntax';
import { parseApexFiles, type ApexTree } from './lib/apex-trees';
import { checkApexRules } from './lib/code-analyzer';
import { formatFinding, timed, type Finding, type LayerResult } from './lib/findings';
import { listApexFiles } from './lib/project-files';
import { checkAccessModes } from './lib/access-modes';
import { checkSoqlFields } from './lib/soql-fields';
import { checkStructure, MAX_CLASS_LINES, MAX_METHOD_LINES } from './lib/structure';
import { checkSuppressions } from './lib/suppressions';
import { checkUnqueriedFields } from './lib/unqueried-fields';

const LAYERS = ['syntax', 'semantics', 'rules', 'soql', 'format', 'structure'] as const;
type LayerName = (typeof LAYERS)[number];

const HELP = `Usage: tsx scripts/check-apex.ts [--dir <sfdx-project>] [--layer <name>]... [--json]

Checks every .cls and .trigger in the sfdx project's package directories (default: the repo root, i.e. force-app
and demo-app), without an org:
  (a) syntax     @apexdevtools/apex-parser checkProject
  (b) semantics  apex-ls CheckForIssues (Java): unknown types, methods, fields; type errors
  (c) rules      Salesforce Code Analyzer: PMD Recommended + AppExchange Apex rules, regex Recommended rules;
                 suppressions must carry a "// why" comment
  (d) soql       object and field names inside static SOQL, against object metadata and API 65 standard objects;
                 fields read on queried records that their SELECT does not list (UnqueriedField); queries and
                 DML that do not state their access mode (ImplicitAccessMode)
  (e) format     prettier with prettier-plugin-apex
  (f) structure  production classes over ${MAX_CLASS_LINES} lines, methods over ${MAX_METHOD_LINES}, folder cycles, size
                 suppressions without a reason, classes with logic and no <Class>Test, a docs/architecture.md folder
                 graph that is not the code's (check-structure.ts)
Prints file:line for every finding and a per-layer summary; exits 1 on any finding, 2 on bad usage.
  --dir <path>   the sfdx project to check (a folder with sfdx-project.json)
  --layer <name> run only this layer (${LAYERS.join(', ')}); repeat for several
  --json         print the layers and findings as JSON instead of text
  --help         this text`;

interface Options {
  dir: string;
  json: boolean;
  layers: Set<LayerName>;
}

function parseArgs(argv: string[]): Options | 'help' {
  const options: Options = { dir: resolve(__dirname, '..'), json: false, layers: new Set() };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--json') options.json = true;
    else if (arg === '--dir') {
      const value = argv[i + 1];
      if (!value) throw new Error('--dir needs a path');
      options.dir = resolve(value);
      i += 1;
    } else if (arg === '--layer') {
      const value = argv[i + 1] as LayerName | undefined;
      if (!value || !LAYERS.includes(value)) throw new Error(`--layer needs one of: ${LAYERS.join(', ')}`);
      options.layers.add(value);
      i += 1;
    } else throw new Error(`unknown argument '${arg}' (see --help)`);
  }
  if (options.layers.size === 0) LAYERS.forEach((layer) => options.layers.add(layer));
  return options;
}

/** What one layer runs, given the project, its Apex files and their parse trees (parsed once, when first asked). */
type LayerRun = (
  dir: string,
  files: string[],
  trees: () => ApexTree[],
) => Promise<{ findings: Finding[]; checked: string; notes?: string[] }>;

const LAYER_RUNS: Record<LayerName, { title: string; run: LayerRun }> = {
  syntax: {
    title: 'syntax (apex-parser)',
    run: async (dir, files) => ({ findings: await checkApexSyntax(dir), checked: `${files.length} files` }),
  },
  semantics: {
    title: 'semantics (apex-ls)',
    run: (dir, files) =>
      Promise.resolve({ findings: files.length ? checkApexSemantics(dir) : [], checked: `${files.length} files` }),
  },
  rules: {
    title: 'rules (Code Analyzer: PMD + regex, suppressions)',
    run: async (_dir, files) => {
      const { findings, ruleCount } = await checkApexRules(files);
      return {
        findings: [...findings, ...checkSuppressions(files)],
        checked: `${files.length} files, ${ruleCount} rules`,
      };
    },
  },
  soql: {
    title: 'SOQL names, unqueried fields, access modes',
    run: (dir, files, parsed) => {
      // One parse and one schema serve the three rules.
      const trees = parsed();
      const names = checkSoqlFields(dir, files, trees);
      const unqueried = checkUnqueriedFields(dir, files, { trees, schema: names.schema });
      const modes = checkAccessModes(trees);
      return Promise.resolve({
        findings: [...names.findings, ...unqueried.findings, ...modes.findings],
        checked: `${names.queries} queries, ${unqueried.reads} reads, ${modes.statements} statements`,
      });
    },
  },
  format: {
    title: 'format (prettier-plugin-apex)',
    run: async (_dir, files) => ({ findings: await checkApexFormat(files), checked: `${files.length} files` }),
  },
  structure: {
    title: 'structure (size, cycles, suppressions, tests)',
    run: (dir, _files, trees) => {
      const result = checkStructure(dir, trees());
      // With REQUIRE_TEST_CLASSES off, classes without a test class are listed under the table, not findings.
      const notes =
        result.testsRequired || result.untested.length === 0
          ? []
          : [
              `structure: ${result.untested.length} production classes without a test class (of ${result.withLogic} ` +
                `with logic), listed by npx tsx scripts/check-structure.ts; not failing (REQUIRE_TEST_CLASSES is off)`,
            ];
      return Promise.resolve({
        findings: result.findings,
        checked: `${result.classes} units, ${result.methods} methods`,
        notes,
      });
    },
  },
};

/** Runs the chosen layers over the project at `dir`, one after another so each timing is honest. */
export async function runApexChecks(dir: string, layers: Iterable<LayerName> = LAYERS): Promise<LayerResult[]> {
  const files = listApexFiles(dir);
  let parsed: ApexTree[] | undefined;
  const trees = (): ApexTree[] => (parsed ??= parseApexFiles(files));
  const results: LayerResult[] = [];
  for (const layer of LAYERS.filter((name) => new Set(layers).has(name))) {
    const { title, run } = LAYER_RUNS[layer];
    const { value, millis } = await timed(() => run(dir, files, trees));
    const notes = value.notes?.length ? { notes: value.notes } : {};
    results.push({ layer, title, findings: value.findings, millis, checked: value.checked, ...notes });
  }
  return results;
}

async function main(): Promise<number> {
  let options: Options | 'help';
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`check-apex: ${(error as Error).message}`);
    return 2;
  }
  if (options === 'help') {
    console.log(HELP);
    return 0;
  }
  const layers = await runApexChecks(options.dir, options.layers);
  const findings: Finding[] = layers.flatMap((l) => l.findings);
  if (options.json) {
    console.log(JSON.stringify({ dir: options.dir, layers }, null, 2));
    return findings.length > 0 ? 1 : 0;
  }
  for (const finding of findings) console.log(formatFinding(finding, options.dir));
  console.log('');
  for (const l of layers) {
    const status = l.findings.length === 0 ? 'ok    ' : 'FAILED';
    console.log(
      `${status} ${l.title.padEnd(50)} ${String(l.findings.length).padStart(3)} findings  ${l.checked.padEnd(22)} ${(l.millis / 1000).toFixed(1)} s`,
    );
  }
  for (const note of layers.flatMap((l) => l.notes ?? [])) console.log(note);
  console.log(findings.length === 0 ? 'lint:apex: clean' : `lint:apex: ${findings.length} findings`);
  return findings.length > 0 ? 1 : 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`check-apex: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exit(2);
    },
  );
}
