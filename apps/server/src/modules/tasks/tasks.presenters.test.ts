import { describe, expect, it } from 'vitest';
import { eventSummary, shownDate } from './tasks.presenters.ts';

/** The history's Vietnamese sentences, one per kind of event (the task page shows them as written). */
describe('history summaries', () => {
  const names = new Map([
    ['c1-a2', 'Ban Tổ chức Tỉnh ủy'],
    ['c3', 'Đảng ủy xã Tân Phú'],
  ]);
  it.each([
    ['created', { lead: 'c1-a2', co: ['c3'], deadline: '2026-12-31' }, 'Giao nhiệm vụ: Ban Tổ chức Tỉnh ủy chủ trì, phối hợp: Đảng ủy xã Tân Phú, hạn 31/12/2026'],
    ['created', { parentId: 4, lead: 'c3', co: [], cadence: 'quarterly' }, 'Giao nhiệm vụ con: Đảng ủy xã Tân Phú chủ trì, báo cáo hằng quý'],
    ['subtask_created', { subtaskId: 9, lead: 'c3' }, 'Giao nhiệm vụ con số 9 cho Đảng ủy xã Tân Phú'],
    ['updated', { changes: { lead: { to: 'c3' } } }, 'Sửa đơn vị chủ trì'],
    ['progress_reported', { percent: 100, done: true, completedOn: '2027-02-12' }, 'Báo cáo hoàn thành ngày 12/02/2027'],
    ['extension_requested', { requestedDeadline: '2027-01-20' }, 'Đề nghị gia hạn đến 20/01/2027'],
    ['evaluated', { result: 'met', comment: '' }, 'Đánh giá: Đạt; kết thúc nhiệm vụ'],
    ['urged', { body: 'c1-a2', outgoingId: 3 }, 'Đôn đốc bằng công văn gửi Ban Tổ chức Tỉnh ủy'],
    ['reminded', { kind: 'before', dueOn: '2026-12-31' }, 'Nhắc: nhiệm vụ sắp đến hạn (hạn 31/12/2026)'],
    ['reminded', { kind: 'overdue', dueOn: '2026-12-31' }, 'Nhắc: nhiệm vụ đã quá hạn (hạn 31/12/2026)'],
    ['escalated', { kind: 'escalate:assigner', to: 'assigner' }, 'Báo cáo đơn vị giao: nhiệm vụ quá hạn'],
    ['escalated', { kind: 'escalate:head', to: 'head' }, 'Báo cáo người đứng đầu đơn vị chủ trì: nhiệm vụ quá hạn'],
  ])('%s → %s', (action, details, summary) => {
    expect(eventSummary(action, details, names)).toBe(summary);
  });

  it('shows dates as dd/mm/yyyy', () => {
    expect(shownDate('2027-02-05')).toBe('05/02/2027');
    expect(shownDate(null)).toBe('');
  });
});
