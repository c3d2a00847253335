import { createEngine, FakeClock } from '@rpma/engine';
import {
  advanceAndTick,
  expectEveryStateReachable,
  expectSnapshotsRoundTrip,
  type WorkflowPoint,
} from '@rpma/engine/testing';
import { sqljsStorage } from '@rpma/storage-sqljs';
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
  photos: [{ id: 'p1', tags: ['rear-window'] }],
};
const handover = {
  type: 'STEP.SUBMIT',
  step: 'handover',
  data: { customerSignature: 'L. Martin' },
  checklist: ['no-roll-down'],
};

// Sample events for the kit: what a technician would send from each step.
const samples = (point: WorkflowPoint) =>
  point.step === 'prep'
    ? [prep]
    : point.step === 'install'
      ? [install]
      : point.step === 'handover'
        ? [{ ...handover, at: Number(point.context.dryUntil) }]
        : [];

it('reaches every state and round-trips every snapshot', () => {
  expectEveryStateReachable(windowTintWorkflow, { events: samples });
  expectSnapshotsRoundTrip(windowTintWorkflow, { events: samples });
});

it('runs a tint job through the engine: film consumed, dry timer fired, task completed', async () => {
  const clock = new FakeClock('2026-11-26T08:00:00Z');
  const engine = await createEngine({ storage: sqljsStorage(), clock, workflows: [windowTintWorkflow] });
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
