import {
  ArrowLeftOutlined,
  CheckCircleOutlined,
  DownloadOutlined,
  EyeOutlined,
  FileTextOutlined,
  OrderedListOutlined,
  PaperClipOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Flex,
  Input,
  List,
  Radio,
  Row,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ClearanceTag } from '../../../components/ClearanceTag';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { isApiError } from '../../../lib/api';
import { DATE_FORMAT, formatDate, parseIsoDate, toIsoDate, type Dayjs } from '../../../lib/dates';
import { errorMessage } from '../../../lib/errors';
import { uploadFile } from '../../incoming/api/upload-file';
import { BodySelect } from '../../tasks/components/BodySelect';
import { bodyKeyOf, parseBodyKey } from '../../tasks/utils/labels';
import type { Meeting, Secrecy } from '../../schedule/types';
import { isoWeekOfDate, timeRange, vnDate } from '../../schedule/utils/week';
import {
  useAddPaper,
  useAttendance,
  useConclusionOutgoing,
  useConclusionTaskDraft,
  useConclusionTasks,
  useDraftMinutes,
  useMarkHeld,
  useMeeting,
  useSaveMinutes,
} from '../api/meetings';
import { MEETING_STATUS_COLORS, SECRECY_LEVELS } from '../utils/labels';

/** Trang hội nghị: agenda, attendance, papers, minutes, held, conclusions → notice draft and tasks. */
export function MeetingRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const q = useMeeting(id);
  const { modal, message } = App.useApp();
  const held = useMarkHeld(id);
  if (q.isError) {
    return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  }
  if (!q.data) {
    return <Skeleton active />;
  }
  const m = q.data;
  const day = vnDate(m.startsAt);
  return (
    <>
      <PageHeader
        title={m.title}
        subtitle={
          <Space wrap size={4}>
            <Tag color="purple">{t(`meetings.kinds.${m.kind}`)}</Tag>
            <Tag color={MEETING_STATUS_COLORS[m.status]} data-testid="meeting-status">
              {t(`meetings.status.${m.status}`)}
            </Tag>
          </Space>
        }
        extra={
          <>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/schedule?week=${isoWeekOfDate(day)}`)}>
              {t('meetings.page.toWeek')}
            </Button>
            {m.abilities.markHeld && m.status === 'planned' ? (
              <Button
                type="primary"
                icon={<CheckCircleOutlined />}
                loading={held.isPending}
                data-testid="meeting-held"
                onClick={() =>
                  modal.confirm({
                    title: t('meetings.page.heldConfirm'),
                    content: t('meetings.page.heldText'),
                    okText: t('meetings.page.markHeld'),
                    onOk: () =>
                      held
                        .mutateAsync(m.version)
                        .then(() => void message.success(t('meetings.page.heldDone')))
                        .catch((e: unknown) => void message.error(errorMessage(e))),
                  })
                }
              >
                {t('meetings.page.markHeld')}
              </Button>
            ) : null}
          </>
        }
      />
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('meetings.fields.time')}>
          {formatDate(day)}, {timeRange(m.startsAt, m.endsAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('schedule.fields.place')}>{m.place || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('meetings.fields.chair')}>{m.chair.name}</Descriptions.Item>
      </Descriptions>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('meetings.fields.agenda')} size="small" data-testid="meeting-agenda">
            {m.agenda.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('meetings.page.noAgenda')} />
            ) : (
              <List
                dataSource={m.agenda}
                renderItem={(a) => (
                  <List.Item>
                    <div>
                      <Typography.Text strong>{a.ordinal}. </Typography.Text>
                      {a.content}
                      <div>
                        {a.presenter ? (
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {t('meetings.fields.presenter')}: {a.presenter}{' '}
                          </Typography.Text>
                        ) : null}
                        {a.programmeItemId ? <Tag color="blue">{t('meetings.page.fromProgramme')}</Tag> : null}
                      </div>
                    </div>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Papers meeting={m} />
        </Col>
        <Col xs={24}>
          <Attendance meeting={m} />
        </Col>
        <Col xs={24}>
          <Minutes meeting={m} />
        </Col>
        <Col xs={24}>
          <Conclusions meeting={m} />
        </Col>
      </Row>
    </>
  );
}

function Papers({ meeting: m }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const add = useAddPaper(m.id);
  const [title, setTitle] = useState('');
  const [secrecy, setSecrecy] = useState<Secrecy>('none');
  const [file, setFile] = useState<{ id: number; name: string } | null>(null);
  const [uploading, setUploading] = useState(false);
  const [readers, setReaders] = useState<number[]>([]);
  const attach = () =>
    file &&
    add.mutate(
      { fileId: file.id, title: title.trim() || file.name, secrecy, readerUserIds: readers.length ? readers : null },
      {
        onSuccess: () => {
          void message.success(t('meetings.papers.added'));
          setTitle('');
          setFile(null);
          setSecrecy('none');
          setReaders([]);
        },
        onError: (e) =>
          void message.error(
            isApiError(e) && e.status === 422 ? t('meetings.papers.secretRefused') : errorMessage(e),
          ),
      },
    );
  return (
    <Card title={t('meetings.papers.title')} size="small" data-testid="meeting-papers">
      {m.papers.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('meetings.papers.none')} />
      ) : (
        <List
          dataSource={m.papers}
          renderItem={(p) => (
            <List.Item
              actions={[
                <a key="open" href={p.url} target="_blank" rel="noreferrer" data-testid={`paper-open-${p.id}`}>
                  <EyeOutlined /> {t('meetings.papers.open')}
                </a>,
                <a key="dl" href={`${p.url}?download=1`} data-testid={`paper-download-${p.id}`}>
                  <DownloadOutlined /> {t('meetings.papers.download')}
                </a>,
              ]}
            >
              <List.Item.Meta
                avatar={<PaperClipOutlined />}
                title={
                  <>
                    {p.title} {p.secrecy !== 'none' ? <ClearanceTag value={p.secrecy} /> : null}
                  </>
                }
                description={p.fileName}
              />
            </List.Item>
          )}
        />
      )}
      {m.abilities.addPaper ? (
        <Flex vertical gap={8} style={{ marginTop: 12, paddingTop: 12, borderTop: '1px solid #f0f0f0' }}>
          <Typography.Text strong>{t('meetings.papers.attach')}</Typography.Text>
          <Input placeholder={t('meetings.papers.paperTitle')} value={title} onChange={(e) => setTitle(e.target.value)} data-testid="paper-title" />
          <Flex gap={8} wrap>
            <Select<Secrecy>
              value={secrecy}
              onChange={setSecrecy}
              style={{ width: 160 }}
              data-testid="paper-secrecy"
              options={SECRECY_LEVELS.map((s) => ({ value: s, label: `${t('meetings.papers.secrecy')}: ${t(`clearance.${s}`)}` }))}
            />
            <Select
              mode="multiple"
              allowClear
              style={{ flex: 1, minWidth: 200 }}
              placeholder={t('meetings.papers.readersAll')}
              value={readers}
              onChange={setReaders}
              optionFilterProp="label"
              options={m.invitees.map((i) => ({ value: i.userId, label: i.name }))}
              data-testid="paper-readers"
            />
          </Flex>
          <Flex gap={8} wrap align="center">
            <Upload
              showUploadList={false}
              customRequest={({ file: f, onSuccess, onError }) => {
                setUploading(true);
                uploadFile(f as File)
                  .then((r) => {
                    setFile({ id: r.id, name: (f as File).name });
                    onSuccess?.(r);
                  })
                  .catch((e: unknown) => {
                    void message.error(errorMessage(e));
                    onError?.(new Error(errorMessage(e)));
                  })
                  .finally(() => setUploading(false));
              }}
            >
              <Button icon={<UploadOutlined />} loading={uploading} data-testid="paper-upload">
                {t('meetings.papers.choose')}
              </Button>
            </Upload>
            {file ? <Typography.Text>{file.name}</Typography.Text> : null}
            <Button type="primary" disabled={!file} loading={add.isPending} onClick={attach} data-testid="paper-attach">
              {t('meetings.papers.attachOk')}
            </Button>
          </Flex>
          {secrecy !== 'none' ? <Alert type="info" showIcon message={t('meetings.papers.secretNote')} /> : null}
        </Flex>
      ) : null}
    </Card>
  );
}

interface AttendanceRow {
  userId: number;
  name: string;
  attended: boolean | null;
  absenceReason: string;
}

function Attendance({ meeting: m }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useAttendance(m.id);
  const [rows, setRows] = useState<AttendanceRow[]>(m.invitees);
  useEffect(() => setRows(m.invitees), [m.invitees]);
  const editable = m.abilities.recordAttendance;
  const set = (userId: number, patch: Partial<AttendanceRow>) =>
    setRows((rs) => rs.map((r) => (r.userId === userId ? { ...r, ...patch } : r)));
  const missingReason = rows.some((r) => r.attended === false && !r.absenceReason.trim());
  const present = m.invitees.filter((i) => i.attended === true).length;
  return (
    <Card
      title={t('meetings.attendance.title')}
      size="small"
      data-testid="meeting-attendance"
      extra={
        <Typography.Text type="secondary">
          {t('meetings.attendance.summary', { present, total: m.invitees.length })}
        </Typography.Text>
      }
    >
      <Table<AttendanceRow>
        rowKey="userId"
        size="small"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 600 }}
        columns={[
          { title: t('meetings.attendance.name'), dataIndex: 'name' },
          {
            title: t('meetings.attendance.present'),
            width: 220,
            render: (_v, r) =>
              editable ? (
                <Radio.Group
                  value={r.attended}
                  onChange={(e) => set(r.userId, { attended: e.target.value as boolean })}
                  data-testid={`attend-${r.userId}`}
                >
                  <Radio value>{t('meetings.attendance.yes')}</Radio>
                  <Radio value={false}>{t('meetings.attendance.no')}</Radio>
                </Radio.Group>
              ) : r.attended === null ? (
                <Typography.Text type="secondary">{t('meetings.attendance.unknown')}</Typography.Text>
              ) : r.attended ? (
                <Tag color="green">{t('meetings.attendance.yes')}</Tag>
              ) : (
                <Tag color="orange">{t('meetings.attendance.no')}</Tag>
              ),
          },
          {
            title: t('meetings.attendance.reason'),
            render: (_v, r) =>
              editable && r.attended === false ? (
                <Input
                  value={r.absenceReason}
                  status={r.absenceReason.trim() ? undefined : 'error'}
                  placeholder={t('meetings.attendance.reasonHint')}
                  onChange={(e) => set(r.userId, { absenceReason: e.target.value })}
                  data-testid={`absence-${r.userId}`}
                />
              ) : (
                r.absenceReason
              ),
          },
        ]}
      />
      {editable ? (
        <Flex justify="flex-end" style={{ marginTop: 8 }}>
          <Button
            type="primary"
            disabled={missingReason || rows.every((r) => r.attended === null)}
            loading={save.isPending}
            data-testid="attendance-save"
            onClick={() =>
              save.mutate(
                rows.filter((r) => r.attended !== null).map((r) => ({ userId: r.userId, attended: !!r.attended, absenceReason: r.attended ? '' : r.absenceReason })),
                {
                  onSuccess: () => void message.success(t('meetings.attendance.saved')),
                  onError: (e) => void message.error(errorMessage(e)),
                },
              )
            }
          >
            {t('meetings.attendance.save')}
          </Button>
        </Flex>
      ) : null}
    </Card>
  );
}

function Minutes({ meeting: m }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [minutes, setMinutes] = useState(m.minutes);
  const [conclusions, setConclusions] = useState(m.conclusions);
  useEffect(() => {
    setMinutes(m.minutes);
    setConclusions(m.conclusions);
  }, [m.minutes, m.conclusions]);
  const draft = useDraftMinutes(m.id);
  const save = useSaveMinutes(m.id);
  const editable = m.abilities.editMinutes;
  const dirty = minutes !== m.minutes || conclusions !== m.conclusions;
  const fill = () =>
    draft.mutate(undefined, {
      onSuccess: (r) => {
        if (minutes.trim() && minutes !== r.minutes) {
          modal.confirm({
            title: t('meetings.minutes.replaceConfirm'),
            onOk: () => setMinutes(r.minutes),
          });
        } else {
          setMinutes(r.minutes);
        }
      },
      onError: (e) => void message.error(errorMessage(e)),
    });
  if (!editable && !m.minutes && !m.conclusions) {
    return null;
  }
  return (
    <Card
      title={t('meetings.minutes.title')}
      size="small"
      data-testid="meeting-minutes"
      extra={
        editable ? (
          <Button icon={<FileTextOutlined />} onClick={fill} loading={draft.isPending} data-testid="minutes-draft">
            {t('meetings.minutes.draft')}
          </Button>
        ) : null
      }
    >
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Typography.Text strong>{t('meetings.minutes.minutes')}</Typography.Text>
          <Input.TextArea
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
            readOnly={!editable}
            autoSize={{ minRows: 8, maxRows: 24 }}
            data-testid="minutes-text"
            style={{ fontFamily: 'inherit' }}
          />
        </Col>
        <Col xs={24} lg={10}>
          <Typography.Text strong>{t('meetings.minutes.conclusions')}</Typography.Text>
          <Input.TextArea
            value={conclusions}
            onChange={(e) => setConclusions(e.target.value)}
            readOnly={!editable}
            autoSize={{ minRows: 8, maxRows: 24 }}
            placeholder={t('meetings.minutes.conclusionsHint')}
            data-testid="conclusions-text"
          />
        </Col>
      </Row>
      {editable ? (
        <Flex justify="flex-end" style={{ marginTop: 8 }} gap={8}>
          {dirty ? <Typography.Text type="warning">{t('meetings.minutes.unsaved')}</Typography.Text> : null}
          <Button
            type="primary"
            disabled={!dirty}
            loading={save.isPending}
            data-testid="minutes-save"
            onClick={() =>
              save.mutate(
                { version: m.version, minutes, conclusions },
                {
                  onSuccess: () => void message.success(t('meetings.minutes.saved')),
                  onError: (e) =>
                    void message.error(isApiError(e) && e.status === 409 ? t('meetings.minutes.stale') : errorMessage(e)),
                },
              )
            }
          >
            {t('common.save')}
          </Button>
        </Flex>
      ) : null}
    </Card>
  );
}

interface DraftTask {
  key: number;
  content: string;
  lead?: string;
  co: string[];
  deadline: Dayjs | null;
}

function Conclusions({ meeting: m }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const outgoing = useConclusionOutgoing(m.id);
  const taskDraft = useConclusionTaskDraft(m.id);
  const createTasks = useConclusionTasks(m.id);
  const [rows, setRows] = useState<DraftTask[] | null>(null);
  const [createdIds, setCreatedIds] = useState<number[]>([]);
  const taskIds = createdIds.length ? createdIds : m.taskIds;
  const can = m.abilities.draftConclusionDocument || m.abilities.createTasks;
  if (!can && !m.conclusionOutgoingId && m.taskIds.length === 0) {
    return null;
  }
  const set = (key: number, patch: Partial<DraftTask>) =>
    setRows((rs) => (rs ?? []).map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const review = () =>
    taskDraft.mutate(undefined, {
      onSuccess: (d) => {
        setRows(
          d.items.map((i, n) => ({
            key: n,
            content: i.content,
            lead: i.lead ? bodyKeyOf(i.lead) : undefined,
            co: i.co.map(bodyKeyOf),
            deadline: parseIsoDate(i.deadline),
          })),
        );
        if (d.items.length === 0) {
          void message.warning(t('meetings.conclusions.noItems'));
        }
      },
      onError: (e) => void message.error(errorMessage(e)),
    });
  const ready = !!rows && rows.length > 0 && rows.every((r) => r.content.trim() && parseBodyKey(r.lead));
  const create = () =>
    rows &&
    createTasks.mutate(
      rows.map((r) => ({
        content: r.content.trim(),
        lead: parseBodyKey(r.lead)!,
        co: r.co.map((c) => parseBodyKey(c)!).filter(Boolean),
        deadline: r.deadline ? toIsoDate(r.deadline) : null,
      })),
      {
        onSuccess: (r) => {
          setCreatedIds(r.taskIds);
          setRows(null);
          void message.success(t('meetings.conclusions.tasksCreated', { count: r.taskIds.length }));
        },
        onError: (e) => void message.error(errorMessage(e)),
      },
    );
  return (
    <Card title={t('meetings.conclusions.title')} size="small" data-testid="meeting-conclusions">
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        {m.conclusionOutgoingId ? (
          <Link to={`/outgoing/${m.conclusionOutgoingId}`} data-testid="conclusion-outgoing-link">
            <Button icon={<FileTextOutlined />}>{t('meetings.conclusions.openDraft')}</Button>
          </Link>
        ) : m.abilities.draftConclusionDocument ? (
          <Button
            icon={<FileTextOutlined />}
            loading={outgoing.isPending}
            data-testid="conclusion-outgoing"
            onClick={() =>
              outgoing.mutate(undefined, {
                onSuccess: () => void message.success(t('meetings.conclusions.draftCreated')),
                onError: (e) => void message.error(errorMessage(e)),
              })
            }
          >
            {t('meetings.conclusions.createDraft')}
          </Button>
        ) : null}
        {m.abilities.createTasks && !rows && taskIds.length === 0 && m.conclusions.trim() ? (
          <Button icon={<OrderedListOutlined />} loading={taskDraft.isPending} onClick={review} data-testid="conclusion-tasks">
            {t('meetings.conclusions.createTasks')}
          </Button>
        ) : null}
      </Flex>
      {(m.status === 'planned' || !m.conclusions.trim()) && !m.conclusionOutgoingId ? (
        <Typography.Paragraph type="secondary">{t('meetings.conclusions.afterHeld')}</Typography.Paragraph>
      ) : null}
      {rows ? (
        <>
          <Typography.Paragraph>{t('meetings.conclusions.reviewHint')}</Typography.Paragraph>
          <Table<DraftTask>
            rowKey="key"
            size="small"
            pagination={false}
            dataSource={rows}
            scroll={{ x: 900 }}
            data-testid="conclusion-drafts"
            columns={[
              { title: '#', width: 40, render: (_v, _r, n) => n + 1 },
              {
                title: t('meetings.conclusions.content'),
                render: (_v, r) => (
                  <Input.TextArea value={r.content} autoSize={{ minRows: 2, maxRows: 6 }} onChange={(e) => set(r.key, { content: e.target.value })} />
                ),
              },
              {
                title: t('meetings.conclusions.lead'),
                width: 240,
                render: (_v, r) => (
                  <BodySelect
                    value={r.lead}
                    onChange={(v) => set(r.key, { lead: typeof v === 'string' ? v : undefined })}
                    testId={`draft-lead-${r.key}`}
                  />
                ),
              },
              {
                title: t('meetings.conclusions.deadline'),
                width: 160,
                render: (_v, r) => (
                  <DatePicker format={DATE_FORMAT} value={r.deadline} onChange={(d) => set(r.key, { deadline: d })} style={{ width: '100%' }} />
                ),
              },
              {
                title: '',
                width: 60,
                render: (_v, r) => (
                  <Button type="link" danger onClick={() => setRows((rs) => (rs ?? []).filter((x) => x.key !== r.key))}>
                    {t('common.delete')}
                  </Button>
                ),
              },
            ]}
          />
          <Flex justify="flex-end" gap={8} style={{ marginTop: 8 }}>
            <Button onClick={() => setRows(null)}>{t('common.cancel')}</Button>
            <Button type="primary" disabled={!ready} loading={createTasks.isPending} onClick={create} data-testid="conclusion-tasks-create">
              {t('meetings.conclusions.assign', { count: rows.length })}
            </Button>
          </Flex>
        </>
      ) : null}
      {taskIds.length > 0 ? (
        <div data-testid="conclusion-task-links">
          <Typography.Text strong>{t('meetings.conclusions.tasks')}: </Typography.Text>
          {taskIds.map((tid) => (
            <Link key={tid} to={`/tasks/${tid}`} style={{ marginRight: 8 }}>
              #{tid}
            </Link>
          ))}
        </div>
      ) : null}
    </Card>
  );
}
