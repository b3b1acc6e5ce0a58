// Under the recognition fields (domain, website, LinkedIn page): the keys pages will be matched
// on, what gives none and why, and other accounts that already hold a key ("open / link instead").
// Shared by the sidebar's create form and the dashboard's account forms.
import type { AccountKeysPreview } from '@/lib/messaging/protocol';
import { displayDomain } from '@/lib/keys/display';
import type { MessageKey } from '@/lib/i18n';
import { useI18n } from '../i18n';
import { Button } from './index';

const showKey = (k: string) => (k.startsWith('https://www.linkedin.com/') ? k.replace('https://www.', '') : displayDomain(k));

export function KeyPreview({ preview, onOpen, onLink }: { preview: AccountKeysPreview | null; onOpen?(id: string): void; onLink?(id: string): void }) {
  const { t } = useI18n();
  if (!preview) return null;
  const keys = [...preview.domains.filter((d) => !preview.mailHosts.includes(d)), ...preview.linkedinUrls];
  return (
    <div className="mt-1 space-y-0.5 text-xs" aria-live="polite" data-testid="key-preview">
      {keys.length ? (
        <p className="text-emerald-800 dark:text-emerald-300">{t('matchesOn', { keys: keys.map(showKey).join(', ') })}</p>
      ) : (
        <p className="text-slate-500 dark:text-slate-400">{t('noKeysYet')}</p>
      )}
      {preview.problems.map((p) => (
        <p key={p.field + p.value} role="alert" className="text-red-700 dark:text-red-300">
          {p.code === 'public_suffix' ? t('keyProblem_public_suffix', { value: displayDomain(p.host ?? p.value) }) : t(`keyProblem_${p.code}` as MessageKey, { value: p.value })}
        </p>
      ))}
      {preview.mailHosts.map((d) => (
        <p key={d} className="text-amber-800 dark:text-amber-300">
          {t('mailHostWarning', { domain: displayDomain(d) })}
        </p>
      ))}
      {preview.owners.map((o) => (
        <p key={o.id + o.key} className="flex flex-wrap items-center gap-1 text-amber-900 dark:text-amber-200" data-testid="key-owner">
          <span>{t('keyOwnedBy', { name: o.name, key: showKey(o.key.slice(o.key.indexOf(':') + 1)) })}</span>
          {onOpen && (
            <Button variant="ghost" onClick={() => onOpen(o.id)}>
              {t('openAccount')}
            </Button>
          )}
          {onLink && (
            <Button variant="ghost" onClick={() => onLink(o.id)}>
              {t('linkInstead')}
            </Button>
          )}
        </p>
      ))}
    </div>
  );
}
