import { memoryPersistence, sqljsStorage } from '@rpma/storage-sqljs';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../engine/create-engine.js';
import { FakeClock } from '../../kernel/clock.js';
import { refusal } from '../../testing/refusal.js';
import { defineWorkflow } from '../define-workflow.js';
import { prepSubmission, START, shopFixture, uploadPhoto } from './engine-fixture.js';
import { coatStep, fixtureMachine, fixtureWorkflow, prepStep } from './fixture-workflow.js';

const HOUR = 3_600_000;

const fixtureV2 = defineWorkflow({
  id: 'fixture',
  version: 2,
  title: 'Fixture',
  machine: fixtureMachine(2),
  steps: [prepStep, coatStep],
  migrations: [{ from: 1, migrate: (s) => ({ ...s, context: { ...s.context, version: 2 } }) }],
});

const fixtureV3 = defineWorkflow({
  id: 'fixture',
  version: 3,
  title: 'Fixture',
  machine: fixtureMachine(3),
  steps: [prepStep, coatStep],
  migrations: [
    {
      from: 2,
      migrate: (s) => {
        if (JSON.stringify(s.value).includes('curing')) throw new Error('cannot migrate while curing');
        return { ...s, context: { ...s.context, version: 3 } };
      },
    },
  ],
});

describe('durable timers', () => {
  it('fire after a restart: a timer set before closing the engine fires on the next start-up', async () => {
    const persistence = memoryPersistence();
    const clock = new FakeClock(START);
    const first = await shopFixture({ workflows: [fixtureWorkflow], persistence, clock });
    const run = await first.tech.interventions.start(first.taskId);
    await uploadPhoto(first.tech, run.id, 'prep', 'before');
    await first.tech.interventions.send(run.id, prepSubmission);
    await first.engine.close();

    clock.advance(2 * HOUR);
    const second = await createEngine({
      storage: sqljsStorage({ persistence }),
      clock,
      workflows: [fixtureWorkflow],
      timerIntervalMs: 0,
    });
    try {
      const tech = second.as(second.auth.trust({ userId: 'tech-1', role: 'technician' }));
      const view = await tech.interventions.get(run.id);
      expect(view.state).toBe('coat.cured');
      expect(view.timers).toEqual([]);
      expect(await second.workflows.tick()).toBe(0);
    } finally {
      await second.close();
    }
  });
});

describe('versioning', () => {
  it('keeps an instance on its version, migrates it with a dry run first, and refuses unknown versions', async () => {
    const persistence = memoryPersistence();
    const clock = new FakeClock(START);
    const v1 = await shopFixture({ workflows: [fixtureWorkflow], persistence, clock });
    const run = await v1.tech.interventions.start(v1.taskId);
    await uploadPhoto(v1.tech, run.id, 'prep', 'before');
    await v1.engine.close();

    const open = (workflows: (typeof fixtureWorkflow)[]) =>
      createEngine({ storage: sqljsStorage({ persistence }), clock, workflows, timerIntervalMs: 0 });

    const onlyV2 = await open([fixtureV2]);
    const techOnV2 = onlyV2.as(onlyV2.auth.trust({ userId: 'tech-1', role: 'technician' }));
    const older = await refusal(techOnV2.interventions.send(run.id, prepSubmission));
    expect(older.code).toBe('PRECONDITION');
    expect(older.message).toBe(
      "workflow 'fixture' v1 is not registered: registered versions: 2; migrate the instance",
    );
    await onlyV2.close();

    const both = await open([fixtureWorkflow, fixtureV2, fixtureV3]);
    const admin = both.as(both.auth.trust({ userId: 'admin-1', role: 'admin' }));
    const tech = both.as(both.auth.trust({ userId: 'tech-1', role: 'technician' }));
    await tech.interventions.send(run.id, prepSubmission);
    expect((await tech.interventions.get(run.id)).workflowVersion).toBe(1);

    const before = await tech.interventions.get(run.id);
    const dry = await admin.interventions.migrate({ workflowId: 'fixture', dryRun: true });
    expect(dry).toMatchObject({ toVersion: 3, dryRun: true });
    expect(dry.results).toEqual([
      {
        id: run.id,
        from: 1,
        to: 3,
        outcome: 'refused',
        reason: 'the migration from v2 refused it: cannot migrate while curing',
      },
    ]);
    const toV2 = await admin.interventions.migrate({ workflowId: 'fixture', toVersion: 2, dryRun: true });
    expect(toV2.results).toEqual([
      {
        id: run.id,
        from: 1,
        to: 2,
        outcome: 'would-migrate',
        state: { before: 'coat.curing', after: 'coat.curing' },
        contextKeys: ['version'],
      },
    ]);
    expect((await tech.interventions.get(run.id)).rev).toBe(before.rev);

    const done = await admin.interventions.migrate({ workflowId: 'fixture', toVersion: 2 });
    expect(done.results[0]?.outcome).toBe('migrated');
    const migrated = await tech.interventions.get(run.id);
    expect(migrated.workflowVersion).toBe(2);
    expect(migrated.snapshot.context.version).toBe(2);
    expect((await refusal(tech.interventions.migrate({ workflowId: 'fixture' }))).code).toBe('FORBIDDEN');
    await both.close();

    const onlyV1 = await open([fixtureWorkflow]);
    const techOnV1 = onlyV1.as(onlyV1.auth.trust({ userId: 'tech-1', role: 'technician' }));
    const newer = await refusal(techOnV1.interventions.send(run.id, { type: 'BACK' }));
    expect(newer.message).toContain(
      'v2 is not registered: it is newer than this engine knows (registered: 1)',
    );
    await onlyV1.close();
  });

  it('refuses a plugin registered twice at the same version, and a bad plain-object plugin, at start-up', async () => {
    const twice = await refusal(shopFixture({ workflows: [fixtureWorkflow, fixtureWorkflow] }));
    expect(twice.code).toBe('VALIDATION');
    expect(twice.message).toBe("workflow 'fixture' v1 is registered twice");
    const plain = { ...fixtureWorkflow, steps: [prepStep] };
    const bad = await refusal(shopFixture({ workflows: [plain] }));
    expect(bad.message).toContain("state 'coat' is not a step");
  });
});
