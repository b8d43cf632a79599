import { Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { foldedFilter } from '../../outgoing/utils/labels';
import { useBodies, type BodyOption } from '../api/bodies';

/**
 * Picks bodies by key ("c1", "c1-a2"): agencies grouped under their committee, the committee itself
 * first ("Ban Thường vụ" as assigner, the commune as assignee).
 */
export function BodySelect({
  value,
  onChange,
  multiple,
  filter,
  exclude,
  placeholder,
  testId,
  allowClear = true,
  style,
}: {
  value?: string | string[] | null;
  onChange?: (v: string | string[] | undefined) => void;
  multiple?: boolean;
  filter?: (b: BodyOption) => boolean;
  exclude?: string[];
  placeholder?: string;
  testId?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
}) {
  const { t } = useTranslation();
  const bodies = useBodies();
  const options = useMemo(() => {
    const list = (bodies.data ?? []).filter(
      (b) => (!filter || filter(b)) && !(exclude ?? []).includes(b.key),
    );
    const groups = new Map<number, { label: string; options: { value: string; label: string }[] }>();
    for (const b of list) {
      const g = groups.get(b.committeeId) ?? { label: b.committeeName, options: [] };
      g.options.push({ value: b.key, label: b.name });
      groups.set(b.committeeId, g);
    }
    return [...groups.values()];
  }, [bodies.data, filter, exclude, t]);
  return (
    <Select<string | string[]>
      mode={multiple ? 'multiple' : undefined}
      showSearch
      allowClear={allowClear}
      loading={bodies.isPending}
      filterOption={foldedFilter}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      options={options}
      placeholder={placeholder ?? t('tasks.body.pick')}
      data-testid={testId}
      style={{ width: '100%', ...style }}
      optionFilterProp="label"
    />
  );
}

/** The body's name from the directory ("—" while it loads). */
export function useBodyName() {
  const bodies = useBodies();
  return (key: string) => bodies.data?.find((b) => b.key === key)?.name ?? key;
}
