import {
  App,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Row,
  Slider,
  Typography,
  type ButtonProps,
  type UploadFile,
} from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { allowed } from '../../../lib/auth';
import {
  DATE_FORMAT,
  dayjs,
  formatDate,
  parseIsoDate,
  toIsoDate,
  todayInOffice,
  type Dayjs,
} from '../../../lib/dates';
import { useTaskAction } from '../api/tasks';
import type { TaskDetail, TaskEvaluation, TaskExtension } from '../types';
import { FilesInput, uploadedIds, uploading } from './FilesInput';
import { useTaskFormError } from '../utils/errors';

export interface TaskModalProps {
  task: TaskDetail;
  open: boolean;
  onClose: () => void;
}

/** Báo cáo tiến độ: percentage, note, files; "đã hoàn thành" reports completion with its date. */
export function ProgressModal({ task, open, onClose }: TaskModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{
    percent: number;
    note: string;
    files: UploadFile[];
    done: boolean;
    completedOn: Dayjs | null;
  }>();
  const onError = useTaskFormError(form, { fileIds: 'files' });
  const action = useTaskAction();
  const done = Form.useWatch('done', form) as boolean | undefined;
  const files = Form.useWatch('files', form) as UploadFile[] | undefined;
  useEffect(() => {
    if (open) {
      form.setFieldsValue({
        percent: task.progress,
        note: '',
        files: [],
        done: false,
        completedOn: todayInOffice(),
      });
    }
  }, [open, form, task.progress]);
  return (
    <Modal
      open={open}
      title={t('tasks.progress.title')}
      onCancel={onClose}
      okText={t('tasks.progress.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={
        {
          loading: action.isPending,
          disabled: uploading(files),
          'data-testid': 'task-progress-submit',
        } as ButtonProps
      }
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          action.mutate(
            {
              id: task.id,
              step: {
                action: 'progress',
                body: {
                  percent: v.done ? 100 : v.percent,
                  note: v.note.trim(),
                  fileIds: uploadedIds(v.files),
                  done: !!v.done,
                  ...(v.done && v.completedOn ? { completedOn: toIsoDate(v.completedOn) } : {}),
                },
              },
            },
            {
              onSuccess: () => {
                void message.success(t('tasks.progress.saved'));
                onClose();
              },
              onError,
            },
          )
        }
      >
        <Form.Item label={t('tasks.fields.progress')} required>
          <Row gutter={12} align="middle">
            <Col flex="auto">
              <Form.Item name="percent" noStyle>
                <Slider min={0} max={100} step={5} disabled={!!done} />
              </Form.Item>
            </Col>
            <Col>
              <Form.Item name="percent" noStyle>
                <InputNumber
                  min={0}
                  max={100}
                  precision={0}
                  addonAfter="%"
                  disabled={!!done}
                  style={{ width: 110 }}
                  data-testid="task-progress-percent"
                />
              </Form.Item>
            </Col>
          </Row>
        </Form.Item>
        <Form.Item
          name="note"
          label={t('tasks.progress.note')}
          rules={[{ required: true, whitespace: true, message: t('tasks.progress.noteRequired') }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 10 }}
            maxLength={4000}
            data-testid="task-progress-note"
          />
        </Form.Item>
        {allowed(task.abilities, 'attachFiles') ? (
          <Form.Item name="files" label={t('tasks.progress.files')} valuePropName="value">
            <FilesInput />
          </Form.Item>
        ) : task.secrecy !== 'none' ? (
          <Typography.Paragraph type="secondary">{t('tasks.progress.noFilesSecret')}</Typography.Paragraph>
        ) : null}
        <Form.Item name="done" valuePropName="checked" style={{ marginBottom: done ? 8 : 0 }}>
          <Checkbox data-testid="task-progress-done">{t('tasks.progress.done')}</Checkbox>
        </Form.Item>
        {done ? (
          <Form.Item name="completedOn" label={t('tasks.progress.completedOn')}>
            <DatePicker
              format={DATE_FORMAT}
              style={{ width: '100%' }}
              disabledDate={(d) => d.isAfter(todayInOffice(), 'day')}
            />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

/** Xin gia hạn: a new deadline with the reason. */
export function ExtensionModal({ task, open, onClose }: TaskModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ requestedDeadline: Dayjs | null; reason: string }>();
  const onError = useTaskFormError(form);
  const action = useTaskAction();
  return (
    <Modal
      open={open}
      title={t('tasks.extension.title')}
      onCancel={onClose}
      okText={t('tasks.extension.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: action.isPending, 'data-testid': 'task-extension-submit' } as ButtonProps}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('tasks.extension.current', { date: formatDate(task.dueOn) })}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(v) =>
          action.mutate(
            {
              id: task.id,
              step: {
                action: 'extensions',
                body: { requestedDeadline: toIsoDate(v.requestedDeadline as Dayjs), reason: v.reason.trim() },
              },
            },
            {
              onSuccess: () => {
                void message.success(t('tasks.extension.sent'));
                onClose();
              },
              onError,
            },
          )
        }
      >
        <Form.Item
          name="requestedDeadline"
          label={t('tasks.extension.requestedDeadline')}
          rules={[{ required: true, message: t('tasks.form.deadlineRequired') }]}
        >
          <DatePicker
            format={DATE_FORMAT}
            style={{ width: '100%' }}
            disabledDate={(d) => !d.isAfter(parseIsoDate(task.dueOn) ?? dayjs(), 'day')}
            data-testid="task-extension-date"
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('tasks.extension.reason')}
          rules={[{ required: true, whitespace: true, message: t('tasks.extension.reasonRequired') }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={2000}
            data-testid="task-extension-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Đồng ý / Không đồng ý gia hạn, with a comment. */
export function DecisionModal({
  task,
  extension,
  granted,
  onClose,
}: {
  task: TaskDetail;
  extension: TaskExtension | null;
  granted: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ comment: string }>();
  const onError = useTaskFormError(form);
  const action = useTaskAction();
  return (
    <Modal
      open={!!extension}
      title={t(granted ? 'tasks.extension.grantTitle' : 'tasks.extension.refuseTitle')}
      onCancel={onClose}
      okText={t(granted ? 'tasks.extension.grant' : 'tasks.extension.refuse')}
      okButtonProps={
        { danger: !granted, loading: action.isPending, 'data-testid': 'task-decision-submit' } as ButtonProps
      }
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {extension ? (
        <Typography.Paragraph>
          {t('tasks.extension.summary', {
            date: formatDate(extension.requestedDeadline),
            by: extension.requestedBy,
          })}
          <br />
          <Typography.Text type="secondary">{extension.reason}</Typography.Text>
        </Typography.Paragraph>
      ) : null}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(v) =>
          extension &&
          action.mutate(
            {
              id: task.id,
              step: {
                action: 'decision',
                extensionId: extension.id,
                body: { granted, comment: (v.comment ?? '').trim() },
              },
            },
            {
              onSuccess: () => {
                void message.success(t(granted ? 'tasks.extension.granted' : 'tasks.extension.refused'));
                onClose();
              },
              onError,
            },
          )
        }
      >
        <Form.Item
          name="comment"
          label={t('tasks.extension.comment')}
          rules={
            granted
              ? []
              : [{ required: true, whitespace: true, message: t('tasks.extension.commentRequired') }]
          }
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={2000}
            data-testid="task-decision-comment"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Đánh giá kết quả: đạt / chưa đạt with a comment; the task is closed. */
export function EvaluationModal({ task, open, onClose }: TaskModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ result: TaskEvaluation; comment: string }>();
  const onError = useTaskFormError(form);
  const action = useTaskAction();
  return (
    <Modal
      open={open}
      title={t('tasks.evaluation.title')}
      onCancel={onClose}
      okText={t('tasks.evaluation.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: action.isPending, 'data-testid': 'task-evaluation-submit' } as ButtonProps}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('tasks.evaluation.help')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ result: 'met', comment: '' }}
        onFinish={(v) =>
          action.mutate(
            {
              id: task.id,
              step: { action: 'evaluation', body: { result: v.result, comment: (v.comment ?? '').trim() } },
            },
            {
              onSuccess: () => {
                void message.success(t('tasks.evaluation.saved'));
                onClose();
              },
              onError,
            },
          )
        }
      >
        <Form.Item name="result" label={t('tasks.evaluation.result')}>
          <Radio.Group data-testid="task-evaluation-result">
            <Radio value="met">{t('tasks.evaluation.met')}</Radio>
            <Radio value="not_met">{t('tasks.evaluation.not_met')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="comment" label={t('tasks.evaluation.comment')}>
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={2000}
            data-testid="task-evaluation-comment"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
