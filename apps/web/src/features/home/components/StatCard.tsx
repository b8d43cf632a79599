import { Card, Statistic } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

export function StatCard({
  title,
  value,
  icon,
  to,
  testId,
  tone,
}: {
  title: string;
  value: number;
  icon: ReactNode;
  to?: string;
  testId: string;
  tone?: 'danger' | 'warning';
}) {
  const color =
    tone === 'danger' && value > 0 ? '#cf1322' : tone === 'warning' && value > 0 ? '#d46b08' : undefined;
  const card = (
    <Card hoverable={!!to} className="vp-stat-card" data-testid={testId}>
      <div className="vp-stat-icon" aria-hidden>
        {icon}
      </div>
      <Statistic title={title} value={value} valueStyle={{ color, fontWeight: 600 }} />
    </Card>
  );
  return to ? (
    <Link to={to} className="vp-stat-link" aria-label={`${title}: ${value}`}>
      {card}
    </Link>
  ) : (
    card
  );
}
