import { RpmaEngineProvider } from './context/engine-provider.js';
import { RpmaAccount } from './elements/account.js';
import { RpmaCalendar } from './elements/calendar.js';
import { RpmaClientDetail } from './elements/client-detail.js';
import { RpmaClientList } from './elements/client-list.js';
import { RpmaClientPicker } from './elements/client-picker.js';
import { RpmaDashboard } from './elements/dashboard.js';
import { RpmaInterventionList } from './elements/intervention-list.js';
import { RpmaInterventionRunner } from './elements/intervention-runner.js';
import { RpmaInventory } from './elements/inventory.js';
import { RpmaSettings } from './elements/settings.js';
import { RpmaSignIn } from './elements/sign-in.js';
import { RpmaStockLevels } from './elements/stock-levels.js';
import { RpmaTaskBoard } from './elements/task-board.js';
import { RpmaTaskDetail } from './elements/task-detail.js';
import { RpmaTaskForm } from './elements/task-form.js';
import { RpmaTaskList } from './elements/task-list.js';
import { RpmaTrash } from './elements/trash.js';
import { RpmaUsers } from './elements/users.js';
import { RpmaVehicleForm } from './elements/vehicle-form.js';
import { RpmaVehiclePicker } from './elements/vehicle-picker.js';
import { RpmaZonePicker } from './elements/zone-picker.js';

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
  'intervention-list': RpmaInterventionList,
  'stock-levels': RpmaStockLevels,
  calendar: RpmaCalendar,
  dashboard: RpmaDashboard,
  'client-list': RpmaClientList,
  'client-detail': RpmaClientDetail,
  'client-picker': RpmaClientPicker,
  'vehicle-picker': RpmaVehiclePicker,
  'vehicle-form': RpmaVehicleForm,
  'zone-picker': RpmaZonePicker,
  'task-form': RpmaTaskForm,
  trash: RpmaTrash,
  settings: RpmaSettings,
  users: RpmaUsers,
  account: RpmaAccount,
  inventory: RpmaInventory,
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
