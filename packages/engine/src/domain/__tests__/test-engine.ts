import { sqljsStorage } from '@rpma/storage-sqljs';
import { createEngine, type Engine } from '../../engine/create-engine.js';
import type { Shop } from '../../engine/shop.js';
import { FakeClock } from '../../kernel/clock.js';
import { uuidv7Generator } from '../../kernel/ids.js';
import type { Logger } from '../../kernel/logger.js';
import { TOKENS } from '../../kernel/tokens.js';
import type { CollectionSchema, Doc, Page } from '../../storage/contract.js';
import type { Role } from '../principal.js';

/** A fresh in-memory engine on the real sql.js adapter, a fake clock, and a shop per role. */
export interface TestShop {
  engine: Engine;
  clock: FakeClock;
  errors: string[];
  admin: Shop;
  supervisor: Shop;
  technician: Shop;
  viewer: Shop;
  as(role: Role, userId?: string): Shop;
}

export async function testShop(start = '2026-03-02T09:00:00Z'): Promise<TestShop> {
  const clock = new FakeClock(start);
  const errors: string[] = [];
  const logger: Logger = { debug() {}, info() {}, warn() {}, error: (m) => errors.push(m) };
  const engine = await createEngine({ storage: sqljsStorage(), clock, ids: uuidv7Generator(clock), logger });
  const as = (role: Role, userId = `${role}-1`) => engine.as(engine.auth.trust({ userId, role }));
  return {
    engine,
    clock,
    errors,
    admin: as('admin'),
    supervisor: as('supervisor'),
    technician: as('technician'),
    viewer: as('viewer'),
    as,
  };
}

/** Every document of every collection (soft-deleted included), by collection, through the public read API. */
export async function dumpStore(engine: Engine): Promise<Record<string, Doc[]>> {
  const names = engine.container.getAll<CollectionSchema>(TOKENS.Collections).map((c) => c.name);
  const dump: Record<string, Doc[]> = {};
  await engine.storage.read(async (tx) => {
    for (const name of names) {
      const docs: Doc[] = [];
      let after: string | null = null;
      do {
        const page: Page<Doc> = await tx.find(name, {
          deleted: 'all',
          orderBy: [{ field: 'id' }],
          limit: 1000,
          ...(after ? { after } : {}),
        });
        docs.push(...page.items);
        after = page.nextCursor;
      } while (after);
      dump[name] = docs;
    }
  });
  return dump;
}
