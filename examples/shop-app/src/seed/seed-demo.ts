import type { Engine, Principal, Shop } from '@rpma/engine';
import accounts from '../demo-accounts.json';
import {
  BUSINESSES,
  CERAMIC_PANELS,
  FIRST_NAMES,
  LAST_NAMES,
  PPF_PACKAGES,
  STOCK,
  VEHICLES,
} from './demo-data.js';

const DAY = 86_400_000;

/** Progress of the first-start seeding: `done` of `total` steps, and what is being made. */
export type SeedProgress = (done: number, total: number, what: string) => void;

const technicians = accounts.filter((a) => a.role === 'technician');

/**
 * Seeds the demo organisation on first start, through the public engine API only: stock with
 * lots, 50 clients with vehicles, 200 tasks over the past four and the coming three weeks
 * (past ones completed, today's scheduled for each technician — Léa's is a PPF), PPF
 * interventions in progress and a ceramic one in curing. Does nothing when clients exist.
 */
export async function seedDemoShop(engine: Engine, progress: SeedProgress = () => {}): Promise<boolean> {
  const admin = engine.as(engine.auth.trust(principalOf('admin')));
  if ((await admin.clients.list({ limit: 1 })).items.length > 0) return false;
  const total = 50 + 200 + 4;
  let done = 0;
  const step = (what: string) => progress(++done, total, what);

  for (const item of STOCK) {
    const material = await admin.materials.create({ ...item.material });
    for (const lot of item.lots) {
      await admin.stock.purchase({
        materialId: material.id,
        quantity: lot.quantity,
        lotNumber: lot.lotNumber,
        receivedAt: new Date(engine.clock.now() - lot.daysAgo * DAY).toISOString(),
      });
    }
  }
  step('stock');

  const owners: { clientId: string; vehicleId: string }[] = [];
  for (let i = 0; i < 50; i++) {
    const business = i % 10 === 9;
    const name = business
      ? BUSINESSES[(i / 10) | 0]!
      : `${FIRST_NAMES[i % FIRST_NAMES.length]} ${LAST_NAMES[(i * 3) % LAST_NAMES.length]}`;
    const client = await admin.clients.create({
      kind: business ? 'business' : 'individual',
      name,
      phone: `+33 6 ${String(10 + i).padStart(2, '0')} 45 67 89`,
    });
    const model = VEHICLES[i % VEHICLES.length]!;
    const vehicle = await admin.vehicles.create({
      clientId: client.id,
      ...model,
      year: 2019 + (i % 7),
      plate: `${letters(i)}-${String(100 + i).slice(-3)}-${letters(i + 7)}`,
    });
    owners.push({ clientId: client.id, vehicleId: vehicle.id });
    step('clients');
  }

  const today = startOfDay(engine.clock.now());
  const todays: { taskId: string; technicianId: string; service: string }[] = [];
  let leaHasToday = false;
  for (let i = 0; i < 200; i++) {
    const dayOffset = -28 + Math.floor((i * 49) / 200);
    const technician = technicians[i % technicians.length]!;
    const leaToday: boolean = !leaHasToday && dayOffset === 0 && technician === technicians[0];
    leaHasToday ||= leaToday;
    const ceramic = i % 5 === 4 && !leaToday;
    const owner = owners[i % owners.length]!;
    const coverage = ceramic
      ? CERAMIC_PANELS[i % 2]!
      : leaToday
        ? PPF_PACKAGES[0]!
        : PPF_PACKAGES[i % PPF_PACKAGES.length]!;
    const start = new Date(today + dayOffset * DAY + (8 + (i % 3) * 3) * 3_600_000).toISOString();
    const task = await admin.tasks.create({
      title: ceramic
        ? 'Traitement céramique'
        : leaToday
          ? 'PPF capot et pare-choc'
          : `PPF ${coverage.length > 1 ? 'face avant' : 'partiel'}`,
      clientId: owner.clientId,
      vehicleId: owner.vehicleId,
      service: ceramic ? 'ceramic' : 'ppf',
      coverage,
      technicianId: technician.userId,
      scheduledStart: start,
      dueAt: new Date(Date.parse(start) + (ceramic ? 3 : 2) * DAY).toISOString(),
      estimate: { minutes: ceramic ? 600 : 480, amount: ceramic ? 1200 : 1900 },
    });
    if (dayOffset < -2) {
      await admin.tasks.changeStatus({ id: task.id, to: 'in_progress' });
      await admin.tasks.changeStatus({ id: task.id, to: 'completed', actualDurationMinutes: 450 + (i % 90) });
    } else if (dayOffset === 0 || dayOffset === -1) {
      todays.push({ taskId: task.id, technicianId: technician.userId, service: task.service });
    }
    step('tasks');
  }

  await seedInterventions(engine, todays, step);
  return true;
}

/** Léa keeps her PPF task of today to run; others are mid-job; one ceramic job is curing. */
async function seedInterventions(
  engine: Engine,
  todays: { taskId: string; technicianId: string; service: string }[],
  step: (what: string) => void,
): Promise<void> {
  const lea = technicians[0]!.userId;
  const ppfStarted = todays.filter((t) => t.service === 'ppf' && t.technicianId !== lea).slice(0, 2);
  for (const job of ppfStarted) {
    await asUser(engine, job.technicianId).interventions.start(job.taskId);
    step('interventions');
  }
  const ceramic = todays.find((t) => t.service === 'ceramic' && t.technicianId !== lea);
  if (ceramic) {
    const tech = asUser(engine, ceramic.technicianId);
    const run = await tech.interventions.start(ceramic.taskId);
    const photo = await tech.photos.upload({
      interventionId: run.id,
      stepId: 'preparation',
      bytes: await demoPhoto('après correction'),
      angle: 'after-correction',
    });
    const panels = ['hood', 'roof'];
    await tech.interventions.send(run.id, {
      type: 'STEP.SUBMIT',
      step: 'preparation',
      data: {
        correction: 'one_step',
        panels: panels.map((panel) => ({
          panel,
          pad: 'mousse medium',
          polish: 'one-step',
          beforeUm: 118,
          afterUm: 115,
        })),
      },
      checklist: ['strip_wash', 'iron_remover', 'tar_remover', 'clay', 'panel_wipe'],
      photos: [photo.id],
    });
    await tech.interventions.send(run.id, {
      type: 'STEP.SUBMIT',
      step: 'application',
      data: {
        product: 'COAT-PRO-5Y',
        bottleLot: 'B-77',
        environment: { temperatureC: 20, humidityPct: 50, surfaceTempC: 19 },
        layers: panels.flatMap((panel) =>
          [1, 2].map((layer) => ({ panel, layer, flashSeconds: 60, highSpotCheck: true })),
        ),
        mlUsed: 30,
        cureMethod: 'ambient',
        overFilm: false,
      },
      checklist: ['gloves', 'lights'],
    });
    step('curing');
  }
}

function principalOf(role: Principal['role']): Principal {
  const account = accounts.find((a) => a.role === role)!;
  return { userId: account.userId, role, displayName: account.displayName };
}

function asUser(engine: Engine, userId: string): Shop {
  const account = accounts.find((a) => a.userId === userId)!;
  return engine.as(
    engine.auth.trust({ userId, role: account.role as Principal['role'], displayName: account.displayName }),
  );
}

function startOfDay(ms: number): number {
  const d = new Date(ms);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

function letters(i: number): string {
  const abc = 'ABCDEFGHJKLMNPQRSTVWXYZ';
  return abc[i % abc.length]! + abc[(i * 7) % abc.length]!;
}

/** A real (small) JPEG drawn in the browser, for the seeded step photos. */
async function demoPhoto(label: string): Promise<Uint8Array> {
  const canvas = new OffscreenCanvas(480, 320);
  const g = canvas.getContext('2d')!;
  g.fillStyle = '#2f4f6f';
  g.fillRect(0, 0, 480, 320);
  g.fillStyle = '#fff';
  g.font = '32px sans-serif';
  g.fillText(label, 24, 170);
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 });
  return new Uint8Array(await blob.arrayBuffer());
}
