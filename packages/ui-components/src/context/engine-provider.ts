import { provide } from '@lit/context';
import { type Engine, isEngineError, type Principal } from '@rpma/engine';
import { css, html, LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { themeStyles } from '../theme/theme.js';
import { engineContext, principalContext, type SessionEnd, sessionEndContext } from './engine-context.js';

/**
 * Detail of `rpma-signed-in`: the principal every call will run as from now on.
 */
export interface SignedInDetail {
  principal: Principal;
}

/**
 * Hands an engine and the signed-in principal to every `rpma-` element inside it, through
 * `@lit/context`. It listens for `rpma-signed-in` and `rpma-signed-out` from its descendants
 * (the sign-in element sends them), so signing in once signs in the whole subtree. `theme` on the provider themes everything inside.
 *
 * A login session that ends under the user — revoked (from another screen or by an admin), or
 * timed out — signs the subtree out: the provider watches the engine's `session.revoked` and
 * `session.expired` events for its principal's session, checks the session when another tab
 * on the same store changed sessions or users, and once the user has been idle (no
 * pointer or key in the subtree) for the organisation's idle timeout it checks the session
 * with one call, which ends it if it did time out. The reason is kept in {@link sessionEnd}
 * (`<rpma-sign-in>` says it in words) until the next sign-in.
 *
 * @element rpma-engine-provider
 * @slot - The elements that use the engine.
 * @fires rpma-principal-changed - The principal changed (detail: `{ principal }`, undefined when signed out).
 * @fires rpma-session-ended - The session ended without a sign-out (detail: `{ reason }`, the engine's reason).
 * @cssprop --rpma-color-surface - Background of the provider's subtree.
 *
 * @example
 * ```html
 * <rpma-engine-provider theme="dark">
 *   <rpma-sign-in></rpma-sign-in>
 *   <rpma-task-list></rpma-task-list>
 * </rpma-engine-provider>
 * <script type="module">
 *   document.querySelector('rpma-engine-provider').engine = await createEngine({ storage: sqljsStorage() });
 * </script>
 * ```
 */
export class RpmaEngineProvider extends LitElement {
  static override styles = [
    themeStyles,
    css`
      :host {
        display: contents;
      }
    `,
  ];

  /** The engine its descendants use. */
  @provide({ context: engineContext })
  @property({ attribute: false })
  engine?: Engine;

  /** The signed-in principal, or undefined. Set it directly when the host signs users in itself. */
  @provide({ context: principalContext })
  @property({ attribute: false })
  principal?: Principal;

  /** Why the last session ended under the user; undefined after a sign-in. */
  @provide({ context: sessionEndContext })
  @property({ attribute: false })
  sessionEnd?: SessionEnd;

  /** Forces the light or dark scheme for the whole subtree. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  private unsubscribe: (() => void) | undefined;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private idleMs = 0;
  private lastActivity = 0;

  constructor() {
    super();
    this.addEventListener('rpma-signed-in', (event) => {
      this.sessionEnd = undefined;
      this.principal = (event as CustomEvent<SignedInDetail>).detail.principal;
    });
    this.addEventListener('rpma-signed-out', () => {
      this.principal = undefined;
    });
    const active = () => this.userActive();
    this.addEventListener('pointerdown', active);
    this.addEventListener('keydown', active);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    clearTimeout(this.idleTimer);
  }

  /**
   * Checks the signed-in session now with one engine call; if the engine refuses it (timed
   * out, revoked, account disabled) the subtree is signed out with the reason. Resolves true
   * while the session is usable (or there is none to check). The idle watch calls it.
   *
   * @example
   * ```ts
   * if (!(await provider.checkSession())) console.log(provider.sessionEnd?.reason);
   * ```
   */
  async checkSession(): Promise<boolean> {
    const principal = this.principal;
    if (!this.engine || !principal?.sessionId) return true;
    try {
      await this.engine.as(principal).sessions.list();
      return true;
    } catch (error) {
      if (!isEngineError(error, 'UNAUTHENTICATED')) throw error;
      if (this.principal === principal) this.sessionEnded(String(error.details.reason ?? 'unknown'));
      return false;
    }
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('engine')) this.watchSessions();
    if (changed.has('principal')) void this.watchIdle();
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('principal') && changed.get('principal') !== this.principal) {
      this.dispatchEvent(
        new CustomEvent('rpma-principal-changed', {
          detail: { principal: this.principal },
          bubbles: true,
          composed: true,
        }),
      );
    }
  }

  override render() {
    return html`<slot></slot>`;
  }

  private watchSessions(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    if (!this.engine) return;
    const ended = (event: { sessionId: string; reason: string }) => {
      if (event.sessionId === this.principal?.sessionId) this.sessionEnded(event.reason);
    };
    // Another tab on the same store wrote sessions or users (a revocation, a disabled account):
    // its events stay in that tab, so this one asks the engine about its own session.
    const elsewhere = ({ collections }: { collections: string[] }) => {
      if (collections.includes('sessions') || collections.includes('users')) void this.checkSession();
    };
    const off = [
      this.engine.events.on('session.revoked', ended),
      this.engine.events.on('session.expired', ended),
      this.engine.events.on('storage.external_change', elsewhere),
    ];
    this.unsubscribe = () => {
      for (const stop of off) stop();
    };
  }

  /** Reads the idle timeout once per sign-in, then re-arms the check after each activity. */
  private async watchIdle(): Promise<void> {
    clearTimeout(this.idleTimer);
    this.idleMs = 0;
    const principal = this.principal;
    if (!this.engine || !principal?.sessionId) return;
    let idleMinutes: number;
    try {
      idleMinutes = (await this.engine.as(principal).settings.get()).sessions.idleMinutes;
    } catch (error) {
      // A session still enrolling in 2FA may not read settings: the engine's events still end it.
      if (isEngineError(error)) return;
      throw error;
    }
    if (this.principal !== principal) return;
    this.idleMs = idleMinutes * 60_000;
    this.userActive();
  }

  private userActive(): void {
    if (this.idleMs === 0) return;
    const now = Date.now();
    if (this.idleTimer !== undefined && now - this.lastActivity < 1_000) return;
    this.lastActivity = now;
    clearTimeout(this.idleTimer);
    // A little past the timeout, so the engine's clock has passed it too.
    this.idleTimer = setTimeout(() => void this.idleCheck(), this.idleMs + 5_000);
  }

  private async idleCheck(): Promise<void> {
    this.idleTimer = undefined;
    if (await this.checkSession()) this.userActive();
  }

  private sessionEnded(reason: string): void {
    this.principal = undefined;
    this.sessionEnd = { reason };
    this.dispatchEvent(
      new CustomEvent('rpma-session-ended', { detail: { reason }, bubbles: true, composed: true }),
    );
  }
}
