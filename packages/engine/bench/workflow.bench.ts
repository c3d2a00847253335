/**
 * The workflow runtime against its floor and against bpmn-engine, in one run.
 *
 * - workflow.step: one full step command (`shop.interventions.send` with the rev the device
 *   holds: policy, zod parse, load, restore, step checks, XState `transition()`, step records,
 *   intervention update with rev check, audit + outbox rows, events) on the in-memory sql.js
 *   store, vs the floor: what any correct durable step must do, by hand on raw sql.js tables
 *   (primary keys only, prepared statements) — in one transaction, read the intervention's row
 *   (the store is the source of truth, not a snapshot held in memory), restore + XState
 *   `transition()`, `UPDATE` its JSON with a rev check, close the step record and open the
 *   next, one audit row and one outbox row (DESIGN.md §5, per command). Target ratio ≤ 2.
 * - workflow.vs-bpmn-engine: the same 4-step job (start, then inspection, preparation,
 *   installation, finalization) by our engine vs bpmn-engine (4 user tasks), whose state is
 *   saved to a sql.js row after every step and recovered from it before the next (the store is
 *   the source of truth on both sides). Target ratio ≤ 0.05.
 * Both pairs are measured alternately (a run of each side per round), so that the shared
 * machine's moving load weighs on both.
 *   bpmn-engine is not a dependency of this repo: when `import('bpmn-engine')` fails, the bench
 *   installs it with `npm install --no-save bpmn-engine@25` into `$TMPDIR/rpma-bench-peers` (or
 *   `RPMA_BENCH_PEERS`) and loads it from there.
 * - workflow.resume: 10k interventions persisted mid-job (seeded through the adapter), then for
 *   each one the first command after the "restart": load, restore, transition, write — ms per
 *   intervention.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sqljsStorage } from '@rpma/storage-sqljs';
import initSqlJs from 'sql.js';
import { assign, setup, transition } from 'xstate';
import * as z from 'zod/mini';
import { absolute, compared, measurePair, report } from '../../../bench/lib.js';
import type { Engine, StampedEvent, WorkflowInput } from '../src/index.js';
import {
  createEngine,
  defineStep,
  defineWorkflow,
  FakeClock,
  restoreWorkflow,
  startWorkflow,
  uuidv7Generator,
} from '../src/index.js';

const STEPS = ['inspection', 'preparation', 'installation', 'finalization'] as const;
const clock = new FakeClock('2026-11-26T08:00:00Z');
const principal = { userId: 'bench-supervisor', role: 'supervisor' as const };

const steps = STEPS.map((id) =>
  defineStep({
    id,
    title: id,
    estimatedMinutes: 60,
    data: z.object({ note: z.string(), readings: z.array(z.number()) }),
    checklist: [{ id: 'done', label: 'Done', required: true }],
    photos: { min: 0 },
  }),
);
const machine = setup({
  types: {
    input: {} as WorkflowInput,
    context: {} as { taskId: string; submitted: number },
    events: {} as StampedEvent,
  },
}).createMachine({
  id: 'bench-job',
  context: ({ input }) => ({ taskId: input.taskId, submitted: 0 }),
  initial: 'inspection',
  states: {
    ...Object.fromEntries(
      STEPS.map((id, i) => [
        id,
        {
          on: {
            'STEP.SUBMIT': {
              target: STEPS[i + 1] ?? 'done',
              actions: assign({
                submitted: ({ context }: { context: { submitted: number } }) => context.submitted + 1,
              }),
            },
          },
        },
      ]),
    ),
    done: { type: 'final' },
  },
});
const benchWorkflow = defineWorkflow({ id: 'bench-job', version: 1, title: 'Bench job', machine, steps });
const submit = (step: string) => ({
  type: 'STEP.SUBMIT',
  step,
  data: { note: 'ok', readings: [110, 112, 108] },
  checklist: ['done'],
});

async function benchEngine(): Promise<{ engine: Engine; seedTasks(n: number): Promise<string[]> }> {
  const engine = await createEngine({
    storage: sqljsStorage(),
    clock,
    workflows: [benchWorkflow],
    timerIntervalMs: 0,
  });
  const shop = engine.as(principal);
  const client = await shop.clients.create({ kind: 'individual', name: 'Léa Martin' });
  const template = await shop.tasks.create({
    title: 'Bench job',
    clientId: client.id,
    service: 'bench-job',
    scheduledStart: '2026-11-26T08:00:00Z',
  });
  const ids = uuidv7Generator(clock);
  const { rev: _rev, overdue: _overdue, ...fields } = template as typeof template & { rev: number };
  return {
    engine,
    seedTasks: (n) =>
      engine.storage.write(async (tx) => {
        const made: string[] = [];
        for (let i = 0; i < n; i++) {
          const id = ids.next();
          await tx.insert('tasks', { ...fields, id, number: `B-${id}` });
          made.push(id);
        }
        return made;
      }),
  };
}

// ---------- workflow.step ----------
const OPS = 20;
const step = await benchEngine();
const shop = step.engine.as(principal);
const runs = [];
for (const taskId of await step.seedTasks(OPS * 25)) runs.push(await shop.interventions.start(taskId));
let next = 0;
const oursStep = async () => {
  for (let i = 0; i < OPS; i++) {
    const run = runs[next++];
    if (!run) throw new Error('bench ran out of interventions');
    await shop.interventions.send(run.id, submit('inspection'), { rev: run.rev });
  }
};

const SQL = await initSqlJs();
const db = new SQL.Database();
db.run(`CREATE TABLE interventions (id TEXT PRIMARY KEY, rev INTEGER NOT NULL, body TEXT NOT NULL);
  CREATE TABLE steps (id TEXT PRIMARY KEY, body TEXT NOT NULL);
  CREATE TABLE audit (id TEXT PRIMARY KEY, body TEXT NOT NULL);
  CREATE TABLE outbox (id TEXT PRIMARY KEY, body TEXT NOT NULL)`);
const floorIds = uuidv7Generator(clock);
const floorRuns: { id: string; rev: number; step: string }[] = [];
const stored = startWorkflow(benchWorkflow, { taskId: 't', coverage: [], startedAt: clock.now() }).snapshot;
for (let i = 0; i < OPS * 30; i++) {
  const run = { id: floorIds.next(), rev: 1, step: floorIds.next() };
  db.run('INSERT INTO interventions VALUES (?, 1, ?)', [run.id, JSON.stringify({ snapshot: stored })]);
  db.run('INSERT INTO steps VALUES (?, ?)', [run.step, JSON.stringify({ stepId: 'inspection' })]);
  floorRuns.push(run);
}
const load = db.prepare('SELECT rev, body FROM interventions WHERE id = ?');
const update = db.prepare('UPDATE interventions SET rev = rev + 1, body = ? WHERE id = ? AND rev = ?');
const closeStep = db.prepare('UPDATE steps SET body = ? WHERE id = ?');
const addRow = (table: string) => db.prepare(`INSERT INTO ${table} VALUES (?, ?)`);
const [openStep, audit, outbox] = [addRow('steps'), addRow('audit'), addRow('outbox')];
const event = { ...submit('inspection'), at: clock.now(), by: principal.userId };
let floorNext = 0;
const floorStep = () => {
  for (let i = 0; i < OPS; i++) {
    const run = floorRuns[floorNext++];
    if (!run) throw new Error('bench ran out of floor interventions');
    db.run('BEGIN');
    load.bind([run.id]);
    if (!load.step()) throw new Error('floor intervention missing');
    const [rev, body] = load.get() as [number, string];
    load.reset();
    if (rev !== run.rev) throw new Error('floor rev conflict');
    const before = (JSON.parse(body) as { snapshot: typeof stored }).snapshot;
    const [nextSnapshot] = transition(machine, restoreWorkflow(machine, before), event);
    update.run([JSON.stringify({ snapshot: machine.getPersistedSnapshot(nextSnapshot) }), run.id, rev]);
    if (db.getRowsModified() !== 1) throw new Error('floor rev conflict');
    closeStep.run([
      JSON.stringify({ stepId: 'inspection', status: 'completed', data: event.data }),
      run.step,
    ]);
    openStep.run([floorIds.next(), JSON.stringify({ stepId: 'preparation', status: 'in_progress' })]);
    const change = { entity: 'interventions', entityId: run.id, command: 'interventions.send' };
    audit.run([floorIds.next(), JSON.stringify({ ...change, by: principal.userId, at: event.at })]);
    outbox.run([floorIds.next(), JSON.stringify(change)]);
    db.run('COMMIT');
  }
};
const [stepOursRun, stepFloorRun] = await measurePair(oursStep, floorStep, { runs: 20, warmup: 5 });
const [stepOurs, stepFloor] = [stepOursRun / OPS, stepFloorRun / OPS];
await step.engine.close();

// ---------- workflow.vs-bpmn-engine ----------
type BpmnEngine = {
  execute(): Promise<{ getPostponed(): { signal(message?: unknown): void }[] }>;
  resume(): Promise<{ getPostponed(): { signal(message?: unknown): void }[] }>;
  recover(state: unknown): BpmnEngine;
  getState(): Promise<unknown>;
  stop(): void;
};
type BpmnModule = { Engine: new (options: { name: string; source?: string }) => BpmnEngine };

async function loadBpmnEngine(): Promise<BpmnModule> {
  try {
    return (await import('bpmn-engine' as string)) as BpmnModule;
  } catch {
    const dir = process.env.RPMA_BENCH_PEERS ?? join(tmpdir(), 'rpma-bench-peers');
    const entry = join(dir, 'node_modules', 'bpmn-engine', 'src', 'index.js');
    if (!existsSync(entry)) {
      mkdirSync(dir, { recursive: true });
      if (!existsSync(join(dir, 'package.json')))
        writeFileSync(join(dir, 'package.json'), '{"private":true}\n');
      console.log(`installing bpmn-engine (benchmark peer only) into ${dir}`);
      execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', 'bpmn-engine@25'], {
        cwd: dir,
        stdio: 'inherit',
      });
    }
    return (await import(pathToFileURL(entry).href)) as BpmnModule;
  }
}

const bpmn = await loadBpmnEngine();
const source = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="bench">
  <process id="benchJob" isExecutable="true">
    <startEvent id="start" />
    ${STEPS.map((id) => `<userTask id="${id}" />`).join('\n    ')}
    <endEvent id="end" />
    <sequenceFlow id="f0" sourceRef="start" targetRef="${STEPS[0]}" />
    ${STEPS.map((id, i) => `<sequenceFlow id="f${i + 1}" sourceRef="${id}" targetRef="${STEPS[i + 1] ?? 'end'}" />`).join('\n    ')}
  </process>
</definitions>`;
db.run('CREATE TABLE bpmn_state (id TEXT PRIMARY KEY, body TEXT NOT NULL)');
const saveState = db.prepare('INSERT OR REPLACE INTO bpmn_state VALUES (?, ?)');
const loadState = db.prepare('SELECT body FROM bpmn_state WHERE id = ?');
let jobNo = 0;
const bpmnJob = async () => {
  const id = `job-${jobNo++}`;
  const first = new bpmn.Engine({ name: id, source });
  await first.execute();
  saveState.run([id, JSON.stringify(await first.getState())]);
  first.stop();
  for (let i = 0; i < STEPS.length; i++) {
    loadState.bind([id]);
    loadState.step();
    const state = JSON.parse(String(loadState.get()[0]));
    loadState.reset();
    const engine = new bpmn.Engine({ name: id }).recover(state);
    const execution = await engine.resume();
    const [task] = execution.getPostponed();
    if (!task) throw new Error('bpmn-engine has no waiting user task');
    task.signal({ note: 'ok', readings: [110, 112, 108] });
    saveState.run([id, JSON.stringify(await engine.getState())]);
    engine.stop();
  }
};

const job = await benchEngine();
const jobShop = job.engine.as(principal);
const jobTasks = await job.seedTasks(500);
const oursJob = async () => {
  const taskId = jobTasks.pop();
  if (!taskId) throw new Error('bench ran out of tasks');
  let run = await jobShop.interventions.start(taskId);
  for (const id of STEPS) run = await jobShop.interventions.send(run.id, submit(id), { rev: run.rev });
  if (run.status !== 'completed') throw new Error(`the job ended ${run.status}`);
};
const [jobOurs, jobPeer] = await measurePair(oursJob, bpmnJob, { runs: 30, warmup: 5 });
await job.engine.close();

// ---------- workflow.resume ----------
const RESUME = 10_000;
const resume = await benchEngine();
const resumeTasks = await resume.seedTasks(RESUME);
const resumeIds = uuidv7Generator(clock);
const at = new Date(clock.now()).toISOString();
const persisted: { id: string }[] = await resume.engine.storage.write(async (tx) => {
  const made = [];
  for (const taskId of resumeTasks) {
    const snapshot = startWorkflow(benchWorkflow, { taskId, coverage: [], startedAt: clock.now() }).snapshot;
    const meta = { createdAt: at, updatedAt: at };
    const intervention = await tx.insert('interventions', {
      id: resumeIds.next(),
      ...meta,
      taskId,
      workflowId: 'bench-job',
      workflowVersion: 1,
      status: 'active',
      state: 'inspection',
      step: 'inspection',
      snapshot,
      lastEvent: 'start',
      startedAt: at,
      startedBy: principal.userId,
      pausedAt: null,
      completedAt: null,
      cancelledAt: null,
      cancelReason: null,
      durations: null,
    });
    await tx.insert('interventionSteps', {
      id: resumeIds.next(),
      ...meta,
      interventionId: intervention.id,
      taskId,
      stepId: 'inspection',
      title: 'inspection',
      attempt: 1,
      status: 'in_progress',
      startedAt: at,
      startedBy: principal.userId,
      completedAt: null,
      completedBy: null,
      pausedAt: null,
      pausedMs: 0,
      estimatedMinutes: 60,
      actualMinutes: null,
      data: null,
      checklist: [],
      photos: [],
      consumption: [],
    });
    made.push(intervention);
  }
  return made;
});
const resumeShop = resume.engine.as(principal);
const started = performance.now();
for (const intervention of persisted) {
  await resumeShop.interventions.send(intervention.id, submit('inspection'), { rev: 1 });
}
const resumeMs = (performance.now() - started) / RESUME;
await resume.engine.close();
db.close();

report([
  compared(
    'workflow.step',
    stepOurs,
    stepFloor,
    'raw sql.js step: read, transition(), rev UPDATE, step/audit/outbox rows',
    2,
  ),
  compared(
    'workflow.vs-bpmn-engine',
    jobOurs,
    jobPeer,
    'bpmn-engine 25 + sql.js state per step',
    0.05,
    'ms/job',
  ),
  absolute('workflow.resume', resumeMs, null, 'ms/intervention'),
]);
