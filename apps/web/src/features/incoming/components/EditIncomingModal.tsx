import { App, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
// The subpath keeps zod (the API schemas) out of the browser bundle.
import { parseNotation } from '@vanphong/contracts/notation';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmitOnEnter } from '../../../components/SubmitOnEnter';
import { useFormError } from '../../../hooks/use-form-error';
import { DATE_FORMAT, parseIsoDate, toIsoDate, type Dayjs } from '../../../lib/dates';
import { changedFields, trimmed } from '../../../lib/forms';
import { useDocumentTypes } from '../../document-types/api/get-document-types';
import { useUpdateIncoming } from '../api/update-incoming';
import type { IncomingDetail, IncomingPatchBody, Urgency } from '../types';
import { isSecret, URGENCY_VALUES } from '../utils/labels';
import { IssuerInput, type IssuerValue } from './IssuerInput';

interface Values {
  issuer: IssuerValue;
  notation: string;
  documentDate: Dayjs | null;
  documentTypeId: number | null;
  summary: string;
  signer: string;
  pageCount: number | null;
  copies: number;
  urgency: Urgency;
  deadline: Dayjs | null;
  paperLocation: string;
  note: string;
}

type Patchable = Omit<IncomingPatchBody, 'version'>;

const toPatchable = (v: Values): Patchable => ({
  issuerId: v.issuer.id,
  issuerName: trimmed(v.issuer.name),
  notation: trimmed(v.notation),
  documentDate: v.documentDate ? toIsoDate(v.documentDate) : undefined,
  documentTypeId: v.documentTypeId ?? null,
  summary: trimmed(v.summary),
  signer: trimmed(v.signer),
  pageCount: v.pageCount ?? null,
  copies: v.copies ?? 1,
  urgency: v.urgency,
  deadline: v.deadline ? toIsoDate(v.deadline) : null,
  paperLocation: trimmed(v.paperLocation),
  note: trimmed(v.note),
});

/** Sửa: corrections of the registration; only the changed fields are sent, with the version read. */
export function EditIncomingModal({
  open,
  doc,
  onClose,
}: {
  open: boolean;
  doc: IncomingDetail;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useFormError(form, { issuerName: 'issuer', issuerId: 'issuer' });
  const update = useUpdateIncoming();
  const types = useDocumentTypes(null);
  const notation = Form.useWatch('notation', form) ?? '';

  const initialValues = useMemo<Values>(
    () => ({
      issuer: { id: doc.issuerId, name: doc.issuerName },
      notation: doc.notation,
      documentDate: parseIsoDate(doc.documentDate),
      documentTypeId: doc.documentTypeId,
      summary: doc.summary ?? '',
      signer: doc.signer,
      pageCount: doc.pageCount,
      copies: doc.copies,
      urgency: doc.urgency,
      deadline: parseIsoDate(doc.deadline),
      paperLocation: doc.paperLocation,
      note: doc.note,
    }),
    [doc],
  );

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue(initialValues);
    }
  }, [open, initialValues, form]);

  const onFinish = async (v: Values) => {
    const patch = changedFields(toPatchable(initialValues), toPatchable(v));
    if (doc.summary === null) {
      delete patch.summary; // withheld (Tuyệt mật stub): never overwrite with the empty box
    }
    if (Object.keys(patch).length === 0) {
      void message.info(t('common.noChanges'));
      onClose();
      return;
    }
    try {
      await update.mutateAsync({ id: doc.id, patch: { ...patch, version: doc.version } });
      void message.success(t('common.saved'));
      onClose();
    } catch (e) {
      onError(e);
    }
  };

  const req = { required: true, message: t('validation.required') };

  return (
    <Modal
      open={open}
      title={t('incoming.actions.editTitle', { number: doc.arrivalNumber })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      okButtonProps={{ 'data-testid': 'edit-ok' }}
      cancelText={t('common.cancel')}
      confirmLoading={update.isPending}
      width={760}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        name="incoming-edit"
        initialValues={initialValues}
      >
        <Form.Item
          name="issuer"
          label={t('incoming.form.issuer')}
          required
          rules={[
            {
              validator: (_, v?: IssuerValue) =>
                v && v.name.trim() ? Promise.resolve() : Promise.reject(new Error(t('validation.required'))),
            },
          ]}
        >
          <IssuerInput notation={notation} testId="edit-issuer" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="notation"
              label={t('incoming.form.notation')}
              rules={[
                { ...req, whitespace: true },
                { max: 50 },
                {
                  warningOnly: true,
                  validator: (_, v?: string) =>
                    v && parseNotation(v).form === 'unknown'
                      ? Promise.reject(new Error(t('incoming.form.notationUnknown')))
                      : Promise.resolve(),
                },
              ]}
            >
              <Input data-testid="edit-notation" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="documentDate" label={t('incoming.form.documentDate')} rules={[req]}>
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="documentTypeId" label={t('incoming.form.documentType')}>
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                options={(types.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="signer" label={t('incoming.form.signer')} rules={[{ max: 100 }]}>
              <Input data-testid="edit-signer" />
            </Form.Item>
          </Col>
        </Row>
        {doc.summary !== null ? (
          <Form.Item name="summary" label={t('incoming.form.summary')} rules={[{ max: 500 }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} showCount maxLength={500} />
          </Form.Item>
        ) : null}
        <Row gutter={16}>
          <Col xs={12} sm={6}>
            <Form.Item name="pageCount" label={t('incoming.form.pageCount')}>
              <InputNumber min={0} max={100000} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="copies" label={t('incoming.form.copies')} rules={[req]}>
              <InputNumber min={1} max={10000} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="urgency" label={t('incoming.form.urgency')}>
              <Select
                options={URGENCY_VALUES.map((u) => ({ value: u, label: t(`incoming.urgency.${u}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="deadline" label={t('incoming.form.deadline')}>
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        {isSecret(doc.secrecy) ? (
          <Form.Item name="paperLocation" label={t('incoming.form.paperLocation')} rules={[{ max: 200 }]}>
            <Input />
          </Form.Item>
        ) : null}
        <Form.Item name="note" label={t('incoming.form.note')} rules={[{ max: 1000 }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        <SubmitOnEnter />
      </Form>
    </Modal>
  );
}
