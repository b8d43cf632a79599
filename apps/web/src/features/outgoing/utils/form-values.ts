import { ApiError, isApiError } from '../../../lib/api';
import type { RecipientValue } from '../components/RecipientsPicker';
import type { CreateDraftBody, Issuer, OutgoingDetail, Secrecy, Urgency } from '../types';
import { parseRecipientKey, recipientKey } from './labels';

export interface OutgoingFormValues {
  issuerKey: string | null;
  documentTypeId: number | null;
  secrecy: Secrecy;
  urgency: Urgency;
  copies: number;
  recipients: RecipientValue[];
  /** One addressee per line (công văn "Kính gửi:"). */
  addressees: string;
  /** One "Nơi nhận" line per line, printed before the recipients ("Như trên", "Thường trực Tỉnh ủy (để b/c)"). */
  extraRecipientLines: string;
  summary: string;
  body: string;
  paperLocation: string;
  /** What changed (edit only), kept with the new version. */
  note: string;
}

export const BLANK_FORM: OutgoingFormValues = {
  issuerKey: null,
  documentTypeId: null,
  secrecy: 'none',
  urgency: 'normal',
  copies: 1,
  recipients: [],
  addressees: '',
  extraRecipientLines: '',
  summary: '',
  body: '',
  paperLocation: '',
  note: '',
};

export const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

export function formValuesToBody(v: OutgoingFormValues, issuer: Issuer): CreateDraftBody {
  return {
    issuerCommitteeId: issuer.committeeId,
    issuerAgencyId: issuer.agencyId,
    documentTypeId: v.documentTypeId ?? 0,
    draftingAgencyId: null,
    secrecy: v.secrecy,
    urgency: v.urgency,
    copies: v.copies,
    congress: false,
    recipients: v.recipients.map((r) => ({
      ...parseRecipientKey(r.key),
      ...(r.delivery ? { delivery: r.delivery } : {}),
    })),
    content: {
      summary: v.summary.trim(),
      body: v.body.replace(/\s+$/, ''),
      addressees: lines(v.addressees),
      extraRecipientLines: lines(v.extraRecipientLines),
    },
    paperLocation: v.paperLocation.trim(),
  };
}

export function detailToFormValues(doc: OutgoingDetail): OutgoingFormValues {
  return {
    issuerKey: doc.issuerKey,
    documentTypeId: doc.documentType.id,
    secrecy: doc.secrecy,
    urgency: doc.urgency,
    copies: doc.copies,
    recipients: doc.recipients.map((r) => ({ key: recipientKey(r), delivery: r.delivery })),
    addressees: doc.content.addressees.join('\n'),
    extraRecipientLines: doc.content.extraRecipientLines.join('\n'),
    summary: doc.content.summary,
    body: doc.content.body,
    paperLocation: doc.paperLocation,
    note: '',
  };
}

/**
 * The server names fields by their place in the body ("body.content.summary", "body.recipients.1.delivery",
 * "body.issuerCommitteeId"); the form's fields are flat. Rewrites the paths so the messages land under them.
 */
export function toFormError(error: unknown): unknown {
  if (!isApiError(error) || error.fieldDetails.length === 0) {
    return error;
  }
  const details = error.fieldDetails.map((d) => {
    const path = d.path.replace(/^body\.?/, '');
    const field = path.startsWith('content.')
      ? (path.split('.')[1] ?? 'body')
      : path.startsWith('recipients')
        ? 'recipients'
        : /^issuer(Committee|Agency)Id/.test(path)
          ? 'issuerKey'
          : (path.split(/[.[]/)[0] ?? path);
    return { ...d, path: field };
  });
  return new ApiError(error.status, error.code, error.message, details);
}
