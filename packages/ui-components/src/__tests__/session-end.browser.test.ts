import type { Engine, FakeClock } from '@rpma/engine';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RpmaEngineProvider } from '../context/engine-provider.js';
import type { RpmaSignIn } from '../elements/sign-in.js';
import { mount, seriousA11yViolations, settled, shadowText, testEngine, until } from './harness.js';

const admin = { email: 'claire@atelier-demo.fr', password: 'atelier-claire-2026' };
const lea = {
  email: 'lea@atelier-demo.fr',
  password: 'atelier-lea-2026',
  role: 'technician' as const,
  displayName: 'Léa Martin',
};

describe('<rpma-sign-in> in a provider when the session ends', () => {
  let engine: Engine;
  let clock: FakeClock;
  let leaId: string;

  beforeAll(async () => {
    ({ engine, clock } = await testEngine());
    await engine.auth.bootstrap({ ...admin, displayName: 'Claire Dubois' });
    const shop = engine.as((await engine.auth.login(admin)).principal);
    leaId = (await shop.users.create(lea)).id;
  });

  afterEach(() => {
    document.body.innerHTML = '';
  });

  /** Léa signs in by picking her demo account (which fills the form) and submitting it. */
  async function signedInAsLea(beside = '<rpma-stock-levels></rpma-stock-levels>') {
    const root = mount(`<rpma-engine-provider><rpma-sign-in></rpma-sign-in>${beside}</rpma-engine-provider>`);
    const provider = root.querySelector('rpma-engine-provider') as RpmaEngineProvider;
    const signIn = root.querySelector('rpma-sign-in') as RpmaSignIn;
    const ended: string[] = [];
    provider.addEventListener('rpma-session-ended', (e) => ended.push((e as CustomEvent).detail.reason));
    provider.engine = engine;
    signIn.demoAccounts = [lea];
    await settled(signIn);
    const $ = <T extends Element>(selector: string) => signIn.shadowRoot!.querySelector<T>(selector)!;
    $<HTMLButtonElement>(`[data-email="${lea.email}"]`).click();
    expect($<HTMLInputElement>('input[name="email"]').value).toBe(lea.email);
    expect($<HTMLInputElement>('input[name="password"]').value).toBe(lea.password);
    $<HTMLFormElement>('form').requestSubmit();
    await until(() => shadowText(signIn).includes('Signed in as Léa Martin'), 'the signed-in state');
    expect(provider.principal?.sessionId).toBeTruthy();
    return { provider, signIn, $, ended };
  }

  const openSessions = async () => {
    const shop = engine.as((await engine.auth.login(admin)).principal);
    return (await shop.sessions.list({ userId: leaId })).map((s) => s.id);
  };

  it('returns to the form and says so when an admin revokes the session', async () => {
    const { provider, signIn, $, ended } = await signedInAsLea();
    const shop = engine.as((await engine.auth.login(admin)).principal);
    await shop.sessions.revoke({ id: provider.principal!.sessionId! });
    await until(() => !!signIn.shadowRoot!.querySelector('[part="session-ended"]'), 'the ended notice');
    expect($('[part="session-ended"]').textContent).toContain('Your session was ended');
    expect($('[part="session-ended"]').getAttribute('data-reason')).toBe('revoked');
    expect(provider.principal).toBeUndefined();
    expect(ended).toEqual(['revoked']);
    expect(await seriousA11yViolations(signIn)).toEqual([]);
  });

  it('says the session idled out once the idle timeout passed, and forgets it at the next sign-in', async () => {
    const { provider, signIn, $, ended } = await signedInAsLea();
    expect(await provider.checkSession()).toBe(true);
    expect(ended).toEqual([]);
    clock.advance(31 * 60_000);
    expect(await provider.checkSession()).toBe(false);
    await until(() => !!signIn.shadowRoot!.querySelector('[part="session-ended"]'), 'the ended notice');
    expect($('[part="session-ended"]').textContent).toContain('signed out after a period of inactivity');
    expect(ended).toEqual(['idle_timeout']);

    $<HTMLButtonElement>(`[data-email="${lea.email}"]`).click();
    $<HTMLFormElement>('form').requestSubmit();
    await until(() => shadowText(signIn).includes('Signed in as Léa Martin'), 'the second sign-in');
    expect(provider.sessionEnd).toBeUndefined();
  });

  it('checks its session when another tab changed the sessions, and signs out if it is over', async () => {
    // Nothing beside the sign-in: no element re-reads (and so meets the timeout) on its own.
    const { provider, signIn, $, ended } = await signedInAsLea('');
    clock.advance(31 * 60_000);
    engine.events.emit('storage.external_change', { collections: ['tasks'] });
    await settled(signIn);
    expect(provider.principal).toBeDefined();
    engine.events.emit('storage.external_change', { collections: ['sessions'] });
    await until(() => !!signIn.shadowRoot!.querySelector('[part="session-ended"]'), 'the ended notice');
    expect($('[part="session-ended"]').getAttribute('data-reason')).toBe('idle_timeout');
    expect(ended).toEqual(['idle_timeout']);
  });

  it('ends the engine session on sign-out, without an ended notice', async () => {
    const { provider, signIn, $, ended } = await signedInAsLea();
    const session = provider.principal!.sessionId!;
    expect(await openSessions()).toContain(session);
    $<HTMLButtonElement>('button').click();
    await until(() => !!signIn.shadowRoot!.querySelector('form'), 'the form');
    await until(() => !signIn.shadowRoot!.querySelector('button[type="submit"][disabled]'), 'the logout');
    await settled(signIn);
    expect(provider.principal).toBeUndefined();
    expect(await openSessions()).not.toContain(session);
    expect(signIn.shadowRoot!.querySelector('[part="session-ended"]')).toBeNull();
    expect(ended).toEqual([]);
  });
});
