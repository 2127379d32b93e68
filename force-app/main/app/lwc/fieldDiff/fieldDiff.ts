/**
 * fieldDiff — the before → after table of one action's field changes, formatted by type, each field's reason in
 * its own row; optionally the record's current values (drift flagged as the server found it) and the applied
 * values, lookup values as record names, and inline editing validated by type whose delta recomputes as the
 * approver types (the policy consequences come from the server's preview, passed in by the review).
 *
 * A create has no "before": the table shows only new values, each marked New; a delete has no "after": it shows the
 * values removed with the record, struck through and marked Removed, and cannot be edited. A sentence above the
 * table says which, so it never rests on colour.
 */
import { LightningElement, api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import type { EditPreview, FieldChange, FieldValue, Operation } from 'c/actionPlaneApi';
import {
  describeDetail,
  editText,
  formatValue,
  isBlankValue,
  isReadableWordDiff,
  kindOf,
  operationOf,
  validateEdit,
  valuesMatch,
  wantsWordDiff,
  wordDiff,
  type ValueKind,
} from 'c/actionPlaneFormat';
import { LABELS, formatLabel } from 'c/actionPlaneLabels';

interface EditState {
  raw: string;
  value: FieldValue;
  error: string | null;
}

interface WordView {
  key: string;
  text: string;
  isAdded: boolean;
  isRemoved: boolean;
  isSame: boolean;
}

interface OptionView {
  key: string;
  value: string;
  label: string;
  selected: boolean;
}

/** A value cell: its text, whether it is blank, and the record it names (a lookup) to link to. */
interface ValueView {
  text: string;
  blank: boolean;
  recordId: string | null;
}

export interface FieldEditDetail {
  field: string;
  value: FieldValue;
  error: string | null;
  /** Every valid edit that differs from the proposal, after this one. */
  values: Record<string, FieldValue>;
}

const TONE_CLASS = { up: 'slds-text-color_success', down: 'slds-text-color_error', neutral: 'slds-text-color_weak' };

export default class FieldDiff extends NavigationMixin(LightningElement) {
  /** The action's field changes (ActionDetail.fieldChanges). */
  @api fieldChanges: FieldChange[] = [];
  /** Show inputs so the approver can change the proposed values. */
  @api editable = false;
  /** Show the record's current values (pending, conflict, applied and failed states). */
  @api showCurrent = false;
  /** Show the values that were applied (instead of the proposal). */
  @api showApplied = false;
  /** Record id → name for lookup values (InboxRow.referenceNames). */
  @api referenceNames: Record<string, string> | null = null;
  /** The server's preview of the current edit: per-field reasons and values after policy (actionReview sets it). */
  @api preview: EditPreview | null = null;
  /** Flag every current value that differs from "before" (a Conflict or a refused write: why nothing was written). */
  @api flagDrift = false;
  /** What the action does to the record (InboxRow.operation): Update (the default), Create or Delete. */
  @api operation: string | null = null;
  /** The target object's label, for the sentence that says a create or delete is one ("Creates a new Opportunity"). */
  @api objectLabel: string | null = null;
  /** The action was applied: the sentence above a create or delete says what it did, not what it will do. */
  @api applied = false;
  /** The create restores a deleted record (InboxRow.restoresRecord): its values come back, they are not new. */
  @api restores = false;

  labels = LABELS;
  edits: Record<string, EditState> = {};

  get hasChanges(): boolean {
    return (this.fieldChanges ?? []).length > 0;
  }

  private get kind(): Operation {
    return operationOf({ operation: this.operation as Operation | null });
  }

  get isCreate(): boolean {
    return this.kind === 'Create';
  }

  get isDelete(): boolean {
    return this.kind === 'Delete';
  }

  /** A delete removes values and a restore brings them back as they were: nothing to type (nor in the review). */
  get isEditable(): boolean {
    return this.editable && !this.isDelete && !this.restores;
  }

  /** A create has no "before" column: nothing existed. */
  get showBefore(): boolean {
    return !this.isCreate;
  }

  get beforeHeading(): string {
    return this.isDelete ? LABELS.colRemovedValue : LABELS.colBefore;
  }

  /** A delete has no "after" column: every value goes with the record. */
  get showProposed(): boolean {
    return !this.showApplied && !this.isDelete;
  }

  get afterHeading(): string {
    if (this.isCreate) return this.restores ? LABELS.colRestoredValue : LABELS.colNewValue;
    return LABELS.colAfter;
  }

  get newMark(): string {
    return this.restores ? LABELS.markRestored : LABELS.markNew;
  }

  /** One sentence above a create or a delete, so the table's meaning does not rest on its marks alone. */
  get operationNote(): string {
    const objectLabel = this.objectLabel ?? '';
    if (this.isCreate && this.restores)
      return formatLabel(this.applied ? LABELS.diffRestored : LABELS.diffRestores, objectLabel);
    if (this.isCreate) return formatLabel(this.applied ? LABELS.diffCreated : LABELS.diffCreates, objectLabel);
    if (this.isDelete) return formatLabel(this.applied ? LABELS.diffDeleted : LABELS.diffDeletes, objectLabel);
    return '';
  }

  /**
   * A create or a delete is decided as a whole record, so every field usually has the same reason: said once above
   * the table instead of under each field.
   */
  get sharedReason(): string {
    if (!this.isCreate && !this.isDelete) return '';
    const reasons = new Set(this.currentRows().map((row) => row.reason));
    const [only] = [...reasons];
    return reasons.size === 1 && only ? only : '';
  }

  get rows() {
    const shared = this.sharedReason;
    if (!shared) return this.currentRows();
    return this.currentRows().map((row) => ({ ...row, hasReason: false }));
  }

  get columnCount(): number {
    return (
      1 +
      (this.showBefore ? 1 : 0) +
      (this.showProposed ? 1 : 0) +
      (this.showApplied ? 1 : 0) +
      (this.showCurrent ? 1 : 0)
    );
  }

  private valueView(kind: ValueKind, value: FieldValue, scale: number | null): ValueView {
    const names = this.referenceNames ?? {};
    const text = formatValue(kind, value, { scale, names });
    const id = kind === 'reference' && typeof value === 'string' && names[value] ? value : null;
    return { text, blank: isBlankValue(value), recordId: id };
  }

  private currentRows() {
    const previewByField = new Map((this.preview?.fields ?? []).map((field) => [field.field, field]));
    return (this.fieldChanges ?? []).map((change) => {
      const kind = kindOf(change.type);
      const edit = this.edits[change.field];
      const previewed = previewByField.get(change.field);
      // While editing, the delta and the word diff describe the value being typed.
      const shownAfter = this.isEditable && edit && !edit.error ? edit.value : change.after;
      // A created or removed value is whole: no delta from blank, no word diff against nothing.
      const wholeValue = this.isCreate || this.isDelete;
      const detail = wholeValue
        ? { text: '', tone: 'neutral' as const }
        : describeDetail({ ...change, after: shownAfter });
      const segments =
        !wholeValue && wantsWordDiff(kind, change.before, shownAfter)
          ? wordDiff(editText(change.before), editText(shownAfter))
          : [];
      const isWordDiff = segments.length > 0 && isReadableWordDiff(segments);
      const words: WordView[] = isWordDiff
        ? segments.map((segment) => ({
            key: segment.key,
            text: segment.text,
            isAdded: segment.kind === 'added',
            isRemoved: segment.kind === 'removed',
            isSame: segment.kind === 'same',
          }))
        : [];
      const raw = edit ? edit.raw : editText(change.after);
      const isPicklist = kind === 'picklist' && (change.picklistValues ?? []).length > 0;
      const isBoolean = kind === 'boolean';
      const choices: OptionView[] = isBoolean
        ? [
            { key: 'true', value: 'true', label: LABELS.yes, selected: raw === 'true' },
            { key: 'false', value: 'false', label: LABELS.no, selected: raw === 'false' },
          ]
        : (change.picklistValues ?? []).map((value) => ({ key: value, value, label: value, selected: raw === value }));
      const after = this.valueView(kind, shownAfter, change.scale);
      const changedSinceApplied =
        this.showApplied && this.showCurrent && !valuesMatch(kind, change.current, change.applied);
      const drifted = change.drifted === true || (this.flagDrift && !valuesMatch(kind, change.current, change.before));
      // A field the record still holds as planned (or as applied) says so in one word, not the value again.
      const unchanged =
        this.showCurrent &&
        (this.showApplied
          ? valuesMatch(kind, change.current, change.applied)
          : !drifted && valuesMatch(kind, change.current, change.before));
      const reason = this.isEditable && previewed ? previewed.reason : change.reason;
      const editError = edit?.error ?? previewed?.error ?? null;
      return {
        key: change.field,
        reasonKey: `${change.field}-reason`,
        field: change.field,
        label: change.label ?? change.field,
        before: this.valueView(kind, change.before, change.scale),
        after,
        rewritten: segments.length > 0 && !isWordDiff,
        isWordDiff,
        words,
        detailText: detail.text,
        detailClass: TONE_CLASS[detail.tone],
        current: this.valueView(kind, change.current, change.scale),
        currentUnchanged: unchanged,
        // Drift against the plan while it waits (the server's check) or after a Conflict; after applying, only a
        // later edit of the record counts, and it is news, not an error.
        currentFlag: drifted ? LABELS.changedSincePlan : changedSinceApplied ? LABELS.changedSinceApplied : '',
        currentFlagClass: drifted ? 'slds-text-color_error drift' : 'slds-text-color_weak changed-since',
        applied: this.valueView(kind, change.applied, change.scale),
        reason: reason ?? '',
        hasReason: !!reason,
        rule: change.rule ?? '',
        sensitivity: change.sensitivity ?? '',
        edited: change.editedByApprover,
        originalText: formatValue(kind, change.originalProposed, {
          scale: change.scale,
          names: this.referenceNames ?? {},
        }),
        isChoice: isPicklist || isBoolean,
        choices,
        inputType: kind === 'date' ? 'date' : 'text',
        inputMode:
          kind === 'currency' || kind === 'number' || kind === 'percent' || kind === 'integer' ? 'decimal' : 'text',
        editRaw: raw,
        editError,
        editClass: editError ? 'slds-form-element slds-has-error' : 'slds-form-element',
        editLabel: `${LABELS.newValueFor} ${change.label ?? change.field}`,
        colspan: String(this.columnCount),
      };
    });
  }

  handleEdit(event: Event): void {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    const field = target.dataset.field ?? '';
    const change = (this.fieldChanges ?? []).find((candidate) => candidate.field === field);
    if (!change) return;
    const result = validateEdit(change, target.value);
    const state: EditState = result.ok
      ? { raw: target.value, value: result.value, error: null }
      : { raw: target.value, value: null, error: result.error };
    this.edits = { ...this.edits, [field]: state };
    const detail: FieldEditDetail = {
      field,
      value: state.value,
      error: state.error,
      values: this.collectEdits().values,
    };
    this.dispatchEvent(new CustomEvent('fieldedit', { detail }));
  }

  handleRecordLink(event: Event): void {
    event.preventDefault();
    const recordId = (event.currentTarget as HTMLElement).dataset.recordId;
    if (!recordId) return;
    this[NavigationMixin.Navigate]({ type: 'standard__recordPage', attributes: { recordId, actionName: 'view' } });
  }

  /**
   * The approver's edits that differ from the proposal, and every validation error (field-precise). Fields left as
   * proposed are not included.
   */
  @api
  collectEdits(): { values: Record<string, FieldValue>; errors: string[] } {
    const values: Record<string, FieldValue> = {};
    const errors: string[] = [];
    for (const change of this.fieldChanges ?? []) {
      const edit = this.edits[change.field];
      if (!edit) continue;
      if (edit.error) errors.push(edit.error);
      else if (edit.raw !== editText(change.after)) values[change.field] = edit.value;
    }
    return { values, errors };
  }

  /** Typed values to put back (a draft restored after a reload); each is validated as if typed. */
  @api
  restoreEdits(raws: Record<string, string>): void {
    const edits: Record<string, EditState> = {};
    for (const change of this.fieldChanges ?? []) {
      const raw = raws[change.field];
      if (raw === undefined) continue;
      const result = validateEdit(change, raw);
      edits[change.field] = result.ok
        ? { raw, value: result.value, error: null }
        : { raw, value: null, error: result.error };
    }
    this.edits = edits;
  }

  /** What the approver typed, by field (for a draft that survives a reload). */
  @api
  typedEdits(): Record<string, string> {
    return Object.fromEntries(Object.entries(this.edits).map(([field, edit]) => [field, edit.raw]));
  }

  /** Forget every edit (after cancelling or deciding). */
  @api
  resetEdits(): void {
    this.edits = {};
  }
}
