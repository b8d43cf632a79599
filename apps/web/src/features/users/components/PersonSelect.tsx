import { Select, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../../hooks/use-debounced-value';
import type { Person } from '../../../types/api';
import { usePersonOptions } from '../api/get-person-options';

/** A searchable select over /api/org/people (the server ignores diacritics: "nguyen" finds "Nguyễn"). */
export function PersonSelect({
  value,
  onChange,
  initialLabel,
  onPick,
  id,
}: {
  value?: number | null;
  onChange?: (v: number | null) => void;
  initialLabel?: string;
  onPick?: (p: Person | null) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search, 300);
  const [open, setOpen] = useState(false);
  const people = usePersonOptions(q, { enabled: open || !!search });
  const items = useMemo(() => people.data?.items ?? [], [people.data]);

  const options = useMemo(() => {
    const list = items.map((p) => ({
      value: p.id,
      label: p.fullName,
      person: p,
    }));
    if (value && !list.some((o) => o.value === value)) {
      list.unshift({ value, label: initialLabel ?? `#${value}`, person: undefined as unknown as Person });
    }
    return list;
  }, [items, value, initialLabel]);

  return (
    <Select
      id={id}
      showSearch
      allowClear
      value={value ?? undefined}
      placeholder={t('users.form.personPlaceholder')}
      filterOption={false}
      onSearch={setSearch}
      onOpenChange={setOpen}
      notFoundContent={people.isFetching ? <Spin size="small" /> : t('common.noResults')}
      options={options}
      optionRender={(o) => {
        const p = (o.data as { person?: Person }).person;
        return (
          <div>
            <div>{o.label}</div>
            {p?.positionName ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {p.positionName}
              </Typography.Text>
            ) : null}
          </div>
        );
      }}
      onChange={(v: number | undefined) => {
        onChange?.(v ?? null);
        onPick?.(items.find((p) => p.id === v) ?? null);
        setSearch('');
      }}
      data-testid="user-form-person"
    />
  );
}
