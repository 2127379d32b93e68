/**
 * The agent actions' schemas (agentforce-app/main/agentforce) must name exactly the invocable classes' global
 * @InvocableVariable members, or Agentforce cannot map inputs and outputs. Read both and compare.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const FUNCTIONS = join(ROOT, 'agentforce-app', 'main', 'agentforce', 'genAiFunctions');

interface Schema {
  required?: string[];
  properties: Record<string, Record<string, unknown>>;
}

function schema(fn: string, io: 'input' | 'output'): Schema {
  return JSON.parse(readFileSync(join(FUNCTIONS, fn, io, 'schema.json'), 'utf8')) as Schema;
}

/** `global <Type> <name>;` members after `@InvocableVariable(...)`, per inner class (Request / Result). */
function invocableVariables(apexClass: string, inner: 'Request' | 'Result'): { name: string; required: boolean }[] {
  const source = readFileSync(join(ROOT, 'force-app', 'main', 'intake', 'classes', `${apexClass}.cls`), 'utf8');
  const start = source.indexOf(`global class ${inner} {`);
  expect(start).toBeGreaterThan(-1);
  let depth = 0;
  let end = start;
  // The inner class ends where its braces balance (the JSON examples in descriptions are balanced too).
  for (let i = source.indexOf('{', start); i < source.length; i++) {
    if (source[i] === '{') depth += 1;
    if (source[i] === '}') depth -= 1;
    if (depth === 0) {
      end = i;
      break;
    }
  }
  const body = source.slice(start, end);
  const found: { name: string; required: boolean }[] = [];
  const pattern = /@InvocableVariable\(([\s\S]*?)\)\s*global\s+\w+\s+(\w+);/g;
  for (let m = pattern.exec(body); m; m = pattern.exec(body)) {
    found.push({ name: m[2]!, required: /required\s*=\s*true/.test(m[1]!) });
  }
  return found;
}

function invocationTarget(fn: string): string {
  const xml = readFileSync(join(FUNCTIONS, fn, `${fn}.genAiFunction-meta.xml`), 'utf8');
  return /<invocationTarget>(\w+)<\/invocationTarget>/.exec(xml)![1]!;
}

describe.each([
  ['ActionPlane_Propose_Record_Update', 'ProposeRecordUpdateAction'],
  ['ActionPlane_Propose_Record_Create', 'ProposeRecordCreateAction'],
  ['ActionPlane_Propose_Record_Delete', 'ProposeRecordDeleteAction'],
  ['ActionPlane_Get_Action_Status', 'GetActionStatusAction'],
])('%s', (fn, apexClass) => {
  it('invokesTheGlobalInvocableClass', () => {
    expect(invocationTarget(fn)).toBe(apexClass);
    const source = readFileSync(join(ROOT, 'force-app', 'main', 'intake', 'classes', `${apexClass}.cls`), 'utf8');
    expect(source).toMatch(new RegExp(`global\\s+with sharing\\s+class\\s+${apexClass}`));
    expect(source).toMatch(/@InvocableMethod\([\s\S]*?\)\s*global static/);
  });

  it('namesExactlyTheRequestVariablesWithTheSameRequiredOnes', () => {
    const vars = invocableVariables(apexClass, 'Request');
    const input = schema(fn, 'input');
    expect(Object.keys(input.properties).sort()).toEqual(vars.map((v) => v.name).sort());
    expect((input.required ?? []).sort()).toEqual(
      vars
        .filter((v) => v.required)
        .map((v) => v.name)
        .sort(),
    );
  });

  it('namesExactlyTheResultVariablesAndLetsThePlannerReadThem', () => {
    const output = schema(fn, 'output');
    expect(Object.keys(output.properties).sort()).toEqual(
      invocableVariables(apexClass, 'Result')
        .map((v) => v.name)
        .sort(),
    );
    for (const property of Object.values(output.properties))
      expect(property['copilotAction:isUsedByPlanner']).toBe(true);
  });
});

describe('the topic ActionPlane_Governed_CRM_Updates', () => {
  const topic = readFileSync(
    join(
      ROOT,
      'agentforce-app',
      'main',
      'agentforce',
      'genAiPlugins',
      'ActionPlane_Governed_CRM_Updates.genAiPlugin-meta.xml',
    ),
    'utf8',
  );
  const instructions = [...topic.matchAll(/<genAiPluginInstructions>\s*<description>([^<]*)<\/description>/g)].map(
    (m) => m[1]!,
  );

  it('listsEveryShippedActionAndNoOther', () => {
    const listed = [...topic.matchAll(/<functionName>(\w+)<\/functionName>/g)].map((m) => m[1]!);
    expect(listed.sort()).toEqual(readdirSync(FUNCTIONS).sort());
  });

  it('tellsThePlannerWhenToCreateUpdateOrDelete', () => {
    const all = instructions.join('\n');
    for (const label of [
      'Propose Record Update',
      'Propose Record Create',
      'Propose Record Delete',
      'Get Action Status',
    ])
      expect(all).toContain(label);
    const choose = instructions.find((i) => i.startsWith('Choose the action by what should happen to the record'));
    expect(choose).toMatch(/keep existing with other values: Propose Record Update/);
    expect(choose).toMatch(/does not exist yet: Propose Record Create/);
    expect(choose).toMatch(/no longer exist at all: Propose Record Delete/);
    expect(topic).not.toMatch(/You do not create or delete records/);
  });
});
