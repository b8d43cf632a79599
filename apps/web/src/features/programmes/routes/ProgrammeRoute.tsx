import type { ButtonProps } from 'antd';
import { ArrowLeftOutlined, ExportOutlined, HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  Modal,
  Progress,
  Select,
  Skeleton,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useFormError } from '../../../hooks/use-form-error';
import { isApiError } from '../../../lib/api';
import { dayjs, formatDate, formatDateTime, DATE_FORMAT, type Dayjs } from '../../../lib/dates';
import { errorMessage } from '../../../lib/errors';
import { BodySelect } from '../../tasks/components/BodySelect';
import { parseBodyKey } from '../../tasks/utils/labels';
import type { ItemStatus, Programme, ProgrammeItem } from '../../schedule/types';
import {
  useAddItem,
  useCreateProgramme,
  useMovedTo,
  useMoveItems,
  useProgramme,
  useProgrammeList,
  useUpdateItem,
} from '../api/programmes';
import { ITEM_STATUSES, ITEM_STATUS_COLORS, periodLabel, shownMonth } from '../utils/labels';
import '../programmes.css';

/** One programme: its items with status, progress, slipped items, moves into the month, history per item. */
export function ProgrammeRoute() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const q = useProgramme(id);
  const navigate = useNavigate();
  const [adding, setAdding] = useState(false);
  const [statusOf, setStatusOf] = useState<ProgrammeItem | null>(null);
  const [historyOf, setHistoryOf] = useState<ProgrammeItem | null>(null);
  const [selected, setSelected] = useState<number[]>([]);
  const [moving, setMoving] = useState(false);
  const movedTo = useMovedTo(q.data);

  if (q.isError) {
    return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  }
  if (!q.data) {
    return <Skeleton active />;
  }
  const p = q.data;
  const wide = p.period !== 'month';
  const canMove = wide && p.abilities.moveItems;
  const byId = new Map(p.items.map((i) => [i.id, i]));

  return (
    <>
      <PageHeader
        title={p.title || `${t(`programmes.bodies.${p.body}`)} — ${periodLabel(t, p)}`}
        subtitle={`${t(`programmes.bodies.${p.body}`)} · ${periodLabel(t, p)} · ${formatDate(p.startsOn)} – ${formatDate(p.endsOn)}`}
        extra={
          <>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/programmes?year=${p.year}`)}>
              {t('programmes.detail.back')}
            </Button>
            {canMove ? (
              <Button
                icon={<ExportOutlined />}
                disabled={selected.length === 0}
                onClick={() => setMoving(true)}
                data-testid="programme-move"
              >
                {t('programmes.detail.moveToMonth')}
                {selected.length ? ` (${selected.length})` : ''}
              </Button>
            ) : null}
            {p.abilities.addItem ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="item-add">
                {t('programmes.detail.addItem')}
              </Button>
            ) : null}
          </>
        }
      />
      <Flex gap={24} wrap align="center" style={{ marginBottom: 16 }}>
        <div style={{ minWidth: 240, flex: '0 1 360px' }}>
          <Typography.Text type="secondary">{t('programmes.progress')}</Typography.Text>
          <Progress percent={p.progress} data-testid="programme-progress" />
        </div>
        {p.slipped.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            message={t('programmes.detail.slippedAlert', { count: p.slipped.length })}
            data-testid="programme-slipped-alert"
          />
        ) : null}
      </Flex>
      {canMove ? (
        <Typography.Paragraph type="secondary">{t('programmes.detail.moveHint')}</Typography.Paragraph>
      ) : null}
      <Table<ProgrammeItem>
        rowKey="id"
        size="middle"
        dataSource={p.items}
        pagination={false}
        scroll={{ x: 960 }}
        data-testid="programme-items"
        rowClassName={(i) => (i.slipped ? 'vp-item-slipped' : i.status === 'dropped' ? 'vp-item-dropped' : '')}
        rowSelection={
          canMove
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys as number[]),
                getCheckboxProps: (i) => ({ disabled: i.status === 'presented' || i.status === 'dropped' }),
              }
            : undefined
        }
        columns={[
          { title: t('programmes.fields.no'), width: 56, render: (_v, _i, n) => n + 1 },
          {
            title: t('programmes.fields.content'),
            render: (_v, i) => (
              <>
                <div className="vp-item-content">{i.content}</div>
                {i.expectedDocument ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('programmes.fields.expectedDocument')}: {i.expectedDocument}
                  </Typography.Text>
                ) : null}
                <div>
                  {i.fromItemId ? <Tag color="blue">{t('programmes.detail.fromWider')}</Tag> : null}
                  {(movedTo.get(i.id) ?? []).map((m) => (
                    <Tag key={m} color="cyan" data-testid={`item-moved-${i.id}`}>
                      {t('programmes.detail.movedTo', { month: m })}
                    </Tag>
                  ))}
                  {i.carriedFromItemId ? (
                    <Tag color="gold">
                      {t('programmes.detail.carriedFrom', {
                        month: shownMonth(byId.get(i.carriedFromItemId)?.plannedMonth) || `#${i.carriedFromItemId}`,
                      })}
                    </Tag>
                  ) : null}
                  {i.meetingId ? (
                    <Link to={`/meetings/${i.meetingId}`}>
                      <Tag color="purple">{t('programmes.detail.onMeeting')}</Tag>
                    </Link>
                  ) : null}
                </div>
              </>
            ),
          },
          {
            title: t('programmes.fields.planned'),
            width: 100,
            render: (_v, i) => (i.plannedOn ? formatDate(i.plannedOn) : shownMonth(i.plannedMonth) || '—'),
          },
          {
            title: t('programmes.fields.leadPresenter'),
            width: 190,
            render: (_v, i) => (
              <>
                <div>{i.lead?.name ?? '—'}</div>
                {i.presenter && i.presenter !== i.lead?.name ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('programmes.fields.presenter')}: {i.presenter}
                  </Typography.Text>
                ) : null}
              </>
            ),
          },
          {
            title: t('programmes.fields.status'),
            width: 190,
            render: (_v, i) => (
              <>
                <Tag color={ITEM_STATUS_COLORS[i.status]} data-testid={`item-status-${i.id}`}>
                  {t(`programmes.status.${i.status}`)}
                </Tag>
                {i.slipped ? <Tag color="red">{t('programmes.detail.slipped')}</Tag> : null}
                {i.statusReason ? (
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {i.statusReason}
                    </Typography.Text>
                  </div>
                ) : null}
              </>
            ),
          },
          {
            title: '',
            width: 120,
            render: (_v, i) => (
              <Flex vertical gap={2} align="flex-start">
                {p.abilities.editItems && i.status !== 'dropped' ? (
                  <Button size="small" onClick={() => setStatusOf(i)} data-testid={`item-change-${i.id}`}>
                    {t('programmes.detail.changeStatusShort')}
                  </Button>
                ) : null}
                <Button size="small" type="link" icon={<HistoryOutlined />} onClick={() => setHistoryOf(i)} style={{ paddingInline: 0 }}>
                  {t('programmes.detail.history')}
                </Button>
              </Flex>
            ),
          },
        ]}
      />
      {adding ? <AddItemModal programme={p} onClose={() => setAdding(false)} /> : null}
      {statusOf ? <StatusModal programme={p} item={statusOf} onClose={() => setStatusOf(null)} /> : null}
      {moving ? (
        <MoveModal
          programme={p}
          itemIds={selected}
          onClose={(done) => {
            setMoving(false);
            if (done) {
              setSelected([]);
            }
          }}
        />
      ) : null}
      <Modal
        open={!!historyOf}
        title={t('programmes.detail.historyOf')}
        footer={null}
        onCancel={() => setHistoryOf(null)}
        destroyOnHidden
      >
        {historyOf ? (
          <>
            <Typography.Paragraph strong>{historyOf.content}</Typography.Paragraph>
            <Timeline
              items={historyOf.history.map((h) => ({
                children: (
                  <>
                    <div>{h.summary}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(h.at, 'DD/MM/YYYY HH:mm')} · {h.actorName}
                    </Typography.Text>
                  </>
                ),
              }))}
            />
          </>
        ) : null}
      </Modal>
    </>
  );
}

interface ItemValues {
  content: string;
  plannedMonth?: Dayjs | null;
  plannedOn?: Dayjs | null;
  lead?: string;
  presenter?: string;
  expectedDocument?: string;
}

function AddItemModal({ programme, onClose }: { programme: Programme; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ItemValues>();
  const onError = useFormError(form);
  const add = useAddItem();
  const start = dayjs(programme.startsOn);
  const end = dayjs(programme.endsOn);
  const outside = (d: Dayjs) => d.isBefore(start, 'day') || d.isAfter(end, 'day');
  const submit = (v: ItemValues) =>
    add.mutate(
      {
        programmeId: programme.id,
        body: {
          content: v.content,
          plannedMonth: v.plannedMonth ? v.plannedMonth.format('YYYY-MM') : null,
          plannedOn: v.plannedOn ? v.plannedOn.format('YYYY-MM-DD') : null,
          lead: parseBodyKey(v.lead),
          presenter: v.presenter ?? '',
          expectedDocument: v.expectedDocument ?? '',
        },
      },
      {
        onSuccess: () => {
          void message.success(t('programmes.detail.itemAdded'));
          onClose();
        },
        onError,
      },
    );
  return (
    <Modal
      open
      width={640}
      title={t('programmes.detail.addItem')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={add.isPending}
      okButtonProps={{ 'data-testid': 'item-save' } as ButtonProps}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="content" label={t('programmes.fields.content')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="item-content" />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="plannedMonth" label={t('programmes.fields.plannedMonth')} style={{ flex: 1, minWidth: 180 }}>
            <DatePicker
              picker="month"
              format="MM/YYYY"
              disabledDate={(d) => d.endOf('month').isBefore(start) || d.startOf('month').isAfter(end)}
              style={{ width: '100%' }}
              data-testid="item-month"
            />
          </Form.Item>
          <Form.Item name="plannedOn" label={t('programmes.fields.plannedOn')} style={{ flex: 1, minWidth: 180 }}>
            <DatePicker format={DATE_FORMAT} disabledDate={outside} style={{ width: '100%' }} data-testid="item-date" />
          </Form.Item>
        </Flex>
        <Form.Item name="lead" label={t('programmes.fields.lead')}>
          <BodySelect testId="item-lead" />
        </Form.Item>
        <Form.Item name="presenter" label={t('programmes.fields.presenter')}>
          <Input placeholder={t('programmes.detail.presenterHint')} data-testid="item-presenter" />
        </Form.Item>
        <Form.Item name="expectedDocument" label={t('programmes.fields.expectedDocument')}>
          <Input placeholder={t('programmes.detail.documentHint')} data-testid="item-document" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface StatusValues {
  status: ItemStatus;
  reason?: string;
  postponedTo?: Dayjs | null;
}

function StatusModal({ programme, item, onClose }: { programme: Programme; item: ProgrammeItem; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<StatusValues>();
  const onError = useFormError(form);
  const update = useUpdateItem();
  const status = Form.useWatch('status', form);
  const needsReason = status === 'postponed' || status === 'dropped';
  const submit = (v: StatusValues) =>
    update.mutate(
      {
        programmeId: programme.id,
        itemId: item.id,
        body: {
          version: item.version,
          status: v.status,
          reason: v.reason ?? '',
          ...(v.status === 'postponed' ? { postponedTo: v.postponedTo ? v.postponedTo.format('YYYY-MM') : null } : {}),
        },
      },
      {
        onSuccess: () => {
          void message.success(t('programmes.detail.statusSaved'));
          onClose();
        },
        onError: (e) => {
          if (isApiError(e) && e.status === 409) {
            void message.error(t('programmes.detail.stale'));
            return;
          }
          onError(e);
        },
      },
    );
  return (
    <Modal
      open
      title={t('programmes.detail.changeStatus')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={update.isPending}
      okButtonProps={{ 'data-testid': 'status-save' } as ButtonProps}
      destroyOnHidden
    >
      <Typography.Paragraph>{item.content}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ status: item.status }} onFinish={submit}>
        <Form.Item name="status" label={t('programmes.fields.status')} rules={[{ required: true }]}>
          <Select
            data-testid="status-select"
            options={ITEM_STATUSES.map((s) => ({ value: s, label: t(`programmes.status.${s}`) }))}
          />
        </Form.Item>
        {status === 'postponed' ? (
          <Form.Item name="postponedTo" label={t('programmes.fields.postponedTo')} extra={t('programmes.detail.postponedHint')}>
            <DatePicker picker="month" format="MM/YYYY" style={{ width: '100%' }} data-testid="status-postponed-to" />
          </Form.Item>
        ) : null}
        <Form.Item
          name="reason"
          label={needsReason ? t('programmes.fields.reason') : t('programmes.fields.note')}
          rules={needsReason ? [{ required: true, whitespace: true, message: t('programmes.detail.reasonRequired') }] : []}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} data-testid="status-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Takes the chosen items of a wider programme into the month's programme (created when missing). */
function MoveModal({ programme, itemIds, onClose }: { programme: Programme; itemIds: number[]; onClose: (done: boolean) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const months = useProgrammeList({ body: programme.body, year: programme.year, period: 'month' });
  const firstMonth = useMemo(() => {
    const planned = programme.items.find((i) => i.id === itemIds[0])?.plannedMonth;
    return planned ? Number(planned.slice(5, 7)) : Number(programme.startsOn.slice(5, 7));
  }, [programme, itemIds]);
  const [month, setMonth] = useState<number>(firstMonth);
  const create = useCreateProgramme();
  const move = useMoveItems();
  const existing = months.data?.items.find((m) => m.committeeId === programme.committeeId && m.index === month);
  const from = Number(programme.startsOn.slice(5, 7));
  const to = Number(programme.endsOn.slice(5, 7));
  const run = async () => {
    try {
      const targetId =
        existing?.id ??
        (
          await create.mutateAsync({
            committeeId: programme.committeeId,
            body: programme.body,
            period: 'month',
            year: programme.year,
            index: month,
          })
        ).id;
      await move.mutateAsync({ programmeId: targetId, itemIds });
      void message.success(t('programmes.detail.moved', { count: itemIds.length }));
      onClose(true);
      navigate(`/programmes/${targetId}`);
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };
  return (
    <Modal
      open
      title={t('programmes.detail.moveToMonth')}
      onCancel={() => onClose(false)}
      onOk={() => void run()}
      okText={t('programmes.detail.moveOk')}
      confirmLoading={create.isPending || move.isPending}
      okButtonProps={{ 'data-testid': 'move-ok' } as ButtonProps}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('programmes.detail.moveText', { count: itemIds.length })}</Typography.Paragraph>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('programmes.fields.month')}>
          <Select
            value={month}
            onChange={setMonth}
            style={{ width: 200 }}
            data-testid="move-month"
            options={Array.from({ length: to - from + 1 }, (_, k) => from + k).map((m) => ({
              value: m,
              label: t('programmes.periodLabel.month', { month: String(m).padStart(2, '0'), year: programme.year }),
            }))}
          />
        </Descriptions.Item>
      </Descriptions>
      <Typography.Text type="secondary">
        {existing ? t('programmes.detail.moveExisting') : t('programmes.detail.moveCreate')}
      </Typography.Text>
    </Modal>
  );
}
