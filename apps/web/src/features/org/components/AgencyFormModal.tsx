import { App, AutoComplete, Flex, Form, Input, Modal, Switch, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmitOnEnter } from '../../../components/SubmitOnEnter';
import { useFormError } from '../../../hooks/use-form-error';
import { saveRecord, trimmed } from '../../../lib/forms';
import { useResetOnOpen } from '../../../hooks/use-reset-on-open';
import type { Agency } from '../../../types/api';
import { useCommittees } from '../api/get-committees';
import { useCreateAgency, type AgencyInput } from '../api/create-agency';
import { useUpdateAgency } from '../api/update-agency';
import { committeeTreeSelectData } from '../utils/tree';

export const AGENCY_KINDS = ['office', 'board', 'inspection', 'agency'] as const;

/** Add or edit an agency (cơ quan, ban) of a committee. */
export function AgencyFormModal({
  open,
  agency,
  committeeId,
  onClose,
}: {
  open: boolean;
  agency: Agency | null;
  committeeId: number | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AgencyInput>();
  const onError = useFormError(form);
  const committees = useCommittees(true);
  const create = useCreateAgency();
  const update = useUpdateAgency();

  const initial = useMemo<Partial<AgencyInput>>(
    () =>
      agency
        ? {
            committeeId: agency.committeeId,
            name: agency.name,
            abbreviation: agency.abbreviation,
            kind: agency.kind,
            active: agency.active,
          }
        : { committeeId: committeeId ?? undefined, name: '', abbreviation: '', kind: 'board', active: true },
    [agency, committeeId],
  );

  useResetOnOpen(form, open, initial);

  const onFinish = async (raw: AgencyInput) => {
    const values: AgencyInput = {
      ...raw,
      name: trimmed(raw.name),
      abbreviation: trimmed(raw.abbreviation),
      kind: trimmed(raw.kind) || 'agency',
    };
    try {
      await saveRecord({ id: agency?.id, initial, values, create: create.mutateAsync, update: update.mutateAsync });
      void message.success(t('common.saved'));
      onClose();
    } catch (e) {
      onError(e);
    }
  };

  return (
    <Modal
      open={open}
      title={agency ? t('org.agency.editTitle') : t('org.agency.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
      width={560}
    >
      <Form form={form} layout="vertical" name="agency-form" onFinish={onFinish} initialValues={initial}>
        <Form.Item
          name="committeeId"
          label={t('org.agency.committee')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <TreeSelect
            showSearch
            treeNodeFilterProp="title"
            treeDefaultExpandAll
            treeData={committeeTreeSelectData(committees.data?.items ?? [])}
            loading={committees.isPending}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('org.agency.name')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 300 }]}
        >
          <Input />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item
            name="abbreviation"
            label={t('org.agency.abbreviation')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 30 }]}
            style={{ flex: '1 1 160px' }}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="kind"
            label={t('org.agency.kind')}
            rules={[{ max: 40 }]}
            style={{ flex: '1 1 200px' }}
          >
            <AutoComplete
              options={AGENCY_KINDS.map((k) => ({ value: k, label: t(`org.agencyKind.${k}`) }))}
            />
          </Form.Item>
        </Flex>
        <Form.Item name="active" label={t('common.status')} valuePropName="checked">
          <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.inactive')} />
        </Form.Item>
        <SubmitOnEnter />
      </Form>
    </Modal>
  );
}
