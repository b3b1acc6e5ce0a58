// Editable account fields. Only the fields the user changed are sent (field-level patch against
// the revision the form loaded), so an edit made meanwhile in another tab on another field is
// kept, and the same field changed on both sides is shown for review.
import { TIERS, type Account, type Scores } from '@/lib/db/model';
import { patchAccount } from '@/lib/db/repo';
import { addDays, today } from '@/lib/dates/calendar-date';
import type { MessageKey } from '@/lib/i18n';
import { canonicalCompanyUrl, domainKey } from '@/lib/keys';
import { displayDomain } from '@/lib/keys/display';
import { useI18n } from '../../i18n';
import { KeyPreview } from '../../ui/KeyPreview';
import { useKeyPreview } from './useKeyPreview';
import { Button } from '../../ui';
import { useWrite } from '../write';
import { useRecordEdit } from '../useRecordEdit';
import { useQuickEdit } from '../useQuickEdit';
import { ConflictReview } from '../../ui/ConflictReview';
import { Card, DateInput, NumberInput, Select, TextArea, TextInput, splitList } from '../fields';

interface Draft {
  name: string;
  tier: Account['tier'];
  currency: string;
  currentRevenue?: number;
  potentialRevenue?: number;
  renewalAt?: string;
  reviewCadenceDays?: number;
  nextReviewAt?: string;
  domains: string;
  linkedinUrls: string;
  aliases: string;
  website: string;
  industry: string;
  owner: string;
  tags: string;
  scores: Scores;
}
const toDraft = (a: Account): Draft => ({
  name: a.name,
  tier: a.tier,
  currency: a.currency,
  currentRevenue: a.currentRevenue,
  potentialRevenue: a.potentialRevenue,
  renewalAt: a.renewalAt,
  reviewCadenceDays: a.reviewCadenceDays,
  nextReviewAt: a.nextReviewAt,
  domains: a.domains.map(displayDomain).join(', '),
  linkedinUrls: a.linkedinUrls.join('\n'),
  aliases: a.aliases.join(', '),
  website: a.website ?? '',
  industry: a.industry ?? '',
  owner: a.owner ?? '',
  tags: a.tags.join(', '),
  scores: { ...a.scores },
});
const SCORE_KEYS = ['revenue', 'potential', 'growth', 'strategicFit', 'relationship', 'access'] as const;

/** The draft as stored values (canonical keys: "Müller-Logistik.de" is the stored xn-- key); empty optional fields are undefined. */
function valuesOf(d: Draft): Record<string, unknown> {
  return {
    name: d.name,
    tier: d.tier,
    currency: d.currency.trim().toUpperCase(),
    currentRevenue: d.currentRevenue ?? 0,
    potentialRevenue: d.potentialRevenue ?? 0,
    renewalAt: d.renewalAt,
    reviewCadenceDays: d.reviewCadenceDays,
    nextReviewAt: d.nextReviewAt,
    domains: splitList(d.domains).map((x) => domainKey(x) ?? x),
    linkedinUrls: splitList(d.linkedinUrls, /[\s,]+/).map((x) => canonicalCompanyUrl(x) ?? x),
    aliases: splitList(d.aliases),
    website: d.website.trim() || undefined,
    industry: d.industry.trim() || undefined,
    owner: d.owner.trim() || undefined,
    tags: splitList(d.tags),
    scores: d.scores,
  };
}

export function AccountDetails({ account }: { account: Account }) {
  const { t } = useI18n();
  const write = useWrite();
  // Only the fields the user changed are sent, with the values and revision this form loaded:
  // a stale tab saving one field keeps another tab's edits to other fields (useRecordEdit).
  const edit = useRecordEdit<Account, Draft>({
    record: account,
    revOf: (a) => a.rev ?? 0,
    toDraft,
    valuesOf,
    submit: (p, onConflict) => write((db) => patchAccount(db, account.id, p), ['accounts'], { ok: t('accountSaved'), onConflict }),
  });
  const d = edit.draft;
  const dirty = edit.dirty;
  const set = edit.set;
  // What pages will be recognised by, as typed now (and who else holds those keys).
  const preview = useKeyPreview({ domains: splitList(d.domains), website: d.website.trim() || undefined, linkedinUrls: splitList(d.linkedinUrls, /[\s,]+/) }, account.id);
  const save = edit.save;
  const reviewed = useQuickEdit();
  const markReviewed = () => {
    const days = account.reviewCadenceDays;
    void reviewed(account, 'nextReviewAt', addDays(today(), days), (p, onConflict) => write((db) => patchAccount(db, account.id, p), ['accounts'], { ok: t('markReviewed', { days }), onConflict }));
  };
  return (
    <Card
      title={t('accountDetails')}
      id="sec-details"
      right={
        <Button onClick={markReviewed} size="md">
          {t('markReviewed', { days: account.reviewCadenceDays })}
        </Button>
      }
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        className="space-y-3"
      >
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <TextInput label={t('name')} value={d.name} onChange={(e) => set('name', e.target.value)} required className="lg:col-span-2" />
          <Select label={t('tier')} value={d.tier} options={TIERS.map((x) => ({ value: x, label: t(`tier_${x}`) }))} onChange={(v) => set('tier', v)} />
          <TextInput label={t('currency')} value={d.currency} maxLength={3} onChange={(e) => set('currency', e.target.value)} />
          <NumberInput label={t('currentRevenue')} value={d.currentRevenue} min={0} onChange={(v) => set('currentRevenue', v)} />
          <NumberInput label={t('potentialRevenue')} value={d.potentialRevenue} min={0} onChange={(v) => set('potentialRevenue', v)} />
          <DateInput label={t('renewal')} value={d.renewalAt} onChange={(v) => set('renewalAt', v)} />
          <DateInput label={t('nextReview')} value={d.nextReviewAt} onChange={(v) => set('nextReviewAt', v)} />
          <NumberInput label={t('reviewCadence')} value={d.reviewCadenceDays} min={1} max={366} step={1} onChange={(v) => set('reviewCadenceDays', v)} />
          <TextInput label={t('industry')} value={d.industry} onChange={(e) => set('industry', e.target.value)} />
          <TextInput label={t('owner')} value={d.owner} onChange={(e) => set('owner', e.target.value)} />
          <TextInput label={t('aliases')} value={d.aliases} onChange={(e) => set('aliases', e.target.value)} className="lg:col-span-2" />
          <fieldset className="rounded border border-slate-200 p-2 sm:col-span-2 lg:col-span-4 dark:border-slate-700" data-testid="recognition">
            <legend className="px-1 text-xs font-semibold">{t('recogniseTitle')}</legend>
            <p className="mb-1 text-xs text-slate-500 dark:text-slate-400">{t('recogniseHint')}</p>
            <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
              <TextInput label={t('domains')} value={d.domains} onChange={(e) => set('domains', e.target.value)} />
              <TextInput label={t('website')} value={d.website} onChange={(e) => set('website', e.target.value)} />
              <TextArea label={t('linkedinUrls')} value={d.linkedinUrls} onChange={(e) => set('linkedinUrls', e.target.value)} rows={2} />
            </div>
            <KeyPreview preview={preview} onOpen={(id) => (location.hash = `#/account/${encodeURIComponent(id)}`)} />
          </fieldset>
          <TextInput label={t('tags')} value={d.tags} onChange={(e) => set('tags', e.target.value)} className="lg:col-span-2" />
        </div>
        <fieldset className="rounded border border-slate-200 p-2 dark:border-slate-700">
          <legend className="px-1 text-xs font-semibold">{t('scores')}</legend>
          <div className="grid gap-2 sm:grid-cols-3 lg:grid-cols-6">
            {SCORE_KEYS.map((k) => (
              <NumberInput key={k} label={t(`score_${k}` as MessageKey)} value={d.scores[k]} min={0} max={5} step={0.5} onChange={(v) => set('scores', { ...d.scores, [k]: Math.min(5, Math.max(0, v ?? 0)) })} />
            ))}
          </div>
        </fieldset>
        <div className="flex items-center gap-2">
          <Button type="submit" variant="primary" size="md" disabled={!dirty || !d.name.trim() || edit.busy || !!edit.conflict}>
            {t('saveAccount')}
          </Button>
          {dirty && (
            <>
              <span className="text-xs text-amber-700 dark:text-amber-300">{t('planDirty')}</span>
              <Button onClick={edit.discard}>{t('discardChanges')}</Button>
            </>
          )}
        </div>
        {edit.elsewhere && !edit.conflict && <p className="text-xs text-slate-600 dark:text-slate-300">{t('editedElsewhere')}</p>}
        {edit.conflict && <ConflictReview fields={edit.conflict.fields} onKeepTheirs={edit.keepTheirs} onApplyMine={edit.applyMine} />}
      </form>
    </Card>
  );
}
