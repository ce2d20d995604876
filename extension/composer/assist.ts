// What Chorus adds beside a reply box the member is writing in (Bar.tsx draws it):
// - the brand-voice meter: the draft checked 300 ms after the last change against the team's
//   voice and the platform's length rule, with one-click fixes that edit the draft through
//   the site's own editor (insert.ts); the score at submit goes with the reply (capture.ts);
// - the Chorus button, which opens the template picker where the caret was;
// - the traffic cop: when a teammate's answer to the item arrives (looked up as soon as the
//   background says the team's activity changed, and every few seconds while the tab is in
//   front) while the member writes, a warning
//   says so, and the first submit after it is held until the member sends anyway or drops it.
// The bar's host element sits right after the editor, so Tab from the reply box reaches it.
import { i18n } from '#i18n';
import type { Platform } from '../../shared/schemas';
import { applyFix, type VoiceIssue, type VoiceResult } from '../../shared/voice';
import { sendMessage } from '../messaging';
import { pageTheme } from '../overlay/hint';
import { type BarActions, createBar } from './Bar';
import { composerForButton, isSendKey, submitButtonOf } from './capture';
import { checkDraft, mastodonLimit } from './draft';
import { type ComposerHost, VOICE_X_GLOBAL } from './host';
import { editorRoot, editorText, insertText } from './insert';
import { composerFor, itemForComposer } from './item';
import { formatCombo } from './keys';
import { currentPickerKey, pickInto, saveCaret } from './pickerKey';
import { type Answer, newTeammateAnswer } from './traffic';

/** The draft is checked this long after the member stops typing. */
const CHECK_DELAY_MS = 300;
/** How often the item's team activity is read while a draft is being written. */
const TRAFFIC_POLL_MS = 3000;
/** How often bars of reply boxes the site removed are cleaned up. */
const SWEEP_MS = 2000;


interface Session {
  root: Element;
  composer: Element;
  bar: ReturnType<typeof createBar>;
  text: string;
  result: VoiceResult;
  timer?: ReturnType<typeof setTimeout> | undefined;
  itemKey?: string | undefined;
  /** The item's latest answer when the member started writing; null until read. */
  before: Answer | undefined | null;
  conflict?: Answer | undefined;
  /** The member saw the warning and chose: later submits go through. */
  acknowledged: boolean;
  /** The submit held by the warning, to do when the member sends anyway. */
  held?: (() => void) | undefined;
  lastPoll: number;
}

export interface Assist {
  /** The draft's score as the meter shows it, for the reply's interaction. */
  voiceScore(composer: Element, text: string): number | undefined;
  /** Gives the reply box that has the focus its bar (the focus that loaded this script). */
  attachFocused(): void;
}

export function watchComposers(host: ComposerHost): Assist {
  const { adapter, platform, signal } = host;
  const sessions = new Map<Element, Session>();
  const locale = i18n.t('lang');
  const dir = i18n.t('dir') === 'rtl' ? 'rtl' : 'ltr';
  const mac = navigator.platform.startsWith('Mac');
  const maxLength = platform === 'mastodon' ? mastodonLimit(document.getElementById('initial-state')?.textContent) : undefined;

  // X's counter arrives with voice-x.js a moment after this script: check the drafts again then.
  let countWeighted = (globalThis as Record<string, unknown>)[VOICE_X_GLOBAL] as ((text: string) => number) | undefined;
  if (platform === 'x' && !countWeighted) {
    Object.defineProperty(globalThis, VOICE_X_GLOBAL, {
      configurable: true,
      get: () => countWeighted,
      set(counter: (text: string) => number) {
        countWeighted = counter;
        for (const session of sessions.values()) recheck(session);
      },
    });
  }

  const lang = (session: Session) => (session.itemKey ? host.describe(session.itemKey)?.lang : undefined) ?? (document.documentElement.lang || undefined);
  const check = (session: Session, text: string) =>
    checkDraft(text, host.page().voice, {
      platform: platform as Platform,
      lang: lang(session),
      maxLength,
      countWeighted,
    });

  function render(session: Session) {
    const actions: BarActions = {
      fix: (issue) => void fix(session, issue),
      pick: () => {
        // A mouse press keeps the focus (and caret) in the editor; from the keyboard the focus
        // is on the button, and the caret is where the editor had it when it lost the focus.
        const focused = session.root === document.activeElement || session.root.contains(document.activeElement);
        void (focused ? pickInto(host, session.root, session.composer, saveCaret(session.root)) : pickInto(host, session.root, session.composer));
      },
      sendAnyway: () => {
        const held = session.held;
        session.acknowledged = true;
        session.conflict = undefined;
        session.held = undefined;
        render(session);
        if (held) held();
        else (session.root as HTMLElement).focus();
      },
      dismiss: () => {
        session.acknowledged = true;
        session.conflict = undefined;
        session.held = undefined;
        render(session);
        (session.root as HTMLElement).focus();
      },
    };
    session.bar.update(
      {
        result: session.result,
        empty: session.text.trim() === '',
        platform,
        locale,
        pickerKeys: formatCombo(currentPickerKey(), mac),
        conflict: session.conflict ? { answer: session.conflict, now: Date.now(), held: Boolean(session.held) } : undefined,
      },
      actions,
    );
    place(session);
  }

  /** The bar at the reply box's bottom corner on its end side, inside it. */
  function place(session: Session) {
    const wrap = session.bar.wrap();
    if (!wrap) return;
    const rect = session.root.getBoundingClientRect();
    const visible = session.root.isConnected && rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.top < innerHeight;
    wrap.hidden = !visible;
    if (!visible) return;
    const rtl = getComputedStyle(session.root).direction === 'rtl';
    // Panels (issues, the warning) open upwards, or downwards when there is no room above.
    const barHeight = wrap.querySelector('.bar')?.getBoundingClientRect().height || 26;
    const below = wrap.getBoundingClientRect().height > rect.bottom - 8;
    const top = rect.bottom - barHeight - 4;
    wrap.style.flexDirection = below ? 'column-reverse' : 'column';
    wrap.style.top = below ? `${top}px` : 'auto';
    wrap.style.bottom = below ? 'auto' : `${innerHeight - rect.bottom + 4}px`;
    wrap.style.left = rtl ? `${rect.left + 4}px` : 'auto';
    wrap.style.right = rtl ? 'auto' : `${innerWidth - rect.right + 4}px`;
    // The bar hugs the box's physical left (RTL box) or right edge, whatever the UI's direction.
    wrap.style.alignItems = rtl !== (dir === 'rtl') ? 'flex-start' : 'flex-end';
    // An ancestor with a transform makes `fixed` relative to it: correct by what was missed.
    const got = wrap.getBoundingClientRect();
    const dy = below ? got.top - top : got.bottom - (rect.bottom - 4);
    const dx = rtl ? got.left - (rect.left + 4) : got.right - (rect.right - 4);
    if (Math.abs(dy) > 1) {
      if (below) wrap.style.top = `${top - dy}px`;
      else wrap.style.bottom = `${innerHeight - rect.bottom + 4 + dy}px`;
    }
    if (Math.abs(dx) > 1) {
      if (rtl) wrap.style.left = `${rect.left + 4 - dx}px`;
      else wrap.style.right = `${innerWidth - rect.right + 4 + dx}px`;
    }
  }

  /** Watches the item the box answers now: a box that stays on the page answers a new item
   * (Mastodon's compose form, a video's comment box) or a new reply after a sent one. */
  function track(session: Session, itemKey: string | undefined) {
    session.itemKey = itemKey;
    session.before = null;
    session.acknowledged = false;
    session.conflict = undefined;
    if (itemKey) void readBaseline(session);
  }

  function recheck(session: Session) {
    const hadText = session.text.trim() !== '';
    session.text = editorText(session.root);
    // The box emptied (the reply went, or the member cleared it): the next reply starts afresh.
    if (hadText && session.text.trim() === '' && !session.held) track(session, session.itemKey);
    session.result = check(session, session.text);
    render(session);
  }

  async function fix(session: Session, issue: VoiceIssue) {
    if (issue.kind !== 'banned-term') return;
    // The offsets are from the last check; the text may have changed since.
    const text = editorText(session.root);
    const fresh = check(session, text).issues.filter((i): i is Extract<VoiceIssue, { kind: 'banned-term' }> => i.kind === 'banned-term' && i.term === issue.term);
    const target = fresh.find((i) => i.start === issue.start) ?? fresh[0];
    if (!target?.preferred) return;
    const fixed = applyFix(text, target);
    const replacement = fixed.slice(target.start, fixed.length - (text.length - target.end));
    await insertText(session.root, replacement, { replace: { start: target.start, end: target.end } });
    recheck(session);
  }

  /** The box's session; on a focus (`focused`), following the item the box answers now. */
  function sessionFor(root: Element, composer: Element, focused = false): Session {
    let session = sessions.get(root);
    if (session && !session.bar.host.isConnected) {
      // The site re-rendered around the editor: put the bar back after it.
      root.after(session.bar.host);
    }
    if (session) {
      if (focused) {
        const itemKey = itemForComposer(adapter, composer)?.item.itemKey;
        if (itemKey !== session.itemKey) track(session, itemKey);
      }
      return session;
    }
    const bar = createBar({ dir, theme: pageTheme(document) });
    root.after(bar.host);
    const text = editorText(root);
    const created: Session = {
      root,
      composer,
      bar,
      text,
      result: { score: 100, issues: [] },
      itemKey: itemForComposer(adapter, composer)?.item.itemKey,
      before: null,
      acknowledged: false,
      lastPoll: 0,
    };
    session = created;
    session.result = check(session, text);
    sessions.set(root, session);
    resizeObserver.observe(root);
    if (session.itemKey) void readBaseline(session);
    render(session);
    // The bar grows when its issues or the warning open: place it again then.
    const wrap = bar.wrap();
    if (wrap) {
      wrapOwners.set(wrap, session);
      resizeObserver.observe(wrap);
    }
    return session;
  }

  async function statusOf(itemKey: string) {
    const statuses = await sendMessage('itemStatus', { teamId: host.page().teamId, itemKeys: [itemKey] }).catch(() => undefined);
    return statuses?.[itemKey];
  }

  async function readBaseline(session: Session) {
    const itemKey = session.itemKey!;
    const statuses = await sendMessage('itemStatus', { teamId: host.page().teamId, itemKeys: [itemKey] }).catch(() => undefined);
    // Unread (the background did not answer): stay unarmed rather than take an old answer for a new one.
    if (statuses && session.itemKey === itemKey) session.before = statuses[itemKey]?.answered;
  }

  async function pollTraffic(session: Session) {
    if (!session.itemKey || session.before === null || session.acknowledged || session.conflict) return;
    session.lastPoll = Date.now();
    const status = await statusOf(session.itemKey);
    const answer = newTeammateAnswer(session.before, status?.answered);
    if (answer && !session.acknowledged && sessions.get(session.root) === session) {
      session.conflict = answer;
      render(session);
    }
  }

  // A teammate's answer arriving is pushed by the background (teamChanged): look at once,
  // not at the next poll.
  const stopTeamChanged = host.onTeamChanged?.(() => {
    if (document.visibilityState !== 'visible') return;
    for (const session of sessions.values()) if (session.text.trim()) void pollTraffic(session);
  });
  if (stopTeamChanged) signal.addEventListener('abort', stopTeamChanged);

  const wrapOwners = new WeakMap<Element, Session>();
  const resizeObserver = new ResizeObserver((entries) => {
    for (const entry of entries) {
      const session = sessions.get(entry.target) ?? wrapOwners.get(entry.target);
      if (session) place(session);
    }
  });

  let placing = 0;
  const placeAll = () => {
    if (placing) return;
    placing = requestAnimationFrame(() => {
      placing = 0;
      for (const session of sessions.values()) place(session);
    });
  };
  addEventListener('scroll', placeAll, { capture: true, passive: true, signal });
  addEventListener('resize', placeAll, { passive: true, signal });

  const sweep = setInterval(() => {
    for (const [root, session] of sessions) {
      if (root.isConnected) continue;
      clearTimeout(session.timer);
      const wrap = session.bar.wrap();
      if (wrap) resizeObserver.unobserve(wrap);
      session.bar.remove();
      resizeObserver.unobserve(root);
      sessions.delete(root);
    }
    // A teammate's answer is looked for while a draft is being written, in a visible tab.
    if (document.visibilityState !== 'visible') return;
    const now = Date.now();
    for (const session of sessions.values()) {
      if (session.text.trim() && now - session.lastPoll >= TRAFFIC_POLL_MS) void pollTraffic(session);
    }
  }, Math.min(SWEEP_MS, TRAFFIC_POLL_MS));

  const composerOf = (target: EventTarget | undefined) => {
    if (!(target instanceof Element)) return undefined;
    const root = editorRoot(target);
    const composer = composerFor(adapter, root);
    return composer ? { root, composer } : undefined;
  };

  document.addEventListener(
    'focusin',
    (event) => {
      const found = composerOf(event.composedPath()[0]);
      if (found) sessionFor(found.root, found.composer, true);
    },
    { capture: true, signal },
  );
  document.addEventListener(
    'input',
    (event) => {
      const found = composerOf(event.composedPath()[0]);
      if (!found) return;
      const session = sessionFor(found.root, found.composer);
      clearTimeout(session.timer);
      session.timer = setTimeout(() => recheck(session), CHECK_DELAY_MS);
    },
    { capture: true, signal },
  );

  // ---- the traffic cop's hold: on window, in the capture phase, before the site and capture.ts ----

  const hold = (session: Session | undefined, event: Event, resume: () => void): boolean => {
    if (!session?.conflict || session.acknowledged || session.held) return false;
    event.preventDefault();
    event.stopImmediatePropagation();
    session.held = resume;
    render(session);
    session.bar.focusWarning();
    return true;
  };
  addEventListener(
    'click',
    (event) => {
      if (sessions.size === 0) return;
      const button = submitButtonOf(event.composedPath()[0]);
      if (!button || button.closest('chorus-composer')) return;
      const composer = composerForButton(adapter, button);
      if (!composer) return;
      const session = sessions.get(editorRoot(composer));
      hold(session, event, () => (button as HTMLElement).click());
    },
    { capture: true, signal },
  );
  addEventListener(
    'keydown',
    (event) => {
      if (sessions.size === 0 || !isSendKey(event)) return;
      const target = event.composedPath()[0];
      const found = composerOf(target);
      if (!found || !(event.ctrlKey || event.metaKey || adapter.enterSends?.(found.composer))) return;
      // keyCode/which too: Draft.js (and older Lexical) read those, not key.
      const init = { key: 'Enter', code: 'Enter', keyCode: 13, which: 13, ctrlKey: event.ctrlKey, metaKey: event.metaKey, bubbles: true, cancelable: true, composed: true };
      hold(sessions.get(found.root), event, () => {
        (found.root as HTMLElement).focus();
        found.root.dispatchEvent(new KeyboardEvent('keydown', init));
      });
    },
    { capture: true, signal },
  );

  signal.addEventListener('abort', () => {
    clearInterval(sweep);
    resizeObserver.disconnect();
    for (const session of sessions.values()) {
      clearTimeout(session.timer);
      session.bar.remove();
    }
    sessions.clear();
  });

  return {
    attachFocused() {
      const found = composerOf(document.activeElement ?? undefined);
      if (found) sessionFor(found.root, found.composer, true);
    },
    voiceScore(composer, text) {
      const session = sessions.get(editorRoot(composer));
      return session && text.trim() ? check(session, text).score : undefined;
    },
  };
}
