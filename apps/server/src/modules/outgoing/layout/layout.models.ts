import type { AuthorityForm, Layout, Secrecy, Urgency } from '@vanphong/contracts';

/**
 * Everything the Party-format (36-HD/VPTW) or State-format (ND30) generator and the format checker
 * need to lay out one document. Built by the outgoing use cases from the draft, its issuing body and
 * its circuit; pure data, no database.
 */
export interface DocumentLayout {
  layout: Layout;
  /** Top-left first line, caps: "ĐẢNG BỘ TỈNH HỒNG LAM" (committee) or "TỈNH ỦY HỒNG LAM" (one of its agencies). */
  superiorLine: string;
  /** Top-left bold line, caps: "TỈNH ỦY", "VĂN PHÒNG". */
  issuerLine: string;
  /** The issuer abbreviation in the notation: "TU", "VPTU". */
  issuerAbbreviation: string;
  /** Type name as in the catalogue: "Công văn", "Thông báo". */
  typeName: string;
  /** "CV", "TB"… */
  typeAbbreviation: string;
  /** null while a draft: the number is given at issue only ("Số      -CV/TU"). */
  number: number | null;
  /** "01-CV/TU" once issued (no "Số"). */
  notation: string | null;
  /** "Hồng Lam" — the place of the date line. */
  place: string;
  /** YYYY-MM-DD once issued; null in a draft ("ngày     tháng     năm 2026"). */
  date: string | null;
  /** The year printed in a draft's empty date line. */
  draftYear: number;
  /** Trích yếu (for a công văn printed "V/v …" under the number). */
  summary: string;
  /** Body text: paragraphs separated by blank lines or newlines. */
  body: string;
  /** "Kính gửi:" lines (công văn). */
  addressees: string[];
  authorityForm: AuthorityForm | null;
  /** "T/M BAN THƯỜNG VỤ", "K/T BÍ THƯ", "" for a direct signature. */
  authorityLine: string;
  /** "BÍ THƯ", "PHÓ BÍ THƯ", "CHÁNH VĂN PHÒNG". */
  signerTitle: string;
  signerName: string;
  /** "Nơi nhận:" lines without the leading "- " and the trailing punctuation, in order; the last is the "Lưu …" line. */
  recipientLines: string[];
  secrecy: Secrecy;
  urgency: Urgency;
}

/** A format violation found by the checker (issue 4 §4): a stable code, the field, a Vietnamese message. */
export interface LayoutViolation {
  code: string;
  field: string;
  message: string;
}
