import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { EngineError } from '@rpma/engine';
import { codeOf, type JournalFileSystem } from './file-system.js';

/** Who holds a store: what the lock file says. */
export interface LockHolder {
  pid: number;
  host: string;
  /** ISO-8601 time the lock was taken. */
  since: string;
  token: string;
}

/**
 * Takes the exclusive lock of a file store: creates `path` exclusively with this process's
 * pid, host and time. When the file exists and names a live process (this one included, so a
 * second open in one process is refused too) or another host, gives `EngineError('LOCKED')`
 * naming the holder. A lock left by a dead process on this host is taken over. The lock file
 * is not fsync'd: after a power loss no process holds it, so losing it loses nothing.
 *
 * @example
 * ```ts
 * const held = await acquireLock(nodeFileSystem, '/data/shop.rpma/lock');
 * // … later
 * await releaseLock(nodeFileSystem, '/data/shop.rpma/lock', held);
 * ```
 */
export async function acquireLock(fs: JournalFileSystem, path: string): Promise<LockHolder> {
  const mine: LockHolder = {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    token: randomUUID(),
  };
  for (let attempt = 0; attempt < 5; attempt++) {
    if (await tryCreate(fs, path, mine)) return mine;
    const holder = await readHolder(fs, path);
    if (holder === 'gone') continue;
    if (holder !== 'unreadable' && isAlive(holder)) {
      throw new EngineError(
        'LOCKED',
        `the store is locked by process ${holder.pid} on ${holder.host} since ${holder.since} (${path})`,
        { details: { path, pid: holder.pid, host: holder.host, since: holder.since } },
      );
    }
    await fs.unlink(path);
  }
  throw new EngineError('LOCKED', `could not take the lock ${path}: other openers keep racing for it`, {
    details: { path },
  });
}

/**
 * Removes the lock file if it is still the one `held` describes.
 *
 * @example
 * ```ts
 * await releaseLock(nodeFileSystem, lockPath, held);
 * ```
 */
export async function releaseLock(fs: JournalFileSystem, path: string, held: LockHolder): Promise<void> {
  const holder = await readHolder(fs, path);
  if (typeof holder === 'object' && holder.token === held.token) await fs.unlink(path);
}

async function tryCreate(fs: JournalFileSystem, path: string, mine: LockHolder): Promise<boolean> {
  let file: Awaited<ReturnType<JournalFileSystem['openFile']>>;
  try {
    file = await fs.openFile(path, 'exclusive');
  } catch (err) {
    if (codeOf(err) === 'EEXIST') return false;
    throw new EngineError('STORAGE', `could not create the lock ${path}: ${String(err)}`, { cause: err });
  }
  try {
    await file.write(Buffer.from(JSON.stringify(mine)), 0);
  } finally {
    await file.close();
  }
  return true;
}

/**
 * The holder named by the lock file. A file still empty or half-written is re-read a few times
 * (its creator may be writing it right now) before it counts as left by a crash.
 */
async function readHolder(fs: JournalFileSystem, path: string): Promise<LockHolder | 'gone' | 'unreadable'> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const bytes = await fs.readFile(path);
    if (bytes === null) return 'gone';
    try {
      const parsed: unknown = JSON.parse(Buffer.from(bytes).toString('utf8'));
      if (isHolder(parsed)) return parsed;
    } catch {
      // not JSON yet: read again below
    }
    await sleep(25);
  }
  return 'unreadable';
}

function isHolder(value: unknown): value is LockHolder {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.pid === 'number' &&
    typeof v.host === 'string' &&
    typeof v.since === 'string' &&
    typeof v.token === 'string'
  );
}

function isAlive(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (err) {
    return codeOf(err) === 'EPERM';
  }
}
