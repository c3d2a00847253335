import {
  changeRole,
  createUser,
  getUser,
  listUsers,
  resetPassword,
  resetTwoFactor,
  setDisabled,
  unlockUser,
  updateUser,
} from './user-admin-commands.js';
import { changePassword, getMe, updateProfile } from './user-self-commands.js';

/**
 * The user operations, as the `shop.users` section exposes them.
 *
 * @example
 * ```ts
 * await engine.as(admin).users.changeRole({ id, role: 'supervisor' });
 * ```
 */
export const userOperations = {
  create: createUser,
  get: getUser,
  list: listUsers,
  update: updateUser,
  changeRole,
  setDisabled,
  resetPassword,
  unlock: unlockUser,
  resetTwoFactor,
  me: getMe,
  updateProfile,
  changePassword,
};
