/**
 * fieldDiff — the before → after table of one action's field changes, formatted by type, with each field's
 * governing rule; optionally the record's current and applied values, and inline editing validated by type.
 */
import { LightningElement, api } from 'lwc';
import type { FieldChange, FieldValue } from 'c/actionPlaneApi';
import {
  describeDetail,
  editText,
  effectBadgeClass,
  effectLabel,
  formatValue,
  isBlankValue,
  kindOf,
  validateEdit,
  wantsWordDiff,
  wordDiff,
} from 'c/actionPlaneFormat';
import { LABELS } from 'c/actionPlaneLabels';

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

export interface FieldEditDetail {
  field: string;
  value: FieldValue;
  error: string | null;
}

const TONE_CLASS = { up: 'slds-text-color_success', down: 'slds-text-color_error', neutral: 'slds-text-color_weak' };

export default class FieldDiff extends LightningElement {
  /** The action's field changes (ActionDetail.fieldChanges). */
  @api fieldChanges: FieldChange[] = [];
  /** Show inputs so the approver can change the proposed values. */
  @api editable = false;
  /** Show the record's current values (conflict, applied and failed states). */
  @api showCurrent = false;
  /** Show the values that were applied. */
  @api showApplied = false;

  labels = LABELS;
  edits: Record<string, EditState> = {};

  get hasChanges(): boolean {
    return (this.fieldChanges ?? []).length > 0;
  }

  get rows() {
    return (this.fieldChanges ?? []).map((change) => {
      const kind = kindOf(change.type);
      const options = { scale: change.scale };
      const detail = describeDetail(change);
      const isWordDiff = wantsWordDiff(kind, change.before, change.after);
      const words: WordView[] = isWordDiff
        ? wordDiff(editText(change.before), editText(change.after)).map((segment) => ({
            key: segment.key,
            text: segment.text,
            isAdded: segment.kind === 'added',
            isRemoved: segment.kind === 'removed',
            isSame: segment.kind === 'same',
          }))
        : [];
      const beforeText = formatValue(kind, change.before, options);
      const currentText = formatValue(kind, change.current, options);
      const edit = this.edits[change.field];
      const raw = edit ? edit.raw : editText(change.after);
      const isPicklist = kind === 'picklist' && (change.picklistValues ?? []).length > 0;
      const isBoolean = kind === 'boolean';
      const choices: OptionView[] = isBoolean
        ? [
            { key: 'true', value: 'true', label: LABELS.yes, selected: raw === 'true' },
            { key: 'false', value: 'false', label: LABELS.no, selected: raw === 'false' },
          ]
        : (change.picklistValues ?? []).map((value) => ({ key: value, value, label: value, selected: raw === value }));
      return {
        key: change.field,
        field: change.field,
        label: change.label ?? change.field,
        beforeText,
        beforeBlank: isBlankValue(change.before),
        afterText: formatValue(kind, change.after, options),
        afterBlank: isBlankValue(change.after),
        isWordDiff,
        words,
        detailText: detail.text,
        detailClass: TONE_CLASS[detail.tone],
        currentText,
        currentBlank: isBlankValue(change.current),
        currentDrifted: this.showCurrent && currentText !== beforeText,
        appliedText: formatValue(kind, change.applied, options),
        appliedBlank: isBlankValue(change.applied),
        effect: change.effect ?? '',
        effectText: effectLabel(change.effect),
        effectClass: effectBadgeClass(change.effect),
        rule: change.rule ?? '',
        sensitivity: change.sensitivity ?? '',
        edited: change.editedByApprover,
        originalText: formatValue(kind, change.originalProposed, options),
        isChoice: isPicklist || isBoolean,
        choices,
        inputType: kind === 'date' ? 'date' : 'text',
        inputMode:
          kind === 'currency' || kind === 'number' || kind === 'percent' || kind === 'integer' ? 'decimal' : 'text',
        editRaw: raw,
        editError: edit?.error ?? null,
        editClass: edit?.error ? 'slds-form-element slds-has-error' : 'slds-form-element',
        editLabel: `${LABELS.newValueFor} ${change.label ?? change.field}`,
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
    const detail: FieldEditDetail = { field, value: state.value, error: state.error };
    this.dispatchEvent(new CustomEvent('fieldedit', { detail }));
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

  /** Forget every edit (after cancelling or deciding). */
  @api
  resetEdits(): void {
    this.edits = {};
  }
}
