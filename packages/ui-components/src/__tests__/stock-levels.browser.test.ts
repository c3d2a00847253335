import type { Engine } from '@rpma/engine';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RpmaStockLevels } from '../elements/stock-levels.js';
import { setRpmaLocale } from '../i18n/localization.js';
import { mount, seriousA11yViolations, settled, shadowText, testEngine, until } from './harness.js';

const supervisor = { userId: 'u-sup', role: 'supervisor' } as const;

describe('<rpma-stock-levels>', () => {
  let engine: Engine;
  let levels: RpmaStockLevels;

  beforeEach(async () => {
    ({ engine } = await testEngine());
    const shop = engine.as(engine.auth.trust(supervisor));
    const film = await shop.materials.create({
      sku: 'PPF-GLOSS-8',
      name: 'Gloss film',
      type: 'film',
      unit: 'm2',
      reorderPoint: 10,
    });
    await shop.stock.purchase({ materialId: film.id, quantity: 30, lotNumber: 'R-118' });
    const coating = await shop.materials.create({
      sku: 'COAT-5',
      name: 'Coating',
      type: 'coating',
      unit: 'ml',
      reorderPoint: 100,
    });
    await shop.stock.purchase({ materialId: coating.id, quantity: 50, lotNumber: 'B-1' });
    const root = mount('<rpma-stock-levels></rpma-stock-levels>');
    levels = root.querySelector('rpma-stock-levels') as RpmaStockLevels;
    levels.engine = engine;
    levels.principal = engine.auth.trust(supervisor);
    await until(() => levels.shadowRoot!.querySelectorAll('tbody tr').length === 2, 'the two materials');
  });

  afterEach(async () => {
    document.body.innerHTML = '';
    await setRpmaLocale('en');
  });

  const onHand = (sku: string) =>
    levels.shadowRoot!.querySelector(`tr[data-sku="${sku}"] [data-on-hand]`)?.getAttribute('data-on-hand');

  it('shows stock on hand with low-stock badges, and re-reads when stock crosses its reorder point', async () => {
    expect(onHand('PPF-GLOSS-8')).toBe('30');
    expect(levels.shadowRoot!.querySelector('tr[data-sku="COAT-5"] [part="low"]')?.textContent).toBe(
      'Low stock',
    );
    expect(levels.shadowRoot!.querySelector('tr[data-sku="PPF-GLOSS-8"] [part="low"]')).toBeNull();
    const shop = engine.as(engine.auth.trust(supervisor));
    const film = (await shop.stock.levels({ type: 'film' }))[0]!.material;
    await shop.stock.waste({ materialId: film.id, quantity: 25, reason: 'Roll damaged in storage' });
    await until(() => onHand('PPF-GLOSS-8') === '5', 'the consumption');
    expect(levels.shadowRoot!.querySelector('tr[data-sku="PPF-GLOSS-8"] [part="low"]')).not.toBeNull();
  });

  it('filters by type, speaks French, and has no serious accessibility violations', async () => {
    levels.type = 'film';
    await until(() => levels.shadowRoot!.querySelectorAll('tbody tr').length === 1, 'films only');
    await setRpmaLocale('fr');
    await settled(levels);
    expect(shadowText(levels)).toContain('En stock');
    expect(await seriousA11yViolations(levels)).toEqual([]);
  });

  it("shows the engine's refusal in words", async () => {
    levels.type = 'rocket';
    await until(() => !!levels.shadowRoot!.querySelector('[role="alert"]'), 'the refusal');
    expect(levels.shadowRoot!.querySelector('[role="alert"]')!.getAttribute('data-code')).toBe('VALIDATION');
  });
});
