import type { ButtonProps } from 'antd';
import { LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Form, InputNumber, Modal, Progress, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useFormError } from '../../../hooks/use-form-error';
import { formatDate, todayInOffice } from '../../../lib/dates';
import type { ProgrammeBody, ProgrammePeriod, ProgrammeSummary } from '../../schedule/types';
import { useCreateProgramme, useProgrammeBoard } from '../api/programmes';
import { ITEM_STATUSES, ITEM_STATUS_COLORS, periodLabel, PROGRAMME_BODIES, PROGRAMME_PERIODS } from '../utils/labels';
import '../programmes.css';

/** Chương trình công tác: the committee's programmes of a year, one column per body (BCH, BTV, Thường trực). */
export function ProgrammeBoardRoute() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const thisYear = todayInOffice().year();
  const year = Number(params.get('year')) || thisYear;
  const board = useProgrammeBoard(year);
  const [creating, setCreating] = useState(false);
  const setYear = (y: number) => setParams({ year: String(y) }, { replace: true });

  return (
    <>
      <PageHeader
        title={t('programmes.board.title')}
        subtitle={t('programmes.board.subtitle')}
        extra={
          <>
            <Space.Compact>
              <Button icon={<LeftOutlined />} aria-label={t('programmes.board.prevYear')} onClick={() => setYear(year - 1)} />
              <InputNumber
                value={year}
                min={2000}
                max={2999}
                onChange={(v) => v && setYear(v)}
                data-testid="programme-year"
                style={{ width: 96 }}
                aria-label={t('programmes.board.year')}
              />
              <Button icon={<RightOutlined />} aria-label={t('programmes.board.nextYear')} onClick={() => setYear(year + 1)} />
            </Space.Compact>
            {board.data?.abilities.createProgramme ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="programme-new">
                {t('programmes.board.create')}
              </Button>
            ) : null}
          </>
        }
      />
      {board.isError ? (
        <QueryError error={board.error} onRetry={() => void board.refetch()} />
      ) : !board.data ? (
        <Skeleton active />
      ) : (
        <div className="vp-prog-board" data-testid="programme-board">
          {board.data.bodies.map((b) => (
            <Card
              key={b.body}
              className="vp-prog-card"
              title={t(`programmes.bodies.${b.body}`)}
              data-testid={`programme-body-${b.body}`}
            >
              {b.programmes.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('programmes.board.none', { year })} />
              ) : (
                b.programmes.map((p) => <ProgrammeRow key={p.id} p={p} />)
              )}
            </Card>
          ))}
        </div>
      )}
      {creating && board.data ? (
        <CreateProgrammeModal committeeId={board.data.committeeId} year={year} onClose={() => setCreating(false)} />
      ) : null}
    </>
  );
}

function ProgrammeRow({ p }: { p: ProgrammeSummary }) {
  const { t } = useTranslation();
  const narrow = p.period !== 'term' && p.period !== 'year';
  return (
    <Link to={`/programmes/${p.id}`} className={`vp-prog-row${narrow ? ' is-narrow' : ''}`} data-testid={`programme-${p.id}`}>
      <Flex justify="space-between" gap={8} align="baseline">
        <span className="vp-prog-title">{periodLabel(t, p)}</span>
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
          {formatDate(p.startsOn)} – {formatDate(p.endsOn)}
        </Typography.Text>
      </Flex>
      <Progress percent={p.progress} size="small" aria-label={t('programmes.progress')} />
      <Flex gap={4} wrap>
        <Tag>{t('programmes.board.total', { count: p.total })}</Tag>
        {ITEM_STATUSES.filter((s) => p.counts[s] > 0).map((s) => (
          <Tag key={s} color={ITEM_STATUS_COLORS[s]}>
            {t(`programmes.status.${s}`)}: {p.counts[s]}
          </Tag>
        ))}
        {p.slipped > 0 ? (
          <Tag color="red" data-testid="programme-slipped">
            {t('programmes.board.slipped', { count: p.slipped })}
          </Tag>
        ) : null}
      </Flex>
    </Link>
  );
}

interface CreateValues {
  body: ProgrammeBody;
  period: ProgrammePeriod;
  year: number;
  index?: number | null;
}

function CreateProgrammeModal({ committeeId, year, onClose }: { committeeId: number; year: number; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateValues>();
  const onError = useFormError(form);
  const create = useCreateProgramme();
  const period = Form.useWatch('period', form);
  const indexMax = period === 'half' ? 2 : period === 'quarter' ? 4 : 12;
  const submit = (v: CreateValues) =>
    create.mutate(
      {
        committeeId,
        body: v.body,
        period: v.period,
        year: v.year,
        index: v.period === 'half' || v.period === 'quarter' || v.period === 'month' ? (v.index ?? 1) : null,
      },
      {
        onSuccess: (p) => {
          void message.success(t('programmes.board.created'));
          onClose();
          navigate(`/programmes/${p.id}`);
        },
        onError,
      },
    );
  return (
    <Modal
      open
      title={t('programmes.board.create')}
      onCancel={onClose}
      okText={t('programmes.board.createOk')}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'programme-create-ok' } as ButtonProps}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ body: 'btv', period: 'year', year, index: 1 }} onFinish={submit}>
        <Form.Item name="body" label={t('programmes.fields.body')} rules={[{ required: true }]}>
          <Select
            data-testid="programme-body"
            options={PROGRAMME_BODIES.map((b) => ({ value: b, label: t(`programmes.bodies.${b}`) }))}
          />
        </Form.Item>
        <Form.Item name="period" label={t('programmes.fields.period')} rules={[{ required: true }]}>
          <Select
            data-testid="programme-period"
            options={PROGRAMME_PERIODS.map((p) => ({ value: p, label: t(`programmes.periods.${p}`) }))}
          />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="year" label={t('programmes.fields.year')} rules={[{ required: true }]} style={{ flex: 1 }}>
            <InputNumber min={2000} max={2999} style={{ width: '100%' }} data-testid="programme-create-year" />
          </Form.Item>
          {period === 'half' || period === 'quarter' || period === 'month' ? (
            <Form.Item name="index" label={t(`programmes.fields.index_${period}`)} rules={[{ required: true }]} style={{ flex: 1 }}>
              <InputNumber min={1} max={indexMax} style={{ width: '100%' }} data-testid="programme-index" />
            </Form.Item>
          ) : null}
        </Flex>
      </Form>
    </Modal>
  );
}
