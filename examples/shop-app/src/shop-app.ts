import type { Engine, Principal } from '@rpma/engine';
import {
  getRpmaLocale,
  type InterventionOpenDetail,
  type RpmaLocale,
  setRpmaLocale,
  type TaskSelectDetail,
  type TrustedAccount,
} from '@rpma/ui-components';
import { html, LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import accounts from './demo-accounts.json';
import { shellStyles } from './shop-app.styles.js';

type Theme = 'light' | 'dark';
type Screen = 'tasks' | 'board' | 'stock' | 'task' | 'intervention';

/**
 * The shop app's shell: an `<rpma-engine-provider>` around the sign-in and, once someone is
 * signed in, the screens — each one `rpma-` element — wired by their events (a task chosen in
 * the list or board opens it; its intervention opens in the runner). Language and theme are
 * remembered.
 */
export class ShopApp extends LitElement {
  static override styles = shellStyles;

  /** The engine the screens use. */
  @property({ attribute: false }) engine?: Engine;

  @state() protected principal?: Principal;
  @state() private screen: Screen = 'tasks';
  @state() private taskId = '';
  @state() private interventionId = '';
  @state() private theme: Theme = (localStorage.getItem('rpma-theme') as Theme | null) ?? 'light';
  @state() private locale: RpmaLocale = getRpmaLocale();

  override connectedCallback(): void {
    super.connectedCallback();
    const saved = localStorage.getItem('rpma-locale') as RpmaLocale | null;
    if (saved && saved !== this.locale) void this.switchLocale(saved);
  }

  override render() {
    const fr = this.locale === 'fr';
    return html`<rpma-engine-provider
      .engine=${this.engine}
      theme=${this.theme}
      @rpma-principal-changed=${(e: CustomEvent<{ principal?: Principal }>) => {
        this.principal = e.detail.principal;
        this.screen = 'tasks';
      }}
      @rpma-task-select=${(e: CustomEvent<TaskSelectDetail>) => this.go('task', e.detail.taskId)}
      @rpma-intervention-open=${(e: CustomEvent<InterventionOpenDetail>) => {
        this.interventionId = e.detail.interventionId;
        this.screen = 'intervention';
      }}
    >
      <header>
        <h1>RPMA</h1>
        ${
          this.principal
            ? html`<nav aria-label=${fr ? 'Écrans' : 'Screens'}>
              <button type="button" aria-current=${this.screen === 'tasks'} @click=${() => this.go('tasks')}>
                ${fr ? 'Tâches' : 'Tasks'}
              </button>
              <button type="button" aria-current=${this.screen === 'board'} @click=${() => this.go('board')}>
                ${fr ? 'Tableau' : 'Board'}
              </button>
              <button type="button" aria-current=${this.screen === 'stock'} @click=${() => this.go('stock')}>
                ${fr ? 'Stock' : 'Stock'}
              </button>
            </nav>`
            : ''
        }
        <label>
          <span>${fr ? 'Langue' : 'Language'}</span>
          <select @change=${(e: Event) => this.switchLocale((e.target as HTMLSelectElement).value as RpmaLocale)}>
            <option value="en" ?selected=${!fr}>English</option>
            <option value="fr" ?selected=${fr}>Français</option>
          </select>
        </label>
        <button type="button" @click=${this.toggleTheme} aria-pressed=${this.theme === 'dark'}>
          ${fr ? 'Thème sombre' : 'Dark theme'}
        </button>
      </header>
      <main>
        <rpma-sign-in trusted-only .accounts=${accounts as TrustedAccount[]}></rpma-sign-in>
        ${this.principal ? this.renderScreen() : ''}
      </main>
    </rpma-engine-provider>`;
  }

  private renderScreen() {
    const mine = this.principal?.role === 'technician' ? this.principal.userId : '';
    switch (this.screen) {
      case 'board':
        return html`<rpma-task-board technician-id=${mine}></rpma-task-board>`;
      case 'stock':
        return html`<rpma-stock-levels></rpma-stock-levels>`;
      case 'task':
        return html`<rpma-task-detail task-id=${this.taskId}></rpma-task-detail>`;
      case 'intervention':
        return html`<rpma-intervention-runner intervention-id=${this.interventionId}></rpma-intervention-runner>`;
      default:
        return html`<rpma-task-list technician-id=${mine} status="scheduled,in_progress,on_hold"></rpma-task-list>`;
    }
  }

  private go(screen: Screen, taskId = this.taskId): void {
    this.screen = screen;
    this.taskId = taskId;
  }

  private async switchLocale(locale: RpmaLocale): Promise<void> {
    await setRpmaLocale(locale);
    localStorage.setItem('rpma-locale', locale);
    document.documentElement.lang = locale;
    this.locale = locale;
  }

  private toggleTheme(): void {
    this.theme = this.theme === 'dark' ? 'light' : 'dark';
    localStorage.setItem('rpma-theme', this.theme);
  }
}
