// The key combination that opens the template picker in a reply box: shown, recorded from
// the keyboard (the next combination pressed), checked, and saved in this browser's
// extension storage, where the composer script reads it.
import { i18n } from '#i18n';
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { comboOf, comboProblem, type ComboProblem, DEFAULT_PICKER_KEY, formatCombo, type KeyCombo, parseCombo, PICKER_KEY_STORAGE } from '../../composer/keys';

const PROBLEM_MESSAGE: Record<Exclude<ComboProblem, 'incomplete'>, 'pickerKeyTypesText' | 'pickerKeyEditingKey' | 'pickerKeyEditorCommand'> = {
  'types-text': 'pickerKeyTypesText',
  'editing-key': 'pickerKeyEditingKey',
  'editor-command': 'pickerKeyEditorCommand',
};

export function PickerShortcut() {
  const [combo, setCombo] = useState<KeyCombo>();
  const [recording, setRecording] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'saved'; text: string }>();
  const field = useRef<HTMLButtonElement>(null);
  const mac = navigator.platform.startsWith('Mac');

  useEffect(() => {
    const reload = () =>
      void browser.storage.local
        .get(PICKER_KEY_STORAGE)
        .then((stored) => setCombo(parseCombo(stored[PICKER_KEY_STORAGE])))
        .catch(() => setCombo(DEFAULT_PICKER_KEY));
    reload();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && PICKER_KEY_STORAGE in changes) reload();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  async function save(next: KeyCombo) {
    try {
      await browser.storage.local.set({ [PICKER_KEY_STORAGE]: next });
      setCombo(next);
      setMessage({ kind: 'saved', text: i18n.t('pickerKeySaved', { keys: formatCombo(next, mac) }) });
    } catch {
      setMessage({ kind: 'error', text: i18n.t('pickerKeyFailed') });
    }
  }

  function onKeyDown(event: KeyboardEvent) {
    if (!recording) return;
    // Tab leaves the field as usual; Escape stops recording and keeps the shortcut.
    if (event.key === 'Tab' && !event.ctrlKey && !event.altKey && !event.metaKey) {
      setRecording(false);
      return;
    }
    event.preventDefault();
    event.stopPropagation();
    if (event.key === 'Escape' && !event.ctrlKey && !event.altKey && !event.metaKey && !event.shiftKey) {
      setRecording(false);
      setMessage(undefined);
      return;
    }
    const next = comboOf(event);
    const problem = comboProblem(next);
    if (problem === 'incomplete') return;
    setRecording(false);
    if (problem) {
      // The refused combination is named, and the saved one stays.
      setMessage({ kind: 'error', text: i18n.t(PROBLEM_MESSAGE[problem], { keys: formatCombo(next, mac) }) });
      return;
    }
    void save(next);
  }

  if (!combo) return null;
  const isDefault = formatCombo(combo) === formatCombo(DEFAULT_PICKER_KEY);
  return (
    <section class="card picker-shortcut" aria-labelledby="picker-key-title">
      <h2 id="picker-key-title">{i18n.t('pickerKeyTitle')}</h2>
      <p class="muted" id="picker-key-intro">
        {i18n.t('pickerKeyIntro')}
      </p>
      <div class="field">
        <span id="picker-key-label">{i18n.t('pickerKeyLabel')}</span>
        <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '8px' }}>
          <kbd dir="ltr" data-testid="picker-key">
            {formatCombo(combo, mac)}
          </kbd>
          <button
            ref={field}
            type="button"
            class="secondary"
            aria-describedby="picker-key-intro"
            aria-pressed={recording}
            onClick={() => {
              setMessage(undefined);
              setRecording(true);
            }}
            onKeyDown={onKeyDown}
            onBlur={() => setRecording(false)}
          >
            {recording ? i18n.t('pickerKeyRecording') : i18n.t('pickerKeyChange')}
          </button>
          {!isDefault && (
            <button type="button" class="secondary" onClick={() => void save(DEFAULT_PICKER_KEY)}>
              {i18n.t('pickerKeyReset', { keys: formatCombo(DEFAULT_PICKER_KEY, mac) })}
            </button>
          )}
        </div>
      </div>
      {message && (
        <p class={message.kind === 'error' ? 'notice error' : 'notice ok'} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
