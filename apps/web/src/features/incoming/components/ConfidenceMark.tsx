import {
  CheckCircleOutlined,
  EditOutlined,
  ExclamationCircleOutlined,
  QuestionCircleOutlined,
} from '@ant-design/icons';
import type { CapturedFields } from '@vanphong/contracts';
import { Tag, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { confidenceLevel, type ConfidenceLevel } from '../utils/captured-values';

const LOOK: Record<ConfidenceLevel, { color: string; icon: ReactNode }> = {
  missing: { color: 'default', icon: <QuestionCircleOutlined /> },
  low: { color: 'orange', icon: <ExclamationCircleOutlined /> },
  medium: { color: 'blue', icon: <CheckCircleOutlined /> },
  high: { color: 'green', icon: <CheckCircleOutlined /> },
};

/**
 * How sure the reading of one field is: read with certainty, fairly sure, to check (below 60 %), not read;
 * "corrected" once the clerk changed it. The tooltip quotes the words of the page it was read from.
 */
export function ConfidenceMark({
  field,
  corrected,
  testId,
}: {
  field: CapturedFields[keyof CapturedFields];
  corrected: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  const level = confidenceLevel(field);
  const percent = Math.round(field.confidence * 100);
  if (corrected) {
    return (
      <Tag icon={<EditOutlined />} className="vp-scan-mark" data-testid={testId} data-level="corrected">
        {t('incoming.scan.mark.corrected')}
      </Tag>
    );
  }
  const look = LOOK[level];
  const tag = (
    <Tag color={look.color} icon={look.icon} className="vp-scan-mark" data-testid={testId} data-level={level}>
      {t(`incoming.scan.mark.${level}`, { percent })}
    </Tag>
  );
  return field.source ? (
    <Tooltip title={t('incoming.scan.mark.source', { source: field.source })}>{tag}</Tooltip>
  ) : (
    tag
  );
}
