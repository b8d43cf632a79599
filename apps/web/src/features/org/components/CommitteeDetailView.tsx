import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Skeleton, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ActiveTag } from '../../../components/ActiveTag';
import { QueryError } from '../../../components/QueryError';
import { allowed, useHasPermission } from '../../../lib/auth';
import { toRoman } from '../../../lib/roman';
import type { Agency, Term } from '../../../types/api';
import { useCommittee } from '../api/get-committee';
import { useCommittees } from '../api/get-committees';
import { AgenciesTable } from './AgenciesPanel';
import { TermsTable } from './TermsTable';
import { AgencyFormModal } from './AgencyFormModal';
import { CommitteeFormDrawer } from './CommitteeFormDrawer';
import { TermFormModal } from './TermFormModal';

/** A committee: its particulars, terms and agencies, with the edit buttons its abilities allow. */
export function CommitteeDetailView({ id, compact = false }: { id: number; compact?: boolean }) {
  const { t } = useTranslation();
  const canManage = useHasPermission('org.manage');
  const detail = useCommittee(id);
  const committees = useCommittees(true);
  const [editCommittee, setEditCommittee] = useState(false);
  const [term, setTerm] = useState<Term | 'new' | null>(null);
  const [agency, setAgency] = useState<Agency | 'new' | null>(null);
  const committeeName = useMemo(
    () => new Map((committees.data?.items ?? []).map((c) => [c.id, c.name])),
    [committees.data],
  );

  if (detail.isPending) {
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  }
  if (detail.error) {return <QueryError error={detail.error} onRetry={() => void detail.refetch()} />;}

  const { committee, terms, agencies } = detail.data;
  const canEdit = allowed(committee.abilities, 'update', canManage);
  const canAddTerm = allowed(committee.abilities, 'createTerm', canManage);
  const canAddAgency = allowed(committee.abilities, 'createAgency', canManage);
  const current = terms.find((x) => x.current);

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Flex align="center" gap={8} wrap style={{ minWidth: 0 }}>
            <span className="vp-wrap-title" data-testid="committee-title">
              {committee.name}
            </span>
            <Tag color="geekblue">{committee.levelName}</Tag>
            {committee.active ? null : <ActiveTag active={false} />}
          </Flex>
        }
        extra={
          <Space wrap>
            {compact ? (
              <Link to={`/directory/committees/${committee.id}`}>{t('org.committee.openPage')}</Link>
            ) : null}
            {canEdit ? (
              <Button
                icon={<EditOutlined />}
                onClick={() => setEditCommittee(true)}
                data-testid="committee-edit"
              >
                {t('common.edit')}
              </Button>
            ) : null}
          </Space>
        }
      >
        <Descriptions
          column={compact ? { xs: 1, sm: 1, md: 2, lg: 1, xl: 1, xxl: 2 } : { xs: 1, sm: 1, md: 2 }}
          size="small"
          colon={false}
          styles={{ label: { minWidth: 170 } }}
        >
          <Descriptions.Item label={t('org.committee.abbreviation')}>
            {committee.abbreviation}
          </Descriptions.Item>
          <Descriptions.Item label={t('org.committee.placeName')}>
            {committee.placeName || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('org.committee.superiorLine')}>
            {committee.superiorLine || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('org.committee.parent')}>
            {committee.parentId ? (
              <Link to={`/directory/committees/${committee.parentId}`}>
                {committeeName.get(committee.parentId) ?? `#${committee.parentId}`}
              </Link>
            ) : (
              '—'
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('org.committee.numberingRule')}>
            {t(`org.numberingRule.${committee.numberingRule}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('org.term.currentTerm')}>
            {current ? t('org.term.title', { roman: toRoman(current.ordinal) }) : '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Card
        title={t('org.term.sectionTitle')}
        extra={
          canAddTerm ? (
            <Button icon={<PlusOutlined />} onClick={() => setTerm('new')} data-testid="term-create">
              {t('org.term.create')}
            </Button>
          ) : null
        }
        styles={{ body: { padding: 0 } }}
      >
        <TermsTable terms={terms} canManage={canEdit} onEdit={(x) => setTerm(x)} />
      </Card>

      <Card
        title={
          <span>
            {t('org.agency.sectionTitle')}{' '}
            <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
              ({agencies.length})
            </Typography.Text>
          </span>
        }
        extra={
          canAddAgency ? (
            <Button icon={<PlusOutlined />} onClick={() => setAgency('new')} data-testid="agency-create">
              {t('org.agency.create')}
            </Button>
          ) : null
        }
        styles={{ body: { padding: 0 } }}
      >
        <AgenciesTable agencies={agencies} onEdit={(a) => setAgency(a)} />
      </Card>

      <CommitteeFormDrawer
        open={editCommittee}
        committee={committee}
        onClose={() => setEditCommittee(false)}
      />
      <TermFormModal
        open={term !== null}
        committeeId={committee.id}
        term={term === 'new' ? null : term}
        nextOrdinal={Math.max(0, ...terms.map((x) => x.ordinal)) + 1}
        onClose={() => setTerm(null)}
      />
      <AgencyFormModal
        open={agency !== null}
        agency={agency === 'new' ? null : agency}
        committeeId={committee.id}
        onClose={() => setAgency(null)}
      />
    </Space>
  );
}
