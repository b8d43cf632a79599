import { EditOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { allowed } from '../lib/auth';
import type { Abilities } from '../types/api';

/**
 * The "Thao tác" column of the admin tables: one edit button per row, shown when the record's
 * `abilities.update` allows it (the server decides; the UI never re-implements the rule).
 */
export function editColumn<T extends { abilities?: Abilities }>({
  t,
  canManage,
  label,
  onEdit,
}: {
  t: TFunction;
  canManage: boolean;
  label: (row: T) => string;
  onEdit: (row: T) => void;
}): ColumnType<T> {
  return {
    title: t('common.actions'),
    key: 'actions',
    width: 90,
    align: 'center',
    render: (_, row) =>
      allowed(row.abilities, 'update', canManage) ? (
        <Tooltip title={t('common.edit')}>
          <Button
            type="text"
            icon={<EditOutlined />}
            aria-label={`${t('common.edit')}: ${label(row)}`}
            onClick={() => onEdit(row)}
          />
        </Tooltip>
      ) : null,
  };
}
