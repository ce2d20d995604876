// The hint next to an item: category, language, how long it has waited against the team's
// target, and whether a teammate answered or is answering. Focus or hover opens a card with
// the cues that decided the category and the best templates for it. Lives in the shadow
// root of a `chorus-hint` host (see hint.ts), so the site's CSS and ours never meet.
import { i18n } from '#i18n';
import { useEffect, useRef, useState } from 'preact/hooks';
import { PLATFORM_NAMES } from '../../shared/platforms';
import type { Category, Platform, Sentiment } from '../../shared/schemas';
import type { ItemStatus } from '../messaging';
import { formatDuration, languageName } from '../ui/format';
import { isolate } from '../ui/isolate';
import type { Wait } from './sla';

export interface BadgeModel {
  itemKey: string;
  platform: Platform;
  category: Category;
  sentiment: Sentiment;
  lang: string;
  cues: string[];
  wait: Wait;
  status: ItemStatus;
  /** The top templates for the item's category and language. */
  templates: { id: string; title: string; shortcut: string | null }[];
  now: number;
  /** Managers may correct the category; the correction teaches the team's classifier. */
  onCorrect?: (category: Category) => Promise<{ ok: true } | { ok: false; message: string }>;
}

/** One item's category, singular ("Question"), unlike the popup's breakdown headings. */
const CATEGORY_NAMES: Record<Category, () => string> = {
  question: () => i18n.t('hintCatQuestion'),
  complaint: () => i18n.t('hintCatComplaint'),
  praise: () => i18n.t('hintCatPraise'),
  purchase_intent: () => i18n.t('hintCatPurchaseIntent'),
  spam: () => i18n.t('hintCatSpam'),
  other: () => i18n.t('hintCatOther'),
};

const ICONS: Record<Category, string> = {
  question: '?',
  complaint: '!',
  praise: '★',
  purchase_intent: '$',
  spam: '⊘',
  other: '•',
};

const SLA_LABELS = {
  within: () => i18n.t('hintSlaWithin'),
  'due-soon': () => i18n.t('hintSlaDueSoon'),
  breached: () => i18n.t('hintSlaBreached'),
} as const;

export function statusText(status: ItemStatus, now: number, locale: string): string | undefined {
  if (status.answered) {
    const ago = formatDuration(now - Date.parse(status.answered.at), locale);
    return status.answered.self ? i18n.t('hintAnsweredYou', { time: ago }) : i18n.t('hintAnswered', { name: isolate(status.answered.memberName), time: ago });
  }
  if (status.claimed) return status.claimed.self ? i18n.t('hintReplyingYou') : i18n.t('hintReplying', { name: isolate(status.claimed.memberName) });
  return undefined;
}

export function Badge({ model }: { model: BadgeModel }) {
  const locale = i18n.t('lang');
  const [open, setOpen] = useState(false);
  const card = useRef<HTMLSpanElement>(null);
  const { category, wait, status } = model;
  const language = model.lang === 'und' ? undefined : (languageName(model.lang, locale) ?? model.lang);
  const waited = formatDuration(wait.waitedMs, locale);
  const said = statusText(status, model.now, locale);
  const answered = Boolean(status.answered);
  const sla = !answered && wait.sla ? wait.sla.state : undefined;
  const label = [
    CATEGORY_NAMES[category](),
    language,
    answered ? undefined : i18n.t('hintWaiting', { time: waited }),
    sla && SLA_LABELS[sla](),
    said,
  ]
    .filter(Boolean)
    .join(', ');

  // Each host is its own stacking context: lift the open one above the hints after it.
  useEffect(() => {
    const host = (card.current?.getRootNode() as ShadowRoot | undefined)?.host as HTMLElement | undefined;
    host?.style.setProperty('z-index', open ? '2147483000' : '1', 'important');
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && setOpen(false);
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [open]);

  return (
    <span
      ref={card}
      class="wrap"
      onMouseEnter={() => setOpen(true)}
      onMouseLeave={() => setOpen(false)}
      onFocusIn={() => setOpen(true)}
      onFocusOut={(event) => {
        if (!(event.currentTarget as Element).contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button type="button" class={`pill cat-${category}`} aria-label={label} aria-expanded={open} aria-controls="card" onClick={() => setOpen(true)}>
        <span class="icon" aria-hidden="true">
          {ICONS[category]}
        </span>
        <span class="cat">{CATEGORY_NAMES[category]()}</span>
        {model.lang !== 'und' && (
          <span class="lang" dir="ltr">
            {model.lang.toUpperCase()}
          </span>
        )}
        {answered ? (
          <span class="state answered">{said}</span>
        ) : (
          <>
            <span class={`wait ${sla ?? ''}`}>{waited}</span>
            {said && <span class="state claimed">{said}</span>}
          </>
        )}
      </button>
      {open && (
        <div id="card" class="card" role="dialog" aria-label={CATEGORY_NAMES[category]()}>
          <p class="card-title">
            <span class={`dot cat-${category}`} aria-hidden="true" /> {CATEGORY_NAMES[category]()}
            {language && <span class="muted"> · {language}</span>}
            <span class="muted"> · {PLATFORM_NAMES[model.platform]}</span>
          </p>
          {!answered && (
            <p class={`sla ${sla ?? ''}`}>
              {i18n.t('hintWaiting', { time: waited })}
              {sla && ` · ${SLA_LABELS[sla]()}`}
            </p>
          )}
          {said && <p class="said">{said}</p>}
          {model.cues.length > 0 && (
            <>
              <p class="heading">{i18n.t('hintCues')}</p>
              <ul class="cues">
                {model.cues.slice(0, 4).map((cue) => (
                  <li key={cue} dir="auto">
                    {cue}
                  </li>
                ))}
              </ul>
            </>
          )}
          {model.onCorrect && <Correction model={model} />}
          <p class="heading">{i18n.t('hintTemplates')}</p>
          {model.templates.length === 0 ? (
            <p class="muted">{i18n.t('hintNoTemplates')}</p>
          ) : (
            <ul class="templates">
              {model.templates.map((t) => (
                <li key={t.id}>
                  <span dir="auto">{t.title}</span>
                  {t.shortcut && (
                    <code dir="auto" class="shortcut">
                      {t.shortcut}
                    </code>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </span>
  );
}

const ALL_CATEGORIES: Category[] = ['question', 'complaint', 'purchase_intent', 'praise', 'spam', 'other'];

/** "Not right?": a manager picks the right category; the phrase becomes a team cue. */
function Correction({ model }: { model: BadgeModel }) {
  const [state, setState] = useState<{ busy: boolean; message?: string }>({ busy: false });
  async function choose(category: Category) {
    if (!model.onCorrect || category === model.category) return;
    setState({ busy: true });
    const result = await model.onCorrect(category).catch(() => ({ ok: false as const, message: i18n.t('hintCorrectFailed') }));
    setState(result.ok ? { busy: false, message: i18n.t('hintCorrected') } : { busy: false, message: result.message });
  }
  return (
    <div class="correct">
      <label>
        <span>{i18n.t('hintCorrect')}</span>
        <select disabled={state.busy} value={model.category} onChange={(event) => void choose(event.currentTarget.value as Category)}>
          {ALL_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {CATEGORY_NAMES[c]()}
            </option>
          ))}
        </select>
      </label>
      {state.message && (
        <p class="muted" role="status">
          {state.message}
        </p>
      )}
    </div>
  );
}
