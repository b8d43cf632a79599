import {
  ArrowLeftOutlined,
  CheckCircleOutlined,
  ClockCircleOutlined,
  EditOutlined,
  PaperClipOutlined,
  PartitionOutlined,
  RiseOutlined,
} from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  List,
  Result,
  Row,
  Skeleton,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { isApiError } from '../../../lib/api';
import { allowed } from '../../../lib/auth';
import { DATE_TIME_SHORT_FORMAT, formatDate, formatDateTime } from '../../../lib/dates';
import { SecrecyTag } from '../../incoming/components/tags';
import { useTask } from '../api/tasks';
import { OverdueText, TaskProgress, TaskStatusTag } from '../components/tags';
import { EditModal } from '../components/EditModal';
import { DecisionModal, EvaluationModal, ExtensionModal, ProgressModal } from '../components/ProgressModals';
import { SplitModal } from '../components/SplitModal';
import { TaskTable } from '../components/TaskTable';
import type { TaskDetail, TaskExtension } from '../types';
import { TASK_STATUSES } from '../utils/labels';
import '../tasks.css';

/** The server's abilities (tasks.policies.ts): edit, createSubtask, reportProgress, attachFiles, requestExtension, decideExtension, evaluate. */
const can = (task: TaskDetail, name: string) => allowed(task.abilities, name);

const EXT_COLORS = { pending: 'processing', granted: 'success', refused: 'error' } as const;

function SourceText({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const s = task.source;
  const label = s.reference || (s.outgoingId || s.incomingId ? t('tasks.detail.openDocument') : '');
  const link = s.outgoingId ? `/outgoing/${s.outgoingId}` : s.incomingId ? `/incoming/${s.incomingId}` : null;
  return (
    <Flex vertical gap={4}>
      <span>
        {s.kind === 'ad_hoc' && label ? null : (
          <Typography.Text type="secondary">{t(`tasks.sourceKind.${s.kind}`)}</Typography.Text>
        )}
        {label && s.kind !== 'ad_hoc' ? ' · ' : ''}
        {link ? (
          <Link to={link} data-testid="task-source-link">
            {label}
          </Link>
        ) : (
          label
        )}
      </span>
      {s.paragraph ? <blockquote className="vp-task-paragraph">{s.paragraph}</blockquote> : null}
    </Flex>
  );
}

function Info({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const wide = { xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 };
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
      data-testid="task-info"
      items={[
        {
          key: 'content',
          label: t('tasks.fields.content'),
          span: wide,
          children: (
            <span className="vp-task-content" data-testid="task-content-text">
              {task.content}
            </span>
          ),
        },
        { key: 'source', label: t('tasks.fields.source'), span: wide, children: <SourceText task={task} /> },
        { key: 'assigner', label: t('tasks.fields.assigner'), children: task.assigner.name },
        { key: 'assignedOn', label: t('tasks.fields.assignedOn'), children: formatDate(task.assignedOn) },
        {
          key: 'lead',
          label: t('tasks.fields.lead'),
          children: <strong data-testid="task-lead">{task.lead.name}</strong>,
        },
        {
          key: 'co',
          label: t('tasks.fields.co'),
          children: task.co.length ? task.co.map((c) => c.name).join('; ') : '—',
        },
        {
          key: 'deadline',
          label: task.cadence ? t('tasks.fields.cadence') : t('tasks.fields.deadline'),
          children: task.cadence ? t(`tasks.cadence.${task.cadence}`) : formatDate(task.deadline),
        },
        {
          key: 'dueOn',
          label: t('tasks.fields.dueOn'),
          children: (
            <Flex gap={8} wrap align="center">
              <span>{formatDate(task.dueOn)}</span>
              <OverdueText days={task.overdueDays} />
            </Flex>
          ),
        },
        {
          key: 'status',
          label: t('tasks.fields.status'),
          children: (
            <Flex gap={8} wrap align="center">
              <TaskStatusTag value={task.status} label={task.statusLabel} />
              {task.state !== 'open' ? (
                <Tag
                  color={task.state === 'closed' ? 'default' : 'gold'}
                  style={{ marginInlineEnd: 0 }}
                  data-testid="task-state"
                >
                  {t(`tasks.state.${task.state}`)}
                </Tag>
              ) : null}
              {task.completedOn ? (
                <Typography.Text type="secondary">
                  {t('tasks.detail.completedOn', { date: formatDate(task.completedOn) })}
                </Typography.Text>
              ) : null}
            </Flex>
          ),
        },
        {
          key: 'progress',
          label: t('tasks.fields.progress'),
          children: <TaskProgress percent={task.progress} status={task.status} />,
        },
        ...(task.expectedProducts
          ? [
              {
                key: 'products',
                label: t('tasks.fields.expectedProducts'),
                span: wide,
                children: <span className="vp-task-content">{task.expectedProducts}</span>,
              },
            ]
          : []),
        ...(task.secrecy !== 'none'
          ? [
              {
                key: 'secrecy',
                label: t('tasks.fields.secrecy'),
                children: <SecrecyTag value={task.secrecy} />,
              },
            ]
          : []),
        ...(task.evaluation
          ? [
              {
                key: 'evaluation',
                label: t('tasks.evaluation.result'),
                span: wide,
                children: (
                  <Flex vertical gap={2} data-testid="task-evaluation">
                    <Tag
                      color={task.evaluation === 'met' ? 'success' : 'error'}
                      style={{ alignSelf: 'flex-start' }}
                    >
                      {t(`tasks.evaluation.${task.evaluation}`)}
                    </Tag>
                    {task.evaluationComment ? <span>{task.evaluationComment}</span> : null}
                  </Flex>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

function Subtasks({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  if (task.subtasks.length === 0) {
    return null;
  }
  return (
    <Card
      size="small"
      title={t('tasks.detail.subtasks', { count: task.subtasks.length })}
      style={{ marginBottom: 16 }}
      data-testid="task-subtasks"
    >
      {task.rollup ? (
        <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }} data-testid="task-rollup">
          <Typography.Text strong>{t('tasks.detail.rollup')}:</Typography.Text>
          <div style={{ width: 160 }}>
            <TaskProgress percent={task.rollup.progress} status={task.status} />
          </div>
          {TASK_STATUSES.filter((s) => (task.rollup?.counts[s] ?? 0) > 0).map((s) => (
            <span key={s}>
              <TaskStatusTag value={s} /> × {task.rollup?.counts[s]}
            </span>
          ))}
        </Flex>
      ) : null}
      <TaskTable items={task.subtasks} loading={false} testId="task-subtasks-table" emptyText="" compact />
    </Card>
  );
}

function ProgressReports({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={t('tasks.detail.progressReports')}
      style={{ marginBottom: 16 }}
      data-testid="task-progress-reports"
    >
      {task.progressReports.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tasks.detail.noReports')} />
      ) : (
        <List
          dataSource={task.progressReports}
          rowKey="id"
          renderItem={(r) => (
            <List.Item>
              <Flex vertical gap={4} style={{ width: '100%' }}>
                <Flex justify="space-between" wrap gap={8}>
                  <Typography.Text strong>
                    {r.reportedBy} · {r.percent}%
                    {r.done ? (
                      <Tag color="success" style={{ marginInlineStart: 8 }}>
                        {t('tasks.detail.reportedDone')}
                      </Tag>
                    ) : null}
                  </Typography.Text>
                  <Typography.Text type="secondary">
                    {formatDateTime(r.at, DATE_TIME_SHORT_FORMAT)}
                  </Typography.Text>
                </Flex>
                <span className="vp-task-content">{r.note}</span>
                {r.files.length ? (
                  <Flex gap={12} wrap>
                    {r.files.map((f) => (
                      <a key={f.id} href={f.url} target="_blank" rel="noreferrer">
                        <PaperClipOutlined /> {f.name}
                      </a>
                    ))}
                  </Flex>
                ) : null}
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

function Extensions({
  task,
  onDecide,
}: {
  task: TaskDetail;
  onDecide: (e: TaskExtension, granted: boolean) => void;
}) {
  const { t } = useTranslation();
  if (task.extensions.length === 0) {
    return null;
  }
  const canDecide = can(task, 'decideExtension');
  return (
    <Card
      size="small"
      title={t('tasks.detail.extensions')}
      style={{ marginBottom: 16 }}
      data-testid="task-extensions"
    >
      <List
        dataSource={task.extensions}
        rowKey="id"
        renderItem={(e) => (
          <List.Item
            actions={
              e.status === 'pending' && canDecide
                ? [
                    <Button
                      key="g"
                      type="primary"
                      size="small"
                      onClick={() => onDecide(e, true)}
                      data-testid={`task-extension-grant-${e.id}`}
                    >
                      {t('tasks.extension.grant')}
                    </Button>,
                    <Button
                      key="r"
                      danger
                      size="small"
                      onClick={() => onDecide(e, false)}
                      data-testid={`task-extension-refuse-${e.id}`}
                    >
                      {t('tasks.extension.refuse')}
                    </Button>,
                  ]
                : []
            }
          >
            <Flex vertical gap={2}>
              <Flex gap={8} wrap align="center">
                <Tag color={EXT_COLORS[e.status]}>{t(`tasks.extension.status.${e.status}`)}</Tag>
                <span>
                  {t('tasks.extension.summary', { date: formatDate(e.requestedDeadline), by: e.requestedBy })}
                </span>
              </Flex>
              <Typography.Text type="secondary">
                {formatDateTime(e.requestedAt, DATE_TIME_SHORT_FORMAT)} — {e.reason}
              </Typography.Text>
              {e.decidedBy ? (
                <Typography.Text type="secondary">
                  {t('tasks.extension.decided', {
                    by: e.decidedBy,
                    at: formatDateTime(e.decidedAt, DATE_TIME_SHORT_FORMAT),
                  })}
                  {e.comment ? `: ${e.comment}` : ''}
                </Typography.Text>
              ) : null}
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}

function History({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('tasks.detail.history')} data-testid="task-history">
      {task.history.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Timeline
          items={[...task.history].reverse().map((e) => ({
            key: e.id,
            children: (
              <Flex vertical gap={0}>
                <span>{e.summary}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(e.at, DATE_TIME_SHORT_FORMAT)} · {e.actorName}
                </Typography.Text>
              </Flex>
            ),
          }))}
        />
      )}
    </Card>
  );
}

type ModalName = 'progress' | 'extension' | 'evaluation' | 'split' | 'edit' | null;

/** Trang nhiệm vụ: everything about one task; each button only when the server's abilities allow it. */
export function TaskDetailRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const params = useParams();
  const id = params.id && /^\d{1,10}$/.test(params.id) ? Number(params.id) : 0;
  const query = useTask(id);
  const [modal, setModal] = useState<ModalName>(null);
  const [decision, setDecision] = useState<{ extension: TaskExtension; granted: boolean } | null>(null);

  if (id === 0 || (query.error && isApiError(query.error) && query.error.status === 404)) {
    return (
      <div data-testid="task-not-found">
        <Result
          status="404"
          title={t('tasks.detail.notFoundTitle')}
          subTitle={t('tasks.detail.notFoundText')}
          extra={
            <Button type="primary" onClick={() => navigate('/tasks')}>
              {t('tasks.detail.backToList')}
            </Button>
          }
        />
      </div>
    );
  }
  if (query.error) {
    return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (query.isPending) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  }
  const task = query.data;
  const actions = [
    can(task, 'reportProgress') ? (
      <Button
        key="progress"
        type="primary"
        icon={<RiseOutlined />}
        onClick={() => setModal('progress')}
        data-testid="task-report"
      >
        {t('tasks.detail.report')}
      </Button>
    ) : null,
    can(task, 'createSubtask') ? (
      <Button
        key="split"
        icon={<PartitionOutlined />}
        onClick={() => setModal('split')}
        data-testid="task-split"
      >
        {t('tasks.detail.split')}
      </Button>
    ) : null,
    can(task, 'requestExtension') ? (
      <Button
        key="ext"
        icon={<ClockCircleOutlined />}
        onClick={() => setModal('extension')}
        data-testid="task-request-extension"
      >
        {t('tasks.detail.requestExtension')}
      </Button>
    ) : null,
    can(task, 'edit') ? (
      <Button key="edit" icon={<EditOutlined />} onClick={() => setModal('edit')} data-testid="task-edit">
        {t('common.edit')}
      </Button>
    ) : null,
    can(task, 'evaluate') ? (
      <Button
        key="eval"
        icon={<CheckCircleOutlined />}
        onClick={() => setModal('evaluation')}
        data-testid="task-evaluate"
      >
        {t('tasks.detail.evaluate')}
      </Button>
    ) : null,
  ].filter(Boolean);

  return (
    <div data-testid="task-detail">
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap>
            <span>{t(task.parentId ? 'tasks.detail.subtaskTitle' : 'tasks.detail.title')}</span>
            <TaskStatusTag value={task.status} label={task.statusLabel} />
          </Flex>
        }
        subtitle={
          task.parentId ? (
            <Link to={`/tasks/${task.parentId}`} data-testid="task-parent-link">
              {t('tasks.detail.parent')}
            </Link>
          ) : (
            `${task.assigner.name} → ${task.lead.name}`
          )
        }
        extra={
          <>
            {actions}
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
              {t('common.back')}
            </Button>
          </>
        }
      />
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Info task={task} />
          </Card>
          <Subtasks task={task} />
          <Extensions task={task} onDecide={(extension, granted) => setDecision({ extension, granted })} />
          <ProgressReports task={task} />
        </Col>
        <Col xs={24} xl={8}>
          <History task={task} />
        </Col>
      </Row>
      <ProgressModal task={task} open={modal === 'progress'} onClose={() => setModal(null)} />
      <ExtensionModal task={task} open={modal === 'extension'} onClose={() => setModal(null)} />
      <EvaluationModal task={task} open={modal === 'evaluation'} onClose={() => setModal(null)} />
      <SplitModal task={task} open={modal === 'split'} onClose={() => setModal(null)} />
      <EditModal task={task} open={modal === 'edit'} onClose={() => setModal(null)} />
      <DecisionModal
        task={task}
        extension={decision?.extension ?? null}
        granted={decision?.granted ?? true}
        onClose={() => setDecision(null)}
      />
    </div>
  );
}
