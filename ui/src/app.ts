// The app shell: header with the screen tabs and language switch, the error banner, and the
// state the screens share (which organisation and assessment are open).

import { call, CommandError, toCommandError } from './api';
import type { AppInfo, AssessmentView, BulkImportRow, Lang, Questionnaire } from './bindings';
import { h, mount } from './dom';
import { formatDate, lang, setLang, t, tx, type Key } from './i18n';
import { renderOrganisations } from './screens/organisations';
import { renderWizard, viewAs } from './screens/wizard';
import { renderWorkshop } from './screens/workshop';
import { renderTrend } from './screens/trend';
import { renderPeers } from './screens/peers';
import { renderDashboard } from './screens/dashboard';
import { renderGaps } from './screens/gaps';
import { renderPlan } from './screens/plan';
import { renderExport } from './screens/export';
import { renderBenchmarks } from './screens/benchmarks';
import { renderQuestionnaires } from './screens/questionnaires';
import { renderAbout } from './screens/about';

export type Screen =
  | 'organisations'
  | 'wizard'
  | 'workshop'
  | 'dashboard'
  | 'gaps'
  | 'plan'
  | 'trend'
  | 'peers'
  | 'export'
  | 'benchmarks'
  | 'questionnaires';

const SCREENS: { id: Screen; label: Key; needsAssessment: boolean }[] = [
  { id: 'organisations', label: 'nav.organisations', needsAssessment: false },
  { id: 'wizard', label: 'nav.wizard', needsAssessment: true },
  { id: 'workshop', label: 'nav.workshop', needsAssessment: true },
  { id: 'dashboard', label: 'nav.dashboard', needsAssessment: true },
  { id: 'gaps', label: 'nav.gaps', needsAssessment: true },
  { id: 'plan', label: 'nav.plan', needsAssessment: true },
  { id: 'trend', label: 'nav.trend', needsAssessment: true },
  { id: 'peers', label: 'nav.peers', needsAssessment: true },
  { id: 'export', label: 'nav.export', needsAssessment: false },
  { id: 'benchmarks', label: 'nav.benchmarks', needsAssessment: false },
  { id: 'questionnaires', label: 'nav.questionnaires', needsAssessment: false },
];

export class App {
  readonly root: HTMLElement;
  info: AppInfo;
  screen: Screen = 'organisations';
  orgId: number | null = null;
  view: AssessmentView | null = null;
  /** The wizard's open section, kept across re-renders (e.g. a language switch). */
  section = 0;
  /** The workshop respondent the wizard answers as; null for the facilitator. */
  respondent: number | null = null;
  /** How the workshop's divergence is shown (kept while the app runs). */
  workshopUi = { openOnly: false, collapseAgreed: false, matrix: false };
  /** The last bulk import of respondents' files, shown once on the workshop screen. */
  workshopImport: BulkImportRow[] | null = null;
  /** Presentation mode for a projector: larger, darker, full width; remembered for the session. */
  presentation = sessionStorage.getItem('csirt.presentation') === '1';
  private questionnaires = new Map<string, Questionnaire>();
  private main: HTMLElement;
  private banner: HTMLElement;
  private header: HTMLElement;

  constructor(root: HTMLElement, info: AppInfo) {
    this.root = root;
    this.info = info;
    this.header = h('header', { class: 'top' });
    this.banner = h('div', { class: 'banner', role: 'alert' });
    this.main = h('main', { id: 'main', tabindex: '-1' });
    mount(root, this.header, this.banner, this.main);
    setLang(info.language);
    document.documentElement.classList.toggle('presentation', this.presentation);
    // Started with a file (a double-clicked .csirt): the import screen offers it.
    if (info.opened_file) this.screen = 'export';
  }

  /** Shows the About box over the current screen; Close or Escape returns to it. */
  showAbout(): void {
    const opener = document.activeElement as HTMLElement | null;
    const box = renderAbout(this.info.about, () => {
      box.remove();
      opener?.focus();
    });
    this.root.appendChild(box);
    box.querySelector<HTMLElement>('[data-testid="about-close"]')?.focus();
  }

  /** Turns presentation mode on or off, for the rest of the session. */
  setPresentation(on: boolean): void {
    this.presentation = on;
    sessionStorage.setItem('csirt.presentation', on ? '1' : '0');
    document.documentElement.classList.toggle('presentation', on);
    this.renderHeader();
  }

  /** The app's opened file was imported or declined: the offer goes away. */
  forgetOpenedFile(): void {
    this.info = { ...this.info, opened_file: null };
  }

  /** The questionnaire of the open assessment (fetched once per id). */
  async questionnaire(id: string): Promise<Questionnaire> {
    let q = this.questionnaires.get(id);
    if (!q) {
      q = await call('get_questionnaire', { id });
      this.questionnaires.set(id, q);
    }
    return q;
  }

  async openAssessment(id: number, screen: Screen = 'wizard'): Promise<void> {
    try {
      const view = await call('load_assessment', { id });
      if (this.view?.row.id !== id) {
        this.section = 0;
        this.respondent = null;
      }
      this.view = view;
      this.orgId = view.row.organisation_id;
      await this.questionnaire(view.row.questionnaire_id);
      await this.go(screen);
    } catch (e) {
      this.showError(e);
    }
  }

  /** Reloads the open assessment (after a change elsewhere) without leaving the screen. */
  async reloadView(): Promise<void> {
    if (!this.view) return;
    this.view = await call('load_assessment', { id: this.view.row.id });
    this.renderHeader();
  }

  closeAssessment(id: number): void {
    if (this.view?.row.id === id) this.view = null;
  }

  async go(screen: Screen): Promise<void> {
    const def = SCREENS.find((s) => s.id === screen);
    this.screen = def?.needsAssessment && !this.view ? 'organisations' : screen;
    await this.render();
    this.main.focus({ preventScroll: true });
  }

  async setLanguage(l: Lang): Promise<void> {
    try {
      await call('set_language', { language: l });
      setLang(l);
      this.info = { ...this.info, language: l };
      await this.render();
    } catch (e) {
      this.showError(e);
    }
  }

  async render(): Promise<void> {
    this.renderHeader();
    mount(this.main, h('p', { class: 'muted' }, t('common.loading')));
    try {
      const content = await this.renderScreen();
      mount(this.main, this.versionNotice(), content);
    } catch (e) {
      mount(this.main);
      this.showError(e);
    }
  }

  /** On an assessment's screens: what no longer fits the loaded questionnaire version. */
  private versionNotice(): HTMLElement | null {
    const def = SCREENS.find((s) => s.id === this.screen);
    const warning = this.view?.version_warning;
    if (!def?.needsAssessment || !warning) return null;
    const [head, ...lines] = tx(warning).split('\n');
    return h(
      'div',
      { class: 'error-box', role: 'note', 'data-testid': 'version-warning' },
      h('strong', null, t('version.title')),
      h('p', null, head),
      lines.length > 0 ? h('ul', { class: 'problems' }, lines.map((l) => h('li', null, l.trim()))) : null,
    );
  }

  private async renderScreen(): Promise<HTMLElement> {
    const view = this.view;
    switch (this.screen) {
      case 'organisations':
        return renderOrganisations(this);
      case 'export':
        return renderExport(this);
      case 'benchmarks':
        return renderBenchmarks(this);
      case 'questionnaires':
        return renderQuestionnaires(this);
      default:
        break;
    }
    if (!view) return renderOrganisations(this);
    const q = await this.questionnaire(view.row.questionnaire_id);
    switch (this.screen) {
      case 'wizard': {
        const respondents = await call('list_respondents', { id: view.row.id });
        if (!respondents.some((r) => r.id === this.respondent && !r.is_default)) this.respondent = null;
        return renderWizard(this, q, await viewAs(view, this.respondent), respondents);
      }
      case 'workshop':
        return renderWorkshop(this, q, view);
      case 'dashboard':
        return renderDashboard(this, q, view);
      case 'gaps':
        return renderGaps(this, q, view);
      case 'plan':
        return renderPlan(this, q, view);
      case 'trend':
        return renderTrend(this, q, view);
      case 'peers':
        return renderPeers(this, q, view);
    }
  }

  renderHeader(): void {
    const current = this.view
      ? `${this.view.row.organisation_name} · ${formatDate(this.view.row.date)}`
      : t('current.none');
    const tabs = SCREENS.map((s) => {
      const disabled = s.needsAssessment && !this.view;
      return h(
        'button',
        {
          class: 'tab' + (this.screen === s.id ? ' active' : ''),
          'data-screen': s.id,
          'aria-current': this.screen === s.id ? 'page' : undefined,
          disabled,
          title: disabled ? t('nav.needsAssessment') : undefined,
          onclick: () => void this.go(s.id),
        },
        t(s.label),
      );
    });
    const langButtons = (['ja', 'en'] as const).map((l) =>
      h(
        'button',
        {
          class: 'lang' + (lang() === l ? ' active' : ''),
          'data-lang': l,
          'aria-pressed': String(lang() === l),
          lang: l,
          onclick: () => void this.setLanguage(l),
        },
        t(l === 'ja' ? 'lang.ja' : 'lang.en'),
      ),
    );
    mount(
      this.header,
      h(
        'div',
        { class: 'brand' },
        h('h1', null, t('app.title')),
        h('span', { class: 'subtitle' }, t('app.subtitle')),
      ),
      h('nav', { 'aria-label': t('nav.label') }, tabs),
      h(
        'div',
        { class: 'context' },
        h('span', { class: 'current', title: t('current.label') }, current),
        h('div', { class: 'langs', role: 'group', 'aria-label': t('lang.label') }, langButtons),
        h(
          'button',
          {
            class: 'presentation-toggle',
            'data-testid': 'presentation-toggle',
            'aria-pressed': String(this.presentation),
            title: t('app.presentationHelp'),
            onclick: () => this.setPresentation(!this.presentation),
          },
          t('app.presentation'),
        ),
        h('button', { class: 'about-button', 'data-testid': 'about-button', onclick: () => this.showAbout() }, t('about.button')),
      ),
    );
  }

  showError(e: unknown): void {
    const err: CommandError = toCommandError(e);
    const title = t(`error.title.${err.kind}` as Key);
    mount(
      this.banner,
      h(
        'div',
        { class: 'error', 'data-kind': err.kind },
        h('strong', null, title),
        h('span', { class: 'detail' }, err.message),
        h('button', { class: 'link', onclick: () => mount(this.banner) }, t('common.dismiss')),
      ),
    );
  }

  clearError(): void {
    mount(this.banner);
  }
}

/** Shown instead of the app when the database cannot be opened. */
export function renderStartupError(root: HTMLElement, info: AppInfo): void {
  setLang(info.language);
  const err = info.startup_error;
  mount(
    root,
    h(
      'main',
      { class: 'startup-error' },
      h('h1', null, t('app.title')),
      h('p', { class: 'error' }, t('error.startup')),
      h('p', null, t('error.dbPath', { path: info.db_path })),
      err ? h('pre', null, err.message) : null,
    ),
  );
}
