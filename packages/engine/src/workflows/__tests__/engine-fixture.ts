import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type memoryPersistence, sqljsStorage } from '@rpma/storage-sqljs';
import { createEngine, type Engine } from '../../engine/create-engine.js';
import type { Shop } from '../../engine/shop.js';
import { FakeClock } from '../../kernel/clock.js';
import { fsBlobStore } from '../../node/fs-blob-store.js';
import { sharpImageProcessor } from '../../node/sharp-image-processor.js';
import { encodeImage } from '../../photos/__tests__/image-fixtures.js';
import { photoBindings } from '../../photos/photos-module.js';
import type { WorkflowPlugin } from '../contract.js';

/** A shop on a real sql.js store with photos (files in a temp dir, sharp): a supervisor, a technician, a client, a coating in stock, a scheduled task. */
export interface ShopFixture {
  engine: Engine;
  clock: FakeClock;
  boss: Shop;
  tech: Shop;
  taskId: string;
  materialId: string;
}

export const START = '2026-11-26T08:00:00.000Z';

export async function shopFixture(
  options: {
    workflows: WorkflowPlugin[];
    service?: string;
    persistence?: ReturnType<typeof memoryPersistence>;
    clock?: FakeClock;
  } = { workflows: [] },
): Promise<ShopFixture> {
  const clock = options.clock ?? new FakeClock(START);
  const engine = await createEngine({
    storage: sqljsStorage(options.persistence ? { persistence: options.persistence } : {}),
    clock,
    workflows: options.workflows,
    timerIntervalMs: 0,
    modules: [
      photoBindings({
        blobs: fsBlobStore(mkdtempSync(join(tmpdir(), 'rpma-workflow-photos-'))),
        processor: sharpImageProcessor(),
      }),
    ],
  });
  const boss = engine.as(engine.auth.trust({ userId: 'sup-1', role: 'supervisor' }));
  const tech = engine.as(engine.auth.trust({ userId: 'tech-1', role: 'technician' }));
  const client = await boss.clients.create({ kind: 'individual', name: 'Léa Martin' });
  const material = await boss.materials.create({
    sku: 'COAT-1',
    name: 'Coat Pro',
    type: 'coating',
    unit: 'ml',
  });
  await boss.stock.purchase({ materialId: material.id, quantity: 100, lotNumber: 'L1' });
  const task = await boss.tasks.create({
    title: 'Coating',
    clientId: client.id,
    service: options.service ?? 'fixture',
    coverage: ['hood'],
    technicianId: 'tech-1',
    scheduledStart: '2026-11-26T08:00:00Z',
  });
  return { engine, clock, boss, tech, taskId: task.id, materialId: material.id };
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
