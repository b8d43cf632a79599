import { DeleteOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Select, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Directory } from '../api/directory';
import type { Delivery } from '../types';
import { foldedFilter, type RecipientKey } from '../utils/labels';

/** One chosen recipient; `delivery` only when the drafter chose one (else the server's default). */
export interface RecipientValue {
  key: RecipientKey;
  delivery?: Delivery;
}

interface Entry {
  key: RecipientKey;
  name: string;
  internal: boolean;
  code: string;
}

/** Every body a document may go to: bodies on this installation first, then the directory's organizations. */
export function directoryEntries(dir: Directory | undefined): Entry[] {
  if (!dir) {
    return [];
  }
  const committeeName = new Map(dir.committees.map((c) => [c.id, c.name]));
  const count = new Map<string, number>();
  for (const a of dir.agencies) {
    count.set(a.name, (count.get(a.name) ?? 0) + 1);
  }
  return [
    ...dir.committees.map((c) => ({ key: `c${c.id}` as RecipientKey, name: c.name, internal: true, code: c.abbreviation })),
    ...dir.agencies.map((a) => ({
      key: `a${a.id}` as RecipientKey,
      // "Văn phòng Đảng ủy" exists in every commune: name its committee.
      name: (count.get(a.name) ?? 0) > 1 ? `${a.name} — ${committeeName.get(a.committeeId) ?? ''}` : a.name,
      internal: true,
      code: a.abbreviation,
    })),
    ...dir.organizations.map((o) => ({ key: `o${o.id}` as RecipientKey, name: o.name, internal: false, code: o.code })),
  ];
}

/** The delivery the server gives when none is chosen: liên thông inside, paper outside; paper for a secret stub. */
const defaultDelivery = (internal: boolean, secret: boolean): Delivery =>
  secret ? 'paper' : internal ? 'internal' : 'paper';

/**
 * Recipients from the directory. Bodies on this installation receive the document in their incoming
 * register at issue (liên thông); organizations outside get an edXML package or paper.
 */
export function RecipientsPicker({
  id,
  value = [],
  onChange,
  directory,
  loading,
  excludeKey,
  secret,
}: {
  id?: string;
  value?: RecipientValue[];
  onChange?: (v: RecipientValue[]) => void;
  directory: Directory | undefined;
  loading: boolean;
  /** The issuing body itself (a document is not sent to itself). */
  excludeKey: RecipientKey | null;
  secret: boolean;
}) {
  const { t } = useTranslation();
  const entries = useMemo(() => directoryEntries(directory), [directory]);
  const byKey = useMemo(() => new Map(entries.map((e) => [e.key, e])), [entries]);
  const option = (e: Entry) => ({
    value: e.key,
    label: e.name,
    title: e.code ? `${e.name} (${e.code})` : e.name,
    disabled: e.key === excludeKey,
  });

  const groups = [
    {
      label: t('outgoing.recipients.groupCommittees'),
      options: entries.filter((e) => e.key.startsWith('c')).map(option),
    },
    {
      label: t('outgoing.recipients.groupAgencies'),
      options: entries.filter((e) => e.key.startsWith('a')).map(option),
    },
    {
      label: t('outgoing.recipients.groupOrganizations'),
      options: entries.filter((e) => e.key.startsWith('o')).map(option),
    },
  ];

  const setDelivery = (key: RecipientKey, delivery: Delivery) =>
    onChange?.(value.map((v) => (v.key === key ? { ...v, delivery } : v)));

  const rows = value.map((v) => {
    const e = byKey.get(v.key);
    return { ...v, name: e?.name ?? v.key, internal: e?.internal ?? v.key[0] !== 'o' };
  });

  return (
    <Flex vertical gap={8}>
      <Select<RecipientKey[]>
        id={id}
        mode="multiple"
        showSearch
        filterOption={foldedFilter}
        loading={loading}
        value={value.map((v) => v.key)}
        onChange={(keys) =>
          onChange?.(keys.map((k) => value.find((v) => v.key === k) ?? { key: k }))
        }
        options={groups}
        placeholder={t('outgoing.recipients.placeholder')}
        maxTagCount="responsive"
        data-testid="outgoing-form-recipients"
        style={{ width: '100%' }}
      />
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('outgoing.recipients.none')} />
      ) : (
        <Table
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={rows}
          data-testid="outgoing-form-recipient-list"
          columns={[
            {
              title: t('outgoing.recipients.name'),
              dataIndex: 'name',
              render: (name: string, r) => (
                <Flex gap={6} align="center" wrap>
                  <span>{name}</span>
                  {r.internal ? (
                    <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                      {t('outgoing.recipients.onInstallation')}
                    </Tag>
                  ) : null}
                </Flex>
              ),
            },
            {
              title: t('outgoing.recipients.delivery'),
              key: 'delivery',
              width: 160,
              render: (_, r) => (
                <Select<Delivery>
                  size="small"
                  style={{ width: '100%' }}
                  value={r.delivery ?? defaultDelivery(r.internal, secret)}
                  onChange={(d) => setDelivery(r.key, d)}
                  aria-label={t('outgoing.recipients.delivery')}
                  data-testid={`outgoing-form-delivery-${r.key}`}
                  options={(r.internal ? (['internal', 'paper'] as const) : (['edxml', 'paper'] as const)).map(
                    (d) => ({
                      value: d,
                      label: t(`outgoing.delivery.${d}`),
                    }),
                  )}
                />
              ),
            },
            {
              key: 'remove',
              width: 48,
              render: (_, r) => (
                <Button
                  type="text"
                  size="small"
                  icon={<DeleteOutlined />}
                  aria-label={t('common.delete')}
                  onClick={() => onChange?.(value.filter((v) => v.key !== r.key))}
                />
              ),
            },
          ]}
        />
      )}
      {secret ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('outgoing.recipients.secretPaper')}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
