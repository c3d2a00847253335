import { mkdirSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright';
import { build, type PreviewServer, preview } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_LAUNCH_OPTIONS } from '../../../../chromium-launch.js';

// End to end: the BUILT shop app, served on 127.0.0.1 by Vite's preview server (what
// `npm run demo` serves), driven with Playwright in Debian's Chromium.

const root = new URL('../..', import.meta.url).pathname;
const artifacts = new URL('../../../../test-artifacts/shop-app/', import.meta.url).pathname;

let server: PreviewServer;
let browser: Browser;
let url: string;

beforeAll(async () => {
  await build({ root, logLevel: 'warn' });
  server = await preview({ root, logLevel: 'warn', preview: { host: '127.0.0.1', port: 0 } });
  url = server.resolvedUrls?.local[0] ?? '';
  browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
  mkdirSync(artifacts, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a page that fails the test on any console error, page error or CSP violation. */
async function openPage(): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return { page, problems };
}

/** A PNG drawn in the page (a generated photo of the car), as Playwright file payload. */
async function photo(page: Page, label: string) {
  const base64 = await page.evaluate(async (text) => {
    const canvas = new OffscreenCanvas(640, 480);
    const g = canvas.getContext('2d')!;
    g.fillStyle = '#34495e';
    g.fillRect(0, 0, 640, 480);
    g.fillStyle = '#fff';
    g.font = '40px sans-serif';
    g.fillText(text, 30, 240);
    const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
    let binary = '';
    for (const b of bytes) binary += String.fromCharCode(b);
    return btoa(binary);
  }, label);
  return { name: `${label}.png`, mimeType: 'image/png', buffer: Buffer.from(base64, 'base64') };
}

/** Signs in through the form: the demo account fills it, the password path signs in. */
async function signIn(page: Page, name: string): Promise<void> {
  const form = page.locator('rpma-sign-in');
  await form.getByRole('button', { name: new RegExp(name) }).click();
  await form.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

/** Opens a screen from the navigation and waits for its element. */
async function open(page: Page, link: string, element: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: link, exact: true }).click();
  await page.locator(element).first().waitFor();
}

describe('the built shop app', () => {
  it('is served with a CSP without unsafe-eval; real sign-in, role-based screens, hash routes, French', async () => {
    const { page, problems } = await openPage();
    const response = await page.goto(url);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).not.toContain("'unsafe-inline'");

    const form = page.locator('rpma-sign-in');
    await form.getByRole('button', { name: /Léa Martin/ }).waitFor();
    await form.getByText(/atelier-lea-2026/).waitFor();
    await page.screenshot({ path: `${artifacts}login.png`, fullPage: true });
    // A wrong password is refused in words: there is no password-less way in.
    await form.getByLabel('Email').fill('lea@atelier-demo.fr');
    await form.getByLabel('Password').fill('not her password');
    await form.getByRole('button', { name: 'Sign in', exact: true }).click();
    await form.getByText('invalid email or password').waitFor();

    await signIn(page, 'Léa Martin');
    const dashboard = page.locator('rpma-dashboard');
    await dashboard.getByText('PPF capot et pare-choc').waitFor();
    await dashboard.locator('[data-card="active"] button').first().waitFor();
    await page.screenshot({ path: `${artifacts}dashboard.png`, fullPage: true });
    const nav = page.getByRole('navigation');
    for (const hidden of ['Users', 'Trash', 'Settings']) {
      expect(await nav.getByRole('link', { name: hidden, exact: true }).count()).toBe(0);
    }

    await open(page, 'Tasks', 'rpma-task-list');
    await page.locator('rpma-task-list [part="row"]').first().waitFor();
    // Creating tasks is for staff (the engine's policy): a technician has no "New task".
    expect(await page.getByRole('link', { name: 'New task' }).count()).toBe(0);
    await page.screenshot({ path: `${artifacts}tasks.png`, fullPage: true });
    await open(page, 'Board', 'rpma-task-board');
    await page.locator('rpma-task-board [part="card"]').first().waitFor();
    await page.screenshot({ path: `${artifacts}board.png`, fullPage: true });
    await open(page, 'Calendar', 'rpma-calendar');
    const calendar = page.locator('rpma-calendar');
    await calendar.locator('[part="event"]', { hasText: 'PPF' }).first().waitFor();
    // Filters name people and bays, never raw ids.
    expect(await calendar.getByLabel('Technician').locator('option:checked').textContent()).toBe(
      'Léa Martin',
    );
    expect(await calendar.locator('select[data-filter="bay"] option').allTextContents()).toEqual([
      'All bays',
      'Baie 1 (PPF)',
      'Baie 2 (PPF)',
      'Baie 3 (céramique)',
    ]);
    await page.screenshot({ path: `${artifacts}calendar.png`, fullPage: true });
    await open(page, 'Interventions', 'rpma-intervention-list');
    await page.locator('rpma-intervention-list').getByText('Traitement céramique').waitFor();
    await page.screenshot({ path: `${artifacts}interventions.png`, fullPage: true });
    await open(page, 'Clients', 'rpma-client-list');
    await page.locator('rpma-client-list').getByText('Garage Dupont').first().waitFor();
    await page.screenshot({ path: `${artifacts}clients.png`, fullPage: true });
    await open(page, 'Inventory', 'main tr[data-sku="PPF-GLOSS-8"]');
    await page.screenshot({ path: `${artifacts}inventory.png`, fullPage: true });
    // The screen is in the hash: back returns to the clients, a reload keeps the screen.
    await page.goBack();
    await page.locator('rpma-client-list').waitFor();
    expect(new URL(page.url()).hash).toBe('#/clients');
    await page.reload();
    await signIn(page, 'Léa Martin');
    await page.locator('rpma-client-list').waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await form.getByRole('button', { name: /Claire Dubois/ }).waitFor();
    expect(await form.locator('[part="session-ended"]').count()).toBe(0);
    await signIn(page, 'Claire Dubois');
    await open(page, 'Tasks', 'rpma-task-list');
    await page.getByRole('link', { name: 'New task' }).click();
    await page.locator('rpma-task-form').waitFor();
    expect(new URL(page.url()).hash).toBe('#/tasks/new');
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: `${artifacts}new-task.png`, fullPage: true });
    const taskForm = page.locator('rpma-task-form');
    await taskForm.locator('input[name="title"]').fill('PPF rétroviseurs');
    const clientBox = taskForm.locator('rpma-client-picker input');
    await clientBox.fill('Garage Dupont');
    await taskForm.locator('rpma-client-picker [role="option"]').first().waitFor();
    await clientBox.press('ArrowDown');
    await clientBox.press('Enter');
    const vehicle = taskForm.locator('rpma-vehicle-picker select');
    await vehicle.locator('option:nth-child(2)').waitFor({ state: 'attached' });
    await vehicle.selectOption({ index: 1 });
    await taskForm.locator('select[name="service"]').selectOption('ppf');
    for (const zone of ['mirror_left', 'mirror_right']) {
      await taskForm.locator(`rpma-zone-picker input[value="${zone}"]`).check();
    }
    const technician = taskForm.locator('select[name="technicianId"]');
    await technician.locator('option', { hasText: 'Hugo Bernard' }).waitFor({ state: 'attached' });
    await technician.selectOption({ label: 'Hugo Bernard' });
    await taskForm.locator('button[type="submit"]').click();
    await page.locator('rpma-task-detail').getByText('PPF rétroviseurs').first().waitFor();
    expect(new URL(page.url()).hash).toMatch(/^#\/tasks\/[^/]+$/);
    for (const [link, element, shot] of [
      ['Settings', 'rpma-settings', 'settings'],
      ['Users', 'rpma-users', 'users'],
      ['Trash', 'rpma-trash', 'trash'],
      ['My account', 'rpma-account', 'account'],
    ] as const) {
      if (!(await nav.getByRole('link', { name: link, exact: true }).count())) continue;
      await open(page, link, element);
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: `${artifacts}${shot}.png`, fullPage: true });
    }

    await page.locator('shop-app header').getByLabel('Language').selectOption('fr');
    await nav.getByRole('link', { name: 'Accueil' }).click();
    await page.locator('rpma-dashboard').getByText('Tâches par statut').waitFor();
    await page.screenshot({ path: `${artifacts}dashboard-fr.png`, fullPage: true });
    expect(problems).toEqual([]);
  }, 240_000);

  it("runs today's PPF job as a technician: four steps with photos, stock consumed, task completed, kept after reload", async () => {
    const { page, problems } = await openPage();
    await page.goto(url);
    await signIn(page, 'Léa Martin');
    const filmOnHand = async () => {
      await open(page, 'Inventory', 'main tr[data-sku="PPF-GLOSS-8"]');
      const cell = page.locator('main tr[data-sku="PPF-GLOSS-8"] [data-on-hand]');
      const value = Number(await cell.getAttribute('data-on-hand'));
      await open(page, 'Dashboard', 'rpma-dashboard');
      return value;
    };
    const filmBefore = await filmOnHand();
    await page
      .locator('rpma-dashboard')
      .getByRole('button', { name: /PPF capot et pare-choc/ })
      .click();
    await page.locator('rpma-task-detail').getByRole('button', { name: 'Start the intervention' }).click();
    const runner = page.locator('rpma-intervention-runner');
    const field = (id: string) => runner.locator(`#f-${id}`);
    const add = (path: string) => runner.locator(`[data-path="${path}"] > button`).last().click();
    const tickChecklist = async () => {
      for (const box of await runner
        .locator('fieldset:has(> legend:text-is("Checklist")) input[type="checkbox"]')
        .all()) {
        await box.check();
      }
    };
    const shoot = async (tags: string[]) => {
      for (const [i, tag] of tags.entries()) {
        await runner.locator('input[name="shot"]').fill(tag);
        await runner.locator('input[type="file"]').setInputFiles(await photo(page, tag));
        await runner.locator(`[data-photo-count="${i + 1}"]`).waitFor();
      }
    };
    const nothingMissing = async () => {
      const missing = runner.locator('[part="missing"]');
      await missing.waitFor({ state: 'detached', timeout: 10_000 }).catch(async () => {
        throw new Error(`the runner still lists: ${await missing.textContent()}`);
      });
    };
    const submit = async (next: string) => {
      await nothingMissing();
      await runner.locator('button[type="submit"]').click();
      await runner.locator(`[aria-current="step"]:has-text("${next}")`).waitFor();
    };

    await runner.getByRole('heading', { name: 'Inspection' }).waitFor();
    for (const [i, panel] of ['hood', 'front_bumper'].entries()) {
      await add('panels');
      await field(`panels-${i}-panel`).fill(panel);
      await field(`panels-${i}-readingsUm`).fill('108, 112, 110, 111, 109');
    }
    await field('bay-temperatureC').fill('19');
    await field('bay-humidityPct').fill('55');
    await tickChecklist();
    await shoot(['front-left', 'front-right', 'rear-left', 'rear-right', 'vin', 'odometer']);
    await page.screenshot({ path: `${artifacts}runner-inspection.png`, fullPage: true });
    await submit('Preparation');

    await field('cut').selectOption('bulk');
    await field('cut-lengthM').fill('4.5');
    await field('roll-sku').fill('PPF-GLOSS-8');
    await field('roll-lot').fill('R-131');
    await field('roll-receivedOn').fill('2026-11-02');
    await field('ipaDilutionPct').fill('30');
    await tickChecklist();
    await submit('Installation');

    await field('environment-temperatureC').fill('21');
    await field('environment-humidityPct').fill('50');
    for (const [i, zone] of ['hood', 'front_bumper'].entries()) {
      await add('zones');
      await field(`zones-${i}-zone`).fill(zone);
      await field(`zones-${i}-film`).fill('PPF-GLOSS-8');
      await field(`zones-${i}-lot`).fill('R-131');
      await field(`zones-${i}-areaM2`).fill(zone === 'hood' ? '2.4' : '0.9');
      await field(`zones-${i}-wasteM2`).fill('0.3');
      for (const check of ['degreased', 'slipSolution', 'noBubbles', 'edgesHeated', 'finalSqueegee']) {
        await field(`zones-${i}-checks-${check}`).check();
      }
    }
    await tickChecklist();
    await shoot(['zone:hood', 'zone:front_bumper']);
    await submit('Finalization');

    await field('qc-viewedFromM').fill('1.5');
    await field('qc-light').selectOption('normal');
    for (const [i, zone] of ['hood', 'front_bumper'].entries()) {
      await add('qc.findings');
      await field(`qc-findings-${i}-zone`).fill(zone);
      await field(`qc-findings-${i}-finding`).selectOption('none');
    }
    await field('customer-name').fill('Camille Dubois');
    await field('customer-signature').fill('M10 10 L40 25 L70 12');
    await field('customer-satisfaction').fill('5');
    await field('aftercare-noWashDays').fill('7');
    await field('aftercare-pressureWasherMinCm').fill('60');
    await field('aftercare-instructionsGiven').check();
    await field('followUpAt').fill('2026-12-08T10:00');
    await field('warranty-product').fill('Film PPF brillant 8 mil');
    await field('warranty-vin').fill('WP0ZZZ99ZTS392124');
    await field('warranty-coverageAreas').fill('hood, front_bumper');
    await field('warranty-installer').fill('Léa Martin');
    await field('warranty-years').fill('10');
    await tickChecklist();
    await shoot(['final-front', 'final-rear']);
    await nothingMissing();
    await runner.locator('button[type="submit"]').click();
    await runner.getByText('Intervention completed.').waitFor();
    await page.screenshot({ path: `${artifacts}runner-completed.png`, fullPage: true });
    // Installation used 2.4 + 0.9 m² of film and wasted 0.3 m² per zone, from roll R-131.
    expect(Math.round((filmBefore - (await filmOnHand())) * 100) / 100).toBe(3.9);

    await page.reload();
    await signIn(page, 'Léa Martin');
    await open(page, 'Tasks', 'rpma-task-list');
    await page.locator('rpma-task-list').getByRole('searchbox').fill('capot');
    await page.locator('rpma-task-list').getByLabel('Status').selectOption('completed');
    await page
      .locator('rpma-task-list')
      .getByRole('button', { name: /PPF capot et pare-choc/ })
      .click();
    await page.locator('rpma-task-detail [data-status="completed"]').waitFor();
    await page.screenshot({ path: `${artifacts}task-completed-after-reload.png`, fullPage: true });
    expect(Math.round((filmBefore - (await filmOnHand())) * 100) / 100).toBe(3.9);
    await page.locator('shop-app header').getByLabel('Language').selectOption('fr');
    await page.getByRole('navigation').getByRole('link', { name: 'Tableau' }).click();
    await page.locator('rpma-task-board').getByText('Planifiée').first().waitFor();
    await page.screenshot({ path: `${artifacts}board-fr.png`, fullPage: true });
    expect(problems).toEqual([]);
  }, 240_000);
});
