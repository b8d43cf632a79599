import { App, Flex, Form, Input, Modal, Radio, Switch } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmitOnEnter } from '../../../components/SubmitOnEnter';
import { useFormError } from '../../../hooks/use-form-error';
import { saveRecord, trimmed } from '../../../lib/forms';
import { useResetOnOpen } from '../../../hooks/use-reset-on-open';
import type { DocumentType } from '../../../types/api';
import { useCreateDocumentType, type DocumentTypeInput } from '../api/create-document-type';
import { useUpdateDocumentType } from '../api/update-document-type';

export function DocumentTypeFormModal({
  open,
  documentType,
  onClose,
}: {
  open: boolean;
  documentType: DocumentType | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<DocumentTypeInput>();
  const onError = useFormError(form);
  const create = useCreateDocumentType();
  const update = useUpdateDocumentType();

  const initial = useMemo<DocumentTypeInput>(
    () =>
      documentType
        ? {
            name: documentType.name,
            abbreviation: documentType.abbreviation,
            family: documentType.family,
            active: documentType.active,
          }
        : { name: '', abbreviation: '', family: 'party', active: true },
    [documentType],
  );

  useResetOnOpen(form, open, initial);

  const onFinish = async (raw: DocumentTypeInput) => {
    const values: DocumentTypeInput = {
      ...raw,
      name: trimmed(raw.name),
      abbreviation: trimmed(raw.abbreviation),
    };
    try {
      await saveRecord({ id: documentType?.id, initial, values, create: create.mutateAsync, update: update.mutateAsync });
      void message.success(t('common.saved'));
      onClose();
    } catch (e) {
      onError(e);
    }
  };

  return (
    <Modal
      open={open}
      title={documentType ? t('documentTypes.editTitle') : t('documentTypes.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        name="document-type-form"
        onFinish={onFinish}
        initialValues={initial}
      >
        <Form.Item
          name="name"
          label={t('documentTypes.name')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 120 }]}
        >
          <Input data-testid="document-type-form-name" />
        </Form.Item>
        <Form.Item
          name="abbreviation"
          label={t('documentTypes.abbreviation')}
          extra={t('documentTypes.abbreviationHint')}
          rules={[{ max: 10 }]}
        >
          <Input style={{ maxWidth: 200 }} data-testid="document-type-form-abbreviation" />
        </Form.Item>
        <Flex gap={24} wrap>
          <Form.Item name="family" label={t('documentTypes.familyLabel')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'party', label: t('documentTypes.family.party') },
                { value: 'state', label: t('documentTypes.family.state') },
                { value: 'both', label: t('documentTypes.family.both') },
              ]}
            />
          </Form.Item>
          <Form.Item name="active" label={t('common.status')} valuePropName="checked">
            <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.inactive')} />
          </Form.Item>
        </Flex>
        <SubmitOnEnter />
      </Form>
    </Modal>
  );
}
