import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HolidayKind } from '../../../types/api';

export const KIND_COLORS: Record<HolidayKind, string> = {
  holiday: 'red',
  compensatory_day_off: 'orange',
  swapped_day_off: 'gold',
  swapped_workday: 'blue',
};

export function KindTag({ kind }: { kind: HolidayKind }) {
  const { t } = useTranslation();
  return (
    <Tag color={KIND_COLORS[kind] ?? 'default'}>{t(`calendar.kind.${kind}`, { defaultValue: kind })}</Tag>
  );
}
