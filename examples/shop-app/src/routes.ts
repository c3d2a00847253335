import type { Role } from '@rpma/engine';

/** The screens of the shop app. */
export type Screen =
  | 'dashboard'
  | 'tasks'
  | 'new-task'
  | 'task'
  | 'board'
  | 'calendar'
  | 'clients'
  | 'client'
  | 'interventions'
  | 'intervention'
  | 'inventory'
  | 'settings'
  | 'trash'
  | 'users'
  | 'account';

/** Where the app is: a screen and, for one record's screen, its id. */
export interface Route {
  screen: Screen;
  id: string;
}

/** A screen in the navigation: who sees it and the element it needs on the page. */
export interface NavItem {
  screen: Screen;
  en: string;
  fr: string;
  /** The `rpma-` element the screen shows; the screen is left out while it is not defined. */
  tag: string;
  roles: readonly Role[];
}

const everyone: readonly Role[] = ['admin', 'supervisor', 'technician', 'viewer'];
const staff: readonly Role[] = ['admin', 'supervisor'];

/** The navigation, in order. */
export const NAV: readonly NavItem[] = [
  { screen: 'dashboard', en: 'Dashboard', fr: 'Accueil', tag: 'rpma-dashboard', roles: everyone },
  { screen: 'tasks', en: 'Tasks', fr: 'Tâches', tag: 'rpma-task-list', roles: everyone },
  { screen: 'board', en: 'Board', fr: 'Tableau', tag: 'rpma-task-board', roles: everyone },
  { screen: 'calendar', en: 'Calendar', fr: 'Calendrier', tag: 'rpma-calendar', roles: everyone },
  { screen: 'clients', en: 'Clients', fr: 'Clients', tag: 'rpma-client-list', roles: everyone },
  {
    screen: 'interventions',
    en: 'Interventions',
    fr: 'Interventions',
    tag: 'rpma-intervention-list',
    roles: everyone,
  },
  // The full inventory when `<rpma-inventory>` is on the page; the stock levels otherwise.
  { screen: 'inventory', en: 'Inventory', fr: 'Stock', tag: 'rpma-stock-levels', roles: everyone },
  { screen: 'settings', en: 'Settings', fr: 'Réglages', tag: 'rpma-settings', roles: staff },
  { screen: 'users', en: 'Users', fr: 'Utilisateurs', tag: 'rpma-users', roles: ['admin'] },
  { screen: 'trash', en: 'Trash', fr: 'Corbeille', tag: 'rpma-trash', roles: ['admin'] },
  { screen: 'account', en: 'My account', fr: 'Mon compte', tag: 'rpma-account', roles: everyone },
];

/** Screens reached from another one, and the navigation entry they belong to. */
const CHILDREN: Partial<Record<Screen, Screen>> = {
  task: 'tasks',
  'new-task': 'tasks',
  client: 'clients',
  intervention: 'interventions',
};

/** Screens of one record: their hash carries its id. */
const WITH_ID: Partial<Record<Screen, string>> = {
  task: 'tasks',
  client: 'clients',
  intervention: 'interventions',
};

/**
 * Reads a location hash (`#/tasks/abc`, `#/tasks/new`, `#/board`); anything else is the dashboard.
 *
 * @example
 * ```ts
 * parseHash('#/clients/c-1'); // { screen: 'client', id: 'c-1' }
 * ```
 */
export function parseHash(hash: string): Route {
  const [first = '', second = ''] = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  if (first === 'tasks' && second === 'new') return { screen: 'new-task', id: '' };
  const child = Object.entries(WITH_ID).find(([, parent]) => parent === first)?.[0] as Screen | undefined;
  if (child && second) return { screen: child, id: second };
  const item = NAV.find((n) => n.screen === first);
  return { screen: item?.screen ?? 'dashboard', id: '' };
}

/**
 * The hash of a route.
 *
 * @example
 * ```ts
 * routeHash({ screen: 'task', id: 't-1' }); // '#/tasks/t-1'
 * ```
 */
export function routeHash(route: Route): string {
  if (route.screen === 'new-task') return '#/tasks/new';
  const parent = WITH_ID[route.screen];
  return parent ? `#/${parent}/${encodeURIComponent(route.id)}` : `#/${route.screen}`;
}

/**
 * The navigation entries `role` sees, among the screens whose element is defined.
 *
 * @example
 * ```ts
 * navFor('technician', (tag) => !!customElements.get(tag)).map((n) => n.screen);
 * ```
 */
export function navFor(role: Role, defined: (tag: string) => boolean): NavItem[] {
  return NAV.filter((item) => item.roles.includes(role) && defined(item.tag));
}

/**
 * The navigation entry a screen belongs to (a task's screen belongs to Tasks).
 *
 * @example
 * ```ts
 * navScreen('task'); // 'tasks'
 * ```
 */
export function navScreen(screen: Screen): Screen {
  return CHILDREN[screen] ?? screen;
}
