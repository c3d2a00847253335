import { sqljsStorage } from '@rpma/storage-sqljs';
import { ContainerModule } from 'inversify';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine/create-engine.js';
import { FakeClock } from '../kernel/clock.js';
import { EngineError, isEngineError, toEngineError } from '../kernel/engine-error.js';
import { EventBus } from '../kernel/events.js';
import { uuidv7Generator } from '../kernel/ids.js';
import type { Logger } from '../kernel/logger.js';
import { TOKENS } from '../kernel/tokens.js';
import type { StorageAdapter, StoreSchema } from '../storage/contract.js';

function recordingLogger(): Logger & { errors: string[] } {
  const errors: string[] = [];
  return { errors, debug() {}, info() {}, warn() {}, error: (m) => errors.push(m) };
}

function unopenableStorage(reason: string): StorageAdapter {
  const refuse = async (): Promise<never> => {
    throw new EngineError('STORAGE', 'never opened');
  };
  return {
    name: 'null',
    open: async () => {
      throw new Error(reason);
    },
    read: refuse,
    write: refuse,
    close: async () => {},
  };
}

describe('EngineError', () => {
  it('carries code, details and cause, and serialises without the stack', () => {
    const cause = new Error('disk full');
    const err = new EngineError('STORAGE', 'append failed', { details: { file: 'j' }, cause });
    expect(err).toBeInstanceOf(Error);
    expect(isEngineError(err, 'STORAGE')).toBe(true);
    expect(isEngineError(err, 'CONFLICT')).toBe(false);
    expect(err.cause).toBe(cause);
    expect(JSON.parse(JSON.stringify(err))).toEqual({
      name: 'EngineError',
      code: 'STORAGE',
      message: 'append failed',
      details: { file: 'j' },
    });
  });

  it('wraps foreign errors and passes engine errors through', () => {
    const own = new EngineError('CONFLICT', 'stale');
    expect(toEngineError(own, 'STORAGE', 'x')).toBe(own);
    const wrapped = toEngineError(new TypeError('boom'), 'STORAGE', 'could not write');
    expect(wrapped.code).toBe('STORAGE');
    expect(wrapped.message).toBe('could not write: boom');
  });
});

describe('clock and ids', () => {
  it('fake clock moves only when told', () => {
    const clock = new FakeClock('2026-03-01T08:00:00Z');
    expect(new Date(clock.now()).toISOString()).toBe('2026-03-01T08:00:00.000Z');
    clock.advance(90_000);
    expect(new Date(clock.now()).toISOString()).toBe('2026-03-01T08:01:30.000Z');
  });

  it('uuidv7 ids sort by the clock time and never repeat', () => {
    const clock = new FakeClock('2026-03-01T08:00:00Z');
    const ids = uuidv7Generator(clock);
    const seen = new Set<string>();
    const sequence: string[] = [];
    for (let i = 0; i < 2000; i++) {
      if (i % 100 === 0) clock.advance(1);
      const id = ids.next();
      seen.add(id);
      sequence.push(id);
    }
    expect(seen.size).toBe(2000);
    expect([...sequence].sort()).toEqual(sequence);
    expect(sequence[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('EventBus', () => {
  it('keeps publishing when a handler throws, and logs the failure', () => {
    const logger = recordingLogger();
    const bus = new EventBus(logger);
    const seen: string[] = [];
    bus.on('engine.closed', () => {
      throw new Error('bad handler');
    });
    bus.on('engine.closed', (e) => seen.push(e.at));
    bus.emit('engine.closed', { at: 'now' });
    expect(seen).toEqual(['now']);
    expect(logger.errors).toEqual(['event handler for engine.closed failed']);
  });

  it('once fires a single time and unsubscribe stops delivery', () => {
    const bus = new EventBus(recordingLogger());
    let onceCount = 0;
    let anyCount = 0;
    bus.once('engine.closed', () => onceCount++);
    const off = bus.onAny(() => anyCount++);
    bus.emit('engine.closed', { at: 'a' });
    off();
    bus.emit('engine.closed', { at: 'b' });
    expect(onceCount).toBe(1);
    expect(anyCount).toBe(1);
  });
});

describe('createEngine', () => {
  it('refuses to start without a storage adapter', async () => {
    await expect(createEngine({} as never)).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('opens storage with the collections that modules declare, and lets hosts override bindings', async () => {
    const storage = sqljsStorage();
    const opened: StoreSchema[] = [];
    const open = storage.open.bind(storage);
    storage.open = (schema) => {
      opened.push(schema);
      return open(schema);
    };
    const logger = recordingLogger();
    const host = new ContainerModule(({ bind, rebind }) => {
      bind(TOKENS.Collections).toConstantValue({ name: 'notes', fields: { title: 'string' } });
      rebind<Logger>(TOKENS.Logger).toConstantValue(logger);
    });
    const engine = await createEngine({ storage, modules: [host] });
    expect(opened).toHaveLength(1);
    const names = opened[0]?.collections.map((c) => c.name) ?? [];
    expect(names).toContain('notes');
    expect(names).toEqual(expect.arrayContaining(['clients', 'tasks', 'interventions', 'auditEvents']));
    expect(new Set(names).size).toBe(names.length);
    expect(engine.get<Logger>(TOKENS.Logger)).toBe(logger);
    await engine.close();
    await engine.close();
    await expect(storage.read(async () => 1)).rejects.toMatchObject({ code: 'STORAGE' });
  });

  it('reports a storage that fails to open as STORAGE', async () => {
    await expect(
      createEngine({ storage: unopenableStorage('file is not a database') }),
    ).rejects.toMatchObject({
      code: 'STORAGE',
      message: 'could not open the null store: file is not a database',
    });
  });
});
