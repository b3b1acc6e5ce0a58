// The privacy policy page (privacy.html): what is stored, where, and that nothing is sent.
// Language: `?lang=en|fr` when linked from a store listing, otherwise the user's language.
import { useI18n } from '../i18n';
import { PRIVACY } from '@/lib/i18n/privacy';
import type { Lang } from '@/lib/i18n';

export function PrivacyPage() {
  const { lang: userLang } = useI18n();
  const asked = new URLSearchParams(location.search).get('lang');
  const lang: Lang = asked === 'fr' || asked === 'en' ? asked : userLang;
  const p = PRIVACY[lang];
  const other: Lang = lang === 'fr' ? 'en' : 'fr';
  return (
    <div lang={lang} className="min-h-screen bg-white text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <main className="mx-auto max-w-3xl px-5 py-8 text-[15px] leading-relaxed">
        <p className="mb-4 text-right text-sm">
          <a href={`?lang=${other}`} hrefLang={other} lang={other} className="text-blue-700 underline dark:text-blue-300">
            {p.otherLanguage}
          </a>
        </p>
        <h1 className="text-2xl font-semibold">{p.title}</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">{p.updated}</p>
        <p className="mt-4 rounded-md bg-emerald-50 p-3 font-medium text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100" data-testid="privacy-summary">
          {p.summary}
        </p>
        {p.sections.map((s) => (
          <section key={s.heading} className="mt-6">
            <h2 className="text-lg font-semibold">{s.heading}</h2>
            {s.paragraphs?.map((t) => (
              <p key={t} className="mt-2">
                {t}
              </p>
            ))}
            {s.items && (
              <ul className="mt-2 list-disc space-y-1 pl-6">
                {s.items.map((i) => (
                  <li key={i.text}>{i.text}</li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </main>
    </div>
  );
}
