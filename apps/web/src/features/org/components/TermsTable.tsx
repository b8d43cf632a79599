import { EditOutlined } from '@ant-design/icons';
import { Button, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { allowed } from '../../../lib/auth';
import { formatDate } from '../../../lib/dates';
import { toRoman } from '../../../lib/roman';
import type { Term } from '../../../types/api';

/** Terms (nhiệm kỳ), newest first: "Nhiệm kỳ XVII", dates dd/mm/yyyy, the current one tagged. */
export function TermsTable({
  terms,
  canManage,
  onEdit,
}: {
  terms: Term[];
  canManage: boolean;
  onEdit?: (term: Term) => void;
}) {
  const { t } = useTranslation();
  const columns: ColumnsType<Term> = [
    {
      title: t('org.term.term'),
      key: 'term',
      render: (_, term) => (
        <div>
          <Typography.Text strong>{t('org.term.title', { roman: toRoman(term.ordinal) })}</Typography.Text>{' '}
          {term.current ? (
            <Tag color="red" data-testid="term-current">
              {t('org.term.current')}
            </Tag>
          ) : null}
          {term.label ? (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {term.label}
            </Typography.Text>
          ) : null}
        </div>
      ),
    },
    {
      title: t('org.term.congressClosedOn'),
      dataIndex: 'congressClosedOn',
      responsive: ['md'],
      render: (v: string | null) => formatDate(v) || '—',
    },
    { title: t('org.term.startsOn'), dataIndex: 'startsOn', render: (v: string) => formatDate(v) },
    {
      title: t('org.term.endsOn'),
      dataIndex: 'endsOn',
      render: (v: string | null) =>
        formatDate(v) || <Typography.Text type="secondary">{t('org.term.openEnd')}</Typography.Text>,
    },
  ];
  if (onEdit && terms.some((x) => allowed(x.abilities, 'update', canManage))) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      align: 'center',
      render: (_, term) =>
        !allowed(term.abilities, 'update', canManage) ? null : (
          <Tooltip title={t('common.edit')}>
            <Button
              type="text"
              icon={<EditOutlined />}
              aria-label={`${t('common.edit')}: ${t('org.term.title', { roman: toRoman(term.ordinal) })}`}
              onClick={() => onEdit(term)}
            />
          </Tooltip>
        ),
    });
  }
  return (
    <Table<Term>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={[...terms].sort((a, b) => b.ordinal - a.ordinal)}
      pagination={false}
      locale={{ emptyText: t('org.term.none') }}
      data-testid="terms-table"
    />
  );
}
