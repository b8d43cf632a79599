import { App, Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmitOnEnter } from '../../../components/SubmitOnEnter';
import { useFormError } from '../../../hooks/use-form-error';
import { useDocumentTypes } from '../../document-types/api/get-document-types';
import { useReserveNumber, type Reserved } from '../api/series';
import type { Issuer } from '../types';
import { foldedFilter } from '../utils/labels';

interface Values {
  issuerKey: string;
  documentTypeId: number;
  reason: string;
}

/** Giữ số: the next number of a series, kept for a document signed on paper (issue 4 §3). */
export function ReserveNumberModal({
  open,
  issuers,
  onClose,
  onReserved,
}: {
  open: boolean;
  issuers: Issuer[];
  onClose: () => void;
  onReserved: (r: Reserved) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useFormError(form, { issuerCommitteeId: 'issuerKey', issuerAgencyId: 'issuerKey' });
  const reserve = useReserveNumber();
  const types = useDocumentTypes(null);
  const issuerKey = Form.useWatch('issuerKey', form);
  const issuer = issuers.find((i) => i.issuerKey === issuerKey);

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue({ issuerKey: issuers[0]?.issuerKey });
    }
  }, [open, form, issuers]);

  const onFinish = async (v: Values) => {
    const chosen = issuers.find((i) => i.issuerKey === v.issuerKey);
    if (!chosen) {
      return;
    }
    try {
      const r = await reserve.mutateAsync({
        issuerCommitteeId: chosen.committeeId,
        issuerAgencyId: chosen.agencyId,
        documentTypeId: v.documentTypeId,
        congress: false,
        reason: v.reason.trim(),
      });
      void message.success(t('outgoing.gaps.reserved', { notation: r.notation }));
      onReserved(r);
    } catch (e) {
      onError(e);
    }
  };

  const req = { required: true, message: t('validation.required') };
  return (
    <Modal
      open={open}
      title={t('outgoing.gaps.reserveTitle')}
      okText={t('outgoing.gaps.reserve')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={reserve.isPending}
      okButtonProps={{ 'data-testid': 'reserve-ok' }}
      destroyOnHidden
    >
      <p className="vp-muted">{t('outgoing.gaps.reserveText')}</p>
      <Form form={form} layout="vertical" onFinish={onFinish} name="reserve-number">
        <Form.Item name="issuerKey" label={t('outgoing.form.issuer')} rules={[req]}>
          <Select
            showSearch
            filterOption={foldedFilter}
            options={issuers.map((i) => ({ value: i.issuerKey, label: i.name }))}
            onChange={() => form.setFieldValue('documentTypeId', undefined)}
            data-testid="reserve-issuer"
          />
        </Form.Item>
        <Form.Item name="documentTypeId" label={t('outgoing.form.documentType')} rules={[req]}>
          <Select
            showSearch
            filterOption={foldedFilter}
            options={(types.data?.items ?? [])
              .filter((d) => d.active && d.family === (issuer?.layout ?? 'party'))
              .map((d) => ({ value: d.id, label: `${d.name} (${d.abbreviation})` }))}
            data-testid="reserve-type"
          />
        </Form.Item>
        <Form.Item name="reason" label={t('outgoing.gaps.reason')} rules={[{ ...req, whitespace: true }, { max: 500 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} data-testid="reserve-reason" />
        </Form.Item>
        <SubmitOnEnter />
      </Form>
    </Modal>
  );
}
