import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type memoryPersistence, sqljsStorage } from '@rpma/storage-sqljs';
import type { Engine } from '../../engine/create-engine.js';
import type { Shop } from '../../engine/shop.js';
import type { FakeClock } from '../../kernel/clock.js';
import { fsBlobStore } from '../../node/fs-blob-store.js';
import { sharpImageProcessor } from '../../node/sharp-image-processor.js';
import { encodeImage } from '../../photos/__tests__/image-fixtures.js';
import { photoBindings } from '../../photos/photos-module.js';
import {
  FIXTURE_START,
  type ShopFixture as KitShop,
  shopFixture as kitShop,
} from '../../testing/shop-fixture.js';
import type { WorkflowPlugin } from '../contract.js';

/** A kit fixture shop on a real sql.js store with photos (files in a temp dir, sharp), a coating in stock and a scheduled task of `service`. */
export interface ShopFixture extends KitShop {
  taskId: string;
}

export const START = FIXTURE_START;

export async function shopFixture(
  options: {
    workflows: WorkflowPlugin[];
    service?: string;
    persistence?: ReturnType<typeof memoryPersistence>;
    clock?: FakeClock;
  } = { workflows: [] },
): Promise<ShopFixture> {
  const shop = await kitShop({
    storage: sqljsStorage(options.persistence ? { persistence: options.persistence } : {}),
    workflows: options.workflows,
    ...(options.clock ? { clock: options.clock } : {}),
    modules: [
      photoBindings({
        blobs: fsBlobStore(mkdtempSync(join(tmpdir(), 'rpma-workflow-photos-'))),
        processor: sharpImageProcessor(),
      }),
    ],
    stock: {
      material: { sku: 'COAT-1', name: 'Coat Pro', type: 'coating', unit: 'ml' },
      purchase: { quantity: 100, lotNumber: 'L1' },
    },
  });
  const task = await shop.task(options.service ?? 'fixture', ['hood']);
  return { ...shop, taskId: task.id };
}

/** A step submission of the fixture's `prep` step that passes every check. */
export const prepSubmission = {
  type: 'STEP.SUBMIT',
  step: 'prep',
  data: { sku: 'COAT-1', litres: 30 },
  checklist: ['wash'],
};

/** Uploads a real JPEG for `stepId` of the intervention, shot from `angle`; returns its id. */
export async function uploadPhoto(
  shop: Shop,
  interventionId: string,
  stepId: string,
  angle: string,
): Promise<string> {
  const photo = await shop.photos.upload({ interventionId, stepId, bytes: await encodeImage('jpeg'), angle });
  return photo.id;
}

/** Every document of the collections a workflow command writes, to compare before/after. */
export async function storeDump(engine: Engine): Promise<string> {
  const names = [
    'interventions',
    'interventionSteps',
    'timers',
    'tasks',
    'stockMovements',
    'auditEvents',
    'outbox',
  ];
  return engine.storage.read(async (tx) => {
    const all: Record<string, unknown[]> = {};
    for (const name of names) all[name] = (await tx.find(name, { limit: 1000, deleted: 'all' })).items;
    return JSON.stringify(all);
  });
}
