// End-to-end tests of the live workshop on a projector and of accessibility, on the real app
// (tauri-driver + WebKitWebDriver under Xvfb, run by scripts/e2e.sh after app.test.mjs):
//   - a workshop filled by a bulk import of two respondents' files (and one bad file), where
//     the facilitator's answer outvotes the room: the provisional label, the open-items count,
//     recording agreement, hiding and revealing the answers, and the matrix view;
//   - presentation mode: larger, darker, full width, remembered for the session;
//   - axe-core run inside the WebDriver session on every screen in both languages, with a
//     per-screen summary printed; any serious or critical violation fails;
//   - a keyboard-only pass through the wizard: tab order reaches the answers, focus is visible,
//     arrow keys move within a radio group, and the answer is saved with no mouse.
// Its own database and ports, so it runs after app.test.mjs without sharing anything.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve, dirname, delimiter } from 'node:path';
import { fileURLToPath } from 'node:url';
import { remote } from 'webdriverio';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TARGET = process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target');
const APP = process.env.CSIRT_APP_BIN ?? join(TARGET, 'debug/csirt-app');
const CLI = process.env.CSIRT_CLI_BIN ?? join(TARGET, 'debug/csirt');
const PORT = 4581;
const NATIVE_PORT = 4582;
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const work = mkdtempSync(join(tmpdir(), 'csirt-access-'));

// Two participants' files, named after them, and one file that is not an assessment. The demo's
// facilitator answered 4.2 with d; both participants say b: the facilitator outvotes the room.
const demo = JSON.parse(execFileSync(CLI, ['demo', '--lang', 'ja'], { encoding: 'utf8' }));
const participant = (answers) => JSON.stringify({ ...demo, answers: { ...demo.answers, ...answers } });
const files = [
  [join(work, '佐藤.csirt'), participant({ '4.1': 'a', '4.2': 'b' })],
  [join(work, '鈴木.csirt'), participant({ '4.1': 'd', '4.2': 'b' })],
  [join(work, 'broken.csirt'), '{ "format": "csirt-assessment/1", '],
];
for (const [path, text] of files) writeFileSync(path, text);

let driver;
let browser;

const $ = (sel) => browser.$(sel);
const texts = (sel) => browser.execute((s) => [...document.querySelectorAll(s)].map((e) => e.textContent), sel);
const attrs = (sel, name) =>
  browser.execute((s, n) => [...document.querySelectorAll(s)].map((e) => e.getAttribute(n)), sel, name);

async function press(sel) {
  const el = await $(sel);
  await el.waitForExist({ timeout: 15000 });
  await browser.execute((e) => e.scrollIntoView({ block: 'center' }), el);
  await el.click();
}

async function openTab(screen) {
  await press(`button.tab[data-screen="${screen}"]`);
  await $(`[data-screen-id="${screen}"]`).waitForExist({ timeout: 15000 });
}

async function setLang(l) {
  await press(`button.lang[data-lang="${l}"]`);
  await browser.waitUntil(async () => (await $('html').getAttribute('lang')) === l, { timeout: 10000 });
}

/** The open-items count as the screen shows it (its number, from the core). */
const openCount = async () => Number(await $('[data-testid="open-count"]').getAttribute('data-open'));
const state = (id) => $(`article.divergence[data-item="${id}"] [data-testid="agreement-state"]`);

/** Runs axe-core in the page (injected through WebDriver, so the app's CSP is not involved). */
async function axe() {
  const loaded = await browser.execute(() => typeof window.axe === 'object');
  if (!loaded) await browser.execute(`${AXE}\nreturn true;`);
  return browser.execute(() =>
    window.axe
      .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] }, resultTypes: ['violations'] })
      .then((r) =>
        r.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.length,
          targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
        })),
      ),
  );
}

describe('the workshop on a projector, and accessibility', () => {
  before(async () => {
    assert.ok(existsSync(APP), `build the app first: ${APP}`);
    driver = spawn('tauri-driver', ['--port', String(PORT), '--native-port', String(NATIVE_PORT)], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: {
        ...process.env,
        CSIRT_DB: join(work, 'access.sqlite3'),
        CSIRT_E2E_SAVE_DIR: work,
        CSIRT_E2E_OPEN_FILES: files.map(([p]) => p).join(delimiter),
        LANG: 'ja_JP.UTF-8',
        LC_ALL: '',
        LC_MESSAGES: '',
      },
    });
    for (let i = 0; i < 100; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${PORT}/status`)).ok) break;
      } catch {
        // Not listening yet.
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    browser = await remote({
      hostname: '127.0.0.1',
      port: PORT,
      logLevel: 'warn',
      capabilities: { 'wdio:enforceWebDriverClassic': true, 'tauri:options': { application: APP } },
    });
    await browser.setWindowSize(1280, 860).catch(() => {});
    await $('[data-screen-id="organisations"]').waitForExist({ timeout: 20000 });
    await press('[data-testid="open-assessment"]');
    await $('[data-screen-id="wizard"]').waitForExist({ timeout: 15000 });
  });

  after(async () => {
    if (browser) await browser.deleteSession().catch(() => {});
    driver?.kill();
    rmSync(work, { recursive: true, force: true });
  });

  test('bulk import names each respondent after their file and lists the refused file', async () => {
    await openTab('workshop');
    await press('[data-testid="bulk-import"]');
    await $('[data-testid="bulk-result"]').waitForExist({ timeout: 20000 });
    assert.deepEqual(await attrs('[data-testid="bulk-result"] li', 'data-file'), ['佐藤.csirt', '鈴木.csirt', 'broken.csirt']);
    assert.deepEqual(await attrs('[data-testid="bulk-result"] li', 'class'), ['ok', 'ok', 'error']);
    assert.deepEqual(await texts('[data-testid="respondents"] td.name'), ['佐藤', '鈴木']);
  });

  test('the facilitator outvoting the room is provisional until agreed, and the open count follows', async () => {
    await $('article.divergence[data-item="4.2"]').waitForExist({ timeout: 15000 });
    assert.equal(await state('4.2').getAttribute('data-state'), 'provisional');
    assert.ok((await state('4.2').getText()).includes('暫定（進行役の回答）・未合意'));
    const before = await openCount();
    assert.ok(before >= 2, `open items: ${before}`);
    assert.ok((await $('[data-testid="open-count"]').getText()).includes(String(before)));
    // Recording the agreement is in view: choose b and save.
    await press('article.divergence[data-item="4.2"] input[value="b"]');
    await press('article.divergence[data-item="4.2"] [data-testid="save-consensus"]');
    await browser.waitUntil(async () => (await state('4.2').getAttribute('data-state')) === 'agreed', {
      timeout: 15000,
      timeoutMsg: '4.2 was not recorded as agreed',
    });
    assert.equal(await openCount(), before - 1);
    // Open only leaves out the agreed item.
    await press('[data-testid="open-only"]');
    await browser.waitUntil(async () => (await $('[data-testid="open-only"]').getAttribute('aria-pressed')) === 'true');
    assert.equal(await $('article.divergence[data-item="4.2"]').isExisting(), false);
    assert.ok(await $('article.divergence[data-item="4.1"]').isExisting());
    await press('[data-testid="open-only"]');
    await $('article.divergence[data-item="4.2"]').waitForExist({ timeout: 10000 });
    // In English too.
    await setLang('en');
    await $('article.divergence[data-item="4.1"]').waitForExist({ timeout: 10000 });
    assert.ok((await state('4.1').getText()).includes("Provisional (facilitator’s answer), not agreed"));
    assert.ok((await $('[data-testid="open-count"]').getText()).startsWith('Items still open'));
    await setLang('ja');
  });

  test('answers hidden until revealed, and the matrix of items × people', async () => {
    await $('article.divergence[data-item="4.1"]').waitForExist({ timeout: 10000 });
    await press('[data-testid="hide-answers"]');
    await $('[data-testid="reveal-answers"]').waitForExist({ timeout: 10000 });
    assert.equal(await $('table.answers').isExisting(), false);
    assert.ok(await $('article.divergence[data-item="4.1"] [data-testid="answers-hidden"]').isExisting());
    await press('[data-testid="reveal-answers"]');
    await $('article.divergence[data-item="4.1"] table.answers').waitForExist({ timeout: 10000 });
    await press('[data-testid="view-matrix"]');
    await $('[data-testid="workshop-matrix"]').waitForExist({ timeout: 10000 });
    assert.deepEqual(await texts('[data-testid="workshop-matrix"] tr[data-item="4.2"] td[data-who]'), ['d', 'b', 'b']);
    await press('[data-testid="view-cards"]');
    await $('article.divergence').waitForExist({ timeout: 10000 });
  });

  test('presentation mode: larger, darker secondary text, full width, remembered for the session', async () => {
    const size = () => browser.execute(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    const normal = await size();
    await press('[data-testid="presentation-toggle"]');
    await browser.waitUntil(async () => (await $('[data-testid="presentation-toggle"]').getAttribute('aria-pressed')) === 'true');
    const big = await size();
    assert.ok(big / normal >= 1.25 && big / normal <= 1.5, `scale ${big / normal}`);
    const muted = await browser.execute(() => getComputedStyle(document.querySelector('.muted')).color);
    assert.equal(muted, 'rgb(43, 51, 61)');
    const width = await browser.execute(() => document.querySelector('main').getBoundingClientRect().width / window.innerWidth);
    assert.ok(width > 0.95, `main is ${width} of the window`);
    // Another screen, and a reload of the page: still on.
    await openTab('trend');
    assert.equal(await size(), big);
    await browser.refresh();
    await $('[data-screen-id="organisations"]').waitForExist({ timeout: 20000 });
    assert.equal(await $('[data-testid="presentation-toggle"]').getAttribute('aria-pressed'), 'true');
    assert.equal(await size(), big);
    await press('[data-testid="presentation-toggle"]');
    await browser.waitUntil(async () => (await size()) === normal);
    await press('[data-testid="open-assessment"]');
    await $('[data-screen-id="wizard"]').waitForExist({ timeout: 15000 });
  });

  test('axe-core finds no serious or critical violation on any screen, in either language', async () => {
    const screens = ['organisations', 'wizard', 'workshop', 'dashboard', 'gaps', 'plan', 'trend', 'peers', 'export', 'benchmarks'];
    const failures = [];
    for (const l of ['ja', 'en']) {
      await setLang(l);
      for (const screen of screens) {
        await openTab(screen);
        await browser.pause(300);
        const violations = await axe();
        const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        const summary = violations.length
          ? violations.map((v) => `${v.id} (${v.impact}, ${v.nodes})`).join(', ')
          : 'none';
        console.log(`axe ${l} ${screen}: ${violations.length} violation(s): ${summary}`);
        for (const v of bad) failures.push(`${l} ${screen}: ${v.id} (${v.impact}) ${v.help} — ${v.targets.join(' | ')}`);
      }
      // The workshop's other views: the matrix, with answers hidden, in presentation mode.
      await openTab('workshop');
      await press('[data-testid="view-matrix"]');
      await $('[data-testid="workshop-matrix"]').waitForExist({ timeout: 10000 });
      await press('[data-testid="presentation-toggle"]');
      await press('[data-testid="hide-answers"]');
      await $('[data-testid="reveal-answers"]').waitForExist({ timeout: 10000 });
      const violations = await axe();
      console.log(`axe ${l} workshop (matrix, hidden, presentation): ${violations.length} violation(s): ${violations.map((v) => `${v.id} (${v.impact}, ${v.nodes})`).join(', ') || 'none'}`);
      for (const v of violations.filter((x) => x.impact === 'serious' || x.impact === 'critical')) {
        failures.push(`${l} workshop matrix: ${v.id} (${v.impact}) ${v.help} — ${v.targets.join(' | ')}`);
      }
      await press('[data-testid="reveal-answers"]');
      await press('[data-testid="presentation-toggle"]');
      await press('[data-testid="view-cards"]');
      await $('article.divergence').waitForExist({ timeout: 10000 });
    }
    await setLang('ja');
    assert.deepEqual(failures, []);
  });

  test('keyboard only: tab to the answers, visible focus, arrows within a radio group, saved', async () => {
    // The wizard's tab, opened with Enter; then from the top of the screen, Tab only.
    await browser.execute(() => document.querySelector('button.tab[data-screen="wizard"]').focus());
    await browser.keys('Enter');
    await $('[data-screen-id="wizard"] article[data-item]').waitForExist({ timeout: 15000 });
    await browser.execute(() => document.getElementById('main').focus());
    // Tab until an answer's radio button has the focus; every stop on the way is visible.
    let focused = null;
    for (let i = 0; i < 150 && !focused; i++) {
      await browser.keys('Tab');
      focused = await browser.execute(() => {
        const e = document.activeElement;
        const item = e?.closest('article[data-item]');
        return e?.matches('input[type="radio"]') && item ? { item: item.dataset.item, name: e.name, value: e.value } : null;
      });
    }
    assert.ok(focused, 'Tab never reached an answer');
    const ring = await browser.execute(() => {
      const s = getComputedStyle(document.activeElement);
      return { outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2, shadow: s.boxShadow !== 'none' };
    });
    assert.ok(ring.outline || ring.shadow, `focus is not visible: ${JSON.stringify(ring)}`);
    const checkedNow = () =>
      browser.execute((n) => document.querySelector(`input[type="radio"][name="${n}"]:checked`)?.value ?? null, focused.name);
    const was = await checkedNow();
    await browser.keys('ArrowDown');
    await browser.waitUntil(async () => (await checkedNow()) !== was, { timeout: 5000, timeoutMsg: 'the arrow key did not move within the group' });
    const chosen = await checkedNow();
    // Still in the same group: the arrow moved the focus and the choice together.
    assert.equal(await browser.execute(() => document.activeElement.name), focused.name);
    assert.equal(await browser.execute(() => document.activeElement.value), chosen);
    await browser.waitUntil(async () => (await $('.save-status').getAttribute('data-state')) === 'saved', {
      timeout: 10000,
      timeoutMsg: 'the answer was not saved',
    });
    // Read back from the store: open the assessment again and the answer is there.
    await openTab('organisations');
    await press('[data-testid="open-assessment"]');
    await $('[data-screen-id="wizard"]').waitForExist({ timeout: 15000 });
    await press(`button.section-link[data-section="${focused.item.split('.')[0]}"]`);
    await $(`article[data-item="${focused.item}"]`).waitForExist({ timeout: 10000 });
    assert.equal(
      await browser.execute((n) => document.querySelector(`input[type="radio"][name="${n}"]:checked`)?.value ?? null, focused.name),
      chosen,
    );
  });
});
