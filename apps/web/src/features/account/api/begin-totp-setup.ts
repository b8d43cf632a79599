import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api';

/** POST /api/auth/totp/setup — `{ secret, otpauthUrl }`, active once a code is confirmed. */
export const beginTotpSetup = () =>
  api<{ secret: string; otpauthUrl: string }>('/api/auth/totp/setup', { method: 'POST' });

export const useBeginTotpSetup = () => useMutation({ mutationFn: beginTotpSetup });
