// Opening the app with a file (a double-clicked .csirt) and the About box, against a mocked shell.

import { describe, expect, test } from 'vitest';
import { App } from '../src/app';
import { renderExport } from '../src/screens/export';
import { setLang } from '../src/i18n';
import { info } from './fixtures';
import { mockCommands, settle } from './helpers';

function appWith(opened: string | null): App {
  document.body.innerHTML = '<div id="app"></div>';
  setLang('ja');
  return new App(document.getElementById('app') as HTMLElement, { ...info, opened_file: opened });
}

describe('a file the app was opened with', () => {
  test('starts on the import screen and imports nothing until asked', async () => {
    const calls = mockCommands(() => ({ assessment_id: 3, respondent_id: null }));
    const app = appWith('/home/u/評価.csirt');
    expect(app.screen).toBe('export');
    const el = renderExport(app);
    const offer = el.querySelector('[data-testid="opened-file"]')!;
    expect(offer.getAttribute('data-path')).toBe('/home/u/評価.csirt');
    expect(offer.textContent).toContain('/home/u/評価.csirt');
    await settle();
    expect(calls).toEqual([]);
    el.querySelector<HTMLButtonElement>('[data-testid="import-opened"]')!.click();
    await settle();
    expect(calls).toEqual([
      { cmd: 'import_assessment', input: { organisation_id: null, respondent: null, opened: true, passphrase: null } },
    ]);
    expect(el.querySelector('[data-testid="open-imported"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="opened-file"]')).toBeNull();
    expect(app.info.opened_file).toBeNull();
  });

  test('can be declined, and the plain import still asks for a file', async () => {
    const calls = mockCommands(() => ({ assessment_id: null, respondent_id: null }));
    const app = appWith('/tmp/a.csirt');
    const el = renderExport(app);
    el.querySelector<HTMLButtonElement>('[data-testid="import-opened-dismiss"]')!.click();
    expect(el.querySelector('[data-testid="opened-file"]')).toBeNull();
    expect(app.info.opened_file).toBeNull();
    el.querySelector<HTMLButtonElement>('[data-testid="import"]')!.click();
    await settle();
    expect(calls).toEqual([{ cmd: 'import_assessment', input: { organisation_id: null, respondent: null, passphrase: null } }]);
  });

  test('without a file the app starts on the organisations and offers nothing', () => {
    const app = appWith(null);
    expect(app.screen).toBe('organisations');
    expect(renderExport(app).querySelector('[data-testid="opened-file"]')).toBeNull();
  });
});

describe('the About box', () => {
  for (const l of ['ja', 'en'] as const) {
    test(`shows the versions and licences the shell reports (${l})`, () => {
      const app = appWith(null);
      setLang(l);
      app.renderHeader();
      document.querySelector<HTMLButtonElement>('[data-testid="about-button"]')!.click();
      const box = document.querySelector('[data-testid="about"]')!;
      expect(box.querySelector('[data-testid="about-version"]')!.textContent).toContain(info.about.version);
      const q = box.querySelector('[data-questionnaire="jpcert-2015"]')!;
      expect(q.textContent).toContain('jpcert-2015 2015.1');
      expect(q.querySelector('[data-benchmark="jpcert-2015"]')!.textContent).toContain(l === 'ja' ? '2016年6月29日' : '29 Jun 2016');
      expect(box.querySelector('[data-licence="OFL-1.1"]')!.textContent).toContain(l === 'ja' ? 'フォント' : 'Font');
      expect(box.textContent).toContain(l === 'ja' ? 'ライセンス' : 'Licences');
      document.querySelector<HTMLButtonElement>('[data-testid="about-close"]')!.click();
      expect(document.querySelector('[data-testid="about"]')).toBeNull();
    });
  }
});
