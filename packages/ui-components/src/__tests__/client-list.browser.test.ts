import type { Engine, Shop } from '@rpma/engine';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RpmaEngineProvider } from '../context/engine-provider.js';
import type { RpmaClientList } from '../elements/client-list.js';
import { setRpmaLocale } from '../i18n/localization.js';
import {
  mount,
  renderedRows,
  scrollUntilLoaded,
  seriousA11yViolations,
  settled,
  shadowText,
  testEngine,
  until,
} from './harness.js';

const admin = { userId: 'u-admin', role: 'admin', displayName: 'Claire' } as const;

describe('<rpma-client-list>', () => {
  let engine: Engine;
  let shop: Shop;
  let leaId = '';

  beforeAll(async () => {
    ({ engine } = await testEngine());
    shop = engine.as(engine.auth.trust(admin));
    leaId = (await shop.clients.create({ name: 'Léa Martin', email: 'lea@example.fr' })).id;
    await shop.clients.create({ kind: 'business', name: 'Garage Dupont', contactName: 'Marc Dupont' });
    for (let i = 0; i < 1200; i++) {
      await shop.clients.create({ name: `Client ${String(i).padStart(4, '0')}` });
    }
  }, 120_000);

  afterEach(async () => {
    document.body.innerHTML = '';
    await setRpmaLocale('en');
  });

  async function listUnderProvider(attributes = '', ready = (list: RpmaClientList) => list.rows.length > 0) {
    const root = mount(
      `<rpma-engine-provider><rpma-client-list ${attributes}></rpma-client-list></rpma-engine-provider>`,
    );
    const provider = root.querySelector('rpma-engine-provider') as RpmaEngineProvider;
    provider.engine = engine;
    provider.principal = engine.auth.trust(admin);
    const list = root.querySelector('rpma-client-list') as RpmaClientList;
    await until(() => ready(list), 'the first page');
    await settled(list);
    return { root, list };
  }

  function typeSearch(list: RpmaClientList, text: string): void {
    const search = list.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!;
    search.value = text;
    search.dispatchEvent(new Event('input'));
  }

  it('finds "Léa" from "lea" and announces the chosen client with a composed event', async () => {
    const { list } = await listUnderProvider();
    typeSearch(list, 'lea');
    await until(() => list.rows.length === 1, 'the search result');
    await until(() => renderedRows(list) === 1, 'the one row on screen');
    const row = list.shadowRoot!.querySelector<HTMLButtonElement>('[part="row"]')!;
    expect(row.textContent).toContain('Léa Martin');
    const chosen: string[] = [];
    document.addEventListener('rpma-client-select', (e) => chosen.push((e as CustomEvent).detail.clientId), {
      once: true,
    });
    row.click();
    expect(chosen).toEqual([leaId]);
  });

  it('renders only the visible rows of 1,200 clients and reads further pages while scrolling', async () => {
    const { list } = await listUnderProvider('page-size="200"');
    expect(list.rows).toHaveLength(200);
    await until(() => renderedRows(list) > 5, 'the visible rows');
    expect(renderedRows(list)).toBeLessThan(60);
    expect(shadowText(list)).toContain('200 clients shown, more below');
    await scrollUntilLoaded(list, 1202);
    expect(shadowText(list)).toContain('1202 clients');
    expect(renderedRows(list)).toBeLessThan(60);
  });

  it('filters by kind, moves between rows with the arrow keys, and shows an empty state', async () => {
    const { list } = await listUnderProvider();
    const kind = list.shadowRoot!.querySelector<HTMLSelectElement>('select')!;
    kind.value = 'business';
    kind.dispatchEvent(new Event('change'));
    await until(() => list.rows.length === 1, 'the one business');
    expect(list.rows[0]!.name).toBe('Garage Dupont');

    kind.value = '';
    kind.dispatchEvent(new Event('change'));
    await until(() => list.rows.length > 1, 'every kind again');
    await until(() => renderedRows(list) > 2, 'rows on screen');
    const first = list.shadowRoot!.querySelector<HTMLButtonElement>('[data-index="0"]')!;
    first.focus();
    first.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
    expect(list.shadowRoot!.activeElement?.getAttribute('data-index')).toBe('1');

    typeSearch(list, 'zzzz');
    await until(() => shadowText(list).includes('No client matches “zzzz”.'), 'the empty state');
    expect(list.rows).toHaveLength(0);
  });

  it('shows a client created elsewhere without being told', async () => {
    const { list } = await listUnderProvider('search="zoe"', (l) =>
      shadowText(l).includes('No client matches'),
    );
    await shop.clients.create({ name: 'Zoé Bernard' });
    await until(() => list.rows.some((c) => c.name === 'Zoé Bernard'), 'Zoé to appear');
  });

  it("shows the engine's refusal in words", async () => {
    const root = mount('<rpma-client-list page-size="5000"></rpma-client-list>');
    const list = root.querySelector('rpma-client-list') as RpmaClientList;
    list.engine = engine;
    list.principal = engine.auth.trust(admin);
    await until(() => list.shadowRoot!.querySelector('[role="alert"]') !== null, 'the refusal');
    const alert = list.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.getAttribute('data-code')).toBe('VALIDATION');
    expect(alert.textContent).toContain('limit');
  });

  it('speaks French and has no serious accessibility violations, in light and dark', async () => {
    const { root, list } = await listUnderProvider();
    await setRpmaLocale('fr');
    await settled(list);
    expect(shadowText(list)).toContain('Rechercher un client');
    expect(shadowText(list)).toContain('Entreprise');
    expect(shadowText(list)).toContain('Particulier');
    expect(await seriousA11yViolations(root)).toEqual([]);
    list.theme = 'dark';
    await settled(list);
    expect(getComputedStyle(list).colorScheme).toBe('dark');
    expect(await seriousA11yViolations(root), 'dark').toEqual([]);
  });
});
