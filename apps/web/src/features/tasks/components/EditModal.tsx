import { App, Col, DatePicker, Form, Input, Modal, Row, Select, type ButtonProps } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT, parseIsoDate, toIsoDate, type Dayjs } from '../../../lib/dates';
import { useUpdateTask } from '../api/tasks';
import type { TaskDetail } from '../types';
import { parseBodyKey, TASK_CADENCES } from '../utils/labels';
import { BodySelect } from './BodySelect';
import { useTaskFormError } from '../utils/errors';
import type { TaskModalProps } from './ProgressModals';

interface EditValues {
  content: string;
  lead?: string;
  co?: string[];
  deadline?: Dayjs | null;
  cadence?: TaskDetail['cadence'];
  expectedProducts?: string;
}

/** Sửa nhiệm vụ (the assigner, while open): content, bodies, deadline or cadence, expected products. */
export function EditModal({ task, open, onClose }: TaskModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditValues>();
  const onError = useTaskFormError(form);
  const update = useUpdateTask();
  const lead = Form.useWatch('lead', form) as string | undefined;
  useEffect(() => {
    if (open) {
      form.setFieldsValue({
        content: task.content,
        lead: task.lead.key,
        co: task.co.map((c) => c.key),
        deadline: parseIsoDate(task.deadline),
        cadence: task.cadence,
        expectedProducts: task.expectedProducts,
      });
    }
  }, [open, form, task]);
  return (
    <Modal
      open={open}
      width={720}
      title={t('tasks.edit.title')}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: update.isPending, 'data-testid': 'task-edit-submit' } as ButtonProps}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          update.mutate(
            {
              id: task.id,
              body: {
                version: task.version,
                content: v.content.trim(),
                lead: parseBodyKey(v.lead)!,
                co: (v.co ?? []).map(parseBodyKey).filter((b) => b !== null),
                ...(task.cadence
                  ? { cadence: v.cadence ?? task.cadence }
                  : { deadline: v.deadline ? toIsoDate(v.deadline) : task.deadline }),
                expectedProducts: (v.expectedProducts ?? '').trim(),
              },
            },
            {
              onSuccess: () => {
                void message.success(t('common.saved'));
                onClose();
              },
              onError,
            },
          )
        }
      >
        <Form.Item
          name="content"
          label={t('tasks.fields.content')}
          rules={[{ required: true, whitespace: true, message: t('tasks.form.contentRequired') }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={4000} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item
              name="lead"
              label={t('tasks.fields.lead')}
              rules={[{ required: true, message: t('tasks.form.leadRequired') }]}
            >
              <BodySelect />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="co" label={t('tasks.fields.co')}>
              <BodySelect multiple exclude={lead ? [lead] : []} />
            </Form.Item>
          </Col>
        </Row>
        {task.cadence ? (
          <Form.Item name="cadence" label={t('tasks.fields.cadence')}>
            <Select options={TASK_CADENCES.map((c) => ({ value: c, label: t(`tasks.cadence.${c}`) }))} />
          </Form.Item>
        ) : (
          <Form.Item
            name="deadline"
            label={t('tasks.fields.deadline')}
            rules={[{ required: true, message: t('tasks.form.deadlineRequired') }]}
          >
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name="expectedProducts" label={t('tasks.fields.expectedProducts')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
