import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api';

export interface TotpSetup {
  secret: string;
  otpauthUrl: string;
}

/** POST /api/auth/totp/setup — a new secret, active only once a code from it is confirmed. */
export const beginTotpSetup = () => api<TotpSetup>('/api/auth/totp/setup', { method: 'POST' });

export const useBeginTotpSetup = () => useMutation({ mutationFn: beginTotpSetup });
