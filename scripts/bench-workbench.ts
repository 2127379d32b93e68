/**
 * `npm run bench:workbench`: how fast the workbench answers, now that every request runs the package's Apex on the
 * platform emulator. Prints figures, asserts nothing (machines here are noisy); targets are printed beside them:
 *   - the demo org's set-up (users and records through DML, the two agents' proposals through REST v1);
 *   - POST /actions with 200 actions (each one pending), over HTTP as the agent — target under 3 s;
 *   - the same request again (every key replayed: 200, nothing written);
 *   - the inbox (getInbox as an approver) with 2,000 actions pending: the first page of the default size (50) and of
 *     the largest the controller allows (200), and the last page of 200;
 *   - the review (getAction) of an action with 500 field changes, on a bench object with 500 text fields;
 *   - `npm start` (UI build included) on a fresh state folder to the first inbox answer — target under 30 s.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runAnonymous } from '../emulator/src/entry/anonymous';
import { loadProject } from '../emulator/src/project';
import { ADA_USERNAME, AGENT_USERNAME, MARIA_USERNAME } from '../workbench/demoData';
import { apexString } from '../workbench/demoOrg';
import { createWorkbench, REST_BASE, type Workbench } from '../workbench/server';

const HELP = `Usage: npm run bench:workbench -- [--runs 3] [--pending 2000] [--fields 500] [--skip-start]

Prints how long the Apex-backed workbench takes for: its set-up, a POST of 200 actions (median of --runs), the
inbox with --pending actions pending, the review of an action with --fields field changes, and npm start to a
working inbox (skipped with --skip-start).`;

interface Options {
  runs: number;
  pending: number;
  fields: number;
  start: boolean;
}

function parseArgs(argv: string[]): Options | null {
  const o: Options = { runs: 3, pending: 2000, fields: 500, start: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const number = () => {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1) throw new Error(`${arg} needs a positive whole number`);
      return n;
    };
    if (arg === '--help' || arg === '-h') return null;
    else if (arg === '--runs') o.runs = number();
    else if (arg === '--pending') o.pending = number();
    else if (arg === '--fields') o.fields = number();
    else if (arg === '--skip-start') o.start = false;
    else throw new Error(`Unknown option '${arg}'\n\n${HELP}`);
  }
  if (o.pending % 200 !== 0) throw new Error('--pending must be a multiple of 200 (one request carries 200 actions)');
  return o;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const ms = (n: number): string => `${n.toFixed(0).padStart(6)} ms`;

function line(what: string, figure: string, note = ''): void {
  console.log(`${what.padEnd(58)} ${figure}${note ? `   ${note}` : ''}`);
}

async function listening(app: Workbench): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

async function call(base: string, method: string, path: string, body: unknown, user: string) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-actionplane-user': user },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, text };
}

/** Bench Opportunities owned by the agent (it may read and edit them), inserted as the org's admin. */
function insertOpportunities(app: Workbench, count: number): string[] {
  const out = app.demo.org;
  const before = new Set([...out.db.table('Opportunity')].map((r) => r.id));
  const result = runAnonymous(
    out,
    [
      `Id agentId = [SELECT Id FROM User WHERE Username = ${apexString(AGENT_USERNAME)}].Id;`,
      'List<Opportunity> rows = new List<Opportunity>();',
      `for (Integer i = 0; i < ${count}; i++) {`,
      "  rows.add(new Opportunity(Name = 'Bench deal ' + i, StageName = 'Prospecting', CloseDate = Date.newInstance(2027, 3, 1), Amount = 10000 + i, OwnerId = agentId));",
      '}',
      'insert rows;',
    ].join('\n'),
    'bench-opportunities.apex',
    out.seed.adminUserId,
  );
  if (result.error) throw new Error(result.error.message);
  return [...out.db.table('Opportunity')].map((r) => r.id).filter((id) => !before.has(id));
}

/** 200 actions that each wait for approval (a stage move to Closed Won: High, one Sales Manager). */
function pendingRequest(runId: string, recordIds: string[]): unknown {
  return {
    run: { externalId: runId, agent: 'Bench_Agent', source: 'External', goal: 'Bench' },
    actions: recordIds.map((recordId, i) => ({
      idempotencyKey: `${runId}-${i}`,
      object: 'Opportunity',
      recordId,
      operation: 'update',
      changes: { StageName: 'Closed Won' },
      confidence: 0.9,
      rationale: 'Bench',
    })),
  };
}

async function benchRequests(options: Options): Promise<void> {
  const setUp = await timed(() => Promise.resolve(createWorkbench({ uiDir: '/nonexistent-ui-dir' })));
  line('demo org set-up (seeded, first in this process)', ms(setUp.ms), '(parses the Apex it uses)');
  const app = setUp.value;
  const again = await timed(() => Promise.resolve(app.demo.reset()));
  line('demo org set-up again (POST /workbench/api/reset)', ms(again.ms));
  const base = await listening(app);
  try {
    const ids = insertOpportunities(app, options.pending);
    const posts: number[] = [];
    for (let i = 0; i < options.pending / 200; i++) {
      const body = pendingRequest(`bench-${i}`, ids.slice(i * 200, (i + 1) * 200));
      const res = await timed(() => call(base, 'POST', `${REST_BASE}/actions`, body, AGENT_USERNAME));
      if (res.value.status !== 201) throw new Error(`POST ${i}: ${res.value.status} ${res.value.text.slice(0, 300)}`);
      posts.push(res.ms);
    }
    line(
      `POST /actions, 200 pending actions (median of ${posts.length})`,
      ms(median(posts)),
      `first ${posts[0]?.toFixed(0) ?? '?'} ms, slowest ${Math.max(...posts).toFixed(0)} ms; target < 3000 ms`,
    );
    const replay = await timed(() =>
      call(base, 'POST', `${REST_BASE}/actions`, pendingRequest('bench-0', ids.slice(0, 200)), AGENT_USERNAME),
    );
    if (replay.value.status !== 200) throw new Error(`replay: ${replay.value.status}`);
    line('POST /actions, the same 200 again (replayed, 200)', ms(replay.ms));

    const inbox = async (pageSize: number, pageNumber: number) => {
      const times: number[] = [];
      let total = 0;
      for (let r = 0; r < options.runs; r++) {
        const res = await timed(() =>
          call(
            base,
            'POST',
            '/workbench/api/controller/getInbox',
            { status: 'Open', pageSize, pageNumber },
            MARIA_USERNAME,
          ),
        );
        if (res.value.status !== 200) throw new Error(`getInbox: ${res.value.status} ${res.value.text.slice(0, 300)}`);
        total = (JSON.parse(res.value.text) as { total: number }).total;
        times.push(res.ms);
      }
      return { ms: median(times), total };
    };
    for (const [size, page] of [
      [50, 1],
      [200, 1],
      [200, options.pending / 200],
    ] as const) {
      const r = await inbox(size, page);
      line(`inbox, ${r.total} pending: page ${page} of ${size} rows (median of ${options.runs})`, ms(r.ms));
    }
  } finally {
    await app.close();
  }
}

/** A copy of this project's package directories (by symlink) plus an object with `fields` text fields. */
function wideProject(fields: number): string {
  const root = resolve(__dirname, '..');
  const dir = mkdtempSync(join(tmpdir(), 'actionplane-bench-'));
  const config = JSON.parse(readFileSync(join(root, 'sfdx-project.json'), 'utf8')) as {
    packageDirectories: { path: string }[];
  };
  for (const pkg of config.packageDirectories) symlinkSync(join(root, pkg.path), join(dir, pkg.path));
  config.packageDirectories.push({ path: 'bench-app' });
  writeFileSync(join(dir, 'sfdx-project.json'), JSON.stringify(config));
  const object = join(dir, 'bench-app', 'objects', 'Bench_Wide__c');
  mkdirSync(join(object, 'fields'), { recursive: true });
  writeFileSync(
    join(object, 'Bench_Wide__c.object-meta.xml'),
    `<?xml version="1.0" encoding="UTF-8"?>
<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata">
    <label>Bench Wide</label>
    <pluralLabel>Bench Wides</pluralLabel>
    <nameField><label>Name</label><type>Text</type></nameField>
    <deploymentStatus>Deployed</deploymentStatus>
    <sharingModel>ReadWrite</sharingModel>
</CustomObject>
`,
  );
  // Deployed fields carry no field-level security of their own: a permission set grants them (to the agent and Ada).
  const grants = Array.from({ length: fields }, (_, i) => `F${String(i + 1).padStart(3, '0')}__c`)
    .map(
      (f) =>
        `    <fieldPermissions><editable>true</editable><field>Bench_Wide__c.${f}</field><readable>true</readable></fieldPermissions>`,
    )
    .join('\n');
  mkdirSync(join(dir, 'bench-app', 'permissionsets'), { recursive: true });
  writeFileSync(
    join(dir, 'bench-app', 'permissionsets', 'Bench_Wide_Access.permissionset-meta.xml'),
    `<?xml version="1.0" encoding="UTF-8"?>
<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">
${grants}
    <hasActivationRequired>false</hasActivationRequired>
    <label>Bench Wide Access</label>
    <objectPermissions>
        <allowCreate>true</allowCreate>
        <allowDelete>false</allowDelete>
        <allowEdit>true</allowEdit>
        <allowRead>true</allowRead>
        <modifyAllRecords>false</modifyAllRecords>
        <object>Bench_Wide__c</object>
        <viewAllRecords>false</viewAllRecords>
    </objectPermissions>
</PermissionSet>
`,
  );
  for (let i = 1; i <= fields; i++) {
    const name = `F${String(i).padStart(3, '0')}__c`;
    writeFileSync(
      join(object, 'fields', `${name}.field-meta.xml`),
      `<?xml version="1.0" encoding="UTF-8"?>
<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">
    <fullName>${name}</fullName>
    <label>Field ${i}</label>
    <type>Text</type>
    <length>255</length>
</CustomField>
`,
    );
  }
  return dir;
}

async function benchWideReview(options: Options): Promise<void> {
  const dir = wideProject(options.fields);
  try {
    const app = createWorkbench({ project: loadProject(dir), seedRuns: false, uiDir: '/nonexistent-ui-dir' });
    const base = await listening(app);
    try {
      const granted = runAnonymous(
        app.demo.org,
        [
          "Id access = [SELECT Id FROM PermissionSet WHERE Name = 'Bench_Wide_Access'].Id;",
          'List<PermissionSetAssignment> grants = new List<PermissionSetAssignment>();',
          `for (User u : [SELECT Id FROM User WHERE Username IN (${apexString(AGENT_USERNAME)}, ${apexString(ADA_USERNAME)})]) {`,
          '  grants.add(new PermissionSetAssignment(AssigneeId = u.Id, PermissionSetId = access));',
          '}',
          'insert grants;',
        ].join('\n'),
        'bench-wide-access.apex',
        app.demo.org.seed.adminUserId,
      );
      if (granted.error) throw new Error(granted.error.message);
      const made = runAnonymous(
        app.demo.org,
        "Bench_Wide__c w = new Bench_Wide__c(Name = 'Wide'); insert w; System.debug(w.Id);",
        'bench-wide.apex',
        app.demo.org.seed.adminUserId,
      );
      const recordId = made.debug[0]?.message;
      if (made.error || !recordId) throw new Error(made.error?.message ?? 'no bench record');
      const changes = Object.fromEntries(
        Array.from({ length: options.fields }, (_, i) => [`F${String(i + 1).padStart(3, '0')}__c`, `value ${i + 1}`]),
      );
      // The agent proposes it; it goes to the default approvers, Ada's group, and Ada opens the review.
      const body = {
        run: { agent: 'Bench_Agent', externalId: 'bench-wide' },
        actions: [{ idempotencyKey: 'wide', object: 'Bench_Wide__c', recordId, operation: 'update', changes }],
      };
      const post = await timed(() => call(base, 'POST', `${REST_BASE}/actions`, body, AGENT_USERNAME));
      if (post.value.status !== 201)
        throw new Error(`wide POST: ${post.value.status} ${post.value.text.slice(0, 300)}`);
      line(`POST /actions, one action changing ${options.fields} fields`, ms(post.ms));
      const actionId = (JSON.parse(post.value.text) as { actions: { id: string }[] }).actions[0]?.id;
      const times: number[] = [];
      for (let r = 0; r < options.runs; r++) {
        const res = await timed(() =>
          call(base, 'POST', '/workbench/api/controller/getAction', { actionId }, ADA_USERNAME),
        );
        if (res.value.status !== 200) throw new Error(`getAction: ${res.value.status} ${res.value.text.slice(0, 300)}`);
        const fieldCount = (JSON.parse(res.value.text) as { fieldChanges: unknown[] }).fieldChanges.length;
        if (fieldCount !== options.fields) throw new Error(`getAction answered ${fieldCount} field changes`);
        times.push(res.ms);
      }
      line(`review (getAction) of ${options.fields} field changes (median of ${options.runs})`, ms(median(times)));
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `npm start` in a child process, on a free port and a fresh state folder, until the inbox answers. */
async function benchStart(): Promise<void> {
  const stateDir = mkdtempSync(join(tmpdir(), 'actionplane-bench-state-'));
  const port = 43000 + Math.floor(Math.random() * 2000);
  const started = performance.now();
  const child = spawn('npm', ['start'], {
    cwd: resolve(__dirname, '..'),
    env: { ...process.env, PORT: String(port), ACTIONPLANE_STATE_DIR: stateDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    const deadline = started + 180_000;
    for (;;) {
      if (performance.now() > deadline) throw new Error(`npm start gave no inbox within 180 s:\n${output}`);
      if (child.exitCode !== null) throw new Error(`npm start ended (${child.exitCode}):\n${output}`);
      try {
        const res = await call(
          `http://127.0.0.1:${port}`,
          'POST',
          '/workbench/api/controller/getInbox',
          {},
          MARIA_USERNAME,
        );
        const page = await fetch(`http://127.0.0.1:${port}/`);
        if (res.status === 200 && page.status === 200 && (JSON.parse(res.text) as { total: number }).total > 0) break;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    const build = /UI built in (\d+) ms/.exec(output)?.[1];
    const org = /Demo org ready on the platform emulator in (\d+) ms/.exec(output)?.[1];
    line(
      'npm start to a working inbox (fresh state, UI build included)',
      `${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s `,
      `UI build ${build ?? '?'} ms, demo org ${org ?? '?'} ms; target < 30 s`,
    );
  } finally {
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    rmSync(stateDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (options === null) {
    console.log(HELP);
    return;
  }
  console.log('The workbench on the platform emulator: figures, not assertions (this machine is shared and noisy).');
  await benchRequests(options);
  await benchWideReview(options);
  if (options.start) await benchStart();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
