// Saved-page fixtures rewritten for generated people and companies (bench dataset).
import { fixture } from '../../test/e2e/harness';
import { accountName, accountSlug, personSlug } from './dataset';

const CLASSIC = fixture('linkedin-profile/classic-en.html');

/** A classic LinkedIn profile of person j of generated account i. */
export function benchProfile(i: number, j: number): { url: string; html: string } {
  const slug = personSlug(i, j);
  const html = CLASSIC.replaceAll('claire-martin-achats', slug)
    .replaceAll('Claire Martin', `Bench Person ${i}-${j}`)
    .replaceAll('groupe-hexagone-distribution', accountSlug(i))
    .replaceAll('Groupe Hexagone Distribution', accountName(i));
  return { url: `https://www.linkedin.com/in/${slug}/`, html };
}
