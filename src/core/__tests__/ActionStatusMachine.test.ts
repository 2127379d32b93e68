import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ACTION_EVENTS,
  ACTION_STATUSES,
  IllegalTransitionError,
  isTerminal,
  legalEvents,
  transition,
  type ActionStatus,
} from '../ActionStatusMachine';
import { VECTOR_KINDS, type VectorCase } from '../vectors';

// The same file the Apex CoreVectorsTest reads from the ConformanceVectorsStatus static resource.
const FILE = join(__dirname, '../../../test-app/main/core/staticresources/ConformanceVectorsStatus.json');
const cases = JSON.parse(readFileSync(FILE, 'utf8')) as VectorCase[];

describe('status conformance vectors', () => {
  it('list every legal move and at least 15 illegal ones', () => {
    const legal = ACTION_STATUSES.flatMap((s) => legalEvents(s).map((e) => `${s}/${e}`));
    const pinned = cases
      .filter((c) => c.event !== undefined && (c.expect as { status?: string }).status !== undefined)
      .map((c) => `${String(c.status)}/${String(c.event)}`);
    expect([...pinned].sort()).toEqual([...legal].sort());
    expect(cases.filter((c) => (c.expect as { error?: string }).error !== undefined).length).toBeGreaterThanOrEqual(15);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(VECTOR_KINDS.transition?.(c)).toEqual([]);
  });
});

describe('transition', () => {
  it('moves a pending action to Approved on approve', () => {
    expect(transition('PendingApproval', 'approve')).toBe('Approved');
  });

  it('refuses approving a rejected action with a named error', () => {
    let caught: unknown;
    try {
      transition('Rejected', 'approve');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(IllegalTransitionError);
    expect(caught).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      status: 'Rejected',
      event: 'approve',
      message: 'Cannot approve an action that is Rejected',
    });
  });

  it('allows no move out of a terminal status except compensating an applied action', () => {
    const open = ACTION_STATUSES.filter((s) => isTerminal(s) && legalEvents(s).length > 0);
    expect(open).toEqual(['Applied']);
  });

  it('refuses every event not listed as legal', () => {
    for (const s of ACTION_STATUSES) {
      for (const e of ACTION_EVENTS.filter((ev) => !legalEvents(s).includes(ev))) {
        expect(() => transition(s, e)).toThrow(`Cannot ${e} an action that is ${s}`);
      }
    }
  });

  it('names an unknown status coming from stored data', () => {
    expect(() => transition('Draft' as ActionStatus, 'approve')).toThrow("Unknown action status 'Draft'");
  });
});
