import type { Engine, Principal } from '@rpma/engine';
import { EngineError } from '@rpma/engine';
import type { RpmaEngineProvider, RpmaTaskList, TaskSelectDetail } from '@rpma/ui-components';
import { useActorRef, useSelector } from '@xstate/react';
import {
  type DetailedHTMLProps,
  type FormEvent,
  type HTMLAttributes,
  useEffect,
  useRef,
  useState,
} from 'react';
import { selectionMachine } from './selection-machine.js';

type ElementProps<E extends HTMLElement> = DetailedHTMLProps<HTMLAttributes<E>, E>;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'rpma-engine-provider': ElementProps<RpmaEngineProvider>;
      'rpma-task-list': ElementProps<RpmaTaskList> & { 'page-size'?: number };
    }
  }
}

/** Props of {@link PortalApp}. */
export interface PortalAppProps {
  /** The engine the web components and the React form use. */
  engine: Engine;
  /** Who the portal acts as (the host signs its users in itself and trusts them). */
  principal: Principal;
  /** The client new tasks from the form are booked for. */
  clientId: string;
}

/**
 * The React host page: `<rpma-engine-provider>` around an `<rpma-task-list>`, a React form
 * that books PPF tasks through the engine, and a side panel driven by an XState machine that
 * follows the list's `rpma-task-select` event. The elements must be defined first
 * (`defineRpmaElements()`).
 *
 * @example
 * ```tsx
 * defineRpmaElements();
 * createRoot(container).render(<PortalApp engine={engine} principal={principal} clientId={client.id} />);
 * ```
 */
export function PortalApp({ engine, principal, clientId }: PortalAppProps) {
  const provider = useRef<RpmaEngineProvider>(null);
  const list = useRef<RpmaTaskList>(null);
  const selection = useActorRef(selectionMachine);
  const picked = useSelector(selection, (snapshot) => snapshot.context.task);
  const [title, setTitle] = useState('');
  const [problem, setProblem] = useState('');

  // Custom elements take rich data as properties, not attributes: hand them over after mount.
  useEffect(() => {
    if (!provider.current) return;
    provider.current.engine = engine;
    provider.current.principal = principal;
  }, [engine, principal]);

  // The list's documented event, heard from React and turned into a machine event.
  useEffect(() => {
    const element = list.current;
    if (!element) return;
    const onSelect = (event: Event) => {
      const { task } = (event as CustomEvent<TaskSelectDetail>).detail;
      selection.send({
        type: 'SELECT',
        task: { id: task.id, number: task.number, title: task.title, status: task.status },
      });
    };
    element.addEventListener('rpma-task-select', onSelect);
    return () => element.removeEventListener('rpma-task-select', onSelect);
  }, [selection]);

  async function book(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblem('');
    try {
      await engine.as(principal).tasks.create({ title, clientId, service: 'ppf', coverage: ['hood'] });
      setTitle('');
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      setProblem(error.message);
    }
  }

  return (
    <main className="portal">
      <form onSubmit={book} aria-label="Book a PPF job">
        <label>
          Job title <input name="title" value={title} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <button type="submit">Book</button>
        {problem && <p role="alert">{problem}</p>}
      </form>
      <rpma-engine-provider ref={provider}>
        <rpma-task-list ref={list} page-size={50} />
      </rpma-engine-provider>
      {picked && (
        <aside aria-label="Selected task">
          <h2>{picked.number}</h2>
          <p>
            {picked.title} — {picked.status}
          </p>
          <button type="button" onClick={() => selection.send({ type: 'CLOSE' })}>
            Close
          </button>
        </aside>
      )}
    </main>
  );
}
