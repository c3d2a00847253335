import { assign, setup } from 'xstate';

/** A task the host has picked, as the selection machine keeps it. */
export interface PickedTask {
  id: string;
  number: string;
  title: string;
  status: string;
}

/**
 * The host page's own state: which task the side panel shows. `<rpma-task-list>`'s
 * `rpma-task-select` event becomes `SELECT`; the panel's close button sends `CLOSE`. Picking
 * another task while one is open replaces it.
 *
 * @example
 * ```ts
 * const actor = createActor(selectionMachine).start();
 * actor.send({ type: 'SELECT', task: { id: 't-1', number: 'T-2026-000001', title: 'Hood', status: 'draft' } });
 * actor.getSnapshot().value; // 'open'
 * ```
 */
export const selectionMachine = setup({
  types: {
    context: {} as { task: PickedTask | null },
    events: {} as { type: 'SELECT'; task: PickedTask } | { type: 'CLOSE' },
  },
}).createMachine({
  id: 'selection',
  initial: 'closed',
  context: { task: null },
  states: {
    closed: {
      on: { SELECT: { target: 'open', actions: assign({ task: ({ event }) => event.task }) } },
    },
    open: {
      on: {
        SELECT: { actions: assign({ task: ({ event }) => event.task }) },
        CLOSE: { target: 'closed', actions: assign({ task: null }) },
      },
    },
  },
});
