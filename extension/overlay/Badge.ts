// The hint next to an item: category, language, how long it has waited against the team's
// target, and whether a teammate answered or is answering. Focus or hover opens a card with
// the cues that decided the category and the best templates for it. Lives in the shadow
// root of a `chorus-hint` host (see hint.ts), so the site's CSS and ours never meet.
//
// Plain DOM, no framework: hundreds of these are made while a page scrolls, so the closed
// badge is a handful of elements with textContent (never HTML), and the card is built only
// when it opens.
import { i18n } from '#i18n';
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

/** The badge's messages without substitutions, read once: each i18n.t is a call into the
 * extension's bindings, and every badge on a long page asks for several. */
type StaticMessage = 'lang' | 'hintCatQuestion' | 'hintCatComplaint' | 'hintCatPraise' | 'hintCatPurchaseIntent' | 'hintCatSpam' | 'hintCatOther' | 'hintSlaWithin' | 'hintSlaDueSoon' | 'hintSlaBreached';
const messages = new Map<StaticMessage, string>();
function message(key: StaticMessage): string {
  let text = messages.get(key);
  if (text === undefined) {
    text = i18n.t(key);
    messages.set(key, text);
  }
  return text;
}

/** One item's category, singular ("Question"), unlike the popup's breakdown headings. */
const CATEGORY_NAMES: Record<Category, () => string> = {
  question: () => message('hintCatQuestion'),
  complaint: () => message('hintCatComplaint'),
  praise: () => message('hintCatPraise'),
  purchase_intent: () => message('hintCatPurchaseIntent'),
  spam: () => message('hintCatSpam'),
  other: () => message('hintCatOther'),
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
  within: () => message('hintSlaWithin'),
  'due-soon': () => message('hintSlaDueSoon'),
  breached: () => message('hintSlaBreached'),
} as const;

const ALL_CATEGORIES: Category[] = ['question', 'complaint', 'purchase_intent', 'praise', 'spam', 'other'];

export function statusText(status: ItemStatus, now: number, locale: string): string | undefined {
  if (status.answered) {
    const ago = formatDuration(now - Date.parse(status.answered.at), locale);
    return status.answered.self ? i18n.t('hintAnsweredYou', { time: ago }) : i18n.t('hintAnswered', { name: isolate(status.answered.memberName), time: ago });
  }
  if (status.claimed) return status.claimed.self ? i18n.t('hintReplyingYou') : i18n.t('hintReplying', { name: isolate(status.claimed.memberName) });
  return undefined;
}

/** An element with a class and text (text only: page content never becomes markup). */
function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** What a model shows, worked out once per update. */
function viewOf(model: BadgeModel) {
  const locale = message('lang');
  const { category, wait, status } = model;
  const name = CATEGORY_NAMES[category]();
  const language = model.lang === 'und' ? undefined : (languageName(model.lang, locale) ?? model.lang);
  const waited = formatDuration(wait.waitedMs, locale);
  const said = statusText(status, model.now, locale);
  const answered = Boolean(status.answered);
  const sla = !answered && wait.sla ? wait.sla.state : undefined;
  const label = [name, language, answered ? undefined : i18n.t('hintWaiting', { time: waited }), sla && SLA_LABELS[sla](), said].filter(Boolean).join(', ');
  return { name, language, waited, said, answered, sla, label };
}

export interface BadgeView {
  update(model: BadgeModel): void;
  destroy(): void;
}

/** Builds the badge into `mount` (inside the host's shadow root). */
export function mountBadge(mount: HTMLElement, host: HTMLElement, first: BadgeModel): BadgeView {
  const doc = mount.ownerDocument;
  let model = first;
  let card: HTMLDivElement | undefined;
  let correction: { root: HTMLDivElement; select: HTMLSelectElement; message: HTMLParagraphElement } | undefined;

  const wrap = el(doc, 'span', 'wrap');
  const pill = el(doc, 'button', 'pill');
  pill.type = 'button';
  pill.setAttribute('aria-expanded', 'false');
  pill.setAttribute('aria-controls', 'card');
  wrap.append(pill);
  mount.append(wrap);

  function renderPill(view: ReturnType<typeof viewOf>) {
    pill.className = `pill cat-${model.category}`;
    pill.setAttribute('aria-label', view.label);
    const icon = el(doc, 'span', 'icon', ICONS[model.category]);
    icon.setAttribute('aria-hidden', 'true');
    const parts: Node[] = [icon, el(doc, 'span', 'cat', view.name)];
    if (model.lang !== 'und') {
      const lang = el(doc, 'span', 'lang', model.lang.toUpperCase());
      lang.dir = 'ltr';
      parts.push(lang);
    }
    if (view.answered) parts.push(el(doc, 'span', 'state answered', view.said));
    else {
      parts.push(el(doc, 'span', `wait ${view.sla ?? ''}`, view.waited));
      if (view.said) parts.push(el(doc, 'span', 'state claimed', view.said));
    }
    pill.replaceChildren(...parts);
  }

  /** The card's parts, except the correction form, which keeps its state (and focus) across updates. */
  function renderCard(view: ReturnType<typeof viewOf>) {
    if (!card) return;
    card.setAttribute('aria-label', view.name);
    const title = el(doc, 'p', 'card-title');
    const dot = el(doc, 'span', `dot cat-${model.category}`);
    dot.setAttribute('aria-hidden', 'true');
    title.append(dot, ` ${view.name}`);
    if (view.language) title.append(el(doc, 'span', 'muted', ` · ${view.language}`));
    title.append(el(doc, 'span', 'muted', ` · ${PLATFORM_NAMES[model.platform]}`));
    const before: Node[] = [title];
    if (!view.answered) {
      before.push(el(doc, 'p', `sla ${view.sla ?? ''}`, i18n.t('hintWaiting', { time: view.waited }) + (view.sla ? ` · ${SLA_LABELS[view.sla]()}` : '')));
    }
    if (view.said) before.push(el(doc, 'p', 'said', view.said));
    if (model.cues.length > 0) {
      const list = el(doc, 'ul', 'cues');
      for (const cue of model.cues.slice(0, 4)) {
        // The bullet follows the card's direction; the cue's own text keeps its own.
        const item = el(doc, 'li');
        item.append(el(doc, 'bdi', undefined, cue));
        list.append(item);
      }
      before.push(el(doc, 'p', 'heading', i18n.t('hintCues')), list);
    }
    const after: Node[] = [el(doc, 'p', 'heading', i18n.t('hintTemplates'))];
    if (model.templates.length === 0) after.push(el(doc, 'p', 'muted', i18n.t('hintNoTemplates')));
    else {
      const list = el(doc, 'ul', 'templates');
      for (const t of model.templates) {
        const item = el(doc, 'li');
        const title = el(doc, 'span', undefined, t.title);
        title.dir = 'auto';
        item.append(title);
        if (t.shortcut) {
          const code = el(doc, 'code', 'shortcut', t.shortcut);
          code.dir = 'auto';
          item.append(code);
        }
        list.append(item);
      }
      after.push(list);
    }
    if (model.onCorrect) {
      correction ??= correctionForm();
      if (!correction.select.disabled) correction.select.value = model.category;
    }
    // Only the nodes around the form are replaced: the form itself stays where it is.
    if (correction && correction.root.parentNode === card) {
      while (card.firstChild && card.firstChild !== correction.root) card.firstChild.remove();
      while (correction.root.nextSibling) correction.root.nextSibling.remove();
      correction.root.before(...before);
      card.append(...after);
    } else {
      card.replaceChildren(...before, ...(correction ? [correction.root] : []), ...after);
    }
  }

  /** "Not right?": a manager picks the right category; the phrase becomes a team cue. */
  function correctionForm() {
    const root = el(doc, 'div', 'correct');
    const label = el(doc, 'label');
    const select = el(doc, 'select');
    for (const c of ALL_CATEGORIES) {
      const option = el(doc, 'option', undefined, CATEGORY_NAMES[c]());
      option.value = c;
      select.append(option);
    }
    select.value = model.category;
    label.append(el(doc, 'span', undefined, i18n.t('hintCorrect')), select);
    const message = el(doc, 'p', 'muted');
    message.setAttribute('role', 'status');
    message.hidden = true;
    root.append(label, message);
    select.addEventListener('change', () => {
      const category = select.value as Category;
      if (!model.onCorrect || category === model.category) return;
      select.disabled = true;
      message.hidden = true;
      model
        .onCorrect(category)
        .catch(() => ({ ok: false as const, message: i18n.t('hintCorrectFailed') }))
        .then((result) => {
          select.disabled = false;
          select.value = model.category;
          message.textContent = result.ok ? i18n.t('hintCorrected') : result.message;
          message.hidden = false;
        });
    });
    return { root, select, message };
  }

  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') setOpen(false);
  };

  function setOpen(open: boolean) {
    if (open === Boolean(card)) return;
    pill.setAttribute('aria-expanded', String(open));
    // Each host is its own stacking context: lift the open one above the hints after it.
    host.style.setProperty('z-index', open ? '2147483000' : '1', 'important');
    if (open) {
      card = el(doc, 'div', 'card');
      card.id = 'card';
      card.setAttribute('role', 'dialog');
      renderCard(viewOf(model));
      wrap.append(card);
      doc.addEventListener('keydown', onKey, true);
    } else {
      card?.remove();
      card = undefined;
      correction = undefined;
      doc.removeEventListener('keydown', onKey, true);
    }
  }

  wrap.addEventListener('mouseenter', () => setOpen(true));
  wrap.addEventListener('mouseleave', () => setOpen(false));
  wrap.addEventListener('focusin', () => setOpen(true));
  wrap.addEventListener('focusout', (event) => {
    if (!wrap.contains(event.relatedTarget as Node | null)) setOpen(false);
  });
  pill.addEventListener('click', () => setOpen(true));

  const update = (next: BadgeModel) => {
    model = next;
    const view = viewOf(next);
    renderPill(view);
    renderCard(view);
  };
  update(first);

  return {
    update,
    destroy() {
      setOpen(false);
      wrap.remove();
    },
  };
}
