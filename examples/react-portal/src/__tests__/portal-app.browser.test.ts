import type { Engine } from '@rpma/engine';
import type { RpmaTaskList } from '@rpma/ui-components';
import { defineRpmaElements } from '@rpma/ui-components/define';
import { createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { PortalApp } from '../portal-app.js';
import { createPortalEngine } from '../portal-engine.js';

async function until(predicate: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const rowTexts = (list: RpmaTaskList) =>
  [...list.shadowRoot!.querySelectorAll('[part="row"]')].map((row) => row.textContent ?? '');

describe('the React portal hosting the web components on a real engine', () => {
  let engine: Engine;
  let root: Root;
  let container: HTMLElement;

  beforeEach(async () => {
    defineRpmaElements();
    engine = await createPortalEngine();
    const principal = engine.auth.trust({ userId: 'portal-1', role: 'supervisor' });
    const shop = engine.as(principal);
    const client = await shop.clients.create({ kind: 'individual', name: 'Léa Martin' });
    await shop.tasks.create({
      title: 'Full front Porsche 911',
      clientId: client.id,
      service: 'ppf',
      coverage: ['hood'],
    });
    container = document.body.appendChild(document.createElement('div'));
    root = createRoot(container);
    root.render(createElement(PortalApp, { engine, principal, clientId: client.id }));
  });

  afterEach(async () => {
    root.unmount();
    container.remove();
    await engine.close();
  });

  it('a task booked from the React form shows up in <rpma-task-list>; choosing it there opens the React panel through the machine', async () => {
    await until(() => Boolean(container.querySelector('rpma-task-list')?.shadowRoot), 'the list to mount');
    const list = container.querySelector('rpma-task-list') as RpmaTaskList;
    await until(() => rowTexts(list).length === 1, 'the seeded task in the list');

    await userEvent.fill(container.querySelector('input[name="title"]')!, 'Hood and mirrors, Tesla Model 3');
    await userEvent.click(container.querySelector('button[type="submit"]')!);
    await until(() => rowTexts(list).length === 2, 'the booked task in the list');
    expect(rowTexts(list).some((text) => text.includes('Hood and mirrors, Tesla Model 3'))).toBe(true);
    expect((container.querySelector('input[name="title"]') as HTMLInputElement).value).toBe('');
    const booked = list.rows.find((task) => task.title === 'Hood and mirrors, Tesla Model 3')!;
    expect(
      (await engine.as(engine.auth.trust({ userId: 'a', role: 'admin' })).tasks.get({ id: booked.id }))
        .status,
    ).toBe('draft');

    expect(container.querySelector('aside')).toBeNull();
    const row = [...list.shadowRoot!.querySelectorAll<HTMLElement>('[part="row"]')].find((r) =>
      r.textContent?.includes('Hood and mirrors'),
    )!;
    row.click();
    await until(() => container.querySelector('aside') !== null, 'the selected-task panel');
    const panel = container.querySelector('aside')!;
    expect(panel.querySelector('h2')!.textContent).toBe(booked.number);
    expect(panel.textContent).toContain('Hood and mirrors, Tesla Model 3');

    await userEvent.click(panel.querySelector('button')!);
    await until(() => container.querySelector('aside') === null, 'the panel to close');
  });

  it('shows the engine’s refusal of an empty title in words, and books nothing', async () => {
    await until(() => container.querySelector('form') !== null, 'the form');
    await userEvent.click(container.querySelector('button[type="submit"]')!);
    await until(() => container.querySelector('[role="alert"]') !== null, 'the error');
    expect(container.querySelector('[role="alert"]')!.textContent).toMatch(/title/i);
    const shop = engine.as(engine.auth.trust({ userId: 'a', role: 'admin' }));
    expect((await shop.tasks.page({})).items).toHaveLength(1);
  });
});
