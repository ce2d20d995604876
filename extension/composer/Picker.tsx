// The template picker in a reply box: Ctrl+Shift+Space opens it, the search narrows the
// team's templates (fuzzy, accent-insensitive), the best ones for the item come first, the
// highlighted one is previewed as it will be inserted, fill-in fields are asked for, and
// Enter inserts at the caret. Keyboard alone works; Escape closes. In its own shadow root.
import { i18n } from '#i18n';
import { render } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Category, Platform } from '../../shared/schemas';
import { parseTemplate, pickBody, renderTemplate, type TemplateContext } from '../../shared/templates';
import type { LocalTemplate } from '../db';
import { rankTemplates } from './pick';

interface Props {
  templates: readonly LocalTemplate[];
  item: { category?: Category; lang?: string; platform: Platform };
  context: TemplateContext;
  onPick(template: LocalTemplate, text: string): void;
  onClose(): void;
}

function PickerPanel({ templates, item, context, onPick, onClose }: Props) {
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const [values, setValues] = useState<Record<string, string>>({});
  const search = useRef<HTMLInputElement>(null);
  const shown = useMemo(() => rankTemplates(templates, query, item).slice(0, 8), [templates, query, item]);
  const current = shown[Math.min(index, shown.length - 1)];
  const body = current ? pickBody(current, item.platform) : '';
  const fields = useMemo(() => parseTemplate(body).fields, [body]);
  const rendered = current ? renderTemplate(body, context, values).text : '';

  useEffect(() => search.current?.focus(), []);

  function onKey(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setIndex((i) => (shown.length ? (i + (event.key === 'ArrowDown' ? 1 : shown.length - 1)) % shown.length : 0));
      setValues({});
    } else if (event.key === 'Enter' && current) {
      event.preventDefault();
      onPick(current, rendered);
    }
  }

  return (
    <div class="picker" role="dialog" aria-label={i18n.t('pickerTitle')} onKeyDown={onKey}>
      <input
        ref={search}
        class="search"
        type="search"
        dir="auto"
        role="combobox"
        aria-expanded="true"
        aria-controls="picker-list"
        aria-activedescendant={current ? `pick-${current.id}` : undefined}
        aria-label={i18n.t('pickerSearch')}
        placeholder={i18n.t('pickerSearch')}
        value={query}
        onInput={(event) => {
          setQuery(event.currentTarget.value);
          setIndex(0);
          setValues({});
        }}
      />
      {shown.length === 0 ? (
        <p class="empty">{i18n.t('pickerNone')}</p>
      ) : (
        <ul id="picker-list" role="listbox">
          {shown.map((t, i) => (
            <li
              key={t.id}
              id={`pick-${t.id}`}
              role="option"
              aria-selected={t === current}
              class={t === current ? 'on' : ''}
              onMouseDown={(event) => {
                event.preventDefault();
                setIndex(i);
                setValues({});
              }}
            >
              <span dir="auto">{t.title}</span>
              {t.shortcut && <code dir="auto">{t.shortcut}</code>}
            </li>
          ))}
        </ul>
      )}
      {current && fields.length > 0 && (
        <div class="fields">
          {fields.map((field) => (
            <label key={field.label}>
              <span dir="auto">{field.label}</span>
              <input
                dir="auto"
                placeholder={field.fallback ?? ''}
                value={values[field.label] ?? ''}
                onInput={(event) => setValues((v) => ({ ...v, [field.label]: event.currentTarget.value }))}
              />
            </label>
          ))}
        </div>
      )}
      {current && (
        <p class="preview" dir="auto" data-testid="picker-preview">
          {rendered}
        </p>
      )}
      <p class="hint">{i18n.t('pickerKeys')}</p>
    </div>
  );
}

const CSS = `
.picker { box-sizing: border-box; inline-size: 340px; max-inline-size: 90vw; padding: 10px; border: 1px solid #d5dae2; border-radius: 10px;
  background: #fff; color: #1b1d21; box-shadow: 0 10px 30px rgb(0 0 0 / 22%); font: 13px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', 'Noto Sans Hebrew', sans-serif; }
.search, .fields input { box-sizing: border-box; inline-size: 100%; font: inherit; padding: 6px 8px; border: 1px solid #c9ced6; border-radius: 6px; }
ul { list-style: none; margin: 8px 0 0; padding: 0; max-block-size: 220px; overflow: auto; }
li { display: flex; justify-content: space-between; gap: 8px; padding: 5px 8px; border-radius: 6px; cursor: pointer; }
li.on { background: #eef2fb; color: #2a3f73; font-weight: 600; }
code { font: 11px ui-monospace, Menlo, Consolas, monospace; color: #5b616e; }
.fields { display: grid; gap: 6px; margin-block-start: 8px; }
.fields label { display: grid; gap: 2px; font-weight: 600; }
.preview { margin: 8px 0 0; padding: 6px 8px; border-inline-start: 3px solid #2f5bd3; background: #f5f7fa; border-radius: 6px; white-space: pre-wrap; }
.empty, .hint { margin: 8px 0 0; color: #5b616e; }
.hint { font-size: 11px; }
@media (prefers-color-scheme: dark) {
  .picker { background: #1f2227; color: #e8eaee; border-color: #3b404a; }
  .search, .fields input { background: #17191d; color: #e8eaee; border-color: #3b404a; }
  li.on { background: #1c2540; color: #c3d1f7; } .preview { background: #2a2e35; } code, .empty, .hint { color: #a3a9b5; }
}`;

/** Opens the picker under `anchor`; resolves when the member picks (or closes it). */
export function openPicker(anchor: Element, props: Omit<Props, 'onPick' | 'onClose'>): Promise<{ template: LocalTemplate; text: string } | undefined> {
  return new Promise((resolve) => {
    const host = document.createElement('chorus-picker');
    const rect = anchor.getBoundingClientRect();
    const place: Record<string, string> = {
      all: 'initial',
      position: 'fixed',
      'z-index': '2147483000',
      top: `${Math.min(rect.bottom + 6, innerHeight - 320)}px`,
      left: `${Math.max(8, Math.min(rect.left, innerWidth - 360))}px`,
    };
    for (const [property, value] of Object.entries(place)) host.style.setProperty(property, value, 'important');
    for (const type of ['keydown', 'keyup', 'keypress', 'click', 'mousedown', 'input']) host.addEventListener(type, (event) => event.stopPropagation());
    const root = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = CSS;
    const mount = document.createElement('div');
    mount.setAttribute('dir', i18n.t('dir') === 'rtl' ? 'rtl' : 'ltr');
    root.append(style, mount);
    document.documentElement.append(host);
    let done = false;
    const finish = (value: { template: LocalTemplate; text: string } | undefined) => {
      // Unmounting moves the focus out of the picker, which calls this again: first call wins.
      if (done) return;
      done = true;
      render(null, mount);
      host.remove();
      resolve(value);
    };
    render(<PickerPanel {...props} onPick={(template, text) => finish({ template, text })} onClose={() => finish(undefined)} />, mount);
    host.addEventListener('focusout', (event) => {
      if (!host.contains(event.relatedTarget as Node | null) && !root.contains(event.relatedTarget as Node | null)) finish(undefined);
    });
  });
}
