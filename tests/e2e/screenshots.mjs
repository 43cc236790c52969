// Screenshots of every screen in both languages, for looking at the app (not a test).
// Run under Xvfb after building: xvfb-run -a node screenshots.mjs [out-dir] (default /tmp/shots).
// Uses a fresh temporary database, so the screens show the demo organisation.

import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { remote } from 'webdriverio';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const APP = process.env.CSIRT_APP_BIN ?? join(process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target'), 'debug/csirt-app');
const out = process.argv[2] ?? '/tmp/shots';
mkdirSync(out, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'csirt-shots-'));
const driver = spawn('tauri-driver', ['--port', '4446', '--native-port', '4447'], {
  stdio: 'ignore',
  env: { ...process.env, CSIRT_DB: join(work, 'db.sqlite3'), CSIRT_E2E_SAVE_DIR: work, LANG: 'ja_JP.UTF-8' },
});
await new Promise((r) => setTimeout(r, 1500));
let browser;
try {
  browser = await remote({
    hostname: '127.0.0.1', port: 4446, logLevel: 'warn',
    capabilities: { 'wdio:enforceWebDriverClassic': true, 'tauri:options': { application: APP } },
  });
  await browser.setWindowSize(1280, 860).catch(() => {});
  await browser.$('[data-screen-id="organisations"]').waitForExist({ timeout: 20000 });
  const shot = async (name) => {
    await browser.pause(400);
    await browser.saveScreenshot(join(out, `${name}.png`));
  };
  for (const lang of ['ja', 'en']) {
    await browser.$(`button.lang[data-lang="${lang}"]`).click();
    await browser.pause(300);
    await browser.$('button.tab[data-screen="organisations"]').click();
    await shot(`${lang}-1-organisations`);
    await browser.$('[data-testid="open-assessment"]').click();
    await browser.$('[data-screen-id="wizard"]').waitForExist();
    await shot(`${lang}-2-wizard-section1`);
    await browser.$('button.section-link[data-section="2"]').click();
    await browser.$('article[data-item="2.9.a"]').waitForExist();
    await browser.execute(() => document.querySelector('article[data-item="2.9.a"]').scrollIntoView());
    await shot(`${lang}-3-wizard-services`);
    await browser.$('button.section-link[data-section="4"]').click();
    await browser.$('article[data-item="4.1"]').waitForExist();
    await shot(`${lang}-4-wizard-scales`);
    await browser.$('button.tab[data-screen="dashboard"]').click();
    await browser.$('[data-screen-id="dashboard"]').waitForExist();
    await shot(`${lang}-5-dashboard`);
    await browser.execute(() => document.querySelector('.readiness-grid').scrollIntoView());
    await shot(`${lang}-6-dashboard-readiness`);
    await browser.$('button.tab[data-screen="gaps"]').click();
    await browser.$('[data-screen-id="gaps"]').waitForExist();
    await shot(`${lang}-7-gaps`);
    await browser.execute(() => document.querySelector('.roadmap').scrollIntoView());
    await shot(`${lang}-8-roadmap`);
    await browser.$('button.tab[data-screen="export"]').click();
    await browser.$('[data-screen-id="export"]').waitForExist();
    await shot(`${lang}-9-export`);
    await browser.execute(() => window.scrollTo(0, 0));
  }
} finally {
  await browser?.deleteSession().catch(() => {});
  driver.kill();
}
console.log(`screenshots in ${out}`);
