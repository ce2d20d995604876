// The inline editor of one template. Saving sends If-Match with the version the editor
// started from; when someone else saved in between, the server answers 409 with its current
// record and the editor shows both versions side by side: keep mine (send again with their
// version) or use theirs. The server validates: its message is shown under the field it names.
import { i18n } from '#i18n';
import { useEffect, useRef, useState } from 'preact/hooks';
import { CATEGORIES, PLATFORMS, type Category, type Platform, type Template, type TemplateInput } from '../../../shared/schemas';
import type { Connection } from '../../connection';
import { isolate } from '../../ui/isolate';
import { failureText } from './teamApi';
import { createTemplate, deleteTemplate, updateTemplate, type TemplateResult } from './templatesApi';
import { PLATFORM_NAMES } from '../../../shared/platforms';
import { CATEGORY_NAMES } from '../../ui/categories';
import { TEMPLATE_VARIABLES } from '../../../shared/templates';
import { TemplatePreview } from './TemplatePreview';
import { BodyPreview, CategoryChips, languageLabel, PlatformList } from './TemplatesParts';

interface Draft {
  title: string;
  body: string;
  shortcut: string;
  lang: string;
  categories: Category[];
  platforms: Platform[];
  variants: Partial<Record<Platform, string>>;
  private: boolean;
}

/** The TemplateInput fields the editor has inputs for, and the id of each input. */
const FIELDS = ['title', 'body', 'shortcut', 'lang', 'categories', 'platforms', 'variants', 'private'] as const;
type Field = (typeof FIELDS)[number];

const fieldOf = (path: string | undefined): Field | undefined =>
  path ? FIELDS.find((field) => path === field || path.startsWith(`${field}.`)) : undefined;

const emptyDraft = (isPrivate: boolean): Draft => ({
  title: '',
  body: '',
  shortcut: '',
  lang: '',
  categories: [],
  platforms: [],
  variants: {},
  private: isPrivate,
});

function toDraft(template: Template): Draft {
  return {
    title: template.title,
    body: template.body,
    shortcut: template.shortcut ?? '',
    lang: template.lang ?? '',
    categories: [...template.categories],
    platforms: [...template.platforms],
    variants: { ...template.variants },
    private: template.private,
  };
}

/** A whole template for POST or PUT. `private` is always sent: PUT replaces everything, and
 * leaving it out would publish a private template. Empty variants are dropped. */
function toInput(draft: Draft): TemplateInput {
  const variants: Template['variants'] = {};
  for (const platform of PLATFORMS) {
    const text = draft.variants[platform];
    if (text?.trim()) variants[platform] = text;
  }
  return {
    title: draft.title.trim(),
    body: draft.body,
    shortcut: draft.shortcut.trim() || null,
    lang: draft.lang.trim() || null,
    categories: CATEGORIES.filter((c) => draft.categories.includes(c)),
    platforms: PLATFORMS.filter((p) => draft.platforms.includes(p)),
    variants,
    private: draft.private,
  };
}

interface Props {
  connection: Connection;
  locale: string;
  /** The template as last seen; absent for a new one. */
  template?: Template;
  /** Managers share templates with the team; members keep private ones only. */
  canShare: boolean;
  /** After a save, a delete or "use theirs": the server's record and what to announce. */
  onDone(template: Template | undefined, message: string): void;
  onCancel(): void;
}

export function TemplatesEditor({ connection, locale, template, canShare, onDone, onCancel }: Props) {
  const [base, setBase] = useState(template);
  const [draft, setDraft] = useState<Draft>(template ? toDraft(template) : emptyDraft(!canShare));
  const [variantToAdd, setVariantToAdd] = useState<Platform | ''>('');
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; field?: Field }>();
  const [conflict, setConflict] = useState<{ current: Template; message: string }>();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const prefix = template ? `tpl-${template.id}` : 'tpl-new';
  const id = (field: string) => `${prefix}-${field}`;

  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>(`#${id('title')}`)?.focus();
  }, []);

  useEffect(() => {
    if (!error?.field) return;
    const target = formRef.current?.querySelector<HTMLElement>(`#${id(error.field)}`);
    (target?.matches('fieldset') ? target.querySelector<HTMLElement>('input') : target)?.focus();
  }, [error]);

  function change(patch: Partial<Draft>) {
    setDraft((current) => ({ ...current, ...patch }));
  }

  function toggle<K extends 'categories' | 'platforms'>(key: K, value: Draft[K][number], on: boolean) {
    setDraft((current) => {
      const list = current[key] as string[];
      return { ...current, [key]: on ? [...new Set([...list, value])] : list.filter((v) => v !== value) };
    });
  }

  function fail(result: Exclude<TemplateResult, { ok: true }>) {
    if (result.conflict) {
      setConflict({ current: result.conflict, message: result.message });
      return;
    }
    setConflict(undefined);
    const field = result.failure.kind === 'api' ? fieldOf(result.failure.field) : undefined;
    setError(field ? { message: failureText(result.failure), field } : { message: failureText(result.failure) });
  }

  /** POST a new template, or PUT over `version` (the editor's, or theirs for "keep mine"). */
  async function save(version = base?.version) {
    setBusy(true);
    setError(undefined);
    try {
      const input = toInput(draft);
      const result = base && version !== undefined ? await updateTemplate(connection, base.id, version, input) : await createTemplate(connection, input);
      if (result.ok) {
        setConflict(undefined);
        onDone(result.template, i18n.t('templateSaved'));
      } else {
        fail(result);
      }
    } finally {
      setBusy(false);
    }
  }

  /** Overwrite their version with the draft; a later failure returns to the form, now based on theirs. */
  async function keepMine(current: Template) {
    setBase(current);
    await save(current.version);
  }

  /** Puts `{{name}}` at the cursor of the main text, as if typed there. */
  function insertVariable(name: string) {
    const area = bodyRef.current;
    const token = `{{${name}}}`;
    if (!area) return change({ body: draft.body + token });
    area.focus();
    const [start, end] = [area.selectionStart, area.selectionEnd];
    // execCommand keeps the browser's undo history; the fallback edits the value directly.
    if (!document.execCommand('insertText', false, token)) {
      change({ body: draft.body.slice(0, start) + token + draft.body.slice(end) });
    }
  }

  const setVariant = (platform: Platform, text: string | undefined) =>
    setDraft((current) => {
      const variants = { ...current.variants };
      if (text === undefined) delete variants[platform];
      else variants[platform] = text;
      return { ...current, variants };
    });
  const variantPlatforms = PLATFORMS.filter((p) => draft.variants[p] !== undefined);
  // A shared template cannot become private (the server refuses); a member cannot share.
  const canChooseVisibility = canShare && !(base && !base.private);

  async function remove() {
    if (!base) return;
    setBusy(true);
    setError(undefined);
    try {
      const result = await deleteTemplate(connection, base.id, base.version);
      if (result.ok) {
        onDone(result.template, i18n.t('templateDeleted'));
      } else if (result.conflict) {
        // Changed meanwhile: say so, and let a second confirmation delete the current version.
        if (result.conflict.deleted) {
          onDone(result.conflict, i18n.t('templateDeleted'));
          return;
        }
        setBase(result.conflict);
        setError({ message: result.message });
      } else {
        fail(result);
      }
    } finally {
      setBusy(false);
    }
  }

  const invalid = (field: Field) =>
    error?.field === field ? { 'aria-invalid': true as const, 'aria-describedby': id(`${field}-error`) } : {};
  const fieldError = (field: Field) =>
    error?.field === field && (
      <p id={id(`${field}-error`)} class="field-error" role="alert">
        {error.message}
      </p>
    );

  if (conflict) {
    const mine = toInput(draft);
    return (
      <div class="template-editor conflict" role="group" aria-labelledby={id('conflict-title')}>
        <p id={id('conflict-title')} class="notice error" role="alert">
          {conflict.current.deleted ? i18n.t('templateConflictDeleted') : i18n.t('templateConflict')}
        </p>
        <div class="versions">
          <VersionColumn
            heading={i18n.t('templateYours')}
            testId="template-mine"
            locale={locale}
            shown={{
              ...mine,
              shortcut: mine.shortcut ?? null,
              lang: mine.lang ?? null,
              categories: mine.categories ?? [],
              platforms: mine.platforms ?? [],
              variants: mine.variants ?? {},
              private: mine.private ?? false,
            }}
            other={conflict.current}
          />
          <VersionColumn
            heading={i18n.t('templateTheirs', { version: new Intl.NumberFormat(locale).format(conflict.current.version) })}
            testId="template-theirs"
            locale={locale}
            shown={conflict.current}
            other={mine}
          />
        </div>
        {error && (
          <p class="notice error" role="alert">
            {error.message}
          </p>
        )}
        <div class="actions">
          <button type="button" disabled={busy} onClick={() => void keepMine(conflict.current)}>
            {busy ? i18n.t('saving') : i18n.t('templateKeepMine')}
          </button>
          <button type="button" class="secondary" disabled={busy} onClick={() => onDone(conflict.current, '')}>
            {i18n.t('templateUseTheirs')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <form
      ref={formRef}
      class="template-editor settings"
      noValidate
      aria-label={template ? i18n.t('templateEditing', { title: isolate(template.title) }) : i18n.t('templateNew')}
      aria-busy={busy}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <fieldset class="plain" disabled={busy}>
        <div class="field">
          <label for={id('title')}>{i18n.t('templateTitle')}</label>
          <input id={id('title')} dir="auto" maxLength={120} required value={draft.title} onInput={(e) => change({ title: e.currentTarget.value })} {...invalid('title')} />
          {fieldError('title')}
        </div>
        <div class="field">
          <label for={id('body')}>{i18n.t('templateBody')}</label>
          <textarea
            ref={bodyRef}
            id={id('body')}
            dir="auto"
            lang={draft.lang.trim() || undefined}
            rows={5}
            maxLength={5000}
            required
            value={draft.body}
            onInput={(e) => change({ body: e.currentTarget.value })}
            {...invalid('body')}
          />
          {fieldError('body')}
        </div>
        <div class="variables" role="group" aria-label={i18n.t('templateInsertVariable')}>
          <span class="muted small">{i18n.t('templateInsertVariable')}</span>
          {TEMPLATE_VARIABLES.map((name) => (
            <button key={name} type="button" class="chip-button" dir="ltr" onClick={() => insertVariable(name)}>
              {`{{${name}}}`}
            </button>
          ))}
        </div>
        <fieldset class="group variants" id={id('variants')}>
          <legend>{i18n.t('templateVariants')}</legend>
          <p class="muted small hint">{i18n.t('templateVariantsHint')}</p>
          {variantPlatforms.map((platform) => (
            <div class="field variant" key={platform}>
              <div class="variant-head">
                <label for={id(`variant-${platform}`)}>{i18n.t('templateVariantOn', { site: PLATFORM_NAMES[platform] })}</label>
                <button
                  type="button"
                  class="link small"
                  aria-label={i18n.t('templateVariantRemove', { site: PLATFORM_NAMES[platform] })}
                  onClick={() => setVariant(platform, undefined)}
                >
                  {i18n.t('remove')}
                </button>
              </div>
              <textarea
                id={id(`variant-${platform}`)}
                dir="auto"
                lang={draft.lang.trim() || undefined}
                rows={3}
                maxLength={5000}
                value={draft.variants[platform]}
                onInput={(e) => setVariant(platform, e.currentTarget.value)}
                {...invalid('variants')}
              />
            </div>
          ))}
          {variantPlatforms.length < PLATFORMS.length && (
            <div class="variant-add">
              <select
                aria-label={i18n.t('templateVariantSite')}
                value={variantToAdd}
                onChange={(e) => setVariantToAdd(e.currentTarget.value as Platform | '')}
              >
                <option value="">{i18n.t('templateVariantSite')}</option>
                {PLATFORMS.filter((p) => draft.variants[p] === undefined).map((p) => (
                  <option key={p} value={p}>
                    {PLATFORM_NAMES[p]}
                  </option>
                ))}
              </select>
              <button
                type="button"
                class="secondary small"
                disabled={!variantToAdd}
                onClick={() => {
                  if (!variantToAdd) return;
                  setVariant(variantToAdd, draft.body);
                  setVariantToAdd('');
                }}
              >
                {i18n.t('templateVariantAdd')}
              </button>
            </div>
          )}
          {fieldError('variants')}
        </fieldset>
        <div class="field">
          <span class="label" id={id('preview-label')}>
            {i18n.t('templatePreview')}
          </span>
          <div role="region" aria-labelledby={id('preview-label')} aria-live="polite">
            {draft.body ? (
              <TemplatePreview
                id={id('preview')}
                body={draft.body}
                variants={toInput(draft).variants ?? {}}
                lang={draft.lang.trim() || null}
                brand={connection.team.name}
                agentName={connection.member.name}
              />
            ) : (
              <p class="preview muted">{i18n.t('templatePreviewEmpty')}</p>
            )}
          </div>
        </div>
        <div class="row">
          <div class="field">
            <label for={id('shortcut')}>{i18n.t('templateShortcut')}</label>
            <input
              id={id('shortcut')}
              dir="auto"
              maxLength={33}
              autocomplete="off"
              spellcheck={false}
              value={draft.shortcut}
              aria-describedby={error?.field === 'shortcut' ? id('shortcut-error') : id('shortcut-hint')}
              onInput={(e) => change({ shortcut: e.currentTarget.value })}
              {...(error?.field === 'shortcut' ? { 'aria-invalid': true as const } : {})}
            />
            <span id={id('shortcut-hint')} class="muted small">
              {i18n.t('templateShortcutHint')}
            </span>
            {fieldError('shortcut')}
          </div>
          <div class="field">
            <label for={id('lang')}>{i18n.t('templateLanguage')}</label>
            <input
              id={id('lang')}
              dir="ltr"
              maxLength={35}
              autocomplete="off"
              spellcheck={false}
              value={draft.lang}
              aria-describedby={error?.field === 'lang' ? id('lang-error') : id('lang-hint')}
              onInput={(e) => change({ lang: e.currentTarget.value })}
              {...(error?.field === 'lang' ? { 'aria-invalid': true as const } : {})}
            />
            <span id={id('lang-hint')} class="muted small">
              {draft.lang.trim() ? languageLabel(draft.lang.trim(), locale) : i18n.t('templateLanguageHint')}
            </span>
            {fieldError('lang')}
          </div>
        </div>
        <fieldset class="group" id={id('categories')}>
          <legend>{i18n.t('templateCategories')}</legend>
          <div class="days">
            {CATEGORIES.map((category) => (
              <label key={category} class={`day chip-choice cat-border-${category}`}>
                <input
                  type="checkbox"
                  checked={draft.categories.includes(category)}
                  onChange={(e) => toggle('categories', category, e.currentTarget.checked)}
                  {...invalid('categories')}
                />
                <span>{CATEGORY_NAMES[category]()}</span>
              </label>
            ))}
          </div>
          {fieldError('categories')}
        </fieldset>
        <fieldset class="group" id={id('platforms')}>
          <legend>{i18n.t('templatePlatforms')}</legend>
          <p class="muted small hint">{i18n.t('templatePlatformsHint')}</p>
          <div class="days">
            {PLATFORMS.map((platform) => (
              <label key={platform} class="day">
                <input
                  type="checkbox"
                  checked={draft.platforms.includes(platform)}
                  onChange={(e) => toggle('platforms', platform, e.currentTarget.checked)}
                  {...invalid('platforms')}
                />
                <span>{PLATFORM_NAMES[platform]}</span>
              </label>
            ))}
          </div>
          {fieldError('platforms')}
        </fieldset>
        <fieldset class="group" id={id('private')}>
          <legend>{i18n.t('templateVisibility')}</legend>
          <div class="visibility">
            <label class="check">
              <input
                type="radio"
                name={id('visibility')}
                checked={!draft.private}
                disabled={!canShare}
                onChange={() => change({ private: false })}
              />
              <span>{i18n.t('templateShared')}</span>
            </label>
            <label class="check">
              <input
                type="radio"
                name={id('visibility')}
                checked={draft.private}
                disabled={!canChooseVisibility && !draft.private}
                onChange={() => change({ private: true })}
              />
              <span>{i18n.t('templatePrivate')}</span>
            </label>
          </div>
          <p class="muted small">
            {!canShare ? i18n.t('templatePrivateOnly') : base && !base.private ? i18n.t('templateSharedStays') : i18n.t('templateVisibilityHint')}
          </p>
          {fieldError('private')}
        </fieldset>
      </fieldset>

      {error && !error.field && (
        <p class="notice error" role="alert">
          {error.message}
        </p>
      )}

      {confirmDelete && base ? (
        <div class="confirm" role="alertdialog" aria-labelledby={id('delete-question')}>
          <p id={id('delete-question')}>{i18n.t('templateDeleteConfirm', { title: isolate(base.title) })}</p>
          <div class="actions">
            <button type="button" class="danger" disabled={busy} onClick={() => void remove()}>
              {i18n.t('templateDelete')}
            </button>
            <button type="button" class="secondary" disabled={busy} onClick={() => setConfirmDelete(false)}>
              {i18n.t('cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div class="actions">
          <button type="submit" disabled={busy}>
            {busy ? i18n.t('saving') : i18n.t('templateSave')}
          </button>
          <button type="button" class="secondary" disabled={busy} onClick={onCancel}>
            {i18n.t('cancel')}
          </button>
          {base && (
            <button type="button" class="secondary danger-text" disabled={busy} onClick={() => setConfirmDelete(true)}>
              {i18n.t('templateDelete')}
            </button>
          )}
        </div>
      )}
    </form>
  );
}

type Shown = Pick<Template, 'title' | 'body' | 'shortcut' | 'lang' | 'categories' | 'platforms' | 'variants' | 'private'>;

/** One side of a conflict; the facts that differ from the other side are marked. */
function VersionColumn({ heading, shown, other, locale, testId }: { heading: string; shown: Shown; other: TemplateInput | Template; locale: string; testId: string }) {
  const empty = (key: keyof Shown) => (key === 'categories' || key === 'platforms' ? [] : key === 'variants' ? {} : key === 'private' ? false : null);
  const differs = (key: keyof Shown) => JSON.stringify(shown[key] ?? empty(key)) !== JSON.stringify(other[key] ?? empty(key));
  const mark = (key: keyof Shown) => (differs(key) ? 'changed' : undefined);
  return (
    <section class="version" data-testid={testId}>
      <h3>{heading}</h3>
      <dl class="facts">
        <div class={mark('title')}>
          <dt>{i18n.t('templateTitle')}</dt>
          <dd dir="auto">{shown.title}</dd>
        </div>
        <div class={mark('shortcut')}>
          <dt>{i18n.t('templateShortcut')}</dt>
          <dd dir="auto">{shown.shortcut ?? '—'}</dd>
        </div>
        <div class={mark('lang')}>
          <dt>{i18n.t('templateLanguage')}</dt>
          <dd>{languageLabel(shown.lang, locale)}</dd>
        </div>
        <div class={mark('categories')}>
          <dt>{i18n.t('templateCategories')}</dt>
          <dd>{shown.categories.length ? <CategoryChips categories={shown.categories} /> : '—'}</dd>
        </div>
        <div class={mark('platforms')}>
          <dt>{i18n.t('templatePlatforms')}</dt>
          <dd>
            <PlatformList platforms={shown.platforms} />
          </dd>
        </div>
        <div class={mark('private')}>
          <dt>{i18n.t('templateVisibility')}</dt>
          <dd>{shown.private ? i18n.t('templatePrivate') : i18n.t('templateShared')}</dd>
        </div>
        {Object.keys(shown.variants).length > 0 && (
          <div class={mark('variants')}>
            <dt>{i18n.t('templateVariants')}</dt>
            <dd>
              <PlatformList platforms={Object.keys(shown.variants) as Platform[]} />
            </dd>
          </div>
        )}
      </dl>
      <div class={mark('body')}>
        <BodyPreview body={shown.body} lang={shown.lang} />
      </div>
    </section>
  );
}
