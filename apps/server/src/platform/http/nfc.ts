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
