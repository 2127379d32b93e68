/**
 * `npm start`: builds the workbench UI from the org's LWC sources, sets up the demo org on the platform emulator
 * (or loads the one saved in `.actionplane/`), then serves it at http://localhost:4410 (PORT overrides).
 * `--no-build` serves the last build. Not the production path.
 */
import { join } from 'node:path';
import { buildWorkbenchUi } from './build';
import { createWorkbench, REST_BASE } from './server';

const HELP = `Usage: npm start [-- --no-build]

Starts the ActionPlane workbench: the real LWC components over the package's own Apex, running on the platform
emulator with demo users, approver groups, records and two agents' proposals (not the production path). The demo
org is saved in .actionplane/ (ACTIONPLANE_STATE_DIR overrides) and loaded again on the next start; "Reset demo
data" sets it up afresh. PORT overrides the port (default 4410); HOST the interface (default 127.0.0.1).
  --no-build   serve the UI built last time instead of rebuilding it
  --help       show this help`;

/** ActionExpiryJob's schedule in the org (org:setup schedules it hourly): the workbench runs it as often. */
const EXPIRY_EVERY_MS = 3_600_000;

async function main(): Promise<void> {
  const started = Date.now();
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(HELP);
    return;
  }
  const unknown = args.filter((a) => a !== '--no-build');
  if (unknown.length > 0) throw new Error(`Unknown option(s) ${unknown.join(' ')}\n\n${HELP}`);
  const portText = process.env.PORT ?? '4410';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got '${portText}'`);
  const host = process.env.HOST ?? '127.0.0.1';

  if (!args.includes('--no-build')) {
    await buildWorkbenchUi({ log: (line) => console.log(line) });
  }
  const orgStarted = Date.now();
  const stateDir = process.env.ACTIONPLANE_STATE_DIR || join(process.cwd(), '.actionplane');
  const app = createWorkbench({ stateDir, log: (line) => console.log(line) });
  console.log(`Demo org ready on the platform emulator in ${Date.now() - orgStarted} ms`);
  await app.listen({ port, host });
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const base = `http://localhost:${actualPort}`;
  const sample = app.demo.records('Opportunity')?.records[0];
  const sampleId = typeof sample?.Id === 'string' ? sample.Id : '';

  const expiry = setInterval(() => {
    try {
      const expired = app.demo.runExpiryJob();
      if (expired.length > 0) console.log(`ActionExpiryJob expired ${expired.length} action(s)`);
    } catch (e) {
      console.error(e instanceof Error ? e.message : String(e));
    }
  }, EXPIRY_EVERY_MS);
  expiry.unref();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      clearInterval(expiry);
      // close() saves the demo org's state (.actionplane/) before the process ends.
      void app.close().then(() => process.exit(0));
    });
  }

  console.log(`
ActionPlane workbench (NOT the production path) — ${base}   ready in ${((Date.now() - started) / 1000).toFixed(1)} s
  Approval Inbox: ${base}/
  Intake REST v1: ${base}${REST_BASE}
  The package's Apex runs on the platform emulator; state is saved in ${stateDir} (Reset demo data clears it).

Submit a proposal as the demo agent:
  curl -s -X POST ${base}${REST_BASE}/actions -H 'content-type: application/json' -d '{"run":{"agent":"pipeline-agent"},"actions":[{"idempotencyKey":"demo-1","object":"Opportunity","recordId":"${sampleId}","operation":"update","changes":{"Amount":${Math.round(Number(sample?.Amount ?? 10000) * 1.35)}},"confidence":0.9,"rationale":"Customer asked for 35% more seats"}]}'
`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
