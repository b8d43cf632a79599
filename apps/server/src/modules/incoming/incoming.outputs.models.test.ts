import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import {
  assertDateRange,
  outputFileName,
  recipientsText,
  registerBookCells,
  remarksText,
  typeAndSummary,
  vnDate,
  vnDateOfInstant,
  type RegisterBookEntry,
} from './incoming.outputs.models.ts';

const entry: RegisterBookEntry = {
  arrivalNumber: 7,
  arrivalDate: '2026-03-02',
  issuerName: 'Ban Tổ chức Trung ương',
  notation: '12-CV/BTCTW',
  documentDate: '2026-02-27',
  documentTypeName: 'Công văn',
  summary: 'Về việc rà soát quy hoạch cán bộ',
  secrecy: 'none',
  urgency: 'normal',
  status: 'directed',
  leadAgencyName: 'Ban Tổ chức Tỉnh ủy',
  leadUserName: null,
  coRecipients: [],
  directedAt: '2026-03-02T17:30:00.000Z',
  note: '',
  cancelReason: '',
};

const fieldOf = (fn: () => void): string | undefined => {
  try {
    fn();
  } catch (err) {
    return ((err as AppError).details as { path: string }[])[0]?.path;
  }
  return undefined;
};

describe('the incoming register lines (spec §4 columns)', () => {
  it('prints dates dd/mm/yyyy, and the forwarding day in Vietnam time', () => {
    expect(vnDate('2026-03-02')).toBe('02/03/2026');
    expect(vnDate(null)).toBe('');
    // 17:30 UTC is 00:30 the next morning in Hà Nội.
    expect(vnDateOfInstant('2026-03-02T17:30:00.000Z')).toBe('03/03/2026');
    expect(registerBookCells(entry)).toEqual([
      '02/03/2026',
      '7',
      'Ban Tổ chức Trung ương',
      '12-CV/BTCTW',
      '27/02/2026',
      'Công văn\nVề việc rà soát quy hoạch cán bộ',
      'Ban Tổ chức Tỉnh ủy',
      '03/03/2026',
      '',
      '',
    ]);
  });

  it('says "(Tuyệt mật)" where a withheld summary would be', () => {
    expect(typeAndSummary({ documentTypeName: null, summary: null, secrecy: 'top_secret' })).toBe(
      '(Tuyệt mật)',
    );
    expect(typeAndSummary({ documentTypeName: 'Công văn', summary: null, secrecy: 'secret' })).toBe(
      'Công văn',
    );
  });

  it('names the lead unit or person, then the co-units', () => {
    expect(
      recipientsText({
        leadAgencyName: 'Văn phòng Tỉnh ủy',
        leadUserName: null,
        coRecipients: ['Ban Tổ chức Tỉnh ủy', 'Ủy ban Kiểm tra Tỉnh ủy'],
      }),
    ).toBe('Văn phòng Tỉnh ủy (chủ trì)\nPhối hợp: Ban Tổ chức Tỉnh ủy, Ủy ban Kiểm tra Tỉnh ủy');
    expect(
      recipientsText({ leadAgencyName: null, leadUserName: 'Hoàng Thị Mai Phương', coRecipients: [] }),
    ).toBe('Hoàng Thị Mai Phương');
    expect(recipientsText({ leadAgencyName: null, leadUserName: null, coRecipients: [] })).toBe('');
  });

  it("notes urgency, secrecy, the clerk's note and a recall with its reason", () => {
    expect(
      remarksText({
        urgency: 'flash',
        secrecy: 'confidential',
        note: 'Bản gốc ở tủ số 3',
        status: 'cancelled',
        cancelReason: 'Gửi nhầm',
      }),
    ).toBe('Hỏa tốc, Mật\nBản gốc ở tủ số 3\nĐã thu hồi: Gửi nhầm');
    expect(
      remarksText({ urgency: 'normal', secrecy: 'none', note: '', status: 'done', cancelReason: '' }),
    ).toBe('');
  });
});

describe('the period of an output', () => {
  it('accepts a year (366 days) and refuses an end before the start or a longer span, naming `to`', () => {
    expect(() => assertDateRange('2024-01-01', '2024-12-31')).not.toThrow();
    expect(() => assertDateRange('2025-01-01', '2026-01-02')).not.toThrow();
    expect(fieldOf(() => assertDateRange('2025-01-01', '2026-01-03'))).toBe('to');
    expect(fieldOf(() => assertDateRange('2025-03-02', '2025-03-01'))).toBe('to');
  });

  it('gives files a readable Vietnamese name without path characters', () => {
    expect(outputFileName('Sổ văn bản đến: 2026/Q1', '2026-01-01', '2026-03-31', 'pdf')).toBe(
      'Sổ văn bản đến 2026 Q1 2026-01-01 2026-03-31.pdf',
    );
  });
});
