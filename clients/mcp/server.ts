/**
 * The ActionPlane MCP server (stdio, official MCP TypeScript SDK): lets any MCP-capable agent propose a governed
 * change to a Salesforce record and learn its fate. Tools: `propose_record_update`, `get_action_status`,
 * `list_pending_for_run`. Each answers text that says what happened and why — what the agent should tell its user.
 *
 * Run: `npx tsx clients/mcp/server.ts` with ACTIONPLANE_URL (workbench) or ACTIONPLANE_LOGIN_URL +
 * ACTIONPLANE_CLIENT_ID + ACTIONPLANE_CLIENT_SECRET (an org); see docs/clients.md.
 */
import { createHash, randomUUID } from 'node:crypto';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import {
  ActionPlaneApiError,
  ActionPlaneAuthError,
  ActionPlaneClient,
  ActionPlaneConnectionError,
  clientOptionsFrom,
  describeOutcome,
  formatFieldError,
  withApproverGroups,
  type ActionDetail,
  type JsonValue,
} from '../actionplane-client';

export const DEFAULT_AGENT = 'MCP_Agent';

const jsonValue: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValue), z.record(jsonValue)]),
);

const proposeShape = {
  object: z
    .string()
    .min(1)
    .describe('API name of the record\'s object, for example "Opportunity" or "Case" (the API name, not the label).'),
  recordId: z.string().min(15).max(18).describe('The 15- or 18-character Salesforce id of the existing record.'),
  changes: z
    .record(jsonValue)
    .refine((c) => Object.keys(c).length > 0, 'name at least one field')
    .describe(
      'Field API name → new value, e.g. {"StageName": "Closed Won", "Amount": 65000, "CloseDate": "2026-12-31"}. ' +
        'Dates as YYYY-MM-DD, numbers without currency symbols, true/false for checkboxes, null to clear.',
    ),
  confidence: z
    .number()
    .min(0)
    .max(1)
    .optional()
    .describe(
      'How sure you are that the change is right, 0 (guess) to 1 (certain). Confident routine changes may run without approval.',
    ),
  rationale: z.string().optional().describe('One or two sentences on why the record should change; approvers read it.'),
  evidence: z
    .string()
    .optional()
    .describe('What the change is based on (call notes, email quote, link); shown to approvers.'),
  runId: z
    .string()
    .optional()
    .describe(
      'Your id for this conversation or task. Proposals with the same runId form one run; reuse it for follow-ups.',
    ),
  agent: z
    .string()
    .optional()
    .describe(`Your agent name; policies can treat agents differently. Default ${DEFAULT_AGENT}.`),
  idempotencyKey: z
    .string()
    .optional()
    .describe('Optional unique key; the same key again returns the stored result instead of proposing twice.'),
};

type ProposeArgs = z.infer<z.ZodObject<typeof proposeShape>>;

function text(message: string, isError = false): CallToolResult {
  return { content: [{ type: 'text', text: message }], ...(isError ? { isError: true } : {}) };
}

/** Same agent, run and change → same key, so a retried tool call does not propose twice. */
export function derivedKey(agent: string, args: ProposeArgs): string {
  if (!args.runId) return randomUUID();
  const material = [agent, args.runId, args.object, args.recordId, JSON.stringify(args.changes)].join('\n');
  return `mcp-${createHash('sha256').update(material).digest('hex')}`;
}

function failure(e: unknown, what: string): CallToolResult {
  if (e instanceof ActionPlaneApiError) {
    const lines = e.errors.map((error) => `- ${formatFieldError(error)}`).join('\n');
    const advice = e.hasCode('PAUSED')
      ? 'ActionPlane is paused by an admin: tell the user no changes are accepted right now.'
      : 'Nothing was written. Fix the problems above and try again.';
    return text(`ActionPlane refused to ${what} (HTTP ${e.status}):\n${lines}\n${advice}`, true);
  }
  if (e instanceof ActionPlaneAuthError || e instanceof ActionPlaneConnectionError) return text(e.message, true);
  throw e;
}

function detailLines(action: ActionDetail): string[] {
  const lines: string[] = [];
  for (const d of action.decisions) {
    lines.push(`- ${d.decision} by ${d.approver ?? 'an approver'}${d.reason ? `: ${d.reason}` : ''}`);
  }
  if (Object.keys(action.appliedValues).length > 0)
    lines.push(`Applied values: ${JSON.stringify(action.appliedValues)}`);
  return lines;
}

/** The MCP server over one ActionPlane client. */
export function createActionPlaneMcpServer(client: ActionPlaneClient, defaults: { agent?: string } = {}): McpServer {
  const server = new McpServer({ name: 'actionplane', version: '1.0.0' });

  server.registerTool(
    'propose_record_update',
    {
      title: 'Propose a Salesforce record update',
      description:
        'Propose changing fields of ONE existing Salesforce record. Nothing is written directly: ActionPlane checks ' +
        "the change against the org's policy and answers at once whether it was applied automatically, is waiting " +
        'for approval (and by whom, and why), or is blocked (and why). Tell the user that outcome in your own words; ' +
        'never claim a pending change was made. Keep the returned action id to follow up with get_action_status.',
      inputSchema: proposeShape,
    },
    async (args) => {
      const agent = args.agent?.trim() || defaults.agent || DEFAULT_AGENT;
      try {
        const response = await client.submit({
          run: { agent, source: 'External', ...(args.runId ? { externalId: args.runId } : {}) },
          actions: [
            {
              idempotencyKey: args.idempotencyKey?.trim() || derivedKey(agent, args),
              object: args.object,
              recordId: args.recordId,
              operation: 'update',
              changes: args.changes,
              ...(args.confidence !== undefined ? { confidence: args.confidence } : {}),
              ...(args.rationale ? { rationale: args.rationale } : {}),
              ...(args.evidence ? { evidence: args.evidence } : {}),
            },
          ],
        });
        const [action] = await withApproverGroups(client, response.actions);
        if (!action) return text('ActionPlane answered without an action.', true);
        const replay = response.replayed
          ? ' (already proposed earlier with the same key; this is the stored result)'
          : '';
        return text(
          `${action.status}${replay}: ${describeOutcome(action)}\n` +
            `Action id: ${action.id} (run ${response.runId}). Use get_action_status with this id to follow up.`,
        );
      } catch (e) {
        return failure(e, 'accept the proposal');
      }
    },
  );

  server.registerTool(
    'get_action_status',
    {
      title: 'Get the status of a proposed update',
      description:
        'Look up an action proposed earlier with propose_record_update: still waiting for approval, applied, ' +
        "rejected (with the approver's reason), blocked, expired (nobody decided in time; not a rejection), " +
        'cancelled, or not applied because the record changed. Returns a sentence to tell the user.',
      inputSchema: {
        actionId: z.string().min(1).describe('The action id returned by propose_record_update.'),
      },
    },
    async ({ actionId }) => {
      try {
        const action = await client.getAction(actionId);
        return text([`${action.status}: ${describeOutcome(action)}`, ...detailLines(action)].join('\n'));
      } catch (e) {
        return failure(e, 'look up the action');
      }
    },
  );

  server.registerTool(
    'list_pending_for_run',
    {
      title: 'List the proposals of a run that wait for approval',
      description:
        'List the actions of one run (your runId, or the ActionPlane run id) that still wait for a human decision, ' +
        'with who must approve and why. Use it to tell the user what is still open before finishing a task.',
      inputSchema: {
        runId: z.string().min(1).describe('The runId you passed to propose_record_update, or the ActionPlane run id.'),
      },
    },
    async ({ runId }) => {
      try {
        const run = await client.getRun(runId);
        const pending = await withApproverGroups(
          client,
          run.actions.filter((a) => a.status === 'PendingApproval'),
        );
        if (pending.length === 0) {
          return text(
            `No action of run ${run.run.externalId ?? run.run.id} waits for approval (${run.actions.length} action(s) in the run, status ${run.run.status}).`,
          );
        }
        const lines = pending.map((a) => `- ${a.id}: ${describeOutcome(a)}`);
        return text(
          `${pending.length} action(s) of run ${run.run.externalId ?? run.run.id} wait for approval:\n${lines.join('\n')}`,
        );
      } catch (e) {
        return failure(e, 'read the run');
      }
    },
  );

  return server;
}

async function main(): Promise<void> {
  const client = new ActionPlaneClient(clientOptionsFrom({}));
  const server = createActionPlaneMcpServer(client, { agent: process.env.ACTIONPLANE_AGENT });
  await server.connect(new StdioServerTransport());
}

if (require.main === module) {
  main().catch((e: unknown) => {
    // stdout belongs to the MCP protocol; problems go to stderr.
    process.stderr.write(`actionplane MCP server: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}
