// The brand voice: banned terms with what to say instead, sign-off, emoji policy,
// exclamation limit, formality and length per platform. Managers edit it (saved with
// If-Match); everyone can try a sample reply against the rules as they stand in the form.
import { i18n } from '#i18n';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { PLATFORM_NAMES } from '../../../shared/platforms';
import { PLATFORMS, type Platform, type Voice, VoiceRules } from '../../../shared/schemas';
import { applyFix, checkVoice, LENGTH_DEFAULTS } from '../../../shared/voice';
import { xWeightedLength } from '../../../shared/voice-x';
import type { Connection } from '../../connection';
import { formatCount } from '../../ui/format';
import { describeVoiceIssue, scoreLevel } from '../../ui/voiceIssues';
import { failureText, type TeamFailure } from './teamApi';
import { fetchVoice, saveVoice } from './voiceApi';

interface Draft {
  terms: { term: string; preferred: string }[];
  signOff: string;
  emojiPolicy: VoiceRules['emojiPolicy'];
  maxExclamations: string;
  formality: VoiceRules['formality'];
  lengths: Partial<Record<Platform, string>>;
}

const toDraft = (v: VoiceRules): Draft => ({
  terms: v.bannedTerms.map((t) => ({ term: t.term, preferred: t.preferred ?? '' })),
  signOff: v.signOff ?? '',
  emojiPolicy: v.emojiPolicy,
  maxExclamations: String(v.maxExclamations),
  formality: v.formality,
  lengths: Object.fromEntries(Object.entries(v.lengthByPlatform).map(([p, n]) => [p, String(n)])),
});

/** The draft as rules, or the first problem with the input it belongs to. Empty term rows
 * are dropped (an added row left blank is not an error). */
function fromDraft(d: Draft): { ok: true; rules: VoiceRules } | { ok: false; message: string; input: string } {
  const lengthByPlatform: Partial<Record<Platform, number>> = {};
  for (const [platform, text] of Object.entries(d.lengths) as [Platform, string][]) {
    if (text.trim()) lengthByPlatform[platform] = Number(text);
  }
  const candidate = {
    bannedTerms: d.terms
      .filter((t) => t.term.trim() || t.preferred.trim())
      .map((t) => ({ term: t.term, preferred: t.preferred.trim() ? t.preferred : null })),
    signOff: d.signOff.trim() ? d.signOff.trim() : null,
    emojiPolicy: d.emojiPolicy,
    maxExclamations: d.maxExclamations.trim() === '' ? Number.NaN : Number(d.maxExclamations),
    formality: d.formality,
    lengthByPlatform,
  };
  const parsed = VoiceRules.safeParse(candidate);
  if (parsed.success) return { ok: true, rules: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, message: i18n.t('voiceInvalid'), input: inputFor(issue.path.map(String).join('.')) };
}

/** The form control a field path (ours or the server's) belongs to. */
function inputFor(field: string | undefined): string {
  const [head, index, part] = (field ?? '').split('.');
  if (head === 'bannedTerms') return `voice-term-${index ?? 0}-${part === 'preferred' ? 'preferred' : 'term'}`;
  if (head === 'lengthByPlatform') return `voice-length-${index ?? 'x'}`;
  if (head === 'signOff') return 'voice-sign-off';
  if (head === 'maxExclamations') return 'voice-exclamations';
  return 'voice-sign-off';
}

type Load = { status: 'loading' } | { status: 'ready' } | { status: 'failed'; failure: TeamFailure };

export function VoiceEditor({ connection, locale }: { connection: Connection; locale: string }) {
  const editable = connection.member.role !== 'member';
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [version, setVersion] = useState(0);
  const [draft, setDraft] = useState<Draft>();
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<{ message: string; input?: string }>();
  const [conflict, setConflict] = useState<Voice>();
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    const abort = new AbortController();
    setLoad({ status: 'loading' });
    void fetchVoice(connection, abort.signal).then((result) => {
      if (abort.signal.aborted) return;
      if (result.ok) {
        setDraft(toDraft(result.voice));
        setVersion(result.voice.version);
        setLoad({ status: 'ready' });
      } else {
        setLoad({ status: 'failed', failure: result.conflict ? { kind: 'unexpected', status: 409 } : result.failure });
      }
    });
    return () => abort.abort();
  }, [connection, attempt]);

  useEffect(() => {
    if (error?.input) formRef.current?.querySelector<HTMLElement>(`#${error.input}`)?.focus();
  }, [error]);

  function change(patch: Partial<Draft>) {
    setDraft((current) => current && { ...current, ...patch });
    setSaved(false);
  }
  const setTerm = (index: number, patch: Partial<Draft['terms'][number]>) =>
    draft && change({ terms: draft.terms.map((t, i) => (i === index ? { ...t, ...patch } : t)) });

  async function save(againstVersion: number) {
    if (!draft || !editable) return;
    const checked = fromDraft(draft);
    if (!checked.ok) {
      setError({ message: checked.message, input: checked.input });
      return;
    }
    setSaving(true);
    setSaved(false);
    setError(undefined);
    try {
      const result = await saveVoice(connection, againstVersion, checked.rules);
      if (result.ok) {
        setDraft(toDraft(result.voice));
        setVersion(result.voice.version);
        setConflict(undefined);
        setSaved(true);
      } else if (result.conflict) {
        setConflict(result.conflict);
      } else {
        const field = result.failure.kind === 'api' ? result.failure.field : undefined;
        setError({ message: failureText(result.failure), ...(field ? { input: inputFor(field) } : {}) });
      }
    } finally {
      setSaving(false);
    }
  }

  function takeTheirs(theirs: Voice) {
    setDraft(toDraft(theirs));
    setVersion(theirs.version);
    setConflict(undefined);
  }

  const invalid = (id: string) => (error?.input === id ? { 'aria-invalid': true as const, 'aria-describedby': 'voice-error' } : {});

  return (
    <section class="card voice" aria-labelledby="voice-title" aria-busy={load.status === 'loading'}>
      <h2 id="voice-title">{i18n.t('voiceTitle')}</h2>
      {load.status === 'loading' && <p class="muted">{i18n.t('loading')}</p>}
      {load.status === 'failed' && (
        <div class="notice error" role="alert">
          <p>{failureText(load.failure)}</p>
          <button type="button" class="secondary" onClick={() => setAttempt((n) => n + 1)}>
            {i18n.t('tryAgain')}
          </button>
        </div>
      )}
      {load.status === 'ready' && draft && (
        <>
          <form
            ref={formRef}
            class="voice-form"
            noValidate
            aria-busy={saving}
            onSubmit={(event) => {
              event.preventDefault();
              void save(version);
            }}
          >
            {!editable && <p class="notice info">{i18n.t('voiceReadOnly')}</p>}
            <fieldset class="plain" disabled={!editable || saving}>
              <fieldset class="group">
                <legend>{i18n.t('voiceBannedTerms')}</legend>
                <p class="muted small">{i18n.t('voiceBannedHint')}</p>
                {draft.terms.length > 0 && (
                  <ul class="terms">
                    {draft.terms.map((t, i) => (
                      <li key={i} class="term-row">
                        <input
                          id={`voice-term-${i}-term`}
                          type="text"
                          dir="auto"
                          aria-label={i18n.t('voiceTermLabel', { n: formatCount(i + 1, locale) })}
                          placeholder={i18n.t('voiceTermPlaceholder')}
                          value={t.term}
                          onInput={(event) => setTerm(i, { term: event.currentTarget.value })}
                          {...invalid(`voice-term-${i}-term`)}
                        />
                        <span class="arrow" aria-hidden="true">
                          →
                        </span>
                        <input
                          id={`voice-term-${i}-preferred`}
                          type="text"
                          dir="auto"
                          aria-label={i18n.t('voicePreferredLabel', { n: formatCount(i + 1, locale) })}
                          placeholder={i18n.t('voicePreferredPlaceholder')}
                          value={t.preferred}
                          onInput={(event) => setTerm(i, { preferred: event.currentTarget.value })}
                          {...invalid(`voice-term-${i}-preferred`)}
                        />
                        <button
                          type="button"
                          class="secondary small"
                          aria-label={i18n.t('voiceTermRemove', { term: t.term || formatCount(i + 1, locale) })}
                          onClick={() => change({ terms: draft.terms.filter((_, j) => j !== i) })}
                        >
                          {i18n.t('remove')}
                        </button>
                      </li>
                    ))}
                  </ul>
                )}
                <button type="button" class="secondary small" onClick={() => change({ terms: [...draft.terms, { term: '', preferred: '' }] })}>
                  {i18n.t('voiceTermAdd')}
                </button>
              </fieldset>

              <fieldset class="group voice-style">
                <legend>{i18n.t('voiceStyle')}</legend>
                <div class="field wide">
                  <label for="voice-sign-off">{i18n.t('voiceSignOff')}</label>
                  <input
                    id="voice-sign-off"
                    type="text"
                    dir="auto"
                    value={draft.signOff}
                    aria-describedby="voice-sign-off-hint"
                    onInput={(event) => change({ signOff: event.currentTarget.value })}
                    {...invalid('voice-sign-off')}
                  />
                  <span id="voice-sign-off-hint" class="muted small">
                    {i18n.t('voiceSignOffHint')}
                  </span>
                </div>
                <div class="field">
                  <label for="voice-formality">{i18n.t('voiceFormality')}</label>
                  <select id="voice-formality" value={draft.formality} onChange={(event) => change({ formality: event.currentTarget.value as Draft['formality'] })}>
                    <option value="casual">{i18n.t('voiceFormalityCasual')}</option>
                    <option value="neutral">{i18n.t('voiceFormalityNeutral')}</option>
                    <option value="formal">{i18n.t('voiceFormalityFormal')}</option>
                  </select>
                </div>
                <div class="field">
                  <label for="voice-emoji">{i18n.t('voiceEmoji')}</label>
                  <select id="voice-emoji" value={draft.emojiPolicy} onChange={(event) => change({ emojiPolicy: event.currentTarget.value as Draft['emojiPolicy'] })}>
                    <option value="none">{i18n.t('voiceEmojiNone')}</option>
                    <option value="sparing">{i18n.t('voiceEmojiSparing')}</option>
                    <option value="free">{i18n.t('voiceEmojiFree')}</option>
                  </select>
                </div>
                <div class="field">
                  <label for="voice-exclamations">{i18n.t('voiceExclamations')}</label>
                  <input
                    id="voice-exclamations"
                    type="number"
                    min={0}
                    max={20}
                    inputMode="numeric"
                    value={draft.maxExclamations}
                    onInput={(event) => change({ maxExclamations: event.currentTarget.value })}
                    {...invalid('voice-exclamations')}
                  />
                </div>
              </fieldset>

              <fieldset class="group">
                <legend>{i18n.t('voiceLengths')}</legend>
                <p class="muted small">{i18n.t('voiceLengthsHint')}</p>
                <div class="lengths">
                  {PLATFORMS.map((platform) => (
                    <div class="field" key={platform}>
                      <label for={`voice-length-${platform}`}>{PLATFORM_NAMES[platform]}</label>
                      <input
                        id={`voice-length-${platform}`}
                        type="number"
                        min={1}
                        inputMode="numeric"
                        placeholder={formatCount(LENGTH_DEFAULTS[platform].limit, locale)}
                        value={draft.lengths[platform] ?? ''}
                        onInput={(event) => change({ lengths: { ...draft.lengths, [platform]: event.currentTarget.value } })}
                        {...invalid(`voice-length-${platform}`)}
                      />
                    </div>
                  ))}
                </div>
              </fieldset>
            </fieldset>
            {error && (
              <p id="voice-error" class="notice error" role="alert">
                {error.message}
              </p>
            )}
            {conflict && (
              <div class="notice error" role="alert">
                <p>{i18n.t('voiceConflict')}</p>
                <div class="actions">
                  <button type="button" onClick={() => void save(conflict.version)}>
                    {i18n.t('templateKeepMine')}
                  </button>
                  <button type="button" class="secondary" onClick={() => takeTheirs(conflict)}>
                    {i18n.t('templateUseTheirs')}
                  </button>
                </div>
              </div>
            )}
            {editable && (
              <div class="actions">
                <button type="submit" disabled={saving}>
                  {i18n.t('voiceSave')}
                </button>
                {saving && <span class="muted">{i18n.t('saving')}</span>}
                <span class="saved" role="status">
                  {saved ? i18n.t('voiceSaved') : ''}
                </span>
              </div>
            )}
          </form>
          <VoiceSample draft={draft} locale={locale} />
        </>
      )}
    </section>
  );
}

/** A sample reply checked live against the rules in the form (saved or not). */
function VoiceSample({ draft, locale }: { draft: Draft; locale: string }) {
  const [text, setText] = useState('');
  const [platform, setPlatform] = useState<Platform>('x');
  const rules = useMemo(() => {
    const checked = fromDraft(draft);
    return checked.ok ? checked.rules : undefined;
  }, [draft]);
  const result = useMemo(
    () => (rules ? checkVoice(text, rules, { platform, lang: locale, countWeighted: xWeightedLength }) : undefined),
    [rules, text, platform, locale],
  );

  return (
    <div class="voice-sample">
      <h3>{i18n.t('voiceTryTitle')}</h3>
      <div class="sample-controls">
        <div class="field grow">
          <label for="voice-sample">{i18n.t('voiceSample')}</label>
          <textarea id="voice-sample" dir="auto" rows={3} placeholder={i18n.t('voiceSamplePlaceholder')} value={text} onInput={(event) => setText(event.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="voice-sample-platform">{i18n.t('accountSite')}</label>
          <select id="voice-sample-platform" value={platform} onChange={(event) => setPlatform(event.currentTarget.value as Platform)}>
            {PLATFORMS.map((p) => (
              <option key={p} value={p}>
                {PLATFORM_NAMES[p]}
              </option>
            ))}
          </select>
        </div>
      </div>
      {result && text.trim() && (
        <div class="voice-result" aria-live="polite">
          <p class={`score ${scoreLevel(result.score)}`} data-testid="voice-score">
            <meter min={0} max={100} low={60} high={85} optimum={100} value={result.score} aria-hidden="true" />
            <span>{i18n.t('voiceScore', { score: formatCount(result.score, locale) })}</span>
          </p>
          {result.issues.length === 0 ? (
            <p class="muted">{i18n.t('voiceAllGood')}</p>
          ) : (
            <ul class="voice-issues">
              {result.issues.map((issue, i) => (
                <li key={`${issue.kind}-${i}`} data-kind={issue.kind}>
                  <span>{describeVoiceIssue(issue, locale, platform)}</span>
                  {issue.kind === 'banned-term' && issue.preferred && (
                    <button type="button" class="secondary small" onClick={() => setText(applyFix(text, issue))}>
                      {i18n.t('voiceFix', { preferred: issue.preferred })}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
