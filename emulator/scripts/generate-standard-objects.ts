// Generates emulator/src/schema/standard/sobject-types-65.jsonl: the field names, Apex types, parent relationships
// and child relationships of every standard object, read once from the API 65 type jar that ships with the PMD
// engine (`sobject-types-65.0.0.jar`, one class per SObject: a public field per SObject field, `X[]` fields are
// child relationships, fields of an SObject class are parent relationships). The emulator reads the JSON at run
// time, so it needs no Java. Run: npx tsx emulator/scripts/generate-standard-objects.ts [--jar <path>] [--out <path>]
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const HELP = `Usage: npx tsx emulator/scripts/generate-standard-objects.ts [--jar <sobject-types jar>] [--out <jsonl>]

Reads every com/nawforce/runforce/SObjects/<Name>.class of the jar with javap (JDK 17) and writes a JSON Lines catalog: a header line
  { "source": ..., "generatedBy": ... }, then one line per object:
  { "name": "<Name>", "fields": { "<Field>": "<ApexType>" }, "parents": { "<Relationship>": "<SObject>" },
    "children": { "<Relationship>": "<SObject>" } }
Apex types are the jar's System types (Id, String, Boolean, Integer, Long, Decimal, Double, Date, Datetime, Time,
Blob, Object, String[] …); compound fields typed as an SObject class (Address, Location) are listed under parents
with their class, and the schema decides what they are. Needs unzip and javap on PATH.`;

const repoRoot = resolve(__dirname, '..', '..');
const DEFAULT_JAR = join(
  repoRoot,
  'node_modules/@salesforce/code-analyzer-pmd-engine/dist/java-lib/sobject-types-65.0.0.jar',
);
const DEFAULT_OUT = join(repoRoot, 'emulator/src/schema/standard/sobject-types-65.jsonl');
const PREFIX = 'com.nawforce.runforce.';

interface ObjectEntry {
  fields: Record<string, string>;
  parents: Record<string, string>;
  children: Record<string, string>;
}

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  if (result.error) throw new Error(`could not run ${command}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} exited with ${result.status}: ${result.stderr}`);
  return result.stdout;
}

function main(argv: string[]): void {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(HELP);
    return;
  }
  const option = (name: string, fallback: string): string => {
    const i = argv.indexOf(name);
    const value = i >= 0 ? argv[i + 1] : undefined;
    if (i >= 0 && value === undefined) throw new Error(`${name} needs a value`);
    return value ?? fallback;
  };
  const jar = option('--jar', DEFAULT_JAR);
  const out = option('--out', DEFAULT_OUT);

  const classes = run('unzip', ['-Z1', jar])
    .split('\n')
    .map((line) => /^com\/nawforce\/runforce\/SObjects\/(\w+)\.class$/.exec(line.trim())?.[1])
    .filter((name): name is string => name !== undefined)
    .sort();
  if (classes.length === 0) throw new Error(`${jar} has no com/nawforce/runforce/SObjects classes`);

  const objects: Record<string, ObjectEntry> = {};
  const BATCH = 400;
  for (let i = 0; i < classes.length; i += BATCH) {
    const batch = classes.slice(i, i + BATCH);
    const text = run('javap', ['-public', '-cp', jar, ...batch.map((n) => `${PREFIX}SObjects.${n}`)]);
    parseJavap(text, objects);
    process.stderr.write(`\r${Math.min(i + BATCH, classes.length)}/${classes.length} classes`);
  }
  process.stderr.write('\n');
  const missing = classes.filter((c) => objects[c] === undefined);
  if (missing.length > 0) throw new Error(`javap printed no class for: ${missing.slice(0, 10).join(', ')}`);

  const sorted = Object.fromEntries(
    Object.keys(objects)
      .sort()
      .map((k) => [k, objects[k]]),
  );
  const catalog = {
    source:
      'sobject-types-65.0.0.jar (io.github.apex-dev-tools:sobject-types, shipped in @salesforce/code-analyzer-pmd-engine)',
    generatedBy: 'emulator/scripts/generate-standard-objects.ts',
    objects: sorted,
  };
  // JSON Lines, one object per line: diffable, small, and left alone by Prettier (which would spread it over
  // hundreds of thousands of lines). The first line is the header.
  const lines = [
    JSON.stringify({ source: catalog.source, generatedBy: catalog.generatedBy }),
    ...Object.entries(sorted).map(([name, entry]) => JSON.stringify({ name, ...entry })),
  ];
  writeFileSync(out, `${lines.join('\n')}\n`);
  console.log(`wrote ${Object.keys(sorted).length} objects to ${out}`);
}

function parseJavap(text: string, objects: Record<string, ObjectEntry>): void {
  let current: ObjectEntry | undefined;
  for (const line of text.split('\n')) {
    const header = /^public class com\.nawforce\.runforce\.SObjects\.(\w+) extends /.exec(line);
    if (header?.[1]) {
      current = { fields: {}, parents: {}, children: {} };
      objects[header[1]] = current;
      continue;
    }
    if (!current) continue;
    const field = /^\s+public (com\.nawforce\.runforce\.[\w.$]+)(\[\])? (\w+);$/.exec(line);
    if (!field) continue;
    const [, type = '', array, name = ''] = field;
    const sobject = /^com\.nawforce\.runforce\.SObjects\.(\w+)$/.exec(type)?.[1];
    const system = /^com\.nawforce\.runforce\.System\.(\w+)$/.exec(type)?.[1];
    // A field typed System.SObject is a polymorphic relationship whose targets the jar does not name.
    const target = sobject ?? (system === 'SObject' ? 'SObject' : undefined);
    if (target !== undefined && array) current.children[name] = target;
    else if (target !== undefined) current.parents[name] = target;
    else if (system !== undefined) current.fields[name] = array ? `${system}[]` : system;
    else throw new Error(`unexpected field type ${type} for ${name}`);
  }
}

try {
  main(process.argv.slice(2));
} catch (e) {
  console.error(`generate-standard-objects: ${(e as Error).message}`);
  process.exit(1);
}
