// The bar beside a reply box: the brand-voice meter (score and issues, with one-click fixes),
// the Chorus button that opens the template picker, and the traffic cop's warning when a
// teammate answered the item meanwhile. Rendered in a shadow root (assist.ts); page text only
// ever as text.
import { i18n } from '#i18n';
import { render } from 'preact';
import { useState } from 'preact/hooks';
import type { Platform } from '../../shared/schemas';
import type { VoiceIssue, VoiceResult } from '../../shared/voice';
import { formatCount, formatDuration } from '../ui/format';
import { isolate } from '../ui/isolate';
import { describeVoiceIssue, scoreLevel } from '../ui/voiceIssues';
import type { Answer } from './traffic';

export interface BarModel {
  result: VoiceResult;
  /** Whether the draft is empty: the meter then shows nothing to judge. */
  empty: boolean;
  platform: Platform;
  locale: string;
  pickerKeys: string;
  /** A teammate's answer that arrived while the member was writing, until acknowledged. */
  conflict?: { answer: Answer; now: number; held: boolean } | undefined;
}

export interface BarActions {
  fix(issue: VoiceIssue): void;
  /** The Chorus button: the picker, inserting where the caret was. */
  pick(): void;
  /** Send anyway: a held submit goes ahead; a later one is not held again. */
  sendAnyway(): void;
  /** The held submit is dropped; the warning goes; the member is back in the reply box. */
  dismiss(): void;
}

/** Keeps the editor's caret where it is when the mouse presses a bar button. */
const keepFocus = (event: MouseEvent) => event.preventDefault();

function Bar({ model, actions }: { model: BarModel; actions: BarActions }) {
  const [open, setOpen] = useState(false);
  const { result, locale, conflict } = model;
  const level = model.empty ? 'none' : scoreLevel(result.score);
  const count = result.issues.length;
  const scoreLabel = model.empty ? i18n.t('composerVoiceEmpty') : `${i18n.t('voiceScore', { score: formatCount(result.score, locale) })}. ${count === 0 ? i18n.t('voiceAllGood') : i18n.t('composerIssues', { count: formatCount(count, locale) })}`;
  return (
    <div class="wrap">
      {conflict && (
        <div class="traffic" role="alertdialog" aria-labelledby="traffic-text" data-testid="traffic-warning">
          <p id="traffic-text">
            {i18n.t('trafficWarning', { name: isolate(conflict.answer.memberName), time: formatDuration(Math.max(0, conflict.now - Date.parse(conflict.answer.at)), locale) })}
            {conflict.held && <span class="held"> {i18n.t('trafficHeld')}</span>}
          </p>
          <div class="actions">
            <button type="button" class="primary" data-action="send" onMouseDown={keepFocus} onClick={actions.sendAnyway}>
              {i18n.t('trafficSend')}
            </button>
            <button type="button" data-action="dismiss" onMouseDown={keepFocus} onClick={actions.dismiss}>
              {i18n.t('trafficDismiss')}
            </button>
          </div>
        </div>
      )}
      {open && !model.empty && (
        <div class="panel" id="voice-issues" data-testid="voice-issues">
          {count === 0 ? (
            <p class="good">{i18n.t('voiceAllGood')}</p>
          ) : (
            <ul>
              {result.issues.map((issue, i) => (
                <li key={`${issue.kind}-${i}`} data-kind={issue.kind}>
                  <span>{describeVoiceIssue(issue, locale, model.platform)}</span>
                  {issue.kind === 'banned-term' && issue.preferred && (
                    <button type="button" class="fix" onMouseDown={keepFocus} onClick={() => actions.fix(issue)}>
                      {i18n.t('voiceFix', { preferred: isolate(issue.preferred) })}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div class="bar" role="group" aria-label={i18n.t('composerBar')}>
        <button
          type="button"
          class={`score ${level}`}
          data-testid="voice-meter"
          aria-expanded={open && !model.empty}
          aria-controls="voice-issues"
          aria-label={scoreLabel}
          title={scoreLabel}
          disabled={model.empty}
          onMouseDown={keepFocus}
          onClick={() => setOpen((o) => !o)}
        >
          <span class="dot" aria-hidden="true" />
          <span aria-hidden="true">{model.empty ? '–' : formatCount(result.score, locale)}</span>
          {!model.empty && count > 0 && <span class="count" aria-hidden="true">{formatCount(count, locale)}</span>}
        </button>
        <button
          type="button"
          class="chorus"
          data-testid="chorus-button"
          aria-label={i18n.t('composerPick', { keys: model.pickerKeys })}
          title={i18n.t('composerPick', { keys: model.pickerKeys })}
          aria-haspopup="dialog"
          onMouseDown={keepFocus}
          onClick={actions.pick}
        >
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <path d="M2 3.5A1.5 1.5 0 0 1 3.5 2h9A1.5 1.5 0 0 1 14 3.5v6a1.5 1.5 0 0 1-1.5 1.5H7l-3 3v-3h-.5A1.5 1.5 0 0 1 2 9.5z" fill="currentColor" />
          </svg>
          <span>{i18n.t('extName')}</span>
        </button>
      </div>
    </div>
  );
}

const CSS = `
:host { all: initial; }
.wrap { position: fixed; z-index: 2147483000; display: flex; flex-direction: column; align-items: flex-end; gap: 6px; max-inline-size: min(360px, 90vw);
  font: 12px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', 'Noto Sans Hebrew', sans-serif; color: #1b1d21; }
.wrap[hidden] { display: none; }
.bar { display: flex; gap: 4px; }
button { font: inherit; color: inherit; cursor: pointer; border: 1px solid #c9ced6; background: #fff; border-radius: 999px; padding: 2px 8px; display: inline-flex; align-items: center; gap: 4px; min-block-size: 24px; }
button:focus-visible { outline: 2px solid #2f5bd3; outline-offset: 2px; }
button:disabled { cursor: default; opacity: .75; }
.score { font-weight: 700; font-variant-numeric: tabular-nums; }
.dot { inline-size: 8px; block-size: 8px; border-radius: 50%; background: #9aa1ad; }
.ok .dot { background: #1e8e3e; } .warn .dot { background: #c77700; } .bad .dot { background: #c5221f; }
.count { background: #c5221f; color: #fff; border-radius: 999px; padding: 0 5px; font-size: 11px; }
.warn .count { background: #c77700; }
.chorus { font-weight: 600; color: #2a3f73; }
.panel, .traffic { box-sizing: border-box; inline-size: max-content; max-inline-size: 100%; padding: 8px 10px; border: 1px solid #d5dae2; border-radius: 10px; background: #fff; box-shadow: 0 6px 20px rgb(0 0 0 / 18%); }
ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 6px; }
li { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; }
.fix { border-color: #2f5bd3; color: #2f5bd3; }
p { margin: 0; }
.traffic { border-color: #c77700; background: #fff8e6; }
.traffic .actions { display: flex; gap: 6px; margin-block-start: 6px; }
.primary { background: #2f5bd3; border-color: #2f5bd3; color: #fff; }
.held { font-weight: 600; }
.good { color: #1e8e3e; }
.dark .wrap { color: #e8eaee; }
.dark button, .dark .panel { background: #1f2227; border-color: #3b404a; }
.dark .chorus { color: #c3d1f7; }
.dark .traffic { background: #3a2f12; border-color: #c77700; }
.dark .primary { background: #4c74e0; border-color: #4c74e0; color: #fff; }
.dark .fix { color: #9db5f5; border-color: #9db5f5; }
.dark .good { color: #81c995; }
`;

/** A bar in its own shadow root; the host goes where assist.ts puts it. */
export function createBar(options: { dir: 'ltr' | 'rtl'; theme: 'light' | 'dark' }): {
  host: HTMLElement;
  wrap(): HTMLElement | null;
  update(model: BarModel, actions: BarActions): void;
  focusWarning(): void;
  remove(): void;
} {
  const host = document.createElement('chorus-composer');
  for (const [property, value] of Object.entries({ all: 'initial', position: 'absolute', width: '0', height: '0', overflow: 'visible' })) {
    host.style.setProperty(property, value, 'important');
  }
  // The page must not take the bar's keys and clicks for its own (shortcuts, "click outside").
  for (const type of ['keydown', 'keyup', 'keypress', 'click', 'mousedown', 'input']) host.addEventListener(type, (event) => event.stopPropagation());
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = CSS;
  const mount = document.createElement('div');
  mount.setAttribute('dir', options.dir);
  if (options.theme === 'dark') mount.className = 'dark';
  root.append(style, mount);
  return {
    host,
    wrap: () => root.querySelector<HTMLElement>('.wrap'),
    update: (model, actions) => render(<Bar model={model} actions={actions} />, mount),
    focusWarning: () => root.querySelector<HTMLElement>('.traffic [data-action="send"]')?.focus(),
    remove() {
      render(null, mount);
      host.remove();
    },
  };
}
