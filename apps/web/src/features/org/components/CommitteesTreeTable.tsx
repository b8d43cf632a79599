import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ActiveTag } from '../../../components/ActiveTag';
import { QueryError } from '../../../components/QueryError';
import { allowed, useHasPermission } from '../../../lib/auth';
import type { Committee } from '../../../types/api';
import { useCommittees } from '../api/get-committees';
import { buildCommitteeTree, type CommitteeNode } from '../utils/tree';
import { CommitteeFormDrawer } from './CommitteeFormDrawer';

interface Row extends Committee {
  children?: Row[];
}

const toRows = (nodes: CommitteeNode[]): Row[] =>
  nodes.map((n) => ({ ...n.committee, children: n.children.length ? toRows(n.children) : undefined }));

/** The committee tree as a table: levels, abbreviations, place names, superior line, numbering rule, status. */
export function CommitteesTreeTable() {
  const { t } = useTranslation();
  const canManage = useHasPermission('org.manage');
  const [includeInactive, setIncludeInactive] = useState(true);
  const committees = useCommittees(includeInactive);
  const [editing, setEditing] = useState<Committee | 'new' | null>(null);
  const [parentForNew, setParentForNew] = useState<number | null>(null);
  const rows = useMemo(() => toRows(buildCommitteeTree(committees.data?.items ?? [])), [committees.data]);

  const columns: ColumnsType<Row> = [
    {
      title: t('org.committee.name'),
      dataIndex: 'name',
      width: 300,
      render: (v: string, c) => (
        <Link to={`/directory/committees/${c.id}`} className={c.active ? undefined : 'vp-muted'}>
          {v}
        </Link>
      ),
    },
    {
      title: t('org.committee.level'),
      dataIndex: 'levelName',
      width: 220,
      render: (v: string) => <Tag color="geekblue">{v}</Tag>,
    },
    { title: t('org.committee.abbreviation'), dataIndex: 'abbreviation', width: 90 },
    { title: t('org.committee.placeName'), dataIndex: 'placeName', width: 130, responsive: ['lg'] },
    {
      title: t('org.committee.superiorLine'),
      dataIndex: 'superiorLine',
      responsive: ['xxl'],
      render: (v: string) => <Typography.Text style={{ fontSize: 12 }}>{v}</Typography.Text>,
    },
    {
      title: t('org.committee.numberingRule'),
      dataIndex: 'numberingRule',
      width: 170,
      responsive: ['xxl'],
      render: (v: string) => t(`org.numberingRule.${v}`),
    },
    {
      title: t('common.status'),
      dataIndex: 'active',
      width: 140,
      render: (v: boolean) => <ActiveTag active={v} />,
    },
  ];
  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      align: 'center',
      render: (_, c) => (
        <Flex gap={2} justify="center">
          {allowed(c.abilities, 'update', canManage) ? (
            <Tooltip title={t('common.edit')}>
              <Button
                type="text"
                icon={<EditOutlined />}
                aria-label={`${t('common.edit')}: ${c.name}`}
                onClick={() => setEditing(c)}
              />
            </Tooltip>
          ) : null}
          {allowed(c.abilities, 'createChild', canManage) ? (
            <Tooltip title={t('org.committee.addChild')}>
              <Button
                type="text"
                icon={<PlusOutlined />}
                aria-label={`${t('org.committee.addChild')}: ${c.name}`}
                onClick={() => {
                  setParentForNew(c.id);
                  setEditing('new');
                }}
              />
            </Tooltip>
          ) : null}
        </Flex>
      ),
    });
  }

  return (
    <div>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <label className="vp-inline-switch">
          <Switch size="small" checked={includeInactive} onChange={setIncludeInactive} />
          <span>{t('org.committee.includeInactive')}</span>
        </label>
        <div style={{ flex: 1 }} />
        {canManage ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              setParentForNew(null);
              setEditing('new');
            }}
            data-testid="committee-create"
          >
            {t('org.committee.create')}
          </Button>
        ) : null}
      </Flex>
      {committees.error ? (
        <QueryError error={committees.error} onRetry={() => void committees.refetch()} />
      ) : (
        <Table<Row>
          key={rows.length ? 'loaded' : 'empty'}
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={committees.isFetching}
          expandable={{ defaultExpandAllRows: true }}
          pagination={false}
          scroll={{ x: 760 }}
          data-testid="committees-table"
        />
      )}
      <CommitteeFormDrawer
        open={editing !== null}
        committee={editing === 'new' ? null : editing}
        defaultParentId={parentForNew}
        onClose={() => setEditing(null)}
      />
    </div>
  );
}
