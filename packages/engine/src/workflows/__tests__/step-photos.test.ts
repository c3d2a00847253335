import { afterEach, describe, expect, it } from 'vitest';
import { refusal } from '../../testing/refusal.js';
import { photoTags } from '../step-photos.js';
import { prepSubmission, type ShopFixture, shopFixture, uploadPhoto } from './engine-fixture.js';
import { fixtureWorkflow } from './fixture-workflow.js';

let open: ShopFixture | undefined;
afterEach(async () => {
  await open?.engine.close();
  open = undefined;
});

async function fixture() {
  open = await shopFixture({ workflows: [fixtureWorkflow] });
  return open;
}

describe('step photo rules count the photos stored for the step', () => {
  it('tags a photo with its angle, zone:<zone> and panel:<panel>', () => {
    expect(photoTags({ angle: 'front-left', zone: 'hood', panel: 'hood_left' })).toEqual([
      'front-left',
      'zone:hood',
      'panel:hood_left',
    ]);
    expect(photoTags({ angle: null, zone: null, panel: null })).toEqual([]);
  });

  it('refuses until the required tagged photo is uploaded, then accepts and keeps the stored ids', async () => {
    const f = await fixture();
    const run = await f.tech.interventions.start(f.taskId);
    const none = await refusal(f.tech.interventions.send(run.id, prepSubmission));
    expect(none.code).toBe('PRECONDITION');
    expect(none.details.missing).toEqual(['photos: 1 needed, 0 given', "photos: no photo tagged 'before'"]);

    const side = await uploadPhoto(f.tech, run.id, 'prep', 'side');
    const untagged = await refusal(f.tech.interventions.send(run.id, prepSubmission));
    expect(untagged.details.missing).toEqual(["photos: no photo tagged 'before'"]);

    const before = await uploadPhoto(f.tech, run.id, 'prep', 'before');
    const moved = await f.tech.interventions.send(run.id, { ...prepSubmission, photos: [before] });
    expect(moved.step).toBe('coat');
    const { steps } = await f.tech.interventions.history(run.id);
    expect(steps[0]?.photos.map((p) => p.id).sort()).toEqual([side, before].sort());
    expect(steps[0]?.photos.find((p) => p.id === before)?.tags).toEqual(['before']);
  });

  it('no longer counts a photo once it is in the trash, and refuses a submission naming it', async () => {
    const f = await fixture();
    const run = await f.tech.interventions.start(f.taskId);
    const before = await uploadPhoto(f.tech, run.id, 'prep', 'before');
    await f.boss.photos.delete({ id: before });
    const trashed = await refusal(f.tech.interventions.send(run.id, prepSubmission));
    expect(trashed.code).toBe('PRECONDITION');
    expect(trashed.details.missing).toEqual([
      'photos: 1 needed, 0 given',
      "photos: no photo tagged 'before'",
    ]);
    const named = await refusal(f.tech.interventions.send(run.id, { ...prepSubmission, photos: [before] }));
    expect(named.code).toBe('PRECONDITION');
    expect(named.details.photos).toEqual([before]);
    expect((await f.tech.interventions.get(run.id)).step).toBe('prep');
  });

  it('refuses photo ids of another intervention or another step, naming them', async () => {
    const f = await fixture();
    const run = await f.tech.interventions.start(f.taskId);
    await uploadPhoto(f.tech, run.id, 'prep', 'before');
    const otherStep = await uploadPhoto(f.tech, run.id, 'coat', 'before');
    const task = await f.task('fixture', ['hood']);
    const other = await f.tech.interventions.start(task.id);
    const foreign = await uploadPhoto(f.tech, other.id, 'prep', 'before');

    const refused = await refusal(
      f.tech.interventions.send(run.id, { ...prepSubmission, photos: [foreign, otherStep] }),
    );
    expect(refused.code).toBe('PRECONDITION');
    expect(refused.details.photos).toEqual([foreign, otherStep]);
    expect(refused.message).toContain(foreign);
    expect(refused.message).toContain(otherStep);
    expect((await f.tech.interventions.get(run.id)).step).toBe('prep');
  });
});
