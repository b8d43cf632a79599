import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import type { Abilities, LoginResult, Me } from '../types/api';
import { api, ApiError, setCsrfToken } from './api';
import { allowReturnTo, suppressReturnTo } from './return-to';

/** What the app knows about the session: anonymous, half-way through login, or logged in. */
export type AuthState = { status: 'anonymous'; csrfToken: null; user: null } | LoginResult;

export const ANONYMOUS: AuthState = { status: 'anonymous', csrfToken: null, user: null };
export const authKey = ['auth', 'me'] as const;

/** GET /api/auth/me — re-obtains the CSRF token after a reload; 401 means "not logged in". */
export async function getMe(): Promise<AuthState> {
  try {
    const result = await api<LoginResult>('/api/auth/me');
    setCsrfToken(result.csrfToken);
    return result;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      setCsrfToken(null);
      return ANONYMOUS;
    }
    throw e;
  }
}

export const meQueryOptions = () =>
  queryOptions({
    queryKey: authKey,
    queryFn: getMe,
    staleTime: 60_000,
    refetchOnWindowFocus: true,
    retry: (count, e) => !(e instanceof ApiError && e.status < 500) && count < 2,
  });

export const useAuth = () => useQuery(meQueryOptions());

/** Stores an answer of login / TOTP verify / TOTP confirm as the current session. */
export function storeAuthResult(queryClient: QueryClient, result: LoginResult): void {
  allowReturnTo();
  setCsrfToken(result.csrfToken);
  queryClient.setQueryData(authKey, result);
}

/** After logout: forget everything that was loaded for this user. */
export function clearSession(queryClient: QueryClient): void {
  suppressReturnTo();
  setCsrfToken(null);
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
  queryClient.setQueryData(authKey, ANONYMOUS);
}

/** The logged-in user (inside the authenticated shell it is always there). */
export function useMe(): Me | null {
  const { data } = useAuth();
  return data && data.status === 'ok' ? data.user : null;
}

export function usePermissions(): ReadonlySet<string> {
  const me = useMe();
  return new Set(me?.permissions ?? []);
}

export function useHasPermission(permission: string): boolean {
  return usePermissions().has(permission);
}

/**
 * Whether to show a button: the record's `abilities[action]` when the server sent it, else the
 * permission from `Me` (for records or endpoints without abilities). The UI never works out rules itself.
 */
export function allowed(abilities: Abilities | null | undefined, action: string, fallback = false): boolean {
  if (abilities && typeof abilities[action] === 'boolean') {return abilities[action];}
  return fallback;
}
