// The installed package's first screen, driven by WebDriver (tauri-driver + WebKitWebDriver,
// under Xvfb): /usr/bin/csirt-app started with an assessment file, as a double-click starts it.
// Run by scripts/package-test.sh; prints "PASS <check>" or "FAIL <check>: <why>" per check and
// exits non-zero when one failed.
//
//   node package.mjs <app binary> <file.csirt> <expected version>

import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { remote } from 'webdriverio';

const [app, file, version] = process.argv.slice(2);
const PORT = 4581;
const NATIVE_PORT = 4582;
const work = mkdtempSync(join(tmpdir(), 'csirt-package-'));

const driver = spawn('tauri-driver', ['--port', String(PORT), '--native-port', String(NATIVE_PORT)], {
  stdio: ['ignore', 'inherit', 'inherit'],
  env: { ...process.env, CSIRT_DB: join(work, 'package.sqlite3'), LANG: 'en_GB.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
});

let failed = 0;
async function check(name, fn) {
  try {
    await fn();
    console.log(`PASS ${name}`);
  } catch (e) {
    failed += 1;
    console.log(`FAIL ${name}: ${String(e?.message ?? e).split('\n')[0]}`);
  }
}
function expect(cond, why) {
  if (!cond) throw new Error(why);
}

let browser;
try {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/status`)).ok) break;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await check('the installed app reaches its first screen', async () => {
    browser = await remote({
      hostname: '127.0.0.1',
      port: PORT,
      logLevel: 'warn',
      capabilities: {
        'wdio:enforceWebDriverClassic': true,
        'tauri:options': { application: app, args: [file] },
      },
    });
    await browser.$('header h1').waitForExist({ timeout: 30000 });
    const title = await browser.$('header h1').getText();
    expect(title.includes('CSIRT'), `title ${JSON.stringify(title)}`);
  });
  await check('a file given at start is offered for import, not imported', async () => {
    await browser.$('[data-screen-id="export"]').waitForExist({ timeout: 10000 });
    const path = await browser.$('[data-testid="opened-file"]').getAttribute('data-path');
    expect(path === file, `offered ${JSON.stringify(path)}, expected ${file}`);
  });
  await check('importing the offered .csirt file works', async () => {
    await browser.$('[data-testid="import-opened"]').click();
    await browser.$('[data-testid="open-imported"]').waitForExist({ timeout: 20000 });
  });
  await check('the About box shows the version and the licences', async () => {
    await browser.$('[data-testid="about-button"]').click();
    const v = await browser.$('[data-testid="about-version"]').getText();
    expect(v.includes(version), `version line ${JSON.stringify(v)}`);
    const licences = await browser.execute(() =>
      [...document.querySelectorAll('[data-licence]')].map((e) => e.getAttribute('data-licence')),
    );
    expect(licences.includes('OFL-1.1'), `licences ${JSON.stringify(licences)}`);
    const qs = await browser.$('[data-questionnaire="jpcert-2015"]').getText();
    expect(/jpcert-2015 \S+/.test(qs), `questionnaire ${JSON.stringify(qs)}`);
  });
} finally {
  if (browser) await browser.deleteSession().catch(() => {});
  driver.kill();
}
process.exit(failed === 0 ? 0 : 1);
