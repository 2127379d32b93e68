/**
 * Vector kind `transition` (ConformanceVectorsStatus.json), run against ActionStatusMachine.ts:
 * `{ status, event?, expect: { status } | { error: 'ILLEGAL_TRANSITION', message? }, and optionally
 * { terminal, legalEvents } }` — a case without `event` only pins `terminal` / `legalEvents` of its status.
 */
import {
  IllegalTransitionError,
  isTerminal,
  legalEvents,
  transition,
  type ActionEvent,
  type ActionStatus,
} from '../ActionStatusMachine';
import { show, type VectorCase } from './VectorCase';

export interface TransitionVectorCase extends VectorCase {
  status: ActionStatus;
  event?: ActionEvent;
  expect: { status?: string; error?: string; message?: string; terminal?: boolean; legalEvents?: string[] };
}

export function checkTransitionVector(testCase: VectorCase): string[] {
  const c = testCase as TransitionVectorCase;
  const out: string[] = [];
  if (c.event !== undefined) {
    try {
      const next = transition(c.status, c.event);
      if (c.expect.error !== undefined) out.push(`expected ${c.expect.error}, got status ${show(next)}`);
      else if (next !== c.expect.status) out.push(`status: expected ${show(c.expect.status)}, got ${show(next)}`);
    } catch (e) {
      if (!(e instanceof IllegalTransitionError)) throw e;
      if (c.expect.error === undefined)
        out.push(`expected status ${show(c.expect.status)}, got ${e.code}: ${e.message}`);
      else if (e.code !== c.expect.error) out.push(`error: expected ${show(c.expect.error)}, got ${show(e.code)}`);
      if (c.expect.message !== undefined && e.message !== c.expect.message) {
        out.push(`message: expected ${show(c.expect.message)}, got ${show(e.message)}`);
      }
    }
  }
  if (c.expect.terminal !== undefined && isTerminal(c.status) !== c.expect.terminal) {
    out.push(`terminal: expected ${show(c.expect.terminal)}, got ${show(isTerminal(c.status))}`);
  }
  if (c.expect.legalEvents !== undefined) {
    const got = legalEvents(c.status);
    if (show(got) !== show(c.expect.legalEvents))
      out.push(`legalEvents: expected ${show(c.expect.legalEvents)}, got ${show(got)}`);
  }
  return out;
}
