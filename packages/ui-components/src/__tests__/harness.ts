import { createEngine, type Engine, type EngineOptions, FakeClock, type WorkflowPlugin } from '@rpma/engine';
import { sqljsStorage } from '@rpma/storage-sqljs';
import axe from 'axe-core';
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import { defineRpmaElements } from '../define.js';

defineRpmaElements();

/** A real engine on in-memory sql.js with a fake clock. */
export async function testEngine(
  start = '2026-11-26T09:00:00Z',
): Promise<{ engine: Engine; clock: FakeClock }> {
  const clock = new FakeClock(start);
  const engine = await createEngine({ storage: sqljsStorage({ locateWasm: () => wasmUrl }), clock });
  return { engine, clock };
}

/** Puts `markup` in a fresh container on the page and returns the container. */
export function mount(markup: string): HTMLElement {
  const container = document.createElement('div');
  container.innerHTML = markup;
  document.body.append(container);
  return container;
}

/** Waits until an element (and Lit's queued updates) settled. */
export async function settled(element: Element): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await (element as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** Resolves once `predicate` holds, polling each animation frame (fails the test after 5 s). */
export async function until(predicate: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (predicate()) return;
    await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The serious and critical axe-core violations inside `root`, as readable lines. */
export async function seriousA11yViolations(root: Element): Promise<string[]> {
  const result = await axe.run(root, { resultTypes: ['violations'] });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** The text of an element's shadow root, whitespace collapsed. */
export function shadowText(element: Element): string {
  return (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
