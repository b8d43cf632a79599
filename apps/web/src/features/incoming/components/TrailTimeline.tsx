import { Timeline, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useHasPermission } from '../../../lib/auth';
import { DATE_TIME_SHORT_FORMAT, formatDate, formatDateTime } from '../../../lib/dates';
import { translateOr } from '../../../lib/i18n';
import { useAgencies } from '../../org/api/get-agencies';
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

interface Names {
  agency: (id: number) => string | undefined;
  user: (id: number) => string | undefined;
}

const ids = (v: unknown): number[] =>
  (Array.isArray(v) ? v : [v]).filter((x): x is number => typeof x === 'number' && Number.isInteger(x));

/**
 * The lines shown under a step, from its `details`: names where the server sent names, ids resolved
 * through the units and people the page already knows; anything else (internal ids) is left out.
 */
function detailLines(e: Entry, names: Names): [key: string, value: string][] {
  const d = e.details ?? {};
  const out: [string, string][] = [];
  const str = (k: string) => (typeof d[k] === 'string' && d[k] !== '' ? (d[k] as string) : null);
  const list = (v: unknown, resolve: (id: number) => string | undefined) =>
    ids(v)
      .map((id) => resolve(id))
      .filter((n): n is string => !!n)
      .join(', ');
  const toName = str('toName') ?? str('toUserName');
  if (toName) {
    out.push(['toName', toName]);
  }
  // Steps since the server stores names (leadName, coNames, infoNames) show them as they were that day;
  // older steps resolve ids through the units and people the page knows.
  const strs = (v: unknown) =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x !== '').join(', ') : '';
  const leadName = str('leadName');
  const leadAgency = leadName && ids(d.leadAgencyId).length ? leadName : list(d.leadAgencyId, names.agency);
  if (leadAgency) {
    out.push(['leadAgency', leadAgency]);
  }
  const leadUser = leadName && ids(d.leadUserId).length ? leadName : list(d.leadUserId, names.user);
  if (leadUser) {
    out.push(['leadUser', leadUser]);
  }
  const co = strs(d.coNames) || list(d.coAgencyIds, names.agency);
  if (co) {
    out.push(['coAgencies', co]);
  }
  const info =
    strs(d.infoNames) ||
    [list(d.infoUserIds, names.user), list(d.infoAgencyIds, names.agency)].filter(Boolean).join(', ');
  if (info) {
    out.push(['info', info]);
  }
  const deadline = str('deadline');
  if (deadline) {
    out.push(['deadline', formatDate(deadline)]);
  }
  if (Array.isArray(d.fields) && d.fields.length > 0) {
    out.push([
      'fields',
      d.fields
        .filter((f): f is string => typeof f === 'string')
        .map((f) => translateOr(`incoming.form.${f}`, f))
        .join(', '),
    ]);
  }
  return out;
}

/** The handling trail (who, when, what), in the order the server gives it. */
export function TrailTimeline({ doc }: { doc: IncomingDetail }) {
  const { t } = useTranslation();
  const canSeeOrg = useHasPermission('org.view');
  const agencies = useAgencies(null, { enabled: canSeeOrg });
  const names = useMemo<Names>(() => {
    const agency = new Map<number, string>((agencies.data?.items ?? []).map((a) => [a.id, a.name]));
    const user = new Map<number, string>();
    for (const r of doc.recipients) {
      if (r.agencyId && r.agencyName) {
        agency.set(r.agencyId, r.agencyName);
      }
      if (r.userId && r.userName) {
        user.set(r.userId, r.userName);
      }
    }
    if (doc.presentedToId && doc.presentedToName) {
      user.set(doc.presentedToId, doc.presentedToName);
    }
    if (doc.leadAgencyId && doc.leadAgencyName) {
      agency.set(doc.leadAgencyId, doc.leadAgencyName);
    }
    if (doc.leadUserId && doc.leadUserName) {
      user.set(doc.leadUserId, doc.leadUserName);
    }
    return { agency: (id) => agency.get(id), user: (id) => user.get(id) };
  }, [agencies.data, doc]);

  return (
    <Timeline
      className="vp-in-trail"
      data-testid="incoming-trail"
      items={doc.trail.map((e) => ({
        key: e.id,
        color: COLORS[e.action] ?? 'blue',
        children: (
          <div data-testid={`trail-${e.action}`}>
            <Typography.Text strong>{translateOr(`incoming.trail.${e.action}`, e.action)}</Typography.Text>
            <div style={{ fontSize: 13 }}>
              <span className="vp-in-trail-who">{e.actorName || t('audit.system')}</span>
              <Typography.Text type="secondary">
                {' '}
                · {formatDateTime(e.at, DATE_TIME_SHORT_FORMAT)}
              </Typography.Text>
            </div>
            {e.note ? <div className="vp-in-trail-note">{e.note}</div> : null}
            {detailLines(e, names).map(([k, v]) => (
              <div key={k} style={{ fontSize: 13 }}>
                <Typography.Text type="secondary">
                  {translateOr(`incoming.trailDetails.${k}`, k)}:{' '}
                </Typography.Text>
                {v}
              </div>
            ))}
          </div>
        ),
      }))}
    />
  );
}
