import { afterEach, describe, expect, it } from 'vitest';
import type { EngineError } from '../../kernel/engine-error.js';
import type { InterventionTransition } from '../../kernel/events.js';
import { refusal } from '../../testing/refusal.js';
import { prepSubmission, type ShopFixture, shopFixture, storeDump, uploadPhoto } from './engine-fixture.js';
import { fixtureWorkflow } from './fixture-workflow.js';

const HOUR = 3_600_000;
let open: ShopFixture | undefined;
afterEach(async () => {
  await open?.engine.close();
  open = undefined;
});

async function fixture() {
  open = await shopFixture({ workflows: [fixtureWorkflow] });
  return open;
}

async function onHand(f: ShopFixture): Promise<number> {
  return (await f.boss.stock.onHand({ materialId: f.materialId })).onHand;
}

describe('the workflow runtime', () => {
  it('starts on the task, opens the first step and moves the task to in_progress', async () => {
    const f = await fixture();
    const started: string[] = [];
    f.engine.events.on('intervention.started', (e) => started.push(e.step ?? ''));
    const run = await f.tech.interventions.start(f.taskId);
    expect(run).toMatchObject({ workflowId: 'fixture', workflowVersion: 1, status: 'active', step: 'prep' });
    expect((await f.boss.tasks.get({ id: f.taskId })).status).toBe('in_progress');
    const { steps } = await f.tech.interventions.history(run.id);
    expect(steps.map((s) => [s.stepId, s.status])).toEqual([['prep', 'in_progress']]);
    expect(started).toEqual(['prep']);
    expect((await refusal(f.tech.interventions.start(f.taskId))).code).toBe('PRECONDITION');
  });

  it('runs start to finish: stock consumed, timer fired by the ticker, task completed, durations recorded', async () => {
    const f = await fixture();
    const transitions: InterventionTransition[] = [];
    f.engine.events.on('intervention.transitioned', (t) => transitions.push(t));
    const run = await f.tech.interventions.start(f.taskId);
    f.clock.advance(40 * 60_000);
    await uploadPhoto(f.tech, run.id, 'prep', 'before');
    await f.tech.interventions.send(run.id, prepSubmission);
    expect(await onHand(f)).toBe(70);
    const view = await f.tech.interventions.get(run.id);
    expect(view.state).toBe('coat.curing');
    expect(view.timers).toEqual([
      { key: 'xstate.after.cure.fixture.coat.curing', dueAt: '2026-11-26T09:40:00.000Z' },
    ]);

    expect(await f.engine.workflows.tick()).toBe(0);
    f.clock.advance(HOUR);
    expect(await f.engine.workflows.tick()).toBe(1);
    expect((await f.tech.interventions.get(run.id)).state).toBe('coat.cured');

    f.clock.advance(20 * 60_000);
    const done = await f.tech.interventions.send(run.id, {
      type: 'STEP.SUBMIT',
      step: 'coat',
      data: { notes: 'glossy' },
    });
    expect(done.status).toBe('completed');
    expect(done.durations).toEqual([
      { step: 'prep', title: 'Prep', estimatedMinutes: 30, actualMinutes: 40, attempts: 1 },
      { step: 'coat', title: 'Coat', estimatedMinutes: 60, actualMinutes: 80, attempts: 1 },
    ]);
    const task = await f.boss.tasks.get({ id: f.taskId });
    expect(task.status).toBe('completed');
    expect(task.actualDurationMinutes).toBe(120);
    expect(transitions.map((t) => `${t.event}:${t.from}→${t.to}`)).toEqual([
      'STEP.SUBMIT:prep→coat.curing',
      'xstate.after.cure.fixture.coat.curing:coat.curing→coat.cured',
      'STEP.SUBMIT:coat.cured→done',
    ]);
    const report = await f.boss.interventions.report(run.id);
    expect(report.consumption).toEqual([{ sku: 'COAT-1', quantity: 30, kind: 'consumption', step: 'prep' }]);
    const history = await f.boss.interventions.history(run.id);
    expect(history.transitions.map((t) => [t.by, t.to])).toEqual([
      ['tech-1', 'prep'],
      ['tech-1', 'coat.curing'],
      ['system:timers', 'coat.cured'],
      ['tech-1', 'done'],
    ]);
    expect((await f.boss.interventions.listActive()).items).toEqual([]);
  });

  it('refuses a wrong event, bad data and missing items, and writes nothing', async () => {
    const f = await fixture();
    const run = await f.tech.interventions.start(f.taskId);
    const before = await storeDump(f.engine);
    const wrong = await refusal(f.tech.interventions.send(run.id, { type: 'BACK' }));
    expect(wrong.code).toBe('INVALID_TRANSITION');
    expect(wrong.message).toContain("not accepted in state 'prep': it accepts STEP.SUBMIT");
    const bad = await refusal(
      f.tech.interventions.send(run.id, { ...prepSubmission, data: { sku: 'COAT-1' } }),
    );
    expect(bad.code).toBe('VALIDATION');
    expect((bad.details.issues as { path: string }[])[0]?.path).toBe('litres');
    const missing = await refusal(f.tech.interventions.send(run.id, { ...prepSubmission, checklist: [] }));
    expect(missing.code).toBe('PRECONDITION');
    expect(missing.details.missing).toEqual([
      "checklist: 'Wash' is not ticked",
      'photos: 1 needed, 0 given',
      "photos: no photo tagged 'before'",
    ]);
    const tooMuch = await refusal(
      f.tech.interventions.send(run.id, { ...prepSubmission, data: { sku: 'COAT-1', litres: 500 } }),
    );
    expect(tooMuch.code).toBe('PRECONDITION');
    const internal = await refusal(
      f.tech.interventions.send(run.id, { type: 'xstate.after.cure.fixture.coat.curing' }),
    );
    expect(internal.code).toBe('VALIDATION');
    expect(await storeDump(f.engine)).toBe(before);
  });

  it('lets exactly one of two concurrent sends win; the other gets CONFLICT and nothing is consumed twice', async () => {
    const f = await fixture();
    const run = await f.tech.interventions.start(f.taskId);
    await uploadPhoto(f.tech, run.id, 'prep', 'before');
    const results = await Promise.allSettled([
      f.tech.interventions.send(run.id, prepSubmission),
      f.tech.interventions.send(run.id, prepSubmission),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as EngineError] : []));
    expect(won).toHaveLength(1);
    expect(lost.map((e) => e.code)).toEqual(['CONFLICT']);
    expect(await onHand(f)).toBe(70);
    const stale = await refusal(f.tech.interventions.send(run.id, { type: 'BACK' }, { rev: run.rev }));
    expect(stale.code).toBe('CONFLICT');
  });

  it('pauses (events refused, clock stopped) and resumes without counting the pause', async () => {
    const f = await fixture();
    const run = await f.tech.interventions.start(f.taskId);
    await uploadPhoto(f.tech, run.id, 'prep', 'before');
    f.clock.advance(10 * 60_000);
    await f.tech.interventions.pause(run.id, 'waiting for the client');
    expect((await refusal(f.tech.interventions.send(run.id, prepSubmission))).code).toBe('PRECONDITION');
    f.clock.advance(5 * HOUR);
    await f.tech.interventions.resume(run.id);
    f.clock.advance(15 * 60_000);
    await f.tech.interventions.send(run.id, prepSubmission);
    const progress = await f.tech.interventions.progress(run.id);
    expect(progress.steps[0]).toMatchObject({ id: 'prep', status: 'done', actualMinutes: 25 });
    expect(progress).toMatchObject({ completed: 1, total: 2, percent: 50, step: 'coat' });
  });

  it('cancels the open step and the pending timers with the intervention', async () => {
    const f = await fixture();
    const run = await f.tech.interventions.start(f.taskId);
    await uploadPhoto(f.tech, run.id, 'prep', 'before');
    await f.tech.interventions.send(run.id, prepSubmission);
    expect((await refusal(f.tech.interventions.cancel(run.id, 'client withdrew'))).code).toBe('FORBIDDEN');
    const cancelled = await f.boss.interventions.cancel(run.id, 'client withdrew');
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'client withdrew' });
    f.clock.advance(2 * HOUR);
    expect(await f.engine.workflows.tick()).toBe(0);
    expect((await f.boss.interventions.get(run.id)).state).toBe('coat.curing');
    const { steps } = await f.boss.interventions.history(run.id);
    expect(steps.map((s) => s.status)).toEqual(['completed', 'cancelled']);
  });

  it('lets a technician act only on interventions of tasks assigned to them', async () => {
    const f = await fixture();
    const other = f.engine.as(f.engine.auth.trust({ userId: 'tech-2', role: 'technician' }));
    expect((await refusal(other.interventions.start(f.taskId))).code).toBe('FORBIDDEN');
    const run = await f.tech.interventions.start(f.taskId);
    expect((await refusal(other.interventions.send(run.id, prepSubmission))).code).toBe('FORBIDDEN');
    const viewer = f.engine.as(f.engine.auth.trust({ userId: 'v-1', role: 'viewer' }));
    expect((await viewer.interventions.get(run.id)).step).toBe('prep');
    expect((await refusal(viewer.interventions.pause(run.id))).code).toBe('FORBIDDEN');
  });
});
