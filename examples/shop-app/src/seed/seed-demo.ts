import type { Engine, Shop } from '@rpma/engine';
import accounts from '../demo-accounts.json';
import {
  BAYS,
  BUSINESSES,
  CERAMIC_PANELS,
  FIRST_NAMES,
  LAST_NAMES,
  PPF_PACKAGES,
  STOCK,
  VEHICLES,
} from './demo-data.js';
import { type ShopDay, shopDays } from './shop-days.js';

const DAY = 86_400_000;
const TIME_ZONE = 'Europe/Paris';
/** Two appointments a day per technician, in the bay they work in. */
const SLOTS = [
  { start: '08:30', end: '12:30' },
  { start: '13:30', end: '17:30' },
] as const;

/** Progress of the first-start seeding: `done` of `total` steps, and what is being made. */
export type SeedProgress = (done: number, total: number, what: string) => void;

/** A demo account as `demo-accounts.json` lists it. */
export type DemoAccount = (typeof accounts)[number];

const technicians = accounts.filter((a) => a.role === 'technician');

/** A job of today or yesterday, which the seed may start. */
interface TodayJob {
  taskId: string;
  technician: DemoAccount;
  service: string;
  coverage: readonly string[];
}

/**
 * Seeds the demo organisation on first start, through the public engine API only: the first
 * admin (`auth.bootstrap`) and the other accounts (`users.create`) with their demo passwords,
 * shop settings (Europe/Paris, Monday to Saturday), stock with lots, 50 clients with vehicles,
 * 200 tasks over the past four and the coming three weeks, each booked in the calendar with its
 * technician and bay (past ones completed, today's first for Léa is a PPF), PPF interventions in
 * progress and a ceramic one in curing. Every call runs as a signed-in account, and the seed's
 * sessions are ended at the close. Does nothing once the store has users.
 */
export async function seedDemoShop(engine: Engine, progress: SeedProgress = () => {}): Promise<boolean> {
  if (!(await engine.auth.needsBootstrap())) return false;
  const total = accounts.length + 1 + 50 + 200 + 2;
  let done = 0;
  const step = (what: string) => progress(++done, total, what);

  const [first, ...others] = accounts;
  await engine.auth.bootstrap({
    email: first!.email,
    displayName: first!.displayName,
    password: first!.password,
  });
  step('accounts');
  const admin = engine.as(
    (await engine.auth.login({ email: first!.email, password: first!.password })).principal,
  );
  const ids = new Map<string, string>([[first!.email, admin.principal.userId]]);
  for (const account of others) {
    const { email, displayName, password } = account;
    const user = await admin.users.create({
      email,
      displayName,
      password,
      role: account.role as 'technician',
    });
    ids.set(email, user.id);
    step('accounts');
  }

  await admin.settings.update({
    name: 'Atelier Démo Lyon',
    currency: 'EUR',
    timeZone: TIME_ZONE,
    businessHours: { days: [1, 2, 3, 4, 5, 6], open: '08:00', close: '18:00' },
  });
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
      : // each first name meets a different surname on each pass, so no two clients share a name
        `${FIRST_NAMES[i % FIRST_NAMES.length]} ${LAST_NAMES[(i + 3 * Math.floor(i / FIRST_NAMES.length)) % LAST_NAMES.length]}`;
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

  const days = shopDays(engine.clock.now(), TIME_ZONE, { from: -28, to: 20, openDays: [1, 2, 3, 4, 5, 6] });
  const todays: TodayJob[] = [];
  let previousDay: ShopDay | undefined;
  let onDay = 0;
  for (let i = 0; i < 200; i++) {
    const day = days[Math.floor((i * days.length) / 200)]!;
    onDay = day === previousDay ? onDay + 1 : 0;
    previousDay = day;
    const technician = technicians[onDay % technicians.length]!;
    const slot = SLOTS[Math.floor(onDay / technicians.length) % SLOTS.length]!;
    const leaToday = day.offset === 0 && onDay === 0;
    const ceramic = i % 5 === 4 && !leaToday;
    const owner = owners[i % owners.length]!;
    const coverage = ceramic
      ? CERAMIC_PANELS[i % 2]!
      : leaToday
        ? PPF_PACKAGES[0]!
        : PPF_PACKAGES[i % PPF_PACKAGES.length]!;
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
      dueAt: new Date(engine.clock.now() + (day.offset + (ceramic ? 3 : 2)) * DAY).toISOString(),
      estimate: { minutes: ceramic ? 600 : 480, amount: ceramic ? 1200 : 1900 },
    });
    const technicianId = ids.get(technician.email)!;
    await admin.calendar.scheduleTask({
      taskId: task.id,
      start: `${day.date}T${slot.start}`,
      end: `${day.date}T${slot.end}`,
      technicianId,
      bayId: BAYS[onDay % BAYS.length]!.id,
      // A demo started on a Sunday still gets today's jobs, outside the opening days.
      override: !day.open,
    });
    if (day.offset < -2) {
      await admin.tasks.changeStatus({ id: task.id, to: 'in_progress' });
      await admin.tasks.changeStatus({ id: task.id, to: 'completed', actualDurationMinutes: 450 + (i % 90) });
    } else if (day.offset === 0 || day.offset === -1) {
      todays.push({ taskId: task.id, technician, service: task.service, coverage });
    }
    step('tasks');
  }

  await seedInterventions(engine, todays, step);
  await engine.auth.logout(admin.principal);
  return true;
}

/** Léa keeps her PPF task of today to run; others are mid-job; one ceramic job is curing. */
async function seedInterventions(
  engine: Engine,
  todays: TodayJob[],
  step: (what: string) => void,
): Promise<void> {
  const lea = technicians[0]!;
  const ppfStarted = todays.filter((t) => t.service === 'ppf' && t.technician !== lea).slice(0, 2);
  for (const job of ppfStarted) {
    await asAccount(engine, job.technician, (tech) => tech.interventions.start(job.taskId));
  }
  step('interventions');
  const ceramic = todays.find((t) => t.service === 'ceramic' && t.technician !== lea);
  if (ceramic)
    await asAccount(engine, ceramic.technician, (tech) =>
      cureCeramic(tech, ceramic.taskId, ceramic.coverage),
    );
  step('curing');
}

/** Starts a ceramic job and records its preparation and application: it is left curing. */
async function cureCeramic(tech: Shop, taskId: string, panels: readonly string[]): Promise<void> {
  const run = await tech.interventions.start(taskId);
  const photo = await tech.photos.upload({
    interventionId: run.id,
    stepId: 'preparation',
    bytes: await demoPhoto('après correction'),
    angle: 'after-correction',
  });
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
}

/** Runs `work` signed in as the demo account (a real login), then signs out. */
async function asAccount<T>(
  engine: Engine,
  account: DemoAccount,
  work: (shop: Shop) => Promise<T>,
): Promise<T> {
  const { principal } = await engine.auth.login({ email: account.email, password: account.password });
  try {
    return await work(engine.as(principal));
  } finally {
    await engine.auth.logout(principal);
  }
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
