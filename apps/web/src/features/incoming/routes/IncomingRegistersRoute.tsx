import { ClockCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useHasPermission, useMe } from '../../../lib/auth';
import { useIncomingRegisters } from '../api/get-registers';
import { NewRegisterModal } from '../components/NewRegisterModal';
import type { RegisterView } from '../types';

/** Sổ văn bản đến: the registers of the caller's committees for one year; clerks may open a new one. */
export function IncomingRegistersRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const canRegister = useHasPermission('incoming.register');
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const registers = useIncomingRegisters(year);
  const [newOpen, setNewOpen] = useState(false);
  const committeeId = me?.scopeCommitteeId ?? null;
  const years = Array.from({ length: 7 }, (_, i) => thisYear + 1 - i);

  return (
    <div>
      <PageHeader
        title={t('incoming.registers.title')}
        subtitle={t('incoming.registers.subtitle')}
        extra={
          <>
            {canRegister && committeeId !== null ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setNewOpen(true)}
                data-testid="register-new"
              >
                {t('incoming.registers.new')}
              </Button>
            ) : null}
            <Button
              icon={<ClockCircleOutlined />}
              onClick={() => navigate('/incoming/deadline-rules')}
              data-testid="registers-deadline-rules"
            >
              {t('incoming.deadlineRules.title')}
            </Button>
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space>
          <Typography.Text>{t('incoming.registers.year')}</Typography.Text>
          <Select
            value={year}
            onChange={setYear}
            style={{ width: 120 }}
            data-testid="registers-year"
            options={years.map((y) => ({ value: y, label: String(y) }))}
          />
        </Space>
      </Card>
      {registers.error ? (
        <QueryError error={registers.error} onRetry={() => void registers.refetch()} />
      ) : (
        <Table<RegisterView>
          rowKey="id"
          data-testid="registers-table"
          loading={registers.isPending}
          dataSource={registers.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('incoming.registers.empty') }}
          columns={[
            { title: t('incoming.registers.name'), dataIndex: 'name' },
            {
              title: t('incoming.registers.kind'),
              dataIndex: 'kind',
              render: (k: RegisterView['kind']) => t(`incoming.registers.kinds.${k}`),
            },
            { title: t('incoming.registers.year'), dataIndex: 'year', width: 100 },
            {
              title: t('incoming.registers.lastNumber'),
              dataIndex: 'lastNumber',
              width: 140,
              align: 'right',
              render: (n: number | null) => (n === null || n === undefined ? '—' : n),
            },
          ]}
        />
      )}
      {canRegister && committeeId !== null ? (
        <NewRegisterModal
          open={newOpen}
          committeeId={committeeId}
          year={year}
          onClose={() => setNewOpen(false)}
        />
      ) : null}
    </div>
  );
}
