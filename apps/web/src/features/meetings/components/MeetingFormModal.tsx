import type { ButtonProps } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Flex, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useFormError } from '../../../hooks/use-form-error';
import { isApiError } from '../../../lib/api';
import { DATE_TIME_SHORT_FORMAT, dayjs, type Dayjs } from '../../../lib/dates';
import { useAssignees } from '../../incoming/api/get-assignees';
import { useProgramme, useProgrammeList } from '../../programmes/api/programmes';
import { periodLabel } from '../../programmes/utils/labels';
import { useResources } from '../../schedule/api/schedule';
import { PersonSelect } from '../../schedule/components/PersonSelect';
import type { MeetingKind } from '../../schedule/types';
import { wallToInstant } from '../../schedule/utils/week';
import { useCreateMeeting } from '../api/meetings';
import { MEETING_KINDS } from '../utils/labels';

interface AgendaRow {
  content: string;
  programmeItemId?: number | null;
  presenter?: string;
}

interface Values {
  kind: MeetingKind;
  title: string;
  startsAt?: Dayjs | null;
  endsAt?: Dayjs | null;
  place?: string;
  chairPersonId?: number | null;
  agenda: AgendaRow[];
  inviteeUserIds?: number[];
  resourceIds?: number[];
}

/** Hội nghị mới: agenda from the programme items, chair, invitees (accounts), room; it goes on the week. */
export function MeetingFormModal({ committeeId, defaultDay, onClose }: { committeeId: number; defaultDay: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const onFormError = useFormError(form);
  const create = useCreateMeeting();
  const users = useAssignees();
  const resources = useResources();
  const startsAt = Form.useWatch('startsAt', form);
  const year = (startsAt ?? dayjs(defaultDay)).year();
  const programmes = useProgrammeList({ year });
  const [programmeId, setProgrammeId] = useState<number | null>(null);
  const programme = useProgramme(programmeId ?? 0, programmeId !== null);
  const [picked, setPicked] = useState<number[]>([]);

  const addFromProgramme = () => {
    const items = (programme.data?.items ?? []).filter((i) => picked.includes(i.id));
    const agenda = (form.getFieldValue('agenda') as AgendaRow[] | undefined) ?? [];
    form.setFieldValue('agenda', [
      ...agenda.filter((a) => a.content?.trim()),
      ...items.map((i) => ({ content: i.content, programmeItemId: i.id, presenter: i.presenter || i.lead?.name || '' })),
    ]);
    setPicked([]);
  };

  const submit = (v: Values) => {
    if (!v.startsAt || !v.endsAt || !v.chairPersonId) {
      return;
    }
    create.mutate(
      {
        committeeId,
        kind: v.kind,
        title: v.title,
        startsAt: wallToInstant(v.startsAt),
        endsAt: wallToInstant(v.endsAt),
        place: v.place ?? '',
        chairPersonId: v.chairPersonId,
        agenda: (v.agenda ?? [])
          .filter((a) => a.content?.trim())
          .map((a) => ({ content: a.content, programmeItemId: a.programmeItemId ?? null, presenter: a.presenter ?? '' })),
        inviteeUserIds: v.inviteeUserIds ?? [],
        resourceIds: v.resourceIds ?? [],
      },
      {
        onSuccess: (m) => {
          void message.success(t('meetings.form.created'));
          onClose();
          navigate(`/meetings/${m.id}`);
        },
        onError: (e) => {
          if (isApiError(e) && e.code === 'schedule.resource_taken') {
            form.setFields([{ name: 'resourceIds', errors: [t('schedule.form.resourceTaken', { names: '' })] }]);
            return;
          }
          onFormError(e);
        },
      },
    );
  };

  return (
    <Modal
      open
      width={760}
      title={t('meetings.form.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'meeting-save' } as ButtonProps}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          kind: 'btv',
          title: '',
          startsAt: dayjs(`${defaultDay} 08:00`, 'YYYY-MM-DD HH:mm'),
          endsAt: dayjs(`${defaultDay} 11:30`, 'YYYY-MM-DD HH:mm'),
          agenda: [{ content: '' }],
          inviteeUserIds: [],
          resourceIds: [],
        }}
      >
        <Flex gap={12} wrap>
          <Form.Item name="kind" label={t('meetings.fields.kind')} rules={[{ required: true }]} style={{ width: 220 }}>
            <Select data-testid="meeting-kind" options={MEETING_KINDS.map((k) => ({ value: k, label: t(`meetings.kinds.${k}`) }))} />
          </Form.Item>
          <Form.Item name="title" label={t('meetings.fields.title')} rules={[{ required: true, whitespace: true }]} style={{ flex: 1, minWidth: 260 }}>
            <Input data-testid="meeting-title" />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item name="startsAt" label={t('schedule.fields.startsAt')} rules={[{ required: true }]} style={{ flex: 1, minWidth: 200 }}>
            <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format={DATE_TIME_SHORT_FORMAT} style={{ width: '100%' }} data-testid="meeting-starts" />
          </Form.Item>
          <Form.Item
            name="endsAt"
            label={t('schedule.fields.endsAt')}
            dependencies={['startsAt']}
            rules={[
              { required: true },
              ({ getFieldValue }) => ({
                validator: (_r, v: Dayjs | null) => {
                  const s = getFieldValue('startsAt') as Dayjs | null;
                  return !v || !s || v.isAfter(s) ? Promise.resolve() : Promise.reject(new Error(t('schedule.form.endsBeforeStart')));
                },
              }),
            ]}
            style={{ flex: 1, minWidth: 200 }}
          >
            <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format={DATE_TIME_SHORT_FORMAT} style={{ width: '100%' }} data-testid="meeting-ends" />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item
            name="chairPersonId"
            label={t('meetings.fields.chair')}
            rules={[{ required: true, message: t('meetings.form.chairRequired') }]}
            style={{ flex: 1, minWidth: 260 }}
          >
            <PersonSelect multiple={false} testId="meeting-chair" />
          </Form.Item>
          <Form.Item name="place" label={t('schedule.fields.place')} style={{ flex: 1, minWidth: 220 }}>
            <Input data-testid="meeting-place" />
          </Form.Item>
        </Flex>
        <Form.Item name="resourceIds" label={t('meetings.fields.rooms')}>
          <Select
            mode="multiple"
            allowClear
            optionFilterProp="label"
            data-testid="meeting-resources"
            options={(resources.data?.items ?? [])
              .filter((r) => r.active && r.committeeId === committeeId)
              .map((r) => ({ value: r.id, label: `${t(`schedule.resources.${r.kind}`)}: ${r.name}` }))}
          />
        </Form.Item>
        <Form.Item name="inviteeUserIds" label={t('meetings.fields.invitees')} extra={t('meetings.form.inviteesHint')}>
          <Select
            mode="multiple"
            allowClear
            optionFilterProp="label"
            loading={users.isPending}
            data-testid="meeting-invitees"
            options={(users.data?.users ?? []).map((u) => ({ value: u.id, label: u.agencyName ? `${u.name} — ${u.agencyName}` : u.name }))}
          />
        </Form.Item>
        <Typography.Title level={5}>{t('meetings.fields.agenda')}</Typography.Title>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Select
            style={{ minWidth: 260, flex: 1 }}
            placeholder={t('meetings.form.fromProgramme')}
            showSearch
            optionFilterProp="label"
            value={programmeId ?? undefined}
            onChange={(v) => {
              setProgrammeId(v);
              setPicked([]);
            }}
            data-testid="meeting-programme"
            options={(programmes.data?.items ?? []).map((p) => ({
              value: p.id,
              label: `${t(`programmes.bodies.${p.body}`)} — ${periodLabel(t, p)}`,
            }))}
          />
          <Select
            mode="multiple"
            style={{ minWidth: 260, flex: 2 }}
            placeholder={t('meetings.form.pickItems')}
            value={picked}
            onChange={setPicked}
            disabled={!programme.data}
            optionFilterProp="label"
            data-testid="meeting-programme-items"
            options={(programme.data?.items ?? [])
              .filter((i) => i.status === 'planned' || i.status === 'prepared')
              .map((i) => ({ value: i.id, label: i.content }))}
          />
          <Button onClick={addFromProgramme} disabled={picked.length === 0} data-testid="meeting-add-items">
            {t('meetings.form.addItems')}
          </Button>
        </Flex>
        <Form.List name="agenda">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, n) => (
                <Flex key={f.key} gap={8} align="flex-start">
                  <Typography.Text style={{ paddingTop: 5, width: 20 }}>{n + 1}.</Typography.Text>
                  <Form.Item name={[f.name, 'content']} style={{ flex: 3, marginBottom: 8 }}>
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} placeholder={t('meetings.fields.agendaContent')} data-testid={`agenda-${n}`} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'presenter']} style={{ flex: 2, marginBottom: 8 }}>
                    <Input placeholder={t('meetings.fields.presenter')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'programmeItemId']} hidden>
                    <Input />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('common.delete')} />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ content: '' })} type="dashed">
                {t('meetings.form.addAgenda')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
