import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../../hooks/use-debounced-value';
import { usePeople } from '../../org/api/get-people';

export interface PersonOption {
  id: number;
  name: string;
  position: string | null;
}

/** People of the org directory (searched by the server without diacritics), several at once. */
export function PersonSelect({
  value,
  onChange,
  known = [],
  multiple = true,
  testId,
  placeholder,
}: {
  value?: number[] | number | null;
  onChange?: (v: number[] | number | null) => void;
  /** People already chosen (their names, before any search). */
  known?: PersonOption[];
  multiple?: boolean;
  testId?: string;
  placeholder?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search, 250);
  const people = usePeople({ q, limit: 30, offset: 0 });
  const options = useMemo(() => {
    const map = new Map<number, PersonOption>();
    for (const p of known) {
      map.set(p.id, p);
    }
    for (const p of people.data?.items ?? []) {
      if (p.active) {
        map.set(p.id, { id: p.id, name: p.fullName, position: p.positionName });
      }
    }
    return [...map.values()].map((p) => ({
      value: p.id,
      label: p.position ? `${p.name} — ${p.position}` : p.name,
    }));
  }, [known, people.data]);
  return (
    <Select<number[] | number>
      mode={multiple ? 'multiple' : undefined}
      showSearch
      allowClear
      filterOption={false}
      onSearch={setSearch}
      loading={people.isFetching}
      value={value ?? undefined}
      onChange={(v) => {
        setSearch('');
        onChange?.(v ?? (multiple ? [] : null));
      }}
      options={options}
      placeholder={placeholder ?? t('schedule.form.pickPeople')}
      data-testid={testId}
      style={{ width: '100%' }}
      notFoundContent={people.isFetching ? t('schedule.form.loading') : t('schedule.form.nobody')}
    />
  );
}
