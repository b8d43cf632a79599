import { Form, Input, Modal, Select } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmitOnEnter } from '../../../components/SubmitOnEnter';
import { useFormError } from '../../../hooks/use-form-error';
import { trimmed } from '../../../lib/forms';

export interface StepField {
  /** The body field: note, reason, resultNote. */
  name: 'note' | 'reason' | 'resultNote';
  label: string;
  required: boolean;
}

/**
 * A step that takes one text (Nhận xử lý, Lưu để biết, Trả lại, Thu hồi, Hoàn thành) and, for "Trình",
 * the leader to present to.
 */
export function StepModal({
  open,
  title,
  okText,
  danger,
  field,
  intro,
  leaders,
  pending,
  onClose,
  onSubmit,
  testId,
}: {
  open: boolean;
  title: string;
  okText: string;
  danger?: boolean;
  field: StepField;
  intro?: ReactNode;
  /** When given: a required leader select (`toUserId`). */
  leaders?: { id: number; name: string }[];
  pending: boolean;
  onClose: () => void;
  onSubmit: (values: { text: string; toUserId?: number }) => Promise<void>;
  testId: string;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ text: string; toUserId?: number }>();
  const onError = useFormError(form, { [field.name]: 'text' });

  useEffect(() => {
    if (open) {
      form.resetFields();
    }
  }, [open, form]);

  const onFinish = async (v: { text: string; toUserId?: number }) => {
    try {
      await onSubmit({ text: trimmed(v.text), toUserId: v.toUserId });
    } catch (e) {
      onError(e);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={okText}
      okButtonProps={{ danger, 'data-testid': `${testId}-ok` }}
      cancelText={t('common.cancel')}
      confirmLoading={pending}
      destroyOnHidden
    >
      {intro}
      <Form form={form} layout="vertical" onFinish={onFinish} name={testId}>
        {leaders ? (
          <Form.Item
            name="toUserId"
            label={t('incoming.actions.presentTo')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Select
              autoFocus
              showSearch
              optionFilterProp="label"
              options={leaders.map((l) => ({ value: l.id, label: l.name }))}
              data-testid={`${testId}-leader`}
            />
          </Form.Item>
        ) : null}
        <Form.Item
          name="text"
          label={field.label}
          rules={[
            ...(field.required
              ? [{ required: true, whitespace: true, message: t('validation.required') }]
              : []),
            { max: field.name === 'resultNote' ? 2000 : 1000 },
          ]}
        >
          <Input.TextArea
            autoFocus={!leaders}
            autoSize={{ minRows: 3, maxRows: 8 }}
            data-testid={`${testId}-text`}
          />
        </Form.Item>
        <SubmitOnEnter />
      </Form>
    </Modal>
  );
}
