import { CheckSquareOutlined, MailOutlined, SendOutlined } from '@ant-design/icons';
import type { SearchKind } from '@vanphong/contracts';
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const LOOK: Record<SearchKind, { color: string; icon: ReactNode }> = {
  incoming: { color: 'blue', icon: <MailOutlined /> },
  outgoing: { color: 'green', icon: <SendOutlined /> },
  task: { color: 'purple', icon: <CheckSquareOutlined /> },
};

/** Văn bản đến / Văn bản đi / Nhiệm vụ: what kind of record a hit is. */
export function KindTag({ kind }: { kind: SearchKind }) {
  const { t } = useTranslation();
  const look = LOOK[kind];
  return (
    <Tag color={look.color} icon={look.icon} style={{ marginInlineEnd: 0 }} data-testid="search-kind-tag">
      {t(`search.kind.${kind}`)}
    </Tag>
  );
}
