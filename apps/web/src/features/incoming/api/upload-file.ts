import { ApiError, getCsrfToken } from '../../../lib/api';

export interface UploadedFile {
  id: number;
  size: number;
  contentType: string;
  originalName: string;
}

/**
 * POST /api/files (multipart field `file`). The shared client speaks JSON only, so this one call uses
 * fetch directly — with the CSRF header, and the file name in NFC (macOS hands out NFD names).
 */
export async function uploadFile(file: File, signal?: AbortSignal): Promise<UploadedFile> {
  const body = new FormData();
  body.append('file', new File([file], file.name.normalize('NFC'), { type: file.type }));
  const headers: Record<string, string> = { Accept: 'application/json' };
  const csrf = getCsrfToken();
  if (csrf) {
    headers['X-CSRF-Token'] = csrf;
  }
  let response: Response;
  try {
    response = await fetch('/api/files', {
      method: 'POST',
      body,
      headers,
      credentials: 'same-origin',
      signal,
    });
  } catch (e) {
    throw new ApiError(0, 'network', e instanceof Error ? e.message : 'Network error');
  }
  const data = (await response.json().catch(() => null)) as {
    file?: UploadedFile;
    error?: { code?: string; message?: string; details?: unknown };
  } | null;
  if (!response.ok || !data?.file) {
    const err = data?.error;
    throw new ApiError(
      response.status,
      err?.code ?? `http.${response.status}`,
      err?.message ?? response.statusText,
      err?.details,
    );
  }
  return data.file;
}
