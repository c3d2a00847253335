import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createEngine } from '@rpma/engine';
import { sqljsStorage } from '@rpma/storage-sqljs';
import { fileJournal } from '@rpma/storage-sqljs/node';
import { ppfWorkflow } from '@rpma/workflows-ppf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const exec = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs `npm start`'s command line as a real child process on `dir`; resolves with its exit code and output. */
async function quickstart(dir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', 'src/quickstart.ts', dir],
      { cwd: root },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('the node quickstart, as a child process on a store directory', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rpma-quickstart-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('a second run sees the first run’s job and film: two completed tasks, the roll down twice, both vehicles traced', async () => {
    const first = await quickstart(dir);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout.trim().split('\n')).toEqual([
      'job T-2026-000001 on QS-001-PF: completed',
      'completed tasks: 1',
      'PPF-GLOSS-8 on hand: 27.3 m2',
      'roll R-118 went on: QS-001-PF',
    ]);

    const second = await quickstart(dir);
    expect(second.code).toBe(0);
    expect(second.stdout.trim().split('\n')).toEqual([
      'job T-2026-000002 on QS-002-PF: completed',
      'completed tasks: 2',
      'PPF-GLOSS-8 on hand: 24.6 m2',
      'roll R-118 went on: QS-001-PF, QS-002-PF',
    ]);
  }, 120_000);

  it('a second process opening a store that another process holds exits 1 with LOCKED in words, and books nothing', async () => {
    const holder = await createEngine({
      storage: sqljsStorage({ persistence: fileJournal(dir) }),
      workflows: [ppfWorkflow()],
    });
    try {
      const blocked = await quickstart(dir);
      expect(blocked.code).toBe(1);
      expect(blocked.stdout).toBe('');
      expect(blocked.stderr).toMatch(
        new RegExp(`^LOCKED: the store is locked by process ${process.pid} on .+ since .+\\n$`),
      );
      const boss = holder.as(holder.auth.trust({ userId: 'sup-1', role: 'supervisor' }));
      expect((await boss.tasks.countByStatus()).completed).toBe(0);
    } finally {
      await holder.close();
    }
  }, 120_000);
});
