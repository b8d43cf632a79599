import { Flex, Grid, List, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { formatDate } from '../../../lib/dates';
import { SecrecyTag } from '../../incoming/components/tags';
import type { TaskListItem } from '../types';
import { OverdueText, TaskProgress, TaskStatusTag } from './tags';

export interface Paging {
  current: number;
  pageSize: number;
  total: number;
  onChange: (current: number, pageSize: number) => void;
}

/** "Văn bản đi: 15-KL/TU" — an ad hoc task's reference alone (a pasted conclusion is no "đột xuất" task). */
export function useSourceText() {
  const { t } = useTranslation();
  return (r: Pick<TaskListItem, 'sourceKind' | 'sourceReference'>) =>
    r.sourceKind === 'ad_hoc'
      ? r.sourceReference
      : `${t(`tasks.sourceKind.${r.sourceKind}`)}: ${r.sourceReference}`;
}

/** Due date and, for a standing task, its cadence. */
export function DueCell({ r }: { r: TaskListItem }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={0}>
      <span className="vp-nowrap" data-testid="task-due">
        {formatDate(r.dueOn)}
      </span>
      {r.cadence ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t(`tasks.cadence.${r.cadence}`)}
        </Typography.Text>
      ) : r.deadline && r.deadline !== r.dueOn ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('tasks.list.deadlineWas', { date: formatDate(r.deadline) })}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

function Bodies({ r }: { r: TaskListItem }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={0}>
      <span>{r.lead.name}</span>
      {r.co.length > 0 ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('tasks.fields.co')}: {r.co.map((c) => c.name).join(', ')}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

/** Tasks: a table on wide screens, cards on a phone. */
export function TaskTable({
  items,
  loading,
  paging,
  testId,
  emptyText,
  compact,
}: {
  items: TaskListItem[];
  loading: boolean;
  paging?: Paging;
  testId: string;
  emptyText: string;
  /** Inside a task page (sub-tasks): no source column. */
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const sourceText = useSourceText();
  const pagination = paging
    ? {
        current: paging.current,
        pageSize: paging.pageSize,
        total: paging.total,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100, 200],
        showTotal: (total: number) => t('common.total', { count: total }),
        onChange: paging.onChange,
      }
    : false;

  if (screens.md === false) {
    return (
      <List<TaskListItem>
        className="vp-task-cards"
        dataSource={items}
        loading={loading}
        rowKey="id"
        pagination={
          pagination ? { ...pagination, size: 'small', showSizeChanger: false, simple: true } : false
        }
        data-testid={testId}
        locale={{ emptyText }}
        renderItem={(r) => (
          <List.Item className="vp-task-card" data-testid={`task-row-${r.id}`}>
            <Link to={`/tasks/${r.id}`} className="vp-task-card-link">
              <Flex justify="space-between" gap={8} align="center" wrap>
                <TaskStatusTag value={r.status} label={r.statusLabel} />
                <span className="vp-muted" style={{ fontSize: 13 }}>
                  {t('tasks.fields.dueOn')}: {formatDate(r.dueOn)}
                </span>
              </Flex>
              <div className="vp-task-content">{r.content}</div>
              <div className="vp-muted" style={{ fontSize: 13 }}>
                {r.lead.name}
                {r.sourceReference ? ` · ${r.sourceReference}` : ''}
              </div>
              <Flex gap={8} align="center">
                <div style={{ flex: 1 }}>
                  <TaskProgress percent={r.progress} status={r.status} />
                </div>
                <OverdueText days={r.overdueDays} />
              </Flex>
            </Link>
          </List.Item>
        )}
      />
    );
  }

  const columns: ColumnsType<TaskListItem> = [
    {
      title: t('tasks.fields.content'),
      key: 'content',
      render: (_, r) => (
        <Flex vertical gap={2}>
          <Link
            to={`/tasks/${r.id}`}
            data-testid={`task-link-${r.id}`}
            className="vp-task-content vp-task-title"
          >
            {r.content}
          </Link>
          <Flex gap={6} wrap align="center">
            <SecrecyTag value={r.secrecy} />
            {!compact && r.sourceReference ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {sourceText(r)}
              </Typography.Text>
            ) : null}
            {r.subtaskCount > 0 ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('tasks.list.subtasks', { count: r.subtaskCount })}
              </Typography.Text>
            ) : null}
          </Flex>
        </Flex>
      ),
    },
    {
      title: t('tasks.fields.lead'),
      key: 'lead',
      width: compact ? 130 : 190,
      render: (_, r) => <Bodies r={r} />,
    },
    ...(compact
      ? []
      : [
          {
            title: t('tasks.fields.assigner'),
            key: 'assigner',
            width: 140,
            render: (_: unknown, r: TaskListItem) => r.assigner.name,
          },
        ]),
    {
      title: t('tasks.fields.dueOn'),
      key: 'due',
      width: compact ? 105 : 120,
      render: (_, r) => <DueCell r={r} />,
    },
    {
      title: t('tasks.fields.status'),
      key: 'status',
      width: 165,
      render: (_, r) => (
        <Flex vertical gap={2} align="flex-start">
          <TaskStatusTag value={r.status} label={r.statusLabel} />
          <OverdueText days={r.overdueDays} />
          {/* In a task page (sub-tasks) the progress goes under the status: the card is narrow. */}
          {compact ? (
            <div style={{ width: 140 }}>
              <TaskProgress percent={r.progress} status={r.status} />
            </div>
          ) : null}
        </Flex>
      ),
    },
    ...(compact
      ? []
      : [
          {
            title: t('tasks.fields.progress'),
            key: 'progress',
            width: 120,
            render: (_: unknown, r: TaskListItem) => <TaskProgress percent={r.progress} status={r.status} />,
          },
        ]),
  ];

  return (
    <Table<TaskListItem>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={items}
      loading={loading}
      scroll={{ x: compact ? 560 : 900 }}
      pagination={pagination}
      locale={{ emptyText }}
      rowClassName={(r) => (r.status === 'overdue' ? 'vp-task-row-overdue' : '')}
      onRow={(r) =>
        ({
          'data-testid': `task-row-${r.id}`,
          onClick: (e) => {
            if ((e.target as HTMLElement).closest('a,button')) {
              return;
            }
            navigate(`/tasks/${r.id}`);
          },
        }) as HTMLAttributes<HTMLElement>
      }
      data-testid={testId}
    />
  );
}
