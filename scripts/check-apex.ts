// npm run lint:apex — every offline Apex check, layer by layer, at zero tolerance. See docs/verification.md.
import { resolve } from 'node:path';
import { checkApexFormat } from './lib/apex-format';
import { checkApexSemantics } from './lib/apex-semantics';
import { checkApexSyntax } from './lib/apex-syntax';
import { checkApexRules } from './lib/code-analyzer';
import { formatFinding, timed, type Finding, type LayerResult } from './lib/findings';
import { listApexFiles } from './lib/project-files';
import { checkSoqlFields } from './lib/soql-fields';
import { checkSuppressions } from './lib/suppressions';

const HELP = `Usage: tsx scripts/check-apex.ts [--dir <sfdx-project>] [--json]

Checks every .cls and .trigger in the sfdx project's package directories (default: the repo root, i.e. force-app
and demo-app), without an org:
  (a) syntax     @apexdevtools/apex-parser checkProject
  (b) semantics  apex-ls CheckForIssues (Java): unknown types, methods, fields; type errors
  (c) rules      Salesforce Code Analyzer: PMD Recommended + AppExchange Apex rules, regex Recommended rules;
                 suppressions must carry a "// why" comment
  (d) soql       object and field names inside static SOQL, against object metadata and API 65 standard objects
  (e) format     prettier with prettier-plugin-apex
Prints file:line for every finding and a per-layer summary; exits 1 on any finding, 2 on bad usage.
  --dir <path>   the sfdx project to check (a folder with sfdx-project.json)
  --json         print the findings as JSON instead of text
  --help         this text`;

interface Options {
  dir: string;
  json: boolean;
}

function parseArgs(argv: string[]): Options | 'help' {
  const options: Options = { dir: resolve(__dirname, '..'), json: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--json') options.json = true;
    else if (arg === '--dir') {
      const value = argv[i + 1];
      if (!value) throw new Error('--dir needs a path');
      options.dir = resolve(value);
      i += 1;
    } else throw new Error(`unknown argument '${arg}' (see --help)`);
  }
  return options;
}

/** Runs every layer over the project at `dir`; layers run in order so timings are honest. */
export async function runApexChecks(dir: string): Promise<LayerResult[]> {
  const files = listApexFiles(dir);
  const count = `${files.length} files`;
  const layers: LayerResult[] = [];
  const syntax = await timed(() => checkApexSyntax(dir));
  layers.push({
    layer: 'syntax',
    title: 'syntax (apex-parser)',
    findings: syntax.value,
    millis: syntax.millis,
    checked: count,
  });
  const semantics = await timed(() => Promise.resolve(files.length ? checkApexSemantics(dir) : []));
  layers.push({
    layer: 'semantics',
    title: 'semantics (apex-ls)',
    findings: semantics.value,
    millis: semantics.millis,
    checked: count,
  });
  const rules = await timed(async () => {
    const run = await checkApexRules(dir);
    return { ...run, findings: [...run.findings, ...checkSuppressions(files)] };
  });
  layers.push({
    layer: 'rules',
    title: 'rules (Code Analyzer: PMD + regex, suppressions)',
    findings: rules.value.findings,
    millis: rules.millis,
    checked: `${count}, ${rules.value.ruleCount} rules`,
  });
  const soql = await timed(() => Promise.resolve(checkSoqlFields(dir, files)));
  layers.push({
    layer: 'soql',
    title: 'SOQL names (objects, fields)',
    findings: soql.value.findings,
    millis: soql.millis,
    checked: `${soql.value.queries} queries`,
  });
  const format = await timed(() => checkApexFormat(files));
  layers.push({
    layer: 'format',
    title: 'format (prettier-plugin-apex)',
    findings: format.value,
    millis: format.millis,
    checked: count,
  });
  return layers;
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
  const layers = await runApexChecks(options.dir);
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
