import { Empty, Flex, Steps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DATE_TIME_SHORT_FORMAT, formatDateTime } from '../../../lib/dates';
import type { OutgoingStep, ReviewStepStatus } from '../types';
import { STEP_COLORS } from '../utils/labels';

const STEP_STATUS: Record<ReviewStepStatus, 'wait' | 'process' | 'finish' | 'error'> = {
  waiting: 'wait',
  pending: 'process',
  approved: 'finish',
  signed: 'finish',
  returned: 'error',
  skipped: 'wait',
};

/** The review circuit (trình duyệt), one block per round: who, what, when, and the comment left. */
export function CircuitSteps({ steps }: { steps: OutgoingStep[] }) {
  const { t } = useTranslation();
  if (steps.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('outgoing.circuit.notStarted')} />;
  }
  const rounds = [...new Set(steps.map((s) => s.round))].sort((a, b) => b - a);
  return (
    <Flex vertical gap={12} data-testid="outgoing-circuit">
      {rounds.map((round) => {
        const list = steps.filter((s) => s.round === round).sort((a, b) => a.ordinal - b.ordinal);
        return (
          <div key={round} data-testid={`outgoing-round-${round}`}>
            {rounds.length > 1 ? (
              <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 6 }}>
                {t('outgoing.circuit.round', { round })}
              </Typography.Text>
            ) : null}
            <Steps
              direction="vertical"
              size="small"
              items={list.map((s) => ({
                status: STEP_STATUS[s.status],
                title: (
                  <Flex gap={6} align="center" wrap>
                    <span>{s.label}</span>
                    <Tag color={STEP_COLORS[s.status]} style={{ marginInlineEnd: 0 }} data-testid={`step-status-${s.id}`}>
                      {t(`outgoing.stepStatus.${s.status}`)}
                    </Tag>
                  </Flex>
                ),
                description: (
                  <div data-testid={`outgoing-step-${s.ordinal}`}>
                    <div>
                      {s.actedBy && s.actedBy !== s.assignee
                        ? t('outgoing.circuit.actedFor', { by: s.actedBy, for: s.assignee })
                        : s.actedBy ?? s.assignee}
                      {s.actedAt ? (
                        <Typography.Text type="secondary">
                          {' '}
                          · {formatDateTime(s.actedAt, DATE_TIME_SHORT_FORMAT)}
                        </Typography.Text>
                      ) : null}
                    </div>
                    {s.comment ? <div className="vp-og-step-comment">{s.comment}</div> : null}
                  </div>
                ),
              }))}
            />
          </div>
        );
      })}
    </Flex>
  );
}
