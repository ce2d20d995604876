// With several teams connected: which team's settings, templates and voice the page shows.
// Sticky, so the member always sees whose library they are editing.
import { i18n } from '#i18n';
import type { Connection } from '../../connection';

export function TeamPicker({ connections, value, onChange }: { connections: Connection[]; value: string; onChange: (teamId: string) => void }) {
  return (
    <nav class="team-picker" aria-label={i18n.t('teamPickerLabel')}>
      <label for="team-picker">{i18n.t('teamPickerLabel')}</label>
      <select id="team-picker" value={value} onChange={(event) => onChange(event.currentTarget.value)}>
        {connections.map((c) => (
          <option key={c.team.id} value={c.team.id} dir="auto">
            {c.team.name}
          </option>
        ))}
      </select>
    </nav>
  );
}
