import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/dates';
import type { IncomingDetail } from '../types';

/** The "ĐẾN" stamp as the clerk writes it on the paper (spec §4): agency; ĐẾN Số …; Ngày …; Chuyển …; hồ sơ … */
export function StampBlock({ stamp }: { stamp: IncomingDetail['stamp'] }) {
  const { t } = useTranslation();
  const row = (label: string, value: string | number, testId?: string) => (
    <div>
      {label}:{' '}
      <span className="vp-in-stamp-value" data-testid={testId}>
        {value === '' ? '…' : value}
      </span>
    </div>
  );
  return (
    <div className="vp-in-stamp" data-testid="incoming-stamp" aria-label={t('incoming.stamp.label')}>
      <div className="vp-in-stamp-agency">{stamp.agencyName}</div>
      <div>
        <span className="vp-in-stamp-den">{t('incoming.stamp.den')}</span> {t('incoming.stamp.number')}:{' '}
        <span className="vp-in-stamp-value" data-testid="incoming-stamp-number">
          {stamp.arrivalNumber}
        </span>
      </div>
      {row(
        t('incoming.stamp.date'),
        `${formatDate(stamp.arrivalDate)}${stamp.arrivalTime ? ` ${stamp.arrivalTime}` : ''}`,
      )}
      {row(t('incoming.stamp.forwardedTo'), stamp.forwardedTo)}
      {row(t('incoming.stamp.fileCode'), stamp.fileCode)}
    </div>
  );
}
