#!/usr/bin/env node
/**
 * `npm run -s actionplane -- <command>`: the offline ActionPlane CLI.
 *   vectors <file-or-folder...>      run conformance vectors through the TypeScript core
 *   policy explain <action.json>     decide one action with the project's policy metadata
 *                                    (--operation create|update|delete replaces the action's own)
 *   policy test <cases...>           run admin-written cases against the project's policy metadata
 *   policy validate                  check every policy record in the project
 *   submit <file.json>               send a proposal to an org or the workbench (REST v1)
 */
import { Command, CommanderError } from 'commander';
import { registerSubmitCommand } from '../../clients/cli/submitCommand';
import { resolve } from 'node:path';
import { explain, metadataProblems, testCases } from './policyCommands';
import { loadPolicyMetadata, MetadataFileError } from '../policy/PolicyMetadataLoader';
import { collectJsonFiles, formatFailure, readCases, runCases, summarise, VectorFileError } from './vectorFiles';

const print = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

function runVectors(targets: string[]): number {
  let passed = 0;
  let failed = 0;
  for (const target of targets) {
    let files: string[];
    try {
      files = collectJsonFiles(target);
    } catch (e) {
      if (!(e instanceof VectorFileError)) throw e;
      print(`FAIL ${e.message}`);
      failed += 1;
      continue;
    }
    for (const file of files) {
      try {
        const summary = summarise(runCases(file, readCases(file)));
        summary.results.filter((r) => r.failures.length > 0).forEach((r) => print(formatFailure(r)));
        passed += summary.passed;
        failed += summary.failed;
      } catch (e) {
        if (!(e instanceof VectorFileError)) throw e;
        print(`FAIL ${e.message}`);
        failed += 1;
      }
    }
  }
  print(`${passed} passed, ${failed} failed`);
  return failed > 0 || passed === 0 ? 1 : 0;
}

export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command('actionplane')
    .description('ActionPlane offline CLI: conformance vectors and policy tests against the project metadata.')
    .exitOverride()
    .showHelpAfterError();

  program
    .command('vectors')
    .description(
      'Run conformance vectors (a JSON file or a folder of them); prints each failure and "N passed, N failed".',
    )
    .argument('<paths...>', 'vector files or folders')
    .action((paths: string[]) => setExit(runVectors(paths)));

  const policy = program.command('policy').description('Test policy metadata from force-app before deploying.');
  policy
    .command('explain')
    .description(
      'Decide one proposed action with the project policy and print the decision, per-field table and reasons.',
    )
    .argument(
      '<action.json>',
      'an action { object, operation, recordId, agent, confidence, changes: { Field: { before, after } } }; ' +
        'operation is create, update or delete (absent = update); a create gives every field before null, a ' +
        'delete every recorded field after null',
    )
    .option('--project <dir>', 'project folder whose customMetadata records are the policy', '.')
    .option('--operation <operation>', "create, update or delete: replaces the action's own operation")
    .option('--json', 'print the decision as JSON')
    .action((file: string, opts: { project: string; json?: boolean; operation?: string }) =>
      setExit(explain(file, { project: resolve(opts.project), json: opts.json, operation: opts.operation }, print)),
    );
  policy
    .command('test')
    .description(
      "Run cases in the vector format against the project policy (like opa test for CRM policy); a case's " +
        'action may name its operation (create, update or delete; absent = update).',
    )
    .argument('<cases...>', 'case files or folders')
    .option('--project <dir>', 'project folder whose customMetadata records are the policy', '.')
    .action((targets: string[], opts: { project: string }) => {
      const project = resolve(opts.project);
      let passed = 0;
      let failed = 0;
      let metadataErrors: string[] = [];
      for (const target of targets) {
        try {
          const run = testCases(target, project);
          metadataErrors = run.metadataErrors;
          run.results.filter((r) => r.failures.length > 0).forEach((r) => print(formatFailure(r)));
          const s = summarise(run.results);
          passed += s.passed;
          failed += s.failed;
        } catch (e) {
          if (!(e instanceof VectorFileError)) throw e;
          print(`FAIL ${e.message}`);
          failed += 1;
        }
      }
      metadataErrors.forEach((m) => print(`FAIL policy metadata: ${m}`));
      failed += metadataErrors.length;
      print(`${passed} passed, ${failed} failed`);
      setExit(failed > 0 || passed === 0 ? 1 : 0);
    });
  policy
    .command('validate')
    .description('Check every policy record in the project (inactive ones too); exit 1 on any problem.')
    .option('--project <dir>', 'project folder', '.')
    .action((opts: { project: string }) => {
      const problems = metadataProblems(loadPolicyMetadata(resolve(opts.project)));
      problems.forEach((p) => print(`FAIL ${p}`));
      print(problems.length === 0 ? 'Policy metadata is valid.' : `${problems.length} problem(s) found.`);
      setExit(problems.length > 0 ? 1 : 0);
    });
  registerSubmitCommand(program, setExit);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const program = buildProgram((c) => {
    code = c;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof MetadataFileError || e instanceof VectorFileError) {
      process.stderr.write(`Error: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  return code;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
