import { SearchOutlined } from '@ant-design/icons';
import { Empty, Input, Tag, Tree } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { foldText } from '../../../lib/forms';
import type { Committee } from '../../../types/api';
import { buildCommitteeTree, type CommitteeNode } from '../utils/tree';

/** The committee tree with a quick filter (matches without diacritics, keeps the ancestors). */
export function CommitteeTree({
  committees,
  selectedId,
  onSelect,
}: {
  committees: Committee[];
  selectedId: number | null;
  onSelect: (id: number) => void;
}) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState('');

  const treeData = useMemo(() => {
    const needle = foldText(filter.trim());
    const toData = (n: CommitteeNode): DataNode | null => {
      const children = n.children.map(toData).filter((x): x is DataNode => x !== null);
      const c = n.committee;
      const hit = !needle || foldText(`${c.name} ${c.abbreviation} ${c.placeName}`).includes(needle);
      if (!hit && children.length === 0) {return null;}
      return {
        key: c.id,
        title: (
          <span className={c.active ? undefined : 'vp-muted'} title={`${c.name} — ${c.levelName}`}>
            {c.name}
            {c.active ? null : (
              <Tag style={{ marginInlineStart: 6 }} bordered={false}>
                {t('common.inactive')}
              </Tag>
            )}
          </span>
        ),
        children: children.length ? children : undefined,
      };
    };
    return buildCommitteeTree(committees)
      .map(toData)
      .filter((x): x is DataNode => x !== null);
  }, [committees, filter, t]);

  return (
    <div>
      <Input
        allowClear
        prefix={<SearchOutlined aria-hidden />}
        placeholder={t('org.committee.filterPlaceholder')}
        aria-label={t('org.committee.filterPlaceholder')}
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        style={{ marginBottom: 12 }}
      />
      {treeData.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Tree
          key={filter ? 'filtered' : 'all'}
          treeData={treeData}
          defaultExpandAll
          blockNode
          showLine
          selectedKeys={selectedId !== null ? [selectedId] : []}
          onSelect={(keys) => {
            const k = keys[0];
            if (k !== undefined) {onSelect(Number(k));}
          }}
          data-testid="committee-tree"
        />
      )}
    </div>
  );
}
