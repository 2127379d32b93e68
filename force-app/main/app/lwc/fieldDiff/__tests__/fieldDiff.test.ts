import { createElement } from 'lwc';
import FieldDiff from 'c/fieldDiff';
import type { FieldChange } from 'c/actionPlaneApi';

jest.mock('c/actionPlaneLabels', () =>
  jest.requireActual<{ labelsModule(): object }>('../../../../../../test/jest-mocks/labelTexts').labelsModule(),
);

const STAGES = ['Prospecting', 'Qualification', 'Proposal', 'Negotiation', 'Closed Won', 'Closed Lost'];

function fc(
  field: string,
  type: string,
  before: FieldChange['before'],
  after: FieldChange['after'],
  extra: Partial<FieldChange> = {},
): FieldChange {
  return {
    field,
    label: field,
    type,
    before,
    after,
    applied: null,
    current: before,
    effect: 'RequireApproval',
    rule: `Policy ${field}`,
    sensitivity: null,
    editedByApprover: false,
    originalProposed: null,
    scale: type === 'currency' ? 2 : null,
    picklistValues: null,
    ...extra,
  };
}

const CHANGES: FieldChange[] = [
  fc('Amount', 'currency', 50000, 67500),
  fc('CloseDate', 'date', '2026-12-01', '2026-12-15'),
  fc('StageName', 'picklist', 'Qualification', 'Closed Won', { picklistValues: STAGES, ordered: true }),
  fc('Description', 'textarea', 'Call the buyer on Monday', 'Call the CFO on Tuesday'),
  fc('NextStep', 'string', 'Send quote', null),
  fc('Probability', 'percent', 20, 90),
  fc('IsPrivate', 'boolean', false, true),
  fc('LastCall__c', 'datetime', '2026-11-20T10:00:00Z', '2026-11-26T10:00:00Z'),
];

type FieldDiffElement = HTMLElement & {
  fieldChanges: FieldChange[];
  editable: boolean;
  showCurrent: boolean;
  showApplied: boolean;
  flagDrift: boolean;
  referenceNames: Record<string, string> | null;
  preview: unknown;
  operation: string | null;
  objectLabel: string | null;
  applied: boolean;
  restores: boolean;
  collectEdits(): { values: Record<string, unknown>; errors: string[] };
  resetEdits(): void;
  restoreEdits(raws: Record<string, string>): void;
  typedEdits(): Record<string, string>;
};

function render(props: Partial<FieldDiffElement> = {}): FieldDiffElement {
  const element = createElement('c-field-diff', { is: FieldDiff }) as unknown as FieldDiffElement;
  Object.assign(element, { fieldChanges: CHANGES, ...props });
  document.body.appendChild(element);
  return element;
}

function row(element: HTMLElement, field: string): HTMLElement {
  const found = element.shadowRoot?.querySelector<HTMLElement>(`tr[data-field="${field}"]`);
  if (!found) throw new Error(`no row for ${field}`);
  return found;
}

function cell(element: HTMLElement, field: string, name: string): string {
  return (row(element, field).querySelector(`[data-cell="${name}"]`)?.textContent ?? '').trim();
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
});

describe('c-field-diff', () => {
  it('showsCurrencyWithDeltaAndPercent', () => {
    const element = render();
    expect(cell(element, 'Amount', 'before')).toBe('$50,000.00');
    expect(cell(element, 'Amount', 'after')).toBe('$67,500.00');
    expect(cell(element, 'Amount', 'change')).toBe('+$17,500.00 (+35%)');
  });

  it('showsDateShiftInDays', () => {
    const element = render();
    expect(cell(element, 'CloseDate', 'after')).toBe('Dec 15, 2026');
    expect(cell(element, 'CloseDate', 'change')).toBe('+14 days (later)');
    expect(cell(element, 'LastCall__c', 'change')).toBe('+6 days (later)');
  });

  it('showsStageMoveDirection', () => {
    expect(cell(render(), 'StageName', 'change')).toBe('forward 3 steps');
  });

  it('showsLongTextAsInlineWordDiff', () => {
    const after = row(render(), 'Description').querySelector('[data-cell="after"]');
    expect([...(after?.querySelectorAll('del') ?? [])].map((n) => n.textContent)).toEqual(['buyer', 'Monday']);
    expect([...(after?.querySelectorAll('ins') ?? [])].map((n) => n.textContent)).toEqual(['CFO', 'Tuesday']);
  });

  it('showsBlanksAsBlanksNotNull', () => {
    const after = row(render(), 'NextStep').querySelector('[data-cell="after"]');
    expect(after?.querySelector('.value')).toBeNull();
    expect(after?.querySelector('.blank')?.textContent).toBe('(blank)');
    expect(after?.textContent).not.toMatch(/null|undefined/);
  });

  it('showsPercentsAndBooleans', () => {
    const element = render();
    expect(cell(element, 'Probability', 'change')).toBe('+70 pts (+350%)');
    expect(cell(element, 'IsPrivate', 'before')).toBe('No');
    expect(cell(element, 'IsPrivate', 'after')).toBe('Yes');
  });

  it('showsEachFieldsReasonInItsOwnRowWithTheRuleAsTitle', () => {
    const changes = [
      fc('Amount', 'currency', 50000, 67500, { reason: 'Amount rises 35% (more than 20%): needs 2 approvals' }),
    ];
    const element = render({ fieldChanges: changes });
    const reason = element.shadowRoot?.querySelector<HTMLElement>('tr[data-reason="Amount"] td');
    expect(reason?.textContent?.trim()).toBe('Amount rises 35% (more than 20%): needs 2 approvals');
    expect(reason?.title).toBe('Policy Amount');
    expect(element.shadowRoot?.querySelector('tr[data-reason="CloseDate"]')).toBeNull();
  });

  it('showsTheLabelNotTheApiName', () => {
    const element = render({ fieldChanges: [fc('StageName', 'picklist', 'A', 'B', { label: 'Stage' })] });
    expect(row(element, 'StageName').querySelector('th')?.textContent?.trim()).toBe('Stage');
  });

  it('saysUnchangedWhenTheRecordStillHoldsThePlan', async () => {
    const element = render({ fieldChanges: [fc('Amount', 'currency', 50000, 67500, { current: 50000 })] });
    element.showCurrent = true;
    await flush();
    expect(cell(element, 'Amount', 'current')).toBe('Unchanged');
  });

  it('flagsDriftTheServerFoundBeforeTheVote', async () => {
    const drifted = [fc('Amount', 'currency', 50000, 67500, { current: 52000, drifted: true })];
    const element = render({ fieldChanges: drifted });
    expect(row(element, 'Amount').querySelector('[data-cell="current"]')).toBeNull();
    element.showCurrent = true;
    await flush();
    expect(cell(element, 'Amount', 'current')).toBe('$52,000.00Changed since the agent planned');
  });

  it('doesNotFlagAnAppliedChangeAsDrift', () => {
    const applied = [fc('Amount', 'currency', 50000, 67500, { current: 67500, applied: 67500, drifted: false })];
    const element = render({ fieldChanges: applied, showCurrent: true, showApplied: true });
    expect(cell(element, 'Amount', 'current')).toBe('Unchanged');
    expect(row(element, 'Amount').querySelector('.drift')).toBeNull();
  });

  it('notesAnEditOfTheRecordAfterItWasApplied', () => {
    const edited = [fc('Amount', 'currency', 50000, 67500, { current: 70000, applied: 67500 })];
    const element = render({ fieldChanges: edited, showCurrent: true, showApplied: true });
    expect(cell(element, 'Amount', 'current')).toBe('$70,000.00Changed since it was applied');
  });

  it('showsLookupValuesAsRecordNamesWithLinks', () => {
    const owner = [fc('OwnerId', 'reference', '005A', '005B', { label: 'Owner' })];
    const element = render({ fieldChanges: owner, referenceNames: { '005A': 'Maria Lopez', '005B': 'Sam Okafor' } });
    expect(cell(element, 'OwnerId', 'before')).toBe('Maria Lopez');
    expect(cell(element, 'OwnerId', 'after')).toBe('Sam Okafor');
    expect(row(element, 'OwnerId').querySelector<HTMLElement>('a.record-value')?.dataset.recordId).toBe('005A');
  });

  it('showsAFullRewriteWholeInsteadOfInterleavingWords', () => {
    const rewrite = [
      fc('Description', 'textarea', 'Send revised quote to procurement', 'Book the kickoff workshop for January'),
    ];
    const after = row(render({ fieldChanges: rewrite }), 'Description').querySelector('[data-cell="after"]');
    expect(after?.querySelector('del')).toBeNull();
    expect(after?.querySelector('.rewritten')?.textContent).toBe('Book the kickoff workshop for January');
  });

  it('showsAppliedValuesAndApproverEdits', () => {
    const edited = [
      fc('Amount', 'currency', 50000, 60000, { applied: 60000, editedByApprover: true, originalProposed: 67500 }),
    ];
    const element = render({ fieldChanges: edited, showApplied: true });
    expect(cell(element, 'Amount', 'applied')).toBe('$60,000.00Edited by approver; agent proposed $67,500.00');
  });

  it('saysSoWhenThereAreNoChanges', () => {
    const element = render({ fieldChanges: [] });
    expect(element.shadowRoot?.textContent).toContain('This action changes no fields.');
  });

  describe('editing', () => {
    async function edit(element: HTMLElement, field: string, value: string) {
      const input = row(element, field).querySelector<HTMLInputElement | HTMLSelectElement>('input, select');
      if (!input) throw new Error(`no input for ${field}`);
      input.value = value;
      input.dispatchEvent(new CustomEvent('change'));
      await flush();
    }

    it('validatesByTypeAndShowsAFieldPreciseError', async () => {
      const element = render({ editable: true });
      const events: unknown[] = [];
      element.addEventListener('fieldedit', (event) => events.push((event as CustomEvent<unknown>).detail));
      await edit(element, 'Amount', 'lots');
      expect(row(element, 'Amount').querySelector('[data-error="Amount"]')?.textContent).toBe(
        'Amount must be a number, got "lots".',
      );
      expect(events).toEqual([
        { field: 'Amount', value: null, error: 'Amount must be a number, got "lots".', values: {} },
      ]);
      expect(element.collectEdits().errors).toEqual(['Amount must be a number, got "lots".']);
    });

    it('collectsOnlyChangedValidValuesAsJson', async () => {
      const element = render({ editable: true });
      await edit(element, 'Amount', '60,000');
      await edit(element, 'CloseDate', '2026-12-15');
      await edit(element, 'StageName', 'Proposal');
      await edit(element, 'IsPrivate', 'false');
      expect(element.collectEdits()).toEqual({
        values: { Amount: 60000, StageName: 'Proposal', IsPrivate: false },
        errors: [],
      });
      expect(row(element, 'Amount').querySelector('[data-error]')).toBeNull();
    });

    it('recomputesTheDeltaAsTheApproverTypes', async () => {
      const element = render({ editable: true });
      await edit(element, 'Amount', '100000');
      expect(cell(element, 'Amount', 'change')).toBe('+$50,000.00 (+100%)');
    });

    it('showsTheServersReasonForTheEditedValue', async () => {
      const element = render({
        editable: true,
        fieldChanges: [fc('Amount', 'currency', 50000, 55000, { reason: 'needs 1' })],
      });
      element.preview = {
        fields: [
          {
            field: 'Amount',
            after: 100000,
            edited: true,
            effect: 'RequireApproval',
            rule: 'X',
            reason: 'needs 2',
            error: null,
          },
        ],
      };
      await flush();
      expect(element.shadowRoot?.querySelector('tr[data-reason="Amount"] td')?.textContent?.trim()).toBe('needs 2');
    });

    it('restoresTypedValuesFromADraft', async () => {
      const element = render({ editable: true });
      element.restoreEdits({ Amount: '61000' });
      await flush();
      expect(element.collectEdits().values).toEqual({ Amount: 61000 });
      expect(element.typedEdits()).toEqual({ Amount: '61000' });
    });

    it('offersPicklistValuesAsChoices', () => {
      const element = render({ editable: true });
      const options = [...row(element, 'StageName').querySelectorAll('option')].map((o) => o.value);
      expect(options).toEqual(['', ...STAGES]);
    });

    it('forgetsEditsOnReset', async () => {
      const element = render({ editable: true });
      await edit(element, 'Amount', 'lots');
      element.resetEdits();
      await flush();
      expect(element.collectEdits()).toEqual({ values: {}, errors: [] });
      expect(row(element, 'Amount').querySelector('[data-error]')).toBeNull();
    });
  });
});

/** A create's plan: every field new (before null); nothing to compare with, so no current value either. */
const CREATED: FieldChange[] = [
  fc('Name', 'string', null, 'Acme Expansion', { label: 'Opportunity Name', current: null }),
  fc('Amount', 'currency', null, 20000, { current: null }),
  fc('CloseDate', 'date', null, '2027-01-31', { label: 'Close Date', current: null }),
];

/** A delete's plan: the values the record holds (before), each removed with it (after null). */
const REMOVED: FieldChange[] = [
  fc('Name', 'string', 'Duplicate deal', null, { label: 'Opportunity Name', current: 'Duplicate deal' }),
  fc('Amount', 'currency', 15000, null, { current: 15000 }),
];

function headings(element: HTMLElement): string[] {
  return [...(element.shadowRoot?.querySelectorAll('thead th') ?? [])].map((th) => th.textContent?.trim() ?? '');
}

describe('c-field-diff of a create or a delete', () => {
  it('showsACreateAsNewValuesOnlyEachMarkedNew', () => {
    const element = render({ fieldChanges: CREATED, operation: 'Create', objectLabel: 'Opportunity' });
    expect(headings(element)).toEqual(['Field', 'New value']);
    expect(element.shadowRoot?.querySelector('[data-cell="before"]')).toBeNull();
    expect(element.shadowRoot?.querySelector('.operation-note')?.textContent?.trim()).toBe(
      'Creates a new Opportunity: every value below is new, and there is no record yet to compare with.',
    );
    for (const field of ['Name', 'Amount', 'CloseDate']) {
      expect(row(element, field).querySelector('.new-mark')?.textContent).toBe('New');
    }
    expect(row(element, 'Amount').querySelector('ins.new-value')?.textContent).toBe('$20,000.00');
    expect(cell(element, 'Amount', 'after')).toBe('$20,000.00');
    expect(row(element, 'Amount').querySelector('[data-cell="change"]')).toBeNull();
    expect(cell(element, 'CloseDate', 'after')).toBe('Jan 31, 2027');
  });

  it('saysWhatAnAppliedCreateDid', () => {
    const element = render({
      fieldChanges: CREATED.map((change) => ({ ...change, applied: change.after, current: change.after })),
      operation: 'Create',
      objectLabel: 'Opportunity',
      applied: true,
      showApplied: true,
      showCurrent: true,
    });
    expect(headings(element)).toEqual(['Field', 'Applied', 'Now']);
    expect(element.shadowRoot?.querySelector('.operation-note')?.textContent?.trim()).toBe(
      'Created a new Opportunity with the values below.',
    );
    expect(cell(element, 'Amount', 'current')).toBe('Unchanged');
  });

  it('editsTheNewValuesOfACreate', async () => {
    const element = render({ fieldChanges: CREATED, operation: 'Create', objectLabel: 'Opportunity', editable: true });
    const input = row(element, 'Amount').querySelector<HTMLInputElement>('input');
    expect(input?.value).toBe('20000');
    if (!input) throw new Error('no input for Amount');
    input.value = '25000';
    input.dispatchEvent(new CustomEvent('change'));
    await flush();
    expect(element.collectEdits()).toEqual({ values: { Amount: 25000 }, errors: [] });
    expect(row(element, 'Amount').querySelector('[data-cell="change"]')).toBeNull();
  });

  it('showsADeleteAsRemovedValuesStruckThroughAndMarkedRemoved', () => {
    const element = render({
      fieldChanges: REMOVED,
      operation: 'Delete',
      objectLabel: 'Opportunity',
      showCurrent: true,
    });
    expect(headings(element)).toEqual(['Field', 'Removed value', 'Now']);
    expect(element.shadowRoot?.querySelector('[data-cell="after"]')).toBeNull();
    expect(element.shadowRoot?.querySelector('.operation-note')?.textContent?.trim()).toBe(
      'Deletes this Opportunity: every value below is removed with the record.',
    );
    expect(row(element, 'Amount').querySelector('.removed-mark')?.textContent).toBe('Removed');
    expect(row(element, 'Amount').querySelector('del.removed-value')?.textContent).toBe('$15,000.00');
    expect(row(element, 'Name').querySelector('del.removed-value')?.textContent).toBe('Duplicate deal');
    expect(cell(element, 'Amount', 'current')).toBe('Unchanged');
  });

  it('flagsADeletedRecordThatChangedSinceThePlan', () => {
    const element = render({
      fieldChanges: [{ ...REMOVED[1], current: 18000, drifted: true } as FieldChange],
      operation: 'Delete',
      showCurrent: true,
    });
    expect(cell(element, 'Amount', 'current')).toContain('Changed since the agent planned');
  });

  it('offersNoInputsForADeleteEvenWhenAskedToEdit', () => {
    const element = render({ fieldChanges: REMOVED, operation: 'Delete', editable: true });
    expect(element.shadowRoot?.querySelector('input, select')).toBeNull();
  });

  it('saysTheReasonEveryFieldOfADeleteSharesOnce', () => {
    const reason = 'Deleting the Opportunity removes Name, Amount: needs 1 approval from Sales Managers';
    const element = render({
      fieldChanges: REMOVED.map((change) => ({ ...change, reason })),
      operation: 'Delete',
      objectLabel: 'Opportunity',
    });
    expect(element.shadowRoot?.querySelector('.shared-reason')?.textContent).toBe(reason);
    expect(element.shadowRoot?.querySelectorAll('.reason-row')).toHaveLength(0);
  });

  it('keepsEachFieldsReasonWhenTheyDiffer', () => {
    const element = render({
      fieldChanges: CREATED.map((change) => ({ ...change, reason: `${change.field} needs a manager` })),
      operation: 'Create',
    });
    expect(element.shadowRoot?.querySelector('.shared-reason')).toBeNull();
    expect(element.shadowRoot?.querySelectorAll('.reason-row')).toHaveLength(3);
  });

  it('showsARestoreAsTheValuesThatComeBackAndOffersNoInputs', () => {
    const element = render({
      fieldChanges: CREATED,
      operation: 'Create',
      restores: true,
      objectLabel: 'Opportunity',
      editable: true,
    });
    expect(headings(element)).toEqual(['Field', 'Restored value']);
    expect(row(element, 'Amount').querySelector('.new-mark')?.textContent).toBe('Restored');
    expect(element.shadowRoot?.querySelector('.operation-note')?.textContent?.trim()).toBe(
      'Restores this Opportunity from the Recycle Bin: it comes back with the values below, as they were when it was deleted.',
    );
    expect(element.shadowRoot?.querySelector('input, select')).toBeNull();
  });

  it('readsAnUpdateAsBeforeAndSaysNothingAboveIt', () => {
    const element = render({ operation: 'Update' });
    expect(headings(element)).toEqual(['Field', 'Before', 'Proposed']);
    expect(element.shadowRoot?.querySelector('.operation-note')).toBeNull();
    expect(element.shadowRoot?.querySelector('.operation-mark')).toBeNull();
  });
});
