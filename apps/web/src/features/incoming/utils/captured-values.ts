import type { CapturedFields, CaptureResult } from '@vanphong/contracts';
import { parseIsoDate } from '../../../lib/dates';
import { foldText } from '../../../lib/forms';
import type { AttachmentItem } from '../components/AttachmentsInput';
import type { IncomingFormValues } from './form-values';

/**
 * What the first page said: the answer of `POST /api/capture/extract`, or — for a page marked secret on a
 * networked profile (422 `capture.secret_not_stored`) — the fields alone, the scan not stored (spec §3).
 */
export type ScanReading = Omit<CaptureResult, 'file'> & {
  file: CaptureResult['file'] | null;
  /** The secrecy mark that kept the scan out of storage. */
  notStored: string | null;
  /**
   * The file as the clerk chose it. On a networked profile the server reads it without storing it; it is
   * shown from the browser and uploaded with the registration only if the document is not secret.
   */
  localFile: File | null;
};

/** The reading of a secret first page that the server refused to store: fields only. */
export const secretReading = (fields: CapturedFields, secrecy: string): ScanReading => ({
  file: null,
  method: 'none',
  text: '',
  legacyEncoding: null,
  fields,
  warnings: [],
  notStored: secrecy,
  localFile: null,
});

/** Below this confidence a pre-filled value is marked for the clerk to check (spec: she confirms or corrects). */
export const LOW_CONFIDENCE = 0.6;
/** From this confidence a value is shown as read with certainty. */
export const HIGH_CONFIDENCE = 0.85;

export type ConfidenceLevel = 'missing' | 'low' | 'medium' | 'high';

/** A captured field's level: not read at all, to check, fairly sure, sure. */
export function confidenceLevel(field: { value: unknown; confidence: number }): ConfidenceLevel {
  if (field.value === null || field.value === undefined || field.value === '') {
    return 'missing';
  }
  if (field.confidence < LOW_CONFIDENCE) {
    return 'low';
  }
  return field.confidence >= HIGH_CONFIDENCE ? 'high' : 'medium';
}

/** The form fields that a captured field pre-fills (the issuer is one field holding id and name). */
export const MARKED_FIELDS = [
  'issuer',
  'notation',
  'documentDate',
  'documentTypeId',
  'summary',
  'signer',
  'urgency',
  'secrecy',
] as const;
export type MarkedField = (typeof MARKED_FIELDS)[number];

type AnyCaptured = CapturedFields[keyof CapturedFields];

/** Which captured field stands behind each pre-filled form field. */
export function capturedFor(fields: CapturedFields, name: MarkedField): AnyCaptured {
  switch (name) {
    case 'issuer':
      // A match in the directory is as sure as the name it was matched from.
      return fields.issuerName;
    case 'documentTypeId':
      return fields.documentTypeId.value !== null ? fields.documentTypeId : fields.documentTypeName;
    default:
      return fields[name];
  }
}

/** The document type: the id the server matched, else the printed name matched in the list on screen. */
export function documentTypeOf(
  fields: CapturedFields,
  types: { id: number; name: string; active: boolean }[],
): number | null {
  if (fields.documentTypeId.value !== null) {
    return fields.documentTypeId.value;
  }
  const printed = fields.documentTypeName.value;
  if (!printed) {
    return null;
  }
  return types.find((t) => t.active && foldText(t.name) === foldText(printed.trim()))?.id ?? null;
}

/** The scan as the form's main attachment: already stored, so already "done". */
export const scanAttachment = (file: NonNullable<CaptureResult['file']>): AttachmentItem => ({
  uid: `scan-${file.id}`,
  name: file.originalName,
  size: file.size,
  fileId: file.id,
  status: 'done',
  main: true,
});

/**
 * The registration form pre-filled from what the first page says. What the page cannot say (channel,
 * copies, handling) starts as on the ordinary form: paper, one copy, no deadline.
 */
export function capturedToFormValues(
  capture: ScanReading,
  types: { id: number; name: string; active: boolean }[],
): IncomingFormValues {
  const f = capture.fields;
  return {
    registerKind: 'ordinary',
    arrivedAt: null,
    channel: 'paper',
    issuer: { id: f.issuerId.value, name: f.issuerName.value ?? '' },
    notation: f.notation.value ?? '',
    documentDate: parseIsoDate(f.documentDate.value),
    documentTypeId: documentTypeOf(f, types),
    summary: f.summary.value ?? '',
    signer: f.signer.value ?? '',
    pageCount: null,
    copies: 1,
    urgency: f.urgency.value ?? 'normal',
    deliverBy: null,
    secrecy: f.secrecy.value ?? 'none',
    deadline: null,
    paperLocation: '',
    note: '',
    presentTo: null,
    attachments: capture.file ? [scanAttachment(capture.file)] : [],
  };
}

/** Whether the clerk changed a pre-filled value (the mark then says "corrected"). */
export function isCorrected(name: MarkedField, initial: IncomingFormValues, current: unknown): boolean {
  const a = initial[name];
  if (name === 'issuer') {
    const c = current as IncomingFormValues['issuer'] | undefined;
    return (c?.name ?? '').trim() !== initial.issuer.name.trim();
  }
  if (name === 'documentDate') {
    const c = current as IncomingFormValues['documentDate'] | undefined;
    return (c?.format('YYYY-MM-DD') ?? null) !== (initial.documentDate?.format('YYYY-MM-DD') ?? null);
  }
  const norm = (v: unknown) => (typeof v === 'string' ? v.trim() : (v ?? null));
  return norm(current) !== norm(a);
}
