import { App, Flex, Form, Input, InputNumber, Modal, Switch } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmitOnEnter } from '../../../components/SubmitOnEnter';
import { useFormError } from '../../../hooks/use-form-error';
import { saveRecord, trimmed } from '../../../lib/forms';
import { useResetOnOpen } from '../../../hooks/use-reset-on-open';
import type { Position } from '../../../types/api';
import { useCreatePosition, type PositionInput } from '../api/create-position';
import { useUpdatePosition } from '../api/update-position';

export function PositionFormModal({
  open,
  position,
  onClose,
}: {
  open: boolean;
  position: Position | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PositionInput>();
  const onError = useFormError(form);
  const create = useCreatePosition();
  const update = useUpdatePosition();

  const initial = useMemo<PositionInput>(
    () =>
      position
        ? {
            name: position.name,
            signatureTitle: position.signatureTitle,
            isLeader: position.isLeader,
            rank: position.rank,
          }
        : { name: '', signatureTitle: '', isLeader: false, rank: 100 },
    [position],
  );

  useResetOnOpen(form, open, initial);

  const onFinish = async (raw: PositionInput) => {
    const values: PositionInput = {
      ...raw,
      name: trimmed(raw.name),
      signatureTitle: trimmed(raw.signatureTitle),
      rank: Number(raw.rank ?? 100),
    };
    try {
      await saveRecord({ id: position?.id, initial, values, create: create.mutateAsync, update: update.mutateAsync });
      void message.success(t('common.saved'));
      onClose();
    } catch (e) {
      onError(e);
    }
  };

  return (
    <Modal
      open={open}
      title={position ? t('org.position.editTitle') : t('org.position.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name="position-form" onFinish={onFinish} initialValues={initial}>
        <Form.Item
          name="name"
          label={t('org.position.name')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 300 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="signatureTitle"
          label={t('org.position.signatureTitle')}
          extra={t('org.position.signatureTitleHint')}
          rules={[{ max: 200 }]}
        >
          <Input />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item
            name="rank"
            label={t('org.position.rank')}
            extra={t('org.position.rankHint')}
            style={{ flex: '1 1 160px' }}
          >
            <InputNumber min={0} max={999} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="isLeader"
            label={t('org.position.isLeader')}
            valuePropName="checked"
            style={{ flex: '1 1 160px' }}
          >
            <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
          </Form.Item>
        </Flex>
        <SubmitOnEnter />
      </Form>
    </Modal>
  );
}
