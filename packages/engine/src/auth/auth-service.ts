import { injectable } from 'inversify';
import * as z from 'zod/mini';
import { type Principal, ROLES } from '../domain/principal.js';
import { parseInput } from '../kernel/validate.js';

const trustInput = z.object({
  userId: z.string().check(z.minLength(1), z.maxLength(200)),
  role: z.enum(ROLES as unknown as ['admin', 'supervisor', 'technician', 'viewer']),
  displayName: z.optional(z.string().check(z.maxLength(200))),
});

/**
 * `engine.auth`: where principals come from. Today it holds `trust`, for hosts with their own
 * sign-in; the auth module grows this class (login, sessions, 2FA…) — keep it the one
 * `engine.auth` object, bound under `AuthService` in the container.
 *
 * @example
 * ```ts
 * const principal = engine.auth.trust({ userId: 'host-user-42', role: 'supervisor' });
 * const shop = engine.as(principal);
 * ```
 */
@injectable()
export class AuthService {
  /**
   * A principal the host vouches for (no password, no session): validated, then returned as is.
   * `VALIDATION` when the user id is empty or the role unknown.
   */
  trust(input: { userId: string; role: Principal['role']; displayName?: string }): Principal {
    const parsed = parseInput(trustInput, input, 'auth.trust');
    const principal: Principal = { userId: parsed.userId, role: parsed.role };
    if (parsed.displayName !== undefined) principal.displayName = parsed.displayName;
    return principal;
  }
}
