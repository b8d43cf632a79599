import { Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TaskStatus } from '../types';
import { STATUS_CHART_COLORS, STATUS_COLORS } from '../utils/labels';

/** The computed status; Vietnamese shows the server's reference name, other languages the catalogue. */
export function TaskStatusTag({ value, label }: { value: TaskStatus; label?: string }) {
  const { t, i18n } = useTranslation();
  const text = i18n.language === 'vi' && label ? label : t(`tasks.status.${value}`);
  return (
    <Tag
      color={STATUS_COLORS[value]}
      data-testid="task-status-tag"
      data-status={value}
      style={{ marginInlineEnd: 0 }}
    >
      {text}
    </Tag>
  );
}

/** "Quá hạn 3 ngày làm việc" in red, nothing when not overdue. */
export function OverdueText({ days }: { days: number }) {
  const { t } = useTranslation();
  if (days <= 0) {
    return null;
  }
  return (
    <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid="task-overdue-days">
      {t('tasks.overdueDays', { count: days })}
    </Typography.Text>
  );
}

export function TaskProgress({ percent, status }: { percent: number; status: TaskStatus }) {
  return (
    <Progress
      percent={percent}
      size="small"
      strokeColor={STATUS_CHART_COLORS[status === 'not_due' ? 'in_progress' : status]}
      // Overdue keeps its percentage (red bar), not antd's cross icon.
      status={percent >= 100 ? 'success' : 'normal'}
      style={{ marginBottom: 0, minWidth: 90 }}
    />
  );
}
