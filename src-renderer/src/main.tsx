import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppShell } from './app/app-shell';
import { Providers } from './app/providers';
import { createTerminalBridge } from './bridge/terminal-bridge';
import './app/theme.css';
import './app/screens.css';

const root = document.getElementById('root');
if (root === null) throw new Error('the page has no #root element');
createRoot(root).render(
  <StrictMode>
    <Providers bridge={createTerminalBridge()}>
      <AppShell />
    </Providers>
  </StrictMode>,
);
