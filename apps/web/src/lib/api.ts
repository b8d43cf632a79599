/**
 * The one HTTP client of the web app: same-origin cookies, the CSRF token kept in memory and sent on
 * every state-changing request, every string normalised to Unicode NFC, and errors turned into ApiError.
 */

export interface ErrorDetail {
  path: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** `details` as a list of `{ path, message }`, when the server sent one. */
  get fieldDetails(): ErrorDetail[] {
    if (!Array.isArray(this.details)) {return [];}
    return this.details.filter(
      (d): d is ErrorDetail => !!d && typeof d === 'object' && typeof (d as ErrorDetail).path === 'string',
    );
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null): void => {
  csrfToken = token;
};
export const getCsrfToken = (): string | null => csrfToken;

type UnauthorizedListener = (error: ApiError) => void;
let unauthorizedListener: UnauthorizedListener | null = null;
/** Called when the session is gone (401) or the CSRF token was refused: the app re-reads /api/auth/me. */
export const onUnauthorized = (listener: UnauthorizedListener | null): void => {
  unauthorizedListener = listener;
};

/** Deep NFC normalisation of every string (keys included) — the server refuses NFD text. */
export function toNfc<T>(value: T): T {
  if (typeof value === 'string') {return value.normalize('NFC') as T;}
  if (Array.isArray(value)) {return value.map((v) => toNfc(v)) as T;}
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      out[k.normalize('NFC')] = toNfc(v);
    }
    return out as T;
  }
  return value;
}

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: QueryParams): string {
  if (!query) {return path;}
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') {continue;}
    params.set(k, typeof v === 'string' ? v.normalize('NFC') : String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: QueryParams;
  signal?: AbortSignal;
}

/** 401 codes that are answers to what the user typed, not a lost session. */
const NOT_SESSION_LOSS = new Set(['auth.invalid_credentials', 'auth.invalid_totp', 'auth.throttled']);

export async function api<T>(
  path: string,
  { method = 'GET', body, query, signal }: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) {headers['Content-Type'] = 'application/json';}
  if (method !== 'GET' && csrfToken) {headers['X-CSRF-Token'] = csrfToken;}

  let response: Response;
  try {
    response = await fetch(withQuery(path, query), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(toNfc(body)),
      credentials: 'same-origin',
      signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') {throw e;}
    throw new ApiError(0, 'network', e instanceof Error ? e.message : 'Network error');
  }

  const text = await response.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }

  if (!response.ok) {
    const envelope = (data as { error?: { code?: string; message?: string; details?: unknown } } | null)
      ?.error;
    const error = new ApiError(
      response.status,
      envelope?.code ?? (response.status >= 500 ? 'internal' : `http.${response.status}`),
      envelope?.message ?? response.statusText,
      envelope?.details,
    );
    const sessionLost =
      response.status === 401 && !NOT_SESSION_LOSS.has(error.code) && !path.startsWith('/api/auth/me');
    // A refused CSRF token: ask /api/auth/me again, which hands out the session's current token.
    if (sessionLost || error.code === 'auth.csrf') {
      unauthorizedListener?.(error);
    }
    throw error;
  }
  return data as T;
}

/** A list answer: `{ items, total }`. */
export interface ListResponse<T> {
  items: T[];
  total: number;
}
