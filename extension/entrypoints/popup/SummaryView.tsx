// The figures: the whole team's for owners and managers, a member's own for members. One
// period at a time (today, 7 days, 30 days); the last good answer is shown when offline.
import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import type { Connection } from '../../connection';
import { formatCount, formatDuration, formatMoment, formatPercent } from '../../ui/format';
import { sendMessage } from '../../messaging';
import { BarChart } from './BarChart';
import { Breakdowns } from './Breakdowns';
import { fetchSummary, loadSaved, PERIODS, type PeriodId, queryFor, save, type Summary, type SummaryFailure } from './summary';

type View =
  | { status: 'loading' }
  | { status: 'live'; summary: Summary }
  | { status: 'saved'; summary: Summary; savedAt: string; failure: SummaryFailure }
  | { status: 'failed'; failure: SummaryFailure };

const PERIOD_LABELS: Record<PeriodId, () => string> = {
  today: () => i18n.t('periodToday'),
  week: () => i18n.t('periodWeek'),
  month: () => i18n.t('periodMonth'),
};

export function SummaryView({ connection, locale, rtl, reloadKey }: { connection: Connection; locale: string; rtl: boolean; reloadKey: number }) {
  const manager = connection.member.role !== 'member';
  // Managers look at the week's trend; a member starts from their own day.
  const [period, setPeriod] = useState<PeriodId>(manager ? 'week' : 'today');
  const [view, setView] = useState<View>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [waiting, setWaiting] = useState<{ count: number; oldestSeenAt?: string }>();
  const query = queryFor(period);

  useEffect(() => {
    if (manager) return;
    let live = true;
    void sendMessage('waitingItems', { teamId: connection.team.id })
      .then((found) => live && setWaiting(found))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [connection, manager, reloadKey]);

  useEffect(() => {
    const abort = new AbortController();
    setView((current) => (current.status === 'failed' ? { status: 'loading' } : current.status === 'loading' ? current : { status: 'loading' }));
    void fetchSummary(connection, query, abort.signal).then(async (result) => {
      if (abort.signal.aborted) return;
      if (result.ok) {
        setView({ status: 'live', summary: result.summary });
        await save(connection, period, result.summary);
        return;
      }
      const saved = await loadSaved(connection, period);
      if (abort.signal.aborted) return;
      setView(saved ? { status: 'saved', ...saved, failure: result.failure } : { status: 'failed', failure: result.failure });
    });
    return () => abort.abort();
  }, [connection, period, reloadKey, attempt]);

  function onTabKey(event: KeyboardEvent) {
    const index = PERIODS.findIndex((p) => p.id === period);
    const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[event.key];
    if (step === undefined) return;
    const next = PERIODS[(index + step + PERIODS.length) % PERIODS.length]!;
    setPeriod(next.id);
    (event.currentTarget as HTMLElement).querySelector<HTMLElement>(`#tab-${next.id}`)?.focus();
  }

  return (
    <section class="summary" aria-labelledby="summary-title" data-from={query.from} data-to={query.to} data-tz={query.tz}>
      <div class="summary-head">
        <h2 id="summary-title">{manager ? i18n.t('teamActivity') : i18n.t('myActivity')}</h2>
        <div class="tabs" role="tablist" aria-label={i18n.t('periodLabel')} onKeyDown={onTabKey}>
          {PERIODS.map((p) => (
            <button
              key={p.id}
              id={`tab-${p.id}`}
              type="button"
              role="tab"
              aria-selected={p.id === period}
              aria-controls="summary-panel"
              tabIndex={p.id === period ? 0 : -1}
              onClick={() => setPeriod(p.id)}
            >
              {PERIOD_LABELS[p.id]()}
            </button>
          ))}
        </div>
      </div>
      <div id="summary-panel" role="tabpanel" aria-labelledby={`tab-${period}`} aria-busy={view.status === 'loading'}>
        {view.status === 'loading' && <Loading />}
        {view.status === 'failed' && (
          <div class="notice error state" role="alert">
            <p>{failureText(view.failure)}</p>
            <button type="button" class="secondary" onClick={() => setAttempt((n) => n + 1)}>
              {i18n.t('tryAgain')}
            </button>
          </div>
        )}
        {(view.status === 'live' || view.status === 'saved') && (
          <>
            {view.status === 'saved' && (
              <p class="notice warn" role="status">
                {i18n.t('summaryAsOf', { time: formatMoment(view.savedAt, locale) })} {failureText(view.failure)}
              </p>
            )}
            <Figures summary={view.summary} manager={manager} locale={locale} rtl={rtl} waiting={manager ? undefined : waiting} />
          </>
        )}
      </div>
    </section>
  );
}

function failureText(failure: SummaryFailure): string {
  return failure.kind === 'unreachable' ? i18n.t('summaryUnreachable') : i18n.t('summaryHttpError', { status: String(failure.status) });
}

function Loading() {
  return (
    <div class="skeleton" role="status">
      <span class="visually-hidden">{i18n.t('loading')}</span>
      <div class="kpis" aria-hidden="true">
        {[0, 1, 2, 3, 4].map((n) => (
          <div key={n} class="kpi placeholder" />
        ))}
      </div>
    </div>
  );
}

interface FiguresProps {
  summary: Summary;
  manager: boolean;
  locale: string;
  rtl: boolean;
  /** A member's items waiting for a reply, from this browser's store. */
  waiting: { count: number; oldestSeenAt?: string } | undefined;
}

function Figures({ summary, manager, locale, rtl, waiting }: FiguresProps) {
  const { totals } = summary;
  const time = (ms: number | null) => (ms === null ? '–' : formatDuration(ms, locale));
  const rate = totals.responseRate === null ? '–' : formatPercent(totals.responseRate, locale);
  const kpis = manager
    ? [
        { id: 'interactions', label: i18n.t('kpiInteractions'), value: formatCount(totals.interactions, locale) },
        { id: 'replies', label: i18n.t('kpiReplies'), value: formatCount(totals.replies, locale) },
        { id: 'response-rate', label: i18n.t('kpiResponseRate'), value: rate },
        { id: 'median', label: i18n.t('kpiMedianReply'), value: time(totals.replyTimeMs.median) },
        { id: 'p90', label: i18n.t('kpiP90Reply'), value: time(totals.replyTimeMs.p90) },
      ]
    : [
        { id: 'replies', label: i18n.t('kpiMyReplies'), value: formatCount(totals.replies, locale) },
        { id: 'median', label: i18n.t('kpiMyMedianReply'), value: time(totals.replyTimeMs.median) },
        {
          id: 'waiting',
          label: i18n.t('kpiWaiting'),
          value: waiting ? formatCount(waiting.count, locale) : '–',
          ...(waiting?.oldestSeenAt ? { note: i18n.t('kpiWaitingOldest', { age: formatDuration(Date.now() - Date.parse(waiting.oldestSeenAt), locale) }) } : {}),
        },
        { id: 'interactions', label: i18n.t('kpiMyInteractions'), value: formatCount(totals.interactions, locale) },
      ];

  return (
    <>
      <dl class={`kpis ${manager ? 'five' : 'four'}`}>
        {kpis.map((kpi) => (
          <div key={kpi.id} class="kpi" data-kpi={kpi.id}>
            <dt>{kpi.label}</dt>
            <dd>{kpi.value}</dd>
            {'note' in kpi && <dd class="kpi-note">{kpi.note}</dd>}
          </div>
        ))}
      </dl>
      {totals.interactions === 0 && totals.due === 0 ? (
        <p class="empty muted">{i18n.t('emptyPeriod')}</p>
      ) : (
        <>
          {summary.byDay.length > 1 && <BarChart days={summary.byDay} locale={locale} rtl={rtl} />}
          {manager && summary.byMember.length > 0 && (
            <div class="block">
              <h3>{i18n.t('byMember')}</h3>
              <table class="members">
                <thead>
                  <tr>
                    <th scope="col">{i18n.t('colMember')}</th>
                    <th scope="col">{i18n.t('kpiInteractions')}</th>
                    <th scope="col">{i18n.t('kpiReplies')}</th>
                    <th scope="col">{i18n.t('colMedian')}</th>
                  </tr>
                </thead>
                <tbody>
                  {summary.byMember.map((m) => (
                    <tr key={m.memberId} data-member-id={m.memberId}>
                      <th scope="row" dir="auto">
                        {m.name}
                      </th>
                      <td>{formatCount(m.interactions, locale)}</td>
                      <td>{formatCount(m.replies, locale)}</td>
                      <td>{time(m.replyTimeMs.median)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Breakdowns summary={summary} locale={locale} />
        </>
      )}
    </>
  );
}
