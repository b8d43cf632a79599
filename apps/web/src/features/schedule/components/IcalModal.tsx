import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/errors';
import { BodySelect } from '../../tasks/components/BodySelect';
import { parseBodyKey } from '../../tasks/utils/labels';
import { useCreateIcalToken } from '../api/schedule';
import { PersonSelect } from './PersonSelect';

/** Đăng ký lịch (iCal): a secret feed URL of a leader or a body, shown once with a copy button. */
export function IcalModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [kind, setKind] = useState<'person' | 'body'>('person');
  const [personId, setPersonId] = useState<number | null>(null);
  const [body, setBody] = useState<string | undefined>();
  const [url, setUrl] = useState<string | null>(null);
  const create = useCreateIcalToken();
  const ready = kind === 'person' ? personId !== null : !!parseBodyKey(body);
  const run = () =>
    create.mutate(
      kind === 'person' ? { personId, body: null } : { personId: null, body: parseBodyKey(body) },
      { onSuccess: (r) => setUrl(r.url), onError: (e) => void message.error(errorMessage(e)) },
    );
  const copy = async () => {
    if (!url) {
      return;
    }
    try {
      await navigator.clipboard.writeText(url);
      void message.success(t('common.copied'));
    } catch {
      void message.info(t('schedule.ical.copyByHand'));
    }
  };
  return (
    <Modal
      open
      title={t('schedule.ical.title')}
      onCancel={onClose}
      destroyOnHidden
      footer={
        url ? (
          <Button type="primary" onClick={onClose}>
            {t('schedule.ical.done')}
          </Button>
        ) : (
          <Space>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" disabled={!ready} loading={create.isPending} onClick={run} data-testid="ical-create">
              {t('schedule.ical.create')}
            </Button>
          </Space>
        )
      }
    >
      {url ? (
        <>
          <Alert type="warning" showIcon message={t('schedule.ical.once')} style={{ marginBottom: 12 }} />
          <Space.Compact style={{ width: '100%' }}>
            <Input readOnly value={url} data-testid="ical-url" onFocus={(e) => e.target.select()} />
            <Button icon={<CopyOutlined />} onClick={() => void copy()} data-testid="ical-copy">
              {t('common.copy')}
            </Button>
          </Space.Compact>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
            {t('schedule.ical.howTo')}
          </Typography.Paragraph>
        </>
      ) : (
        <Form layout="vertical">
          <Typography.Paragraph type="secondary">{t('schedule.ical.intro')}</Typography.Paragraph>
          <Form.Item label={t('schedule.ical.of')}>
            <Radio.Group value={kind} onChange={(e) => setKind(e.target.value as 'person' | 'body')}>
              <Radio value="person">{t('schedule.ical.leader')}</Radio>
              <Radio value="body">{t('schedule.ical.body')}</Radio>
            </Radio.Group>
          </Form.Item>
          {kind === 'person' ? (
            <Form.Item label={t('schedule.ical.leader')}>
              <PersonSelect multiple={false} value={personId} onChange={(v) => setPersonId(typeof v === 'number' ? v : null)} testId="ical-person" />
            </Form.Item>
          ) : (
            <Form.Item label={t('schedule.ical.body')}>
              <BodySelect value={body} onChange={(v) => setBody(typeof v === 'string' ? v : undefined)} testId="ical-body" />
            </Form.Item>
          )}
        </Form>
      )}
    </Modal>
  );
}
