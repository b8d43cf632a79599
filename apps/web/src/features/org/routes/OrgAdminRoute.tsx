import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../../components/PageHeader';
import { AgenciesPanel } from '../components/AgenciesPanel';
import { CommitteesTreeTable } from '../components/CommitteesTreeTable';
import { PeoplePanel } from '../components/PeoplePanel';
import { PositionsPanel } from '../components/PositionsPanel';

const TABS = ['committees', 'agencies', 'people', 'positions'] as const;

/** Quản trị › Tổ chức (org.manage): committees, agencies, people and positions. */
export function OrgAdminRoute() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as string)
    : 'committees';
  return (
    <div>
      <PageHeader title={t('org.admin.title')} subtitle={t('org.admin.subtitle')} />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'committees' ? {} : { tab: k }, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'committees', label: t('org.tabs.committees'), children: <CommitteesTreeTable /> },
          { key: 'agencies', label: t('org.tabs.agencies'), children: <AgenciesPanel /> },
          { key: 'people', label: t('org.tabs.people'), children: <PeoplePanel /> },
          { key: 'positions', label: t('org.tabs.positions'), children: <PositionsPanel /> },
        ]}
      />
    </div>
  );
}
