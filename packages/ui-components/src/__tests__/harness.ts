import { createEngine, type Engine, type EngineOptions, FakeClock, type WorkflowPlugin } from '@rpma/engine';
import { sqljsStorage } from '@rpma/storage-sqljs';
import axe from 'axe-core';
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import { defineRpmaElements } from '../define.js';

defineRpmaElements();

/** A real engine on in-memory sql.js with a fake clock, the given workflow plugins and modules. */
export async function testEngine(
  options: {
    start?: string;
    workflows?: WorkflowPlugin[];
    modules?: EngineOptions['modules'];
    secrets?: EngineOptions['secrets'];
  } = {},
): Promise<{ engine: Engine; clock: FakeClock }> {
  const clock = new FakeClock(options.start ?? '2026-11-26T09:00:00Z');
  const engine = await createEngine({
    storage: sqljsStorage({ locateWasm: () => wasmUrl }),
    clock,
    workflows: options.workflows ?? [],
    timerIntervalMs: 0,
    modules: options.modules ?? [],
    ...(options.secrets ? { secrets: options.secrets } : {}),
  });
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

/**
 * How many rows (`[part="row"]`) a virtualised list has in its DOM, the visible ones only.
 *
 * @example
 * ```ts
 * expect(renderedRows(list)).toBeLessThan(60);
 * ```
 */
export function renderedRows(list: Element): number {
  return list.shadowRoot!.querySelectorAll('[part="row"]').length;
}

/**
 * Scrolls a virtualised list's `.list` to its end, again and again, until the element holds
 * `count` rows (read page by page), then waits for it to settle.
 *
 * @example
 * ```ts
 * await scrollUntilLoaded(list, 260);
 * expect(shadowText(list)).toContain('260 tasks');
 * ```
 */
export async function scrollUntilLoaded(
  list: Element & { rows: readonly unknown[] },
  count: number,
): Promise<void> {
  const scroller = list.shadowRoot!.querySelector('.list')!;
  for (let i = 0; i < 40 && list.rows.length < count; i++) {
    scroller.scrollTop = scroller.scrollHeight;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await until(() => list.rows.length === count, 'every page');
  await settled(list);
}

/** The text of an element's shadow root, whitespace collapsed. */
export function shadowText(element: Element): string {
  return (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** A small PNG drawn on a canvas, as a `File` a user would pick. */
export async function generatedPhoto(name: string, colour = '#c0392b'): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = 640;
  canvas.height = 480;
  const g = canvas.getContext('2d')!;
  g.fillStyle = colour;
  g.fillRect(0, 0, 640, 480);
  g.fillStyle = '#fff';
  g.font = '48px sans-serif';
  g.fillText(name, 40, 240);
  const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
  return new File([blob], `${name}.png`, { type: 'image/png' });
}

/** Puts files in a file input as if the user chose them, and fires `change`. */
export function chooseFiles(input: HTMLInputElement, files: File[]): void {
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}
