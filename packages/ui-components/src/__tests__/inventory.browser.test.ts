import type { Engine, FakeClock, Principal } from '@rpma/engine';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RpmaInventory } from '../elements/inventory.js';
import { setRpmaLocale } from '../i18n/localization.js';
import { mount, seriousA11yViolations, settled, shadowText, testEngine, until } from './harness.js';

const supervisor = { userId: 'u-sup', role: 'supervisor' } as const;

describe('<rpma-inventory>', () => {
  let engine: Engine;
  let clock: FakeClock;
  let filmId: string;

  beforeEach(async () => {
    ({ engine, clock } = await testEngine());
    const shop = engine.as(engine.auth.trust(supervisor));
    const film = await shop.materials.create({
      sku: 'PPF-GLOSS-8',
      name: 'Gloss film',
      type: 'film',
      unit: 'm2',
      reorderPoint: 10,
    });
    filmId = film.id;
    await shop.stock.purchase({
      materialId: film.id,
      quantity: 30,
      lotNumber: 'R-118',
      expiresAt: '2026-12-10T00:00:00Z',
    });
    await shop.materials.create({
      sku: 'COAT-5',
      name: 'Coating',
      type: 'coating',
      unit: 'ml',
      reorderPoint: 100,
    });
  });

  afterEach(async () => {
    document.body.innerHTML = '';
    await setRpmaLocale('en');
  });

  async function inventoryAs(principal: Principal): Promise<RpmaInventory> {
    const inventory = mount('<rpma-inventory></rpma-inventory>').querySelector(
      'rpma-inventory',
    ) as RpmaInventory;
    inventory.engine = engine;
    inventory.principal = principal;
    await until(
      () => inventory.shadowRoot!.querySelectorAll('[part="table"] tbody tr').length === 2,
      'the materials',
    );
    return inventory;
  }
  const $ = <T extends Element = HTMLElement>(inventory: RpmaInventory, selector: string) =>
    inventory.shadowRoot!.querySelector<T>(selector);
  const onHand = (inventory: RpmaInventory, sku: string) =>
    $(inventory, `tr[data-sku="${sku}"] [data-on-hand]`)?.getAttribute('data-on-hand');
  async function open(inventory: RpmaInventory, sku: string): Promise<void> {
    $<HTMLButtonElement>(inventory, `tr[data-sku="${sku}"] [data-action="select"]`)!.click();
    await until(
      () => !!$(inventory, '[part="material"]') && !!$(inventory, '[part="history"] tbody tr'),
      'the panel',
    );
  }
  function submit(inventory: RpmaInventory, action: string, values: Record<string, string>): void {
    const form = $<HTMLFormElement>(inventory, `form[data-action="${action}"]`)!;
    for (const [name, value] of Object.entries(values)) {
      (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value = value;
    }
    form.requestSubmit();
  }

  it('shows materials with on-hand and low-stock badges, then the lots with expiry flags and the history of one', async () => {
    const inventory = await inventoryAs(engine.auth.trust(supervisor));
    expect(onHand(inventory, 'PPF-GLOSS-8')).toBe('30');
    expect($(inventory, 'tr[data-sku="COAT-5"] [part="low"]')?.textContent).toBe('Low stock');
    expect($(inventory, 'tr[data-sku="PPF-GLOSS-8"] [part="low"]')).toBeNull();

    const selected: string[] = [];
    inventory.addEventListener('rpma-material-select', (e) =>
      selected.push((e as CustomEvent).detail.materialId),
    );
    await open(inventory, 'PPF-GLOSS-8');
    expect(selected).toEqual([filmId]);
    expect(inventory.getAttribute('material-id')).toBe(filmId);
    const lot = $(inventory, '[part="lots"] tr[data-lot="R-118"]')!;
    expect(lot.textContent).toContain('30 m2');
    expect(lot.querySelector('.alerts')!.textContent).toContain('Expires soon');
    expect($(inventory, '[part="history"] tbody tr')!.getAttribute('data-kind')).toBe('purchase');
  });

  it('receives a lot, adjusts with a reason and records waste, each read back through the engine', async () => {
    const inventory = await inventoryAs(engine.auth.trust(supervisor));
    await open(inventory, 'PPF-GLOSS-8');
    const shop = engine.as(engine.auth.trust(supervisor));

    clock.advance(60_000);
    submit(inventory, 'purchase', { quantity: '12.5', lotNumber: 'R-119', expiresAt: '2027-06-30' });
    await until(() => onHand(inventory, 'PPF-GLOSS-8') === '42.5', 'the received lot');
    const lots = await shop.stock.lots({ materialId: filmId });
    expect(lots.map((l) => [l.lot.lotNumber, l.onHand, l.lot.expiresAt])).toEqual([
      ['R-118', 30, '2026-12-10T00:00:00.000Z'],
      ['R-119', 12.5, '2027-06-30T00:00:00.000Z'],
    ]);
    await until(() => !!$(inventory, '[part="lots"] tr[data-lot="R-119"]'), 'the new lot in the panel');

    const lotId = lots[0]!.lot.id;
    clock.advance(60_000);
    submit(inventory, 'adjust', { delta: '-2', lotId, reason: 'count 2026-11' });
    await until(() => onHand(inventory, 'PPF-GLOSS-8') === '40.5', 'the adjustment');
    clock.advance(60_000);
    submit(inventory, 'waste', { quantity: '0.5', reason: 'creased' });
    await until(() => onHand(inventory, 'PPF-GLOSS-8') === '40', 'the waste');
    const history = (await shop.stock.history({ materialId: filmId })).items;
    expect(history.map((m) => [m.kind, m.quantity, m.reason])).toEqual([
      ['waste', -0.5, 'creased'],
      ['adjustment', -2, 'count 2026-11'],
      ['purchase', 12.5, null],
      ['purchase', 30, null],
    ]);
    expect(history[1]!.lotId).toBe(lotId);
    await until(
      () => inventory.shadowRoot!.querySelectorAll('[part="history"] tbody tr').length === 4,
      'the history',
    );
  });

  it('shows the refusal of a negative stock adjustment and of a missing reason, and changes nothing', async () => {
    const inventory = await inventoryAs(engine.auth.trust(supervisor));
    await open(inventory, 'PPF-GLOSS-8');
    submit(inventory, 'adjust', { delta: '-50', reason: 'lost' });
    const form = () => $(inventory, 'form[data-action="adjust"]')!;
    await until(() => !!form().querySelector('[role="alert"]'), 'the refusal');
    expect(form().querySelector('[role="alert"]')!.getAttribute('data-code')).toBe('PRECONDITION');
    expect(form().querySelector('[role="alert"]')!.textContent).toContain('not enough');

    submit(inventory, 'waste', { quantity: '1', reason: '' });
    const waste = () => $(inventory, 'form[data-action="waste"]')!;
    await until(() => !!waste().querySelector('#waste-reason-issue'), 'the reason refusal by its field');
    expect(waste().querySelector('input[name="reason"]')!.getAttribute('aria-invalid')).toBe('true');
    expect((await engine.as(engine.auth.trust(supervisor)).stock.onHand({ materialId: filmId })).onHand).toBe(
      30,
    );
  });

  it('shows on hand equal to the accepted movements; one going below zero is refused in words and changes nothing (property)', async () => {
    const inventory = await inventoryAs(engine.auth.trust(supervisor));
    await open(inventory, 'PPF-GLOSS-8');
    const shop = engine.as(engine.auth.trust(supervisor));
    const move = fc.oneof(
      fc.record({ kind: fc.constant('purchase' as const), amount: fc.integer({ min: 1, max: 20 }) }),
      fc.record({
        kind: fc.constant('adjust' as const),
        amount: fc.integer({ min: -40, max: 40 }).filter((n) => n !== 0),
      }),
      fc.record({ kind: fc.constant('waste' as const), amount: fc.integer({ min: 1, max: 40 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(move, { minLength: 1, maxLength: 5 }), async (moves) => {
        let expected = (await shop.stock.onHand({ materialId: filmId })).onHand;
        for (const { kind, amount } of moves) {
          const delta = kind === 'waste' ? -amount : amount;
          const values: Record<string, string> =
            kind === 'purchase'
              ? { quantity: String(amount) }
              : kind === 'adjust'
                ? { delta: String(amount), reason: 'count' }
                : { quantity: String(amount), reason: 'damaged' };
          submit(inventory, kind, values);
          await inventory.updateComplete;
          const form = $(inventory, `form[data-action="${kind}"]`)!;
          await until(() => !!form.querySelector('[part="notice"], [role="alert"]'), `the ${kind}`);
          const refused = form.querySelector('[role="alert"]');
          if (expected + delta < 0) {
            expect(refused?.getAttribute('data-code')).toBe('PRECONDITION');
            expect(refused?.textContent).toContain('not enough');
          } else {
            expect(refused).toBeNull();
            expected += delta;
          }
          await until(() => onHand(inventory, 'PPF-GLOSS-8') === String(expected), 'the on-hand figure');
          expect((await shop.stock.onHand({ materialId: filmId })).onHand).toBe(expected);
        }
      }),
      { numRuns: 8 },
    );
  });

  it('creates a material, and refuses a duplicate SKU next to the field', async () => {
    const inventory = await inventoryAs(engine.auth.trust(supervisor));
    const form = $<HTMLFormElement>(inventory, '[part="create"]')!;
    const fill = (values: Record<string, string>) => {
      for (const [name, value] of Object.entries(values)) {
        (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value = value;
      }
      form.requestSubmit();
    };
    fill({ sku: 'COAT-5', name: 'Again', type: 'coating', unit: 'ml' });
    await until(() => !!form.querySelector('#new-sku-issue'), 'the duplicate refusal');
    expect(form.querySelector('#new-sku-issue')!.textContent).toContain('already exists');

    fill({
      sku: 'TOOL-SQ',
      name: 'Squeegee',
      type: 'tool',
      unit: 'piece',
      reorderPoint: '2',
      unitCost: '4.5',
    });
    await until(() => !!$(inventory, 'tr[data-sku="TOOL-SQ"]'), 'the new material');
    expect(await engine.as(engine.auth.trust(supervisor)).materials.get({ sku: 'TOOL-SQ' })).toMatchObject({
      name: 'Squeegee',
      type: 'tool',
      unit: 'piece',
      reorderPoint: 2,
      unitCost: 4.5,
    });
  });

  it('offers a technician only waste, a viewer no action, speaks French, and has no serious accessibility violations in light or dark', async () => {
    const technician = await inventoryAs(engine.auth.trust({ userId: 'u-tech', role: 'technician' }));
    await open(technician, 'PPF-GLOSS-8');
    const actions = [...technician.shadowRoot!.querySelectorAll('form[data-action]')].map((f) =>
      f.getAttribute('data-action'),
    );
    expect(actions).toEqual(['waste']);
    expect($(technician, '[part="create"]')).toBeNull();
    document.body.innerHTML = '';

    const viewer = await inventoryAs(engine.auth.trust({ userId: 'u-view', role: 'viewer' }));
    await open(viewer, 'PPF-GLOSS-8');
    expect(viewer.shadowRoot!.querySelectorAll('form')).toHaveLength(0);
    document.body.innerHTML = '';

    const inventory = await inventoryAs(engine.auth.trust(supervisor));
    await open(inventory, 'PPF-GLOSS-8');
    await setRpmaLocale('fr');
    await settled(inventory);
    expect(shadowText(inventory)).toContain('Stock bas');
    expect(shadowText(inventory)).toContain('Réceptionner un lot');
    expect(await seriousA11yViolations(inventory)).toEqual([]);
    inventory.theme = 'dark';
    await settled(inventory);
    expect(getComputedStyle(inventory).colorScheme).toBe('dark');
    expect(await seriousA11yViolations(inventory)).toEqual([]);
  });
});
