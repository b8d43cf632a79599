import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  Modal,
  Row,
  Typography,
  type ButtonProps,
} from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT, formatDate, parseIsoDate, toIsoDate, type Dayjs } from '../../../lib/dates';
import type { BodyOption } from '../api/bodies';
import { useCreateTaskBatch } from '../api/tasks';
import { parseBodyKey } from '../utils/labels';
import { BodySelect } from './BodySelect';
import { useTaskFormError } from '../utils/errors';
import type { TaskModalProps } from './ProgressModals';

interface SubtaskRow {
  content: string;
  lead?: string;
  co?: string[];
  deadline?: Dayjs | null;
}

/**
 * Giao nhiệm vụ con: the lead body splits its task among its own units (its agencies, its subordinate
 * committees); all rows are created together, each with a deadline no later than the task's.
 */
export function SplitModal({ task, open, onClose }: TaskModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ rows: SubtaskRow[] }>();
  const onError = useTaskFormError(form);
  const batch = useCreateTaskBatch();
  const due = parseIsoDate(task.deadline ?? task.dueOn);
  // Own units: a committee's agencies and subordinate committees; an agency's fellow agencies (the server decides).
  const lead = task.lead;
  const ownUnit = (b: BodyOption) =>
    b.key !== lead.key &&
    (lead.agencyId === null
      ? (b.committeeId === lead.committeeId && b.agencyId !== null) ||
        (b.agencyId === null && b.parentCommitteeId === lead.committeeId)
      : b.committeeId === lead.committeeId);
  useEffect(() => {
    if (open) {
      form.setFieldsValue({
        rows: [
          { content: '', co: [], deadline: due },
          { content: '', co: [], deadline: due },
        ],
      });
    }
  }, [open]);
  return (
    <Modal
      open={open}
      width={880}
      title={t('tasks.split.title')}
      onCancel={onClose}
      okText={t('tasks.split.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: batch.isPending, 'data-testid': 'task-split-submit' } as ButtonProps}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('tasks.split.help', { lead: task.lead.name, date: formatDate(task.deadline ?? task.dueOn) })}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          batch.mutate(
            v.rows.map((r) => ({
              parentId: task.id,
              content: r.content.trim(),
              lead: parseBodyKey(r.lead)!,
              co: (r.co ?? []).map(parseBodyKey).filter((b) => b !== null),
              deadline: task.cadence && !r.deadline ? null : r.deadline ? toIsoDate(r.deadline) : null,
              cadence: task.cadence && !r.deadline ? task.cadence : null,
              secrecy: task.secrecy,
              source: {
                kind: task.source.kind,
                outgoingId: task.source.outgoingId,
                incomingId: task.source.incomingId,
                reference: task.source.reference,
                paragraph: task.source.paragraph,
              },
            })),
            {
              onSuccess: () => {
                void message.success(t('tasks.split.created', { count: v.rows.length }));
                onClose();
              },
              onError: (e) => onError(e),
            },
          )
        }
      >
        <Form.List name="rows">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Card
                  key={f.key}
                  size="small"
                  style={{ marginBottom: 12 }}
                  title={t('tasks.split.row', { n: i + 1 })}
                  extra={
                    fields.length > 1 ? (
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        onClick={() => remove(f.name)}
                        aria-label={t('common.delete')}
                      />
                    ) : null
                  }
                  data-testid={`task-split-row-${i}`}
                >
                  <Form.Item
                    name={[f.name, 'content']}
                    label={t('tasks.fields.content')}
                    rules={[{ required: true, whitespace: true, message: t('tasks.form.contentRequired') }]}
                  >
                    <Input.TextArea
                      autoSize={{ minRows: 2, maxRows: 6 }}
                      maxLength={4000}
                      data-testid={`task-split-content-${i}`}
                    />
                  </Form.Item>
                  <Row gutter={12}>
                    <Col xs={24} md={9}>
                      <Form.Item
                        name={[f.name, 'lead']}
                        label={t('tasks.fields.lead')}
                        rules={[{ required: true, message: t('tasks.form.leadRequired') }]}
                      >
                        <BodySelect filter={ownUnit} testId={`task-split-lead-${i}`} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={9}>
                      <Form.Item name={[f.name, 'co']} label={t('tasks.fields.co')}>
                        <BodySelect multiple filter={ownUnit} testId={`task-split-co-${i}`} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={6}>
                      <Form.Item
                        name={[f.name, 'deadline']}
                        label={t('tasks.fields.deadline')}
                        rules={
                          task.cadence ? [] : [{ required: true, message: t('tasks.form.deadlineRequired') }]
                        }
                      >
                        <DatePicker
                          format={DATE_FORMAT}
                          style={{ width: '100%' }}
                          disabledDate={(d) => !!due && !task.cadence && d.isAfter(due, 'day')}
                          data-testid={`task-split-deadline-${i}`}
                        />
                      </Form.Item>
                    </Col>
                  </Row>
                </Card>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ content: '', co: [], deadline: due })}
                data-testid="task-split-add"
              >
                {t('tasks.split.add')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
