import type { DeploymentProfile } from '@vanphong/contracts';
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

/**
 * Spec §3: secret content may be stored only on the isolated LAN, and there encrypted at rest. Every
 * upload on that profile is encrypted (when the bytes arrive, the secrecy of the record they will be
 * attached to is not known yet). Code that stages files itself (imports, seeds) follows the same rule:
 * `store.stage({ bytes, name, encrypt: encryptsUploads((await getSettings(db)).deploymentProfile) })`.
 */
export const encryptsUploads = (profile: DeploymentProfile): boolean => profile === 'isolated-lan';
