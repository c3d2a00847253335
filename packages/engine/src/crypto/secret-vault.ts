import { EngineError } from '../kernel/engine-error.js';
import { SecretBox, type SecretKeyInput } from './secret-box.js';

/**
 * The engine's {@link SecretBox}, made from the host key in `createEngine({ secrets: { key } })`.
 * Without a key, features that store secrets (TOTP enrolment) are refused with `PRECONDITION`:
 * the engine never keeps a secret unencrypted.
 *
 * @example
 * ```ts
 * const box = await engine.get<SecretVault>(TOKENS.SecretVault).box();
 * ```
 */
export class SecretVault {
  private opened: Promise<SecretBox> | undefined;

  constructor(private readonly key: SecretKeyInput | undefined) {}

  /** True when the host configured a key. */
  get configured(): boolean {
    return this.key !== undefined;
  }

  /** The box; `PRECONDITION` without a key, `VALIDATION` for a malformed one. */
  box(): Promise<SecretBox> {
    if (this.key === undefined) {
      return Promise.reject(
        new EngineError(
          'PRECONDITION',
          'storing secrets needs a key: pass createEngine({ secrets: { key } })',
        ),
      );
    }
    this.opened ??= SecretBox.create(this.key);
    return this.opened;
  }
}
