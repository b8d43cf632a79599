import { dayjs, OFFICE_TZ, toIsoDate, type Dayjs } from '../../../lib/dates';
import type { AttachmentItem } from '../components/AttachmentsInput';
import { attachmentRefs } from '../components/AttachmentsInput';
import type { IssuerValue } from '../components/IssuerInput';
import type { Channel, IncomingInputBody, Secrecy, Urgency } from '../types';

/** The registration form's values (antd pickers hold Dayjs). */
export interface IncomingFormValues {
  registerKind: 'ordinary' | 'complaint';
  arrivedAt: Dayjs | null;
  channel: Channel;
  issuer: IssuerValue;
  notation: string;
  documentDate: Dayjs | null;
  documentTypeId: number | null;
  summary: string;
  signer: string;
  pageCount: number | null;
  copies: number;
  urgency: Urgency;
  deliverBy: Dayjs | null;
  secrecy: Secrecy;
  deadline: Dayjs | null;
  paperLocation: string;
  note: string;
  presentTo: number | null;
  attachments: AttachmentItem[];
}

/** A wall-clock time picked in the form is office time (UTC+7), whatever the browser's zone. */
export const officeInstant = (d: Dayjs): string =>
  dayjs.tz(d.format('YYYY-MM-DDTHH:mm:ss'), OFFICE_TZ).format('YYYY-MM-DDTHH:mm:ssZ');

const s = (v: string | null | undefined) => (v ?? '').trim();

/** Form values → `POST /api/incoming` body (the client normalises every string to NFC on the way out). */
export function formValuesToInput(
  v: IncomingFormValues,
  { stub, topSecretStub }: { stub: boolean; topSecretStub: boolean },
): IncomingInputBody {
  const secret = v.secrecy !== 'none';
  return {
    registerKind: v.registerKind ?? 'ordinary',
    ...(v.arrivedAt ? { arrivedAt: officeInstant(v.arrivedAt) } : {}),
    channel: v.channel,
    issuerId: v.issuer.id,
    issuerName: s(v.issuer.name),
    notation: s(v.notation),
    documentDate: v.documentDate ? toIsoDate(v.documentDate) : '',
    documentTypeId: v.documentTypeId ?? null,
    summary: topSecretStub ? '' : s(v.summary),
    signer: s(v.signer),
    pageCount: v.pageCount ?? null,
    copies: v.copies ?? 1,
    urgency: v.urgency,
    deliverBy: v.urgency === 'flash_timed' && v.deliverBy ? officeInstant(v.deliverBy) : null,
    secrecy: v.secrecy,
    deadline: v.deadline ? toIsoDate(v.deadline) : null,
    paperLocation: secret ? s(v.paperLocation) : '',
    note: s(v.note),
    attachments: stub ? [] : attachmentRefs(v.attachments),
    presentTo: v.presentTo ?? null,
  };
}
