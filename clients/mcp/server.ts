/**
 * The ActionPlane MCP server (stdio, official MCP TypeScript SDK): lets any MCP-capable agent propose a governed
 * change to a Salesforce record — an update, a new record or a delete — and learn its fate. Tools:
 * `propose_record_update`, `propose_record_create`, `propose_record_delete`, `get_action_status`,
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
  withCreatedRecords,
  operationOf,
  valueList,
  type ActionDetail,
  type ActionResult,
  type JsonValue,
  type Operation,
  type ProposedAction,
} from '../actionplane-client';

export const DEFAULT_AGENT = 'MCP_Agent';

const jsonValue: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValue), z.record(jsonValue)]),
);

const objectName = (what: string) =>
  z
    .string()
    .min(1)
    .describe(`API name of the ${what} object, for example "Opportunity" or "Case" (the API name, not the label).`);

const recordId = (what: string) =>
  z.string().min(15).max(18).describe(`The 15- or 18-character Salesforce id of the existing record ${what}.`);

/** What every proposal carries besides its target: why, how sure, which run, which key. */
const contextShape = {
  confidence: z
    .number()
    .min(0)
    .max(1)
    .optional()
    .describe(
      'How sure you are that the proposal is right, 0 (guess) to 1 (certain). Confident routine changes may run without approval.',
    ),
  rationale: z.string().optional().describe('One or two sentences on why; approvers read it before deciding.'),
  evidence: z
    .string()
    .optional()
    .describe("What the proposal is based on (call notes, email quote, link, the duplicate's id); shown to approvers."),
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

const fieldValues = (description: string) =>
  z
    .record(jsonValue)
    .refine((c) => Object.keys(c).length > 0, 'name at least one field')
    .describe(description);

const proposeShape = {
  object: objectName("record's"),
  recordId: recordId('to change'),
  changes: fieldValues(
    'Field API name → new value, e.g. {"StageName": "Closed Won", "Amount": 65000, "CloseDate": "2026-12-31"}. ' +
      'Dates as YYYY-MM-DD, numbers without currency symbols, true/false for checkboxes, null to clear.',
  ),
  ...contextShape,
};

// Strict: a create names no record and a delete no fields; a stray recordId or changes is refused, never dropped.
const createSchema = z
  .object({
    object: objectName("new record's"),
    changes: fieldValues(
      'Field API name → value of the new record, e.g. {"Name": "Acme - Expansion", "StageName": "Prospecting", ' +
        '"CloseDate": "2026-12-31", "Amount": 20000}. Include every required field of the object (Opportunity: ' +
        'Name, StageName, CloseDate). Dates as YYYY-MM-DD, numbers without currency symbols, true/false for ' +
        'checkboxes, record ids for lookups. No recordId: the new id is known once it is created.',
    ),
    ...contextShape,
  })
  .strict();

const deleteSchema = z
  .object({
    object: objectName("record's"),
    recordId: recordId('to delete'),
    ...contextShape,
  })
  .strict();

type ProposeArgs = z.infer<z.ZodObject<typeof proposeShape>>;
type CreateArgs = z.infer<typeof createSchema>;
type DeleteArgs = z.infer<typeof deleteSchema>;
type AnyProposeArgs = ProposeArgs | CreateArgs | DeleteArgs;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** An action to propose, without what the tool adds from its context (key, confidence, rationale, evidence). */
type ActionTarget = DistributiveOmit<ProposedAction, 'idempotencyKey' | 'confidence' | 'rationale' | 'evidence'>;

function text(message: string, isError = false): CallToolResult {
  return { content: [{ type: 'text', text: message }], ...(isError ? { isError: true } : {}) };
}

/** Same agent, run and proposal → same key, so a retried tool call does not propose twice. */
export function derivedKey(agent: string, args: AnyProposeArgs, operation: Operation = 'update'): string {
  if (!args.runId) return randomUUID();
  const target = 'recordId' in args ? args.recordId : '';
  const changes = 'changes' in args ? JSON.stringify(args.changes) : '';
  // An update's material is what it was before creates and deletes (its keys stay the same); a create's and a
  // delete's name their operation, so two operations never share a key.
  const material =
    operation === 'update'
      ? [agent, args.runId, args.object, target, changes]
      : [agent, args.runId, operation, args.object, target, changes];
  return `mcp-${createHash('sha256').update(material.join('\n')).digest('hex')}`;
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

/** For a create or a delete, the values it writes or removes, as the approver sees them. */
function valuesLine(action: ActionResult): string[] {
  const operation = operationOf(action);
  if (operation === 'update' || action.fieldChanges.length === 0) return [];
  return [`${operation === 'create' ? 'New values' : 'Values the delete removes'}: ${valueList(action)}.`];
}

function detailLines(action: ActionDetail): string[] {
  const lines: string[] = [];
  const operation = operationOf(action);
  if (operation !== 'update') {
    lines.push(
      `${operation === 'create' ? 'Create' : 'Delete'} ${action.object}${action.recordId ? ` ${action.recordId}` : ' (no record until it is created)'}`,
    );
  }
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

  /** Submits one proposal and answers its outcome in words, or each field-precise problem. */
  async function propose(args: AnyProposeArgs, action: ActionTarget): Promise<CallToolResult> {
    const agent = args.agent?.trim() || defaults.agent || DEFAULT_AGENT;
    try {
      const response = await client.submit({
        run: { agent, source: 'External', ...(args.runId ? { externalId: args.runId } : {}) },
        actions: [
          {
            ...action,
            idempotencyKey: args.idempotencyKey?.trim() || derivedKey(agent, args, action.operation),
            ...(args.confidence !== undefined ? { confidence: args.confidence } : {}),
            ...(args.rationale ? { rationale: args.rationale } : {}),
            ...(args.evidence ? { evidence: args.evidence } : {}),
          },
        ],
      });
      const [answered] = await withCreatedRecords(client, await withApproverGroups(client, response.actions));
      if (!answered) return text('ActionPlane answered without an action.', true);
      const replay = response.replayed
        ? ' (already proposed earlier with the same key; this is the stored result)'
        : '';
      return text(
        [
          `${answered.status}${replay}: ${describeOutcome(answered)}`,
          ...valuesLine(answered),
          `Action id: ${answered.id} (run ${response.runId}). Use get_action_status with this id to follow up.`,
        ].join('\n'),
      );
    } catch (e) {
      return failure(e, 'accept the proposal');
    }
  }

  server.registerTool(
    'propose_record_update',
    {
      title: 'Propose a Salesforce record update',
      description:
        'Propose changing fields of ONE existing Salesforce record. Nothing is written directly: ActionPlane checks ' +
        "the change against the org's policy and answers at once whether it was applied automatically, is waiting " +
        'for approval (and by whom, and why), or is blocked (and why). Tell the user that outcome in your own words; ' +
        'never claim a pending change was made. Keep the returned action id to follow up with get_action_status. ' +
        'To add a new record use propose_record_create; to remove one, propose_record_delete.',
      inputSchema: proposeShape,
    },
    async (args) =>
      propose(args, { object: args.object, recordId: args.recordId, operation: 'update', changes: args.changes }),
  );

  server.registerTool(
    'propose_record_create',
    {
      title: 'Propose creating a Salesforce record',
      description:
        'Propose creating ONE new Salesforce record (a follow-up Task, a Case, a Contact, an Opportunity…) with the ' +
        "given field values, including the object's required fields. Nothing is inserted directly: ActionPlane " +
        "checks the values and the org's policy and answers at once whether the record was created automatically " +
        '(with its new id), is waiting for approval (and by whom, and why; no record exists until then), or is ' +
        'blocked (and why). Missing required fields or fields you may not set come back one per line with their ' +
        'path (actions[0].changes.<Field>). Look the record up first: to change an existing record use ' +
        'propose_record_update instead. Keep the returned action id to follow up with get_action_status.',
      inputSchema: createSchema,
    },
    async (args) => propose(args, { object: args.object, operation: 'create', changes: args.changes }),
  );

  server.registerTool(
    'propose_record_delete',
    {
      title: 'Propose deleting a Salesforce record',
      description:
        'Propose deleting ONE existing Salesforce record (a duplicate, a record created by mistake); pass its object ' +
        'and id, no field values. Use it only when the user asked for the delete or confirmed it. Nothing is ' +
        "deleted directly: ActionPlane checks you may delete the record and the org's policy, and answers at once " +
        'whether it was deleted automatically, is waiting for approval (and by whom, and why; the record stays ' +
        'until then), or is blocked (and why). The answer lists the values the delete removes, as the approver ' +
        'sees them. To clear or change fields use propose_record_update instead. Keep the returned action id to ' +
        'follow up with get_action_status.',
      inputSchema: deleteSchema,
    },
    async (args) => propose(args, { object: args.object, recordId: args.recordId, operation: 'delete' }),
  );

  server.registerTool(
    'get_action_status',
    {
      title: 'Get the status of a proposal',
      description:
        'Look up an action proposed earlier with propose_record_update, propose_record_create or ' +
        'propose_record_delete: still waiting for approval, applied (for a create, with the new record id), ' +
        "rejected (with the approver's reason), blocked, expired (nobody decided in time; not a rejection), " +
        'cancelled, or not applied because the record changed. Returns a sentence to tell the user.',
      inputSchema: {
        actionId: z.string().min(1).describe('The action id a propose_record_* tool returned.'),
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
        runId: z
          .string()
          .min(1)
          .describe('The runId you passed to the propose_record_* tools, or the ActionPlane run id.'),
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
