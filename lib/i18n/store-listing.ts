// Store listing texts (Chrome Web Store and addons.mozilla.org), English and French. `npm run
// demo` writes them next to the 1280×800 screenshots (demo-output/store/). Limits: the Chrome
// Web Store's summary is at most 132 characters (its developer dashboard refuses longer ones);
// the name is the manifest's `extName` (public/_locales).

export interface StoreListing {
  name: string;
  /** ≤ 132 characters */
  summary: string;
  /** paragraphs and "- " bullet lines, plain text (both stores show plain text) */
  description: string;
  /** alt text for each screenshot `demo-output/<file>.png` */
  screenshots: Record<string, string>;
}

export const STORE_LISTING: Record<'en' | 'fr', StoreListing> = {
  en: {
    name: 'Key Account Lens',
    summary: 'Account plans, power maps and next actions beside LinkedIn, Gmail and Outlook. Your data stays on your machine.',
    description: [
      'For key account managers and B2B salespeople. Open a LinkedIn profile or read an email thread, and a sidebar shows the account behind it: tier, revenue and whitespace, red flags, the power map (who decides, influences, blocks), the next actions and your notes.',
      '',
      '- Add a LinkedIn profile as a stakeholder in one click: name, title and company prefilled; role, influence and stance in the same panel.',
      '- In Gmail and Outlook on the web: the account of the external participants, known stakeholders marked, the thread\'s notes first; add a note or a next action without leaving the mail.',
      '- A dashboard for the portfolio, segmentation, account plans with revisions, org-chart power maps, the review queue, CSV import (HubSpot, Salesforce, Excel, LinkedIn connections) and JSON backup.',
      '- Reminders of due actions and reviews on the toolbar badge.',
      '',
      'Private by design: everything is stored in your browser, in the extension\'s own storage. No account, no server, no analytics, no network requests. Web pages cannot read the sidebar, and nothing they can observe tells them whom you track.',
      '',
      'Works on linkedin.com, mail.google.com and Outlook on the web (outlook.office.com, outlook.office365.com, outlook.live.com, outlook.cloud.microsoft). English and French.',
    ].join('\n'),
    screenshots: {
      '1-linkedin-profile': 'The sidebar on a LinkedIn profile: the account, the stakeholder card, overdue actions and notes',
      '2-linkedin-new-contact': 'A new contact on LinkedIn, added to an account in one click',
      '3-gmail-thread': 'A Gmail thread: participants marked as stakeholders, the thread\'s notes first',
      '4-outlook-thread': 'Outlook on the web: an account at risk with its red flags',
      '5-portfolio': 'The portfolio: tiers, revenue, whitespace, renewals, reviews and coverage',
      '6-account-plan': 'The account plan editor',
      '7-power-map': 'The power map as an org chart coloured by stance',
      '8-review-queue': 'The review queue: overdue actions, reviews due and red flags',
    },
  },
  fr: {
    name: 'Key Account Lens',
    summary: 'Plans de compte, cartes d’influence et prochaines actions à côté de LinkedIn, Gmail et Outlook. Vos données restent chez vous.',
    description: [
      'Pour les key account managers et les commerciaux B2B. Ouvrez un profil LinkedIn ou lisez un fil de messages : un panneau latéral montre le compte concerné — tier, chiffre d’affaires et potentiel, signaux d’alerte, la carte d’influence (qui décide, influence, bloque), les prochaines actions et vos notes.',
      '',
      '- Ajoutez un profil LinkedIn comme interlocuteur en un clic : nom, fonction et entreprise préremplis ; rôle, influence et position dans le même panneau.',
      '- Dans Gmail et Outlook sur le web : le compte des participants externes, les interlocuteurs connus signalés, les notes du fil en premier ; ajoutez une note ou une action sans quitter le message.',
      '- Un tableau de bord pour le portefeuille, la segmentation, les plans de compte avec leurs révisions, les organigrammes d’influence, la file de revue, l’import CSV (HubSpot, Salesforce, Excel, relations LinkedIn) et la sauvegarde JSON.',
      '- Rappels des actions et revues à échéance sur le badge de la barre d’outils.',
      '',
      'Confidentiel par conception : tout est enregistré dans votre navigateur, dans le stockage propre à l’extension. Pas de compte, pas de serveur, pas de mesure d’audience, aucune requête réseau. Les pages web ne peuvent pas lire le panneau, et rien de ce qu’elles observent ne leur dit qui vous suivez.',
      '',
      'Fonctionne sur linkedin.com, mail.google.com et Outlook sur le web (outlook.office.com, outlook.office365.com, outlook.live.com, outlook.cloud.microsoft). En français et en anglais.',
    ].join('\n'),
    screenshots: {
      '1-linkedin-profile': 'Le panneau sur un profil LinkedIn : le compte, la fiche de l’interlocuteur, les actions en retard et les notes',
      '2-linkedin-new-contact': 'Un nouveau contact sur LinkedIn, ajouté à un compte en un clic',
      '3-gmail-thread': 'Un fil Gmail : participants signalés comme interlocuteurs, notes du fil en premier',
      '4-outlook-thread': 'Outlook sur le web : un compte à risque et ses signaux d’alerte',
      '5-portfolio': 'Le portefeuille : tiers, chiffre d’affaires, potentiel, renouvellements, revues et couverture',
      '6-account-plan': 'L’éditeur du plan de compte',
      '7-power-map': 'La carte d’influence en organigramme, colorée par position',
      '8-review-queue': 'La file de revue : actions en retard, revues à faire et signaux d’alerte',
    },
  },
};

/** The listing as the Markdown file `npm run demo` writes (name, summary, description, screenshots). */
export function listingMarkdown(l: StoreListing): string {
  const shots = Object.entries(l.screenshots).map(([file, alt]) => `- \`${file}.png\` (1280×800): ${alt}`);
  return [`# ${l.name}`, '', '## Summary', '', l.summary, '', '## Description', '', l.description, '', '## Screenshots', '', ...shots, ''].join('\n');
}
