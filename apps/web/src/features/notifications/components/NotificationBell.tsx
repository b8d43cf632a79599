import { BellOutlined, CheckOutlined } from '@ant-design/icons';
import { App, Badge, Button, Dropdown, type MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { DATE_TIME_SHORT_FORMAT, formatDateTime } from '../../../lib/dates';
import { errorMessage } from '../../../lib/errors';
import { useMarkAllRead, useMarkRead, useNotifications, useUnreadCount } from '../api/notifications';
import './notifications.css';

/** Only links inside the app are followed (a notification's url comes from the server's data). */
const internalPath = (url: string) => (url.startsWith('/') && !url.startsWith('//') ? url : null);

/** The bell in the shell header: unread count, the latest notifications; a click marks one read and opens it. */
export function NotificationBell() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const unread = useUnreadCount();
  const list = useNotifications({ enabled: open });
  const markRead = useMarkRead();
  const markAllRead = useMarkAllRead();
  const count = unread.data?.count ?? 0;
  const items = list.data?.items ?? [];

  const menuItems: MenuProps['items'] = [
    {
      key: 'head',
      type: 'group',
      label: <span className="vp-notif-head">{t('notifications.title')}</span>,
    },
    ...(count > 0
      ? [
          {
            key: 'read-all',
            icon: <CheckOutlined />,
            label: <span data-testid="notifications-read-all">{t('notifications.readAll')}</span>,
          },
          { type: 'divider' as const, key: 'd' },
        ]
      : []),
    ...(items.length === 0
      ? [
          {
            key: 'empty',
            disabled: true,
            label: (
              <span className="vp-notif-empty" data-testid="notifications-empty">
                {list.isFetching ? t('notifications.loading') : t('notifications.empty')}
              </span>
            ),
          },
        ]
      : items.map((n) => ({
          key: `n-${n.id}`,
          label: (
            <div
              className={n.readAt ? 'vp-notif-item' : 'vp-notif-item is-unread'}
              data-testid={`notification-item-${n.id}`}
            >
              <div className="vp-notif-title">{n.title}</div>
              {n.body ? <div className="vp-notif-body">{n.body}</div> : null}
              <div className="vp-notif-time">{formatDateTime(n.createdAt, DATE_TIME_SHORT_FORMAT)}</div>
            </div>
          ),
        }))),
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    setOpen(false);
    if (key === 'read-all') {
      markAllRead.mutate(undefined, { onError: (e) => void message.error(errorMessage(e)) });
      return;
    }
    const n = items.find((i) => `n-${i.id}` === key);
    if (!n) {
      return;
    }
    if (!n.readAt) {
      markRead.mutate(n.id);
    }
    const path = internalPath(n.url);
    if (path) {
      navigate(path);
    }
  };

  return (
    <Dropdown
      menu={{ items: menuItems, onClick, className: 'vp-notif-menu' }}
      trigger={['click']}
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      autoFocus
    >
      <Button
        type="text"
        className="vp-header-btn"
        aria-label={t('notifications.label', { count })}
        data-testid="notification-bell"
      >
        <Badge
          count={count}
          size="small"
          overflowCount={99}
          offset={[2, -2]}
          data-testid="notification-count"
        >
          <BellOutlined className="vp-notif-icon" />
        </Badge>
      </Button>
    </Dropdown>
  );
}
