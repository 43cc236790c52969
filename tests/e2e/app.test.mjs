// End-to-end tests of the real desktop app: tauri-driver starts the built csirt-app under
// WebKitWebDriver (run under Xvfb by scripts/e2e.sh) and the tests click through it like a
// user. The tests run in order and share one temporary database, so "restart" finds the answers
// the earlier test saved. Native dialogs are replaced by the CSIRT_E2E_* hooks (docs/desktop.md).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { remote } from 'webdriverio';
import { zipOf } from './zip.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const APP = process.env.CSIRT_APP_BIN ?? join(process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target'), 'debug/csirt-app');
const CLI = process.env.CSIRT_CLI_BIN ?? join(process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target'), 'debug/csirt');
// Uncommon ports, so a WebDriver server left over from something else cannot collide.
const PORT = 4571;
const NATIVE_PORT = 4572;

const work = mkdtempSync(join(tmpdir(), 'csirt-e2e-'));
const saveDir = join(work, 'saved');
const openFile = join(work, 'import.json');
// A pooled benchmark for the Benchmarks screen's import (synthetic test data, not a survey).
const openBenchmark = join(work, 'pool.toml');
copyFileSync(join(ROOT, 'tests/fixtures/benchmarks/synthetic-pool.toml'), openBenchmark);
// A questionnaire package for the Questionnaires screen's import, written by the test.
const openPackage = join(work, 'small-survey.zip');

execFileSync('mkdir', ['-p', saveDir]);

let driver;
let browser;

function startDriver() {
  driver = spawn('tauri-driver', ['--port', String(PORT), '--native-port', String(NATIVE_PORT)], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      CSIRT_DB: join(work, 'e2e.sqlite3'),
      CSIRT_E2E_SAVE_DIR: saveDir,
      CSIRT_E2E_OPEN_FILE: openFile,
      CSIRT_E2E_OPEN_BENCHMARK: openBenchmark,
      CSIRT_E2E_OPEN_PACKAGE: openPackage,
      // The system locale decides the first language: Japanese, as for most users.
      LANG: 'ja_JP.UTF-8',
      LC_ALL: '',
      LC_MESSAGES: '',
    },
  });
}

async function waitForDriver() {
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${PORT}/status`);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('tauri-driver did not start');
}

async function launch() {
  browser = await remote({
    hostname: '127.0.0.1',
    port: PORT,
    logLevel: 'warn',
    capabilities: {
      'wdio:enforceWebDriverClassic': true,
      'tauri:options': { application: APP },
    },
  });
  await $('[data-screen-id="organisations"]').waitForExist({ timeout: 20000 });
}

async function quit() {
  if (browser) await browser.deleteSession();
  browser = undefined;
}

const $ = (sel) => browser.$(sel);
const $$ = (sel) => browser.$$(sel);
/** The text, or one attribute, of every element matching `sel`, read in the page. */
const texts = (sel) => browser.execute((s) => [...document.querySelectorAll(s)].map((e) => e.textContent), sel);
const attrs = (sel, name) =>
  browser.execute((s, n) => [...document.querySelectorAll(s)].map((e) => e.getAttribute(n)), sel, name);
const item = (id) => `article[data-item="${id}"]`;

/** Clicks an element after scrolling it to the middle of the window, clear of the sticky header. */
async function press(sel) {
  const el = await $(sel);
  await el.waitForExist();
  await browser.execute((e) => e.scrollIntoView({ block: 'center' }), el);
  await el.click();
}

/** Types into a field the same way (clear of the header), replacing its value. */
async function type(sel, text) {
  const el = await $(sel);
  await el.waitForExist();
  await browser.execute((e) => e.scrollIntoView({ block: 'center' }), el);
  await el.setValue(text);
}

/** Waits until every queued save has reached the store. */
async function saved() {
  await browser.waitUntil(
    async () => (await $('.save-status').getAttribute('data-state')) === 'saved',
    { timeout: 10000, timeoutMsg: 'the save did not complete' },
  );
}

async function goSection(id) {
  await $(`button.section-link[data-section="${id}"]`).click();
  await $(`.section-title`).waitForExist();
  await browser.waitUntil(async () => (await $('.section-title').getText()).startsWith(`${id}.`));
}

async function openOrg(name) {
  await $('button.tab[data-screen="organisations"]').click();
  // The screen re-renders after the click; wait for the list that has the organisation.
  let id = null;
  await browser.waitUntil(
    async () => {
      id = await browser.execute(
        (n) => [...document.querySelectorAll('button.org')].find((b) => b.querySelector('.name')?.textContent === n)?.dataset.org ?? null,
        name,
      );
      return id !== null;
    },
    { timeout: 10000, timeoutMsg: `no organisation ${name}` },
  );
  await $(`button.org[data-org="${id}"]`).click();
  await browser.waitUntil(async () => (await $('[data-testid="org-title"]').getText()) === name);
}

const ORG = 'E2E テスト株式会社';
const WS_ORG = 'ワークショップ検証株式会社';
const NOTE = '年次訓練の記録で合意';
const WHY = '訓練は監査されていない';

/** Answers items in the wizard: `[section, item, option key]`, saving each. */
async function answerAll(answers) {
  for (const [section, id, key] of answers) {
    await goSection(section);
    await press(`${item(id)} input[value="${key}"]`);
    await saved();
  }
}

/** Count the organisations on their own screen, once the list has loaded. */
async function orgCount() {
  await $('button.tab[data-screen="organisations"]').click();
  await $('[data-screen-id="organisations"]').waitForExist();
  await $('button.org').waitForExist({ timeout: 10000 });
  return (await $$('button.org')).length;
}

async function openTab(screen) {
  await $(`button.tab[data-screen="${screen}"]`).click();
  await $(`[data-screen-id="${screen}"]`).waitForExist({ timeout: 15000 });
}

describe('csirt-app', () => {
  before(async () => {
    assert.ok(existsSync(APP), `build the app first: ${APP}`);
    startDriver();
    await waitForDriver();
    await launch();
  });

  after(async () => {
    await quit().catch(() => {});
    driver?.kill();
    rmSync(work, { recursive: true, force: true });
  });

  test('first start shows the demo organisation, in Japanese', async () => {
    const names = await texts('button.org .name');
    assert.ok(names.includes('サンプル精機株式会社'), `organisations: ${names}`);
    assert.equal(await $('html').getAttribute('lang'), 'ja');
    assert.equal(await $('button.tab[data-screen="organisations"]').getText(), '組織');
  });

  test('creates an organisation and answers every answer type in several sections', async () => {
    await $('#org-name').setValue(ORG);
    await $('#org-sector').setValue('情報通信業');
    await $('[data-testid="org-new-form"] button[type="submit"]').click();
    await browser.waitUntil(async () => (await $('[data-testid="org-title"]').getText()) === ORG);
    await $('[data-testid="new-assessment"]').click();
    await $('[data-screen-id="wizard"]').waitForExist();
    await $(item('1.1')).waitForExist();

    // Not answered yet, and distinct from any answer.
    assert.equal(await $(item('1.1')).getAttribute('data-answered'), 'false');

    // single, with "other" free text
    await press(`${item('1.1')} input[value="j"]`);
    await type(`${item('1.1')} input[data-role="other"]`, '情報セキュリティ室');
    await saved();
    // multiple
    await press(`${item('1.2')} input[value="a"]`);
    await press(`${item('1.2')} input[value="h"]`);
    await saved();
    // year-month
    await type(`${item('1.5')} input`, '2019-04');
    await browser.keys('Tab');
    await saved();

    await goSection('2');
    // single with levels, and a comment and evidence
    await press(`${item('2.8')} input[value="b"]`);
    await saved();
    await press(`${item('2.8')} details.notes summary`);
    await type(`${item('2.8')} textarea[data-role="comment"]`, '停止の判断は主管部門');
    await type(`${item('2.8')} input[data-role="evidence"]`, '規程 v3');
    await browser.keys('Tab');
    await saved();
    // service
    await press(`${item('2.9.a')} input[value="outsourced"]`);
    await saved();
    // text
    await type(`${item('2.9.w')} textarea`, '脆弱性診断');
    await browser.keys('Tab');
    await saved();
    // five-level scale
    await press(`${item('2.11')} input[value="c"]`);
    await saved();

    await goSection('3');
    // number
    await type(`${item('3.3')} input`, '12');
    await browser.keys('Tab');
    await saved();

    await goSection('5');
    // keyboard only: focus the first choice of 5.2, then move the selection with an arrow key
    await browser.execute(() => document.querySelector('article[data-item="5.2"] input[value="a"]').focus());
    await browser.keys('Space');
    await saved();
    await browser.keys('ArrowDown');
    await saved();
    assert.equal(await $(`${item('5.2')} input[value="b"]`).isSelected(), true);

    // A clear answer makes the item "not answered yet" again.
    await press(`${item('5.1')} input[value="a"]`);
    await saved();
    await press(`${item('5.1')} button.clear`);
    await saved();
    assert.equal(await $(item('5.1')).getAttribute('data-answered'), 'false');
    assert.equal(await $(`${item('5.1')} input[value="a"]`).isSelected(), false);

    const progress = await $('[data-testid="overall-progress"]').getText();
    assert.match(progress, /^\d+ 問中 9 問に回答/, `overall progress: ${progress}`);
  });

  test('after a restart every answer is still there', async () => {
    await quit();
    await launch();
    await openOrg(ORG);
    await $('[data-testid="open-assessment"]').click();
    await $(item('1.1')).waitForExist();

    assert.equal(await $(`${item('1.1')} input[value="j"]`).isSelected(), true);
    assert.equal(await $(`${item('1.1')} input[data-role="other"]`).getValue(), '情報セキュリティ室');
    assert.equal(await $(`${item('1.2')} input[value="a"]`).isSelected(), true);
    assert.equal(await $(`${item('1.2')} input[value="h"]`).isSelected(), true);
    assert.equal(await $(`${item('1.2')} input[value="b"]`).isSelected(), false);
    assert.equal(await $(`${item('1.5')} input`).getValue(), '2019-04');
    assert.equal(await $(item('1.6')).getAttribute('data-answered'), 'false');

    await goSection('2');
    assert.equal(await $(`${item('2.8')} input[value="b"]`).isSelected(), true);
    assert.equal(await $(`${item('2.8')} textarea[data-role="comment"]`).getValue(), '停止の判断は主管部門');
    assert.equal(await $(`${item('2.8')} input[data-role="evidence"]`).getValue(), '規程 v3');
    assert.equal(await $(`${item('2.9.a')} input[value="outsourced"]`).isSelected(), true);
    assert.equal(await $(`${item('2.9.w')} textarea`).getValue(), '脆弱性診断');
    assert.equal(await $(`${item('2.11')} input[value="c"]`).isSelected(), true);

    await goSection('3');
    assert.equal(await $(`${item('3.3')} input`).getValue(), '12');

    await goSection('5');
    assert.equal(await $(`${item('5.2')} input[value="b"]`).isSelected(), true);
    assert.equal(await $(item('5.1')).getAttribute('data-answered'), 'false');
  });

  test('the wizard finds its way: search with "next unanswered", a saved state on each item, undo of a cleared answer', async () => {
    // The assessment answered above is open in the wizard, on section 5.
    const focused = () => browser.execute(() => document.activeElement?.closest('article.item')?.dataset.item ?? null);
    await type('[data-testid="wiz-search"]', '法務');
    await browser.waitUntil(async () => /^\d+ 問が見つかりました/.test(await $('[data-testid="find-status"]').getText()), {
      timeout: 10000,
      timeoutMsg: 'the search found nothing',
    });
    const found = await attrs('article.item', 'data-item');
    assert.ok(found.includes('4.3'), `search results: ${found}`);
    assert.ok(!found.includes('1.1'), `search results: ${found}`);
    // "Next unanswered" goes to the first unanswered result and puts the focus in it.
    await press('[data-testid="next-unanswered"]');
    await browser.waitUntil(async () => (await focused()) === '4.3', { timeout: 5000, timeoutMsg: 'focus not on 4.3' });

    // Back to the sections: from 1.2 (answered) "next unanswered" skips to 1.3.
    await press('[data-testid="clear-search"]');
    await goSection('1');
    await browser.execute(() => document.querySelector('article[data-item="1.2"] input[value="a"]').focus());
    await press('[data-testid="next-unanswered"]');
    await browser.waitUntil(async () => (await focused()) === '1.3', { timeout: 5000, timeoutMsg: 'focus not on 1.3' });
    // Alt+↑ goes back to 1.2, with no mouse.
    await browser.performActions([
      { type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value: '\uE00A' }, { type: 'keyDown', value: '\uE013' }, { type: 'keyUp', value: '\uE013' }, { type: 'keyUp', value: '\uE00A' }] },
    ]);
    await browser.releaseActions();
    await browser.waitUntil(async () => (await focused()) === '1.2', { timeout: 5000, timeoutMsg: 'Alt+↑ did not reach 1.2' });

    // Each autosave says "saved" on the item itself.
    await press(`${item('1.3')} input[value="a"]`);
    await saved();
    assert.equal(await $(`${item('1.3')} [data-testid="card-status"]`).getText(), '保存しました');
    assert.match(await $('.save-status').getText(), /保存しました（\d{1,2}:\d{2}:\d{2}）/);

    // Clearing 1.2 can be undone: both choices come back, and are stored.
    await press(`${item('1.2')} button.clear`);
    await saved();
    assert.equal(await $(item('1.2')).getAttribute('data-answered'), 'false');
    await press(`${item('1.2')} [data-testid="undo"]`);
    await saved();
    assert.equal(await $(item('1.2')).getAttribute('data-answered'), 'true');
    assert.equal(await $(`${item('1.2')} input[value="a"]`).isSelected(), true);
    assert.equal(await $(`${item('1.2')} input[value="h"]`).isSelected(), true);
    await goSection('2');
    await goSection('1');
    assert.equal(await $(`${item('1.2')} input[value="h"]`).isSelected(), true, 'the restored answer was stored');
    // Leave 1.3 as it was for the tests below, and the page at its top.
    await press(`${item('1.3')} button.clear`);
    await saved();
    await browser.execute(() => window.scrollTo(0, 0));
  });

  test('the dashboard shows the overall score the CLI computes', async () => {
    await $('button.tab[data-screen="export"]').click();
    await $('button[data-export="json"]').click();
    const ok = await $('[data-testid="export-result"] p.ok');
    await ok.waitForExist({ timeout: 10000 });
    const path = await ok.getAttribute('data-path');
    assert.ok(existsSync(path), `exported JSON at ${path}`);
    assert.ok(path.endsWith('.csirt'), `the interchange file's own extension: ${path}`);

    const cli = JSON.parse(execFileSync(CLI, ['score', path, '--json'], { encoding: 'utf8' }));
    await $('button.tab[data-screen="dashboard"]').click();
    const score = await $('[data-testid="overall-score"]');
    await score.waitForExist();
    assert.equal(Number(await score.getAttribute('data-score')), cli.overall);
    assert.equal((await $$('.readiness')).length, 6);
    await $('[data-testid="radar"] svg').waitForExist();
  });

  test('a PDF export is written to disk', async () => {
    await $('button.tab[data-screen="export"]').click();
    await $('button[data-export="pdf-ja"]').click();
    const ok = await $('[data-testid="export-result"] p.ok');
    await ok.waitForExist({ timeout: 30000 });
    const path = await ok.getAttribute('data-path');
    assert.ok(path.endsWith('-ja.pdf'), path);
    const head = readFileSync(path).subarray(0, 5).toString('latin1');
    assert.equal(head, '%PDF-');
  });

  test("the assessor's message and a note on a gap are kept, and travel in the exported file", async () => {
    const MESSAGE = '経営層の皆様へ。\n\n法務部門へのエスカレーションを整えてください。';
    const GAP_NOTE = '個人情報の漏えいで届出の期限を逃すおそれがあります';
    await openTab('dashboard');
    // Two paragraphs, typed with the Enter key between them (setValue drops line breaks).
    const [first, second] = MESSAGE.split('\n\n');
    await type('[data-testid="narrative-message"]', first);
    await browser.keys('Enter');
    await browser.keys('Enter');
    await $('[data-testid="narrative-message"]').addValue(second);
    assert.equal(await $('[data-testid="narrative-message"]').getValue(), MESSAGE);
    await browser.keys('Tab');
    await saved();
    await press('[data-testid="add-finding"]');
    await type('textarea[data-finding]', '訓練が形だけになっている');
    await browser.keys('Tab');
    await saved();

    await openTab('gaps');
    const gap = (await attrs('tr.gap-row', 'data-gap'))[0];
    assert.ok(gap, 'the assessment has a gap');
    const note = `details.gap-note[data-note-for="${gap}"]`;
    assert.equal(await $(note).getAttribute('open'), null, 'folded until used');
    await press(`${note} summary`);
    await type(`${note} textarea`, GAP_NOTE);
    await browser.keys('Tab');
    await saved();

    // Open the assessment again: everything comes back from the store.
    await openOrg(ORG);
    await $('[data-testid="open-assessment"]').click();
    await $('[data-screen-id="wizard"]').waitForExist({ timeout: 15000 });
    await openTab('dashboard');
    assert.equal(await $('[data-testid="narrative-message"]').getValue(), MESSAGE);
    assert.equal(await $('textarea[data-finding]').getValue(), '訓練が形だけになっている');
    await openTab('gaps');
    assert.notEqual(await $(note).getAttribute('open'), null, 'a written note is open');
    assert.equal(await $(`${note} textarea`).getValue(), GAP_NOTE);

    await openTab('export');
    await $('button[data-export="json"]').click();
    const ok = await $('[data-testid="export-result"] p.ok');
    await ok.waitForExist({ timeout: 10000 });
    const file = JSON.parse(readFileSync(await ok.getAttribute('data-path'), 'utf8'));
    assert.equal(file.narrative.message, MESSAGE);
    assert.deepEqual(file.narrative.findings, ['訓練が形だけになっている']);
    assert.equal(file.narrative.gap_notes[gap], GAP_NOTE);
  });

  test('a Word (DOCX) export is written to disk', async () => {
    await $('button.tab[data-screen="export"]').click();
    await $('button[data-export="docx-en"]').click();
    // The previous export's result is replaced once this one is saved.
    await browser.waitUntil(
      async () => {
        const oks = await $$('[data-testid="export-result"] p.ok');
        return oks.length > 0 && ((await oks[0].getAttribute('data-path')) ?? '').endsWith('-en.docx');
      },
      { timeout: 60000 },
    );
    const path = await $('[data-testid="export-result"] p.ok').getAttribute('data-path');
    // A ZIP package holding the Word document.
    const bytes = readFileSync(path);
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK');
    assert.ok(bytes.includes(Buffer.from('word/document.xml')), 'no word/document.xml');
  });

  test('the language switch changes every screen and is remembered', async () => {
    await $('button.lang[data-lang="en"]').click();
    await browser.waitUntil(async () => (await $('html').getAttribute('lang')) === 'en');
    assert.equal(await $('button.tab[data-screen="organisations"]').getText(), 'Organisations');
    assert.equal(await $('button[data-export="json"]').getText(), 'Assessment file (.csirt)');

    await quit();
    await launch();
    assert.equal(await $('html').getAttribute('lang'), 'en');
    assert.equal(await $('button.tab[data-screen="export"]').getText(), 'Export / import');

    await $('button.lang[data-lang="ja"]').click();
    await browser.waitUntil(async () => (await $('html').getAttribute('lang')) === 'ja');
  });

  test('importing a malformed file lists its problems item by item and changes nothing', async () => {
    writeFileSync(
      openFile,
      JSON.stringify({
        format: 'csirt-assessment/1',
        questionnaire: 'jpcert-2015',
        organisation: { name: '壊れたファイル' },
        answers: { '2.8': 'z', '3.3': 'many', '1.2': ['a', 'a'] },
      }),
    );
    const before = await orgCount();
    await $('button.tab[data-screen="export"]').click();
    await $('[data-testid="import"]').click();
    const box = await $('[data-testid="import-result"] .error-box');
    await box.waitForExist({ timeout: 10000 });
    assert.equal(await box.getAttribute('data-kind'), 'invalid-assessment');
    const items = await attrs('[data-testid="import-result"] li', 'data-problem-item');
    assert.deepEqual(items.sort(), ['1.2', '2.8', '3.3']);

    assert.equal(await orgCount(), before);
  });

  test('errors come in the UI\'s language: a bad import, a bad date and a malformed input, in Japanese and in English', async () => {
    writeFileSync(
      openFile,
      JSON.stringify({
        format: 'csirt-assessment/1',
        questionnaire: 'jpcert-2015',
        organisation: { name: '壊れたファイル' },
        answers: { '2.8': 'z' },
      }),
    );
    const before = await orgCount();
    const assessmentsBefore = await texts('button.org .count');
    /** Imports the malformed file and returns the error box's title and its one problem. */
    const importProblem = async () => {
      await $('button.tab[data-screen="export"]').click();
      await $('[data-testid="import"]').click();
      const box = await $('[data-testid="import-result"] .error-box');
      await box.waitForExist({ timeout: 10000 });
      assert.equal(await box.getAttribute('data-kind'), 'invalid-assessment');
      assert.deepEqual(await attrs('[data-testid="import-result"] li', 'data-problem-item'), ['2.8']);
      return { title: await $('[data-testid="import-result"] .error-box strong').getText(), problem: (await texts('[data-testid="import-result"] li'))[0], box: await box.getText() };
    };
    /** The error payload of a command called straight through the IPC, as the UI would get it. */
    const commandError = (cmd, input) =>
      browser.executeAsync((c, i, done) => {
        window.__TAURI_INTERNALS__.invoke(c, i === null ? {} : { input: i }).then(() => done(null), (e) => done(e));
      }, cmd, input);
    const orgId = Number(await browser.execute(() => document.querySelector('button.org')?.dataset.org ?? 1));

    // Japanese, as the system locale chose.
    assert.equal(await $('html').getAttribute('lang'), 'ja');
    const ja = await importProblem();
    assert.equal(ja.title, '評価ファイルに問題があります');
    assert.match(ja.problem, /^項目 2\.8 "z" はこの項目の選択肢ではありません（選択肢: /);
    assert.doesNotMatch(ja.box, /is not an option|英語|English/);
    const badDateJa = await commandError('create_assessment', { organisation_id: orgId, date: '2025-02-30' });
    assert.equal(badDateJa.kind, 'invalid-input');
    assert.match(badDateJa.message, /^日付 "2025-02-30" は暦にありません/);
    const badIdJa = await commandError('load_assessment', { id: 'seven' });
    assert.equal(badIdJa.kind, 'invalid-input');
    assert.match(badIdJa.message, /^コマンドへの入力が正しくありません/);
    const noInputJa = await commandError('load_assessment', null);
    assert.equal(noInputJa.kind, 'invalid-input');
    assert.match(noInputJa.message, /^コマンドへの入力が正しくありません/);

    // The same in English, after the switch.
    await $('button.lang[data-lang="en"]').click();
    await browser.waitUntil(async () => (await $('html').getAttribute('lang')) === 'en');
    const en = await importProblem();
    assert.equal(en.title, 'The assessment file has problems');
    assert.match(en.problem, /^Item 2\.8 "z" is not an option of this item/);
    assert.doesNotMatch(en.box, /選択肢/);
    const badDateEn = await commandError('create_assessment', { organisation_id: orgId, date: '2025-02-30' });
    assert.match(badDateEn.message, /^date "2025-02-30" does not exist/);
    const badIdEn = await commandError('load_assessment', { id: 'seven' });
    assert.match(badIdEn.message, /^the command's input is not valid/);
    assert.match((await commandError('load_assessment', null)).message, /^the command's input is not valid/);

    await $('button.lang[data-lang="ja"]').click();
    await browser.waitUntil(async () => (await $('html').getAttribute('lang')) === 'ja');
    assert.equal(await orgCount(), before);
    assert.deepEqual(await texts('button.org .count'), assessmentsBefore);
  });

  test('a valid file imports and opens', async () => {
    writeFileSync(openFile, execFileSync(CLI, ['demo', '--lang', 'en']));
    await $('button.tab[data-screen="export"]').click();
    await $('[data-testid="import"]').click();
    await $('[data-testid="open-imported"]').waitForExist({ timeout: 10000 });
    await $('[data-testid="open-imported"]').click();
    await $('[data-screen-id="dashboard"]').waitForExist();
    assert.ok(Number(await $('[data-testid="overall-score"]').getAttribute('data-score')) > 0);
  });

  test('a two-respondent workshop: private answers, divergence, consensus, and the PDF appendix', async () => {
    await $('button.tab[data-screen="organisations"]').click();
    await $('#org-name').waitForExist();
    await $('#org-name').setValue(WS_ORG);
    await $('[data-testid="org-new-form"] button[type="submit"]').click();
    await browser.waitUntil(async () => (await $('[data-testid="org-title"]').getText()) === WS_ORG);
    await $('[data-testid="new-assessment"]').click();
    await $('[data-screen-id="wizard"]').waitForExist();

    // Two respondents, added on the workshop screen.
    await openTab('workshop');
    for (const [name, role] of [['佐藤', 'CSIRT リーダー'], ['鈴木', '法務']]) {
      await type('[data-testid="respondent-name"]', name);
      await type('[data-testid="respondent-role"]', role);
      await press('[data-testid="add-respondent"]');
      await browser.waitUntil(async () => (await texts('[data-testid="respondents"] td.name')).includes(name), {
        timeout: 10000,
        timeoutMsg: `respondent ${name} not listed`,
      });
    }
    const ids = await attrs('[data-testid="respondents"] tr[data-respondent]', 'data-respondent');
    assert.equal(ids.length, 2);

    // 佐藤 answers first, from the respondents list.
    await press(`tr[data-respondent="${ids[0]}"] [data-testid="answer-as-respondent"]`);
    await $(item('1.1')).waitForExist();
    assert.equal(await $('[data-testid="answer-as"]').getValue(), ids[0]);
    await answerAll([['1', '1.1', 'a'], ['2', '2.11', 'c'], ['4', '4.1', 'a'], ['4', '4.2', 'b']]);

    // 鈴木 takes over through the switch and sees none of 佐藤's answers.
    await browser.execute((id) => {
      const s = document.querySelector('[data-testid="answer-as"]');
      s.value = id;
      s.dispatchEvent(new Event('change', { bubbles: true }));
    }, ids[1]);
    await browser.waitUntil(async () => (await $('[data-testid="answer-as"]').getValue()) === ids[1]);
    await $(item('4.1')).waitForExist();
    assert.equal(await $(item('4.1')).getAttribute('data-answered'), 'false');
    await answerAll([['4', '4.1', 'e'], ['4', '4.2', 'c'], ['2', '2.11', 'c'], ['1', '1.1', 'b']]);
    assert.equal(await $(`${item('1.1')} input[value="a"]`).isSelected(), false);
    // 鈴木 says why, in their own comment on 4.1.
    await goSection('4');
    await press(`${item('4.1')} details.notes summary`);
    await type(`${item('4.1')} textarea[data-role="comment"]`, WHY);
    await press(`${item('4.1')} input[data-role="evidence"]`);
    await saved();

    // The divergence view: the disputed items first, most disputed at the top.
    await openTab('workshop');
    await $('[data-testid="divergence"] article.divergence').waitForExist({ timeout: 10000 });
    const order = await attrs('[data-testid="divergence"] article.divergence', 'data-item');
    const spread = (await attrs('[data-testid="divergence"] article.divergence', 'data-disagreement')).map(Number);
    assert.deepEqual([...spread].sort((a, b) => b - a), spread, `sorted by disagreement: ${order} ${spread}`);
    assert.equal(order[0], '4.1', `order: ${order}`);
    assert.deepEqual(order.filter((_, i) => spread[i] > 0).sort(), ['1.1', '4.1', '4.2']);
    assert.equal(spread[order.indexOf('2.11')], 0);
    const range = await $('article.divergence[data-item="4.1"] [data-stat="range"]').getText();
    assert.match(range, /4/, `range of 4.1: ${range}`);
    const who = await attrs('article.divergence[data-item="4.1"] tr[data-who]', 'data-who');
    assert.deepEqual(who, ['佐藤', '鈴木']);
    // 鈴木's comment sits beside the spread, for the discussion.
    const why = await texts('article.divergence[data-item="4.1"] [data-testid="respondent-notes"] li');
    assert.deepEqual(why, [`鈴木: ${WHY}`]);

    // The consensus, with a note.
    await press('article.divergence[data-item="4.1"] input[value="c"]');
    await type('article.divergence[data-item="4.1"] textarea[data-role="consensus-note"]', NOTE);
    await press('article.divergence[data-item="4.1"] [data-testid="save-consensus"]');
    await browser.waitUntil(
      async () => (await texts('article.divergence[data-item="4.1"] [data-testid="consensus-note"]')).join('').includes(NOTE),
      { timeout: 10000, timeoutMsg: 'the consensus note is not shown' },
    );

    // The PDF has the appendix of disagreements with the note.
    await openTab('export');
    await $('button[data-export="pdf-ja"]').click();
    const ok = await $('[data-testid="export-result"] p.ok');
    await ok.waitForExist({ timeout: 60000 });
    const pdf = await ok.getAttribute('data-path');
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    const flat = text.replace(/\s+/g, '');
    assert.ok(flat.includes('付録C'), 'the PDF has the disagreements appendix');
    const appendix = flat.slice(flat.indexOf('付録C'));
    for (const s of ['佐藤', '鈴木', NOTE.replace(/\s+/g, ''), '4.1', '4.2', '1.1']) {
      assert.ok(appendix.includes(s), `the appendix mentions ${s}`);
    }
    // 4.1 is listed before 4.2: most disputed first.
    assert.ok(appendix.indexOf('4.1') < appendix.indexOf('4.2'));
    copyFileSync(pdf, join(work, 'workshop.pdf'));
    if (process.env.CSIRT_E2E_KEEP_PDF) copyFileSync(pdf, process.env.CSIRT_E2E_KEEP_PDF);
  });

  test('a participant file is imported as a respondent', async () => {
    writeFileSync(openFile, execFileSync(CLI, ['demo', '--lang', 'ja']));
    await openTab('workshop');
    await type('[data-testid="respondent-name"]', '田中');
    await type('[data-testid="respondent-role"]', '広報');
    await press('[data-testid="import-respondent"]');
    await browser.waitUntil(async () => (await texts('[data-testid="respondents"] td.name')).includes('田中'), {
      timeout: 15000,
      timeoutMsg: 'the imported respondent is not listed',
    });
  });

  test('a respondent is renamed, then removed with their answers', async () => {
    await openTab('workshop');
    const row = async (name) =>
      browser.execute(
        (n) => [...document.querySelectorAll('[data-testid="respondents"] tr[data-respondent]')].find((r) => r.querySelector('td.name')?.textContent === n)?.dataset.respondent ?? null,
        name,
      );
    const id = await row('田中');
    assert.ok(id, '田中 is listed');
    await press(`tr[data-respondent="${id}"] [data-testid="edit-respondent"]`);
    await type(`tr[data-respondent="${id}"] [data-testid="edit-respondent-name"]`, '田中 一郎');
    await press(`tr[data-respondent="${id}"] [data-testid="save-respondent"]`);
    await browser.waitUntil(async () => (await row('田中 一郎')) === id, { timeout: 10000, timeoutMsg: 'not renamed' });
    // 田中's file answered 4.1, so the divergence lists them under the new name.
    assert.ok((await attrs('article.divergence[data-item="4.1"] tr[data-who]', 'data-who')).includes('田中 一郎'));

    await press(`tr[data-respondent="${id}"] [data-testid="remove-respondent"]`);
    await press(`tr[data-respondent="${id}"] [data-testid="remove-respondent-yes"]`);
    await browser.waitUntil(async () => (await row('田中 一郎')) === null, { timeout: 10000, timeoutMsg: 'not removed' });
    assert.deepEqual(await texts('[data-testid="respondents"] td.name'), ['佐藤', '鈴木']);
    assert.deepEqual(await attrs('article.divergence[data-item="4.1"] tr[data-who]', 'data-who'), ['佐藤', '鈴木']);
  });

  test('trend and peers of the open assessment', async () => {
    await openTab('trend');
    await $('[data-testid="trend-chart"] svg').waitForExist({ timeout: 10000 });
    assert.ok((await $$('[data-testid="trend-area"] tbody tr')).length > 0);
    await openTab('peers');
    await $('[data-testid="peers"] article.peer').waitForExist({ timeout: 10000 });
    assert.equal((await $$('[data-testid="peers"] article.peer')).length, 9);
    assert.ok((await texts('[data-testid="peers"] .cite')).some((c) => c.includes('§')));
  });

  test('an encrypted export imports back with its passphrase; a wrong one changes nothing', async () => {
    await openTab('export');
    await type('[data-testid="export-passphrase"]', 'correct horse battery');
    await $('button[data-export="json"]').click();
    const ok = await $('[data-testid="export-result"] p.ok');
    await ok.waitForExist({ timeout: 60000 });
    const sealed = await ok.getAttribute('data-path');
    assert.ok(sealed.endsWith('.csirt.age'), sealed);
    assert.equal(readFileSync(sealed).subarray(0, 21).toString('latin1'), 'age-encryption.org/v1');
    copyFileSync(sealed, openFile);

    const before = await orgCount();
    const assessmentsBefore = await texts('button.org .count');
    await openTab('export');
    await $('[data-testid="import"]').click();
    await $('[data-testid="import-passphrase"]').waitForExist({ timeout: 10000 });
    await type('[data-testid="import-passphrase"]', 'wrong horse');
    await press('[data-testid="import-decrypt"]');
    const box = await $('[data-testid="import-result"] .error-box');
    await box.waitForExist({ timeout: 60000 });
    assert.equal(await box.getAttribute('data-kind'), 'wrong-passphrase');
    assert.match(await box.getText(), /パスフレーズが違います/);
    assert.equal(await orgCount(), before);
    assert.deepEqual(await texts('button.org .count'), assessmentsBefore);

    // The right passphrase, typed again after the error, imports the file chosen before.
    await openTab('export');
    await $('[data-testid="import"]').click();
    await $('[data-testid="import-passphrase"]').waitForExist({ timeout: 10000 });
    await type('[data-testid="import-passphrase"]', 'correct horse battery');
    await press('[data-testid="import-decrypt"]');
    await $('[data-testid="open-imported"]').waitForExist({ timeout: 60000 });
    await $('[data-testid="open-imported"]').click();
    await $('[data-screen-id="dashboard"]').waitForExist();
    await openTab('wizard');
    await goSection('4');
    // The consensus travelled in the file.
    assert.equal(await $(`${item('4.1')} input[value="c"]`).isSelected(), true);
    // So did the workshop: both respondents, their disagreement, 鈴木's comment and the note.
    await openTab('workshop');
    await $('[data-testid="divergence"] article.divergence').waitForExist({ timeout: 10000 });
    assert.deepEqual(await texts('[data-testid="respondents"] td.name'), ['佐藤', '鈴木']);
    assert.deepEqual(await attrs('article.divergence[data-item="4.1"] tr[data-who]', 'data-who'), ['佐藤', '鈴木']);
    assert.deepEqual(await texts('article.divergence[data-item="4.1"] [data-testid="respondent-notes"] li'), [`鈴木: ${WHY}`]);
    assert.ok((await texts('article.divergence[data-item="4.1"] [data-testid="consensus-note"]')).join('').includes(NOTE));
  });
  test('a contribution shows every field that leaves the machine, and saves exactly that, sealed to the collector', async () => {
    await openTab('export');
    await $('[data-testid="contribute-preview"]').click();
    await $('[data-testid="contribution-preview"] tbody tr').waitForExist({ timeout: 30000 });
    await $('[data-testid="contribute-sector"] option:nth-child(2)').waitForExist({ timeout: 10000 });
    const sector = await $('[data-testid="contribute-sector"] option:nth-child(2)').getAttribute('value');
    await $('[data-testid="contribute-sector"]').selectByAttribute('value', sector);
    await browser.waitUntil(
      async () => (await $('[data-testid="contribution-preview"] pre').getProperty('textContent')).includes(sector),
      { timeout: 30000 },
    );
    const shown = await $('[data-testid="contribution-preview"] pre').getProperty('textContent');
    const org = await $('[data-screen-id="export"] .card p.muted').getText();
    assert.ok(!shown.includes(org.split(' · ')[0]), 'the organisation name is in the contribution');

    // Unsealed, the saved file is the text shown.
    await $('[data-testid="contribute-save"]').click();
    const ok = await $('[data-testid="contribute-result"] p.ok');
    await ok.waitForExist({ timeout: 30000 });
    const plain = await ok.getAttribute('data-path');
    assert.equal(readFileSync(plain, 'utf8'), shown);

    // Sealed to a collector's key made with the CLI.
    const key = join(work, 'collector.key');
    const pub = execFileSync(CLI, ['--lang', 'en', 'benchmark', 'keygen', '-o', key], { encoding: 'utf8' })
      .split('\n')
      .find((l) => l.startsWith('age1'));
    await type('[data-testid="contribute-recipient"]', pub);
    await $('[data-testid="contribute-save"]').click();
    await browser.waitUntil(
      async () => ((await $('[data-testid="contribute-result"] p.ok').getAttribute('data-path')) ?? '').endsWith('.age'),
      { timeout: 30000 },
    );
    const sealed = await $('[data-testid="contribute-result"] p.ok').getAttribute('data-path');
    assert.equal(readFileSync(sealed).subarray(0, 21).toString('latin1'), 'age-encryption.org/v1');
    assert.ok(!readFileSync(sealed).toString('latin1').includes(sector), 'the sealed file shows its content');
  });

  test('a pooled benchmark is imported, chosen for the assessment, and the standings change', async () => {
    const standings = () => texts('.standing-table tr[data-item] td:nth-child(4)');
    await openTab('dashboard');
    await $('[data-testid="benchmark-in-use"]').waitForExist({ timeout: 10000 });
    assert.match(await $('[data-testid="benchmark-in-use"]').getText(), /n = 66/);
    const survey = await standings();

    await openTab('benchmarks');
    await press('[data-testid="benchmark-import"]');
    await $('[data-benchmark="synthetic-pool"]').waitForExist({ timeout: 15000 });
    assert.match(await $('[data-benchmark="synthetic-pool"] [data-testid="benchmark-line"]').getText(), /n = 40/);
    assert.equal((await $$('[data-benchmark="synthetic-pool"] [data-segment]')).length, 3);

    await openTab('dashboard');
    await $('[data-testid="benchmark-select"]').waitForExist({ timeout: 10000 });
    await $('[data-testid="benchmark-select"]').selectByAttribute('value', 'synthetic-pool');
    await press('[data-testid="benchmark-apply"]');
    await browser.waitUntil(async () => /n = 40/.test(await $('[data-testid="benchmark-in-use"]').getText()), {
      timeout: 15000,
      timeoutMsg: 'the dashboard did not switch to the pooled benchmark',
    });
    const pooled = await standings();
    assert.equal(pooled.length, survey.length);
    assert.notDeepEqual(pooled, survey);
    const none = (rows) => rows.filter((r) => r === '基準データに数値なし').length;
    assert.ok(none(pooled) < none(survey), `no figure: survey ${none(survey)}, pool ${none(pooled)}`);

    await $('[data-testid="segment-select"]').selectByAttribute('value', 'sector=finance');
    await press('[data-testid="benchmark-apply"]');
    await browser.waitUntil(async () => /n = 9/.test(await $('[data-testid="benchmark-in-use"]').getText()), {
      timeout: 15000,
      timeoutMsg: 'the dashboard did not switch to the segment',
    });
    assert.notDeepEqual(await standings(), pooled);
  });
  test('the action plan closes the loop: three actions, assessment 2 imported, achieved, flagged and open', async () => {
    const PLAN_ORG = '対策計画検証株式会社';
    const first = JSON.parse(execFileSync(CLI, ['demo', '--lang', 'ja']).toString());
    first.organisation.name = PLAN_ORG;
    first.date = '2026-04-01';
    const firstPath = join(work, 'plan-1.json');
    writeFileSync(firstPath, JSON.stringify(first));
    // The gaps the app lists first, as the CLI scores them (same questionnaire and benchmark).
    const gaps = JSON.parse(execFileSync(CLI, ['score', firstPath, '--json']).toString()).gaps.slice(0, 3);
    assert.equal(gaps.length, 3);

    // Assessment 1: imported, then three actions added from its gaps.
    writeFileSync(openFile, JSON.stringify(first));
    await openTab('export');
    await press('[data-testid="import"]');
    await $('[data-testid="open-imported"]').waitForExist({ timeout: 10000 });
    await press('[data-testid="open-imported"]');
    await $('[data-screen-id="dashboard"]').waitForExist();
    await openTab('gaps');
    for (const g of gaps) {
      const box = `[data-add-to-plan="${g.item}"]`;
      await press(`${box} button[data-action="add-to-plan"]`);
      await type(`${box} input[data-field="owner"]`, '佐藤');
      await type(`${box} input[data-field="due"]`, '2099-12-31');
      await press(`${box} button[data-action="create-action"]`);
      await browser.waitUntil(async () => (await $(box).getText()) === '対策計画に追加しました', {
        timeout: 10000,
        timeoutMsg: `the action for ${g.item} was not added`,
      });
    }
    await openTab('plan');
    await browser.waitUntil(async () => (await $$('tr.action-row')).length === 3, { timeout: 10000 });
    assert.deepEqual(await attrs('tr.action-row', 'data-state'), ['open', 'open', 'open']);

    // Assessment 2 of the same organisation: the first gap's item reaches its target.
    const second = structuredClone(first);
    second.date = '2026-10-01';
    second.answers[gaps[0].item] = gaps[0].target_key;
    writeFileSync(openFile, JSON.stringify(second));
    await openTab('export');
    await press('[data-testid="import"]');
    await $('[data-testid="open-imported"]').waitForExist({ timeout: 10000 });
    await press('[data-testid="open-imported"]');
    await $('[data-screen-id="dashboard"]').waitForExist();
    // It took over the three open actions; the second is marked done, its answer unchanged.
    await openTab('plan');
    await browser.waitUntil(async () => (await $$('tr.action-row')).length === 3, { timeout: 10000 });
    const rows = await attrs('tr.action-row', 'data-action');
    const status = await $(`tr[data-action="${rows[1]}"] select[data-field="status"]`);
    await browser.execute((e) => e.scrollIntoView({ block: 'center' }), status);
    await status.selectByAttribute('value', 'done');
    await browser.waitUntil(
      async () => (await attrs('tr.action-row', 'data-state')).join() === 'achieved,flagged,open',
      { timeout: 10000, timeoutMsg: `states: ${await attrs('tr.action-row', 'data-state')}` },
    );
    assert.match(await $(`tr[data-action="${rows[0]}"] [data-testid="achieved-in"]`).getText(), /2026年10月1日 の評価で達成/);
    assert.equal(await $(`tr[data-action="${rows[1]}"] [data-testid="flag"]`).getText(), '完了となっていますが、回答は変わっていません');
    assert.match(await $(`tr[data-action="${rows[2]}"] td.result`).getText(), /未完了/);
    assert.ok(await $('[data-testid="plan-chart"] svg').isExisting());

    // The filters: done only, then overdue only (none is).
    await $('select[data-filter="status"]').selectByAttribute('value', 'done');
    await browser.waitUntil(async () => (await $$('tr.action-row')).length === 1);
    await $('select[data-filter="status"]').selectByAttribute('value', '');
    await press('input[data-filter="overdue"]');
    await browser.waitUntil(async () => (await $$('tr.action-row')).length === 0);
    await press('input[data-filter="overdue"]');
    await browser.waitUntil(async () => (await $$('tr.action-row')).length === 3);

    // A date that does not exist is refused in Japanese, and the plan keeps the old one.
    await type(`tr[data-action="${rows[2]}"] input[data-field="due"]`, '2026-02-30');
    await browser.keys('Tab');
    await $('.banner .error').waitForExist({ timeout: 10000 });
    assert.match(await $('.banner .error').getText(), /2026-02-30/);
    const list = JSON.parse(execFileSync(CLI, ['--db', join(work, 'e2e.sqlite3'), 'action', 'update', rows[2], '--json']).toString());
    assert.equal(list.due, '2099-12-31');
  });

  test("a SIM3 assessment starts from the demo's JPCERT assessment, its derived answers labelled until confirmed", async () => {
    await openOrg('サンプル精機株式会社');
    // No offer for the questionnaire the form starts on; choosing SIM3 shows it, off by default.
    await $('[data-testid="new-assessment-questionnaire"]').waitForExist({ timeout: 10000 });
    await $('[data-testid="new-assessment-questionnaire"]').selectByAttribute('value', 'sim3');
    await $('[data-testid="prefill-choice"]').waitForDisplayed({ timeout: 10000 });
    assert.equal(await $('[data-testid="prefill-on"]').isSelected(), false);
    assert.equal(await $('[data-testid="prefill-from"]').isEnabled(), false);
    await press('[data-testid="prefill-on"]');
    const option = await $('[data-testid="prefill-from"] option[data-target="sim3"]');
    assert.ok(await option.isExisting(), 'no SIM3 offer');
    assert.match(await option.getText(), /から始める/);
    await $('[data-testid="prefill-from"]').selectByAttribute('value', await option.getAttribute('value'));
    await press('[data-testid="new-assessment"]');
    await $('[data-screen-id="wizard"]').waitForExist();
    await $('[data-testid="derived-label"]').waitForExist({ timeout: 10000 });
    const labels = await texts('[data-testid="derived-label"] .derived-text');
    assert.ok(labels.length > 0);
    for (const l of labels) assert.match(l, /JPCERT\/CC 2015.*から導出 — 確認してください/);

    // The store holds the marks; confirming one clears it there and on the screen.
    const db = join(work, 'e2e.sqlite3');
    const row = JSON.parse(execFileSync(CLI, ['--db', db, 'assessment', 'list', '--json']).toString())
      .filter((r) => r.questionnaire_id === 'sim3')
      .sort((a, b) => b.id - a.id)[0];
    const marked = () =>
      Object.keys(JSON.parse(execFileSync(CLI, ['--db', db, 'assessment', 'show', String(row.id), '--json']).toString()).derived?.items ?? {});
    const before = marked();
    const first = await $('[data-testid="derived-label"]').parentElement().getAttribute('data-item');
    assert.ok(before.includes(first), `${first} not in ${before}`);
    await press(`${item(first)} [data-testid="confirm-derived"]`);
    await browser.waitUntil(async () => !(await $(`${item(first)} [data-testid="derived-label"]`).isExisting()), {
      timeout: 10000,
      timeoutMsg: 'the label stayed after confirming',
    });
    const after = marked();
    assert.equal(after.length, before.length - 1);
    assert.ok(!after.includes(first));

    // The dashboard counts what is left.
    await $('button.tab[data-screen="dashboard"]').click();
    await $('[data-testid="derived-count"]').waitForExist({ timeout: 10000 });
    assert.match(await $('[data-testid="derived-count"]').getText(), new RegExp(`${after.length} 件は.*まだ確認されていません`));
  });

  test('a SIM3 assessment: chosen at the start, a few parameters answered, the dashboard and the PDF', async () => {
    await openOrg(ORG);
    const choice = await $('[data-testid="new-assessment-questionnaire"]');
    await choice.waitForExist();
    const offered = await attrs('[data-testid="new-assessment-questionnaire"] option', 'value');
    for (const id of ['jpcert-2015', 'sim3', 'psirt', 'csirt-roles']) assert.ok(offered.includes(id), `${id} in ${offered}`);
    await choice.selectByAttribute('value', 'sim3');
    await press('[data-testid="new-assessment"]');
    await $('[data-screen-id="wizard"]').waitForExist({ timeout: 15000 });
    await $('article[data-item]').waitForExist({ timeout: 10000 });
    // The first three parameters of the first category, each answered with its highest level.
    const ids = (await attrs('article[data-item]', 'data-item')).slice(0, 3);
    assert.equal(ids.length, 3, `parameters shown: ${ids}`);
    for (const id of ids) {
      const options = await $$(`${item(id)} input[type="radio"]`);
      assert.ok(options.length > 0, `${id} has options`);
      await browser.execute((e) => e.scrollIntoView({ block: 'center' }), options[0]);
      await options[0].click();
      await saved();
      assert.equal(await $(item(id)).getAttribute('data-answered'), 'true', id);
    }
    await openTab('dashboard');
    const score = await $('[data-testid="overall-score"]');
    await score.waitForExist({ timeout: 15000 });
    assert.ok(Number.isFinite(Number(await score.getAttribute('data-score'))), 'the overall score is a number');
    await openTab('export');
    await press('button[data-export="pdf-ja"]');
    const ok = await $('[data-testid="export-result"] p.ok');
    await ok.waitForExist({ timeout: 30000 });
    const path = await ok.getAttribute('data-path');
    assert.ok(existsSync(path), path);
    assert.equal(readFileSync(path).subarray(0, 5).toString('latin1'), '%PDF-');
  });

  test('a questionnaire package is imported, offered for a new assessment and removed; a broken one shows its line', async () => {
    const text = readFileSync(join(ROOT, 'tests/fixtures/packages/small-survey/questionnaire.toml'), 'utf8');
    writeFileSync(openPackage, zipOf([['small-survey/questionnaire.toml', text]]));
    await openTab('questionnaires');
    for (const id of ['jpcert-2015', 'sim3']) await $(`tr[data-questionnaire="${id}"]`).waitForExist({ timeout: 10000 });
    await press('[data-testid="questionnaire-import"]');
    await $('tr[data-questionnaire="small-survey"]').waitForExist({ timeout: 15000 });
    assert.match(await $('[data-testid="questionnaire-status"]').getText(), /小さな自己点検（版 1\.0）/);
    assert.match(await $('tr[data-questionnaire="small-survey"]').getText(), /パッケージ/);

    // Broken: the problem names the file inside the package and its line; nothing changes.
    const broken = text.replace('type = "scale"', 'type = 3');
    const line = broken.split('\n').findIndex((l) => l === 'type = 3') + 1;
    writeFileSync(openPackage, zipOf([['questionnaire.toml', broken.replace('small-survey', 'other-survey')]]));
    await press('[data-testid="questionnaire-import"]');
    const error = await $('[data-testid="questionnaire-error"]');
    await error.waitForExist({ timeout: 15000 });
    const problems = await texts('[data-testid="questionnaire-error"] li');
    assert.ok(
      problems.some((p) => p.startsWith(`small-survey.zip/questionnaire.toml:${line}:`)),
      `line ${line}: ${problems}`,
    );
    assert.equal((await $$('tr[data-questionnaire="other-survey"]')).length, 0);

    // Offered when starting an assessment, with its title and version.
    await openOrg(ORG);
    const offered = await texts('[data-testid="new-assessment-questionnaire"] option');
    assert.ok(offered.includes('小さな自己点検（版 1.0）'), `${offered}`);

    await openTab('questionnaires');
    await press('tr[data-questionnaire="small-survey"] [data-testid="remove-questionnaire"]');
    await press('tr[data-questionnaire="small-survey"] [data-testid="remove-questionnaire-yes"]');
    await browser.waitUntil(async () => (await $$('tr[data-questionnaire="small-survey"]')).length === 0, {
      timeout: 10000,
      timeoutMsg: 'the package was not removed',
    });
  });
});
