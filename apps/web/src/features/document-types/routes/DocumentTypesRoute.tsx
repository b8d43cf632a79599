import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Segmented, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { editColumn } from '../../../components/edit-column';
import { ActiveTag } from '../../../components/ActiveTag';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useHasPermission } from '../../../lib/auth';
import { foldText } from '../../../lib/forms';
import type { DocumentFamily, DocumentType } from '../../../types/api';
import { useDocumentTypes } from '../api/get-document-types';
import { DocumentTypeFormModal } from '../components/DocumentTypeFormModal';
import { FamilyTag } from '../components/FamilyTag';

type Filter = 'all' | DocumentFamily;

/** Quản trị › Loại văn bản: Party and State document types (names, abbreviations used in numbering). */
export function DocumentTypesRoute() {
  const { t } = useTranslation();
  const canManage = useHasPermission('settings.manage');
  const [filter, setFilter] = useState<Filter>('all');
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<DocumentType | 'new' | null>(null);
  const types = useDocumentTypes(filter === 'all' ? null : filter);

  const rows = useMemo(() => {
    const needle = foldText(search.trim());
    const items = types.data?.items ?? [];
    return needle ? items.filter((d) => foldText(`${d.name} ${d.abbreviation}`).includes(needle)) : items;
  }, [types.data, search]);

  const columns: ColumnsType<DocumentType> = [
    {
      title: t('documentTypes.name'),
      dataIndex: 'name',
      render: (v: string) => <Typography.Text strong>{v}</Typography.Text>,
    },
    {
      title: t('documentTypes.abbreviation'),
      dataIndex: 'abbreviation',
      width: 140,
      render: (v: string) => (v ? <Typography.Text code>{v}</Typography.Text> : '—'),
    },
    {
      title: t('documentTypes.familyLabel'),
      dataIndex: 'family',
      width: 150,
      render: (v: DocumentFamily) => <FamilyTag family={v} />,
    },
    {
      title: t('common.status'),
      dataIndex: 'active',
      width: 140,
      render: (v: boolean) => <ActiveTag active={v} />,
    },
  ];
  if (canManage) {
    columns.push(editColumn<DocumentType>({ t, canManage, label: (d) => d.name, onEdit: setEditing }));
  }

  return (
    <div>
      <PageHeader
        title={t('documentTypes.title')}
        subtitle={t('documentTypes.subtitle')}
        extra={
          canManage ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing('new')}
              data-testid="document-type-create"
            >
              {t('documentTypes.create')}
            </Button>
          ) : null
        }
      />
      <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
        <Segmented<Filter>
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: t('documentTypes.filter.all') },
            { value: 'party', label: t('documentTypes.family.party') },
            { value: 'state', label: t('documentTypes.family.state') },
          ]}
          data-testid="document-types-filter"
        />
        <Input
          allowClear
          prefix={<SearchOutlined aria-hidden />}
          placeholder={t('documentTypes.searchPlaceholder')}
          aria-label={t('documentTypes.searchPlaceholder')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ maxWidth: 320 }}
        />
      </Flex>
      {types.error ? (
        <QueryError error={types.error} onRetry={() => void types.refetch()} />
      ) : (
        <Table<DocumentType>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={types.isFetching}
          scroll={{ x: 600 }}
          pagination={{
            defaultPageSize: 20,
            showSizeChanger: true,
            showTotal: (n) => t('common.total', { count: n }),
          }}
          data-testid="document-types-table"
        />
      )}
      <DocumentTypeFormModal
        open={editing !== null}
        documentType={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
      />
    </div>
  );
}
