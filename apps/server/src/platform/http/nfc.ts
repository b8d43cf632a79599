import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';

/** Finds the first string that is not in Unicode NFC, with its path. */
export function findNonNfc(value: unknown, path = ''): string | null {
  if (typeof value === 'string') {
    return value === value.normalize('NFC') ? null : path || '(body)';
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const hit = findNonNfc(value[i], `${path}[${i}]`);
      if (hit) {
        return hit;
      }
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const keyHit = k === k.normalize('NFC') ? null : `${path}.${k}`;
      const hit = keyHit ?? findNonNfc(v, path ? `${path}.${k}` : k);
      if (hit) {
        return hit;
      }
    }
  }
  return null;
}

/**
 * Unicode NFC everywhere: text in decomposed form (NFD) would compare, sort and search differently
 * from the same words typed elsewhere, so it is refused at the door with the field named.
 * The web client normalises before sending, so people never see this.
 */
export function installNfcGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    // A search query is read, never stored: routes that say so get their query string normalised
    // instead (issue 7: a query pasted in NFD finds the same documents).
    const config = req.routeOptions.config as { normalizeQuery?: boolean } | undefined;
    if (config?.normalizeQuery && req.query && typeof req.query === 'object') {
      for (const [k, v] of Object.entries(req.query as Record<string, unknown>)) {
        if (typeof v === 'string') {
          (req.query as Record<string, unknown>)[k] = v.normalize('NFC');
        }
      }
    }
    for (const [part, value] of [
      ['body', req.body],
      ['querystring', req.query],
      ['params', req.params],
    ] as const) {
      const hit = findNonNfc(value);
      if (hit) {
        throw new AppError({
          code: 'validation.not_nfc',
          status: 400,
          message: 'Text must be in Unicode NFC form',
          details: [{ path: `${part}.${hit}`, message: 'not NFC' }],
        });
      }
    }
  });
}
