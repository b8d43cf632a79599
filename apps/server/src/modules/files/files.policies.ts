import type { Actor } from '../auth/auth.models.ts';
import type { FileRecord } from '../../platform/files/files.store.ts';

/**
 * Who may fetch a stored file through the generic `/api/files/:id`: only the person who uploaded it.
 * No permission widens this — not even `users.manage`: a file carries no committee scope and no
 * clearance level, so an administrator reading "any id" would bypass both (security review, fix 1).
 * Business modules serve their attachments through their own routes, under their own visibility and
 * clearance rules. Everyone else gets 404, like a missing file (docs/API.md: invisible records answer 404).
 */
export function canDownloadFile(actor: Actor, file: Pick<FileRecord, 'createdBy'>): boolean {
  return file.createdBy !== null && file.createdBy === actor.userId;
}

export const abilitiesForFile = (actor: Actor, file: Pick<FileRecord, 'createdBy'>) => ({
  download: canDownloadFile(actor, file),
});
