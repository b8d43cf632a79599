import { useMutation } from '@tanstack/react-query';
import type { SignatureVerification } from '@vanphong/contracts';
import { ApiError, getCsrfToken } from '../../../lib/api';

export type { SignatureVerification };

/**
 * POST /api/signatures/verify (multipart field `file`, a PDF). The file is not stored. The shared
 * client speaks JSON only, so this one call uses fetch directly, with the CSRF header.
 */
export async function verifyPdf(file: File): Promise<SignatureVerification> {
  const body = new FormData();
  body.append('file', new File([file], file.name.normalize('NFC'), { type: file.type || 'application/pdf' }));
  const headers: Record<string, string> = { Accept: 'application/json' };
  const csrf = getCsrfToken();
  if (csrf) {
    headers['X-CSRF-Token'] = csrf;
  }
  let response: Response;
  try {
    response = await fetch('/api/signatures/verify', { method: 'POST', body, headers, credentials: 'same-origin' });
  } catch (e) {
    throw new ApiError(0, 'network', e instanceof Error ? e.message : 'Network error');
  }
  const data = (await response.json().catch(() => null)) as
    | (SignatureVerification & { error?: { code?: string; message?: string; details?: unknown } })
    | null;
  if (!response.ok || !data || data.error) {
    const err = data?.error;
    throw new ApiError(response.status, err?.code ?? `http.${response.status}`, err?.message ?? response.statusText, err?.details);
  }
  return data;
}

export const useVerifyPdf = () => useMutation({ mutationFn: verifyPdf });
