/**
 * Authentication.
 *
 * - `auth.login`: p50 of a full `engine.auth.login` at the production argon2id parameters
 *   (m=19 MiB, t=2, p=1): read the user, credentials, lockout and settings, one argon2id verify,
 *   then the `auth.login` command (session + refresh token + audit and outbox rows in one write
 *   transaction) and the signed access token; in-memory sql.js store. Target 50–500 ms: fast
 *   enough for people, slow for password guessing. The bound checked is the upper one (500 ms);
 *   the lower one is printed and enforced below.
 * - `auth.login.unknown-vs-wrong-password`: p50 of a refused login for an unknown email (a
 *   different one each time) over the p50 of a refused login with a wrong password for the
 *   existing account (the lockout threshold raised to 100 for the run, so neither locks). Both
 *   run one argon2id verify and one write transaction: a ratio near 1 means the timing does not
 *   say whether an account exists. Reported only.
 * - `auth.login.vs-argon2id`: the login p50 over the p50 of one bare argon2id verify at the same
 *   parameters, measured in the same run — what the engine adds around the hash. On a loaded
 *   machine both grow together; this ratio shows whether the login or the machine got slower.
 */
import { sqljsStorage } from '@rpma/storage-sqljs';
import { absolute, type BenchRow, compared, measure, report } from '../../../bench/lib.js';
import { Argon2idHasher, createEngine, systemClock } from '../src/index.js';

const RUNS = 21;

const engine = await createEngine({ storage: sqljsStorage(), clock: systemClock, timerIntervalMs: 0 });
const credentials = { email: 'owner@example.com', password: 'owner passphrase 2026' };
await engine.auth.bootstrap({ ...credentials, displayName: 'Owner' });

const hasher = new Argon2idHasher();
const stored = await hasher.hash(credentials.password);
const bare = await measure(() => hasher.verify(stored, credentials.password), { runs: RUNS, warmup: 3 });
const known = await measure(() => engine.auth.login(credentials), { runs: RUNS, warmup: 3 });
await engine
  .as(engine.auth.trust({ userId: 'bench', role: 'admin' }))
  .settings.update({ lockout: { maxAttempts: 100, windowMinutes: 60, lockMinutes: 1 } });
const wrongPassword = await measure(
  () => engine.auth.login({ email: credentials.email, password: 'not the password' }).catch(() => undefined),
  { runs: RUNS, warmup: 3 },
);
let n = 0;
const unknown = await measure(
  () =>
    engine.auth
      .login({ email: `nobody-${n++}@example.com`, password: credentials.password })
      .catch(() => undefined),
  { runs: RUNS, warmup: 3 },
);
await engine.close();

if (known < 50) {
  console.error(
    `auth.login p50 ${known.toFixed(1)} ms is below 50 ms: argon2id is too cheap on this machine`,
  );
  process.exitCode = 1;
}
const rows: BenchRow[] = [
  absolute('auth.login', known, 500),
  compared(
    'auth.login.unknown-vs-wrong-password',
    unknown,
    wrongPassword,
    'wrong password, known email',
    null,
    'ratio',
  ),
  compared('auth.login.vs-argon2id', known, bare, 'one argon2id verify', null, 'ratio'),
];
report(rows);
