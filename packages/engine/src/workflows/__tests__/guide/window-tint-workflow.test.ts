import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine, FakeClock, missingLabels, photoBindings } from '@rpma/engine';
import { fsBlobStore, sharpImageProcessor } from '@rpma/engine/node';
import {
  advanceAndTick,
  expectEveryStateReachable,
  expectSnapshotsRoundTrip,
  type WorkflowPoint,
} from '@rpma/engine/testing';
import { sqljsStorage } from '@rpma/storage-sqljs';
import sharp from 'sharp';
import { expect, it } from 'vitest';
import { windowTintWorkflow } from './window-tint-workflow.js';

const prep = {
  type: 'STEP.SUBMIT',
  step: 'prep',
  data: { film: 'TINT-35', lot: 'T-9' },
  checklist: ['glass-clean', 'seals-covered'],
};
const install = {
  type: 'STEP.SUBMIT',
  step: 'install',
  data: {
    film: 'TINT-35',
    lot: 'T-9',
    temperatureC: 21,
    humidityPct: 50,
    windows: [
      { window: 'rear-left', vltPct: 35, areaM2: 0.4 },
      { window: 'rear-right', vltPct: 35, areaM2: 0.4 },
      { window: 'rear-window', vltPct: 35, areaM2: 1.1 },
    ],
  },
  checklist: ['squeegeed'],
};
const handover = {
  type: 'STEP.SUBMIT',
  step: 'handover',
  data: { customerSignature: 'L. Martin' },
  checklist: ['no-roll-down'],
};

// Sample events for the kit: what a technician would send from each step. The kit runs the
// machine alone, so it is handed the photos the engine would read from storage.
const samples = (point: WorkflowPoint) =>
  point.step === 'prep'
    ? [prep]
    : point.step === 'install'
      ? [{ ...install, photos: [{ id: 'p1', tags: ['rear-window'] }] }]
      : point.step === 'handover'
        ? [{ ...handover, at: Number(point.context.dryUntil) }]
        : [];

it('reaches every state, round-trips every snapshot and has every label in English and French', () => {
  expectEveryStateReachable(windowTintWorkflow, { events: samples });
  expectSnapshotsRoundTrip(windowTintWorkflow, { events: samples });
  expect(missingLabels(windowTintWorkflow, 'en')).toEqual([]);
  expect(missingLabels(windowTintWorkflow, 'fr')).toEqual([]);
});

it('runs a tint job through the engine: film consumed, dry timer fired, task completed', async () => {
  const clock = new FakeClock('2026-11-26T08:00:00Z');
  const photos = photoBindings({
    blobs: fsBlobStore(await mkdtemp(join(tmpdir(), 'tint-photos-'))),
    processor: sharpImageProcessor(),
  });
  const engine = await createEngine({
    storage: sqljsStorage(),
    clock,
    workflows: [windowTintWorkflow],
    modules: [photos],
  });
  const boss = engine.as(engine.auth.trust({ userId: 'boss', role: 'supervisor' }));
  const client = await boss.clients.create({ kind: 'individual', name: 'Léa Martin' });
  const film = await boss.materials.create({ sku: 'TINT-35', name: 'Tint 35 %', type: 'film', unit: 'm2' });
  await boss.stock.purchase({ materialId: film.id, quantity: 10, lotNumber: 'T-9' });
  const task = await boss.tasks.create({
    title: 'Rear tint',
    clientId: client.id,
    service: 'window-tint',
    scheduledStart: '2026-11-26T08:00:00Z',
  });

  const run = await boss.interventions.start(task.id);
  await boss.interventions.send(run.id, prep);
  // The install step counts the photos stored for it: no upload, no submit.
  await expect(boss.interventions.send(run.id, install)).rejects.toThrow("no photo tagged 'rear-window'");
  const shot = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#345' } })
    .jpeg()
    .toBuffer();
  await boss.photos.upload({
    interventionId: run.id,
    stepId: 'install',
    bytes: new Uint8Array(shot),
    angle: 'rear-window',
  });
  await boss.interventions.send(run.id, install);
  expect((await boss.stock.onHand({ materialId: film.id })).onHand).toBe(8.1);

  await expect(boss.interventions.send(run.id, handover)).rejects.toThrow('the film dries until');
  expect(await advanceAndTick(engine, clock, { hours: 2 })).toBe(1);
  expect((await boss.interventions.get(run.id)).state).toBe('handover.dry');

  const done = await boss.interventions.send(run.id, handover);
  expect(done.status).toBe('completed');
  expect((await boss.tasks.get({ id: task.id })).status).toBe('completed');
  await engine.close();
});
