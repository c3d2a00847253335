import { type Engine, type FakeClock, totpCode } from '@rpma/engine';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RpmaSignIn } from '../elements/sign-in.js';
import { mount, seriousA11yViolations, settled, shadowText, testEngine, until } from './harness.js';

const email = 'claire@atelier-demo.fr';
const password = 'correct horse battery staple';

describe('<rpma-sign-in> with email, password and a second factor', () => {
  let engine: Engine;
  let clock: FakeClock;
  let secret: string;

  beforeAll(async () => {
    ({ engine, clock } = await testEngine({ secrets: { key: crypto.getRandomValues(new Uint8Array(32)) } }));
    await engine.auth.bootstrap({ email, displayName: 'Claire Dubois', password });
    const { principal } = await engine.auth.login({ email, password });
    const shop = engine.as(principal);
    secret = (await shop.twoFactor.begin()).secret;
    await shop.twoFactor.confirm({ code: await totpCode(secret, clock.now()) });
  });

  afterEach(() => {
    document.body.innerHTML = '';
  });

  async function signInForm() {
    const root = mount('<rpma-sign-in></rpma-sign-in>');
    const signIn = root.querySelector('rpma-sign-in') as RpmaSignIn;
    signIn.engine = engine;
    await settled(signIn);
    const $ = <T extends Element>(selector: string) => signIn.shadowRoot!.querySelector<T>(selector)!;
    const submit = (fields: Record<string, string>) => {
      for (const [name, value] of Object.entries(fields))
        $<HTMLInputElement>(`input[name="${name}"]`).value = value;
      $<HTMLFormElement>('form').requestSubmit();
    };
    return { signIn, $, submit };
  }

  it('refuses a wrong password in words, then asks for the authenticator code and signs in with it', async () => {
    const { signIn, $, submit } = await signInForm();
    const seen: string[] = [];
    signIn.addEventListener('rpma-signed-in', (e) => seen.push((e as CustomEvent).detail.principal.userId));

    submit({ email, password: 'not the password' });
    await until(() => !!signIn.shadowRoot!.querySelector('[role="alert"]'), 'the refusal');
    expect($('[role="alert"]').getAttribute('data-code')).toBe('UNAUTHENTICATED');
    expect($('[role="alert"]').textContent).toContain('invalid email or password');

    submit({ email, password });
    await until(() => !!signIn.shadowRoot!.querySelector('[part="second-factor"]'), 'the second step');
    expect(signIn.shadowRoot!.querySelector('[role="alert"]')).toBeNull();
    expect(seen).toEqual([]);

    clock.advance(30_000);
    submit({ email, password, code: await totpCode(secret, clock.now()) });
    await until(() => shadowText(signIn).includes('Signed in as Claire Dubois'), 'the signed-in state');
    expect(seen).toHaveLength(1);
    expect(signIn.principal?.role).toBe('admin');
  });

  it('refuses a code already used, and has no serious accessibility violations', async () => {
    const { signIn, $, submit } = await signInForm();
    submit({ email, password });
    await until(() => !!signIn.shadowRoot!.querySelector('[part="second-factor"]'), 'the second step');
    expect(await seriousA11yViolations(signIn)).toEqual([]);
    submit({ email, password, code: await totpCode(secret, clock.now()) });
    await until(() => !!signIn.shadowRoot!.querySelector('[role="alert"]'), 'the refusal');
    expect($('[role="alert"]').textContent).toContain('not valid or was already used');
    expect(signIn.principal).toBeUndefined();
  });
});
