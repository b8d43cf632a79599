import {
  ArrowLeftOutlined,
  CheckOutlined,
  DeleteOutlined,
  PlusOutlined,
  ScissorOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Result,
  Row,
  Select,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PageHeader } from '../../../components/PageHeader';
import { isApiError } from '../../../lib/api';
import { DATE_FORMAT, parseIsoDate, toIsoDate, todayInOffice, type Dayjs } from '../../../lib/dates';
import { fieldMessage } from '../../../lib/errors';
import { useConclusionDraft, useCreateTaskBatch } from '../api/tasks';
import { BodySelect } from '../components/BodySelect';
import type { ConclusionDraft, TaskInputBody, TaskSecrecy } from '../types';
import { bodyKeyOf, parseBodyKey } from '../utils/labels';
import '../tasks.css';
import { taskErrorText, taskMessage } from '../utils/errors';

type SourceMode = 'text' | 'outgoing' | 'incoming';

const SECRECY = ['none', 'confidential', 'secret', 'top_secret'] as const;

interface DraftRow {
  label: string;
  content: string;
  paragraph: string;
  lead?: string;
  co?: string[];
  deadline?: Dayjs | null;
  secrecy?: TaskSecrecy;
}

interface ConfirmValues {
  reference: string;
  assigner?: string;
  assignedOn?: Dayjs | null;
  rows: DraftRow[];
}

/**
 * Tạo nhiệm vụ từ kết luận: paste the text (or give the document), the numbered items become draft
 * rows to review — content, lead body, co-bodies, deadline — and all are created together.
 */
export function TaskConclusionRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [mode, setMode] = useState<SourceMode>('text');
  const [text, setText] = useState('');
  const [docId, setDocId] = useState<number | null>(null);
  const [source, setSource] = useState<ConclusionDraft['source'] | null>(null);
  const [created, setCreated] = useState<number | null>(null);
  const draft = useConclusionDraft();
  const batch = useCreateTaskBatch();
  const [form] = Form.useForm<ConfirmValues>();
  /** `body.items.2.lead.committeeId` → the field of row 3; what names no row field stays in the alert. */
  const onBatchError = (e: unknown) => {
    if (!isApiError(e)) {
      return;
    }
    const fields = e.fieldDetails
      .map((d) => ({ m: /items\.(\d+)\.(content|lead|co|deadline|secrecy)/.exec(d.path), d }))
      .filter((x) => x.m)
      .map(({ m, d }) => ({
        name: ['rows', Number(m![1]), m![2] as 'content'] as ['rows', number, 'content'],
        errors: [taskErrorText(e) ?? fieldMessage(e.code, d)],
      }));
    if (fields.length) {
      form.setFields(fields);
      form.scrollToField(fields[0]!.name, { block: 'center' });
    }
  };
  const rows = Form.useWatch('rows', form) as DraftRow[] | undefined;

  const split = () => {
    const body =
      mode === 'text'
        ? { text }
        : mode === 'outgoing'
          ? { outgoingId: docId ?? 0 }
          : { incomingId: docId ?? 0 };
    draft.mutate(body, {
      onSuccess: (d) => {
        setSource(d.source);
        setCreated(null);
        form.setFieldsValue({
          reference: d.source.reference,
          assignedOn: todayInOffice(),
          rows: d.items.map((i) => ({
            label: i.label,
            content: i.content,
            paragraph: i.paragraph,
            lead: i.lead ? bodyKeyOf(i.lead) : undefined,
            co: i.co.map(bodyKeyOf),
            deadline: parseIsoDate(i.deadline),
            // A task is at least as secret as the document it comes from.
            secrecy: d.source.secrecy ?? 'none',
          })),
        });
        if (d.items.length === 0) {
          void message.warning(t('tasks.conclusion.noItems'));
        }
      },
      onError: (e) => void message.error(taskMessage(e)),
    });
  };

  const confirm = (v: ConfirmValues) => {
    const assigner = parseBodyKey(v.assigner);
    const items: TaskInputBody[] = v.rows.map((r) => ({
      content: r.content.trim(),
      source: {
        kind: source?.kind ?? (mode === 'text' ? 'ad_hoc' : mode),
        outgoingId: source?.outgoingId ?? null,
        incomingId: source?.incomingId ?? null,
        reference: (v.reference ?? '').trim(),
        paragraph: r.paragraph,
      },
      ...(assigner ? { assigner } : {}),
      ...(v.assignedOn ? { assignedOn: toIsoDate(v.assignedOn) } : {}),
      lead: parseBodyKey(r.lead)!,
      co: (r.co ?? []).map(parseBodyKey).filter((b) => b !== null),
      deadline: r.deadline ? toIsoDate(r.deadline) : null,
      secrecy: r.secrecy ?? 'none',
    }));
    batch.mutate(items, {
      onSuccess: () => {
        setCreated(items.length);
        form.resetFields();
        setSource(null);
        setText('');
      },
      onError: onBatchError,
    });
  };

  if (created !== null) {
    return (
      <div data-testid="tasks-conclusion-done">
        <Result
          status="success"
          title={t('tasks.conclusion.created', { count: created })}
          extra={[
            <Button
              key="list"
              type="primary"
              onClick={() => navigate('/tasks?box=assigned')}
              data-testid="tasks-conclusion-open-list"
            >
              {t('tasks.conclusion.openList')}
            </Button>,
            <Button key="again" onClick={() => setCreated(null)}>
              {t('tasks.conclusion.again')}
            </Button>,
          ]}
        />
      </div>
    );
  }

  const canSplit = mode === 'text' ? text.trim().length > 0 : !!docId;
  return (
    <div>
      <PageHeader
        title={t('tasks.conclusion.title')}
        subtitle={t('tasks.conclusion.subtitle')}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/tasks')}>
            {t('common.back')}
          </Button>
        }
      />
      <Card size="small" title={t('tasks.conclusion.step1')} style={{ marginBottom: 16 }}>
        <Flex vertical gap={12}>
          <Radio.Group
            value={mode}
            onChange={(e) => setMode(e.target.value as SourceMode)}
            data-testid="tasks-conclusion-mode"
          >
            <Radio value="text">{t('tasks.conclusion.modeText')}</Radio>
            <Radio value="outgoing">{t('tasks.conclusion.modeOutgoing')}</Radio>
            <Radio value="incoming">{t('tasks.conclusion.modeIncoming')}</Radio>
          </Radio.Group>
          {mode === 'text' ? (
            <Input.TextArea
              value={text}
              onChange={(e) => setText(e.target.value)}
              autoSize={{ minRows: 8, maxRows: 24 }}
              placeholder={t('tasks.conclusion.placeholder')}
              data-testid="tasks-conclusion-text"
            />
          ) : (
            <InputNumber
              min={1}
              precision={0}
              value={docId}
              onChange={(v) => setDocId(v)}
              placeholder={t('tasks.conclusion.docId')}
              style={{ width: 220 }}
              data-testid="tasks-conclusion-doc"
            />
          )}
          <div>
            <Button
              type="primary"
              icon={<ScissorOutlined />}
              disabled={!canSplit}
              loading={draft.isPending}
              onClick={split}
              data-testid="tasks-conclusion-split"
            >
              {t('tasks.conclusion.split')}
            </Button>
          </div>
        </Flex>
      </Card>
      {source ? (
        <Form<ConfirmValues>
          form={form}
          layout="vertical"
          onFinish={confirm}
          data-testid="tasks-conclusion-form"
        >
          <Card size="small" title={t('tasks.conclusion.step2')} style={{ marginBottom: 16 }}>
            <Row gutter={16}>
              <Col xs={24} md={10}>
                <Form.Item name="reference" label={t('tasks.fields.reference')}>
                  <Input
                    maxLength={300}
                    placeholder={t('tasks.form.referencePlaceholder')}
                    data-testid="tasks-conclusion-reference"
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item
                  name="assigner"
                  label={t('tasks.fields.assigner')}
                  tooltip={t('tasks.form.assignerHelp')}
                >
                  <BodySelect
                    placeholder={t('tasks.form.assignerDefault')}
                    testId="tasks-conclusion-assigner"
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={6}>
                <Form.Item name="assignedOn" label={t('tasks.fields.assignedOn')}>
                  <DatePicker
                    format={DATE_FORMAT}
                    style={{ width: '100%' }}
                    data-testid="tasks-conclusion-assigned-on"
                  />
                </Form.Item>
              </Col>
            </Row>
          </Card>
          <Form.List name="rows">
            {(fields, { add, remove }) => (
              <>
                {fields.length === 0 ? (
                  <Empty description={t('tasks.conclusion.noItems')} style={{ marginBottom: 16 }} />
                ) : null}
                {fields.map((f, i) => {
                  const row = rows?.[f.name];
                  return (
                    <Card
                      key={f.key}
                      size="small"
                      className="vp-task-drafts"
                      style={{ marginBottom: 12 }}
                      data-testid={`tasks-draft-row-${i}`}
                      title={
                        <Flex gap={8} align="center">
                          <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                            {row?.label || t('tasks.conclusion.newRow')}
                          </Tag>
                          <span>{t('tasks.conclusion.row', { n: i + 1 })}</span>
                        </Flex>
                      }
                      extra={
                        <Button
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          onClick={() => remove(f.name)}
                          data-testid={`tasks-draft-remove-${i}`}
                        >
                          <span className="vp-hide-phone">{t('common.delete')}</span>
                        </Button>
                      }
                    >
                      <Form.Item
                        name={[f.name, 'content']}
                        label={t('tasks.fields.content')}
                        rules={[
                          { required: true, whitespace: true, message: t('tasks.form.contentRequired') },
                        ]}
                      >
                        <Input.TextArea
                          autoSize={{ minRows: 2, maxRows: 8 }}
                          maxLength={4000}
                          data-testid={`tasks-draft-content-${i}`}
                        />
                      </Form.Item>
                      <Row gutter={12}>
                        <Col xs={24} md={7}>
                          <Form.Item
                            name={[f.name, 'lead']}
                            label={t('tasks.fields.lead')}
                            rules={[{ required: true, message: t('tasks.form.leadRequired') }]}
                          >
                            <BodySelect testId={`tasks-draft-lead-${i}`} />
                          </Form.Item>
                        </Col>
                        <Col xs={24} md={7}>
                          <Form.Item name={[f.name, 'co']} label={t('tasks.fields.co')}>
                            <BodySelect
                              multiple
                              exclude={row?.lead ? [row.lead] : []}
                              testId={`tasks-draft-co-${i}`}
                            />
                          </Form.Item>
                        </Col>
                        <Col xs={24} md={5}>
                          <Form.Item
                            name={[f.name, 'deadline']}
                            label={t('tasks.fields.deadline')}
                            rules={[{ required: true, message: t('tasks.form.deadlineRequired') }]}
                          >
                            <DatePicker
                              format={DATE_FORMAT}
                              style={{ width: '100%' }}
                              data-testid={`tasks-draft-deadline-${i}`}
                            />
                          </Form.Item>
                        </Col>
                        <Col xs={24} md={5}>
                          <Form.Item name={[f.name, 'secrecy']} label={t('tasks.fields.secrecy')}>
                            <Select
                              options={SECRECY.map((s, rank) => ({
                                value: s,
                                // Below the source document's secrecy: refused by the server, not offered.
                                disabled: rank < SECRECY.indexOf(source.secrecy ?? 'none'),
                                label:
                                  s === 'top_secret'
                                    ? `${t(`incoming.secrecy.${s}`)} — ${t('tasks.form.topSecretOff')}`
                                    : t(`incoming.secrecy.${s}`),
                              }))}
                              data-testid={`tasks-draft-secrecy-${i}`}
                            />
                          </Form.Item>
                        </Col>
                      </Row>
                      {row?.paragraph ? (
                        <Typography.Paragraph
                          type="secondary"
                          ellipsis={{ rows: 2, expandable: true, symbol: t('tasks.conclusion.more') }}
                          style={{ marginBottom: 0, fontSize: 12 }}
                        >
                          {t('tasks.fields.paragraph')}: {row.paragraph}
                        </Typography.Paragraph>
                      ) : null}
                    </Card>
                  );
                })}
                <Flex gap={12} wrap justify="space-between" align="center" style={{ marginBottom: 24 }}>
                  <Button
                    icon={<PlusOutlined />}
                    onClick={() =>
                      add({
                        label: '',
                        content: '',
                        paragraph: '',
                        co: [],
                        deadline: null,
                        secrecy: source.secrecy ?? 'none',
                      })
                    }
                    data-testid="tasks-draft-add"
                  >
                    {t('tasks.conclusion.addRow')}
                  </Button>
                  <Button
                    type="primary"
                    icon={<CheckOutlined />}
                    // No submit button: Enter in a date or text field must not assign the whole batch.
                    onClick={() => form.submit()}
                    disabled={fields.length === 0}
                    loading={batch.isPending}
                    data-testid="tasks-conclusion-confirm"
                  >
                    {t('tasks.conclusion.confirm', { count: fields.length })}
                  </Button>
                </Flex>
              </>
            )}
          </Form.List>
          {batch.error ? (
            <Alert
              type="error"
              showIcon
              message={taskMessage(batch.error)}
              data-testid="tasks-conclusion-error"
            />
          ) : null}
        </Form>
      ) : null}
    </div>
  );
}
