/**
 * Inventory and photos.
 *
 * - `stock.on-hand`: `shop.stock.levels()` — stock on hand of 1,000 materials from 200k movements
 *   on an in-memory sql.js store: the latest stock checkpoint (written by the ledger every 5,000
 *   movements) plus one grouped aggregate over the 5,000 movements written since, plus the
 *   material list. The movements are seeded straight through the storage adapter in one write
 *   transaction, with the checkpoints the ledger would have written (200k commands with their
 *   audit rows would only slow the set-up; the query is what is measured). Target ≤ 50 ms.
 * - `stock.on-hand.full-sum`: the same sums without checkpoints — one grouped aggregate over all
 *   200k movements — reported to show what the checkpoints save.
 * - `photos.ingest`: `shop.photos.upload` of a ~4 MB 2400×1800 JPEG (noise, so it barely compresses)
 *   made by sharp: header checks, SHA-256, sharp thumbnail, two fsync'd files in a temp directory
 *   and the photo document with its audit and outbox rows. Bound: 500 ms (a workshop tablet
 *   uploads one photo at a time; the figure moves a lot with machine load).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sqljsStorage } from '@rpma/storage-sqljs';
import sharp from 'sharp';
import { absolute, type BenchRow, measure, report } from '../../../bench/lib.js';
import { createEngine, FakeClock, photoBindings } from '../src/index.js';
import { fsBlobStore, sharpImageProcessor } from '../src/node/index.js';
import { CHECKPOINT_EVERY, checkpointIfDue } from '../src/stock/stock-checkpoints.js';
import { openIntervention } from '../src/testing/index.js';
import { fixtureWorkflow } from '../src/workflows/__tests__/fixture-workflow.js';

const MATERIALS = 1_000;
const MOVEMENTS = 200_000;

async function stockOnHand(): Promise<BenchRow[]> {
  const clock = new FakeClock('2026-11-26T08:00:00Z');
  const engine = await createEngine({ storage: sqljsStorage(), clock });
  const shop = engine.as(engine.auth.trust({ userId: 'bench', role: 'supervisor' }));
  const now = new Date(clock.now()).toISOString();
  await engine.storage.write(async (tx) => {
    for (let m = 0; m < MATERIALS; m++) {
      await tx.insert('materials', {
        id: `m${m}`,
        createdAt: now,
        updatedAt: now,
        sku: `SKU-${String(m).padStart(4, '0')}`,
        name: `Material ${m}`,
        type: m % 2 ? 'film' : 'consumable',
        unit: 'm2',
        reorderPoint: 10,
        unitCost: 12.5,
        currency: 'EUR',
        supplier: null,
        storageLocation: null,
        category: null,
        shelfLifeDays: null,
      });
    }
    for (let i = 0; i < MOVEMENTS; i++) {
      if (i > 0 && i % CHECKPOINT_EVERY === 0) await checkpointIfDue(tx, now);
      const purchase = Math.floor(i / MATERIALS) % 4 === 0;
      await tx.insert('stockMovements', {
        id: `s${i}`,
        createdAt: now,
        updatedAt: now,
        materialId: `m${i % MATERIALS}`,
        lotId: null,
        kind: purchase ? 'purchase' : 'consumption',
        quantity: purchase ? 10 : -1.5,
        unitCost: 12.5,
        value: purchase ? 125 : -18.75,
        currency: 'EUR',
        at: now,
        interventionId: purchase ? null : `i${i % 5000}`,
        taskId: null,
        vehicleId: null,
        location: null,
        generation: Math.floor(i / CHECKPOINT_EVERY) + 1,
      });
    }
  });
  const levels = await shop.stock.levels();
  const expected = 50 * 10 - 150 * 1.5;
  if (levels.length !== MATERIALS || levels.some((l) => l.onHand !== expected)) {
    throw new Error(
      `unexpected levels: ${levels.length} materials, first ${levels[0]?.onHand}, expected ${expected}`,
    );
  }
  const ms = await measure(() => shop.stock.levels(), { runs: 15, warmup: 3 });
  const fullSum = await measure(
    () =>
      engine.storage.read((tx) =>
        tx.aggregate('stockMovements', {
          groupBy: ['materialId'],
          measures: { onHand: { fn: 'sum', field: 'quantity' } },
          deleted: 'all',
        }),
      ),
    { runs: 5, warmup: 1 },
  );
  await engine.close();
  return [absolute('stock.on-hand', ms, 50), absolute('stock.on-hand.full-sum', fullSum, null)];
}

async function photosIngest(): Promise<BenchRow> {
  const width = 2400;
  const height = 1800;
  const noise = new Uint8Array(width * height * 3);
  let seed = 42;
  for (let i = 0; i < noise.length; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    noise[i] = seed >>> 24;
  }
  const jpeg = new Uint8Array(
    await sharp(noise, { raw: { width, height, channels: 3 } })
      .jpeg({ quality: 95 })
      .toBuffer(),
  );
  const dir = mkdtempSync(join(tmpdir(), 'rpma-bench-photos-'));
  const engine = await createEngine({
    storage: sqljsStorage(),
    workflows: [fixtureWorkflow],
    modules: [photoBindings({ blobs: fsBlobStore(dir), processor: sharpImageProcessor() })],
  });
  const boss = engine.as(engine.auth.trust({ userId: 'bench-supervisor', role: 'supervisor' }));
  const run = await openIntervention(boss, { service: 'fixture', technicianId: 'bench' });
  const shop = engine.as(engine.auth.trust({ userId: 'bench', role: 'technician' }));
  const upload = () => shop.photos.upload({ interventionId: run.id, stepId: 'prep', bytes: jpeg });
  const ms = await measure(upload, { runs: 15, warmup: 2 });
  await engine.close();
  rmSync(dir, { recursive: true, force: true });
  console.log(`photos.ingest: ${(jpeg.length / 1024 / 1024).toFixed(2)} MB JPEG, ${width}×${height}`);
  return absolute('photos.ingest', ms, 500);
}

report([...(await stockOnHand()), await photosIngest()]);
