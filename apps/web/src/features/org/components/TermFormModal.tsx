import { App, DatePicker, Flex, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmitOnEnter } from '../../../components/SubmitOnEnter';
import { useFormError } from '../../../hooks/use-form-error';
import { DATE_FORMAT, parseIsoDate, toIsoDate, type Dayjs } from '../../../lib/dates';
import { changedFields, trimmed } from '../../../lib/forms';
import { toRoman } from '../../../lib/roman';
import type { Term } from '../../../types/api';
import { useCreateTerm, type TermInput } from '../api/create-term';
import { useUpdateTerm } from '../api/update-term';

interface TermFormValues {
  ordinal: number | null;
  label: string;
  congressClosedOn: Dayjs | null;
  firstPlenumDuringCongressOn: Dayjs | null;
  startsOn: Dayjs | null;
  endsOn: Dayjs | null;
}

const iso = (d: Dayjs | null | undefined) => (d ? toIsoDate(d) : null);

/** Add or edit a term (nhiệm kỳ) of a committee. */
export function TermFormModal({
  open,
  committeeId,
  term,
  nextOrdinal,
  onClose,
}: {
  open: boolean;
  committeeId: number;
  term: Term | null;
  nextOrdinal: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TermFormValues>();
  const onError = useFormError(form);
  const create = useCreateTerm();
  const update = useUpdateTerm();
  const ordinal = Form.useWatch('ordinal', form);

  const initial = useMemo<TermFormValues>(
    () => ({
      ordinal: term?.ordinal ?? nextOrdinal,
      label: term?.label ?? '',
      congressClosedOn: parseIsoDate(term?.congressClosedOn),
      firstPlenumDuringCongressOn: parseIsoDate(term?.firstPlenumDuringCongressOn),
      startsOn: parseIsoDate(term?.startsOn),
      endsOn: parseIsoDate(term?.endsOn),
    }),
    [term, nextOrdinal],
  );

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue(initial);
    }
  }, [open, initial, form]);

  const onFinish = async (v: TermFormValues) => {
    const values: TermInput = {
      ordinal: Number(v.ordinal),
      label: trimmed(v.label),
      congressClosedOn: iso(v.congressClosedOn),
      firstPlenumDuringCongressOn: iso(v.firstPlenumDuringCongressOn),
      startsOn: iso(v.startsOn),
      endsOn: iso(v.endsOn),
    };
    try {
      if (term) {
        const before: TermInput = {
          ordinal: term.ordinal,
          label: term.label,
          congressClosedOn: term.congressClosedOn,
          firstPlenumDuringCongressOn: term.firstPlenumDuringCongressOn,
          startsOn: term.startsOn,
          endsOn: term.endsOn,
        };
        const patch = changedFields(before, values);
        if (Object.keys(patch).length > 0) {await update.mutateAsync({ id: term.id, patch });}
      } else {
        await create.mutateAsync({ committeeId, input: values });
      }
      void message.success(t('common.saved'));
      onClose();
    } catch (e) {
      onError(e);
    }
  };

  return (
    <Modal
      open={open}
      title={term ? t('org.term.editTitle') : t('org.term.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
      width={560}
    >
      <Form form={form} layout="vertical" name="term-form" onFinish={onFinish} initialValues={initial}>
        <Flex gap={16} wrap align="flex-start">
          <Form.Item
            name="ordinal"
            label={t('org.term.ordinal')}
            rules={[{ required: true, message: t('validation.required') }]}
            style={{ flex: '0 0 140px' }}
          >
            <InputNumber min={1} max={99} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label={t('org.term.display')} style={{ flex: '1 1 160px' }}>
            <Typography.Text strong>
              {ordinal ? t('org.term.title', { roman: toRoman(Number(ordinal)) }) : '—'}
            </Typography.Text>
          </Form.Item>
        </Flex>
        <Form.Item name="label" label={t('org.term.label')} rules={[{ max: 100 }]}>
          <Input placeholder={t('org.term.labelPlaceholder')} />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item
            name="congressClosedOn"
            label={t('org.term.congressClosedOn')}
            style={{ flex: '1 1 200px' }}
          >
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="firstPlenumDuringCongressOn"
            label={t('org.term.firstPlenum')}
            style={{ flex: '1 1 200px' }}
          >
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Flex gap={16} wrap>
          <Form.Item
            name="startsOn"
            label={t('org.term.startsOn')}
            extra={t('org.term.startsOnHint')}
            style={{ flex: '1 1 200px' }}
          >
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="endsOn" label={t('org.term.endsOn')} style={{ flex: '1 1 200px' }}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <SubmitOnEnter />
      </Form>
    </Modal>
  );
}
