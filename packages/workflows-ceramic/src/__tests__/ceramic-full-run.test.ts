import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine, FakeClock, photoBindings } from '@rpma/engine';
import { fsBlobStore, sharpImageProcessor } from '@rpma/engine/node';
import { FIXTURE_START, shopFixture, submitWithPhotos } from '@rpma/engine/testing';
import { memoryPersistence, sqljsStorage } from '@rpma/storage-sqljs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ceramicWorkflow } from '../ceramic-workflow.js';
import { applicationSubmit, curingSubmit, finalizationSubmit, preparationSubmit } from './ceramic-samples.js';

const HOUR = 3_600_000;

describe('a ceramic job through the public engine API', () => {
  it('holds the vehicle through a restart until the cure timer fires, then completes the task', async () => {
    const clock = new FakeClock(FIXTURE_START);
    const persistence = memoryPersistence();
    const photos = photoBindings({
      blobs: fsBlobStore(await mkdtemp(join(tmpdir(), 'ceramic-photos-'))),
      processor: sharpImageProcessor(),
    });
    const shot = new Uint8Array(
      await sharp({ create: { width: 64, height: 48, channels: 3, background: '#777' } })
        .jpeg()
        .toBuffer(),
    );
    const panels = ['hood', 'roof'];
    const workflows = [ceramicWorkflow()];

    const first = await shopFixture({
      storage: sqljsStorage({ persistence }),
      clock,
      workflows,
      modules: [photos],
      stock: {
        material: { sku: 'COAT-PRO-5Y', name: 'Pro ceramic', type: 'coating', unit: 'ml' },
        purchase: { quantity: 50, lotNumber: 'B-77' },
      },
    });
    const { boss, tech, materialId } = first;
    const task = await first.task('ceramic', panels);
    const run = await tech.interventions.start(task.id);
    clock.advance(4 * HOUR);
    await submitWithPhotos(tech, run.id, preparationSubmit(panels), shot);
    clock.advance(3 * HOUR);
    await tech.interventions.send(run.id, applicationSubmit(panels));
    expect((await boss.stock.onHand({ materialId })).onHand).toBe(20);
    const held = await tech.interventions.get(run.id);
    expect(held.state).toBe('curing.holding');
    expect(held.timers).toEqual([
      { key: 'xstate.after.cureMinimum.ceramic.curing.holding', dueAt: '2026-11-27T15:00:00.000Z' },
    ]);
    clock.advance(2 * HOUR);
    const early = await tech.interventions.send(run.id, curingSubmit(clock.now())).then(
      () => 'released',
      (error: Error) => error.message,
    );
    expect(early).toContain('the coating cures until 2026-11-27T15:00:00.000Z');
    await first.engine.close();

    clock.advance(23 * HOUR);
    const second = await createEngine({
      storage: sqljsStorage({ persistence }),
      clock,
      workflows,
      timerIntervalMs: 0,
      modules: [photos],
    });
    try {
      const techAgain = second.as(second.auth.trust({ userId: 'tech-1', role: 'technician' }));
      const ready = await techAgain.interventions.get(run.id);
      expect(ready).toMatchObject({ state: 'curing.ready', timers: [] });
      await techAgain.interventions.send(run.id, curingSubmit(clock.now()));
      clock.advance(HOUR);
      const done = await submitWithPhotos(techAgain, run.id, finalizationSubmit(clock.now()), shot);
      expect(done.status).toBe('completed');
      expect(done.durations?.map((d) => [d.step, d.actualMinutes])).toEqual([
        ['preparation', 240],
        ['application', 180],
        ['curing', 1500],
        ['finalization', 60],
      ]);
      const bossAgain = second.as(second.auth.trust({ userId: 'sup-1', role: 'supervisor' }));
      expect((await bossAgain.tasks.get({ id: task.id })).status).toBe('completed');
      const history = await bossAgain.interventions.history(run.id);
      expect(history.transitions.find((t) => t.to === 'curing.ready')?.by).toBe('system:timers');
    } finally {
      await second.close();
    }
  });
});
