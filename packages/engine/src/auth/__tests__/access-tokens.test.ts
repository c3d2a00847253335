import fc from 'fast-check';
import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { randomBytes } from '../../crypto/bytes.js';
import { FakeClock } from '../../kernel/clock.js';
import { uuidv7Generator } from '../../kernel/ids.js';
import { AccessTokens } from '../access-tokens.js';

const T0 = Date.parse('2026-11-26T08:00:00Z');

function setup() {
  const clock = new FakeClock(T0);
  const key = randomBytes(32);
  const tokens = new AccessTokens(
    { key, issuer: 'rpma-test', audience: 'shop' },
    clock,
    uuidv7Generator(clock),
  );
  return { clock, key, tokens };
}

const subject = { userId: 'u-1', role: 'technician' as const, sessionId: 's-1' };

/** A token with our claims, signed by `sign` (defaults: valid now, our issuer and audience). */
function claims(overrides: { iss?: string; aud?: string; iat?: number; nbf?: number; exp?: number } = {}) {
  const now = T0 / 1000;
  return new SignJWT({ role: 'admin', sid: 's-1' })
    .setIssuer(overrides.iss ?? 'rpma-test')
    .setAudience(overrides.aud ?? 'shop')
    .setSubject('u-1')
    .setJti('j-1')
    .setIssuedAt(overrides.iat ?? now)
    .setNotBefore(overrides.nbf ?? now)
    .setExpirationTime(overrides.exp ?? now + 300);
}

describe('AccessTokens', () => {
  it('issues a token that verifies to its claims, with jti, nbf and exp', async () => {
    const { tokens } = setup();
    const { token, expiresAt } = await tokens.issue(subject);
    expect(expiresAt).toBe(T0 + 300_000);
    const verified = await tokens.verify(token);
    expect(verified).toMatchObject({ ...subject, expiresAt });
    expect(verified.tokenId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('never outlives the session: exp is capped at notAfter', async () => {
    const { tokens } = setup();
    const { expiresAt } = await tokens.issue({ ...subject, notAfter: T0 + 60_000 });
    expect(expiresAt).toBe(T0 + 60_000);
  });

  it('refuses expired and not-yet-valid tokens by the injected clock', async () => {
    const { tokens, clock } = setup();
    const { token } = await tokens.issue(subject);
    clock.advance(300_000);
    await expect(tokens.verify(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    clock.set(T0 - 1_000);
    await expect(tokens.verify(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    clock.set(T0 + 299_000);
    await expect(tokens.verify(token)).resolves.toMatchObject({ userId: 'u-1' });
  });

  it('refuses every forged or foreign token (alg none, HS/RS confusion, wrong aud/iss, tampering)', async () => {
    const { tokens, key } = setup();
    const now = T0 / 1000;
    const rsa = await generateKeyPair('RS256', { extractable: true });
    const rsaPublicJwk = JSON.stringify(await exportJWK(rsa.publicKey));
    const good = await claims().setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(key);
    const [header, payload, signature] = good.split('.') as [string, string, string];
    const forged: Record<string, string> = {
      'alg none': new UnsecuredJWT({
        role: 'admin',
        sid: 's-1',
        sub: 'u-1',
        jti: 'j',
        iss: 'rpma-test',
        aud: 'shop',
        iat: now,
        nbf: now,
        exp: now + 300,
      }).encode(),
      'RS256 with an attacker key': await claims()
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
        .sign(rsa.privateKey),
      'HS256 keyed with an RSA public key': await claims()
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .sign(new TextEncoder().encode(rsaPublicJwk)),
      'HS512 (not on the allow-list) with our key': await claims()
        .setProtectedHeader({ alg: 'HS512', typ: 'JWT' })
        .sign(key),
      'another HS256 key': await claims()
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .sign(randomBytes(32)),
      expired: await claims({ exp: now - 1 })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .sign(key),
      'not yet valid': await claims({ nbf: now + 60 })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .sign(key),
      'wrong audience': await claims({ aud: 'other-app' })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .sign(key),
      'wrong issuer': await claims({ iss: 'evil' })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .sign(key),
      'no jti': await new SignJWT({ role: 'admin', sid: 's-1' })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setIssuer('rpma-test')
        .setAudience('shop')
        .setSubject('u-1')
        .setIssuedAt(now)
        .setNotBefore(now)
        .setExpirationTime(now + 300)
        .sign(key),
      'tampered signature': `${header}.${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BA' : 'AA'}`,
      'tampered payload (role raised)': `${header}.${btoa(atob(payload.replace(/-/g, '+').replace(/_/g, '/')).replace('"admin"', '"admin" ')).replace(/=+$/, '')}.${signature}`,
      'header swapped to none': `${btoa('{"alg":"none","typ":"JWT"}').replace(/=+$/, '')}.${payload}.`,
    };
    expect(await tokens.verify(good)).toMatchObject({ role: 'admin' });
    const accepted: string[] = [];
    for (const [name, token] of Object.entries(forged)) {
      const result = await tokens.verify(token).then(
        () => 'accepted',
        (error: { code?: string }) => error.code,
      );
      if (result !== 'UNAUTHENTICATED') accepted.push(`${name}: ${result}`);
    }
    expect(accepted).toEqual([]);
  });

  it('refuses every token with any single character changed', async () => {
    const { tokens } = setup();
    const { token } = await tokens.issue(subject);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';
    await fc.assert(
      fc.asyncProperty(fc.nat(token.length - 1), fc.constantFrom(...alphabet), async (at, char) => {
        fc.pre(token[at] !== char);
        const mutated = token.slice(0, at) + char + token.slice(at + 1);
        // A change in the last base64url character may only touch unused padding bits.
        const error = await tokens.verify(mutated).then(
          () => undefined,
          (e: { code?: string }) => e,
        );
        if (error === undefined) expect(at).toBe(token.length - 1);
        else expect(error.code).toBe('UNAUTHENTICATED');
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a key shorter than 256 bits', () => {
    const clock = new FakeClock(T0);
    expect(() => new AccessTokens({ key: randomBytes(16) }, clock, uuidv7Generator(clock))).toThrow(
      expect.objectContaining({ code: 'VALIDATION' }),
    );
  });
});
