import type { Actor } from '../auth/auth.models.ts';
import type { FileRecord } from '../../platform/files/files.store.ts';

/**
 * Who may fetch a stored file through `/api/files/:id`: the person who uploaded it, or an
 * administrator (`users.manage`). Business modules serve their attachments through their own
 * visibility rules; this endpoint is the uploader's own view. Everyone else gets 404.
 */
export function canDownloadFile(actor: Actor, file: Pick<FileRecord, 'createdBy'>): boolean {
  return (
    (file.createdBy !== null && file.createdBy === actor.userId) || actor.permissions.has('users.manage')
  );
}

export const abilitiesForFile = (actor: Actor, file: Pick<FileRecord, 'createdBy'>) => ({
  download: canDownloadFile(actor, file),
});
