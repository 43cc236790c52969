// Entry point: asks the shell for the start-up facts (language, database), then shows the app.

import './style.css';
import { call } from './api';
import { App, renderStartupError } from './app';
import { h, mount } from './dom';

async function start(): Promise<void> {
  const root = document.getElementById('app');
  if (!root) return;
  try {
    const info = await call('app_info');
    if (info.startup_error) {
      renderStartupError(root, info);
      return;
    }
    await new App(root, info).render();
  } catch (e) {
    // Before the dictionary's language is known, say it in both.
    mount(root, h('pre', { class: 'error' }, `起動できませんでした / Could not start: ${String(e)}`));
  }
}

void start();
