import { type Engine, type FakeClock, type Principal, totpCode } from '@rpma/engine';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RpmaAccount } from '../elements/account.js';
import { setRpmaLocale } from '../i18n/localization.js';
import { mount, seriousA11yViolations, settled, shadowText, testEngine, until } from './harness.js';

const email = 'claire@atelier.fr';
const password = 'correct horse battery staple';

describe('<rpma-account>', () => {
  let engine: Engine;
  let clock: FakeClock;
  let principal: Principal;
  let account: RpmaAccount;

  beforeEach(async () => {
    ({ engine, clock } = await testEngine({ secrets: { key: crypto.getRandomValues(new Uint8Array(32)) } }));
    await engine.auth.bootstrap({ email, displayName: 'Claire Dubois', password });
    ({ principal } = await engine.auth.login({ email, password, device: 'Atelier desktop' }));
    account = mount('<rpma-account></rpma-account>').querySelector('rpma-account') as RpmaAccount;
    account.engine = engine;
    account.principal = principal;
    await until(() => !!$('[data-two-factor]') && !!$('input[name="displayName"]'), 'the account');
  });

  afterEach(async () => {
    document.body.innerHTML = '';
    await setRpmaLocale('en');
  });

  function $<T extends Element = HTMLElement>(selector: string): T | null {
    return account.shadowRoot!.querySelector<T>(selector);
  }
  const fill = (selector: string, value: string) => {
    $<HTMLInputElement>(selector)!.value = value;
  };
  const submitForm = (selector: string) => $<HTMLInputElement>(selector)!.form!.requestSubmit();
  const text = () => shadowText(account);

  it('saves the profile, read back through the engine, and refuses a bad locale next to its field', async () => {
    expect($<HTMLInputElement>('input[name="displayName"]')!.value).toBe('Claire Dubois');
    fill('input[name="locale"]', 'french');
    submitForm('input[name="displayName"]');
    await until(() => !!$('#locale-issue'), 'the locale refusal');
    expect($('#locale-issue')!.textContent).toContain('expected a locale like fr');
    expect($('input[name="locale"]')!.getAttribute('aria-invalid')).toBe('true');

    fill('input[name="displayName"]', 'Claire D.');
    fill('input[name="locale"]', 'fr-FR');
    fill('input[name="phone"]', '+33 6 12 34 56 78');
    submitForm('input[name="displayName"]');
    await until(() => text().includes('Profile saved.'), 'the saved notice');
    expect(await engine.as(principal).users.me()).toMatchObject({
      displayName: 'Claire D.',
      locale: 'fr-FR',
      phone: '+33 6 12 34 56 78',
    });
  });

  it('changes the password after refusing a wrong current one', async () => {
    fill('input[name="currentPassword"]', 'not my password');
    fill('input[name="newPassword"]', 'an even longer passphrase');
    submitForm('input[name="currentPassword"]');
    await until(() => !!$('#currentPassword-issue'), 'the refusal');
    expect(text()).toContain('the current password is not correct');

    fill('input[name="currentPassword"]', password);
    fill('input[name="newPassword"]', 'an even longer passphrase');
    submitForm('input[name="currentPassword"]');
    await until(() => text().includes('Password changed.'), 'the change');
    await expect(engine.auth.login({ email, password })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await engine.auth.login({ email, password: 'an even longer passphrase' })).principal.userId).toBe(
      principal.userId,
    );
  });

  it('enrols in two-factor with the QR code and a real TOTP code, shows backup codes once, refuses a wrong code, then turns it off', async () => {
    $<HTMLButtonElement>('[data-action="begin"]')!.click();
    await until(() => !!$('[part="secret"]'), 'the enrolment');
    expect($<HTMLImageElement>('[part="qr"]')!.src).toMatch(/^data:image\/svg\+xml/);
    const secret = $('[part="secret"]')!.textContent!.trim();

    const good = await totpCode(secret, clock.now());
    const wrong = good === '000000' ? '111111' : '000000';
    fill('input[name="code"]', wrong);
    submitForm('input[name="code"]');
    await until(() => !!$('[role="alert"]'), 'the wrong-code refusal');
    expect($('[role="alert"]')!.textContent).toContain('not valid');
    expect((await engine.as(principal).twoFactor.status()).enabled).toBe(false);

    fill('input[name="code"]', good);
    submitForm('input[name="code"]');
    await until(() => !!$('[part="backup-codes"]'), 'the backup codes');
    expect($('[part="backup-codes"]')!.querySelectorAll('li')).toHaveLength(10);
    expect((await engine.as(principal).twoFactor.status()).enabled).toBe(true);
    await until(() => $('[data-two-factor]')?.getAttribute('data-two-factor') === 'on', 'the status');
    $<HTMLButtonElement>('[data-action="codes-kept"]')!.click();
    await settled(account);
    expect($('[part="backup-codes"]')).toBeNull();

    clock.advance(30_000);
    fill('input[name="code"]', await totpCode(secret, clock.now()));
    $<HTMLButtonElement>('[data-action="regenerate"]')!.form!.requestSubmit();
    await until(() => !!$('[part="backup-codes"]'), 'the regenerated codes');
    expect(text()).toContain('Backup codes left: 10');

    fill('input[name="password"]', password);
    $<HTMLButtonElement>('[data-action="disable"]')!.form!.requestSubmit();
    await until(() => $('[data-two-factor]')?.getAttribute('data-two-factor') === 'off', 'two-factor off');
    expect((await engine.as(principal).twoFactor.status()).enabled).toBe(false);
  });

  it('lists the open sessions and revokes another one', async () => {
    const other = await engine.auth.login({ email, password, device: 'Workshop tablet' });
    await until(() => account.shadowRoot!.querySelectorAll('tr[data-session]').length === 2, 'both sessions');
    const current = $(`tr[data-session="${principal.sessionId}"]`)!;
    expect(current.textContent).toContain('This session');
    const tablet = $(`tr[data-session="${other.principal.sessionId}"]`)!;
    expect(tablet.textContent).toContain('Workshop tablet');
    tablet.querySelector<HTMLButtonElement>('[data-action="revoke"]')!.click();
    await until(
      () => account.shadowRoot!.querySelectorAll('tr[data-session]').length === 1,
      'the revocation',
    );
    await expect(engine.as(other.principal).users.me()).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('speaks French and has no serious accessibility violations, also during enrolment and in dark', async () => {
    await setRpmaLocale('fr');
    await settled(account);
    expect(text()).toContain('Mot de passe actuel');
    expect(await seriousA11yViolations(account)).toEqual([]);
    $<HTMLButtonElement>('[data-action="begin"]')!.click();
    await until(() => !!$('[part="secret"]'), 'the enrolment');
    expect(await seriousA11yViolations(account)).toEqual([]);
    account.theme = 'dark';
    await settled(account);
    expect(getComputedStyle(account).colorScheme).toBe('dark');
    expect(await seriousA11yViolations(account)).toEqual([]);
  });
});
