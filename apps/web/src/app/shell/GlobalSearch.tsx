import { SearchOutlined } from '@ant-design/icons';
import { Button, Input, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import './global-search.css';

/** A key press that belongs to a field, an editor or a dialog, not to the page. */
function typingTarget(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) {
    return false;
  }
  return (
    el.isContentEditable ||
    /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName) ||
    !!el.closest('[role="dialog"], .ant-select-dropdown, .ant-picker-dropdown')
  );
}

/**
 * The search box of the header, on every page: Enter opens `/search?q=…` (a notation such as "12-CV/TU"
 * too — the server recognises it and looks it up exactly). "/" puts the cursor in it from anywhere on the
 * page. On a phone the header has no room for a box: a button opens the search page instead.
 */
export function GlobalSearch({ compact }: { compact: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const input = useRef<InputRef>(null);
  const [value, setValue] = useState('');

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (
        e.key !== '/' ||
        e.ctrlKey ||
        e.metaKey ||
        e.altKey ||
        e.defaultPrevented ||
        typingTarget(e.target)
      ) {
        return;
      }
      e.preventDefault();
      if (compact) {
        void navigate('/search');
      } else {
        input.current?.focus({ cursor: 'all' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [compact, navigate]);

  const go = () => {
    const q = value.trim().normalize('NFC');
    void navigate(q ? `/search?${new URLSearchParams({ q }).toString()}` : '/search');
    setValue('');
    input.current?.blur();
  };

  if (compact) {
    return (
      <Button
        type="text"
        className="vp-header-btn"
        icon={<SearchOutlined />}
        onClick={() => void navigate('/search')}
        aria-label={t('search.title')}
        data-testid="global-search-button"
      />
    );
  }

  return (
    <div role="search" className="vp-header-search">
      <Input
        ref={input}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onPressEnter={go}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            setValue('');
            input.current?.blur();
          }
        }}
        prefix={<SearchOutlined aria-hidden />}
        suffix={
          <kbd className="vp-header-search-key" aria-hidden>
            /
          </kbd>
        }
        placeholder={t('search.globalPlaceholder')}
        aria-label={t('search.globalLabel')}
        aria-keyshortcuts="/"
        maxLength={200}
        data-testid="global-search"
      />
    </div>
  );
}
