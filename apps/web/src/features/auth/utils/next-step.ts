import type { AuthState } from '../../../lib/auth';
import { peekReturnTo } from '../../../lib/return-to';

export const LOGIN_PATHS = {
  login: '/login',
  secondFactor: '/login/second-factor',
  totpSetup: '/login/totp-setup',
  changePassword: '/login/change-password',
} as const;

/** Where the login flow goes next for a session state (null: stay on the login form). */
export function nextStep(state: AuthState | undefined): string | null {
  if (!state || state.status === 'anonymous') {return null;}
  if (state.status === 'second_factor_required') {return LOGIN_PATHS.secondFactor;}
  if (state.status === 'second_factor_setup_required') {return LOGIN_PATHS.totpSetup;}
  if (state.user?.mustChangePassword) {return LOGIN_PATHS.changePassword;}
  return peekReturnTo();
}
