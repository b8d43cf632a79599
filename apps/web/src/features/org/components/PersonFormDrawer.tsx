import { App, Button, Drawer, Flex, Form, Input, InputNumber, Radio, Select, Switch, TreeSelect } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmitOnEnter } from '../../../components/SubmitOnEnter';
import { useFormError } from '../../../hooks/use-form-error';
import { blankToNull, saveRecord, trimmed } from '../../../lib/forms';
import type { Gender, Person } from '../../../types/api';
import { useAgencies } from '../api/get-agencies';
import { useCommittees } from '../api/get-committees';
import { usePositions } from '../api/get-positions';
import { useCreatePerson, type PersonInput } from '../api/create-person';
import { useUpdatePerson } from '../api/update-person';
import { committeeTreeSelectData } from '../utils/tree';

type Values = Omit<PersonInput, 'gender'> & { gender: Gender | 'unknown' };

export function PersonFormDrawer({
  open,
  person,
  defaultCommitteeId,
  onClose,
}: {
  open: boolean;
  person: Person | null;
  defaultCommitteeId?: number | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useFormError(form);
  const committees = useCommittees(true);
  const positions = usePositions();
  const committeeId = Form.useWatch('committeeId', form) as number | null | undefined;
  const agencies = useAgencies(committeeId ?? null, { enabled: !!committeeId });
  const create = useCreatePerson();
  const update = useUpdatePerson();

  const initial = useMemo<PersonInput>(
    () =>
      person
        ? {
            fullName: person.fullName,
            gender: person.gender,
            birthYear: person.birthYear,
            committeeId: person.committeeId,
            agencyId: person.agencyId,
            positionId: person.positionId,
            email: person.email,
            phone: person.phone,
            active: person.active,
          }
        : {
            fullName: '',
            gender: null,
            birthYear: null,
            committeeId: defaultCommitteeId ?? null,
            agencyId: null,
            positionId: null,
            email: null,
            phone: null,
            active: true,
          },
    [person, defaultCommitteeId],
  );

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue({ ...initial, gender: initial.gender ?? 'unknown' });
    }
  }, [open, initial, form]);

  const onFinish = async (raw: Values) => {
    const values: PersonInput = {
      fullName: trimmed(raw.fullName),
      gender: raw.gender === 'unknown' ? null : raw.gender,
      birthYear: raw.birthYear ?? null,
      committeeId: raw.committeeId ?? null,
      agencyId: raw.agencyId ?? null,
      positionId: raw.positionId ?? null,
      email: blankToNull(raw.email),
      phone: blankToNull(raw.phone),
      active: raw.active,
    };
    try {
      await saveRecord({ id: person?.id, initial, values, create: create.mutateAsync, update: update.mutateAsync });
      void message.success(t('common.saved'));
      onClose();
    } catch (e) {
      onError(e);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={person ? t('org.person.editTitle') : t('org.person.createTitle')}
      width={560}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            onClick={() => form.submit()}
            loading={create.isPending || update.isPending}
            data-testid="person-form-submit"
          >
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      <Form form={form} layout="vertical" name="person-form" onFinish={onFinish}>
        <Form.Item
          name="fullName"
          label={t('org.person.fullName')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { min: 2, max: 120 },
          ]}
        >
          <Input autoComplete="off" data-testid="person-form-fullName" />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item name="gender" label={t('org.person.gender')} style={{ flex: '1 1 240px' }}>
            <Radio.Group
              options={[
                { value: 'male', label: t('gender.male') },
                { value: 'female', label: t('gender.female') },
                { value: 'other', label: t('gender.other') },
                { value: 'unknown', label: t('gender.unknown') },
              ]}
            />
          </Form.Item>
          <Form.Item name="birthYear" label={t('org.person.birthYear')} style={{ flex: '0 1 140px' }}>
            <InputNumber min={1900} max={2100} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item name="committeeId" label={t('org.person.committee')}>
          <TreeSelect
            allowClear
            showSearch
            treeNodeFilterProp="title"
            treeDefaultExpandAll
            treeData={committeeTreeSelectData(committees.data?.items ?? [])}
            onChange={() => form.setFieldValue('agencyId', null)}
          />
        </Form.Item>
        <Form.Item name="agencyId" label={t('org.person.agency')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            disabled={!committeeId}
            loading={agencies.isFetching}
            options={(agencies.data?.items ?? []).map((a) => ({
              value: a.id,
              label: `${a.name} (${a.abbreviation})`,
            }))}
          />
        </Form.Item>
        <Form.Item name="positionId" label={t('org.person.position')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            loading={positions.isPending}
            options={(positions.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item
            name="email"
            label={t('org.person.email')}
            rules={[{ type: 'email', message: t('validation.email') }]}
            style={{ flex: '1 1 220px' }}
          >
            <Input type="email" autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="phone"
            label={t('org.person.phone')}
            rules={[{ max: 30 }]}
            style={{ flex: '1 1 160px' }}
          >
            <Input type="tel" autoComplete="off" />
          </Form.Item>
        </Flex>
        <Form.Item name="active" label={t('common.status')} valuePropName="checked">
          <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.inactive')} />
        </Form.Item>
        <SubmitOnEnter />
      </Form>
    </Drawer>
  );
}
