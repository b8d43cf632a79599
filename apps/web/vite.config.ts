import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv } from 'vite';

/**
 * Dev server: `/api` is proxied to the vanphong server (VITE_API_PROXY, default http://localhost:3000).
 * Build: `dist/`, served by the server with an SPA fallback. No CDN, no external font or script.
 */
export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, new URL('.', import.meta.url).pathname, 'VITE_');
  const target = env.VITE_API_PROXY || 'http://localhost:3000';
  return {
    plugins: [react()],
    server: {
      proxy: { '/api': { target, changeOrigin: false } },
    },
    preview: {
      proxy: { '/api': { target, changeOrigin: false } },
    },
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      chunkSizeWarningLimit: 1600,
      rollupOptions: {
        output: {
          // One vendor chunk: splitting react/antd apart creates circular chunk imports (TDZ errors at start-up).
          // ECharts (the task dashboards only) stays out of it: it loads with its screen, not at login.
          manualChunks(id: string) {
            return id.includes('node_modules') && !id.includes('@fontsource') && !/[\\/](echarts|zrender)[\\/]/.test(id)
              ? 'vendor'
              : undefined;
          },
        },
      },
    },
  };
});
