// Measures the answer-save round trip of the real app: the time from the UI's invoke of
// `save_answer` to its reply (IPC, validation, one SQLite transaction, re-scoring), over many
// saves. Not a test: scripts/measure-app.sh runs it and prints the numbers.

import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { remote } from 'webdriverio';

const APP = process.env.CSIRT_APP_BIN;
const work = mkdtempSync(join(tmpdir(), 'csirt-measure-'));
const driver = spawn('tauri-driver', ['--port', '4448', '--native-port', '4449'], {
  stdio: 'ignore',
  env: { ...process.env, CSIRT_DB: join(work, 'db.sqlite3') },
});
await new Promise((r) => setTimeout(r, 1500));
let browser;
try {
  browser = await remote({
    hostname: '127.0.0.1', port: 4448, logLevel: 'error',
    capabilities: { 'wdio:enforceWebDriverClassic': true, 'tauri:options': { application: APP } },
  });
  await browser.$('[data-screen-id="organisations"]').waitForExist({ timeout: 20000 });
  const times = await browser.executeAsync((done) => {
    const invoke = window.__TAURI_INTERNALS__.invoke;
    (async () => {
      const orgs = await invoke('list_organisations', {});
      const list = await invoke('list_assessments', { input: { organisation_id: orgs[0].id } });
      const id = list[0].row.id;
      const keys = ['a', 'b', 'c', 'd', 'e'];
      const out = [];
      for (let i = 0; i < 60; i++) {
        const t0 = performance.now();
        await invoke('save_answer', { input: { assessment_id: id, item: '4.1', answer: keys[i % 5], other_text: null } });
        out.push(performance.now() - t0);
      }
      done(out.slice(10)); // the first saves warm caches up
    })().catch((e) => done([String(e)]));
  });
  const sorted = [...times].sort((a, b) => a - b);
  const q = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  console.log(`save round trip: median ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms (n=${sorted.length})`);
} finally {
  await browser?.deleteSession().catch(() => {});
  driver.kill();
}
