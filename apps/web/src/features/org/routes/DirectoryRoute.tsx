import { Card, Col, Empty, Row, Skeleton, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useMe } from '../../../lib/auth';
import { useCommittees } from '../api/get-committees';
import { AgenciesPanel } from '../components/AgenciesPanel';
import { CommitteeDetailView } from '../components/CommitteeDetailView';
import { CommitteeTree } from '../components/CommitteeTree';
import { PeoplePanel } from '../components/PeoplePanel';

const TABS = ['committees', 'agencies', 'people'] as const;

/** Danh bạ tổ chức (org.view): committees tree, agencies, people — editable only with org.manage. */
export function DirectoryRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as string)
    : 'committees';
  const committees = useCommittees(false);
  const [selected, setSelected] = useState<number | null>(null);

  useEffect(() => {
    if (selected === null && committees.data?.items.length) {
      const items = committees.data.items;
      const preferred =
        items.find((c) => c.id === me?.scopeCommitteeId) ??
        items.find((c) => c.parentId === null) ??
        items[0];
      if (preferred) {setSelected(preferred.id);}
    }
  }, [committees.data, selected, me?.scopeCommitteeId]);

  const committeesTab = committees.isPending ? (
    <Card>
      <Skeleton active />
    </Card>
  ) : committees.error ? (
    <QueryError error={committees.error} onRetry={() => void committees.refetch()} />
  ) : (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={9} xl={8}>
        <Card title={t('org.committee.treeTitle')} size="small" className="vp-tree-card">
          <CommitteeTree committees={committees.data.items} selectedId={selected} onSelect={setSelected} />
        </Card>
      </Col>
      <Col xs={24} lg={15} xl={16}>
        {selected !== null ? (
          <CommitteeDetailView id={selected} compact />
        ) : (
          <Empty description={t('org.committee.selectHint')} />
        )}
      </Col>
    </Row>
  );

  return (
    <div>
      <PageHeader title={t('org.directory.title')} subtitle={t('org.directory.subtitle')} />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'committees' ? {} : { tab: k }, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'committees', label: t('org.tabs.committees'), children: committeesTab },
          { key: 'agencies', label: t('org.tabs.agencies'), children: <AgenciesPanel /> },
          { key: 'people', label: t('org.tabs.people'), children: <PeoplePanel /> },
        ]}
      />
    </div>
  );
}
