// The page `ui.bench.ts` drives: a real engine on in-memory sql.js with 10,000 tasks created
// through the public API, then an <rpma-task-list> timed from attach to its first rows.
import { createEngine } from '@rpma/engine';
import { sqljsStorage } from '@rpma/storage-sqljs';
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import { defineRpmaElements } from '../../src/define.js';
import type { RpmaTaskList } from '../../src/elements/task-list.js';

defineRpmaElements();

const engine = await createEngine({ storage: sqljsStorage({ locateWasm: () => wasmUrl }) });
const principal = engine.auth.trust({ userId: 'bench-admin', role: 'admin' });
const shop = engine.as(principal);

/** Creates `count` tasks (one client) through `shop.tasks.create`. */
async function seed(count: number): Promise<void> {
  const client = await shop.clients.create({ kind: 'individual', name: 'Bench Client' });
  for (let i = 0; i < count; i++) {
    await shop.tasks.create({
      title: `PPF job ${i}`,
      clientId: client.id,
      service: 'ppf',
      coverage: ['hood', 'front_bumper'],
      scheduledStart: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(),
    });
  }
}

/** Attaches a fresh list and resolves with the ms until its first rows are in the DOM. */
async function firstRender(): Promise<number> {
  document.body.innerHTML = '';
  const list = document.createElement('rpma-task-list') as RpmaTaskList;
  const start = performance.now();
  list.engine = engine;
  list.principal = principal;
  document.body.append(list);
  await new Promise<void>((resolve) => {
    const check = () =>
      list.shadowRoot?.querySelector('[part="row"]') ? resolve() : requestAnimationFrame(check);
    check();
  });
  return performance.now() - start;
}

/** Scrolls the list to the end until all `count` rows are loaded; returns the rows in the DOM. */
async function domRowsAfterScrolling(count: number): Promise<{ loaded: number; domRows: number }> {
  const list = document.querySelector('rpma-task-list') as RpmaTaskList;
  const scroller = list.shadowRoot!.querySelector('.list')!;
  while (list.rows.length < count) {
    scroller.scrollTop = scroller.scrollHeight;
    await new Promise((r) => setTimeout(r, 30));
  }
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  return { loaded: list.rows.length, domRows: list.shadowRoot!.querySelectorAll('[part="row"]').length };
}

Object.assign(window, { rpmaBench: { seed, firstRender, domRowsAfterScrolling } });
document.title = 'ready';
