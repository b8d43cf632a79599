import { App, Button, Drawer, Flex, Form, Input, Radio, Select, Switch, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmitOnEnter } from '../../../components/SubmitOnEnter';
import { useFormError } from '../../../hooks/use-form-error';
import { saveRecord, trimmed } from '../../../lib/forms';
import { useResetOnOpen } from '../../../hooks/use-reset-on-open';
import type { Committee } from '../../../types/api';
import { useCommittees } from '../api/get-committees';
import { useLevels } from '../api/get-levels';
import { useCreateCommittee, type CommitteeInput } from '../api/create-committee';
import { useUpdateCommittee } from '../api/update-committee';
import { committeeTreeSelectData, subtreeIds } from '../utils/tree';

/** Create (committee null) or edit a committee. */
export function CommitteeFormDrawer({
  open,
  committee,
  defaultParentId,
  onClose,
}: {
  open: boolean;
  committee: Committee | null;
  defaultParentId?: number | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CommitteeInput>();
  const onError = useFormError(form);
  const levels = useLevels();
  const committees = useCommittees(true);
  const create = useCreateCommittee();
  const update = useUpdateCommittee();
  const editing = committee !== null;

  const initial = useMemo<CommitteeInput>(
    () =>
      committee
        ? {
            parentId: committee.parentId,
            levelCode: committee.levelCode,
            name: committee.name,
            superiorLine: committee.superiorLine,
            placeName: committee.placeName,
            abbreviation: committee.abbreviation,
            numberingRule: committee.numberingRule,
            active: committee.active,
          }
        : {
            parentId: defaultParentId ?? null,
            levelCode: '',
            name: '',
            superiorLine: '',
            placeName: '',
            abbreviation: '',
            numberingRule: 'party_term',
            active: true,
          },
    [committee, defaultParentId],
  );

  useResetOnOpen(form, open, initial);

  const parentTree = useMemo(
    () =>
      committeeTreeSelectData(
        committees.data?.items ?? [],
        committee ? subtreeIds(committees.data?.items ?? [], committee.id) : undefined,
      ),
    [committees.data, committee],
  );

  const onFinish = async (raw: CommitteeInput) => {
    const values: CommitteeInput = {
      ...raw,
      parentId: raw.parentId ?? null,
      name: trimmed(raw.name),
      superiorLine: trimmed(raw.superiorLine),
      placeName: trimmed(raw.placeName),
      abbreviation: trimmed(raw.abbreviation),
    };
    try {
      await saveRecord({ id: committee?.id, initial, values, create: create.mutateAsync, update: update.mutateAsync });
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
      title={editing ? t('org.committee.editTitle') : t('org.committee.createTitle')}
      width={560}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            onClick={() => form.submit()}
            loading={create.isPending || update.isPending}
            data-testid="committee-form-submit"
          >
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      <Form form={form} layout="vertical" name="committee-form" onFinish={onFinish} initialValues={initial}>
        <Form.Item
          name="name"
          label={t('org.committee.name')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 300 }]}
        >
          <Input placeholder={t('org.committee.namePlaceholder')} data-testid="committee-form-name" />
        </Form.Item>
        <Form.Item
          name="levelCode"
          label={t('org.committee.level')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Select
            loading={levels.isPending}
            data-testid="committee-form-level"
            options={(levels.data?.items ?? []).map((l) => ({
              value: l.code,
              label: l.historic ? `${l.name} (${t('org.level.historic')})` : l.name,
            }))}
          />
        </Form.Item>
        <Form.Item name="parentId" label={t('org.committee.parent')} extra={t('org.committee.parentHint')}>
          <TreeSelect
            allowClear
            showSearch
            treeNodeFilterProp="title"
            treeDefaultExpandAll
            treeData={parentTree}
            loading={committees.isPending}
            placeholder={t('org.committee.noParent')}
          />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item
            name="abbreviation"
            label={t('org.committee.abbreviation')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 30 }]}
            style={{ flex: '1 1 160px' }}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="placeName"
            label={t('org.committee.placeName')}
            rules={[{ max: 100 }]}
            style={{ flex: '1 1 200px' }}
            extra={t('org.committee.placeNameHint')}
          >
            <Input />
          </Form.Item>
        </Flex>
        <Form.Item
          name="superiorLine"
          label={t('org.committee.superiorLine')}
          rules={[{ max: 300 }]}
          extra={t('org.committee.superiorLineHint')}
        >
          <Input />
        </Form.Item>
        <Form.Item name="numberingRule" label={t('org.committee.numberingRule')}>
          <Radio.Group
            options={[
              { value: 'party_term', label: t('org.numberingRule.party_term') },
              { value: 'state_year', label: t('org.numberingRule.state_year') },
            ]}
          />
        </Form.Item>
        <Form.Item name="active" label={t('common.status')} valuePropName="checked">
          <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.inactive')} />
        </Form.Item>
        <SubmitOnEnter />
      </Form>
    </Drawer>
  );
}
