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
  fc('StageName', 'picklist', 'Qualification', 'Closed Won', { picklistValues: STAGES }),
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
  collectEdits(): { values: Record<string, unknown>; errors: string[] };
  resetEdits(): void;
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
    expect(cell(render(), 'StageName', 'change')).toBe('forward 3 step(s)');
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

  it('showsEachFieldsGoverningRule', () => {
    const element = render();
    expect(cell(element, 'Amount', 'rule')).toBe('Needs approvalPolicy Amount');
    expect(row(element, 'Amount').querySelector<HTMLElement>('[data-effect]')?.dataset.effect).toBe('RequireApproval');
  });

  it('showsCurrentValuesAndDriftOnlyWhenAsked', async () => {
    const drifted = [fc('Amount', 'currency', 50000, 67500, { current: 52000 })];
    const element = render({ fieldChanges: drifted });
    expect(row(element, 'Amount').querySelector('[data-cell="current"]')).toBeNull();
    element.showCurrent = true;
    await flush();
    expect(cell(element, 'Amount', 'current')).toBe('$52,000.00Changed since the agent planned');
  });

  it('showsAppliedValuesAndApproverEdits', () => {
    const edited = [
      fc('Amount', 'currency', 50000, 60000, { applied: 60000, editedByApprover: true, originalProposed: 67500 }),
    ];
    const element = render({ fieldChanges: edited, showApplied: true });
    expect(cell(element, 'Amount', 'applied')).toBe('$60,000.00');
    expect(cell(element, 'Amount', 'after')).toContain('Edited by approver; agent proposed $67,500.00');
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
      expect(events).toEqual([{ field: 'Amount', value: null, error: 'Amount must be a number, got "lots".' }]);
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
