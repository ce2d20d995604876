// The team's settings from its server. Owners and managers edit and save them; members see
// them read-only. The server validates: its message is shown, next to the field it names.
import { i18n } from '#i18n';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { TeamSettings } from '../../../shared/schemas';
import type { Connection } from '../../connection';
import { timeZones, weekdays } from '../../ui/weekdays';
import { failureText, fetchTeam, saveTeamSettings, type TeamFailure } from './teamApi';

/** The SLA inputs, one per actionable category. */
const SLA_FIELDS = [
  { category: 'question', label: 'slaQuestion' },
  { category: 'complaint', label: 'slaComplaint' },
] as const;

interface Draft {
  timeZone: string;
  days: number[];
  open: string;
  close: string;
  question: string;
  complaint: string;
  syncReplyText: boolean;
}

type Load = { status: 'loading' } | { status: 'failed'; failure: TeamFailure } | { status: 'ready' };

/** The input each `error.field` of PATCH /v1/team points at, most specific first. */
const FIELD_INPUTS: [string, string][] = [
  ['settings.timeZone', 'tz'],
  ['settings.businessHours.open', 'open-at'],
  ['settings.businessHours.close', 'close-at'],
  ['settings.businessHours', 'day-1'],
  ['settings.slaMinutes.question', 'sla-question'],
  ['settings.slaMinutes.complaint', 'sla-complaint'],
  ['settings.syncReplyText', 'sync-reply-text'],
];

const inputFor = (field: string | undefined) => (field ? FIELD_INPUTS.find(([path]) => field.startsWith(path))?.[1] : undefined);

function toDraft(settings: TeamSettings): Draft {
  return {
    timeZone: settings.timeZone,
    days: [...settings.businessHours.days],
    open: settings.businessHours.open,
    close: settings.businessHours.close,
    question: String(settings.slaMinutes.question),
    complaint: String(settings.slaMinutes.complaint),
    syncReplyText: settings.syncReplyText,
  };
}

function fromDraft(draft: Draft): TeamSettings {
  return {
    timeZone: draft.timeZone,
    businessHours: { days: [...draft.days].sort((a, b) => a - b), open: draft.open, close: draft.close },
    slaMinutes: { question: Number(draft.question), complaint: Number(draft.complaint) },
    syncReplyText: draft.syncReplyText,
  };
}

export function TeamSettingsForm({ connection }: { connection: Connection }) {
  const editable = connection.member.role !== 'member';
  const locale = i18n.t('lang');
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [draft, setDraft] = useState<Draft>();
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<{ message: string; input?: string }>();
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    const abort = new AbortController();
    setLoad({ status: 'loading' });
    void fetchTeam(connection, abort.signal).then((result) => {
      if (abort.signal.aborted) return;
      if (result.ok) {
        setDraft(toDraft(result.team.settings));
        setLoad({ status: 'ready' });
      } else {
        setLoad({ status: 'failed', failure: result.failure });
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

  function toggleDay(day: number, on: boolean) {
    if (!draft) return;
    change({ days: on ? [...new Set([...draft.days, day])] : draft.days.filter((d) => d !== day) });
  }

  async function save(event: Event) {
    event.preventDefault();
    if (!draft || !editable) return;
    setSaving(true);
    setSaved(false);
    setError(undefined);
    try {
      const result = await saveTeamSettings(connection, fromDraft(draft));
      if (result.ok) {
        setDraft(toDraft(result.team.settings));
        setSaved(true);
      } else {
        const input = result.failure.kind === 'api' ? inputFor(result.failure.field) : undefined;
        setError(input ? { message: failureText(result.failure), input } : { message: failureText(result.failure) });
      }
    } finally {
      setSaving(false);
    }
  }

  const invalid = (id: string) =>
    error?.input === id ? { 'aria-invalid': true as const, 'aria-describedby': 'settings-error' } : {};

  return (
    <section class="card" aria-labelledby="settings-title" aria-busy={load.status === 'loading'}>
      <h2 id="settings-title">{i18n.t('settingsTitle')}</h2>
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
        <form ref={formRef} class="settings" noValidate onSubmit={(event) => void save(event)} aria-busy={saving}>
          {!editable && <p class="notice info">{i18n.t('settingsReadOnly')}</p>}
          <fieldset class="plain" disabled={!editable || saving}>
            <div class="field">
              <label for="tz">{i18n.t('timeZone')}</label>
              <select id="tz" value={draft.timeZone} onChange={(event) => change({ timeZone: event.currentTarget.value })} {...invalid('tz')}>
                {timeZones(draft.timeZone).map((zone) => (
                  <option key={zone} value={zone}>
                    {zone}
                  </option>
                ))}
              </select>
            </div>

            <fieldset class="group">
              <legend>{i18n.t('businessHours')}</legend>
              <div class="days" role="group" aria-label={i18n.t('businessDays')}>
                {weekdays(locale).map(({ day, name }) => (
                  <label key={day} class="day">
                    <input
                      id={`day-${day}`}
                      type="checkbox"
                      value={day}
                      checked={draft.days.includes(day)}
                      onChange={(event) => toggleDay(day, event.currentTarget.checked)}
                      {...(day === 1 ? invalid('day-1') : {})}
                    />
                    <span>{name}</span>
                  </label>
                ))}
              </div>
              <div class="row">
                <div class="field">
                  <label for="open-at">{i18n.t('opensAt')}</label>
                  <input id="open-at" type="time" value={draft.open} onInput={(event) => change({ open: event.currentTarget.value })} {...invalid('open-at')} />
                </div>
                <div class="field">
                  <label for="close-at">{i18n.t('closesAt')}</label>
                  <input id="close-at" type="time" value={draft.close} onInput={(event) => change({ close: event.currentTarget.value })} {...invalid('close-at')} />
                </div>
              </div>
            </fieldset>

            <fieldset class="group">
              <legend>{i18n.t('slaTitle')}</legend>
              <p class="muted small hint">{i18n.t('slaHint')}</p>
              <div class="row">
                {SLA_FIELDS.map(({ category, label }) => (
                  <div class="field" key={category}>
                    <label for={`sla-${category}`}>{i18n.t(label)}</label>
                    <input
                      id={`sla-${category}`}
                      type="number"
                      inputMode="numeric"
                      min={1}
                      max={43200}
                      value={draft[category]}
                      onInput={(event) => change({ [category]: event.currentTarget.value })}
                      {...invalid(`sla-${category}`)}
                    />
                  </div>
                ))}
              </div>
            </fieldset>

            <div class="toggle">
              <input
                id="sync-reply-text"
                type="checkbox"
                checked={draft.syncReplyText}
                aria-describedby="sync-reply-text-hint"
                onChange={(event) => change({ syncReplyText: event.currentTarget.checked })}
                {...invalid('sync-reply-text')}
              />
              <div>
                <label for="sync-reply-text">{i18n.t('syncReplyText')}</label>
                <p id="sync-reply-text-hint" class="muted small">
                  {i18n.t('syncReplyTextHint')}
                </p>
              </div>
            </div>
          </fieldset>

          {error && (
            <p id="settings-error" class="notice error" role="alert">
              {error.message}
            </p>
          )}
          {editable && (
            <div class="actions">
              <button type="submit" disabled={saving}>
                {saving ? i18n.t('saving') : i18n.t('saveSettings')}
              </button>
              <span class="saved" role="status">
                {saved ? i18n.t('settingsSaved') : ''}
              </span>
            </div>
          )}
        </form>
      )}
    </section>
  );
}
