import { InboxOutlined, WarningOutlined } from '@ant-design/icons';
import { Col } from 'antd';
import { useTranslation } from 'react-i18next';
import { useHasPermission } from '../../../lib/auth';
import { StatCard } from '../../home/components/StatCard';
import { useIncomingList } from '../api/get-incoming-list';

/** Home page cards: what waits for me, and how much of it is overdue (incoming.direct / incoming.handle). */
export function InboxCards() {
  const { t } = useTranslation();
  const canDirect = useHasPermission('incoming.direct');
  const canHandle = useHasPermission('incoming.handle');
  const enabled = canDirect || canHandle;
  const waiting = useIncomingList({ inbox: 'mine', limit: 1, offset: 0 }, { enabled });
  const overdue = useIncomingList({ inbox: 'mine', overdue: true, limit: 1, offset: 0 }, { enabled });
  if (!enabled || !waiting.data) {
    return null;
  }
  return (
    <>
      <Col xs={12} sm={12} lg={8} xl={6}>
        <StatCard
          title={t('incoming.home.waiting')}
          value={waiting.data.total}
          icon={<InboxOutlined />}
          to="/incoming/inbox"
          tone="warning"
          testId="home-count-incomingInbox"
        />
      </Col>
      <Col xs={12} sm={12} lg={8} xl={6}>
        <StatCard
          title={t('incoming.home.overdue')}
          value={overdue.data?.total ?? 0}
          icon={<WarningOutlined />}
          to="/incoming/inbox"
          tone="danger"
          testId="home-count-incomingOverdue"
        />
      </Col>
    </>
  );
}
