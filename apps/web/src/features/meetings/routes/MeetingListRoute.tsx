import { Skeleton, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { formatDate } from '../../../lib/dates';
import type { MeetingSummary } from '../../schedule/types';
import { timeRange, vnDate } from '../../schedule/utils/week';
import { useMeetings } from '../api/meetings';
import { MEETING_STATUS_COLORS } from '../utils/labels';

/** Hội nghị: the meetings the user is invited to, organises or manages. */
export function MeetingListRoute() {
  const { t } = useTranslation();
  const q = useMeetings();
  if (q.isError) {
    return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  }
  if (!q.data) {
    return <Skeleton active />;
  }
  return (
    <>
      <PageHeader title={t('meetings.list.title')} subtitle={t('meetings.list.subtitle')} />
      <Table<MeetingSummary>
        rowKey="id"
        dataSource={[...q.data.items].sort((a, b) => b.startsAt.localeCompare(a.startsAt))}
        scroll={{ x: 800 }}
        data-testid="meeting-list"
        columns={[
          {
            title: t('meetings.fields.time'),
            width: 180,
            render: (_v, m) => `${formatDate(vnDate(m.startsAt))} ${timeRange(m.startsAt, m.endsAt)}`,
          },
          { title: t('meetings.fields.title'), render: (_v, m) => <Link to={`/meetings/${m.id}`}>{m.title}</Link> },
          { title: t('meetings.fields.kind'), width: 170, render: (_v, m) => t(`meetings.kinds.${m.kind}`) },
          { title: t('meetings.fields.chair'), width: 180, render: (_v, m) => m.chair.name },
          {
            title: t('common.status'),
            width: 120,
            render: (_v, m) => <Tag color={MEETING_STATUS_COLORS[m.status]}>{t(`meetings.status.${m.status}`)}</Tag>,
          },
        ]}
      />
    </>
  );
}
