import type { Engine, Principal } from '@rpma/engine';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RpmaTrash } from '../elements/trash.js';
import { setRpmaLocale } from '../i18n/localization.js';
import { mount, seriousA11yViolations, settled, shadowText, testEngine, until } from './harness.js';

describe('<rpma-trash>', () => {
  let engine: Engine;
  let supervisor: Principal;
  let admin: Principal;
  let ids: { client: string; goneClient: string; vehicle: string; material: string };

  beforeEach(async () => {
    ({ engine } = await testEngine());
    admin = engine.auth.trust({ userId: 'u-admin', role: 'admin' });
    const claire = await engine.as(admin).users.create({
      email: 'claire@atelier.fr',
      displayName: 'Claire Dubois',
      role: 'supervisor',
      password: 'a long enough first password',
    });
    supervisor = engine.auth.trust({ userId: claire.id, role: 'supervisor' });
    const shop = engine.as(supervisor);
    const client = await shop.clients.create({ kind: 'individual', name: 'Léa Martin' });
    const goneClient = await shop.clients.create({ kind: 'individual', name: 'Marc Petit' });
    const vehicle = await shop.vehicles.create({ clientId: goneClient.id, make: 'Porsche', model: '911' });
    const material = await shop.materials.create({
      sku: 'PPF-8',
      name: 'Gloss film',
      type: 'film',
      unit: 'm2',
    });
    await shop.clients.delete({ id: client.id });
    await shop.vehicles.delete({ id: vehicle.id });
    await shop.clients.delete({ id: goneClient.id });
    await shop.materials.delete({ id: material.id });
    ids = { client: client.id, goneClient: goneClient.id, vehicle: vehicle.id, material: material.id };
  });

  afterEach(async () => {
    document.body.innerHTML = '';
    await setRpmaLocale('en');
  });

  async function trashAs(principal: Principal): Promise<RpmaTrash> {
    const trash = mount('<rpma-trash></rpma-trash>').querySelector('rpma-trash') as RpmaTrash;
    trash.engine = engine;
    trash.principal = principal;
    await until(() => trash.shadowRoot!.querySelectorAll('[part="row"]').length === 4, 'the deleted items');
    return trash;
  }
  const row = (trash: RpmaTrash, id: string) =>
    trash.shadowRoot!.querySelector(`[part="row"][data-id="${id}"]`);
  const button = (trash: RpmaTrash, id: string, action: string) =>
    row(trash, id)?.querySelector<HTMLButtonElement>(`[data-action="${action}"]`) ?? null;

  it('groups deleted items by kind with who deleted them and when, and filters by kind', async () => {
    const trash = await trashAs(supervisor);
    const groups = [...trash.shadowRoot!.querySelectorAll('[part="group"]')].map((g) =>
      g.getAttribute('data-kind'),
    );
    expect(groups.sort()).toEqual(['clients', 'materials', 'vehicles']);
    expect(row(trash, ids.client)?.textContent).toContain('Léa Martin');
    expect(row(trash, ids.client)?.textContent).toContain('Claire Dubois');
    expect(row(trash, ids.client)?.textContent).toContain('2026');
    expect(row(trash, ids.material)?.textContent).toContain('PPF-8 · Gloss film');
    expect(row(trash, ids.vehicle)?.textContent).toContain('Porsche 911');

    const select = trash.shadowRoot!.querySelector('select')!;
    select.value = 'vehicles';
    select.dispatchEvent(new Event('change'));
    await settled(trash);
    expect(trash.shadowRoot!.querySelectorAll('[part="row"]')).toHaveLength(1);
    expect(trash.kind).toBe('vehicles');
  });

  it('restores an item (read back through the engine) and refuses in words to restore a vehicle whose client is still deleted', async () => {
    const trash = await trashAs(supervisor);
    const restored: unknown[] = [];
    trash.addEventListener('rpma-trash-restored', (e) => restored.push((e as CustomEvent).detail));
    button(trash, ids.client, 'restore')!.click();
    await until(() => row(trash, ids.client) === null, 'the restored client to leave the trash');
    expect((await engine.as(supervisor).clients.get({ id: ids.client })).deletedAt).toBeNull();
    expect(restored).toEqual([{ collection: 'clients', id: ids.client }]);

    button(trash, ids.vehicle, 'restore')!.click();
    await until(() => !!row(trash, ids.vehicle)?.querySelector('[role="alert"]'), 'the refusal');
    const alert = row(trash, ids.vehicle)!.querySelector('[role="alert"]')!;
    expect(alert.getAttribute('data-code')).toBe('NOT_FOUND');
    expect(alert.textContent).toContain(`clients ${ids.goneClient}`);
    const still = await engine.as(supervisor).trash.list({ collection: 'vehicles' });
    expect(still.items.map((item) => item.doc.id)).toEqual([ids.vehicle]);
  });

  it('lets an admin purge after confirming (Escape backs out), and offers no purge to a supervisor', async () => {
    const supervisorView = await trashAs(supervisor);
    expect(button(supervisorView, ids.material, 'restore')).not.toBeNull();
    expect(button(supervisorView, ids.material, 'purge')).toBeNull();
    document.body.innerHTML = '';

    const trash = await trashAs(admin);
    button(trash, ids.material, 'purge')!.click();
    await settled(trash);
    expect(row(trash, ids.material)?.querySelector('[part="confirm"]')?.textContent).toContain(
      'cannot be undone',
    );
    expect(trash.shadowRoot!.activeElement?.getAttribute('data-action')).toBe('confirm-purge');
    trash.shadowRoot!.activeElement!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }),
    );
    await settled(trash);
    expect(row(trash, ids.material)?.querySelector('[part="confirm"]')).toBeNull();
    expect(trash.shadowRoot!.activeElement?.getAttribute('data-action')).toBe('purge');

    button(trash, ids.material, 'purge')!.click();
    await settled(trash);
    button(trash, ids.material, 'confirm-purge')!.click();
    await until(() => row(trash, ids.material) === null, 'the purged material to disappear');
    await expect(engine.as(admin).materials.get({ id: ids.material })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await engine.as(admin).trash.list({ collection: 'materials' })).items).toEqual([]);
  });

  it('re-reads when something is deleted elsewhere, speaks French, and has no serious accessibility violations in light or dark', async () => {
    const trash = await trashAs(supervisor);
    const shop = engine.as(supervisor);
    const other = await shop.clients.create({ kind: 'individual', name: 'Inès Garnier' });
    await shop.clients.delete({ id: other.id });
    await until(() => row(trash, other.id) !== null, 'the newly deleted client');
    await setRpmaLocale('fr');
    await settled(trash);
    expect(shadowText(trash)).toContain('Restaurer');
    expect(shadowText(trash)).toContain('Supprimé par');
    expect(await seriousA11yViolations(trash)).toEqual([]);
    trash.theme = 'dark';
    await settled(trash);
    expect(getComputedStyle(trash).colorScheme).toBe('dark');
    expect(await seriousA11yViolations(trash)).toEqual([]);
  });
});
