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
  const live = JSON.stringify(query);
  const key = useDebouncedValue(live, 400);
  const q = useMemo(() => JSON.parse(key) as DuplicateQuery, [key]);
  const check = useDuplicateCheck(q);
  const found = check.data?.duplicates ?? [];
  // Only an answer about what is in the fields now: not while typing, not a kept answer for cleared fields
  // (right after saving, the previous notation would find the document just registered).
  const current = key === live && query.notation !== '' && query.documentDate !== '';
  if (!current || found.length === 0 || check.isError) {
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
                {t('incoming.form.duplicateItem', {
                  number: d.arrivalNumber,
                  date: formatDate(d.arrivalDate),
                })}
              </Link>
            </span>
          ))}
        </span>
      }
    />
  );
}
