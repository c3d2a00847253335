import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EngineError, type InterventionTransition, photoBindings } from '@rpma/engine';
import { fsBlobStore, sharpImageProcessor } from '@rpma/engine/node';
import { shopFixture, submitWithPhotos } from '@rpma/engine/testing';
import { sqljsStorage } from '@rpma/storage-sqljs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ppfExpressWorkflow, ppfWorkflow } from '../ppf-workflow.js';
import {
  finalizationSubmit,
  inspectionSubmit,
  installationSubmit,
  preparationSubmit,
} from './ppf-samples.js';

const HOUR = 3_600_000;

async function shop() {
  const fixture = await shopFixture({
    storage: sqljsStorage(),
    workflows: [ppfWorkflow(), ppfExpressWorkflow()],
    modules: [
      photoBindings({
        blobs: fsBlobStore(await mkdtemp(join(tmpdir(), 'ppf-photos-'))),
        processor: sharpImageProcessor(),
      }),
    ],
    stock: {
      material: { sku: 'PPF-GLOSS-8', name: 'Gloss PPF 8 mil', type: 'film', unit: 'm2' },
      purchase: { quantity: 30, lotNumber: 'R-118', receivedAt: '2026-09-01T00:00:00Z' },
    },
  });
  const shot = new Uint8Array(
    await sharp({ create: { width: 64, height: 48, channels: 3, background: '#777' } })
      .jpeg()
      .toBuffer(),
  );
  /** Uploads the photos a sample submission declares, then sends it. */
  const submit = (id: string, event: Parameters<typeof submitWithPhotos>[2]) =>
    submitWithPhotos(fixture.tech, id, event, shot);
  return { ...fixture, submit };
}

describe('a PPF job through the public engine API', () => {
  it('runs inspection to sign-off: film consumed per zone from the roll, task completed, durations recorded', async () => {
    const { engine, clock, boss, tech, materialId, task, submit } = await shop();
    try {
      const advanced: InterventionTransition[] = [];
      engine.events.on('intervention.advanced', (t) => advanced.push(t));
      const coverage = ['hood', 'front_bumper'];
      const job = await task('ppf', coverage);
      const run = await tech.interventions.start(job.id);

      clock.advance(HOUR);
      await submit(run.id, inspectionSubmit(coverage));
      clock.advance(2 * HOUR);
      await submit(run.id, preparationSubmit());
      clock.advance(7 * HOUR);
      await submit(run.id, installationSubmit(coverage));
      expect((await boss.stock.onHand({ materialId })).onHand).toBe(26.1);

      clock.advance(HOUR);
      const done = await submit(run.id, finalizationSubmit(clock.now(), coverage));
      expect(done.status).toBe('completed');
      expect(done.durations?.map((d) => [d.step, d.estimatedMinutes, d.actualMinutes])).toEqual([
        ['inspection', 45, 60],
        ['preparation', 120, 120],
        ['installation', 480, 420],
        ['finalization', 45, 60],
      ]);
      expect((await boss.tasks.get({ id: job.id })).status).toBe('completed');
      expect(advanced.map((t) => t.toStep ?? 'done')).toEqual([
        'preparation',
        'installation',
        'finalization',
        'done',
      ]);

      const report = await boss.interventions.report(run.id);
      expect(report.consumption).toEqual([
        {
          sku: 'PPF-GLOSS-8',
          lot: 'R-118',
          quantity: 2.4,
          kind: 'consumption',
          zone: 'hood',
          step: 'installation',
        },
        {
          sku: 'PPF-GLOSS-8',
          lot: 'R-118',
          quantity: 0.3,
          kind: 'waste',
          zone: 'hood',
          note: 'offcut',
          step: 'installation',
        },
        {
          sku: 'PPF-GLOSS-8',
          lot: 'R-118',
          quantity: 0.9,
          kind: 'consumption',
          zone: 'front_bumper',
          step: 'installation',
        },
        {
          sku: 'PPF-GLOSS-8',
          lot: 'R-118',
          quantity: 0.3,
          kind: 'waste',
          zone: 'front_bumper',
          note: 'offcut',
          step: 'installation',
        },
      ]);
      expect(report.steps.find((s) => s.stepId === 'finalization')?.data).toMatchObject({
        warranty: { vin: 'WP0ZZZ99ZTS392124', coverageAreas: coverage, years: 10 },
      });
    } finally {
      await engine.close();
    }
  });

  it('refuses to start the express variant on a three-zone task, and writes nothing', async () => {
    const { engine, tech, task } = await shop();
    try {
      const job = await task('ppf-express', ['hood', 'mirror_left', 'mirror_right']);
      const error = await tech.interventions.start(job.id).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EngineError);
      expect((error as EngineError).message).toBe(
        'PPF express (≤ 2 zones) cannot start: express takes at most 2 zones (the task covers 3)',
      );
      expect((await tech.interventions.listActive()).items).toEqual([]);
    } finally {
      await engine.close();
    }
  });
});
