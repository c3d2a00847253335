import type { Engine, Principal } from '@rpma/engine';
import { getRpmaLocale, type RpmaLocale, setRpmaLocale, type TrustedAccount } from '@rpma/ui-components';
import { css, html, LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import accounts from './demo-accounts.json';

type Theme = 'light' | 'dark';

/**
 * The shop app's shell: an `<rpma-engine-provider>` around the sign-in and, once someone is
 * signed in, the screens, each one `rpma-` element. Language and theme are remembered.
 */
export class ShopApp extends LitElement {
  static override styles = css`
    :host {
      display: block;
      min-height: 100vh;
    }
    header {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: center;
      padding: 8px 16px;
      border-bottom: 1px solid color-mix(in srgb, CanvasText 20%, transparent);
    }
    h1 {
      font-size: 1.1rem;
      margin: 0 auto 0 0;
    }
    main {
      padding: 16px;
    }
  `;

  /** The engine the screens use. */
  @property({ attribute: false }) engine?: Engine;

  @state() protected principal?: Principal;
  @state() private theme: Theme = (localStorage.getItem('rpma-theme') as Theme | null) ?? 'light';
  @state() private locale: RpmaLocale = getRpmaLocale();

  override connectedCallback(): void {
    super.connectedCallback();
    const saved = localStorage.getItem('rpma-locale') as RpmaLocale | null;
    if (saved && saved !== this.locale) void this.switchLocale(saved);
  }

  override render() {
    return html`<rpma-engine-provider
      .engine=${this.engine}
      theme=${this.theme}
      @rpma-principal-changed=${(e: CustomEvent<{ principal?: Principal }>) => {
        this.principal = e.detail.principal;
      }}
    >
      <header>
        <h1>RPMA</h1>
        <label>
          <span>${this.locale === 'fr' ? 'Langue' : 'Language'}</span>
          <select
            @change=${(e: Event) => this.switchLocale((e.target as HTMLSelectElement).value as RpmaLocale)}
          >
            <option value="en" ?selected=${this.locale === 'en'}>English</option>
            <option value="fr" ?selected=${this.locale === 'fr'}>Français</option>
          </select>
        </label>
        <button type="button" @click=${this.toggleTheme} aria-pressed=${this.theme === 'dark'}>
          ${this.locale === 'fr' ? 'Thème sombre' : 'Dark theme'}
        </button>
      </header>
      <main>
        <rpma-sign-in .accounts=${accounts as TrustedAccount[]}></rpma-sign-in>
      </main>
    </rpma-engine-provider>`;
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
