import { Form, Input, InputNumber, Modal, Select, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormError } from '../../../hooks/use-form-error';
import { useCreateIncomingRegister, type RegisterInput } from '../api/create-register';
import type { RegisterKind } from '../types';

export const REGISTER_KIND_VALUES: RegisterKind[] = ['ordinary', 'secret', 'complaint'];

type Values = Omit<RegisterInput, 'committeeId'>;

/** "Mở sổ mới": a register for the clerk's own committee, opened ahead of its first use. */
export function NewRegisterModal({
  open,
  committeeId,
  year,
  onClose,
}: {
  open: boolean;
  committeeId: number;
  year: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateIncomingRegister();
  const onError = useFormError(form);

  const submit = async (values: Values) => {
    try {
      await create.mutateAsync({ ...values, name: values.name.trim(), committeeId });
      form.resetFields();
      onClose();
    } catch (error) {
      onError(error);
    }
  };

  return (
    <Modal
      open={open}
      title={t('incoming.registers.newTitle')}
      okText={t('incoming.registers.open')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'register-new-submit' } as ButtonProps}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ year, kind: 'ordinary', name: '' }}
        onFinish={(v) => void submit(v)}
        preserve={false}
      >
        <Form.Item name="year" label={t('incoming.registers.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} style={{ width: 140 }} data-testid="register-new-year" />
        </Form.Item>
        <Form.Item name="kind" label={t('incoming.registers.kind')} rules={[{ required: true }]}>
          <Select
            data-testid="register-new-kind"
            options={REGISTER_KIND_VALUES.map((k) => ({ value: k, label: t(`incoming.registers.kinds.${k}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('incoming.registers.name')}
          rules={[{ required: true, whitespace: true, message: t('incoming.registers.nameRequired') }]}
        >
          <Input maxLength={200} data-testid="register-new-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
