import type { ThemeConfig } from 'antd';

/** Restrained deep red on neutral greys; Be Vietnam Pro (bundled, with Vietnamese glyphs). */
export const PRIMARY = '#a61d24';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: PRIMARY,
    colorLink: '#9e1c22',
    colorInfo: '#1f5f99',
    colorBgLayout: '#f4f4f2',
    borderRadius: 6,
    fontSize: 14,
    fontFamily:
      "'Be Vietnam Pro', system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif",
  },
  components: {
    Layout: {
      headerBg: '#8c1419',
      headerHeight: 56,
      headerPadding: '0 16px',
      siderBg: '#ffffff',
    },
    Menu: {
      itemSelectedBg: '#fbecec',
      itemSelectedColor: PRIMARY,
      groupTitleColor: '#8c8c8c',
    },
    Table: {
      headerBg: '#f7f5f3',
    },
  },
};
