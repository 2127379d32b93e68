// The interpreter on code written outside this project: a statement the emulator cannot compile fails only when it
// runs; names and casts that outside libraries rely on (see emulator/fidelity LangProbeRuntimeTypesTest and
// LangProbeNamesTest for the Apex side).
import { join } from 'node:path';
import { runAnonymous } from '../../entry/anonymous';
import { Org } from '../../org/Org';
import { loadProject, type ProjectMetadata } from '../../project';

let project: ProjectMetadata | undefined;

function newOrg(): Org {
  project ??= loadProject(join(__dirname, 'fixtures', 'minimal'));
  return new Org(project, { clock: () => Date.UTC(2026, 0, 15, 12, 0, 0) });
}

function run(source: string): { debug: string[]; error: string | undefined } {
  const out = runAnonymous(newOrg(), source);
  return { debug: out.debug.map((d) => d.message), error: out.error?.message };
}

describe('unsupported features fail where they run', () => {
  it('a method whose untaken branch uses an unsupported feature (Dom.Document) still runs', () => {
    expect(run('System.debug(Gadget.work(false));')).toEqual({ debug: ['1'], error: undefined });
  });

  it('the branch that is taken fails loudly, naming the feature and the line', () => {
    const out = run('System.debug(Gadget.work(true));');
    expect(out.error).toMatch(/Dom\.Document is not supported by the emulator/i);
    expect(out.debug).toEqual([]);
  });
});

describe('names and casts', () => {
  it('a local variable does not shadow its class inside its own initialiser', () => {
    expect(run('Gadget gadget = Gadget.make(); Integer twice = gadget.twice(4); System.debug(twice);').debug).toEqual([
      '8',
    ]);
  });

  it('an inner class instance prints its own name; Type.forName parses collection names', () => {
    expect(
      run(`
        System.debug(String.valueOf(new Map<String, Integer>{ 'a' => 1 }));
        System.debug(Type.forName('Map<String, List<Integer>>').getName());
        System.debug(Type.forName('Set<Id>').newInstance() instanceof Set<Id>);
        List<SObject> generic = new List<SObject>();
        List<Account> accounts = (List<Account>) generic;
        System.debug(accounts.size());
      `).debug,
    ).toEqual(['{a=1}', 'Map<String,List<Integer>>', 'true', '0']);
  });
});
