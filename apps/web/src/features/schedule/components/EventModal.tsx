import { App, Alert, Button, DatePicker, Flex, Form, Input, Modal, Popconfirm, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormError } from '../../../hooks/use-form-error';
import { isApiError } from '../../../lib/api';
import { DATE_TIME_SHORT_FORMAT, dayjs, type Dayjs } from '../../../lib/dates';
import { errorMessage } from '../../../lib/errors';
import { changedFields } from '../../../lib/forms';
import { BodySelect } from '../../tasks/components/BodySelect';
import { bodyKeyOf, parseBodyKey } from '../../tasks/utils/labels';
import { useCancelEvent, useCreateEvent, useResources, useUpdateEvent } from '../api/schedule';
import type { EventInputBody, LeaderConflict, ScheduleEvent } from '../types';
import { instantToWall, timeRange, vnDate, wallToInstant } from '../utils/week';
import { PersonSelect } from './PersonSelect';

interface Values {
  startsAt?: Dayjs | null;
  endsAt?: Dayjs | null;
  content: string;
  place?: string;
  leaderIds?: number[];
  preparingBody?: string;
  participants?: string;
  notes?: string;
  resourceIds?: number[];
}

/** Shows the leaders booked elsewhere at the same time (a warning: the event is saved). */
export function useConflictWarning() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  return (conflicts: LeaderConflict[]) => {
    if (conflicts.length === 0) {
      return;
    }
    modal.warning({
      title: t('schedule.conflicts.title'),
      width: 560,
      content: (
        <div data-testid="event-conflicts">
          <p>{t('schedule.conflicts.text')}</p>
          <ul style={{ paddingLeft: 18 }}>
            {conflicts.map((c) => (
              <li key={`${c.personId}-${c.eventId}`}>
                <strong>{c.personName}</strong>: {dayjs(vnDate(c.startsAt)).format('DD/MM/YYYY')}{' '}
                {timeRange(c.startsAt, c.endsAt)} — {c.content}
              </li>
            ))}
          </ul>
        </div>
      ),
    });
  };
}

/** Thêm / sửa lịch công tác: times in Vietnam (dd/mm/yyyy HH:mm), leaders, rooms and cars. */
export function EventModal({
  committeeId,
  event,
  defaultDay,
  onClose,
}: {
  committeeId: number;
  event?: ScheduleEvent | null;
  /** "YYYY-MM-DD" the new event starts on. */
  defaultDay?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const onFormError = useFormError(form);
  const create = useCreateEvent();
  const update = useUpdateEvent();
  const cancel = useCancelEvent();
  const resources = useResources();
  const warn = useConflictWarning();
  const [taken, setTaken] = useState<string | null>(null);
  const [cancelReason, setCancelReason] = useState('');

  const initial = useMemo<Values>(() => {
    if (event) {
      return {
        startsAt: instantToWall(event.startsAt),
        endsAt: instantToWall(event.endsAt),
        content: event.content,
        place: event.place,
        leaderIds: event.leaders.map((l) => l.id),
        preparingBody: event.preparingBody ? bodyKeyOf(event.preparingBody) : undefined,
        participants: event.participants,
        notes: event.notes,
        resourceIds: event.resources.map((r) => r.id),
      };
    }
    const day = defaultDay ?? dayjs().format('YYYY-MM-DD');
    return {
      startsAt: dayjs(`${day} 08:00`, 'YYYY-MM-DD HH:mm'),
      endsAt: dayjs(`${day} 11:00`, 'YYYY-MM-DD HH:mm'),
      content: '',
      leaderIds: [],
      resourceIds: [],
    };
  }, [event, defaultDay]);

  const resourceOptions = useMemo(() => {
    const items = (resources.data?.items ?? []).filter((r) => r.active && r.committeeId === committeeId);
    return (['room', 'car'] as const)
      .map((kind) => ({
        label: t(`schedule.resources.${kind}`),
        options: items.filter((r) => r.kind === kind).map((r) => ({ value: r.id, label: r.note ? `${r.name} (${r.note})` : r.name })),
      }))
      .filter((g) => g.options.length > 0);
  }, [resources.data, committeeId, t]);

  const onError = (e: unknown) => {
    if (isApiError(e) && e.code === 'schedule.resource_taken') {
      const names = (Array.isArray(e.details) ? (e.details as { resourceName?: string }[]) : [])
        .map((d) => d.resourceName)
        .filter(Boolean)
        .join(', ');
      const text = t('schedule.form.resourceTaken', { names });
      setTaken(text);
      form.setFields([{ name: 'resourceIds', errors: [text] }]);
      return;
    }
    if (isApiError(e) && e.code === 'schedule.ends_before_start') {
      form.setFields([{ name: 'endsAt', errors: [t('schedule.form.endsBeforeStart')] }]);
      return;
    }
    if (isApiError(e) && e.code === 'schedule.version_conflict') {
      void message.error(t('schedule.form.stale'));
      return;
    }
    onFormError(e);
  };

  const submit = (v: Values) => {
    setTaken(null);
    if (!v.startsAt || !v.endsAt) {
      return;
    }
    const body: EventInputBody = {
      committeeId,
      startsAt: wallToInstant(v.startsAt),
      endsAt: wallToInstant(v.endsAt),
      content: v.content,
      place: v.place ?? '',
      leaderIds: v.leaderIds ?? [],
      preparingBody: parseBodyKey(v.preparingBody),
      participants: v.participants ?? '',
      notes: v.notes ?? '',
      resourceIds: v.resourceIds ?? [],
    };
    const done = (answer: ScheduleEvent) => {
      void message.success(event ? t('schedule.form.updated') : t('schedule.form.created'));
      onClose();
      warn(answer.conflicts);
    };
    if (event) {
      // Only what changed: an unchanged save must not mark a published event "Điều chỉnh" nor notify the leaders.
      const { committeeId: _c, ...values } = body;
      const before: Omit<EventInputBody, 'committeeId'> = {
        startsAt: new Date(event.startsAt).toISOString(),
        endsAt: new Date(event.endsAt).toISOString(),
        content: event.content,
        place: event.place,
        leaderIds: event.leaders.map((l) => l.id),
        preparingBody: event.preparingBody ? { committeeId: event.preparingBody.committeeId, agencyId: event.preparingBody.agencyId } : null,
        participants: event.participants,
        notes: event.notes,
        resourceIds: event.resources.map((r) => r.id),
      };
      const patch = changedFields(before, values);
      if (Object.keys(patch).length === 0) {
        void message.info(t('common.noChanges'));
        onClose();
        return;
      }
      update.mutate({ id: event.id, body: { ...patch, version: event.version } }, { onSuccess: done, onError });
    } else {
      create.mutate(body, { onSuccess: done, onError });
    }
  };

  return (
    <Modal
      open
      width={720}
      title={event ? t('schedule.form.editTitle') : t('schedule.form.newTitle')}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Flex justify="space-between" gap={8} wrap>
          <div>
            {event && !event.cancelled ? (
              <Popconfirm
                title={t('schedule.form.cancelConfirm')}
                description={
                  <Input
                    placeholder={t('schedule.form.cancelReason')}
                    value={cancelReason}
                    onChange={(e) => setCancelReason(e.target.value)}
                    data-testid="event-cancel-reason"
                  />
                }
                okText={t('schedule.form.cancelOk')}
                cancelText={t('common.back')}
                onConfirm={() =>
                  cancel.mutate(
                    { id: event.id, version: event.version, reason: cancelReason },
                    {
                      onSuccess: () => {
                        void message.success(t('schedule.form.cancelled'));
                        onClose();
                      },
                      onError: (e) => void message.error(errorMessage(e)),
                    },
                  )
                }
              >
                <Button danger data-testid="event-cancel">
                  {t('schedule.form.cancelEvent')}
                </Button>
              </Popconfirm>
            ) : null}
          </div>
          <Flex gap={8}>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              loading={create.isPending || update.isPending}
              onClick={() => form.submit()}
              data-testid="event-save"
            >
              {t('common.save')}
            </Button>
          </Flex>
        </Flex>
      }
    >
      {taken ? <Alert type="error" showIcon message={taken} style={{ marginBottom: 12 }} data-testid="event-resource-taken" /> : null}
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit}>
        <Flex gap={12} wrap>
          <Form.Item name="startsAt" label={t('schedule.fields.startsAt')} rules={[{ required: true }]} style={{ flex: 1, minWidth: 200 }}>
            <DatePicker
              showTime={{ format: 'HH:mm', minuteStep: 5 }}
              format={DATE_TIME_SHORT_FORMAT}
              style={{ width: '100%' }}
              data-testid="event-starts"
              onChange={(d) => {
                const end = form.getFieldValue('endsAt') as Dayjs | null;
                if (d && (!end || !end.isAfter(d))) {
                  form.setFieldValue('endsAt', d.add(2, 'hour'));
                }
              }}
            />
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
            <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format={DATE_TIME_SHORT_FORMAT} style={{ width: '100%' }} data-testid="event-ends" />
          </Form.Item>
        </Flex>
        <Form.Item name="content" label={t('schedule.fields.content')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="event-content" />
        </Form.Item>
        <Form.Item name="leaderIds" label={t('schedule.fields.leaders')}>
          <PersonSelect known={event?.leaders ?? []} testId="event-leaders" />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="place" label={t('schedule.fields.place')} style={{ flex: 1, minWidth: 220 }}>
            <Input data-testid="event-place" />
          </Form.Item>
          <Form.Item name="preparingBody" label={t('schedule.fields.preparingBody')} style={{ flex: 1, minWidth: 220 }}>
            <BodySelect testId="event-preparing" placeholder={t('schedule.form.pickBody')} />
          </Form.Item>
        </Flex>
        <Form.Item name="participants" label={t('schedule.fields.participants')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} data-testid="event-participants" />
        </Form.Item>
        <Form.Item name="resourceIds" label={t('schedule.fields.resources')}>
          <Select mode="multiple" allowClear options={resourceOptions} loading={resources.isPending} data-testid="event-resources" optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="notes" label={t('schedule.fields.notes')} extra={t('schedule.form.notesHint')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} data-testid="event-notes" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
