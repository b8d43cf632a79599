import { CheckCircleFilled, PlusOutlined } from '@ant-design/icons';
// The subpath keeps zod (the API schemas) out of the browser bundle.
import { parseNotation } from '@vanphong/contracts/notation';
import { App, AutoComplete, Button, Flex, Form, Input, Modal, Radio, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmitOnEnter } from '../../../components/SubmitOnEnter';
import { useDebouncedValue } from '../../../hooks/use-debounced-value';
import { useFormError } from '../../../hooks/use-form-error';
import { foldText, trimmed } from '../../../lib/forms';
import { useCreateOrganization, useOrganizations, type OrganizationInput } from '../api/organizations';
import type { Organization } from '../types';

/** The issuer (cơ quan ban hành): an organisation of the directory, or free text. */
export interface IssuerValue {
  id: number | null;
  name: string;
}

/**
 * Issuer autocomplete over `GET /api/organizations?q=`. Free text is allowed; "Thêm vào danh mục"
 * promotes it to the directory (its code and kind guessed from the notation typed next to it).
 */
export function IssuerInput({
  id,
  value,
  onChange,
  notation,
  testId,
}: {
  id?: string;
  value?: IssuerValue;
  onChange?: (v: IssuerValue) => void;
  notation?: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const name = value?.name ?? '';
  const q = useDebouncedValue(name.trim(), 250);
  const orgs = useOrganizations(q);
  const [promoting, setPromoting] = useState(false);
  const items = useMemo(() => orgs.data?.items ?? [], [orgs.data]);

  const exact = (text: string): Organization | undefined =>
    items.find((o) => foldText(o.name) === foldText(text.trim()));

  const options = items
    .filter((o) => o.active)
    .map((o) => ({
      value: o.name,
      orgId: o.id,
      label: (
        <Flex justify="space-between" gap={8}>
          <span>{o.name}</span>
          {o.code ? <Typography.Text type="secondary">{o.code}</Typography.Text> : null}
        </Flex>
      ),
    }));

  const free = value?.id == null && name.trim() !== '';

  return (
    <>
      <Flex gap={8} align="flex-start">
        <AutoComplete
          id={id}
          value={name}
          options={options}
          style={{ flex: 1, minWidth: 0 }}
          onChange={(text: string) => {
            const hit = items.find((o) => o.name === text);
            onChange?.({ id: hit ? hit.id : null, name: text });
          }}
          onSelect={(_: string, option: { value: string; orgId: number }) =>
            onChange?.({ id: option.orgId, name: option.value })
          }
          onBlur={() => {
            // Typed in full without picking: take the directory's entry when the name matches exactly.
            const hit = value?.id == null ? exact(name) : undefined;
            if (hit) {
              onChange?.({ id: hit.id, name: hit.name });
            }
          }}
          placeholder={t('incoming.form.issuerPlaceholder')}
          data-testid={testId}
        />
        {free ? (
          <Button
            icon={<PlusOutlined />}
            onClick={() => setPromoting(true)}
            data-testid={`${testId}-promote`}
          >
            {t('incoming.form.promoteIssuer')}
          </Button>
        ) : null}
      </Flex>
      <div className="vp-muted" style={{ fontSize: 12, marginTop: 2 }} aria-live="polite">
        {value?.id != null ? (
          <span data-testid={`${testId}-known`}>
            <CheckCircleFilled style={{ color: '#389e0d' }} /> {t('incoming.form.issuerKnown')}
          </span>
        ) : free ? (
          t('incoming.form.issuerFree')
        ) : null}
      </div>
      <PromoteIssuerModal
        open={promoting}
        name={name}
        notation={notation ?? ''}
        onClose={() => setPromoting(false)}
        onDone={(org) => {
          setPromoting(false);
          onChange?.({ id: org.id, name: org.name });
        }}
      />
    </>
  );
}

function PromoteIssuerModal({
  open,
  name,
  notation,
  onClose,
  onDone,
}: {
  open: boolean;
  name: string;
  notation: string;
  onClose: () => void;
  onDone: (org: Organization) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<OrganizationInput>();
  const onError = useFormError(form);
  const create = useCreateOrganization();

  useEffect(() => {
    if (open) {
      const parsed = parseNotation(notation);
      form.setFieldsValue({
        name: name.trim(),
        code: parsed.form === 'unknown' ? '' : ((parsed.issuerCode ?? '').split('/')[0] ?? ''),
        kind: parsed.form === 'unknown' ? 'other' : parsed.form,
      });
    }
  }, [open, name, notation, form]);

  const onFinish = async (v: OrganizationInput) => {
    try {
      const { organization } = await create.mutateAsync({
        ...v,
        name: trimmed(v.name),
        code: trimmed(v.code),
      });
      void message.success(t('incoming.form.promoted', { name: organization.name }));
      onDone(organization);
    } catch (e) {
      onError(e);
    }
  };

  return (
    <Modal
      open={open}
      title={t('incoming.form.promoteTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('incoming.form.promoteIssuer')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="name"
          label={t('incoming.form.orgName')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 200 }]}
        >
          <Input data-testid="promote-name" />
        </Form.Item>
        <Form.Item name="code" label={t('incoming.form.orgCode')} rules={[{ max: 30 }]}>
          <Input style={{ maxWidth: 200 }} data-testid="promote-code" />
        </Form.Item>
        <Form.Item name="kind" label={t('incoming.form.orgKind')}>
          <Radio.Group
            optionType="button"
            options={(['party', 'state', 'other'] as const).map((k) => ({
              value: k,
              label: t(`incoming.orgKind.${k}`),
            }))}
          />
        </Form.Item>
        <SubmitOnEnter />
      </Form>
    </Modal>
  );
}
