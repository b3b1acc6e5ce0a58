// The privacy policy shown in the extension (privacy.html) and linked from the store listings,
// in English and French. It must say exactly what is stored: test/unit/privacy.test.ts checks
// that every database table and every extension-storage key the code writes is covered here.
import type { Lang } from './index';

export interface PolicySection {
  heading: string;
  paragraphs?: string[];
  items?: { text: string; /** database tables or storage keys this item describes */ covers?: string[] }[];
}

export interface Policy {
  title: string;
  updated: string;
  summary: string;
  sections: PolicySection[];
  otherLanguage: string;
}

export const POLICY_DATE = '2026-11-30';

export const PRIVACY: Record<Lang, Policy> = {
  en: {
    title: 'Privacy policy — Key Account Lens',
    updated: `Last updated ${POLICY_DATE}.`,
    summary:
      'Key Account Lens keeps everything on your computer, inside your browser. It sends nothing to anyone: it has no server, no account, no analytics, no advertising and no remote code, and the extension makes no network request. Nobody but you can see your data.',
    otherLanguage: 'Version française',
    sections: [
      {
        heading: 'What is stored, and where',
        paragraphs: ['In the extension’s own IndexedDB database, “key-account-lens”, in your browser profile (web pages cannot read it):'],
        items: [
          { text: 'Accounts: name, other names, web domains, LinkedIn company pages, tier, industry, currency, current and potential revenue, renewal and next review dates, segmentation scores.', covers: ['accounts'] },
          { text: 'Account plans (context, priorities, objectives, strategy, whitespace, risks, feedback, advocacy) and every earlier revision of each plan.', covers: ['plans', 'planRevisions'] },
          {
            text: 'Stakeholders: name, title, email addresses, LinkedIn profile address, location, role, influence, stance, who they report to, last contact, your notes about them, and what LinkedIn last showed as their title and employer (to warn you of a job change).',
            covers: ['stakeholders'],
          },
          { text: 'Next actions and notes, with the email thread or page they were written on (thread id, subject, page address).', covers: ['actions', 'notes'] },
          { text: 'The matching choices you made (“this page is this account”, “not this account”), keyed by page address, domain, LinkedIn address or thread id.', covers: ['links'] },
        ],
      },
      {
        heading: 'In the extension’s storage',
        items: [
          { text: 'Your settings: language, automatic opening, review cadence, red-flag thresholds, backup reminder and the date of your last backup.', covers: ['settings'] },
          { text: 'Whether you left the sidebar open or closed on LinkedIn, Gmail and Outlook.', covers: ['panel:*'] },
          { text: 'Which review reminders were already shown, so each is shown once.', covers: ['reviewsNotified'] },
          { text: 'Random keys that let the background recognise its own sidebar in each tab (session storage, cleared when the browser closes). They identify nothing about you.', covers: ['frameTrust'] },
          { text: 'Only if you turn on team sync: the address of your team’s Dexie Cloud database, your e-mail, and the last sync status (time, changes waiting). With sync on, the database also keeps the changes waiting to be sent and your login.', covers: ['teamSync', 'teamSyncStatus'] },
          {
            text: 'For each open LinkedIn, Gmail or Outlook tab, what the extension recognised on the page (name, title, company, email participants and subject of the open thread, page address), so the sidebar can show it. This is session storage: the browser clears it when it closes.',
            covers: ['ctx:*'],
          },
        ],
      },
      {
        heading: 'What is read on web pages',
        paragraphs: [
          'Only on LinkedIn (linkedin.com and its subdomains), Gmail (mail.google.com) and Outlook on the web (outlook.office.com, outlook.office365.com, outlook.live.com, outlook.cloud.microsoft), and only the page in front of you: the name, title and company of a profile or company page, and the participants and subject of the email thread you opened. Nothing is read on any other site, and nothing is read in the background.',
        ],
      },
      {
        heading: 'What is sent',
        paragraphs: [
          'Nothing. The extension makes no network request and contains no code that could. Your data leaves your computer only as files you export yourself (JSON backup, CSV export), which your browser saves to your disk.',
          'Unless you turn on team sync (Settings → Team sync, off by default): then, and only then, the extension talks to the one Dexie Cloud database whose address you entered (your browser asks you to allow that address only), with your e-mail to log in. Your accounts, plans, stakeholders, actions and notes are stored there in your private space, and the accounts you share are visible to the teammates you invite. Your matching choices stay in this browser. Turning team sync off stops all of it.',
        ],
      },
      {
        heading: 'Permissions',
        items: [
          { text: 'Storage and unlimited storage: to keep your data, however large your portfolio.' },
          { text: 'Alarms and notifications: to remind you of due actions and reviews.' },
          { text: 'Access to the six sites above: to recognise the page and show the sidebar there. No other site.' },
          { text: 'Optional, asked only when you turn on team sync: access to the address of your team’s Dexie Cloud database, and to no other. Turning sync off gives it back.' },
        ],
      },
      {
        heading: 'Deleting your data',
        paragraphs: [
          'Dashboard → Import / export → “Delete all data…” deletes everything. Removing the extension also deletes its database and storage: download a backup first if you want to keep your data.',
        ],
      },
    ],
  },
  fr: {
    title: 'Politique de confidentialité — Key Account Lens',
    updated: `Dernière mise à jour le ${POLICY_DATE}.`,
    summary:
      'Key Account Lens garde tout sur votre ordinateur, dans votre navigateur. L’extension n’envoie rien à personne : pas de serveur, pas de compte, pas de mesure d’audience, pas de publicité, pas de code distant, et aucune requête réseau. Personne d’autre que vous ne peut voir vos données.',
    otherLanguage: 'English version',
    sections: [
      {
        heading: 'Ce qui est enregistré, et où',
        paragraphs: ['Dans la base IndexedDB propre à l’extension, « key-account-lens », dans votre profil de navigateur (les pages web ne peuvent pas la lire) :'],
        items: [
          { text: 'Comptes : nom, autres noms, domaines web, pages entreprise LinkedIn, tier, secteur, devise, chiffre d’affaires actuel et potentiel, dates de renouvellement et de prochaine revue, notes de segmentation.', covers: ['accounts'] },
          { text: 'Plans de compte (contexte, priorités, objectifs, stratégie, potentiel inexploité, risques, retours produit, recommandation) et toutes les révisions antérieures de chaque plan.', covers: ['plans', 'planRevisions'] },
          {
            text: 'Interlocuteurs : nom, fonction, adresses e-mail, adresse du profil LinkedIn, localisation, rôle, influence, position, supérieur hiérarchique, dernier contact, vos notes à leur sujet, et ce que LinkedIn affichait en dernier comme fonction et employeur (pour vous signaler un changement de poste).',
            covers: ['stakeholders'],
          },
          { text: 'Prochaines actions et notes, avec le fil d’e-mails ou la page où elles ont été écrites (identifiant et objet du fil, adresse de la page).', covers: ['actions', 'notes'] },
          { text: 'Vos choix de rapprochement (« cette page est ce compte », « pas ce compte »), par adresse de page, domaine, adresse LinkedIn ou identifiant de fil.', covers: ['links'] },
        ],
      },
      {
        heading: 'Dans le stockage de l’extension',
        items: [
          { text: 'Vos réglages : langue, ouverture automatique, rythme des revues, seuils d’alerte, rappel de sauvegarde et date de votre dernière sauvegarde.', covers: ['settings'] },
          { text: 'Si vous avez laissé le panneau ouvert ou fermé sur LinkedIn, Gmail et Outlook.', covers: ['panel:*'] },
          { text: 'Les rappels de revue déjà affichés, pour n’afficher chacun qu’une fois.', covers: ['reviewsNotified'] },
          { text: 'Des clés aléatoires qui permettent à l’arrière-plan de reconnaître son propre panneau dans chaque onglet (stockage de session, effacé à la fermeture du navigateur). Elles ne disent rien de vous.', covers: ['frameTrust'] },
          { text: 'Seulement si vous activez la synchronisation d’équipe : l’adresse de la base Dexie Cloud de votre équipe, votre e-mail et le dernier état de synchronisation (heure, modifications en attente). Synchronisation activée, la base garde aussi les modifications en attente d’envoi et votre connexion.', covers: ['teamSync', 'teamSyncStatus'] },
          {
            text: 'Pour chaque onglet LinkedIn, Gmail ou Outlook ouvert, ce que l’extension a reconnu sur la page (nom, fonction, entreprise, participants et objet du fil ouvert, adresse de la page), pour que le panneau l’affiche. C’est un stockage de session : le navigateur l’efface à sa fermeture.',
            covers: ['ctx:*'],
          },
        ],
      },
      {
        heading: 'Ce qui est lu sur les pages web',
        paragraphs: [
          'Uniquement sur LinkedIn (linkedin.com and its subdomains), Gmail (mail.google.com) et Outlook sur le web (outlook.office.com, outlook.office365.com, outlook.live.com, outlook.cloud.microsoft), et uniquement la page que vous avez sous les yeux : nom, fonction et entreprise d’un profil ou d’une page entreprise, participants et objet du fil d’e-mails ouvert. Rien n’est lu sur les autres sites, ni en arrière-plan.',
        ],
      },
      {
        heading: 'Ce qui est envoyé',
        paragraphs: [
          'Rien. L’extension ne fait aucune requête réseau et ne contient aucun code qui le pourrait. Vos données ne quittent votre ordinateur que sous forme de fichiers que vous exportez vous-même (sauvegarde JSON, export CSV), enregistrés par votre navigateur sur votre disque.',
          'Sauf si vous activez la synchronisation d’équipe (Réglages → Synchronisation d’équipe, désactivée par défaut) : alors, et seulement alors, l’extension communique avec la seule base Dexie Cloud dont vous avez saisi l’adresse (le navigateur vous demande d’autoriser cette seule adresse), avec votre e-mail pour vous connecter. Vos comptes, plans, interlocuteurs, actions et notes y sont conservés dans votre espace privé, et les comptes que vous partagez sont visibles des coéquipiers que vous invitez. Vos choix de rapprochement restent dans ce navigateur. Désactiver la synchronisation arrête tout cela.',
        ],
      },
      {
        heading: 'Autorisations',
        items: [
          { text: 'Stockage et stockage illimité : pour conserver vos données, quelle que soit la taille de votre portefeuille.' },
          { text: 'Alarmes et notifications : pour vous rappeler les actions et revues à échéance.' },
          { text: 'Accès aux six sites ci-dessus : pour reconnaître la page et y afficher le panneau. Aucun autre site.' },
          { text: 'Facultatif, demandé seulement quand vous activez la synchronisation d’équipe : l’accès à l’adresse de la base Dexie Cloud de votre équipe, et à aucune autre. Désactiver la synchronisation le rend.' },
        ],
      },
      {
        heading: 'Supprimer vos données',
        paragraphs: [
          'Tableau de bord → Import / export → « Supprimer toutes les données… » efface tout. Désinstaller l’extension efface aussi sa base et son stockage : téléchargez d’abord une sauvegarde si vous voulez garder vos données.',
        ],
      },
    ],
  },
};
