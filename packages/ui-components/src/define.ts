import { RpmaEngineProvider } from './context/engine-provider.js';
import { RpmaDashboard } from './elements/dashboard.js';
import { RpmaInterventionRunner } from './elements/intervention-runner.js';
import { RpmaSignIn } from './elements/sign-in.js';
import { RpmaStockLevels } from './elements/stock-levels.js';
import { RpmaTaskBoard } from './elements/task-board.js';
import { RpmaTaskDetail } from './elements/task-detail.js';
import { RpmaTaskList } from './elements/task-list.js';

/**
 * Every element class, by the tag name it gets after the prefix (`rpma-` + key by default).
 *
 * @example
 * ```ts
 * RPMA_ELEMENTS['task-list']; // RpmaTaskList
 * ```
 */
export const RPMA_ELEMENTS = {
  'engine-provider': RpmaEngineProvider,
  'sign-in': RpmaSignIn,
  'task-list': RpmaTaskList,
  'task-board': RpmaTaskBoard,
  'task-detail': RpmaTaskDetail,
  'intervention-runner': RpmaInterventionRunner,
  'stock-levels': RpmaStockLevels,
  dashboard: RpmaDashboard,
} as const satisfies Record<string, CustomElementConstructor>;

/** Options of {@link defineRpmaElements}. */
export interface DefineOptions {
  /** Tag prefix (default `rpma`): `acme` defines `<acme-task-list>`. */
  prefix?: string;
  /** The registry to define in (default `window.customElements`). */
  registry?: CustomElementRegistry;
}

/**
 * Registers the elements under `prefix-…` names. A name already defined (by another copy or
 * version of this package, or by the host) is left alone, so two versions can share a page
 * under two prefixes. Each name gets its own subclass, because a class can be registered once.
 * Returns the names this call defined.
 *
 * @example
 * ```ts
 * import { defineRpmaElements } from '@rpma/ui-components/define';
 * defineRpmaElements();                      // <rpma-task-list>, …
 * defineRpmaElements({ prefix: 'acme-v2' }); // <acme-v2-task-list>, …
 * ```
 */
export function defineRpmaElements(options: DefineOptions = {}): string[] {
  const prefix = options.prefix ?? 'rpma';
  const registry = options.registry ?? customElements;
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(prefix)) {
    throw new TypeError(
      `invalid custom element prefix "${prefix}": use lowercase letters, digits and dashes`,
    );
  }
  const defined: string[] = [];
  for (const [suffix, base] of Object.entries(RPMA_ELEMENTS)) {
    const name = `${prefix}-${suffix}`;
    if (registry.get(name)) continue;
    registry.define(name, class extends (base as typeof RpmaEngineProvider) {});
    defined.push(name);
  }
  return defined;
}
