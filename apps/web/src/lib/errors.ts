import type { FormInstance } from 'antd';
import i18n, { translateOr } from './i18n';
import { isApiError, type ErrorDetail } from './api';

/** Text for an error: the code's own message, else one by HTTP status, else the generic one. */
export function errorMessage(error: unknown): string {
  const t = i18n.t.bind(i18n);
  if (!isApiError(error)) {
    return t('errors.unexpected');
  }
  if (error.code === 'auth.throttled') {
    const seconds = Number(
      (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds ?? 60,
    );
    return t('errors.auth.throttled', { minutes: Math.max(1, Math.ceil(seconds / 60)) });
  }
  if (error.code === 'auth.weak_password') {
    const reasons = error.fieldDetails.map((d) => fieldMessage(error.code, d)).filter(Boolean);
    return [t('errors.auth.weak_password'), ...reasons].join(' ');
  }
  const byCode = translateOr(`errors.${error.code}`, '');
  if (byCode) {return byCode;}
  if (error.code.endsWith('.not_found') || error.status === 404) {return t('errors.not_found');}
  if (error.status === 0) {return t('errors.network');}
  if (error.status === 401) {return t('errors.unauthenticated');}
  if (error.status === 403) {return t('errors.forbidden');}
  if (error.status === 409) {return t('errors.conflict');}
  if (error.status === 429) {return t('errors.rate_limited');}
  if (error.status >= 500) {return t('errors.internal');}
  return t('errors.request_invalid');
}

/** The message shown under one field for one `details[]` entry. */
export function fieldMessage(code: string, detail: ErrorDetail): string {
  const t = i18n.t.bind(i18n);
  const byCode = translateOr(`fieldErrors.codes.${code.replace(/\./g, '_')}`, '', { detail: detail.message });
  if (byCode) {return byCode;}
  const byReason = translateOr(`fieldErrors.${detail.message.replace(/\s+/g, '_')}`, '');
  if (byReason) {return byReason;}
  if (code === 'users.unknown_role') {return t('fieldErrors.unknown_role', { code: detail.message });}
  if (code === 'users.unknown_reference') {return t('fieldErrors.not_found');}
  if (code === 'users.out_of_scope') {return t('fieldErrors.out_of_scope');}
  if (code === 'validation.not_nfc') {return t('fieldErrors.not_NFC');}
  return t('fieldErrors.invalid', { detail: detail.message });
}

/** `body.person.name[0]` → `person`: the form field a server path points at. */
export function fieldOfPath(path: string): string {
  const clean = path.replace(/^(body|querystring|params)\.?/, '');
  return clean.split(/[.[]/)[0] ?? clean;
}

/**
 * Puts the server's per-field messages on the form's fields. Returns true when at least one field got
 * a message (then a general toast is not needed), false otherwise.
 */
export function applyFieldErrors(
  form: FormInstance,
  error: unknown,
  fieldAliases: Record<string, string> = {},
): boolean {
  if (!isApiError(error)) {return false;}
  const details = error.fieldDetails;
  if (details.length === 0) {return false;}
  const byField = new Map<string, string[]>();
  for (const d of details) {
    const raw = fieldOfPath(d.path);
    const name = fieldAliases[raw] ?? raw;
    if (!name) {continue;}
    const list = byField.get(name) ?? [];
    const msg = fieldMessage(error.code, d);
    if (!list.includes(msg)) {list.push(msg);}
    byField.set(name, list);
  }
  const known = new Set(Object.keys(form.getFieldsValue(true) as Record<string, unknown>));
  const fields = [...byField.entries()]
    .filter(([name]) => known.has(name) || form.getFieldInstance(name) !== undefined)
    .map(([name, errors]) => ({ name, errors }));
  if (fields.length === 0) {return false;}
  form.setFields(fields);
  const first = fields[0];
  if (first) {form.scrollToField(first.name, { block: 'center' });}
  return true;
}
