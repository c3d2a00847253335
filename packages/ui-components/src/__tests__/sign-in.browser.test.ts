import type { Engine, Principal } from '@rpma/engine';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RpmaEngineProvider } from '../context/engine-provider.js';
import { defineRpmaElements } from '../define.js';
import type { RpmaSignIn } from '../elements/sign-in.js';
import { setRpmaLocale } from '../i18n/localization.js';
import { mount, seriousA11yViolations, settled, shadowText, testEngine } from './harness.js';

const lea = { userId: 'u-lea', role: 'technician', displayName: 'Léa Martin' } as const;

describe('<rpma-engine-provider> and <rpma-sign-in>', () => {
  let engine: Engine;
  beforeAll(async () => {
    ({ engine } = await testEngine());
  });
  afterEach(async () => {
    document.body.innerHTML = '';
    await setRpmaLocale('en');
  });

  async function signInUnderProvider() {
    const root = mount('<rpma-engine-provider><rpma-sign-in></rpma-sign-in></rpma-engine-provider>');
    const provider = root.querySelector('rpma-engine-provider') as RpmaEngineProvider;
    const signIn = root.querySelector('rpma-sign-in') as RpmaSignIn;
    provider.engine = engine;
    signIn.accounts = [lea, { userId: 'u-boss', role: 'owner' as never, displayName: 'Boss' }];
    await settled(signIn);
    return { root, provider, signIn };
  }

  it('signs in through the provided engine and hands the principal to the whole subtree', async () => {
    const { provider, signIn } = await signInUnderProvider();
    const seen: Principal[] = [];
    document.addEventListener('rpma-signed-in', (e) => seen.push((e as CustomEvent).detail.principal), {
      once: true,
    });
    const button = signIn.shadowRoot!.querySelector<HTMLButtonElement>('[part="account"]')!;
    expect(button.textContent).toContain('Léa Martin');
    expect(button.textContent).toContain('Technician');
    button.click();
    await settled(signIn);
    expect(seen).toEqual([{ userId: 'u-lea', role: 'technician', displayName: 'Léa Martin' }]);
    expect(provider.principal?.userId).toBe('u-lea');
    expect(signIn.activePrincipal?.userId).toBe('u-lea');
    expect(shadowText(signIn)).toContain('Signed in as Léa Martin');

    signIn.shadowRoot!.querySelector('button')!.click();
    await settled(signIn);
    expect(provider.principal).toBeUndefined();
    expect(shadowText(signIn)).toContain('Sign in');
  });

  it("shows the engine's refusal in words next to the accounts, and signs nobody in", async () => {
    const { provider, signIn } = await signInUnderProvider();
    let events = 0;
    document.addEventListener('rpma-signed-in', () => events++);
    signIn.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="account"]')[1]!.click();
    await settled(signIn);
    const alert = signIn.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.getAttribute('data-code')).toBe('VALIDATION');
    expect(alert.textContent).toContain('Please check the highlighted fields');
    expect(alert.textContent).toContain('auth.trust');
    expect(events).toBe(0);
    expect(provider.principal).toBeUndefined();
  });

  it('works alone with the engine set as a property, and says so when it has none', async () => {
    const root = mount('<rpma-sign-in></rpma-sign-in>');
    const signIn = root.querySelector('rpma-sign-in') as RpmaSignIn;
    signIn.accounts = [lea];
    await settled(signIn);
    signIn.shadowRoot!.querySelector<HTMLButtonElement>('[part="account"]')!.click();
    await settled(signIn);
    expect(signIn.shadowRoot!.querySelector('[role="alert"]')?.getAttribute('data-code')).toBe(
      'PRECONDITION',
    );

    signIn.engine = engine;
    await settled(signIn);
    signIn.shadowRoot!.querySelector<HTMLButtonElement>('[part="account"]')!.click();
    await settled(signIn);
    expect(signIn.principal?.userId).toBe('u-lea');
    expect(shadowText(signIn)).toContain('Signed in as Léa Martin');
  });

  it('speaks French', async () => {
    const { signIn } = await signInUnderProvider();
    await setRpmaLocale('fr');
    await settled(signIn);
    expect(shadowText(signIn)).toContain('Se connecter');
    expect(shadowText(signIn)).toContain('Technicien');
  });

  it('has no serious or critical accessibility violations, in light and dark', async () => {
    const { root, provider, signIn } = await signInUnderProvider();
    expect(await seriousA11yViolations(root)).toEqual([]);
    provider.theme = 'dark';
    signIn.theme = 'dark';
    await settled(signIn);
    expect(getComputedStyle(signIn).colorScheme).toBe('dark');
    expect(await seriousA11yViolations(root)).toEqual([]);
  });

  it('registers under another prefix, skipping names already defined', () => {
    expect(defineRpmaElements()).toEqual([]);
    const defined = defineRpmaElements({ prefix: 'acme-v2' });
    expect(defined).toContain('acme-v2-sign-in');
    expect(customElements.get('acme-v2-sign-in')).not.toBe(customElements.get('rpma-sign-in'));
    expect(defineRpmaElements({ prefix: 'acme-v2' })).toEqual([]);
    expect(() => defineRpmaElements({ prefix: 'Bad Prefix' })).toThrow(/invalid custom element prefix/);
  });
});
