import { Alert } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useDebouncedValue } from '../../../hooks/use-debounced-value';
import { formatDate } from '../../../lib/dates';
import { useDuplicateCheck, type DuplicateQuery } from '../api/check-duplicate';

/** A live warning while typing: the same issuer + notation + date is already in the register. Never a block. */
export function DuplicateWarning({ query }: { query: DuplicateQuery }) {
  const { t } = useTranslation();
  // Debounce a string: a fresh object each render would restart the timer forever.
  const key = useDebouncedValue(JSON.stringify(query), 400);
  const q = useMemo(() => JSON.parse(key) as DuplicateQuery, [key]);
  const check = useDuplicateCheck(q);
  const found = check.data?.duplicates ?? [];
  if (found.length === 0 || check.isError) {
    return null;
  }
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 14 }}
      data-testid="incoming-form-duplicate"
      message={t('incoming.form.duplicateTitle')}
      description={
        <span>
          {found.map((d, i) => (
            <span key={d.id}>
              {i > 0 ? ', ' : null}
              <Link to={`/incoming/${d.id}`} target="_blank">
                {t('incoming.form.duplicateItem', { number: d.arrivalNumber, date: formatDate(d.arrivalDate) })}
              </Link>
            </span>
          ))}
        </span>
      }
    />
  );
}
