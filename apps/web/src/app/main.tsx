import '@fontsource/be-vietnam-pro/400.css';
import '@fontsource/be-vietnam-pro/500.css';
import '@fontsource/be-vietnam-pro/600.css';
import '@fontsource/be-vietnam-pro/700.css';
import './styles.css';
import '../lib/i18n';
import { unstableSetRender } from 'antd';
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { RouterProvider } from 'react-router-dom';
import { AppProviders } from './providers';
import { router } from './router';

// antd 5 renders its wave effect and static pop-ups with the legacy ReactDOM.render, gone in React 19:
// give it the React 19 root API instead (antd's documented way, no extra package).
unstableSetRender((node, container) => {
  const host = container as Element & { _vpRoot?: Root };
  host._vpRoot ??= createRoot(host);
  const root = host._vpRoot;
  root.render(node);
  return async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    root.unmount();
    delete host._vpRoot;
  };
});

const root = document.getElementById('root');
if (!root) {throw new Error('#root is missing from index.html');}

createRoot(root).render(
  <StrictMode>
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
);
