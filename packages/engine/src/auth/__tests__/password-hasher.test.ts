import { describe, expect, it } from 'vitest';
import { Argon2idHasher, OWASP_ARGON2ID, parseArgon2Params } from '../password-hasher.js';
import { FAST_ARGON2ID } from './fast-hasher.js';

describe('Argon2idHasher', () => {
  it('hashes at the production parameters in the standard encoded form', async () => {
    const hasher = new Argon2idHasher();
    const encoded = await hasher.hash('correct horse battery staple');
    expect(encoded).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(parseArgon2Params(encoded)).toEqual(OWASP_ARGON2ID);
    expect(await hasher.verify(encoded, 'correct horse battery staple')).toBe(true);
    expect(await hasher.verify(encoded, 'correct horse battery stapler')).toBe(false);
    expect(hasher.needsRehash(encoded)).toBe(false);
  });

  it('production parameters are at least the OWASP minimum', () => {
    expect(OWASP_ARGON2ID.memoryKiB).toBeGreaterThanOrEqual(19 * 1024);
    expect(OWASP_ARGON2ID.iterations).toBeGreaterThanOrEqual(2);
    expect(OWASP_ARGON2ID.parallelism).toBe(1);
  });

  it('salts every hash', async () => {
    const hasher = new Argon2idHasher(FAST_ARGON2ID);
    expect(await hasher.hash('same password')).not.toBe(await hasher.hash('same password'));
  });

  it('asks for a rehash when the stored parameters are weaker than the current ones', async () => {
    const old = await new Argon2idHasher(FAST_ARGON2ID).hash('pw-abcdefgh');
    const current = new Argon2idHasher({ ...FAST_ARGON2ID, memoryKiB: 128 });
    expect(current.needsRehash(old)).toBe(true);
    expect(await current.verify(old, 'pw-abcdefgh')).toBe(true);
    expect(current.needsRehash(await current.hash('pw-abcdefgh'))).toBe(false);
    expect(current.needsRehash('$2b$10$notargon')).toBe(true);
  });

  it('verifies NFKC-equivalent spellings and refuses malformed hashes without throwing', async () => {
    const hasher = new Argon2idHasher(FAST_ARGON2ID);
    const encoded = await hasher.hash('ﬁlm-protection'); // ligature ﬁ
    expect(await hasher.verify(encoded, 'film-protection')).toBe(true);
    for (const bad of ['', 'plain', '$argon2id$v=19$m=64,t=1,p=1$$', encoded.slice(0, -4)]) {
      expect(await hasher.verify(bad, 'film-protection')).toBe(false);
    }
  });
});
