// Measures the answer-save round trip of the real app: the time from the UI's invoke of
// `save_answer` to its reply (IPC, validation, one SQLite transaction, re-scoring), over many
// saves; then the same saves issued while an export sealed with a passphrase (scrypt) runs, as
// a user answering while the file is written would. Not a test: scripts/measure-app.sh runs it
// and prints the numbers.

import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { remote } from 'webdriverio';

const APP = process.env.CSIRT_APP_BIN;
const work = mkdtempSync(join(tmpdir(), 'csirt-measure-'));
mkdirSync(join(work, 'saved'));
const driver = spawn('tauri-driver', ['--port', '4448', '--native-port', '4449'], {
  stdio: 'ignore',
  // Exports go to a folder instead of the save dialog (docs/desktop.md, test hooks).
  env: { ...process.env, CSIRT_DB: join(work, 'db.sqlite3'), CSIRT_E2E_SAVE_DIR: join(work, 'saved') },
});
await new Promise((r) => setTimeout(r, 1500));
let browser;
try {
  browser = await remote({
    hostname: '127.0.0.1', port: 4448, logLevel: 'error',
    capabilities: { 'wdio:enforceWebDriverClassic': true, 'tauri:options': { application: APP } },
  });
  await browser.$('[data-screen-id="organisations"]').waitForExist({ timeout: 20000 });
  const result = await browser.executeAsync((done) => {
    const invoke = window.__TAURI_INTERNALS__.invoke;
    (async () => {
      const orgs = await invoke('list_organisations', {});
      const list = await invoke('list_assessments', { input: { organisation_id: orgs[0].id } });
      const id = list[0].row.id;
      const keys = ['a', 'b', 'c', 'd', 'e'];
      let n = 0;
      const save = async () => {
        const t0 = performance.now();
        await invoke('save_answer', { input: { assessment_id: id, item: '4.1', answer: keys[n++ % 5], other_text: null } });
        return performance.now() - t0;
      };
      const alone = [];
      for (let i = 0; i < 60; i++) alone.push(await save());
      // Saves one after another, 20 ms apart, for as long as a sealed export runs.
      const during = [];
      const exports = [];
      for (let round = 0; round < 5; round++) {
        const t0 = performance.now();
        let running = true;
        const exported = invoke('export_assessment', {
          input: { assessment_id: id, format: 'json', language: 'ja', passphrase: 'measure', peers: false, facilitator: '進行役' },
        }).finally(() => { running = false; });
        await new Promise((r) => setTimeout(r, 20));
        while (running) {
          during.push(await save());
          await new Promise((r) => setTimeout(r, 20));
        }
        await exported;
        exports.push(performance.now() - t0);
      }
      done({ alone: alone.slice(10), during, exports }); // the first saves warm caches up
    })().catch((e) => done({ error: String(e?.message ?? JSON.stringify(e)) }));
  });
  if (result.error) throw new Error(result.error);
  const q = (xs, p) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  };
  const alone = q(result.alone, 0.5);
  const during = q(result.during, 0.5);
  const worst = Math.max(...result.during);
  console.log(
    `save during a sealed export: median ${during.toFixed(1)} ms (${(during / alone).toFixed(1)}× a save alone), ` +
      `slowest ${worst.toFixed(1)} ms (${(worst / alone).toFixed(1)}×) (n=${result.during.length}; export median ${q(result.exports, 0.5).toFixed(0)} ms)`,
  );
  console.log(`save round trip: median ${alone.toFixed(1)} ms, p95 ${q(result.alone, 0.95).toFixed(1)} ms (n=${result.alone.length})`);
} finally {
  await browser?.deleteSession().catch(() => {});
  driver.kill();
}
