import { type Engine, type FakeClock, type Principal, totpCode } from '@rpma/engine';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RpmaUsers } from '../elements/users.js';
import { setRpmaLocale } from '../i18n/localization.js';
import { mount, seriousA11yViolations, settled, shadowText, testEngine, until } from './harness.js';

const password = 'a long enough first password';

describe('<rpma-users>', () => {
  let engine: Engine;
  let clock: FakeClock;
  let admin: Principal;
  let claire: string;
  let tom: string;

  beforeEach(async () => {
    ({ engine, clock } = await testEngine({ secrets: { key: crypto.getRandomValues(new Uint8Array(32)) } }));
    const shop = engine.as(engine.auth.trust({ userId: 'u-host', role: 'admin' }));
    claire = (
      await shop.users.create({
        email: 'claire@atelier.fr',
        displayName: 'Claire Dubois',
        role: 'admin',
        password,
      })
    ).id;
    tom = (
      await shop.users.create({
        email: 'tom@atelier.fr',
        displayName: 'Tom Bernard',
        role: 'technician',
        password,
      })
    ).id;
    admin = engine.auth.trust({ userId: claire, role: 'admin' });
  });

  afterEach(async () => {
    document.body.innerHTML = '';
    await setRpmaLocale('en');
  });

  async function usersAs(principal: Principal): Promise<RpmaUsers> {
    const users = mount('<rpma-users></rpma-users>').querySelector('rpma-users') as RpmaUsers;
    users.engine = engine;
    users.principal = principal;
    await until(() => users.shadowRoot!.querySelectorAll('[part="row"]').length === 2, 'the two accounts');
    return users;
  }
  const row = (users: RpmaUsers, id: string) =>
    users.shadowRoot!.querySelector(`[part="row"][data-id="${id}"]`)!;
  const click = (users: RpmaUsers, id: string, action: string) =>
    row(users, id).querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!.click();
  const chooseRole = (users: RpmaUsers, id: string, role: string) => {
    const select = row(users, id).querySelector<HTMLSelectElement>('[data-action="role"]')!;
    select.value = role;
    select.dispatchEvent(new Event('change'));
  };
  const read = (id: string) => engine.as(admin).users.get({ id });

  it('lists accounts with role and status, and creates one (read back through the engine)', async () => {
    const users = await usersAs(admin);
    expect(row(users, tom).textContent).toContain('tom@atelier.fr');
    expect(row(users, tom).querySelector('select')!.value).toBe('technician');
    expect(row(users, tom).querySelector('[data-status]')!.textContent).toContain('Active');

    const form = users.shadowRoot!.querySelector<HTMLFormElement>('[part="create"]')!;
    const fill = (name: string, value: string) => {
      (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value = value;
    };
    fill('email', 'ines@atelier.fr');
    fill('displayName', 'Inès Garnier');
    fill('role', 'supervisor');
    fill('password', 'short');
    form.requestSubmit();
    await until(() => !!form.querySelector('#new-password-issue'), 'the password refusal next to its field');
    expect(form.querySelector('#new-password-issue')!.textContent?.length).toBeGreaterThan(5);

    fill('password', password);
    fill('email', 'tom@atelier.fr');
    form.requestSubmit();
    await until(() => !!form.querySelector('#new-email-issue'), 'the duplicate email refusal');
    expect(form.querySelector('#new-email-issue')!.textContent).toContain('already exists');

    fill('email', 'ines@atelier.fr');
    form.requestSubmit();
    await until(() => users.shadowRoot!.querySelectorAll('[part="row"]').length === 3, 'the new account');
    const ines = (await engine.as(admin).users.list({ role: 'supervisor' })).items;
    expect(ines.map((u) => [u.email, u.displayName])).toEqual([['ines@atelier.fr', 'Inès Garnier']]);
  });

  it("changes a role, and shows the engine's refusal to demote the last admin", async () => {
    const users = await usersAs(admin);
    chooseRole(users, tom, 'supervisor');
    await until(() => !!row(users, tom).querySelector('[part="notice"]'), 'the role change');
    expect((await read(tom)).role).toBe('supervisor');

    chooseRole(users, claire, 'viewer');
    await until(() => !!row(users, claire).querySelector('[role="alert"]'), 'the refusal');
    expect(row(users, claire).querySelector('[role="alert"]')!.textContent).toContain(
      'must keep at least one enabled admin',
    );
    expect((await read(claire)).role).toBe('admin');
    expect(row(users, claire).querySelector('select')!.value).toBe('admin');
  });

  it('disables and enables, resets a password, unlocks and resets two-factor', async () => {
    const users = await usersAs(admin);
    click(users, tom, 'disable');
    await until(
      () => row(users, tom).querySelector('[data-status]')!.textContent!.includes('Disabled'),
      'disabled',
    );
    expect((await read(tom)).disabled).toBe(true);
    click(users, tom, 'disable');
    await until(
      () => !row(users, tom).querySelector('[data-status]')!.textContent!.includes('Disabled'),
      'enabled',
    );
    expect((await read(tom)).disabled).toBe(false);

    click(users, claire, 'disable');
    await until(() => !!row(users, claire).querySelector('[role="alert"]'), 'the last-admin refusal');
    expect((await read(claire)).disabled).toBe(false);

    click(users, tom, 'reset-password');
    await settled(users);
    users.shadowRoot!.activeElement!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }),
    );
    await settled(users);
    expect(row(users, tom).querySelector('input[name="newPassword"]')).toBeNull();
    expect(users.shadowRoot!.activeElement?.getAttribute('data-action')).toBe('reset-password');
    click(users, tom, 'reset-password');
    await settled(users);
    const field = row(users, tom).querySelector<HTMLInputElement>('input[name="newPassword"]')!;
    expect(users.shadowRoot!.activeElement).toBe(field);
    field.value = 'another temporary passphrase';
    field.form!.requestSubmit();
    await until(() => !!row(users, tom).querySelector('[part="notice"]'), 'the reset notice');
    const signedIn = await engine.auth.login({
      email: 'tom@atelier.fr',
      password: 'another temporary passphrase',
    });
    expect(signedIn.principal.userId).toBe(tom);

    for (let i = 0; i < 5; i++) {
      await engine.auth.login({ email: 'tom@atelier.fr', password: 'wrong' }).catch(() => undefined);
    }
    await expect(
      engine.auth.login({ email: 'tom@atelier.fr', password: 'another temporary passphrase' }),
    ).rejects.toMatchObject({ code: 'LOCKED' });
    click(users, tom, 'unlock');
    const notice = () => row(users, tom).querySelector('[part="notice"]')?.textContent ?? '';
    await until(() => notice().includes('can try to sign in again'), 'the unlock notice');
    const session = await engine.auth.login({
      email: 'tom@atelier.fr',
      password: 'another temporary passphrase',
    });
    const tomShop = engine.as(session.principal);
    const { secret } = await tomShop.twoFactor.begin();
    await tomShop.twoFactor.confirm({ code: await totpCode(secret, clock.now()) });
    await until(
      () => !!row(users, tom).querySelector('[data-action="reset-two-factor"]'),
      'the two-factor badge',
    );
    expect(row(users, tom).querySelector('[data-status]')!.textContent).toContain('Two-factor on');
    click(users, tom, 'reset-two-factor');
    await until(
      () => !row(users, tom).querySelector('[data-action="reset-two-factor"]'),
      'the two-factor reset',
    );
    expect((await read(tom)).twoFactorEnabled).toBe(false);
  });

  it('shows a supervisor the list without admin actions, speaks French, and has no serious accessibility violations in light or dark', async () => {
    const users = await usersAs(engine.auth.trust({ userId: 'u-sup', role: 'supervisor' }));
    expect(row(users, tom).querySelector('select, button')).toBeNull();
    expect(row(users, tom).textContent).toContain('Technician');
    const roles = [
      ...users.shadowRoot!.querySelectorAll<HTMLOptionElement>('[part="create"] select option'),
    ].map((o) => o.value);
    expect(roles).toEqual(['technician', 'viewer']);
    await setRpmaLocale('fr');
    await settled(users);
    expect(shadowText(users)).toContain('Nouveau compte');
    expect(shadowText(users)).toContain('Technicien');
    expect(await seriousA11yViolations(users)).toEqual([]);
    users.theme = 'dark';
    await settled(users);
    expect(getComputedStyle(users).colorScheme).toBe('dark');
    expect(await seriousA11yViolations(users)).toEqual([]);
  });
});
