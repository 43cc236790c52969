// Every string the UI shows, in Japanese and English, in one dictionary. The questionnaire's own
// texts come bilingual from the data; this covers the app's chrome. `test/i18n.test.ts` checks
// that every key has both languages and the same {placeholders} in each.

import type { Lang, Text } from './bindings';
import { term } from './glossary';

export const STRINGS = {
  'app.title': { ja: 'CSIRT 成熟度評価', en: 'CSIRT Maturity Assessment' },
  'app.subtitle': {
    ja: 'CSIRT の成熟度を評価し、基準データと比べます',
    en: 'Assess a CSIRT’s maturity and compare it with a benchmark',
  },
  'nav.organisations': { ja: '組織', en: 'Organisations' },
  'nav.wizard': { ja: '回答', en: 'Questionnaire' },
  'nav.dashboard': { ja: 'ダッシュボード', en: 'Dashboard' },
  'nav.workshop': { ja: 'ワークショップ', en: 'Workshop' },
  'nav.gaps': { ja: 'ギャップとロードマップ', en: 'Gaps and roadmap' },
  'nav.trend': { ja: '推移', en: 'Trend' },
  'nav.peers': { ja: '参考チーム', en: 'Peers' },
  'nav.export': { ja: 'エクスポート / インポート', en: 'Export / import' },
  'nav.benchmarks': { ja: '基準データ', en: 'Benchmarks' },
  'nav.questionnaires': { ja: '質問票', en: 'Questionnaires' },
  'nav.label': { ja: '画面', en: 'Screens' },
  'nav.needsAssessment': {
    ja: '先に「組織」で評価を開いてください',
    en: 'Open an assessment under Organisations first',
  },
  'lang.label': { ja: '表示言語', en: 'Language' },
  'lang.ja': { ja: '日本語', en: '日本語' },
  'lang.en': { ja: 'English', en: 'English' },
  'current.label': { ja: '開いている評価', en: 'Open assessment' },
  'current.none': { ja: '評価を開いていません', en: 'No assessment open' },

  'common.save': { ja: '保存', en: 'Save' },
  'common.cancel': { ja: 'キャンセル', en: 'Cancel' },
  'common.delete': { ja: '削除', en: 'Delete' },
  'common.edit': { ja: '編集', en: 'Edit' },
  'common.open': { ja: '開く', en: 'Open' },
  'common.yes': { ja: 'はい、削除します', en: 'Yes, delete' },
  'common.confirmDelete': { ja: '本当に削除しますか？', en: 'Delete for good?' },
  'common.loading': { ja: '読み込み中…', en: 'Loading…' },
  'common.dismiss': { ja: '閉じる', en: 'Dismiss' },
  'common.close': { ja: '閉じる', en: 'Close' },
  'about.button': { ja: 'このアプリについて', en: 'About' },
  'about.title': { ja: 'CSIRT 成熟度評価について', en: 'About CSIRT Maturity Assessment' },
  'about.version': { ja: 'バージョン {v}', en: 'Version {v}' },
  'about.questionnaires': { ja: '質問票と基準データ', en: 'Questionnaires and benchmarks' },
  'about.benchmark': { ja: '基準データ {id}（{published} 公表、n = {n}）', en: 'Benchmark {id} (published {published}, n = {n})' },
  'about.builtin': { ja: '組み込み', en: 'built in' },
  'about.licences': { ja: 'ライセンス', en: 'Licences' },
  'common.notSet': { ja: '—', en: '—' },
  'common.points': { ja: '{n} 点', en: '{n} pts' },

  'error.title.invalid-input': { ja: '入力が受け付けられませんでした', en: 'The input was refused' },
  'error.title.invalid-assessment': {
    ja: '評価ファイルに問題があります',
    en: 'The assessment file has problems',
  },
  'error.title.not-found': { ja: '見つかりません', en: 'Not found' },
  'error.title.passphrase-required': { ja: 'パスフレーズが必要です', en: 'A passphrase is needed' },
  'error.title.wrong-passphrase': { ja: 'パスフレーズが違います', en: 'Wrong passphrase' },
  'error.title.storage': { ja: 'データベースのエラー', en: 'Database error' },
  'error.title.io': { ja: 'ファイルを読み書きできません', en: 'Cannot read or write the file' },
  'error.title.export': { ja: 'エクスポートできませんでした', en: 'The export failed' },
  'error.title.internal': { ja: '内部エラー', en: 'Internal error' },
  'error.startup': {
    ja: 'データベースを開けませんでした。ファイルは変更していません。',
    en: 'The database could not be opened. The file was left untouched.',
  },
  'error.dbPath': { ja: 'データベース: {path}', en: 'Database: {path}' },
  'error.general': { ja: 'ファイル全体', en: 'The whole file' },
  'error.item': { ja: '項目 {item}', en: 'Item {item}' },

  'org.heading': { ja: '組織', en: 'Organisations' },
  'org.empty': {
    ja: 'まだ組織がありません。下のフォームで追加してください。',
    en: 'No organisations yet. Add one with the form below.',
  },
  'org.new': { ja: '組織を追加', en: 'Add an organisation' },
  'org.editing': { ja: '組織を編集', en: 'Edit organisation' },
  'org.name': { ja: '組織名（必須）', en: 'Name (required)' },
  'org.sector': { ja: '業種', en: 'Sector' },
  'org.size': { ja: '規模', en: 'Size' },
  'org.sizeHint': { ja: '例: 従業員 約 3,000 名', en: 'e.g. about 3,000 employees' },
  'org.form': { ja: 'CSIRT の形態', en: 'CSIRT form' },
  'org.form.none': { ja: '（未選択）', en: '(not set)' },
  'org.add': { ja: '追加', en: 'Add' },
  'org.assessmentCount': { ja: '評価 {n} 件', en: '{n} assessment(s)' },
  'org.history': { ja: '評価の履歴', en: 'Assessments over time' },
  'org.noAssessments': {
    ja: 'まだ評価がありません。「新しい評価」で始めましょう。',
    en: 'No assessments yet. Start one with “New assessment”.',
  },
  'org.newAssessment': { ja: '新しい評価', en: 'New assessment' },
  'org.date': { ja: '評価日', en: 'Date' },
  'org.questionnaire': { ja: '質問票', en: 'Questionnaire' },
  'org.dateHint': { ja: '{date}（空欄なら今日）', en: '{date} (blank: today)' },
  'org.dateFormat': { ja: '年-月-日（例: 2026-11-29）', en: 'Year-month-day, e.g. 2026-11-29' },
  'org.select': { ja: '組織を選ぶと評価の履歴が表示されます。', en: 'Choose an organisation to see its assessments.' },
  'org.deleteHint': {
    ja: '組織を削除すると、その評価もすべて削除されます。',
    en: 'Deleting an organisation deletes all its assessments.',
  },

  'assess.date': { ja: '評価日', en: 'Date' },
  'assess.status': { ja: '状態', en: 'Status' },
  'assess.status.draft': { ja: '下書き', en: 'Draft' },
  'assess.status.final': { ja: '確定', en: 'Final' },
  'assess.answered': { ja: '回答した設問', en: 'Questions answered' },
  'assess.overall': { ja: '総合スコア', en: 'Overall' },
  'assess.progress': { ja: '{a} / {b} 問', en: '{a} of {b}' },
  'assess.markFinal': { ja: '確定にする', en: 'Mark final' },
  'assess.markDraft': { ja: '下書きに戻す', en: 'Back to draft' },
  'assess.actions': { ja: '操作', en: 'Actions' },

  'wiz.sections': { ja: 'セクション', en: 'Sections' },
  'wiz.overall': { ja: '全体の進み具合', en: 'Overall progress' },
  'wiz.sectionProgress': { ja: '{a} / {b} 問回答済み', en: '{a} of {b} answered' },
  'wiz.prev': { ja: '← 前のセクション', en: '← Previous section' },
  'wiz.next': { ja: '次のセクション →', en: 'Next section →' },
  'wiz.notAnswered': { ja: '未回答', en: 'Not answered yet' },
  'wiz.answered': { ja: '回答済み', en: 'Answered' },
  'wiz.clear': { ja: '回答を消す', en: 'Clear answer' },
  'wiz.showOther': { ja: '英語も表示', en: 'Show Japanese' },
  'wiz.hideOther': { ja: '英語を隠す', en: 'Hide Japanese' },
  'wiz.otherText': { ja: '「その他」の内容', en: '“Other”: please specify' },
  'wiz.comment': { ja: 'コメント', en: 'Comment' },
  'wiz.evidence': { ja: '根拠（文書・チケットなど）', en: 'Evidence (document, ticket…)' },
  'wiz.notes': { ja: 'コメントと根拠', en: 'Comment and evidence' },
  'wiz.saving': { ja: '保存中…', en: 'Saving…' },
  'wiz.saved': { ja: '保存しました', en: 'Saved' },
  'wiz.savedAt': { ja: '保存しました（{time}）', en: 'Saved at {time}' },
  'wiz.overallCount': {
    ja: '{b} 問中 {a} 問に回答（見出しを除くすべての設問。採点対象外を含む）',
    en: '{a} of {b} questions answered (every question, scored or not)',
  },
  'wiz.find': { ja: '設問の検索', en: 'Find an item' },
  'wiz.search': { ja: '設問を検索', en: 'Search the items' },
  'wiz.searchPlaceholder': { ja: '設問の言葉や項目番号（例: 法務、4.3）', en: 'Words or item number (e.g. legal, 4.3)' },
  'wiz.unansweredOnly': { ja: '未回答の設問だけ表示', en: 'Unanswered only' },
  'wiz.nextUnanswered': { ja: '次の未回答へ', en: 'Next unanswered' },
  'wiz.noneUnanswered': { ja: '未回答の設問はありません。', en: 'No unanswered item left.' },
  'wiz.found': { ja: '{n} 問が見つかりました。', en: '{n} item(s) found.' },
  'wiz.noneFound': { ja: '該当する設問はありません。', en: 'No item matches.' },
  'wiz.results': { ja: '検索結果', en: 'Search results' },
  'wiz.clearSearch': { ja: '検索をやめてセクションに戻る', en: 'Clear the search and go back to the section' },
  'wiz.shortcuts': {
    ja: 'キーボード: Alt+↓ / Alt+↑ で次・前の設問、Alt+Shift+↓ で次の未回答の設問へ移動します。',
    en: 'Keyboard: Alt+↓ / Alt+↑ for the next / previous item, Alt+Shift+↓ for the next unanswered item.',
  },
  'wiz.clearFor': { ja: '{item} の回答を消す', en: 'Clear the answer to {item}' },
  'wiz.cleared': { ja: '{item} の回答を消しました。', en: 'The answer to {item} was cleared.' },
  'wiz.undo': { ja: '元に戻す', en: 'Undo' },
  'wiz.undoFor': { ja: '{item} の回答を元に戻す', en: 'Undo clearing the answer to {item}' },
  'wiz.reconstructedHint': {
    ja: '元の表から失われ、見出しと結果の記述から再構成した設問です。クリックすると根拠を表示します。',
    en: 'Lost from the source table and reconstructed from its heading and findings. Open to see how.',
  },
  'wiz.saveFailed': { ja: '保存できませんでした', en: 'Not saved' },
  'wiz.yearMonthHint': { ja: '年-月（例: 2014-04）', en: 'Year-month, e.g. 2014-04' },
  'wiz.numberHint': { ja: '数値', en: 'A number' },
  'wiz.service.in-house': { ja: '内製', en: 'In-house' },
  'wiz.service.outsourced': { ja: '外注', en: 'Outsourced' },
  'wiz.service.none': { ja: '提供していない', en: 'Not provided' },
  'wiz.service.item': { ja: 'サービス', en: 'Service' },
  'wiz.finding': { ja: '基準データの記述', en: 'Benchmark finding' },
  'wiz.reconstructed': { ja: '再構成', en: 'Reconstructed' },
  'wiz.multipleHint': { ja: '当てはまるものをすべて選択', en: 'Choose all that apply' },
  'wiz.scored': { ja: '採点対象', en: 'Scored' },
  'wiz.derivedItems': { ja: '（導出元の項目: {items}）', en: '(from items {items})' },
  'wiz.confirmDerived': { ja: 'この回答で確定', en: 'Confirm' },
  'prefill.start': {
    ja: '同じ組織の別の質問票の評価から回答を導出して始める',
    en: 'Start from another questionnaire’s assessment of this organisation',
  },
  'prefill.from': { ja: '導出元の評価', en: 'Assessment to start from' },
  'wiz.answerAs': { ja: '回答者', en: 'Answering as' },
  'wiz.asFacilitatorHint': {
    ja: '進行役の回答です。合意した回答はワークショップ画面で決めます。',
    en: 'The facilitator’s answers. Agreed answers are set on the Workshop screen.',
  },
  'wiz.asRespondentHint': {
    ja: 'この回答者の回答とメモだけを表示・保存します。ほかの人の回答は見えません。',
    en: 'Shows and saves only this respondent’s answers and notes; nobody else’s are visible.',
  },

  'workshop.facilitator': { ja: '進行役', en: 'Facilitator' },
  'workshop.respondents': { ja: '回答者', en: 'Respondents' },
  'workshop.respondentsHelp': {
    ja: '回答者ごとに別々に回答し、違いを話し合って合意した回答を決めます。別の PC で回答した人のファイルも取り込めます。',
    en: 'Each respondent answers separately; then discuss the differences and set the agreed answer. A participant who answered on another machine can be imported from their file.',
  },
  'workshop.noRespondents': { ja: 'まだ回答者がいません。', en: 'No respondents yet.' },
  'workshop.name': { ja: '名前', en: 'Name' },
  'workshop.role': { ja: '役割', en: 'Role' },
  'workshop.roleHint': { ja: '例: CSIRT リーダー、法務、広報', en: 'e.g. CSIRT lead, legal, PR' },
  'workshop.add': { ja: '回答者を追加', en: 'Add respondent' },
  'workshop.import': { ja: 'この名前で回答ファイルを取り込む', en: 'Import their file under this name' },
  'workshop.importHelp': {
    ja: '参加者が自分の PC で書き出した評価ファイルを、この評価の回答者として追加します。',
    en: 'Adds an assessment file a participant exported on their own machine as a respondent of this assessment.',
  },
  'workshop.needsName': { ja: '先に回答者の名前を入力してください。', en: 'Enter the respondent’s name first.' },
  'workshop.remove': { ja: '削除', en: 'Remove' },
  'workshop.removeHelp': {
    ja: '回答者を削除すると、その人の回答とメモも消えます。記録済みの合意はそのまま残ります。',
    en: 'Removing a respondent deletes their answers and notes too. Agreed answers already recorded stay.',
  },
  'workshop.evidence': { ja: '根拠', en: 'Evidence' },
  'workshop.theirNotes': { ja: '回答者のメモ:', en: 'What they noted:' },
  'workshop.answerAs': { ja: 'この人として回答', en: 'Answer as them' },
  'workshop.divergence': { ja: '回答のばらつき', en: 'Where answers differ' },
  'workshop.divergenceHelp': {
    ja: '意見の分かれている設問から順に表示します。合意した回答はスコア、ダッシュボード、PDF に使われます。',
    en: 'Most disputed items first. The agreed answer is what the scores, the dashboard and the PDF use.',
  },
  'workshop.summary': {
    ja: '2 人以上が回答した {m} 問のうち {n} 問で意見が分かれています。',
    en: 'Answers differ on {n} of the {m} items that two or more people answered.',
  },
  'workshop.nothingYet': {
    ja: '2 人以上が回答した設問はまだありません。',
    en: 'No item has been answered by two or more people yet.',
  },
  'workshop.disagree': { ja: '不一致 {n} %', en: '{n} % apart' },
  'workshop.agree': { ja: '一致', en: 'Agreed' },
  'workshop.range': { ja: '水準 {min}〜{max}（幅 {n}）', en: 'Levels {min}–{max} (range {n})' },
  'workshop.sd': { ja: '標準偏差 {n}', en: 'Std dev {n}' },
  'workshop.answeredBy': { ja: '{b} 人中 {a} 人が回答', en: '{a} of {b} answered' },
  'workshop.distribution': { ja: '分布:', en: 'Distribution:' },
  // Until a consensus is recorded, this is the facilitator's or the unanimous answer.
  'workshop.current': { ja: '採点に使う回答:', en: 'Answer used for scoring:' },
  'workshop.noConsensus': { ja: 'まだありません', en: 'not set yet' },
  'workshop.setConsensus': { ja: '合意した回答を記録', en: 'Record the agreed answer' },
  'workshop.note': { ja: '合意のメモ（PDF の付録に載ります）', en: 'Note on the agreement (printed in the PDF appendix)' },
  'workshop.saveConsensus': { ja: '合意として保存', en: 'Save as agreed' },
  'workshop.clearConsensus': { ja: '合意を取り消す', en: 'Remove the agreement' },
  'workshop.pickAnswer': { ja: '合意した回答を選んでください。', en: 'Choose the agreed answer.' },
  'workshop.openCount': { ja: '未合意の設問: {n} 問', en: 'Items still open: {n}' },
  'workshop.allSettled': { ja: '未合意の設問はありません。', en: 'No item is still open.' },
  'workshop.tools': { ja: '表示の切り替え', en: 'Display options' },
  'workshop.openOnly': { ja: '未合意の設問だけ表示', en: 'Open items only' },
  'workshop.collapseAgreed': { ja: '合意済みの設問をたたむ', en: 'Collapse agreed items' },
  'workshop.viewCards': { ja: 'カード表示', en: 'Cards' },
  'workshop.viewMatrix': { ja: '一覧表（設問 × 参加者）', en: 'Matrix (items × people)' },
  'workshop.state.agreed': { ja: '合意済み', en: 'Agreed' },
  'workshop.state.unanimous': { ja: '全員一致', en: 'All agree' },
  'workshop.state.provisional': { ja: '暫定（進行役の回答）・未合意', en: 'Provisional (facilitator’s answer), not agreed' },
  'workshop.state.open': { ja: '未合意', en: 'Not agreed' },
  'workshop.spread.none': { ja: '意見の幅: なし（全員一致）', en: 'Spread of views: none (all agree)' },
  'workshop.spread.narrow': { ja: '意見の幅: 小', en: 'Spread of views: narrow' },
  'workshop.spread.moderate': { ja: '意見の幅: 中', en: 'Spread of views: moderate' },
  'workshop.spread.wide': { ja: '意見の幅: 大', en: 'Spread of views: wide' },
  'workshop.formula': { ja: '意見の幅の計算方法', en: 'How the spread is worked out' },
  'workshop.value': { ja: '値 {n}（0 = 全員一致、1 = 最大）', en: 'Value {n} (0 = all agree, 1 = widest)' },
  'workshop.formulaText': {
    ja: '段階のある設問は各人の水準を最高水準で割った値の標準偏差の 2 倍、複数選択は選んだ組み合わせどうしの平均 Jaccard 距離、数値は変動係数、その他は最も多い回答以外を選んだ人の割合です。0.3 未満を「小」、0.6 未満を「中」、それ以上を「大」とします。',
    en: 'Scaled items: twice the standard deviation of each person’s level divided by the top level; multiple choice: the mean Jaccard distance between the chosen sets; numbers: the coefficient of variation; other items: the share who did not give the most common answer. Below 0.3 is narrow, below 0.6 moderate, and above that wide.',
  },
  'workshop.hiddenNote': {
    ja: '個々の回答は、進行役が公開するまで表示しません。',
    en: 'Individual answers stay hidden until the facilitator reveals them.',
  },
  'workshop.answersHidden': { ja: '回答は公開前です', en: 'Answers not revealed yet' },
  'workshop.reveal': { ja: '回答を公開する', en: 'Reveal the answers' },
  'workshop.hide': { ja: '公開するまで回答を隠す', en: 'Hide answers until revealed' },
  'workshop.hideHelp': {
    ja: '1 台の PC で順番に回答するときに使います。アプリを閉じるまで有効です。',
    en: 'For answering in turn on one laptop. It lasts until the app is closed.',
  },
  'workshop.privately': { ja: '非公開で回答する', en: 'Answering privately' },
  'workshop.bulkImport': { ja: '複数の回答ファイルをまとめて取り込む', en: 'Import several respondents’ files' },
  'workshop.bulkImportHelp': {
    ja: '回答者の名前はファイル名から取ります（例: 佐藤.csirt → 佐藤）。',
    en: 'Each respondent is named after their file (e.g. Sato.csirt → Sato).',
  },
  'workshop.bulkImported': { ja: '{name} として取り込みました', en: 'imported as {name}' },
  'workshop.bulkNone': { ja: 'ファイルが選ばれませんでした。', en: 'No file was chosen.' },
  'workshop.matrixItem': { ja: '設問', en: 'Item' },
  'workshop.matrixState': { ja: '状態', en: 'State' },
  'workshop.matrixSpread': { ja: '意見の幅', en: 'Spread of views' },
  'workshop.spreadShort.none': { ja: 'なし', en: 'none' },
  'workshop.spreadShort.narrow': { ja: '小', en: 'narrow' },
  'workshop.spreadShort.moderate': { ja: '中', en: 'moderate' },
  'workshop.spreadShort.wide': { ja: '大', en: 'wide' },
  'workshop.matrixCaption': { ja: '設問ごとの各参加者の回答', en: 'Each person’s answer, item by item' },
  'workshop.notAnswered': { ja: '未回答', en: 'not answered' },
  'app.presentation': { ja: '投影表示', en: 'Presentation' },
  'app.presentationHelp': {
    ja: 'プロジェクター向けに文字を大きく、補足の文字を濃く、画面の幅いっぱいに表示します（この操作中は有効）。',
    en: 'For a projector: larger text, darker secondary text, full width (kept for this session).',
  },

  'narr.heading': { ja: '経営層へのメッセージと主な所見', en: 'Executive message and key findings' },
  'narr.assessor': { ja: '評価者の記述', en: "Assessor's text" },
  'narr.help': {
    ja: 'ここには評価者ご自身の言葉を書きます。報告書では自動で作られる記述と区別し、評価者の記述として載ります。入力すると自動で保存します。',
    en: "Write here in your own words as the assessor. The reports show this apart from their own text, marked as the assessor's. It saves as you type.",
  },
  'narr.message': { ja: '経営層へのメッセージ', en: 'Executive message' },
  'narr.messageHelp': {
    ja: '数段落で。段落の間は 1 行空けてください（10,000 文字まで）。',
    en: 'A few paragraphs, with a blank line between them (up to 10,000 characters).',
  },
  'narr.findings': { ja: '主な所見', en: 'Key findings' },
  'narr.findingLabel': { ja: '所見 {n}', en: 'Finding {n}' },
  'narr.addFinding': { ja: '所見を追加', en: 'Add a finding' },
  'narr.removeFinding': { ja: '所見 {n} を削除', en: 'Remove finding {n}' },
  'narr.findingsMax': { ja: '所見は {n} 件までです', en: 'At most {n} findings' },
  'narr.gapNote': { ja: 'この組織にとっての重要性', en: 'Why it matters here' },
  'narr.gapNoteFor': { ja: '項目 {item} がこの組織にとって重要な理由', en: 'Why item {item} matters here' },
  'dash.overall': { ja: '総合成熟度', en: 'Overall maturity' },
  'dash.outOf': { ja: '/ 100', en: '/ 100' },
  'dash.change': { ja: '前回の評価（{date}、{then}）から {d} ポイントです。', en: '{d} points since the last assessment ({date}: {then}).' },
  'dash.nextGaps': { ja: '次へ: ギャップ {n} 件を見る →', en: 'Next: the {n} gap(s) →' },
  'dash.noScore': { ja: 'まだ採点できる回答がありません', en: 'No scored answers yet' },
  'dash.scoredAnswered': {
    ja: 'スコアに数える設問 {b} 問のうち {a} 問に回答（採点対象外の設問は含みません）',
    en: '{a} of the {b} scored questions answered (the questions that count towards the score)',
  },
  'dash.radar': { ja: '領域別スコアと比較対象の組織', en: 'Areas against the benchmark’s teams' },
  'dash.area': { ja: '領域', en: 'Area' },
  'dash.you': { ja: term('organisation').ja, en: 'Your organisation' },
  'dash.peers': { ja: term('benchmark-teams').ja, en: 'The benchmark’s teams' },
  'dash.peersItems': { ja: '（{n} 問に基づく）', en: '(based on {n} item(s))' },
  'dash.staffing': { ja: '役割別の人員体制', en: 'Staffing by role' },
  'dash.staffingChart': { ja: '役割ごとの担い手', en: 'Who covers each role' },
  'dash.setup': { ja: '構築時に決めるべき {n} 項目', en: 'The {n} set-up items' },
  'dash.readiness.green': { ja: '整っている', en: 'Ready' },
  'dash.readiness.amber': { ja: '一部不足', en: 'Partly ready' },
  'dash.readiness.red': { ja: '不足', en: 'Not ready' },
  'dash.readiness.unknown': { ja: '未回答', en: 'No answers yet' },
  'dash.setupAnswered': { ja: '{a} / {b} 問回答', en: '{a} of {b} items answered' },
  'dash.standing': { ja: '設問ごとの位置づけ', en: 'Standing per item' },
  'dash.standingHelp': {
    ja: '貴組織と同じ水準以上にある比較対象の組織の割合。「≈」は本文の記述から読み取った概数です。',
    en: 'Share of the benchmark’s teams at or above your level. “≈” marks figures read from the source’s text.',
  },
  'dash.item': { ja: '設問', en: 'Item' },
  'dash.answer': { ja: '回答', en: 'Answer' },
  'dash.score': { ja: 'スコア', en: 'Score' },
  'dash.atOrAbove': { ja: '同水準以上', en: 'At or above you' },
  'dash.precision': { ja: '精度', en: 'Precision' },
  'dash.noStanding': { ja: '基準データに数値なし', en: 'No benchmark figure' },
  'dash.precision.exact-count': { ja: '正確（件数）', en: 'Exact (count)' },
  'dash.precision.exact-percent': { ja: '正確（割合）', en: 'Exact (percent)' },
  'dash.precision.exact-value': { ja: '正確（値）', en: 'Exact (value)' },
  'dash.precision.narrative': { ja: '≈ 本文から', en: '≈ from text' },
  'dash.source': { ja: '出典: {s}', en: 'Source: {s}' },

  'bench.inUse': { ja: '比較している基準データ', en: 'Compared with' },
  'bench.source': { ja: '出典', en: 'Source' },
  'bench.choose': { ja: '基準データ', en: 'Benchmark' },
  'bench.segment': { ja: '区分', en: 'Segment' },
  'bench.allContributions': { ja: 'すべての回答', en: 'All contributions' },
  'bench.apply': { ja: 'この基準データで比較する', en: 'Compare with this benchmark' },
  'bench.default': { ja: '（既定）', en: ' (default)' },
  'bench.minCell': {
    ja: '回答が {n} 件未満の区分は、個々のチームが特定されないよう基準データに含まれていません。',
    en: 'Segments with fewer than {n} contributions are left out of the benchmark so no team can be singled out.',
  },
  'bench.noSegments': { ja: 'この基準データには区分がありません。', en: 'This benchmark has no segments.' },
  'quest.heading': { ja: '質問票', en: 'Questionnaires' },
  'quest.help': {
    ja: '組み込みの質問票と、インストールした質問票のパッケージ（質問票のフォルダを ZIP にしたもの）です。パッケージは取り込む前に検査し、問題があればファイルと行を示します。評価で使っているパッケージは削除できません。',
    en: 'The built-in questionnaires and the questionnaire packages you installed (a questionnaire folder, zipped). A package is checked before it is installed; any problem is shown with its file and line. A package that an assessment uses cannot be removed.',
  },
  'quest.import': { ja: '質問票のパッケージを追加', en: 'Add a questionnaire package' },
  'quest.imported': { ja: 'インストールしました: {s}', en: 'Installed: {s}' },
  'quest.removed': { ja: '削除しました: {id}', en: 'Removed: {id}' },
  'quest.label': { ja: '{title}（版 {version}）', en: '{title} (version {version})' },
  'quest.title': { ja: '質問票', en: 'Questionnaire' },
  'quest.version': { ja: '版', en: 'Version' },
  'quest.itemCount': { ja: '項目', en: 'Items' },
  'quest.origin': { ja: '入手元', en: 'From' },
  'quest.builtin': { ja: '組み込み', en: 'Built in' },
  'quest.package': { ja: 'パッケージ', en: 'Package' },
  'quest.folder': { ja: 'フォルダ', en: 'Folder' },
  'bench.heading': { ja: '基準データ', en: 'Benchmarks' },
  'bench.help': {
    ja: '評価を比較する基準データです。質問票に付属する基準データのほか、集計者が作った基準データのファイル（.toml）を追加できます。評価ごとに、ダッシュボードでどれと比較するかを選べます。',
    en: 'The benchmarks an assessment can be compared with: the questionnaire’s own, and any benchmark file (.toml) a collector made. Choose one per assessment on the dashboard.',
  },
  'bench.import': { ja: '基準データのファイルを追加', en: 'Add a benchmark file' },
  'bench.imported': { ja: '追加しました: {s}', en: 'Added: {s}' },
  'bench.limits': { ja: '限界', en: 'Limits' },
  'bench.origin.builtin': { ja: '組み込み', en: 'Built in' },
  'bench.origin.folder': { ja: '質問票のフォルダ', en: 'Questionnaire folder' },
  'bench.origin.added': { ja: '追加したファイル', en: 'Added file' },
  'bench.segments': { ja: '区分', en: 'Segments' },

  'gaps.heading': { ja: '優先度順のギャップ', en: 'Gaps by priority' },
  'gaps.none': {
    ja: 'ギャップはありません（回答済みの設問はすべて目標に達しています）。',
    en: 'No gaps: every answered item meets its target.',
  },
  'gaps.rank': { ja: '順位', en: 'Rank' },
  'gaps.item': { ja: '取り組み（設問）', en: 'What to do (item)' },
  'gaps.current': { ja: '現状', en: 'Now' },
  'gaps.target': { ja: '目標', en: 'Target' },
  'gaps.defaultMarked': { ja: '{label}（既定）', en: '{label} (default)' },
  'gaps.backToDefault': { ja: '既定の目標に戻す', en: 'Back to the default target' },
  'gaps.gapUnit': { ja: '目標までの残り', en: 'of the way left' },
  'gaps.gapHelp': {
    ja: 'ギャップは、現状から目標までの道のりのうち、まだ残っている割合です（100 % はまったく行われていないこと）。',
    en: 'The gap is the share of the way from the current answer to the target still to go (100 % means the practice is missing entirely).',
  },
  'gaps.shareLeft': { ja: '{n} %', en: '{n} %' },
  'gaps.priorityUnit': { ja: '0〜100', en: '0–100' },
  'gaps.priorityHelp': {
    ja: '優先度は、ギャップ、目標に達している比較対象の組織の割合、構築時に決めるべき項目の重みから求めた 0〜100 の値です。',
    en: 'The priority, 0–100, weighs the gap, the share of the benchmark’s teams already at the target and the weight of the set-up items the item informs.',
  },
  'gaps.gap': { ja: 'ギャップ', en: 'Gap' },
  'gaps.priority': { ja: '優先度', en: 'Priority' },
  'gaps.peers': { ja: '目標に達している比較対象の組織', en: 'Benchmark’s teams at target' },
  'gaps.advice': { ja: '推奨事項', en: 'Recommendation' },
  'gaps.targetFor': { ja: '{item} の目標', en: 'Target for {item}' },
  'gaps.roadmap': { ja: 'ロードマップ', en: 'Roadmap' },
  'gaps.phase.now': { ja: '今すぐ', en: 'Now' },
  'gaps.phase.next-six-months': { ja: '6 か月以内', en: 'Next 6 months' },
  'gaps.phase.next-year': { ja: '1 年以内', en: 'Next year' },
  'gaps.phaseEmpty': { ja: '該当なし', en: 'Nothing here' },
  'gaps.pulled': { ja: '後続の課題の前提として前倒し', en: 'Moved earlier: a more urgent gap depends on it' },
  'gaps.after': { ja: '前提: {items}', en: 'Prerequisites: {items}' },
  'gaps.targetsHeading': { ja: '目標の変更', en: 'Targets' },
  'gaps.targetsHelp': {
    ja: '目標を変えると優先度がすぐに計算し直されます。',
    en: 'Change a target and the priorities are recomputed at once.',
  },

  'export.heading': { ja: 'エクスポート', en: 'Export' },
  'export.help': {
    ja: '保存先はダイアログで選びます。PDF と Word はボタンの言語で、CSV と Excel は表示中の言語で書き出します。',
    en: 'You choose where to save in a dialog. The PDF and Word reports are written in the language on their button; CSV and Excel in the display language.',
  },
  'export.pdfJa': { ja: 'PDF レポート（日本語）', en: 'PDF report (Japanese)' },
  'export.pdfEn': { ja: 'PDF レポート（英語）', en: 'PDF report (English)' },
  'export.docxJa': { ja: 'Word レポート（日本語・編集可）', en: 'Word report (Japanese, editable)' },
  'export.docxEn': { ja: 'Word レポート（英語・編集可）', en: 'Word report (English, editable)' },
  'export.json': { ja: '評価ファイル（.csirt）', en: 'Assessment file (.csirt)' },
  'export.csv': { ja: 'CSV（回答とスコア）', en: 'CSV (answers and scores)' },
  'export.xlsx': { ja: 'Excel（回答とギャップ）', en: 'Excel (answers and gaps)' },
  'export.peers': { ja: 'レポート（PDF・Word）に参考チーム（基準データでインタビューしたチーム）を載せる', en: 'Add the peer teams (those the benchmark interviewed) to the report (PDF, Word)' },
  'export.passphrase': { ja: '評価ファイルを暗号化するパスフレーズ', en: 'Passphrase to encrypt the assessment file' },
  'export.passphraseHint': {
    ja: '空欄なら暗号化しません。パスフレーズは受け取る人に別の手段で伝えてください。',
    en: 'Leave empty for a plain file. Give the passphrase to the recipient another way.',
  },
  'export.reportOptions': { ja: 'レポートの内容（PDF・Word）', en: 'Report contents (PDF, Word)' },
  'export.preset': { ja: '構成', en: 'Sections' },
  'export.preset.board': { ja: '経営層向け（要約・前回からの変化・ギャップ・対応計画）', en: 'For the board (summary, since last, gaps, action plan)' },
  'export.preset.team': { ja: 'CSIRT チーム向け（手法の説明を除くすべて）', en: 'For the CSIRT team (all but the method notes)' },
  'export.preset.full': { ja: 'すべての章', en: 'Full report' },
  'export.logo': { ja: '表紙のロゴ（PNG または JPEG）', en: 'Cover logo (PNG or JPEG)' },
  'export.logoChoose': { ja: 'ロゴを選ぶ…', en: 'Choose a logo…' },
  'export.logoClear': { ja: 'ロゴを外す', en: 'Remove the logo' },
  'export.logoNone': { ja: 'ロゴなし', en: 'No logo' },
  'export.logoChosen': { ja: '{name}（{width}×{height} ピクセル）', en: '{name} ({width}×{height} pixels)' },
  'export.confidentiality': { ja: '機密区分の表示', en: 'Confidentiality line' },
  'export.confidentialityHint': {
    ja: '空欄なら既定の表示になります（1 行、200 文字まで）',
    en: 'Leave empty for the default line (one line, up to 200 characters)',
  },
  'export.saved': { ja: '保存しました: {path}', en: 'Saved to {path}' },
  'contribute.heading': { ja: '基準データへの提供（匿名）', en: 'Contribute to a benchmark (anonymous)' },
  'contribute.help': {
    ja: '集計者（NCA、業界の ISAC など）が各チームの回答をまとめて新しい基準データを作るためのファイルです。組織名、コメント、根拠、自由記述、回答者、目標、日付（年月より細かいもの）は含みません。',
    en: 'A file for a collector (NCA, a sector ISAC…) who pools teams\' answers into a new benchmark. It holds no organisation name, comments, evidence, free text, respondents, targets, or any date finer than the month.',
  },
  'contribute.sector': { ja: '業種', en: 'Sector' },
  'contribute.size': { ja: '組織の規模', en: 'Organisation size' },
  'contribute.form': { ja: 'CSIRT の形態', en: 'CSIRT form' },
  'contribute.unsaid': { ja: '答えない', en: 'Not said' },
  'contribute.preview': { ja: '送る内容を確認', en: 'Preview what leaves the machine' },
  'contribute.previewIntro': {
    ja: 'この端末から出る項目はこれですべてです。保存するのはこの内容そのものです。',
    en: 'These are all the fields that leave this machine. Saving writes exactly this.',
  },
  'contribute.field': { ja: '項目', en: 'Field' },
  'contribute.value': { ja: '値', en: 'Value' },
  'contribute.rawFile': { ja: 'ファイルの中身', en: 'The file as written' },
  'contribute.recipient': { ja: '集計者の公開鍵（age1… 任意）', en: "Collector's public key (age1…, optional)" },
  'contribute.recipientHint': {
    ja: '鍵を入れると、集計者だけが読めるように暗号化して保存します。',
    en: 'With a key, the file is sealed so that only the collector can read it.',
  },
  'contribute.save': { ja: '確認した内容を保存', en: 'Save the previewed file' },
  'version.title': {
    ja: '質問票が回答したときの版と違います',
    en: 'The questionnaire differs from the version this assessment was answered with',
  },
  'export.cancelled': { ja: 'キャンセルしました', en: 'Cancelled' },
  'export.working': { ja: '書き出し中…', en: 'Writing…' },
  'export.needsAssessment': {
    ja: 'エクスポートするには、先に評価を開いてください。',
    en: 'Open an assessment to export it.',
  },
  'import.heading': { ja: 'インポート', en: 'Import' },
  'import.help': {
    ja: '評価ファイル（.csirt、暗号化された .csirt.age、または csirt-assessment/1 形式の JSON）を読み込みます。すべて検証してから保存するので、問題があるときは何も変更しません。',
    en: 'Reads an assessment file (.csirt, sealed .csirt.age, or csirt-assessment/1 JSON). Everything is checked before anything is saved, so a file with problems changes nothing.',
  },
  'import.button': { ja: 'ファイルを選んでインポート', en: 'Choose a file to import' },
  'import.opened': {
    ja: 'アプリはこのファイルで起動しました: {path}。内容を検証してからインポートします。',
    en: 'The app was opened with this file: {path}. It is checked before anything is imported.',
  },
  'import.openedImport': { ja: 'このファイルをインポート', en: 'Import this file' },
  'import.openedDismiss': { ja: 'インポートしない', en: 'Do not import' },
  'import.done': { ja: 'インポートしました。', en: 'Imported.' },
  'import.openIt': { ja: 'インポートした評価を開く', en: 'Open the imported assessment' },
  'import.encrypted': { ja: 'このファイルは暗号化されています。パスフレーズを入力してください。', en: 'This file is encrypted. Enter its passphrase.' },
  'import.passphrase': { ja: 'パスフレーズ', en: 'Passphrase' },
  'import.decrypt': { ja: '復号してインポート', en: 'Decrypt and import' },
  'import.decrypting': { ja: '復号しています…', en: 'Decrypting…' },
  'import.wrongPassphrase': {
    ja: 'パスフレーズが違うか、パスフレーズで暗号化されたファイルではありません。何も変更していません。',
    en: 'The passphrase is wrong, or the file was not encrypted with a passphrase. Nothing was changed.',
  },

  'trend.heading': { ja: '{org} の推移', en: 'Trend of {org}' },
  'trend.upTo': {
    ja: '{date} の評価までを表示しています（PDF と同じ）。',
    en: 'Assessments up to {date}, the open one, as in its PDF.',
  },
  'trend.chart': { ja: '評価ごとの領域別スコア', en: 'Area scores per assessment' },
  'trend.single': {
    ja: 'この組織の評価はまだ 1 回だけです。再評価すると推移が表示されます。',
    en: 'This organisation has one assessment so far; re-assess to see a trend.',
  },
  'trend.areas': { ja: '領域別スコア', en: 'Scores per area' },
  'trend.setup': { ja: '構築時に決めるべき {n} 項目', en: 'The {n} set-up items' },
  'trend.changes': { ja: '{from} から {to} への変化', en: 'Changes from {from} to {to}' },
  'trend.improved': { ja: '改善した設問', en: 'Improved' },
  'trend.regressed': { ja: '後退した設問', en: 'Regressed' },
  'trend.change': { ja: '前回からの変化', en: 'Change since last' },
  'trend.legend': { ja: 'グラフに表示する領域', en: 'Areas shown in the chart' },
  'trend.overallAlways': { ja: '総合（太線）は常に表示します。', en: 'The overall score (bold line) is always shown.' },

  'peers.heading': { ja: '近い参考チーム', en: 'Nearest peer teams' },
  'peers.help': {
    ja: '基準データでインタビューしたチームを、形態・規模・業種・運用が近い順に並べ、貴組織がまだ目標に達していない点でそのチームが行っていることを出典付きで示します。',
    en: 'The teams the benchmark interviewed, nearest first by form, size, sector and practice, with what each does where your organisation is below target, citing the interview.',
  },
  'peers.none': { ja: 'この質問票にはインタビューのデータがありません。', en: 'This questionnaire has no interview data.' },
  'peers.distance': { ja: '距離 {n}', en: 'Distance {n}' },
  'peers.closeness.close': { ja: '近さ: よく似ている', en: 'Closeness: very alike' },
  'peers.closeness.somewhat': { ja: '近さ: ある程度似ている', en: 'Closeness: somewhat alike' },
  'peers.closeness.far': { ja: '近さ: あまり似ていない', en: 'Closeness: not much alike' },
  'peers.formula': { ja: '近さの計算方法', en: 'How closeness is worked out' },
  'peers.formulaText': {
    ja: '距離 {n}（0 = 同じ、最大 9）。CSIRT の形態 2、規模 2、業種 1.5、経営への報告頻度 1、訓練 0.5、ツール 1、停止を命じる権限 1 の重みで違いを足したものです。分からない項目は半分と数えます。2.5 未満を「よく似ている」、4.5 未満を「ある程度似ている」とします。',
    en: 'Distance {n} (0 = identical, at most 9): the differences in CSIRT form (weight 2), size (2), sector (1.5), reporting to management (1), training (0.5), tooling (1) and authority to order a stop (1), added up; an unknown counts as half. Below 2.5 is very alike, below 4.5 somewhat alike.',
  },
  'peers.source': { ja: '（インタビュー §{s}）', en: '(interview §{s})' },
  'peers.practices': { ja: 'このチームが行っていること', en: 'What this team does' },
  'peers.cite': { ja: '§{s} · 設問 {item}', en: '§{s} · item {item}' },
  'peers.nothing': { ja: '目標に届いていない設問についての記述はありません。', en: 'Nothing noted where you are below target.' },
  'import.problems': { ja: '{n} 件の問題があります。何も変更していません。', en: '{n} problem(s) found. Nothing was changed.' },

  'nav.plan': { ja: '対策計画', en: 'Action plan' },
  'plan.heading': { ja: '対策計画', en: 'Action plan' },
  'plan.help': {
    ja: '変更はその場で保存されます。新しい評価は未完了の対策を引き継ぎます。',
    en: 'Changes are saved as you type. A new assessment takes over the open actions.',
  },
  'plan.none': {
    ja: 'まだ対策がありません。「ギャップとロードマップ」の各ギャップから「計画に追加」できます。',
    en: 'No actions yet. Add one from a gap under Gaps and roadmap ("Add to plan").',
  },
  'plan.noneShown': { ja: '条件に合う対策はありません', en: 'No action matches the filters' },
  'plan.filters': { ja: '絞り込み', en: 'Filters' },
  'plan.filter.owner': { ja: '担当者', en: 'Owner' },
  'plan.filter.status': { ja: '状態', en: 'Status' },
  'plan.filter.all': { ja: 'すべて', en: 'All' },
  'plan.filter.overdue': { ja: '期限切れだけ', en: 'Overdue only' },
  'plan.col.items': { ja: '項目', en: 'Items' },
  'plan.col.title': { ja: '対策', en: 'Action' },
  'plan.col.owner': { ja: '担当者', en: 'Owner' },
  'plan.col.due': { ja: '期限', en: 'Due' },
  'plan.col.status': { ja: '状態', en: 'Status' },
  'plan.col.result': { ja: '判定', en: 'Assessed as' },
  'plan.col.notes': { ja: 'メモ', en: 'Notes' },
  'plan.status.planned': { ja: '予定', en: 'Planned' },
  'plan.status.in-progress': { ja: '対応中', en: 'In progress' },
  'plan.status.done': { ja: '完了', en: 'Done' },
  'plan.status.dropped': { ja: '取りやめ', en: 'Dropped' },
  'plan.state.achieved': { ja: '✓ 達成', en: '✓ Achieved' },
  'plan.state.flagged': { ja: '⚑ 要確認', en: '⚑ Check' },
  'plan.state.done': { ja: '完了', en: 'Done' },
  'plan.state.dropped': { ja: '取りやめ', en: 'Dropped' },
  'plan.state.overdue': { ja: '⚠ 期限切れ', en: '⚠ Overdue' },
  'plan.state.open': { ja: '未完了', en: 'Open' },
  'plan.achievedIn': { ja: '{date} の評価で達成', en: 'Achieved in the assessment of {date}' },
  'plan.flag': { ja: '完了となっていますが、回答は変わっていません', en: 'Done, but the answers did not move' },
  'plan.overdueSince': { ja: '期限 {date} を過ぎています', en: 'Past its due date {date}' },
  'plan.note': { ja: 'メモを追加', en: 'Add a note' },
  'plan.noteFor': { ja: '{id} へのメモ', en: 'Note on {id}' },
  'plan.ownerFor': { ja: '{id} の担当者', en: 'Owner of {id}' },
  'plan.dueFor': { ja: '{id} の期限', en: 'Due date of {id}' },
  'plan.statusFor': { ja: '{id} の状態', en: 'Status of {id}' },
  'plan.notes': { ja: 'メモ {n} 件', en: '{n} note(s)' },
  'plan.changedTo': { ja: '→ {status}', en: '→ {status}' },
  'plan.chart': { ja: '未完了の対策の推移', en: 'Open actions over time' },
  'plan.saved': { ja: '保存しました', en: 'Saved' },
  'plan.export.csv': { ja: 'CSV で書き出す', en: 'Export CSV' },
  'plan.export.xlsx': { ja: 'XLSX で書き出す', en: 'Export XLSX' },
  'plan.exported': { ja: '{path} に保存しました', en: 'Saved to {path}' },
  'plan.carried': { ja: '{date} の評価から引き継ぎ', en: 'Carried over from the assessment of {date}' },
  'plan.add': { ja: '計画に追加', en: 'Add to plan' },
  'plan.addFor': { ja: '{item} を対策計画に追加', en: 'Add {item} to the action plan' },
  'plan.added': { ja: '対策計画に追加しました', en: 'Added to the action plan' },
  'plan.inPlan': { ja: '計画あり', en: 'In the plan' },
  'plan.titlePlaceholder': { ja: '空欄なら設問の取り組みを使います', en: 'Blank: the item’s action' },
  'plan.create': { ja: '追加', en: 'Add' },
} as const satisfies Record<string, Text>;

export type Key = keyof typeof STRINGS;

let current: Lang = 'ja';

export function setLang(lang: Lang): void {
  current = lang;
  document.documentElement.lang = lang;
}

export function lang(): Lang {
  return current;
}

export function otherLang(): Lang {
  return current === 'ja' ? 'en' : 'ja';
}

/** The UI string `key` in the current language, with `{name}` placeholders filled in. */
export function t(key: Key, vars: Record<string, string | number> = {}): string {
  const s: string = STRINGS[key][current];
  return s.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** A bilingual data text in the current language. */
export function tx(text: Text): string {
  return text[current];
}

/** A bilingual data text in the other language (for the hover and toggle). */
export function txOther(text: Text): string {
  return text[otherLang()];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A date as every screen shows it: 「2026年11月29日」 in Japanese, "29 Nov 2026" in English.
 * It only formats: the core checks and orders dates (csirt_model::date). A value that is not
 * a `YYYY-MM-DD` date (one stored before dates were checked) is shown as it is. A year-month
 * (`YYYY-MM`) reads 「2026年11月」 / "Nov 2026". */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso.trim());
  if (!m) return iso;
  const [, y, mo, d] = m;
  const month = Number(mo);
  if (month < 1 || month > 12) return iso;
  if (current === 'ja') return d ? `${y}年${month}月${Number(d)}日` : `${y}年${month}月`;
  return d ? `${Number(d)} ${MONTHS[month - 1]} ${y}` : `${MONTHS[month - 1]} ${y}`;
}

/** Today, the user's local calendar day, as `YYYY-MM-DD` (the form the date fields take). */
export function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Numbers shown with one decimal at most, in the current locale. */
export function num(n: number): string {
  return new Intl.NumberFormat(current === 'ja' ? 'ja-JP' : 'en-GB', {
    maximumFractionDigits: 1,
  }).format(n);
}
