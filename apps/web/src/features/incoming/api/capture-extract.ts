import type { CaptureResult } from '@vanphong/contracts';
import { useMutation } from '@tanstack/react-query';
import { ApiError, getCsrfToken } from '../../../lib/api';

/**
 * POST /api/capture/extract (multipart field `file`): the server reads the scan's first page (text layer,
 * or OCR); it stores the file on the isolated LAN only (`file`, else null). Like the upload of attachments, this one call uses fetch directly — with the CSRF
 * header and the file name in NFC.
 */
export async function captureExtract(file: File, signal?: AbortSignal): Promise<CaptureResult> {
  const body = new FormData();
  body.append('file', new File([file], file.name.normalize('NFC'), { type: file.type }));
  const headers: Record<string, string> = { Accept: 'application/json' };
  const csrf = getCsrfToken();
  if (csrf) {
    headers['X-CSRF-Token'] = csrf;
  }
  let response: Response;
  try {
    response = await fetch('/api/capture/extract', {
      method: 'POST',
      body,
      headers,
      credentials: 'same-origin',
      signal,
    });
  } catch (e) {
    throw new ApiError(0, 'network', e instanceof Error ? e.message : 'Network error');
  }
  const data = (await response.json().catch(() => null)) as
    (Partial<CaptureResult> & { error?: { code?: string; message?: string; details?: unknown } }) | null;
  if (!response.ok || !data?.fields) {
    const err = data?.error;
    throw new ApiError(
      response.status,
      err?.code ?? `http.${response.status}`,
      err?.message ?? response.statusText,
      err?.details,
    );
  }
  return data as CaptureResult;
}

export const useCaptureExtract = () => useMutation({ mutationFn: (file: File) => captureExtract(file) });
