// The team's reply templates: everyone can search them; owners and managers create, edit and
// delete them in an inline editor (TemplatesEditor.tsx).
//
// The list comes from the background's synced copy (the `listTemplates` message), not from
// GET /v1/templates: it is the very list the content scripts offer when replying, it works
// offline, and paging the server's change feed here would duplicate the sync engine's cursor
// handling. After a write the page asks the background to `syncNow`; until that pull lands
// (or if the server is unreachable for it), the server's answer to the write is laid over
// the local copy by version, so the list never shows an older state than the one just saved.
import { i18n } from '#i18n';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Template } from '../../../shared/schemas';
import type { Connection } from '../../connection';
import { sendMessage } from '../../messaging';
import { isolate } from '../../ui/isolate';
import { TemplateImportExport } from './TemplateImportExport';
import { TemplatesEditor } from './TemplatesEditor';
import { BodyPreview, CategoryChips, languageLabel, PlatformList, searchTemplates } from './TemplatesParts';

/** How often the page re-reads the background's copy (a local read; the alarm does the network). */
const REFRESH_MS = 2000;

/** The local copy with newer answers of this page's own writes laid over it; tombstones dropped. */
function merge(local: readonly Template[], written: Map<string, Template>): Template[] {
  const byId = new Map(local.map((template) => [template.id, template]));
  for (const [id, template] of written) {
    const known = byId.get(id);
    if (known && known.version >= template.version) written.delete(id);
    else byId.set(id, template);
  }
  return [...byId.values()].filter((template) => !template.deleted);
}

export function Templates({ connection }: { connection: Connection }) {
  /** Managers share templates with the team; everyone keeps private ones. */
  const editable = connection.member.role !== 'member';
  const teamId = connection.team.id;
  const locale = i18n.t('lang');
  const [templates, setTemplates] = useState<Template[]>();
  /** Whether the background has tried to pull at least once: until then an empty list means "not yet". */
  const [synced, setSynced] = useState(false);
  const [failed, setFailed] = useState(false);
  const [query, setQuery] = useState('');
  /** The template being edited, 'new' for a new one. */
  const [editing, setEditing] = useState<Template | 'new'>();
  const [done, setDone] = useState('');
  const [refreshing, setRefreshing] = useState(false);
  const written = useRef(new Map<string, Template>());

  const reload = useCallback(async () => {
    try {
      const [local, state] = await Promise.all([sendMessage('listTemplates', { teamId }), sendMessage('syncState', { teamId })]);
      setTemplates(merge(local, written.current));
      setSynced(state.lastSyncAt !== undefined || state.lastStatus !== undefined);
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }, [teamId]);

  useEffect(() => {
    void reload();
    const timer = setInterval(() => void reload(), REFRESH_MS);
    const onVisible = () => document.visibilityState === 'visible' && void reload();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [reload]);

  /** Pull from the server now; the list is re-read whether or not the pull worked. */
  const syncThenReload = useCallback(async () => {
    setRefreshing(true);
    try {
      await sendMessage('syncNow', { teamId });
    } catch {
      // The background records the failure in its sync state; the local copy is still shown.
    } finally {
      await reload();
      setRefreshing(false);
    }
  }, [reload]);

  function finished(template: Template | undefined, message: string) {
    if (template) {
      written.current.set(template.id, template);
      setTemplates((current) => merge(current ?? [], written.current));
    }
    setEditing(undefined);
    setDone(message);
    void syncThenReload();
  }

  const shown = useMemo(() => searchTemplates(templates ?? [], query, locale), [templates, query, locale]);
  const editor = (template?: Template) => (
    <TemplatesEditor
      connection={connection}
      locale={locale}
      {...(template ? { template } : {})}
      canShare={editable}
      onDone={finished}
      onCancel={() => setEditing(undefined)}
    />
  );

  return (
    <section class="card templates" aria-labelledby="templates-title" aria-busy={templates === undefined || refreshing}>
      <div class="card-head">
        <h2 id="templates-title">{i18n.t('templatesTitle')}</h2>
        <div class="head-actions">
          <button type="button" class="secondary small" disabled={refreshing} onClick={() => void syncThenReload()}>
            {refreshing ? i18n.t('syncing') : i18n.t('syncNow')}
          </button>
          <button
            type="button"
            class="small"
            disabled={editing !== undefined}
            onClick={() => {
              setDone('');
              setEditing('new');
            }}
          >
            {i18n.t('templateNew')}
          </button>
        </div>
      </div>
      <TemplateImportExport connection={connection} templates={templates ?? []} manager={editable} onImported={() => void syncThenReload()} />
      {!editable && <p class="notice info">{i18n.t('templatesMemberHint')}</p>}
      <p class="saved" role="status">
        {done}
      </p>
      {editing === 'new' && editor()}
      {failed && (
        <div class="notice error" role="alert">
          <p>{i18n.t('templatesLoadFailed')}</p>
          <button type="button" class="secondary" onClick={() => void reload()}>
            {i18n.t('tryAgain')}
          </button>
        </div>
      )}
      {!failed && (templates === undefined || (templates.length === 0 && !synced)) && <p class="muted">{i18n.t('loading')}</p>}
      {templates && templates.length === 0 && synced && editing !== 'new' && <p class="empty muted">{i18n.t('templatesEmpty')}</p>}
      {templates && templates.length > 0 && (
        <>
          <div class="field search">
            <label for="template-search">{i18n.t('templatesSearch')}</label>
            <input
              id="template-search"
              type="search"
              dir="auto"
              autocomplete="off"
              value={query}
              placeholder={i18n.t('templatesSearchHint')}
              onInput={(event) => setQuery(event.currentTarget.value)}
            />
          </div>
          {shown.length === 0 && <p class="empty muted">{i18n.t('templatesNoMatch', { query: isolate(query.trim()) })}</p>}
          <ul class="template-list">
            {shown.map((template) =>
              typeof editing === 'object' && editing.id === template.id ? (
                <li key={template.id} class="template editing" data-id={template.id}>
                  {editor(editing)}
                </li>
              ) : (
                <li key={template.id} class="template" data-id={template.id} aria-labelledby={`tpl-${template.id}-title`}>
                  <div class="template-head">
                    <h3 id={`tpl-${template.id}-title`} dir="auto">
                      {template.title}
                    </h3>
                    {template.shortcut && (
                      <code class="shortcut" dir="auto">
                        {template.shortcut}
                      </code>
                    )}
                    {template.private && <span class="tag private">{i18n.t('templatePrivateBadge')}</span>}
                    {(editable || template.private) && (
                      <button
                        type="button"
                        class="secondary small"
                        aria-describedby={`tpl-${template.id}-title`}
                        disabled={editing !== undefined}
                        onClick={() => {
                          setDone('');
                          setEditing(template);
                        }}
                      >
                        {i18n.t('templateEdit')}
                      </button>
                    )}
                  </div>
                  <p class="template-meta muted small">
                    <span data-testid="template-lang">{languageLabel(template.lang, locale)}</span>
                    {' · '}
                    <PlatformList platforms={template.platforms} />
                  </p>
                  <CategoryChips categories={template.categories} />
                  <BodyPreview body={template.body} lang={template.lang} />
                </li>
              ),
            )}
          </ul>
        </>
      )}
    </section>
  );
}
