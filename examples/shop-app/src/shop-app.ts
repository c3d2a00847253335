import type { Engine, Principal } from '@rpma/engine';
import {
  type CalendarResource,
  type DemoAccount,
  getRpmaLocale,
  type InterventionOpenDetail,
  mayRun,
  type RpmaLocale,
  setRpmaLocale,
  type TaskSelectDetail,
} from '@rpma/ui-components';
import { html, LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import accounts from './demo-accounts.json';
import { NAV, navFor, navScreen, parseHash, type Route, routeHash, type Screen } from './routes.js';
import { BAYS } from './seed/demo-data.js';
import { shellStyles } from './shop-app.styles.js';

type Theme = 'light' | 'dark';

const defined = (tag: string) => customElements.get(tag) !== undefined;

/**
 * The shop app's shell: an `<rpma-engine-provider>` around the sign-in (email and password;
 * the demo accounts fill the form) and, once someone is signed in, the screens their role may
 * see — each one `rpma-` element, wired by their events (a task chosen anywhere opens it, its
 * intervention opens in the runner, a client opens its page). The screen lives in the location
 * hash, so reload and the back button keep it. When the session ends under the user, the
 * sign-in says why. Language and theme are remembered.
 */
export class ShopApp extends LitElement {
  static override styles = shellStyles;

  /** The engine the screens use. */
  @property({ attribute: false }) engine?: Engine;

  @state() protected principal?: Principal;
  @state() private route: Route = parseHash(location.hash);
  @state() private theme: Theme = (localStorage.getItem('rpma-theme') as Theme | null) ?? 'light';
  @state() private locale: RpmaLocale = getRpmaLocale();
  @state() private technicians: CalendarResource[] = [];

  private readonly onHashChange = () => {
    this.route = parseHash(location.hash);
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
    const saved = localStorage.getItem('rpma-locale') as RpmaLocale | null;
    if (saved && saved !== this.locale) void this.switchLocale(saved);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
  }

  override render() {
    const fr = this.locale === 'fr';
    return html`<rpma-engine-provider
      .engine=${this.engine}
      theme=${this.theme}
      @rpma-principal-changed=${(e: CustomEvent<{ principal?: Principal }>) => {
        this.principal = e.detail.principal;
        void this.loadTechnicians();
      }}
      @rpma-task-select=${(e: CustomEvent<TaskSelectDetail>) => this.go({ screen: 'task', id: e.detail.taskId })}
      @rpma-task-saved=${(e: CustomEvent<{ taskId: string }>) => this.go({ screen: 'task', id: e.detail.taskId })}
      @rpma-intervention-open=${(e: CustomEvent<InterventionOpenDetail>) =>
        this.go({ screen: 'intervention', id: e.detail.interventionId })}
      @rpma-client-select=${(e: CustomEvent<{ clientId: string }>) =>
        this.go({ screen: 'client', id: e.detail.clientId })}
      @rpma-client-deleted=${() => this.go({ screen: 'clients', id: '' })}
      @rpma-calendar-event-select=${(e: CustomEvent<{ taskId: string | null }>) => {
        if (e.detail.taskId) this.go({ screen: 'task', id: e.detail.taskId });
      }}
    >
      <header>
        <h1>RPMA</h1>
        ${this.principal ? this.renderNav(this.principal, fr) : html`<span class="spacer"></span>`}
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
        ${
          this.principal
            ? html`<span class="who">${this.principal.displayName ?? this.principal.userId}</span>
              <button type="button" @click=${this.signOut}>${fr ? 'Se déconnecter' : 'Sign out'}</button>`
            : ''
        }
      </header>
      <main>
        ${this.principal ? this.renderScreen(this.principal, fr) : html`<rpma-sign-in .demoAccounts=${accounts as DemoAccount[]}></rpma-sign-in>`}
      </main>
    </rpma-engine-provider>`;
  }

  private renderNav(principal: Principal, fr: boolean) {
    const current = navScreen(this.route.screen);
    return html`<nav aria-label=${fr ? 'Écrans' : 'Screens'}>
      ${navFor(principal.role, defined).map(
        (
          item,
        ) => html`<a href=${routeHash({ screen: item.screen, id: '' })} aria-current=${current === item.screen ? 'page' : 'false'}>
          ${fr ? item.fr : item.en}
        </a>`,
      )}
    </nav>`;
  }

  private renderScreen(principal: Principal, fr: boolean) {
    const { screen, id } = this.allowed(principal, this.route.screen)
      ? this.route
      : { screen: 'dashboard', id: '' };
    const mine = principal.role === 'technician' ? principal.userId : '';
    switch (screen as Screen) {
      case 'tasks':
        return html`<div class="toolbar">
            <h2>${fr ? 'Tâches' : 'Tasks'}</h2>
            ${
              this.mayCreateTasks(principal)
                ? html`<a class="button" href="#/tasks/new">${fr ? 'Nouvelle tâche' : 'New task'}</a>`
                : ''
            }
          </div>
          <rpma-task-list technician-id=${mine} status="scheduled,in_progress,on_hold"></rpma-task-list>`;
      case 'new-task':
        return html`<rpma-task-form></rpma-task-form>`;
      case 'task':
        return html`<rpma-task-detail task-id=${id}></rpma-task-detail>`;
      case 'board':
        return html`<rpma-task-board technician-id=${mine}></rpma-task-board>`;
      case 'calendar':
        return html`<rpma-calendar
          technician-id=${mine}
          .technicians=${this.technicians}
          .bays=${BAYS}
        ></rpma-calendar>`;
      case 'clients':
        return html`<rpma-client-list></rpma-client-list>`;
      case 'client':
        return html`<rpma-client-detail client-id=${id}></rpma-client-detail>`;
      case 'interventions':
        return html`<rpma-intervention-list></rpma-intervention-list>`;
      case 'intervention':
        return html`<rpma-intervention-runner intervention-id=${id}></rpma-intervention-runner>`;
      case 'inventory':
        return defined('rpma-inventory')
          ? html`<rpma-inventory></rpma-inventory>`
          : html`<rpma-stock-levels></rpma-stock-levels>`;
      case 'settings':
        return html`<rpma-settings></rpma-settings>`;
      case 'users':
        return html`<rpma-users></rpma-users>`;
      case 'trash':
        return html`<rpma-trash></rpma-trash>`;
      case 'account':
        return html`<rpma-account></rpma-account>`;
      default:
        return html`<rpma-dashboard></rpma-dashboard>`;
    }
  }

  /** A screen the principal's role may see (a record's screen follows its list's rule). */
  private allowed(principal: Principal, screen: Screen): boolean {
    if (screen === 'new-task') return this.mayCreateTasks(principal);
    const entry = NAV.find((item) => item.screen === navScreen(screen));
    if (!entry?.roles.includes(principal.role)) return false;
    return navScreen(screen) !== screen || defined(entry.tag);
  }

  /** The engine's policy decides; the form must be on the page. */
  private mayCreateTasks(principal: Principal): boolean {
    return mayRun(principal, 'tasks.create') && defined('rpma-task-form');
  }

  /** The technicians' names for the calendar: all of them for who may list users, else oneself. */
  private async loadTechnicians(): Promise<void> {
    const principal = this.principal;
    if (!principal || !this.engine) {
      this.technicians = [];
    } else if (mayRun(principal, 'users.list')) {
      const page = await this.engine
        .as(principal)
        .users.list({ role: 'technician', enabledOnly: true, limit: 1000 });
      this.technicians = page.items.map((user) => ({ id: user.id, name: user.displayName }));
    } else {
      this.technicians = [{ id: principal.userId, name: principal.displayName ?? principal.userId }];
    }
  }

  private go(route: Route): void {
    location.hash = routeHash(route);
  }

  private async signOut(): Promise<void> {
    const principal = this.principal;
    const provider = this.renderRoot.querySelector('rpma-engine-provider');
    // Signed out first, so the provider does not take the session's end for an expiry.
    provider?.dispatchEvent(new CustomEvent('rpma-signed-out', { detail: {} }));
    if (this.engine && principal?.sessionId) await this.engine.auth.logout(principal);
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
