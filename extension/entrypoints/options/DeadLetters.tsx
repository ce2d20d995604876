// Records the server refused for good (kind, id, reason, time), from the local database.
import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import type { DeadLetter } from '../../db';
import { formatMoment } from '../../ui/format';
import { deadLetters } from './deadLetters';

export function DeadLetters({ teamId, locale }: { teamId: string; locale: string }) {
  const [rows, setRows] = useState<DeadLetter[]>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    void deadLetters(teamId)
      .catch(() => [])
      .then((found) => live && setRows(found));
    return () => {
      live = false;
    };
  }, [teamId, attempt]);

  return (
    <section class="card" aria-labelledby="dead-title" aria-busy={rows === undefined}>
      <div class="card-head">
        <h2 id="dead-title">{i18n.t('deadLettersTitle')}</h2>
        <button type="button" class="secondary small" onClick={() => setAttempt((n) => n + 1)}>
          {i18n.t('refresh')}
        </button>
      </div>
      {rows && rows.length === 0 && <p class="empty muted">{i18n.t('deadLettersEmpty')}</p>}
      {rows && rows.length > 0 && (
        <>
          <p class="muted">{i18n.t('deadLettersIntro')}</p>
          <table class="dead">
            <thead>
              <tr>
                <th scope="col">{i18n.t('colKind')}</th>
                <th scope="col">{i18n.t('colId')}</th>
                <th scope="col">{i18n.t('colReason')}</th>
                <th scope="col">{i18n.t('colTime')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={`${row.kind}:${row.id}`} data-id={row.id}>
                  <td>{row.kind === 'interactions' ? i18n.t('kindInteraction') : i18n.t('kindItem')}</td>
                  <td class="code">
                    <span dir="ltr">{row.id}</span>
                  </td>
                  <td dir="auto">{row.reason}</td>
                  <td class="nowrap">{formatMoment(row.at, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
