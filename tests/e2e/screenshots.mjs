// Screenshots of every screen in both languages, for looking at the app (not a test).
// Run under Xvfb after building: xvfb-run -a node screenshots.mjs [out-dir] (default /tmp/shots).
// Each shot is taken from the X display with ImageMagick's `import`, which is what a person
// sees: WebKitWebDriver's own screenshot hangs when WebKit draws through shared memory, the
// renderer the app chooses (see use_shared_memory_rendering in src-tauri/src/lib.rs).
// Uses a fresh temporary database, so the screens show the demo organisation, with an earlier
// assessment of it (for the trend) and a two-person workshop on the latest one.

import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { remote } from 'webdriverio';
import { zipOf } from './zip.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const APP = process.env.CSIRT_APP_BIN ?? join(process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target'), 'debug/csirt-app');
const CLI = process.env.CSIRT_CLI_BIN ?? join(process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target'), 'debug/csirt');
const out = process.argv[2] ?? '/tmp/shots';
mkdirSync(out, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'csirt-shots-'));
// A year-earlier assessment of the demo organisation, weaker on escalation, for the trend.
const earlier = JSON.parse(execFileSync(CLI, ['demo', '--lang', 'ja'], { encoding: 'utf8' }));
earlier.date = '2025-04-01';
Object.assign(earlier.answers, { '4.1': 'e', '4.2': 'e', '2.8': 'c' });
const openFile = join(work, 'earlier.json');
// The Benchmarks screen imports this file: first a broken copy, then the synthetic pool.
const openBenchmark = join(work, 'benchmark.toml');
// A bulk import of respondents' files: 田中 (named after the file) and a file that is not one.
const tanaka = JSON.parse(execFileSync(CLI, ['demo', '--lang', 'ja'], { encoding: 'utf8' }));
Object.assign(tanaka.answers, { '4.1': 'b', '4.2': 'c' });
const openFiles = [join(work, '田中 一郎.csirt'), join(work, 'notes.csirt')];
writeFileSync(openFiles[0], JSON.stringify(tanaka));
writeFileSync(openFiles[1], '{ "format": "csirt-assessment/1", ');
const pool = readFileSync(join(ROOT, 'tests/fixtures/benchmarks/synthetic-pool.toml'), 'utf8');
// The Questionnaires screen imports this package: first a broken copy, then the test package.
const openPackage = join(work, 'small-survey.zip');
const packageText = readFileSync(join(ROOT, 'tests/fixtures/packages/small-survey/questionnaire.toml'), 'utf8');
writeFileSync(openFile, JSON.stringify(earlier));
// Other ports (CSIRT_SHOTS_PORT and the next one) when another run holds the usual ones.
const port = Number(process.env.CSIRT_SHOTS_PORT ?? 4446);
const driver = spawn('tauri-driver', ['--port', String(port), '--native-port', String(port + 1)], {
  stdio: 'ignore',
  env: {
    ...process.env,
    CSIRT_DB: join(work, 'db.sqlite3'),
    CSIRT_E2E_SAVE_DIR: work,
    CSIRT_E2E_OPEN_FILE: openFile,
    CSIRT_E2E_OPEN_BENCHMARK: openBenchmark,
    CSIRT_E2E_OPEN_PACKAGE: openPackage,
    CSIRT_E2E_OPEN_FILES: openFiles.join(':'),
    LANG: 'ja_JP.UTF-8',
  },
});
await new Promise((r) => setTimeout(r, 1500));
let browser;
try {
  browser = await remote({
    hostname: '127.0.0.1', port, logLevel: 'warn',
    capabilities: { 'wdio:enforceWebDriverClassic': true, 'tauri:options': { application: APP } },
  });
  await browser.setWindowSize(1280, 860).catch(() => {});
  await browser.$('[data-screen-id="organisations"]').waitForExist({ timeout: 20000 });
  const shot = async (name) => {
    await browser.pause(400);
    execFileSync('import', ['-window', 'root', '-crop', '1280x860+0+0', join(out, `${name}.png`)]);
  };
  const $ = (sel) => browser.$(sel);
  const press = async (sel) => {
    const el = await $(sel);
    await el.waitForExist({ timeout: 10000 });
    await browser.execute((e) => e.scrollIntoView({ block: 'center' }), el);
    await el.click();
  };
  const tab = async (screen) => {
    await $(`button.tab[data-screen="${screen}"]`).click();
    await $(`[data-screen-id="${screen}"]`).waitForExist({ timeout: 15000 });
  };
  const saved = () =>
    browser.waitUntil(async () => (await $('.save-status').getAttribute('data-state')) === 'saved', { timeout: 10000 });

  // Set-up: the earlier assessment, then two respondents who disagree on the latest one.
  await tab('export');
  await press('[data-testid="import"]');
  await $('[data-testid="open-imported"]').waitForExist({ timeout: 15000 });
  await tab('organisations');
  await press('[data-testid="open-assessment"]');
  await $('[data-screen-id="wizard"]').waitForExist();
  await tab('workshop');
  const people = [
    ['佐藤 美咲', 'CSIRT リーダー', { '4.1': 'a', '4.2': 'b', '4.3': 'c' }, '年次の内部監査で確認済み'],
    ['鈴木 健', '情報システム部', { '4.1': 'd', '4.2': 'b', '4.3': 'e' }, '手順は口頭で共有しているだけ'],
  ];
  for (const [name, role] of people) {
    await $('[data-testid="respondent-name"]').setValue(name);
    await $('[data-testid="respondent-role"]').setValue(role);
    await press('[data-testid="add-respondent"]');
    await browser.waitUntil(async () => (await browser.$$('[data-testid="respondents"] tr[data-respondent]')).length > people.indexOf(people.find((p) => p[0] === name)));
  }
  const ids = await browser.execute(() => [...document.querySelectorAll('[data-testid="respondents"] tr[data-respondent]')].map((r) => r.dataset.respondent));
  for (const [i, [, , answers, why]] of people.entries()) {
    await tab('workshop');
    await press(`tr[data-respondent="${ids[i]}"] [data-testid="answer-as-respondent"]`);
    await press('button.section-link[data-section="4"]');
    await $('article[data-item="4.1"]').waitForExist();
    for (const [item, key] of Object.entries(answers)) {
      await press(`article[data-item="${item}"] input[value="${key}"]`);
      await saved();
    }
    await press('article[data-item="4.1"] details.notes summary');
    await $('article[data-item="4.1"] textarea[data-role="comment"]').setValue(why);
    await press('article[data-item="4.1"] input[data-role="evidence"]');
    await saved();
  }
  // Back to the facilitator, so the first wizard shots are the assessment's own answers.
  await tab('wizard');
  await browser.execute(() => {
    const s = document.querySelector('[data-testid="answer-as"]');
    s.value = '';
    s.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await browser.pause(500);
  await tab('workshop');
  // Recording the agreement is always in view.
  await press('article.divergence[data-item="4.1"] input[value="b"]');
  await $('article.divergence[data-item="4.1"] textarea[data-role="consensus-note"]').setValue('規程はあるが監査は未実施、で合意');
  await press('article.divergence[data-item="4.1"] [data-testid="save-consensus"]');
  await browser.waitUntil(async () => (await browser.$$('article.divergence[data-item="4.1"] [data-testid="consensus-note"]')).length > 0);

  for (const lang of ['ja', 'en']) {
    await browser.$(`button.lang[data-lang="${lang}"]`).click();
    await browser.pause(300);
    await browser.$('button.tab[data-screen="organisations"]').click();
    await shot(`${lang}-1-organisations`);
    // The organisation's assessments, each date in the language's one form, and the new
    // assessment's date as an ISO field with the date in words beside it.
    await browser.execute(() => document.querySelector('[data-testid="history"]')?.scrollIntoView({ block: 'end' }));
    await shot(`${lang}-1b-organisations-dates`);
    await browser.execute(() => window.scrollTo(0, 0));
    await browser.$('[data-testid="open-assessment"]').click();
    await browser.$('[data-screen-id="wizard"]').waitForExist();
    // As the facilitator (the set-up above answered as a respondent), and on section 1: the
    // wizard reopens on the section last shown (4, from the workshop).
    const asRespondent = await browser.execute(() => document.querySelector('[data-testid="answer-as"]')?.value ?? '');
    if (asRespondent !== '') {
      await browser.execute(() => {
        const s = document.querySelector('[data-testid="answer-as"]');
        s.value = '';
        s.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await browser.pause(800);
      await $('[data-screen-id="wizard"]').waitForExist();
    }
    await press('button.section-link[data-section="1"]');
    await browser.waitUntil(async () => (await $('.section-title').getText()).startsWith('1.'), { timeout: 10000 });
    await browser.execute(() => window.scrollTo(0, 0));
    await shot(`${lang}-2-wizard-section1`);
    // Finding one's way: a search, its results, and "next unanswered" with the focus in it.
    await $('[data-testid="wiz-search"]').setValue(lang === 'ja' ? 'エスカレーション' : 'escalation');
    await browser.waitUntil(async () => (await $('[data-testid="find-status"]').getText()) !== '', { timeout: 10000 });
    await press('[data-testid="next-unanswered"]');
    await browser.execute(() => window.scrollTo(0, 0));
    await shot(`${lang}-2b-wizard-search`);
    await press('[data-testid="clear-search"]');
    await browser.waitUntil(async () => (await $('.section-title').getText()).startsWith('1.'), { timeout: 10000 });
    // Only the unanswered items.
    await press('[data-testid="unanswered-only"]');
    await browser.waitUntil(async () => (await $('[data-testid="find-status"]').getText()) !== '', { timeout: 10000 });
    await browser.execute(() => window.scrollTo(0, 0));
    await shot(`${lang}-2c-wizard-unanswered-only`);
    await press('[data-testid="clear-search"]');
    await browser.waitUntil(async () => (await $('.section-title').getText()).startsWith('1.'), { timeout: 10000 });
    await browser.$('button.section-link[data-section="2"]').click();
    await browser.$('article[data-item="2.9.a"]').waitForExist();
    await browser.execute(() => document.querySelector('article[data-item="2.9.a"]').scrollIntoView());
    await shot(`${lang}-3-wizard-services`);
    await browser.$('button.section-link[data-section="4"]').click();
    await browser.$('article[data-item="4.1"]').waitForExist();
    await shot(`${lang}-4-wizard-scales`);
    // A reconstructed item: the small badge, its note opened (as a keyboard user would).
    await browser.execute(() => {
      const d = document.querySelector('article[data-item="4.2"] details.reconstructed');
      d.open = true;
      d.closest('article').scrollIntoView({ block: 'center' });
    });
    await shot(`${lang}-4b-wizard-reconstructed`);
    // Clearing an answer offers undo; undoing stores it again and the item says "saved".
    await press('article[data-item="4.2"] button.clear');
    await saved();
    await browser.execute(() => document.querySelector('article[data-item="4.2"]').scrollIntoView({ block: 'center' }));
    await shot(`${lang}-4c-wizard-cleared-undo`);
    await press('article[data-item="4.2"] [data-testid="undo"]');
    await saved();
    await browser.execute(() => document.querySelector('article[data-item="4.2"]').scrollIntoView({ block: 'center' }));
    await shot(`${lang}-4d-wizard-undone-saved`);
    await browser.$('button.tab[data-screen="dashboard"]').click();
    await browser.$('[data-screen-id="dashboard"]').waitForExist();
    await shot(`${lang}-5-dashboard`);
    await browser.execute(() => document.querySelector('.readiness-grid').scrollIntoView());
    await shot(`${lang}-6-dashboard-readiness`);
    await browser.$('button.tab[data-screen="gaps"]').click();
    await browser.$('[data-screen-id="gaps"]').waitForExist();
    await shot(`${lang}-7-gaps`);
    // The headers stay in view as the table scrolls.
    await browser.execute(() => {
      const rows = document.querySelectorAll('tr.gap-row');
      rows[Math.min(4, rows.length - 1)].scrollIntoView({ block: 'start' });
      window.scrollBy(0, -120);
    });
    await shot(`${lang}-7b-gaps-sticky-headers`);
    await browser.execute(() => document.querySelector('.roadmap').scrollIntoView());
    await shot(`${lang}-8-roadmap`);
    await browser.$('button.tab[data-screen="export"]').click();
    await browser.$('[data-screen-id="export"]').waitForExist();
    await shot(`${lang}-9-export`);
    await tab('workshop');
    await browser.execute(() => window.scrollTo(0, 0));
    await press('tr[data-respondent] [data-testid="edit-respondent"]');
    await shot(`${lang}-10-workshop`);
    // Leave the edit row unsaved: the screen is drawn afresh.
    await tab('workshop');
    await $('tr[data-respondent] [data-testid="edit-respondent"]').waitForExist();
    await browser.execute(() => document.querySelector('[data-testid="divergence"]').scrollIntoView());
    await shot(`${lang}-11-divergence`);
    // The workshop on a projector: provisional, open count, agreed collapsed, the matrix,
    // presentation mode, hidden answers, and a bulk import's result.
    await browser.execute(() => document.querySelector('article.divergence[data-item="4.2"]').scrollIntoView({ block: 'start' }));
    await browser.execute(() => window.scrollBy(0, -90));
    await shot(`${lang}-23-workshop-provisional`);
    await press('[data-testid="collapse-agreed"]');
    await $('article.divergence.collapsed').waitForExist({ timeout: 10000 });
    await browser.execute(() => document.querySelector('[data-testid="open-count"]').scrollIntoView({ block: 'start' }));
    await browser.execute(() => window.scrollBy(0, -90));
    await shot(`${lang}-24-workshop-agreed-collapsed`);
    await press('[data-testid="collapse-agreed"]');
    await press('[data-testid="view-matrix"]');
    await $('[data-testid="workshop-matrix"]').waitForExist({ timeout: 10000 });
    await browser.execute(() => document.querySelector('[data-testid="open-count"]').scrollIntoView({ block: 'start' }));
    await browser.execute(() => window.scrollBy(0, -90));
    await shot(`${lang}-25-workshop-matrix`);
    await press('[data-testid="presentation-toggle"]');
    await browser.pause(300);
    await browser.execute(() => document.querySelector('[data-testid="open-count"]').scrollIntoView({ block: 'start' }));
    await browser.execute(() => window.scrollBy(0, -90));
    await shot(`${lang}-26-workshop-presentation-matrix`);
    await press('[data-testid="view-cards"]');
    await $('article.divergence').waitForExist({ timeout: 10000 });
    await browser.execute(() => document.querySelector('article.divergence[data-item="4.1"]').scrollIntoView({ block: 'start' }));
    await browser.execute(() => window.scrollBy(0, -90));
    await shot(`${lang}-27-workshop-presentation-cards`);
    await press('[data-testid="presentation-toggle"]');
    await press('[data-testid="hide-answers"]');
    await $('[data-testid="reveal-answers"]').waitForExist({ timeout: 10000 });
    await browser.execute(() => document.querySelector('[data-testid="privacy"]').scrollIntoView({ block: 'start' }));
    await browser.execute(() => window.scrollBy(0, -90));
    await shot(`${lang}-28-workshop-hidden`);
    await press('[data-testid="reveal-answers"]');
    await $('[data-testid="hide-answers"]').waitForExist({ timeout: 10000 });
    await press('[data-testid="bulk-import"]');
    await $('[data-testid="bulk-result"]').waitForExist({ timeout: 15000 });
    await browser.execute(() => document.querySelector('[data-testid="bulk-result"]').scrollIntoView({ block: 'center' }));
    await shot(`${lang}-29-workshop-bulk-import`);
    await press(`tr[data-respondent] [data-testid="answer-as-respondent"]`);
    await $('[data-testid="answer-as"]').waitForExist();
    await browser.execute(() => window.scrollTo(0, 0));
    await shot(`${lang}-12-wizard-as-respondent`);
    // Back to the facilitator, so the next language's wizard shots are the assessment's own.
    await browser.execute(() => {
      const s = document.querySelector('[data-testid="answer-as"]');
      s.value = '';
      s.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await browser.pause(500);
    await tab('trend');
    await shot(`${lang}-13-trend`);
    // An area toggled off in the legend, then on again.
    await press('[data-testid="trend-legend"] button[data-area]');
    await $('[data-testid="trend-legend"] button[aria-pressed="false"]').waitForExist({ timeout: 10000 });
    await shot(`${lang}-30-trend-area-off`);
    await press('[data-testid="trend-legend"] button[aria-pressed="false"]');
    await browser.waitUntil(async () => !(await $('[data-testid="trend-legend"] button[aria-pressed="false"]').isExisting()), { timeout: 10000 });
    await browser.execute(() => document.querySelector('[data-testid="trend-setup"]').scrollIntoView());
    await shot(`${lang}-14-trend-setup`);
    await tab('peers');
    await shot(`${lang}-15-peers`);
    await tab('export');
    await $('[data-testid="export-passphrase"]').setValue('x');
    await shot(`${lang}-16-export-options`);
    // The contribution to a pooled benchmark: every field that would leave the machine.
    await press('[data-testid="contribute-preview"]');
    await $('[data-testid="contribution-preview"] tbody tr').waitForExist({ timeout: 15000 });
    await browser.execute(() => document.querySelector('[data-testid="contribute"]').scrollIntoView());
    await shot(`${lang}-20-contribution-preview`);
    await browser.execute(() => window.scrollTo(0, 0));
    // Errors, in this language: an import whose answers are wrong, item by item; a file that is
    // not JSON; a refused answer in the wizard.
    writeFileSync(openFile, JSON.stringify({
      format: 'csirt-assessment/1', questionnaire: 'jpcert-2015', organisation: { name: '' },
      date: '2025-02-30', answers: { '2.8': 'z', '3.3': 'many', '1.2': ['a', 'a'] },
    }));
    await tab('export');
    await press('[data-testid="import"]');
    await $('[data-testid="import-result"] .error-box').waitForExist({ timeout: 15000 });
    await browser.execute(() => document.querySelector('[data-testid="import-result"]').scrollIntoView({ block: 'center' }));
    await shot(`${lang}-17-import-problems`);
    writeFileSync(openFile, '{\n  "format": "csirt-assessment/1",\n  "answers": {\n');
    await tab('export');
    await press('[data-testid="import"]');
    await $('[data-testid="import-result"] .error-box').waitForExist({ timeout: 15000 });
    await browser.execute(() => document.querySelector('[data-testid="import-result"]').scrollIntoView({ block: 'center' }));
    await shot(`${lang}-18-import-not-json`);
    await tab('wizard');
    await press('button.section-link[data-section="1"]');
    await $('article[data-item="1.5"] input').waitForExist();
    await browser.execute(() => {
      const i = document.querySelector('article[data-item="1.5"] input');
      i.value = '2019-13';
      i.dispatchEvent(new Event('change', { bubbles: true }));
      i.scrollIntoView({ block: 'center' });
    });
    await $('article[data-item="1.5"].has-error').waitForExist({ timeout: 10000 }).catch(() => {});
    await shot(`${lang}-19-refused-answer`);
    // Benchmarks: a broken file's problems line by line, then the pool imported (once) and
    // chosen, with a segment, on the dashboard.
    writeFileSync(openBenchmark, pool.replace('segment = "sector=finance"', 'segment = "sector=retail"').replace('n = 40', 'n = 40\ncolour = "red"'));
    await tab('benchmarks');
    await press('[data-testid="benchmark-import"]');
    await $('[data-testid="benchmark-import-error"]').waitForExist({ timeout: 15000 });
    await shot(`${lang}-20-benchmark-import-problems`);
    if (lang === 'ja') {
      writeFileSync(openBenchmark, pool);
      await press('[data-testid="benchmark-import"]');
      await $('[data-benchmark="synthetic-pool"]').waitForExist({ timeout: 15000 });
    }
    await tab('benchmarks');
    await shot(`${lang}-21-benchmarks`);
    await tab('dashboard');
    await $('[data-testid="benchmark-select"]').selectByAttribute('value', 'synthetic-pool');
    await $('[data-testid="segment-select"]').selectByAttribute('value', 'sector=finance');
    await press('[data-testid="benchmark-apply"]');
    await browser.waitUntil(async () => /n = 9/.test(await $('[data-testid="benchmark-in-use"]').getText()), { timeout: 15000 });
    await browser.execute(() => window.scrollTo(0, 0));
    await shot(`${lang}-22-dashboard-benchmark`);
    // Questionnaires: a broken package's problem with its line, then the package installed
    // (once), listed beside the built-in ones and offered when starting an assessment.
    writeFileSync(openPackage, zipOf([['small-survey/questionnaire.toml', packageText.replace('type = "scale"', 'type = 3')]]));
    await tab('questionnaires');
    await press('[data-testid="questionnaire-import"]');
    await $('[data-testid="questionnaire-error"]').waitForExist({ timeout: 15000 });
    await shot(`${lang}-23-questionnaire-import-problems`);
    if (lang === 'ja') {
      writeFileSync(openPackage, zipOf([['small-survey/questionnaire.toml', packageText]]));
      await press('[data-testid="questionnaire-import"]');
      await $('tr[data-questionnaire="small-survey"]').waitForExist({ timeout: 15000 });
    }
    await tab('questionnaires');
    await shot(`${lang}-24-questionnaires`);
    await tab('organisations');
    await $('[data-testid="new-assessment-questionnaire"]').waitForExist({ timeout: 15000 });
    await browser.execute(() => document.querySelector('[data-testid="new-assessment-questionnaire"]')?.scrollIntoView({ block: 'center' }));
    await shot(`${lang}-25-new-assessment-questionnaire`);
  }
  // Prefilling: a SIM3 assessment started from the demo's JPCERT assessment (the offer under the
  // new-assessment form, turned on), then in each language the wizard's label on a derived
  // answer and the dashboard's count of those not yet confirmed.
  await browser.$('button.lang[data-lang="ja"]').click();
  await browser.pause(300);
  await tab('organisations');
  // The offer follows the questionnaire chosen in the form: SIM3.
  await $('[data-testid="new-assessment-questionnaire"]').selectByAttribute('value', 'sim3');
  await $('[data-testid="prefill-choice"]').waitForDisplayed({ timeout: 15000 });
  await press('[data-testid="prefill-on"]');
  const offer = await $('[data-testid="prefill-from"] option[data-target="sim3"]');
  await $('[data-testid="prefill-from"]').selectByAttribute('value', await offer.getAttribute('value'));
  await browser.execute(() => document.querySelector('[data-testid="prefill-choice"]').scrollIntoView({ block: 'center' }));
  await shot('ja-23-new-assessment-prefill');
  await press('[data-testid="new-assessment"]');
  await $('[data-testid="derived-label"]').waitForExist({ timeout: 15000 });
  for (const lang of ['ja', 'en']) {
    await browser.$(`button.lang[data-lang="${lang}"]`).click();
    await browser.pause(300);
    await tab('wizard');
    await $('[data-testid="derived-label"]').waitForExist({ timeout: 15000 });
    await browser.execute(() => document.querySelector('[data-testid="derived-label"]').closest('article').scrollIntoView({ block: 'center' }));
    await shot(`${lang}-24-wizard-derived`);
    await tab('dashboard');
    await $('[data-testid="derived-count"]').waitForExist({ timeout: 15000 });
    await browser.execute(() => window.scrollTo(0, 0));
    await shot(`${lang}-25-dashboard-derived`);
  }
} finally {
  await browser?.deleteSession().catch(() => {});
  driver.kill();
}
console.log(`screenshots in ${out}`);
