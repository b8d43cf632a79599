import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DATE_TIME_SHORT_FORMAT, formatDate, formatDateTime } from '../../../lib/dates';
import { translateOr } from '../../../lib/i18n';
import type { IncomingDetail, TrailAction } from '../types';

type Entry = IncomingDetail['trail'][number];

const COLORS: Partial<Record<TrailAction, string>> = {
  registered: 'blue',
  presented: 'blue',
  directed: 'orange',
  redirected: 'orange',
  started: 'blue',
  completed: 'green',
  filed: 'green',
  returned: 'red',
  cancelled: 'red',
  viewed_attachment: 'gray',
  updated: 'gray',
};

/** Detail keys worth showing, in this order; ids and internals are left out. */
const DETAIL_KEYS = [
  'toUserName',
  'presentedToName',
  'leadAgencyName',
  'leadUserName',
  'coAgencyNames',
  'infoUserNames',
  'infoAgencyNames',
  'deadline',
  'direction',
  'reason',
  'resultNote',
  'fileName',
] as const;

function detailValue(key: string, v: unknown): string | null {
  if (v === null || v === undefined || v === '') {
    return null;
  }
  if (Array.isArray(v)) {
    const parts = v.filter((x) => typeof x === 'string' || typeof x === 'number').map(String);
    return parts.length ? parts.join(', ') : null;
  }
  if (typeof v === 'string' || typeof v === 'number') {
    return key === 'deadline' ? formatDate(String(v)) : String(v);
  }
  return null;
}

function Details({ entry }: { entry: Entry }) {
  const lines = DETAIL_KEYS.map((k) => {
    const value = detailValue(k, entry.details?.[k]);
    // The note already carries the text of a reason or result when the server puts it there.
    if (!value || value === entry.note) {
      return null;
    }
    return (
      <div key={k} style={{ fontSize: 13 }}>
        <Typography.Text type="secondary">{translateOr(`incoming.trailDetails.${k}`, k)}: </Typography.Text>
        <span className="vp-in-trail-note">{value}</span>
      </div>
    );
  }).filter(Boolean);
  return lines.length ? <>{lines}</> : null;
}

/** The handling trail (who, when, what), oldest first. */
export function TrailTimeline({ trail }: { trail: Entry[] }) {
  const { t } = useTranslation();
  return (
    <Timeline
      className="vp-in-trail"
      data-testid="incoming-trail"
      items={trail.map((e) => ({
        key: e.id,
        color: COLORS[e.action] ?? 'blue',
        children: (
          <div data-testid={`trail-${e.action}`}>
            <div>
              <Typography.Text strong>{translateOr(`incoming.trail.${e.action}`, e.action)}</Typography.Text>
            </div>
            <div style={{ fontSize: 13 }}>
              <span className="vp-in-trail-who">{e.actorName || t('audit.system')}</span>
              <Typography.Text type="secondary"> · {formatDateTime(e.at, DATE_TIME_SHORT_FORMAT)}</Typography.Text>
            </div>
            {e.note ? <div className="vp-in-trail-note">{e.note}</div> : null}
            <Details entry={e} />
          </div>
        ),
      }))}
    />
  );
}
