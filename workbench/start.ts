/**
 * `npm start`: builds the workbench UI from the org's LWC sources, then serves the workbench at
 * http://localhost:4410 (PORT overrides). `--no-build` serves the last build. Not the production path.
 */
import { buildWorkbenchUi } from './build';
import { createWorkbench, REST_BASE } from './server';

const HELP = `Usage: npm start [-- --no-build]

Starts the ActionPlane workbench: the real LWC components and the intake REST v1 paths, backed by an in-memory
demo org (not the production path). PORT overrides the port (default 4410); HOST the interface (default 127.0.0.1).
  --no-build   serve the UI built last time instead of rebuilding it
  --help       show this help`;

async function main(): Promise<void> {
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
  const app = createWorkbench();
  await app.listen({ port, host });
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const base = `http://localhost:${actualPort}`;
  const sample = app.org.store.records.Opportunity?.[0];
  console.log(`
ActionPlane workbench (NOT the production path) — ${base}
  Approval Inbox: ${base}/
  Intake REST v1: ${base}${REST_BASE}

Submit a proposal as the demo agent:
  curl -s -X POST ${base}${REST_BASE}/actions -H 'content-type: application/json' -d '{"run":{"agent":"pipeline-agent"},"actions":[{"idempotencyKey":"demo-1","object":"Opportunity","recordId":"${sample?.Id ?? ''}","operation":"update","changes":{"Amount":${Math.round(Number(sample?.Amount ?? 10000) * 1.35)}},"confidence":0.9,"rationale":"Customer asked for 35% more seats"}]}'
`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
