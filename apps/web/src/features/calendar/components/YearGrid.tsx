import { Col, Row, Tooltip } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { dayjs, formatDate } from '../../../lib/dates';
import type { Holiday } from '../../../types/api';

/** Twelve small months; days off and swapped working days coloured by kind, weekends greyed. */
export function YearGrid({ year, holidays }: { year: number; holidays: Holiday[] }) {
  const { t } = useTranslation();
  const byDate = useMemo(() => new Map(holidays.map((h) => [h.date, h])), [holidays]);
  const weekdays = t('dates.weekdaysShort', { returnObjects: true }) as unknown as string[];
  // Monday first, as in Vietnamese calendars.
  const header = [1, 2, 3, 4, 5, 6, 0].map((d) => weekdays[d] ?? '');

  return (
    <Row gutter={[16, 16]}>
      {Array.from({ length: 12 }, (_, m) => {
        const first = dayjs(new Date(year, m, 1));
        const offset = (first.day() + 6) % 7;
        const days = first.daysInMonth();
        const cells: (number | null)[] = [
          ...Array<null>(offset).fill(null),
          ...Array.from({ length: days }, (_, i) => i + 1),
        ];
        return (
          <Col key={m} xs={24} sm={12} lg={8} xxl={6}>
            <div className="vp-month">
              <div className="vp-month-title">{t('dates.month', { month: m + 1 })}</div>
              <div className="vp-month-grid" aria-hidden="true">
                {header.map((h, i) => (
                  <div key={`h${i}`} className={`vp-month-head${i >= 5 ? ' is-weekend' : ''}`}>
                    {h}
                  </div>
                ))}
                {cells.map((d, i) => {
                  if (d === null) {return <div key={`e${i}`} />;}
                  const date = first.date(d);
                  const iso = date.format('YYYY-MM-DD');
                  const h = byDate.get(iso);
                  const weekend = date.day() === 0 || date.day() === 6;
                  const cls = `vp-day${weekend ? ' is-weekend' : ''}${h ? ` is-${h.kind}` : ''}`;
                  const label = h
                    ? `${formatDate(iso)}: ${h.name} (${t(`calendar.kind.${h.kind}`)})`
                    : formatDate(iso);
                  const cell = (
                    <div key={iso} className={cls}>
                      {d}
                    </div>
                  );
                  return h ? (
                    <Tooltip key={iso} title={label}>
                      {cell}
                    </Tooltip>
                  ) : (
                    cell
                  );
                })}
              </div>
            </div>
          </Col>
        );
      })}
    </Row>
  );
}
