import * as z from 'zod/mini';
import { defineCommand, defineQuery } from '../domain/command.js';
import { lazyBody } from '../domain/lazy-body.js';
import { idString } from '../domain/schemas.js';
import { lazyModule } from '../kernel/lazy-module.js';
import type { Doc } from '../storage/contract.js';
import type { Session } from './session-collections.js';

const bodies = lazyModule('account commands', () => import('../auth/account-bodies.js'));

/**
 * A session as listed: no token material (there is none on the document anyway).
 *
 * @example
 * ```ts
 * const current = (await shop.sessions.list()).find((s) => s.current);
 * ```
 */
export type SessionView = Doc<Session> & { current: boolean };

/**
 * The input schemas of the operations of this file (their bodies, in `session-command-bodies.ts`, are typed by them).
 *
 * @example
 * ```ts
 * const input: z.output<typeof sessionInputs.listSessions> = parseInput(sessionInputs.listSessions, raw, 'sessions.list');
 * ```
 */
export const sessionInputs = {
  listSessions: z.optional(z.strictObject({ userId: z.optional(idString) })),
  revokeSession: z.strictObject({ id: idString }),
};

/**
 * `sessions.list`: the open sessions of a user, newest first — your own by default; an admin may
 * name any user. Others' sessions are `FORBIDDEN`.
 *
 * @example
 * ```ts
 * const mine = await shop.sessions.list();
 * const hers = await adminShop.sessions.list({ userId: lea.id });
 * ```
 */
export const listSessions = defineQuery({
  name: 'sessions.list',
  input: sessionInputs.listSessions,
  run: lazyBody(bodies, 'listSessions'),
});

/**
 * `sessions.revoke`: ends a session at once (its refresh token and access tokens stop working,
 * and calls made with its principal are refused). Your own sessions, or anyone's for an admin.
 *
 * @example
 * ```ts
 * await shop.sessions.revoke({ id: lostTabletSession.id });
 * ```
 */
export const revokeSession = defineCommand({
  name: 'sessions.revoke',
  input: sessionInputs.revokeSession,
  run: lazyBody(bodies, 'revokeSession'),
});

/**
 * The session operations, as the `shop.sessions` section exposes them.
 *
 * @example
 * ```ts
 * registerOperations(bind, sessionOperations);
 * ```
 */
export const sessionOperations = { list: listSessions, revoke: revokeSession };
