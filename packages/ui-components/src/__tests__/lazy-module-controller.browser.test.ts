import { html, LitElement } from 'lit';
import { afterEach, describe, expect, it } from 'vitest';
import { LazyModuleController } from '../controllers/lazy-module-controller.js';
import { mount, until } from './harness.js';

interface Words {
  word: string;
}

/** A loader whose load the test settles by hand, counting how often it was asked. */
function manualLoader() {
  const settles: Array<{ resolve: (m: Words) => void; reject: (e: Error) => void }> = [];
  const load = () =>
    new Promise<Words>((resolve, reject) => {
      settles.push({ resolve, reject });
    });
  return { load, settles };
}

let defined = 0;

/** Defines an element showing `load`'s module, its loading state or its error. */
function probe(load: () => Promise<Words>): string {
  const tag = `lazy-probe-${++defined}`;
  customElements.define(
    tag,
    class extends LitElement {
      readonly lazy = new LazyModuleController(this, load, 'the words');
      override render() {
        if (this.lazy.module) return html`<p>${this.lazy.module.word}</p>`;
        if (this.lazy.error) return html`<p>${this.lazy.error.code}: ${this.lazy.error.message}</p>`;
        return html`<p>${this.lazy.loading ? 'loading' : 'idle'}</p>`;
      }
    },
  );
  return tag;
}

const text = (element: Element) => element.shadowRoot?.textContent?.trim() ?? '';

describe('LazyModuleController', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('loads the module once for every element, showing the loading state until it arrives', async () => {
    const { load, settles } = manualLoader();
    const tag = probe(load);
    const [first, second] = [...mount(`<${tag}></${tag}><${tag}></${tag}>`).children];
    await until(() => text(first!) === 'loading' && text(second!) === 'loading', 'the loading state');
    expect(settles).toHaveLength(1);
    settles[0]!.resolve({ word: 'ready' });
    await until(() => text(first!) === 'ready' && text(second!) === 'ready', 'both rendered');
    const third = mount(`<${tag}></${tag}>`).firstElementChild!;
    await until(() => text(third) === 'ready', 'a later element rendered');
    expect(settles).toHaveLength(1);
  });

  it('shows a failed load as an INTERNAL error, and loads again on retry()', async () => {
    const { load, settles } = manualLoader();
    const tag = probe(load);
    const element = mount(`<${tag}></${tag}>`).firstElementChild as LitElement & {
      lazy: LazyModuleController<Words>;
    };
    await until(() => settles.length === 1, 'the first load');
    settles[0]!.reject(new TypeError('Failed to fetch dynamically imported module'));
    await until(() => text(element).startsWith('INTERNAL'), 'the error');
    expect(text(element)).toContain('could not load the words');
    expect(element.lazy.loading).toBe(false);
    element.lazy.retry();
    await until(() => text(element) === 'loading', 'loading again');
    expect(settles).toHaveLength(2);
    settles[1]!.resolve({ word: 'second try' });
    await until(() => text(element) === 'second try', 'the module after the retry');
    expect(element.lazy.error).toBeUndefined();
  });

  it('tries again when an element whose load failed connects again', async () => {
    const { load, settles } = manualLoader();
    const tag = probe(load);
    const container = mount(`<${tag}></${tag}>`);
    const element = container.firstElementChild!;
    await until(() => settles.length === 1, 'the first load');
    settles[0]!.reject(new Error('offline'));
    await until(() => text(element).startsWith('INTERNAL'), 'the error');
    element.remove();
    container.append(element);
    await until(() => settles.length === 2, 'a second load on reconnection');
    settles[1]!.resolve({ word: 'back online' });
    await until(() => text(element) === 'back online', 'the module');
  });
});
