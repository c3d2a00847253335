import { property, state } from 'lit/decorators.js';
import { RpmaElement } from '../base/rpma-element.js';

/** What a form control reports about its value: nothing when it is valid. */
export interface ControlProblem {
  /** The `ValidityState` flag that holds (`valueMissing`, `customError`, …). */
  flag: keyof ValidityStateFlags;
  /** The message, in words, the browser shows and `validationMessage` returns. */
  message: string;
}

/**
 * Base class of the pickers that take part in a plain `<form>` (form-associated custom elements
 * through `ElementInternals`): `name`, `required`, `disabled` (its own or a disabled
 * `<fieldset>`'s), the value submitted with the form, validity (`checkValidity()`,
 * `reportValidity()`, `:invalid`), form reset and the browser's state restore. A subclass says
 * what it submits, what makes it invalid, and how to reset and restore.
 *
 * @example
 * ```ts
 * class MyPicker extends RpmaFormControl {
 *   protected formValue() { return this.value || null; }
 *   protected problem() { return this.required && !this.value ? { flag: 'valueMissing', message: 'Pick one' } : undefined; }
 *   protected resetValue() { this.value = ''; }
 *   protected restoreValue(state: string) { this.value = state; }
 * }
 * ```
 */
export abstract class RpmaFormControl extends RpmaElement {
  /** The element takes part in forms. */
  static formAssociated = true;

  /** The name the value is submitted under. */
  @property({ reflect: true }) name = '';
  /** A value is needed for the form to submit. */
  @property({ type: Boolean, reflect: true }) required = false;
  /** The control cannot be used and is not submitted. */
  @property({ type: Boolean, reflect: true }) disabled = false;
  /** The visible label; the default names what is picked. */
  @property() label = '';

  /** True while an enclosing `<fieldset disabled>` disables the control. */
  @state() protected formDisabled = false;

  /** @ignore */
  protected readonly internals: ElementInternals;

  constructor() {
    super();
    this.internals = this.attachInternals();
  }

  /** The form the control belongs to, if any. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  /** The validity of the current value, as for a native input. */
  get validity(): ValidityState {
    return this.internals.validity;
  }

  /** Why the value is invalid, in words; empty when it is valid. */
  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  /** Whether the form validates the control (false while disabled). */
  get willValidate(): boolean {
    return this.internals.willValidate;
  }

  /** True when the value is valid; otherwise fires `invalid` and returns false. */
  checkValidity(): boolean {
    return this.internals.checkValidity();
  }

  /** Like `checkValidity()`, and the browser shows the message. */
  reportValidity(): boolean {
    return this.internals.reportValidity();
  }

  /** Disabled by itself or by its form's fieldset. @ignore */
  protected get inactive(): boolean {
    return this.disabled || this.formDisabled;
  }

  /** @ignore */
  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  /** @ignore */
  formResetCallback(): void {
    this.resetValue();
  }

  /** @ignore */
  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state === 'string') this.restoreValue(state);
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    super.updated(changed);
    this.syncForm();
  }

  /**
   * Hands the current value and validity to the form. Runs after every render; a subclass also
   * calls it right after the user changes the value, so a form submitted in the same task
   * already sees the new value. @ignore
   */
  protected syncForm(): void {
    const state = this.formState();
    this.internals.setFormValue(this.formValue(), state);
    const problem = this.problem();
    if (problem) {
      this.internals.setValidity({ [problem.flag]: true }, problem.message, this.validityAnchor());
    } else {
      this.internals.setValidity({});
    }
  }

  /** What the form submits (null: nothing). */
  protected abstract formValue(): string | FormData | null;
  /** The value as one string, for the browser to restore (back/forward, autofill). */
  protected abstract formState(): string;
  /** What makes the current value invalid, if anything. */
  protected abstract problem(): ControlProblem | undefined;
  /** Back to the initial value (the form was reset). */
  protected abstract resetValue(): void;
  /** The value the browser restores, as `formState()` wrote it. */
  protected abstract restoreValue(state: string): void;
  /** The inner element the browser points at when it reports a problem. */
  protected abstract validityAnchor(): HTMLElement | undefined;
}
