// The Questionnaires screen and the new-assessment choice of questionnaire, against a mocked shell.

import { describe, expect, test } from 'vitest';
import { renderOrganisations } from '../src/screens/organisations';
import { renderQuestionnaires } from '../src/screens/questionnaires';
import { setLang } from '../src/i18n';
import { forms, questionnaires, view } from './fixtures';
import { mockCommands, newApp, settle } from './helpers';

describe('questionnaires screen', () => {
  test('lists each questionnaire with its version and origin; only a package can be removed', async () => {
    mockCommands((cmd) => (cmd === 'list_questionnaires' ? questionnaires : null));
    const app = newApp();
    setLang('en');
    const el = await renderQuestionnaires(app);
    const rows = [...el.querySelectorAll<HTMLElement>('tr[data-questionnaire]')];
    expect(rows.map((r) => r.dataset.questionnaire)).toEqual(['jpcert-2015', 'sim3', 'small-survey']);
    const cells = (id: string) =>
      [...el.querySelectorAll(`tr[data-questionnaire="${id}"] td`)].map((td) => td.textContent);
    expect(cells('sim3').slice(1, 4)).toEqual(['1.0', '45', 'Built in']);
    expect(cells('small-survey')[3]).toBe('Package');
    expect(el.querySelectorAll('[data-testid="remove-questionnaire"]').length).toBe(1);
    expect(el.querySelector('tr[data-questionnaire="small-survey"] [data-testid="remove-questionnaire"]')).not.toBeNull();
  });

  test('a refused removal shows the core\'s reason; an import that fails lists each problem', async () => {
    const inUse = 'questionnaire "small-survey" is used by 1 stored assessment(s), so it was not removed: Example K.K. 2026-04-01 (#7); delete or export them first';
    const calls = mockCommands((cmd) => {
      if (cmd === 'list_questionnaires') return questionnaires;
      if (cmd === 'remove_questionnaire') throw { kind: 'invalid-input', message: inUse, problems: [] };
      if (cmd === 'import_questionnaire') {
        throw {
          kind: 'invalid-input',
          message: 'the data file is not valid',
          problems: [{ item: null, message: 'bad.zip/questionnaire.toml:12: invalid type: integer `3`, expected a string' }],
        };
      }
      return null;
    });
    const app = newApp();
    setLang('en');
    const el = await renderQuestionnaires(app);
    document.body.appendChild(el);
    el.querySelector<HTMLButtonElement>('[data-testid="remove-questionnaire"]')!.click();
    el.querySelector<HTMLButtonElement>('[data-testid="remove-questionnaire-yes"]')!.click();
    await settle();
    expect(calls.find((c) => c.cmd === 'remove_questionnaire')!.input).toEqual({ id: 'small-survey' });
    expect(el.querySelector('[data-testid="questionnaire-error"]')!.textContent).toContain('Example K.K. 2026-04-01 (#7)');
    expect(el.querySelectorAll('tr[data-questionnaire]').length).toBe(3);

    el.querySelector<HTMLButtonElement>('[data-testid="questionnaire-import"]')!.click();
    await settle();
    const box = el.querySelector('[data-testid="questionnaire-error"]')!;
    expect([...box.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'bad.zip/questionnaire.toml:12: invalid type: integer `3`, expected a string',
    ]);
  });

  test('an installed package is named with its version and appears in the list', async () => {
    let list = questionnaires.slice(0, 2);
    mockCommands((cmd) => {
      if (cmd === 'list_questionnaires') return list;
      if (cmd === 'import_questionnaire') {
        list = questionnaires;
        return questionnaires[2];
      }
      return null;
    });
    const app = newApp();
    const el = await renderQuestionnaires(app);
    el.querySelector<HTMLButtonElement>('[data-testid="questionnaire-import"]')!.click();
    await settle();
    expect(el.querySelector('[data-testid="questionnaire-status"]')!.textContent).toBe(
      'インストールしました: 小さな自己点検（版 1.0）',
    );
    expect(el.querySelector('tr[data-questionnaire="small-survey"]')).not.toBeNull();
  });
});

describe('starting an assessment', () => {
  test('offers every questionnaire by title and version and creates the assessment on the one chosen', async () => {
    const calls = mockCommands((cmd) => {
      if (cmd === 'list_organisations') return [{ id: 3, name: 'A', sector: null, size: null, csirt_form: 'coordinating', assessments: 0, created_at: '', updated_at: '' }];
      if (cmd === 'csirt_forms') return forms;
      if (cmd === 'list_questionnaires') return questionnaires;
      if (cmd === 'list_assessments') return [{ row: { ...view.row, questionnaire_id: 'sim3', questionnaire_version: '0.9' }, overall: null, answerable: 45 }];
      if (cmd === 'create_assessment') return view.row;
      return null;
    });
    const app = newApp();
    setLang('en');
    const el = await renderOrganisations(app);
    document.body.appendChild(el);
    // The CSIRT forms are the core's list, labelled in the UI's language.
    expect(el.querySelector('button.org .meta')!.textContent).toBe('Coordinating');
    const formOptions = [...el.querySelectorAll<HTMLOptionElement>('[data-testid="org-new-form"] select option')];
    expect(formOptions.map((o) => o.value)).toEqual(['', 'distributed', 'coordinating']);
    const select = el.querySelector<HTMLSelectElement>('[data-testid="new-assessment-questionnaire"]')!;
    expect([...select.options].map((o) => o.textContent)).toEqual([
      '2015 survey (version 2015.1)',
      'SIM3 self-assessment (version 1.0)',
      'A small self-check (version 1.0)',
    ]);
    // Each assessment names the questionnaire and the version it was answered on.
    const cell = el.querySelector('td[data-questionnaire="sim3"]')!;
    expect(cell.textContent).toBe('sim3 · 0.9');
    expect(cell.getAttribute('title')).toBe('SIM3 self-assessment (version 0.9)');
    select.value = 'sim3';
    el.querySelector<HTMLButtonElement>('[data-testid="new-assessment"]')!.click();
    await settle();
    const created = calls.find((c) => c.cmd === 'create_assessment')!.input as Record<string, unknown>;
    expect(created.questionnaire).toBe('sim3');
    expect(created.organisation_id).toBe(3);
  });
});

describe('facts about the questionnaire come from its data', () => {
  test('the dashboard counts the set-up items of the questionnaire in use', async () => {
    const { renderDashboard } = await import('../src/screens/dashboard');
    const { questionnaire } = await import('./fixtures');
    const q = structuredClone(questionnaire);
    const guidance = { ja: '', en: '' };
    q.setup_items = [
      { id: 's1', number: 1, name: { ja: '任務', en: 'Mandate' }, source: '', weight: 1, guidance },
      { id: 's2', number: 2, name: { ja: '窓口', en: 'Contact' }, source: '', weight: 1, guidance },
    ];
    mockCommands((cmd) => {
      if (cmd === 'list_benchmarks') return [];
      if (cmd === 'radar_svg') return '<svg xmlns="http://www.w3.org/2000/svg"></svg>';
      return null;
    });
    const app = newApp();
    setLang('en');
    app.view = view;
    const el = await renderDashboard(app, q, view);
    const headings = [...el.querySelectorAll('h2')].map((h2) => h2.textContent);
    expect(headings).toContain('The 2 set-up items');
    expect(headings.join(' ')).not.toMatch(/six|66|nine/);
  });
});
