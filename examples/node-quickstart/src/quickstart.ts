/**
 * The engine in a Node script, persisted to a file journal. Each run books one more PPF job
 * (client, vehicle, a task assigned to a technician; the film and its roll on the first run),
 * runs it through inspection, preparation, installation and finalization (uploading the photos
 * each step asks for: the engine counts the stored ones), then prints what the store holds:
 * completed tasks so far, film on hand, and which vehicles got the roll.
 *
 * @example
 * ```sh
 * node --conditions=source --import tsx src/quickstart.ts ./shop-data
 * ```
 */
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { createEngine, EngineError, photoBindings, type Shop } from '@rpma/engine';
import { fsBlobStore, sharpImageProcessor } from '@rpma/engine/node';
import { sqljsStorage } from '@rpma/storage-sqljs';
import { fileJournal } from '@rpma/storage-sqljs/node';
import { INTAKE_SHOTS, PREPARATION_CHECKLIST, ppfWorkflow } from '@rpma/workflows-ppf';

const FILM_SKU = 'PPF-GLOSS-8';
const ROLL = 'R-118';
const ROLL_RECEIVED = '2026-09-01';
const TECHNICIAN = 'tech-1';
const COVERAGE = ['hood'];
const DAY = 86_400_000;
/** Film one job takes from the roll: the hood, plus the offcut. */
const FILM_PER_JOB = { areaM2: 2.4, wasteM2: 0.3 };

/**
 * The film material and its roll: found by SKU, or created with 30 m² received on the first run.
 *
 * @example
 * ```ts
 * const { film, rollId } = await filmStock(boss);
 * ```
 */
async function filmStock(boss: Shop): Promise<{ film: { id: string }; rollId: string }> {
  const existing = await boss.materials.get({ sku: FILM_SKU }).catch((error: unknown) => {
    if (error instanceof EngineError && error.code === 'NOT_FOUND') return null;
    throw error;
  });
  if (existing) {
    const [roll] = await boss.stock.lots({ materialId: existing.id });
    if (!roll) throw new EngineError('NOT_FOUND', `no lot of ${FILM_SKU} in the store`);
    return { film: existing, rollId: roll.lot.id };
  }
  const film = await boss.materials.create({
    sku: FILM_SKU,
    name: 'Gloss PPF 8 mil',
    type: 'film',
    unit: 'm2',
  });
  const { lot } = await boss.stock.purchase({
    materialId: film.id,
    quantity: 30,
    lotNumber: ROLL,
    receivedAt: `${ROLL_RECEIVED}T00:00:00Z`,
  });
  if (!lot) throw new EngineError('STORAGE', `the purchase of ${ROLL} created no lot`);
  return { film, rollId: lot.id };
}

/**
 * A small grey PNG, standing in for a camera shot.
 *
 * @example
 * ```ts
 * await tech.photos.upload({ interventionId, stepId: 'inspection', bytes: greyPng(), angle: 'vin' });
 * ```
 */
function greyPng(width = 32, height = 24): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const framed = Buffer.alloc(body.length + 8);
    framed.writeUInt32BE(data.length, 0);
    body.copy(framed, 4);
    framed.writeUInt32BE(crc32(body), body.length + 4);
    return framed;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x80)]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(
    Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]),
  );
}

/**
 * Uploads one shot per angle for a step of the intervention.
 *
 * @example
 * ```ts
 * await shoot(tech, run.id, 'finalization', ['final-front', 'final-rear']);
 * ```
 */
async function shoot(tech: Shop, interventionId: string, stepId: string, angles: readonly string[]) {
  for (const angle of angles) await tech.photos.upload({ interventionId, stepId, bytes: greyPng(), angle });
}

/**
 * Books one PPF job on a new client and vehicle and runs it through the four steps as the
 * assigned technician. Returns the job's number and the vehicle's plate.
 *
 * @example
 * ```ts
 * const { number, plate } = await runOneJob(boss, tech, 3);
 * ```
 */
async function runOneJob(boss: Shop, tech: Shop, n: number): Promise<{ number: string; plate: string }> {
  const plate = `QS-${String(n).padStart(3, '0')}-PF`;
  const client = await boss.clients.create({ kind: 'individual', name: `Client ${n}` });
  const vehicle = await boss.vehicles.create({ clientId: client.id, make: 'Porsche', model: '911', plate });
  const task = await boss.tasks.create({
    title: `PPF hood, ${plate}`,
    clientId: client.id,
    vehicleId: vehicle.id,
    service: 'ppf',
    coverage: COVERAGE,
    technicianId: TECHNICIAN,
    scheduledStart: new Date().toISOString(),
  });
  const run = await tech.interventions.start(task.id);
  await shoot(tech, run.id, 'inspection', INTAKE_SHOTS);
  await tech.interventions.send(run.id, {
    type: 'STEP.SUBMIT',
    step: 'inspection',
    data: {
      panels: [{ panel: 'hood', readingsUm: [108, 112, 110, 111, 109] }],
      defects: [],
      bay: { temperatureC: 19, humidityPct: 55 },
    },
    checklist: ['walkaround'],
  });
  await tech.interventions.send(run.id, {
    type: 'STEP.SUBMIT',
    step: 'preparation',
    data: {
      cut: { method: 'bulk', lengthM: 2 },
      roll: { sku: FILM_SKU, lot: ROLL, receivedOn: ROLL_RECEIVED },
      ipaDilutionPct: 30,
    },
    checklist: PREPARATION_CHECKLIST.filter((item) => item.required).map((item) => item.id),
  });
  await shoot(
    tech,
    run.id,
    'installation',
    COVERAGE.map((zone) => `zone:${zone}`),
  );
  await tech.interventions.send(run.id, {
    type: 'STEP.SUBMIT',
    step: 'installation',
    data: {
      environment: { temperatureC: 21, humidityPct: 50 },
      zones: COVERAGE.map((zone) => ({
        zone,
        film: FILM_SKU,
        lot: ROLL,
        areaM2: FILM_PER_JOB.areaM2,
        wasteM2: FILM_PER_JOB.wasteM2,
        checks: {
          degreased: true,
          slipSolution: true,
          noBubbles: true,
          edgesHeated: true,
          finalSqueegee: true,
        },
      })),
    },
  });
  await shoot(tech, run.id, 'finalization', ['final-front', 'final-rear']);
  const signedAt = Date.now();
  const done = await tech.interventions.send(run.id, {
    type: 'STEP.SUBMIT',
    step: 'finalization',
    data: {
      qc: {
        viewedFromM: 1.5,
        light: 'normal',
        findings: COVERAGE.map((zone) => ({ zone, finding: 'none' })),
      },
      customer: { name: `Client ${n}`, signature: 'M10 10 L40 25 L70 12', satisfaction: 5 },
      aftercare: { noWashDays: 7, pressureWasherMinCm: 60, instructionsGiven: true },
      followUpAt: new Date(signedAt + 10 * DAY).toISOString(),
      warranty: {
        product: 'Gloss PPF 8 mil',
        vin: 'WP0ZZZ99ZTS392124',
        coverageAreas: COVERAGE,
        installer: TECHNICIAN,
        years: 10,
      },
    },
    checklist: ['edges_checked', 'cleaned', 'walkthrough'],
  });
  if (done.status !== 'completed') {
    throw new EngineError('PRECONDITION', `job ${task.number} ended ${done.status}, not completed`);
  }
  return { number: task.number, plate };
}

/**
 * Opens the store in `dir`, runs one more job, prints the summary and closes the store.
 * Returns the lines it printed.
 *
 * @example
 * ```ts
 * const lines = await quickstart('./shop-data');
 * ```
 */
async function quickstart(dir: string): Promise<string[]> {
  const engine = await createEngine({
    storage: sqljsStorage({ persistence: fileJournal(dir) }),
    workflows: [ppfWorkflow()],
    modules: [photoBindings({ blobs: fsBlobStore(join(dir, 'photos')), processor: sharpImageProcessor() })],
  });
  try {
    const boss = engine.as(engine.auth.trust({ userId: 'sup-1', role: 'supervisor' }));
    const tech = engine.as(engine.auth.trust({ userId: TECHNICIAN, role: 'technician' }));
    const { film, rollId } = await filmStock(boss);
    const before = await boss.tasks.countByStatus();
    const job = await runOneJob(boss, tech, before.completed + 1);

    const counts = await boss.tasks.countByStatus();
    const { onHand } = await boss.stock.onHand({ materialId: film.id });
    const trace = await boss.stock.traceLot({ lotId: rollId });
    const plates = await Promise.all(
      trace.vehicles.map(async (id) => (await boss.vehicles.get({ id })).plate ?? id),
    );
    const lines = [
      `job ${job.number} on ${job.plate}: completed`,
      `completed tasks: ${counts.completed}`,
      `${FILM_SKU} on hand: ${onHand} m2`,
      `roll ${ROLL} went on: ${plates.join(', ')}`,
    ];
    for (const line of lines) console.log(line);
    return lines;
  } finally {
    await engine.close();
  }
}

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node --conditions=source --import tsx src/quickstart.ts <store directory>');
  process.exitCode = 2;
} else {
  await quickstart(dir).catch((error: unknown) => {
    if (!(error instanceof EngineError)) throw error;
    console.error(`${error.code}: ${error.message}`);
    process.exitCode = 1;
  });
}
