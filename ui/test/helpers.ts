// Test helpers: a mocked Tauri IPC that records every command, and an App on a fresh page.

import { mockIPC, clearMocks } from '@tauri-apps/api/mocks';
import { afterEach } from 'vitest';
import { App } from '../src/app';
import { setLang } from '../src/i18n';
import { info } from './fixtures';

export type Call = { cmd: string; input: unknown };

/** Mocks the IPC: `reply` answers each command; every call is recorded in order. */
export function mockCommands(reply: (cmd: string, input: any) => unknown): Call[] {
  const calls: Call[] = [];
  mockIPC((cmd, args) => {
    const input = (args as { input?: unknown } | undefined)?.input;
    calls.push({ cmd, input });
    return reply(cmd, input);
  });
  return calls;
}

export function newApp(): App {
  document.body.innerHTML = '<div id="app"></div>';
  setLang('ja');
  return new App(document.getElementById('app') as HTMLElement, info);
}

/** Lets queued promises (IPC replies, the save queue) settle. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0));
}

afterEach(() => {
  clearMocks();
});
