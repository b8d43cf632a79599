import { ArrowLeftOutlined, SaveOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../../components/PageHeader';
import { DATE_FORMAT, todayInOffice } from '../../../lib/dates';
import { createdId, useCreateTask } from '../api/tasks';
import { BodySelect } from '../components/BodySelect';
import type { TaskSourceKind } from '../types';
import { formToBody, TASK_FIELD_ALIASES, type TaskFormValues } from '../utils/form';
import { TASK_CADENCES, TASK_SOURCE_KINDS } from '../utils/labels';
import '../tasks.css';
import { useTaskFormError } from '../utils/errors';

const SECRECY = ['none', 'confidential', 'secret', 'top_secret'] as const;

/** The fields of a task, shared by the new-task page. */
export function TaskFields({
  withSource = true,
  withAssigner = true,
}: {
  withSource?: boolean;
  withAssigner?: boolean;
}) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<TaskFormValues>();
  const kind = Form.useWatch('sourceKind', form) as TaskSourceKind | undefined;
  const mode = Form.useWatch('mode', form) as TaskFormValues['mode'] | undefined;
  const lead = Form.useWatch('lead', form) as string | undefined;
  const secrecy = Form.useWatch('secrecy', form) as string | undefined;
  return (
    <>
      <Form.Item
        name="content"
        label={t('tasks.fields.content')}
        rules={[{ required: true, whitespace: true, message: t('tasks.form.contentRequired') }]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={4000} data-testid="task-content" />
      </Form.Item>
      {withSource ? (
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="sourceKind" label={t('tasks.fields.sourceKind')}>
              <Select
                options={TASK_SOURCE_KINDS.map((k) => ({ value: k, label: t(`tasks.sourceKind.${k}`) }))}
                data-testid="task-source-kind"
              />
            </Form.Item>
          </Col>
          {kind === 'outgoing' || kind === 'incoming' ? (
            <Col xs={24} md={6}>
              <Form.Item
                name="sourceDocId"
                label={t('tasks.form.sourceDocId')}
                tooltip={t('tasks.form.sourceDocIdHelp')}
              >
                <InputNumber min={1} precision={0} style={{ width: '100%' }} data-testid="task-source-doc" />
              </Form.Item>
            </Col>
          ) : null}
          <Col xs={24} md={kind === 'outgoing' || kind === 'incoming' ? 10 : 16}>
            <Form.Item name="reference" label={t('tasks.fields.reference')}>
              <Input
                maxLength={300}
                placeholder={t('tasks.form.referencePlaceholder')}
                data-testid="task-reference"
              />
            </Form.Item>
          </Col>
        </Row>
      ) : null}
      <Row gutter={16}>
        {withAssigner ? (
          <Col xs={24} md={12}>
            <Form.Item
              name="assigner"
              label={t('tasks.fields.assigner')}
              tooltip={t('tasks.form.assignerHelp')}
            >
              <BodySelect testId="task-assigner" placeholder={t('tasks.form.assignerDefault')} />
            </Form.Item>
          </Col>
        ) : null}
        <Col xs={24} md={withAssigner ? 12 : 24}>
          <Form.Item name="assignedOn" label={t('tasks.fields.assignedOn')}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} data-testid="task-assigned-on" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="lead"
            label={t('tasks.fields.lead')}
            rules={[{ required: true, message: t('tasks.form.leadRequired') }]}
          >
            <BodySelect testId="task-lead" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="co" label={t('tasks.fields.co')}>
            <BodySelect
              multiple
              exclude={lead ? [lead] : []}
              testId="task-co"
              placeholder={t('tasks.form.coPlaceholder')}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="mode" label={t('tasks.form.kind')}>
        <Radio.Group data-testid="task-mode">
          <Radio value="deadline">{t('tasks.form.withDeadline')}</Radio>
          <Radio value="cadence">{t('tasks.form.standing')}</Radio>
        </Radio.Group>
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          {mode === 'cadence' ? (
            <Form.Item
              name="cadence"
              label={t('tasks.fields.cadence')}
              rules={[{ required: true, message: t('tasks.form.cadenceRequired') }]}
            >
              <Select
                options={TASK_CADENCES.map((c) => ({ value: c, label: t(`tasks.cadence.${c}`) }))}
                data-testid="task-cadence"
              />
            </Form.Item>
          ) : (
            <Form.Item
              name="deadline"
              label={t('tasks.fields.deadline')}
              rules={[{ required: true, message: t('tasks.form.deadlineRequired') }]}
            >
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} data-testid="task-deadline" />
            </Form.Item>
          )}
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="secrecy" label={t('tasks.fields.secrecy')}>
            <Select
              options={SECRECY.map((s) => ({
                value: s,
                label:
                  s === 'top_secret'
                    ? `${t(`incoming.secrecy.${s}`)} — ${t('tasks.form.topSecretOff')}`
                    : t(`incoming.secrecy.${s}`),
              }))}
              data-testid="task-secrecy"
            />
          </Form.Item>
        </Col>
      </Row>
      {secrecy === 'top_secret' ? (
        <Alert
          type="error"
          showIcon
          message={t('tasks.form.topSecretRefused')}
          style={{ marginBottom: 16 }}
          data-testid="task-top-secret"
        />
      ) : null}
      <Form.Item name="expectedProducts" label={t('tasks.fields.expectedProducts')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} data-testid="task-products" />
      </Form.Item>
      {withSource ? (
        <Form.Item name="paragraph" label={t('tasks.fields.paragraph')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} />
        </Form.Item>
      ) : null}
    </>
  );
}

export const BLANK_TASK: TaskFormValues = {
  content: '',
  sourceKind: 'ad_hoc',
  mode: 'deadline',
  secrecy: 'none',
  co: [],
};

/** Giao nhiệm vụ: one task, from a source or ad hoc. `?outgoingId=` / `?incomingId=` pre-fill the source. */
export function TaskFormRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const [form] = Form.useForm<TaskFormValues>();
  const onError = useTaskFormError(form, TASK_FIELD_ALIASES);
  const create = useCreateTask();
  const outgoingId = Number(params.get('outgoingId')) || null;
  const incomingId = Number(params.get('incomingId')) || null;
  const initial: TaskFormValues = {
    ...BLANK_TASK,
    assignedOn: todayInOffice(),
    ...(outgoingId ? { sourceKind: 'outgoing', sourceDocId: outgoingId } : {}),
    ...(incomingId ? { sourceKind: 'incoming', sourceDocId: incomingId } : {}),
  };
  const submit = (v: TaskFormValues) =>
    create.mutate(formToBody(v), {
      onSuccess: (answer) => {
        void message.success(t('tasks.form.created'));
        const id = createdId(answer);
        navigate(id ? `/tasks/${id}` : '/tasks');
      },
      onError,
    });
  return (
    <div>
      <PageHeader
        title={t('tasks.form.title')}
        subtitle={t('tasks.form.subtitle')}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/tasks')}>
            {t('common.back')}
          </Button>
        }
      />
      <Card style={{ maxWidth: 960 }}>
        <Form<TaskFormValues>
          form={form}
          layout="vertical"
          initialValues={initial}
          onFinish={submit}
          data-testid="task-form"
        >
          <TaskFields />
          <Button
            type="primary"
            // No submit button: Enter, typed to confirm a date, must not assign the task.
            onClick={() => form.submit()}
            icon={<SaveOutlined />}
            loading={create.isPending}
            data-testid="task-submit"
          >
            {t('tasks.form.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
