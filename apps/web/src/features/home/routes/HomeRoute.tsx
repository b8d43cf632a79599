import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  CalendarOutlined,
  ClockCircleOutlined,
  TeamOutlined,
  UserOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { Card, Col, Flex, Row, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useMe, usePermissions } from '../../../lib/auth';
import { daysUntil, formatDate, parseIsoDate, todayInOffice } from '../../../lib/dates';
import { longDate, weekdayName } from '../../../lib/long-date';
import { InboxCards } from '../../incoming/components/InboxCards';
import { useHome } from '../api/get-home';
import { StatCard } from '../components/StatCard';

export function HomeRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const permissions = usePermissions();
  const home = useHome();
  const today = todayInOffice();
  const counts = home.data?.counts;
  const next = home.data?.nextHoliday ?? null;
  const nextDate = next ? parseIsoDate(next.date) : null;

  const cards = counts
    ? [
        {
          key: 'committees',
          icon: <ApartmentOutlined />,
          to: permissions.has('org.view') ? '/directory' : undefined,
        },
        {
          key: 'agencies',
          icon: <BankOutlined />,
          to: permissions.has('org.view') ? '/directory?tab=agencies' : undefined,
        },
        {
          key: 'people',
          icon: <TeamOutlined />,
          to: permissions.has('org.view') ? '/directory?tab=people' : undefined,
        },
        {
          key: 'users',
          icon: <UserOutlined />,
          to: permissions.has('users.view') ? '/admin/users' : undefined,
        },
        {
          key: 'auditToday',
          icon: <AuditOutlined />,
          to: permissions.has('audit.view') ? '/admin/audit' : undefined,
        },
        { key: 'jobsQueued', icon: <ClockCircleOutlined />, tone: 'warning' as const },
        { key: 'jobsFailed', icon: <WarningOutlined />, tone: 'danger' as const },
      ].filter((c) => typeof counts[c.key as keyof typeof counts] === 'number')
    : [];

  return (
    <div>
      <PageHeader title={t('home.greeting', { name: me?.displayName ?? '' })} subtitle={t('home.subtitle')} />

      <Card className="vp-today-card" style={{ marginBottom: 16 }}>
        <Flex gap={16} align="center" wrap>
          <div className="vp-today-icon" aria-hidden>
            <CalendarOutlined />
          </div>
          <div style={{ minWidth: 0, flex: '1 1 260px' }}>
            <Typography.Text type="secondary">{t('home.today')}</Typography.Text>
            <Typography.Title level={4} style={{ margin: '2px 0 6px' }} data-testid="home-today">
              {longDate(today)}
            </Typography.Title>
            {home.data ? (
              <Flex gap={8} wrap align="center">
                {home.data.workingDayToday ? (
                  <Tag color="green" data-testid="home-working-day">
                    {t('home.workingDay')}
                  </Tag>
                ) : (
                  <Tag color="orange" data-testid="home-working-day">
                    {t('home.dayOff')}
                  </Tag>
                )}
                {next && nextDate ? (
                  <Typography.Text data-testid="home-next-holiday">
                    {t('home.nextHoliday', {
                      name: next.name,
                      weekday: weekdayName(nextDate),
                      date: formatDate(next.date),
                      count: daysUntil(next.date),
                    })}
                  </Typography.Text>
                ) : (
                  <Typography.Text type="secondary">{t('home.noNextHoliday')}</Typography.Text>
                )}
              </Flex>
            ) : null}
          </div>
          <Link to="/calendar">{t('home.openCalendar')}</Link>
        </Flex>
      </Card>

      {home.isPending ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : home.error ? (
        <QueryError error={home.error} onRetry={() => void home.refetch()} />
      ) : (
        <Row gutter={[16, 16]}>
          <InboxCards />
          {cards.map((c) => (
            <Col key={c.key} xs={12} sm={12} lg={8} xl={6}>
              <StatCard
                title={t(`home.counts.${c.key}`)}
                value={counts?.[c.key as keyof typeof counts] ?? 0}
                icon={c.icon}
                to={c.to}
                tone={c.tone}
                testId={`home-count-${c.key}`}
              />
            </Col>
          ))}
        </Row>
      )}
    </div>
  );
}
