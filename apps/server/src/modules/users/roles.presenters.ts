import type { Actor } from '../auth/auth.models.ts';
import type { Role } from './roles.repository.ts';

export function presentRole(role: Role, actor: Actor) {
  return {
    id: role.id,
    code: role.code,
    name: role.name,
    permissions: role.permissions,
    builtin: role.builtin,
    abilities: { update: actor.permissions.has('roles.manage') },
  };
}
