import { ClockCircleOutlined, ThunderboltFilled, WarningOutlined } from '@ant-design/icons';
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/dates';
import type { IncomingStatus, Secrecy, Urgency } from '../types';
import { isFlash, SECRECY_COLORS, STATUS_COLORS, URGENCY_COLORS } from '../utils/labels';

export function UrgencyTag({ value, showNormal = false }: { value: Urgency; showNormal?: boolean }) {
  const { t } = useTranslation();
  if (value === 'normal' && !showNormal) {
    return null;
  }
  return (
    <Tag
      color={URGENCY_COLORS[value]}
      icon={isFlash(value) ? <ThunderboltFilled /> : undefined}
      data-testid="urgency-tag"
      style={{ marginInlineEnd: 0 }}
    >
      {t(`incoming.urgency.${value}`)}
    </Tag>
  );
}

export function SecrecyTag({ value, showNone = false }: { value: Secrecy; showNone?: boolean }) {
  const { t } = useTranslation();
  if (value === 'none' && !showNone) {
    return null;
  }
  return (
    <Tag color={SECRECY_COLORS[value]} data-testid="secrecy-tag" style={{ marginInlineEnd: 0 }}>
      {t(`incoming.secrecy.${value}`)}
    </Tag>
  );
}

export function StatusTag({ value }: { value: IncomingStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[value]} data-testid="status-tag" style={{ marginInlineEnd: 0 }}>
      {t(`incoming.status.${value}`)}
    </Tag>
  );
}

/** The handling deadline with the overdue (red) and due-soon (orange) flags the server computed. */
export function DeadlineText({
  deadline,
  overdue,
  dueSoon,
}: {
  deadline: string | null;
  overdue: boolean;
  dueSoon: boolean;
}) {
  const { t } = useTranslation();
  if (!deadline) {
    return <Typography.Text type="secondary">—</Typography.Text>;
  }
  return (
    <Flex gap={4} wrap align="center">
      <span className="vp-nowrap">{formatDate(deadline)}</span>
      {overdue ? (
        <Tag color="red" icon={<WarningOutlined />} style={{ marginInlineEnd: 0 }} data-testid="overdue-tag">
          {t('incoming.flags.overdue')}
        </Tag>
      ) : dueSoon ? (
        <Tag
          color="orange"
          icon={<ClockCircleOutlined />}
          style={{ marginInlineEnd: 0 }}
          data-testid="due-soon-tag"
        >
          {t('incoming.flags.dueSoon')}
        </Tag>
      ) : null}
    </Flex>
  );
}
