import type { RangeChangedEvent } from '@lit-labs/virtualizer/events.js';
import type { EngineError, Page } from '@rpma/engine';
import type { ReactiveController } from 'lit';
import type { EngineHost } from '../base/rpma-element.js';
import { ActionController } from './action-controller.js';
import type { QueryContext } from './engine-query-controller.js';

/** Rows left below the visible range when the next page is read. */
const READ_AHEAD = 20;

/**
 * The pages after the first of a virtualised list: the first page comes from the element's
 * query, the next ones are read with its cursor when the list scrolls near its end, and they
 * are dropped whenever the query reads a new first page (a filter or the data changed). A page
 * that arrives after its first page was replaced is ignored; a failed read is `error`.
 *
 * @example
 * ```ts
 * private readonly pages = new MorePagesController(this, {
 *   first: () => this.tasks.value,
 *   next: async (context, after) => shopFor(context).tasks.page({ ...this.filters(), after }),
 * });
 * protected override firstUpdated() { this.pages.follow(this.renderRoot.querySelector('.list')); }
 * ```
 */
export class MorePagesController<T> implements ReactiveController {
  private readonly paging: ActionController;
  private firstPage: Page<T> | undefined;
  private more: T[] = [];
  private cursor: string | null = null;

  constructor(
    private readonly host: EngineHost,
    private readonly pages: {
      /** The first page, as the element's query holds it (undefined until read). */
      first: () => Page<T> | undefined;
      /** Reads the page after the cursor `after`. */
      next: (context: QueryContext, after: string) => Promise<Page<T>>;
    },
  ) {
    host.addController(this);
    this.paging = new ActionController(host);
  }

  /** The rows loaded so far, in order. */
  get rows(): T[] {
    const first = this.pages.first();
    return first ? [...first.items, ...this.more] : [];
  }

  /** True while rows remain to be read after the loaded ones. */
  get hasMore(): boolean {
    return this.cursor !== null;
  }

  /** Why the last next page could not be read. */
  get error(): EngineError | undefined {
    return this.paging.error;
  }

  hostUpdate(): void {
    const first = this.pages.first();
    if (first !== this.firstPage) {
      this.firstPage = first;
      this.more = [];
      this.cursor = first?.nextCursor ?? null;
    }
  }

  /** Reads the next page whenever the virtualised `list` shows one of its last rows. */
  follow(list: Element | null): void {
    list?.addEventListener('rangeChanged', (e) => {
      if ((e as RangeChangedEvent).last >= this.rows.length - READ_AHEAD) void this.loadMore();
    });
  }

  private async loadMore(): Promise<void> {
    const after = this.cursor;
    if (this.paging.pending || !after) return;
    const from = this.firstPage;
    const page = await this.paging.run((context) => this.pages.next(context, after));
    if (!page || from !== this.firstPage) return;
    this.more = [...this.more, ...page.items];
    this.cursor = page.nextCursor;
    this.host.requestUpdate();
  }
}
