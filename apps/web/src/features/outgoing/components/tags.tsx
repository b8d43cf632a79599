import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OutgoingStatus } from '../types';
import { STATUS_COLORS } from '../utils/labels';

export function OutgoingStatusTag({ value }: { value: OutgoingStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[value]} data-testid="outgoing-status-tag" style={{ marginInlineEnd: 0 }}>
      {t(`outgoing.status.${value}`)}
    </Tag>
  );
}
