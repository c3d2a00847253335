import { sqljsStorage } from '@rpma/storage-sqljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEngine } from '../../engine/create-engine.js';
import { FakeClock } from '../../kernel/clock.js';
import { workflowModule } from '../workflows-module.js';
import { prepSubmission, START, shopFixture, uploadPhoto } from './engine-fixture.js';
import { fixtureWorkflow } from './fixture-workflow.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('workflow registration and the interval ticker', () => {
  it('registers a plugin given as an inversify ContainerModule', async () => {
    const engine = await createEngine({
      storage: sqljsStorage(),
      clock: new FakeClock(START),
      modules: [workflowModule(fixtureWorkflow)],
      timerIntervalMs: 0,
    });
    try {
      expect(engine.workflows.plugins().map((p) => `${p.id}@${p.version}`)).toEqual(['fixture@1']);
      expect(engine.workflows.plugin('fixture').steps.map((s) => s.title)).toEqual(['Prep', 'Coat']);
      expect(() => engine.workflows.plugin('ppf')).toThrow(
        "no workflow 'ppf' is registered (known: fixture)",
      );
    } finally {
      await engine.close();
    }
  });

  it('fires due timers on its interval, and stops when the engine closes', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const clock = new FakeClock(START);
    const f = await shopFixture({ workflows: [fixtureWorkflow], clock });
    const ticker = f.engine.workflows.ticker;
    const tick = vi.spyOn(ticker, 'tick');
    ticker.start(60_000);
    const run = await f.tech.interventions.start(f.taskId);
    await uploadPhoto(f.tech, run.id, 'prep', 'before');
    await f.tech.interventions.send(run.id, prepSubmission);
    clock.advance(2 * 3_600_000);
    vi.advanceTimersByTime(60_000);
    expect(tick).toHaveBeenCalledTimes(1);
    await tick.mock.results[0]?.value;
    expect((await f.tech.interventions.get(run.id)).state).toBe('coat.cured');
    await f.engine.close();
    vi.advanceTimersByTime(600_000);
    expect(tick).toHaveBeenCalledTimes(1);
  });
});
