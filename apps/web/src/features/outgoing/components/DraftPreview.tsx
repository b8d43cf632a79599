import { useTranslation } from 'react-i18next';
import { todayInOffice } from '../../../lib/dates';
import type { Issuer, Secrecy, Urgency } from '../types';
import { isLetter } from '../utils/labels';
import {
  addresseeLines,
  dateLine,
  numberLine,
  SECRECY_MARKS,
  upperVi,
  URGENCY_MARKS,
} from '../utils/print';

export interface PreviewModel {
  issuer: Pick<Issuer, 'superiorLine' | 'issuerLine' | 'abbreviation' | 'place' | 'layout' | 'name' | 'agencyId'> | null;
  type: { name: string; abbreviation: string } | null;
  summary: string;
  body: string;
  addressees: string[];
  /** "Nơi nhận" lines before the recipients (e.g. "Như trên"). */
  extraRecipientLines: string[];
  recipients: string[];
  secrecy: Secrecy;
  urgency: Urgency;
  number?: number | null;
  issuedOn?: string | null;
  /** The signature block, when known (the document page). */
  signature?: { line: string; title: string; name: string | null } | null;
}

/** "Tỉnh ủy Hồng Lam" without its place: "Tỉnh ủy" (the office keeping the filed copy, spec §2). */
function withoutPlace(name: string, place: string): string {
  const suffix = ` ${place.trim()}`;
  return place.trim() && name.toLocaleLowerCase('vi').endsWith(suffix.toLocaleLowerCase('vi'))
    ? name.slice(0, name.length - suffix.length)
    : name;
}

function recipientLines(m: PreviewModel): string[] {
  const retain = m.issuer
    ? m.issuer.agencyId !== null
      ? `Lưu ${m.issuer.abbreviation}`
      : `Lưu Văn phòng ${withoutPlace(m.issuer.name, m.issuer.place)}`
    : 'Lưu …';
  const clean = [...m.extraRecipientLines, ...m.recipients, retain]
    .map((l) => l.trim().replace(/^-\s*/, '').replace(/[,.;]+$/, ''))
    .filter(Boolean);
  return clean.map((l, i) => `- ${l}${i === clean.length - 1 ? '.' : ','}`);
}

/**
 * The first page of the document as it will print (36-HD/VPTW, or ND30 for State-style bodies), drawn
 * in a serif face and updated as the drafter types. It is a guide, not the document: the DOCX and the
 * PDF are made by the server.
 */
export function DraftPreview({ model, testId = 'outgoing-preview' }: { model: PreviewModel; testId?: string }) {
  const { t } = useTranslation();
  const { issuer, type } = model;
  const layout = issuer?.layout ?? 'party';
  const letter = isLetter(type);
  const year = todayInOffice().year();
  const number = numberLine({
    layout,
    typeAbbreviation: type?.abbreviation || '…',
    issuerAbbreviation: issuer?.abbreviation || '…',
    letter,
    number: model.number ?? null,
  });
  const date = dateLine(issuer?.place || '…', model.issuedOn ?? null, year);
  const marks = [SECRECY_MARKS[model.secrecy], URGENCY_MARKS[model.urgency]].filter(Boolean);
  const addressees = addresseeLines(model.addressees);
  const paragraphs = model.body.split('\n').filter((p) => p.trim() !== '');
  const summary = model.summary.trim();

  const left = (
    <div className="vp-og-head-left">
      {layout === 'state' && !issuer?.superiorLine ? null : (
        <div data-testid={`${testId}-superior`}>{issuer?.superiorLine || '…'}</div>
      )}
      <div className="vp-og-b" data-testid={`${testId}-issuer`}>
        {issuer?.issuerLine || t('outgoing.preview.noIssuer')}
      </div>
      {layout === 'party' ? <div>*</div> : <div className="vp-og-rule-short" />}
      <div className="vp-og-pre" data-testid={`${testId}-number`}>
        {number}
      </div>
      {letter && summary ? (
        <div className="vp-og-i vp-og-small" data-testid={`${testId}-vv`}>
          {summary}
        </div>
      ) : null}
      {marks.map((m) => (
        <div key={m} className="vp-og-mark">
          {m}
        </div>
      ))}
    </div>
  );

  const right = (
    <div className="vp-og-head-right">
      {layout === 'party' ? (
        <div className="vp-og-b vp-og-u vp-og-national">ĐẢNG CỘNG SẢN VIỆT NAM</div>
      ) : (
        <>
          <div className="vp-og-b vp-og-national">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>
          <div className="vp-og-b vp-og-u">Độc lập - Tự do - Hạnh phúc</div>
        </>
      )}
      <div className="vp-og-i vp-og-pre vp-og-date" data-testid={`${testId}-date`}>
        {date}
      </div>
    </div>
  );

  return (
    <div className="vp-og-paper-wrap">
    <div className="vp-og-paper" data-testid={testId} lang="vi" aria-label={t('outgoing.preview.label')}>
      <div className="vp-og-head">
        {left}
        {right}
      </div>
      {letter ? (
        <div className="vp-og-kinhgui" data-testid={`${testId}-addressees`}>
          <span className="vp-og-kinhgui-label">Kính gửi:</span>
          <div>
            {addressees.length === 0 ? (
              <span className="vp-og-placeholder">{t('outgoing.preview.noAddressee')}</span>
            ) : (
              addressees.map((a, i) => <div key={i}>{a}</div>)
            )}
          </div>
        </div>
      ) : (
        <div className="vp-og-title">
          <div className="vp-og-b vp-og-typename" data-testid={`${testId}-type`}>
            {type ? upperVi(type.name) : '…'}
          </div>
          <div className="vp-og-b" data-testid={`${testId}-summary`}>
            {summary || <span className="vp-og-placeholder">{t('outgoing.preview.noSummary')}</span>}
          </div>
          <div className="vp-og-dashes">-----</div>
        </div>
      )}
      <div className="vp-og-body">
        {paragraphs.length === 0 ? (
          <p className="vp-og-placeholder">{t('outgoing.preview.noBody')}</p>
        ) : (
          paragraphs.map((p, i) => <p key={i}>{p}</p>)
        )}
      </div>
      <div className="vp-og-foot">
        <div className="vp-og-recipients">
          <div className="vp-og-b vp-og-i vp-og-u">Nơi nhận:</div>
          {recipientLines(model).map((l, i) => (
            <div key={i}>{l}</div>
          ))}
        </div>
        <div className="vp-og-signature">
          {model.signature ? (
            <>
              {model.signature.line ? <div className="vp-og-b">{model.signature.line}</div> : null}
              <div className="vp-og-b">{model.signature.title}</div>
              <div className="vp-og-sign-space" />
              <div className="vp-og-b">{model.signature.name ?? ''}</div>
            </>
          ) : (
            <span className="vp-og-placeholder">{t('outgoing.preview.signatureLater')}</span>
          )}
        </div>
      </div>
    </div>
    </div>
  );
}
