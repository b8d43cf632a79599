import { DatePicker, Form, Input, Modal, Segmented, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmitOnEnter } from '../../../components/SubmitOnEnter';
import { useHasPermission } from '../../../lib/auth';
import { DATE_FORMAT, parseIsoDate, todayInOffice, toIsoDate, type Dayjs } from '../../../lib/dates';
import { useFormError } from '../../../hooks/use-form-error';
import { trimmed } from '../../../lib/forms';
import { useAgencies } from '../../org/api/get-agencies';
import { useAssignees } from '../api/get-assignees';
import type { DirectBody, IncomingDetail } from '../types';

interface Values {
  direction: string;
  leadKind: 'agency' | 'user';
  leadAgencyId?: number;
  leadUserId?: number;
  coAgencyIds: number[];
  infoUserIds: number[];
  deadline: Dayjs | null;
}

/**
 * Phân phối, chỉ đạo (or Chuyển lại): the leader's direction, the lead unit or person (chủ trì), co-units
 * (phối hợp), people informed (để biết) and the deadline.
 */
export function DirectModal({
  open,
  doc,
  redirect,
  pending,
  onClose,
  onSubmit,
}: {
  open: boolean;
  doc: IncomingDetail;
  redirect: boolean;
  pending: boolean;
  onClose: () => void;
  onSubmit: (body: DirectBody) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const onError = useFormError(form, { leadAgencyId: 'leadAgencyId', leadUserId: 'leadUserId' });
  const canSeeOrg = useHasPermission('org.view');
  const agencies = useAgencies(null, { enabled: open && canSeeOrg });
  const assignees = useAssignees({ enabled: open });
  const leadKind = Form.useWatch('leadKind', form) ?? 'agency';

  useEffect(() => {
    if (!open) {
      return;
    }
    const lead = doc.recipients.find((r) => r.role === 'lead');
    form.resetFields();
    form.setFieldsValue({
      direction: redirect ? '' : doc.direction,
      leadKind: lead?.userId ? 'user' : 'agency',
      leadAgencyId: lead?.agencyId ?? undefined,
      leadUserId: lead?.userId ?? undefined,
      coAgencyIds: doc.recipients.filter((r) => r.role === 'co' && r.agencyId).map((r) => r.agencyId!),
      infoUserIds: doc.recipients.filter((r) => r.role === 'info' && r.userId).map((r) => r.userId!),
      deadline: parseIsoDate(doc.deadline),
    });
  }, [open, doc, redirect, form]);

  const agencyOptions = (agencies.data?.items ?? [])
    .filter((a) => a.active)
    .map((a) => ({ value: a.id, label: a.name }));
  const people = assignees.data?.users ?? [];
  const personLabel = (p: (typeof people)[number]) => (p.agencyName ? `${p.name} — ${p.agencyName}` : p.name);

  const onFinish = async (v: Values) => {
    try {
      await onSubmit({
        direction: trimmed(v.direction),
        leadAgencyId: v.leadKind === 'agency' ? (v.leadAgencyId ?? null) : null,
        leadUserId: v.leadKind === 'user' ? (v.leadUserId ?? null) : null,
        coAgencyIds: v.coAgencyIds ?? [],
        infoUserIds: v.infoUserIds ?? [],
        infoAgencyIds: [],
        deadline: v.deadline ? toIsoDate(v.deadline) : null,
      });
    } catch (e) {
      onError(e);
    }
  };

  const req = { required: true, message: t('validation.required') };

  return (
    <Modal
      open={open}
      title={redirect ? t('incoming.actions.redirectTitle') : t('incoming.actions.directTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={redirect ? t('incoming.actions.redirect') : t('incoming.actions.direct')}
      okButtonProps={{ 'data-testid': 'direct-ok' }}
      cancelText={t('common.cancel')}
      confirmLoading={pending}
      width={640}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={onFinish} name="incoming-direct">
        <Form.Item
          name="direction"
          label={t('incoming.actions.direction')}
          rules={[{ ...req, whitespace: true }, { max: 2000 }]}
        >
          <Input.TextArea
            autoFocus
            autoSize={{ minRows: 3, maxRows: 8 }}
            placeholder={t('incoming.actions.directionPlaceholder')}
            data-testid="direct-direction"
          />
        </Form.Item>
        <Form.Item name="leadKind" label={t('incoming.actions.lead')}>
          <Segmented
            options={[
              { value: 'agency', label: t('incoming.actions.leadAgency') },
              { value: 'user', label: t('incoming.actions.leadUser') },
            ]}
            data-testid="direct-lead-kind"
          />
        </Form.Item>
        {leadKind === 'agency' ? (
          <Form.Item name="leadAgencyId" label={t('incoming.actions.leadAgencyLabel')} rules={[req]}>
            <Select
              showSearch
              optionFilterProp="label"
              loading={agencies.isFetching}
              options={agencyOptions}
              data-testid="direct-lead-agency"
            />
          </Form.Item>
        ) : (
          <Form.Item name="leadUserId" label={t('incoming.actions.leadUserLabel')} rules={[req]}>
            <Select
              showSearch
              optionFilterProp="label"
              loading={assignees.isFetching}
              options={people.filter((p) => p.canHandle).map((p) => ({ value: p.id, label: personLabel(p) }))}
              data-testid="direct-lead-user"
            />
          </Form.Item>
        )}
        <Form.Item name="coAgencyIds" label={t('incoming.actions.coAgencies')}>
          <Select
            mode="multiple"
            optionFilterProp="label"
            options={agencyOptions}
            data-testid="direct-co-agencies"
          />
        </Form.Item>
        <Form.Item name="infoUserIds" label={t('incoming.actions.infoUsers')}>
          <Select
            mode="multiple"
            optionFilterProp="label"
            options={people.map((p) => ({ value: p.id, label: personLabel(p) }))}
            data-testid="direct-info-users"
          />
        </Form.Item>
        <Form.Item
          name="deadline"
          label={t('incoming.actions.deadline')}
          extra={t('incoming.form.deadlineHint')}
        >
          <DatePicker
            format={DATE_FORMAT}
            placeholder={t('incoming.form.datePlaceholder')}
            disabledDate={(d) => d.isBefore(todayInOffice(), 'day')}
            style={{ width: 200 }}
            data-testid="direct-deadline"
          />
        </Form.Item>
        <SubmitOnEnter />
      </Form>
    </Modal>
  );
}
