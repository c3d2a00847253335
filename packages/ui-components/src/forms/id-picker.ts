import { property } from 'lit/decorators.js';
import { type ControlProblem, RpmaFormControl } from './form-control.js';

/**
 * Base class of the pickers whose value is one document id (client, vehicle): `value` and the
 * engine's `issue` about it, the id submitted with the form, `valueMissing` when `required` and
 * empty, reset to the `value` attribute and restore of the id. A subclass renders the choice,
 * says what a missing value reads as, and calls `changed()` when the user picks.
 *
 * @example
 * ```ts
 * class MyPicker extends RpmaIdPicker {
 *   protected missingMessage() { return 'Choose a bay'; }
 *   protected validityAnchor() { return this.renderRoot.querySelector('select') ?? undefined; }
 * }
 * ```
 */
export abstract class RpmaIdPicker extends RpmaFormControl {
  /** The chosen id ('' for none). */
  @property() value = '';
  /** A refusal to show under the control (the engine's message about the choice). */
  @property() issue = '';

  /** What `validationMessage` says when `required` and nothing is chosen. */
  protected abstract missingMessage(): string;

  /** Hands the new value to the form now and fires `change`, after the user changed it. */
  protected changed(): void {
    this.syncForm();
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  protected formValue(): string | null {
    return this.value || null;
  }

  protected formState(): string {
    return this.value;
  }

  protected problem(): ControlProblem | undefined {
    if (this.required && !this.value) return { flag: 'valueMissing', message: this.missingMessage() };
    if (this.issue) return { flag: 'customError', message: this.issue };
    return undefined;
  }

  protected resetValue(): void {
    this.value = this.getAttribute('value') ?? '';
    this.issue = '';
  }

  protected restoreValue(state: string): void {
    this.value = state;
  }
}
