import { AppError } from '../../platform/errors.ts';

export const authErrors = {
  invalidCredentials: () =>
    new AppError({ code: 'auth.invalid_credentials', status: 401, message: 'Wrong username or password' }),
  throttled: (retryAfterSeconds: number) =>
    new AppError({
      code: 'auth.throttled',
      status: 429,
      message: 'Too many failed logins; try again later',
      details: { retryAfterSeconds },
    }),
  csrf: () => new AppError({ code: 'auth.csrf', status: 403, message: 'Missing or wrong X-CSRF-Token header' }),
  secondFactorRequired: () =>
    new AppError({ code: 'auth.second_factor_required', status: 401, message: 'Second factor required' }),
  totpAlreadyEnabled: () =>
    new AppError({ code: 'auth.totp_already_enabled', status: 409, message: 'Two-step verification is already on; an administrator resets it' }),
  passwordChangeRequired: () =>
    new AppError({ code: 'auth.password_change_required', status: 403, message: 'Change your password first' }),
  invalidTotp: () => new AppError({ code: 'auth.invalid_totp', status: 400, message: 'Wrong or expired code' }),
  weakPassword: (problems: string[]) =>
    new AppError({
      code: 'auth.weak_password',
      status: 400,
      message: 'The password does not meet the policy',
      details: problems.map((p) => ({ path: 'password', message: p })),
    }),
};
