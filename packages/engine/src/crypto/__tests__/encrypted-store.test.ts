import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sqljsStorage } from '@rpma/storage-sqljs';
import { fileJournal } from '@rpma/storage-sqljs/node';
import { ContainerModule } from 'inversify';
import { afterEach, describe, expect, it } from 'vitest';
import { CountingHasher } from '../../auth/__tests__/fast-hasher.js';
import { ADMIN } from '../../auth/__tests__/harness.js';
import { createEngine } from '../../engine/create-engine.js';
import { FakeClock } from '../../kernel/clock.js';
import { TOKENS } from '../../kernel/tokens.js';
import { aesGcmCodec } from '../aes-gcm-codec.js';
import { randomBytes } from '../bytes.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function open(dir: string, key?: Uint8Array) {
  const cheap = new ContainerModule(({ rebind }) => {
    rebind(TOKENS.PasswordHasher).toConstantValue(new CountingHasher());
  });
  return createEngine({
    storage: sqljsStorage({
      persistence: fileJournal(dir, { compactAfterEntries: 3, ...(key ? { codec: aesGcmCodec(key) } : {}) }),
    }),
    clock: new FakeClock('2026-11-26T08:00:00Z'),
    modules: [cheap],
    timerIntervalMs: 0,
  });
}

describe('a store encrypted with aesGcmCodec (file journal + snapshot)', () => {
  it('keeps no plaintext on disk, reopens with its key, and refuses a wrong or missing key clearly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rpma-enc-'));
    dirs.push(dir);
    const key = randomBytes(32);
    const engine = await open(dir, key);
    await engine.auth.bootstrap(ADMIN);
    const admin = await engine.auth.login({ email: ADMIN.email, password: ADMIN.password });
    for (const name of ['tom', 'eve', 'val', 'sam']) {
      await engine.as(admin.principal).users.create({
        email: `${name}@example.com`,
        displayName: `${name} the technician`,
        role: 'technician',
        password: 'a fine long password',
      });
    }
    await engine.close();

    const files = readdirSync(dir).filter((f) => f !== 'lock');
    expect(files).toContain('snapshot'); // compaction ran: the snapshot is encrypted too
    for (const file of files) {
      const bytes = readFileSync(join(dir, file)).toString('latin1');
      expect(bytes, file).not.toContain('example.com');
      expect(bytes, file).not.toContain('SQLite format 3');
    }

    const wrong = await open(dir, randomBytes(32)).catch((e: unknown) => e);
    expect(wrong).toMatchObject({ code: 'STORAGE', message: expect.stringMatching(/wrong encryption key/) });
    // The codec's own verdict, kept as the cause: the GCM tag did not authenticate.
    expect((wrong as { cause?: { code?: string } }).cause).toMatchObject({ code: 'UNAUTHENTICATED' });
    const missing = await open(dir).catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: 'STORAGE' });

    const again = await open(dir, key);
    const back = await again.auth.login({ email: 'sam@example.com', password: 'a fine long password' });
    expect(back.principal.role).toBe('technician');
    await again.close();
  });
});
