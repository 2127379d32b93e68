// npm run lint:metadata — every metadata XML is well formed, and the sf CLI can convert the project's source to
// Metadata API format, offline. See docs/verification.md.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { formatFinding, type Finding } from './lib/findings';
import { listFiles, packageDirectories } from './lib/project-files';

const HELP = `Usage: tsx scripts/check-metadata.ts [--dir <sfdx-project>]

  1. every *.xml (including *-meta.xml) in the project's package directories (default: the repo root, i.e.
     force-app and demo-app) is well-formed XML — reported as file:line:column;
  2. 'sf project convert source' converts each package directory to Metadata API format in a temp folder, offline
     (SF_DISABLE_TELEMETRY, SF_AUTOUPDATE_DISABLE) — unknown metadata types, bad file names and XML the CLI rejects.
Exits 1 on any finding, 2 on bad usage.
  --dir <path>   the sfdx project to check (a folder with sfdx-project.json)
  --help         this text`;

/** Well-formedness of every XML file under the package directories. */
export function checkXmlWellFormed(projectDir: string): { findings: Finding[]; files: number } {
  const files = packageDirectories(projectDir).flatMap((dir) => listFiles(dir, (name) => name.endsWith('.xml')));
  const findings: Finding[] = [];
  for (const file of files) {
    const result = XMLValidator.validate(readFileSync(file, 'utf8'));
    if (result !== true) {
      findings.push({
        layer: 'xml',
        file,
        line: result.err.line,
        column: result.err.col,
        rule: result.err.code,
        message: result.err.msg,
      });
    }
  }
  return { findings, files: files.length };
}

/** Converts each package directory with the sf CLI; any failure is a finding on that directory. */
export function checkSourceConversion(projectDir: string): Finding[] {
  const sf = join(__dirname, '..', 'node_modules', '.bin', 'sf');
  const findings: Finding[] = [];
  const out = mkdtempSync(join(tmpdir(), 'actionplane-convert-'));
  try {
    for (const [index, dir] of packageDirectories(projectDir).entries()) {
      const run = spawnSync(
        sf,
        [
          'project',
          'convert',
          'source',
          '--source-dir',
          relative(projectDir, dir) || '.',
          '--output-dir',
          join(out, String(index)),
          '--json',
        ],
        {
          cwd: projectDir,
          encoding: 'utf8',
          env: {
            ...process.env,
            SF_DISABLE_TELEMETRY: 'true',
            SF_AUTOUPDATE_DISABLE: 'true',
            SF_HIDE_RELEASE_NOTES: 'true',
          },
          maxBuffer: 64 * 1024 * 1024,
        },
      );
      if (run.error) throw new Error(`could not run ${sf}: ${run.error.message}`);
      if (run.status !== 0) findings.push(conversionFinding(dir, run.stdout, run.stderr));
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return findings;
}

/** The CLI's JSON error names the problem and often the file and line ("… line 10"); keep both. */
function conversionFinding(dir: string, stdout: string, stderr: string): Finding {
  let message = (stderr || stdout).trim();
  try {
    const parsed = JSON.parse(stdout) as { name?: string; message?: string };
    message = `${parsed.name ?? 'Error'}: ${parsed.message ?? message}`;
  } catch {
    // Not JSON (the CLI crashed before it could format its error): keep the raw text.
  }
  const file = /(\/[^\s'"]+\.xml)/.exec(message)?.[1];
  const line = /line[: ]+(\d+)/i.exec(message)?.[1];
  return {
    layer: 'convert',
    file: file ?? dir,
    line: line ? Number(line) : 0,
    rule: 'sf project convert source',
    message: message.replace(/\s+/g, ' ').slice(0, 600),
  };
}

function main(): number {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(HELP);
    return 0;
  }
  let dir = resolve(__dirname, '..');
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--dir' && argv[i + 1]) {
      dir = resolve(argv[i + 1] ?? '');
      i += 1;
    } else {
      console.error(`check-metadata: unknown or incomplete argument '${argv[i]}' (see --help)`);
      return 2;
    }
  }
  let start = performance.now();
  const xml = checkXmlWellFormed(dir);
  const xmlSeconds = (performance.now() - start) / 1000;
  start = performance.now();
  // A project whose XML is not even well formed would only repeat the same errors through the CLI.
  const conversion = xml.findings.length > 0 ? [] : checkSourceConversion(dir);
  const convertSeconds = (performance.now() - start) / 1000;
  const findings = [...xml.findings, ...conversion];
  for (const finding of findings) console.log(formatFinding(finding, dir));
  console.log('');
  console.log(
    `${xml.findings.length ? 'FAILED' : 'ok    '} well-formed XML              ${String(xml.findings.length).padStart(3)} findings  ${xml.files} files  ${xmlSeconds.toFixed(1)} s`,
  );
  console.log(
    xml.findings.length
      ? 'skipped sf project convert source (fix the XML first)'
      : `${conversion.length ? 'FAILED' : 'ok    '} sf project convert source    ${String(conversion.length).padStart(3)} findings  ${convertSeconds.toFixed(1)} s`,
  );
  console.log(findings.length === 0 ? 'lint:metadata: clean' : `lint:metadata: ${findings.length} findings`);
  return findings.length > 0 ? 1 : 0;
}

if (require.main === module) {
  try {
    process.exit(main());
  } catch (error) {
    console.error(`check-metadata: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
}
