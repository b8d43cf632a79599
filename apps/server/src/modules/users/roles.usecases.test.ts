import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { normalisePermissions } from './roles.usecases.ts';

describe('the permissions a role is built from', () => {
  it('duplicates are dropped and the list follows the canonical order', () => {
    expect(normalisePermissions(['audit.view', 'org.view', 'audit.view'])).toEqual([
      'org.view',
      'audit.view',
    ]);
  });

  it('an unknown name is refused, naming each offending name once', () => {
    try {
      normalisePermissions(['org.view', 'org.delete', 'god.mode', 'org.delete']);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('roles.unknown_permission');
      expect((err as AppError).details).toEqual([
        { path: 'permissions', message: 'org.delete' },
        { path: 'permissions', message: 'god.mode' },
      ]);
    }
  });
});
