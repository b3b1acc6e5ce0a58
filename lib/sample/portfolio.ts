// The sample portfolio: "Load sample portfolio" in the dashboard, the demo and the end-to-end tests.
// A French KAM's book of 7 European B2B SaaS accounts, written the way such a KAM writes (French
// and English mixed). Pure and deterministic: the same `now` gives the same records, every id is
// fixed ("sample-…") so loading twice overwrites instead of duplicating, and every date is relative
// to `now` so the overdue actions, the renewal at risk and the review due stay so whatever the day.
import { planIdOf } from '../db/ids';
import type { z } from 'zod';
import {
  accountSchema,
  actionSchema,
  noteSchema,
  planSchema,
  stakeholderSchema,
  type Account,
  type Action,
  type Note,
  type Plan,
  type Stakeholder,
} from '../db/model';
import { foldText, nameKey, personKey } from '../match/normalize';
import { addDays, today } from '../dates/calendar-date';

export const DAY = 86_400_000;

export interface SampleData {
  accounts: Account[];
  plans: Plan[];
  stakeholders: Stakeholder[];
  actions: Action[];
  notes: Note[];
}

/** Id of a sample account, e.g. sampleAccountId('hexagone') → "sample-acc-hexagone". */
export const sampleAccountId = (slug: string): string => `sample-acc-${slug}`;
export const sampleStakeholderId = (slug: string): string => `sample-stk-${slug}`;
export const SAMPLE_ID_PREFIX = 'sample-';

/** The KAM who owns the sample portfolio. */
export const SAMPLE_OWNER = 'Camille Durand';

const company = (slug: string) => `https://www.linkedin.com/company/${slug}/`;
const profile = (slug: string) => `https://www.linkedin.com/in/${slug}/`;

type Stamps = { createdAt: number; updatedAt: number };
type AccountSeed = Omit<z.input<typeof accountSchema>, 'id' | 'nameKey' | 'createdAt' | 'updatedAt'> & Stamps & { slug: string };
type StakeholderSeed = Omit<z.input<typeof stakeholderSchema>, 'id' | 'accountId' | 'nameKey' | 'reportsTo' | 'createdAt' | 'updatedAt'> &
  Partial<Stamps> & { slug: string; reportsTo?: string };
type PlanSeed = Omit<z.input<typeof planSchema>, 'id' | 'accountId'>;
type ActionSeed = Omit<z.input<typeof actionSchema>, 'id' | 'accountId' | 'stakeholderId' | 'createdAt' | 'updatedAt'> &
  Partial<Stamps> & { slug: string; stakeholder?: string };
type NoteSeed = Omit<z.input<typeof noteSchema>, 'id' | 'accountId' | 'stakeholderId' | 'updatedAt'> & { slug: string; stakeholder?: string };

interface AccountBlock {
  account: AccountSeed;
  stakeholders?: StakeholderSeed[];
  plan?: PlanSeed;
  actions?: ActionSeed[];
  notes?: NoteSeed[];
}

export function samplePortfolio(now: number): SampleData {
  const ago = (days: number) => Math.round(now - days * DAY);
  // Calendar dates: days from today where the sample is loaded.
  const day = (days: number) => addDays(today(now), days);

  const blocks: AccountBlock[] = [
    // ------------------------------------------------------------------ Hexagone (tier A, land & expand)
    {
      account: {
        slug: 'hexagone',
        name: 'Groupe Hexagone Distribution',
        aliases: ['Hexagone Distribution', 'Groupe Hexagone'],
        domains: ['hexagone-distribution.fr'],
        linkedinUrls: [company('groupe-hexagone-distribution')],
        website: 'https://www.hexagone-distribution.fr/',
        industry: 'Distribution multisite / retail',
        tier: 'A',
        scores: { revenue: 3, potential: 5, growth: 4, strategicFit: 5, relationship: 4, access: 4 },
        currency: 'EUR',
        currentRevenue: 180_000,
        potentialRevenue: 1_200_000,
        renewalAt: day(200),
        reviewCadenceDays: 14,
        nextReviewAt: day(4),
        owner: SAMPLE_OWNER,
        tags: ['land & expand', 'retail', 'QBR T3'],
        createdAt: ago(420),
        updatedAt: ago(2),
      },
      stakeholders: [
        {
          slug: 'philippe-renaud',
          name: 'Philippe Renaud',
          title: 'Directeur Général',
          location: 'Paris, Île-de-France',
          linkedinUrl: profile('philippe-renaud-hexagone'),
          emails: ['philippe.renaud@hexagone-distribution.fr'],
          role: 'sponsor',
          influence: 'high',
          stance: 'supporter',
          relationship: 'good',
          lastContactAt: ago(45),
          notes: 'Sponsor exécutif. Porte le plan « Hexagone 2028 ». Vu au comité de pilotage annuel ; préfère des échanges courts, chiffrés.',
        },
        {
          slug: 'claire-martin',
          name: 'Claire Martin',
          title: 'Directrice des Achats',
          location: 'Paris, Île-de-France',
          linkedinUrl: profile('claire-martin-achats'),
          emails: ['claire.martin@hexagone-distribution.fr'],
          role: 'economic_buyer',
          influence: 'high',
          stance: 'supporter',
          relationship: 'good',
          reportsTo: 'philippe-renaud',
          lastContactAt: ago(20),
          notes: 'Signe tous les contrats > 100 k€. Veut un accord-cadre groupe avec tarif dégressif par filiale et clause de réversibilité.',
        },
        {
          slug: 'marc-leroy',
          name: 'Marc Leroy',
          title: 'DSI',
          location: 'Paris, Île-de-France',
          linkedinUrl: profile('marc-leroy-dsi'),
          emails: ['marc.leroy@hexagone-distribution.fr'],
          role: 'technical_evaluator',
          influence: 'high',
          stance: 'skeptic',
          relationship: 'weak',
          reportsTo: 'philippe-renaud',
          lastContactAt: ago(33),
          notes: 'Rationalisation des fournisseurs IT : pousse SAP IBP. Points durs : SSO Azure AD, hébergement UE, connecteur S/4HANA.',
        },
        {
          slug: 'sophie-dubois',
          name: 'Sophie Dubois',
          title: 'Directrice des Opérations – Hexagone Nord',
          location: 'Lille, Hauts-de-France',
          linkedinUrl: profile('sophie-dubois-operations'),
          emails: ['sophie.dubois@hexagone-distribution.fr'],
          role: 'champion',
          influence: 'medium',
          stance: 'champion',
          relationship: 'strong',
          reportsTo: 'philippe-renaud',
          lastContactAt: ago(6),
          notes: 'Notre championne : -22 % de ruptures en 6 mois à Hexagone Nord. Présente ses résultats aux autres directeurs régionaux.',
        },
        {
          slug: 'thomas-garnier',
          name: 'Thomas Garnier',
          title: 'Acheteur IT – achats indirects',
          location: 'Paris, Île-de-France',
          linkedinUrl: profile('thomas-garnier-achats-it'),
          emails: ['thomas.garnier@hexagone-distribution.fr'],
          role: 'gatekeeper',
          influence: 'medium',
          stance: 'neutral',
          relationship: 'good',
          reportsTo: 'claire-martin',
          lastContactAt: ago(20),
          notes: 'Passage obligé pour le référencement fournisseur et le questionnaire RSE.',
        },
        {
          slug: 'julien-moreau',
          name: 'Julien Moreau',
          title: 'Responsable BI',
          emails: ['julien.moreau@hexagone-distribution.fr'],
          role: 'user',
          influence: 'low',
          stance: 'supporter',
          relationship: 'good',
          reportsTo: 'marc-leroy',
          lastContactAt: ago(9),
          notes: 'Utilisateur avancé de la Plateforme Analytics au siège. Peut rassurer Marc Leroy sur l’intégration.',
        },
      ],
      plan: {
        context:
          'Groupe de distribution multisite (≈ 1 200 magasins, 41 filiales régionales). Plan de transformation « Hexagone 2028 » : centralisation des achats, pilotage par la donnée, forte pression sur les marges (inflation, concurrence e-commerce).\n' +
          'Équipés aujourd’hui : le Siège (Plateforme Analytics + Module Prévisions) et Hexagone Nord (Plateforme Analytics). Les 40 autres filiales régionales ne sont pas encore équipées.',
        priorities:
          '1. Réduire les ruptures de stock de 30 % d’ici 2027.\n2. Harmoniser le reporting des 41 filiales sur un référentiel unique.\n3. Réduire le nombre d’outils IT (rationalisation fournisseurs portée par la DSI).',
        objectives: [
          {
            id: 'sample-obj-hexagone-pilote',
            title: 'Déployer la Plateforme Analytics sur Hexagone Sud-Ouest et Hexagone Est (pilote régional)',
            owner: SAMPLE_OWNER,
            dueAt: day(90),
            status: 'on_track',
          },
          {
            id: 'sample-obj-hexagone-accord-cadre',
            title: 'Signer l’accord-cadre groupe avec les Achats (tarif dégressif par filiale)',
            owner: SAMPLE_OWNER,
            dueAt: day(150),
            status: 'at_risk',
          },
          {
            id: 'sample-obj-hexagone-dsi',
            title: 'Obtenir le go de la DSI sur l’architecture (SSO + connecteur ERP)',
            owner: 'Nicolas Petit (Solution Engineer)',
            dueAt: day(-10),
            status: 'done',
          },
        ],
        strategy:
          'Land & expand : partir du succès mesuré à Hexagone Nord pour équiper les filiales par vagues régionales. ' +
          'Faire de Sophie Dubois l’ambassadrice interne auprès des autres directeurs régionaux ; proposer à Claire Martin un accord-cadre groupe ; ' +
          'lever les réserves de Marc Leroy (DSI) par un atelier architecture et une revue sécurité, avec Julien Moreau comme relais.',
        valueProposition:
          'Une plateforme unique de pilotage des stocks et des prévisions pour le siège et toutes les filiales : moins de ruptures, un reporting harmonisé, ' +
          'un seul fournisseur à gérer pour la DSI. ROI démontré à Hexagone Nord : -22 % de ruptures, payback < 9 mois.',
        whitespace: hexagoneWhitespace(),
        risks: [
          {
            id: 'sample-risk-hexagone-dsi',
            title: 'DSI sceptique : préfère consolider sur la suite SAP existante (SAP IBP)',
            severity: 'high',
            mitigation: 'Atelier architecture avec Marc Leroy, référence client sur S/4HANA, impliquer Julien Moreau (BI).',
          },
          {
            id: 'sample-risk-hexagone-qlik',
            title: 'Concurrent Qlik déjà installé à Hexagone Sud-Ouest',
            severity: 'medium',
            mitigation: 'Comparatif TCO et démo sur les données Sud-Ouest avant l’échéance Qlik.',
          },
          {
            id: 'sample-risk-hexagone-budget',
            title: 'Gel budgétaire possible au S2 (plan d’économies groupe)',
            severity: 'medium',
            mitigation: 'Proposer un déploiement par vagues, facturé à la filiale équipée.',
          },
        ],
        productFeedback:
          '- Vue consolidée multi-filiales avec droits par région (demandée par Sophie Dubois et Julien Moreau).\n' +
          '- Connecteur natif SAP S/4HANA exigé par la DSI : bloquant pour le déploiement groupe.\n' +
          '- Export des prévisions au format de l’outil de réapprovisionnement magasin.',
        advocacy: [
          {
            id: 'sample-adv-hexagone-case-study',
            kind: 'case_study',
            text: 'Étude de cas Hexagone Nord : -22 % de ruptures en 6 mois (accord de principe de Sophie Dubois, validation communication groupe en cours).',
          },
          { id: 'sample-adv-hexagone-event', kind: 'event', text: 'Intervention de Sophie Dubois au Retail Data Day Paris (juin).' },
        ],
        createdAt: ago(300),
        updatedAt: ago(6),
      },
      actions: [
        {
          slug: 'accord-cadre',
          stakeholder: 'claire-martin',
          title: 'Envoyer la proposition d’accord-cadre groupe à Claire Martin',
          dueAt: day(-3),
          priority: 'high',
          kind: 'email',
          createdAt: ago(18),
        },
        {
          slug: 'questionnaire-securite',
          stakeholder: 'marc-leroy',
          title: 'Relancer Marc Leroy sur le questionnaire sécurité (hébergement UE, SSO)',
          dueAt: day(-8),
          priority: 'normal',
          kind: 'call',
          createdAt: ago(30),
        },
        {
          slug: 'atelier-architecture',
          stakeholder: 'marc-leroy',
          title: 'Atelier architecture SSO + connecteur ERP avec la DSI',
          dueAt: day(5),
          priority: 'high',
          kind: 'meeting',
          createdAt: ago(12),
        },
        {
          slug: 'qbr',
          stakeholder: 'philippe-renaud',
          title: 'QBR T3 avec Philippe Renaud et Claire Martin',
          dueAt: day(12),
          priority: 'normal',
          kind: 'review',
          createdAt: ago(20),
        },
        {
          slug: 'cadrage-sud-ouest',
          stakeholder: 'sophie-dubois',
          title: 'Call de cadrage du pilote Hexagone Sud-Ouest avec Sophie Dubois',
          dueAt: day(-10),
          status: 'done',
          doneAt: ago(9),
          kind: 'call',
          createdAt: ago(25),
          updatedAt: ago(9),
        },
      ],
      notes: [
        {
          slug: 'renouvellement',
          stakeholder: 'claire-martin',
          body:
            'Claire confirme que le renouvellement 2027 passera par un appel d’offres allégé si l’accord-cadre groupe est signé avant fin septembre. ' +
            'Elle veut un tarif dégressif par filiale et une clause de réversibilité. → Préparer proposition + grille tarifaire, faire relire par Thomas Garnier.',
          threadId: '18e21f0b9a3c4d05',
          source: { site: 'gmail', subject: 'Renouvellement contrat 2027 – Hexagone', url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTxyz' },
          createdAt: ago(4),
        },
        {
          slug: 'sophie-temoignage',
          stakeholder: 'sophie-dubois',
          body: 'QBR prep — Sophie est prête à témoigner (-22 % de ruptures à Hexagone Nord). Elle présente les résultats aux directeurs régionaux le mois prochain : lui fournir un deck chiffré.',
          source: { site: 'dashboard' },
          createdAt: ago(6),
        },
        {
          slug: 'reunion-dsi',
          stakeholder: 'marc-leroy',
          body:
            'Réunion DSI : Marc reste réservé, il veut limiter le nombre de fournisseurs et pousse SAP IBP. ' +
            'À traiter : SSO Azure AD, hébergement UE, connecteur S/4HANA. Julien Moreau (BI) plutôt favorable.',
          source: { site: 'outlook', subject: 'CR – Point DSI / architecture' },
          createdAt: ago(33),
        },
      ],
    },

    // ------------------------------------------------------------------ Nordlicht (tier B, scale-up)
    {
      account: {
        slug: 'nordlicht',
        name: 'Nordlicht Analytics GmbH',
        aliases: ['Nordlicht Analytics', 'Nordlicht'],
        domains: ['nordlicht-analytics.de'],
        linkedinUrls: [company('nordlicht-analytics')],
        website: 'https://www.nordlicht-analytics.de/',
        industry: 'Data & analytics software (scale-up)',
        tier: 'B',
        scores: { revenue: 2, potential: 3, growth: 5, strategicFit: 4, relationship: 5, access: 5 },
        currentRevenue: 65_000,
        potentialRevenue: 240_000,
        renewalAt: day(260),
        reviewCadenceDays: 30,
        nextReviewAt: day(18),
        owner: SAMPLE_OWNER,
        tags: ['scale-up', 'DACH'],
        createdAt: ago(240),
        updatedAt: ago(11),
      },
      stakeholders: [
        {
          slug: 'lukas-becker',
          name: 'Lukas Becker',
          title: 'CTO',
          location: 'Berlin, Germany',
          linkedinUrl: profile('lukas-becker'),
          emails: ['lukas.becker@nordlicht-analytics.de'],
          role: 'decision_maker',
          influence: 'high',
          stance: 'champion',
          relationship: 'strong',
          lastContactAt: ago(11),
          notes: 'Brought us in. Wants to embed our forecasting module in their customer-facing product.',
        },
        {
          slug: 'hannah-vogel',
          name: 'Hannah Vogel',
          title: 'Head of Data Platform',
          location: 'Berlin, Germany',
          linkedinUrl: profile('hannah-vogel-data'),
          emails: ['hannah.vogel@nordlicht-analytics.de'],
          role: 'technical_evaluator',
          influence: 'medium',
          stance: 'supporter',
          relationship: 'good',
          reportsTo: 'lukas-becker',
          lastContactAt: ago(4),
        },
        {
          slug: 'felix-wagner',
          name: 'Felix Wagner',
          title: 'CFO',
          location: 'München, Germany',
          linkedinUrl: profile('felix-wagner-cfo'),
          emails: ['felix.wagner@nordlicht-analytics.de'],
          role: 'economic_buyer',
          influence: 'high',
          stance: 'neutral',
          relationship: 'weak',
          lastContactAt: ago(75),
          notes: 'Watches burn rate closely since the Series C. Needs a multi-year ROI case.',
        },
      ],
      plan: {
        context:
          'Series C scale-up (≈ 350 people, Berlin + München), growing 80 % YoY. Using Plateforme Analytics internally since last year; ' +
          'evaluating an OEM/embedded deal to ship our forecasts inside their own product.',
        priorities: '1. Ship embedded forecasting to their customers by Q2.\n2. Keep infra costs flat while headcount grows.',
        objectives: [
          { id: 'sample-obj-nordlicht-oem', title: 'Sign the embedded (OEM) addendum', owner: SAMPLE_OWNER, dueAt: day(75), status: 'on_track' },
          { id: 'sample-obj-nordlicht-cfo', title: 'Get Felix Wagner (CFO) to sponsor a 3-year deal', owner: SAMPLE_OWNER, dueAt: day(120), status: 'not_started' },
        ],
        strategy: 'Ride Lukas’s sponsorship; build the ROI case with Hannah’s usage data before going to the CFO.',
        valueProposition: 'Time-to-market: embedded forecasting in weeks instead of a 6-person team building it for a year.',
        whitespace: [
          { id: 'sample-ws-nordlicht-analytics-berlin', offering: 'Plateforme Analytics', entity: 'Berlin HQ', status: 'ours', value: 65_000 },
          { id: 'sample-ws-nordlicht-analytics-muenchen', offering: 'Plateforme Analytics', entity: 'München', status: 'none', value: 35_000 },
          { id: 'sample-ws-nordlicht-previsions-oem', offering: 'Module Prévisions', entity: 'Embedded (OEM)', status: 'in_house', value: 140_000 },
        ],
        risks: [
          {
            id: 'sample-risk-nordlicht-build',
            title: 'Build vs buy: the data platform team could build forecasting in-house',
            severity: 'medium',
            mitigation: 'Joint TCO workshop with Hannah Vogel; show roadmap of the forecasting module.',
          },
        ],
        productFeedback: '- OEM pricing per end-customer seat.\n- White-label theming of embedded charts.',
        advocacy: [{ id: 'sample-adv-nordlicht-reference', kind: 'reference', text: 'Lukas Becker OK to take reference calls with DACH scale-ups.' }],
        createdAt: ago(200),
        updatedAt: ago(11),
      },
      actions: [
        {
          slug: 'roi-model',
          stakeholder: 'felix-wagner',
          title: 'Send Felix Wagner the ROI model for the multi-year deal',
          dueAt: day(7),
          priority: 'high',
          kind: 'email',
          createdAt: ago(11),
        },
        {
          slug: 'oem-demo',
          stakeholder: 'hannah-vogel',
          title: 'Demo embedded charts to Hannah’s team',
          dueAt: day(-15),
          status: 'done',
          doneAt: ago(14),
          kind: 'meeting',
          createdAt: ago(30),
          updatedAt: ago(14),
        },
      ],
      notes: [
        {
          slug: 'oem-call',
          stakeholder: 'lukas-becker',
          body: 'Call with Lukas: OEM addendum is a go on his side; Felix wants numbers before any multi-year commitment. Lukas will intro me to Felix next week.',
          source: { site: 'linkedin', url: 'https://www.linkedin.com/in/lukas-becker/' },
          createdAt: ago(11),
        },
      ],
    },

    // ------------------------------------------------------------------ Polaris (tier A, renewal at risk)
    {
      account: {
        slug: 'polaris',
        name: 'Polaris Energy AB',
        aliases: ['Polaris Energy'],
        domains: ['polaris-energy.se'],
        linkedinUrls: [company('polaris-energy')],
        website: 'https://www.polaris-energy.se/',
        industry: 'Energy & utilities',
        tier: 'A',
        scores: { revenue: 4, potential: 3, growth: 1, strategicFit: 3, relationship: 2, access: 2 },
        currentRevenue: 240_000,
        potentialRevenue: 320_000,
        renewalAt: day(45),
        reviewCadenceDays: 14,
        nextReviewAt: day(-3),
        owner: SAMPLE_OWNER,
        tags: ['renewal at risk', 'Nordics'],
        createdAt: ago(900),
        updatedAt: ago(5),
      },
      stakeholders: [
        {
          slug: 'erik-lindqvist',
          name: 'Erik Lindqvist',
          title: 'VP Digital Operations',
          location: 'Stockholm, Sweden',
          linkedinUrl: profile('erik-lindqvist'),
          emails: ['erik.lindqvist@polaris-energy.se'],
          role: 'sponsor',
          influence: 'high',
          stance: 'supporter',
          relationship: 'strong',
          lastContactAt: ago(52),
          notes: 'Our executive sponsor since the first contract. LinkedIn now shows him at Nordkraft Energi: find his successor before the renewal.',
          capture: {
            title: 'Chief Digital Officer',
            companyName: 'Nordkraft Energi AS',
            companyLinkedinUrl: company('nordkraft-energi'),
            companyChanged: true,
            seenAt: ago(5),
          },
          createdAt: ago(880),
        },
        {
          slug: 'ingrid-svensson',
          name: 'Ingrid Svensson',
          title: 'Head of Procurement',
          location: 'Stockholm, Sweden',
          linkedinUrl: profile('ingrid-svensson-procurement'),
          emails: ['ingrid.svensson@polaris-energy.se'],
          role: 'gatekeeper',
          influence: 'medium',
          stance: 'neutral',
          relationship: 'weak',
          reportsTo: 'anna-karlsson',
          lastContactAt: ago(12),
          notes: 'Runs the renewal as a formal RFP. Power BI invited.',
        },
        {
          slug: 'anna-karlsson',
          name: 'Anna Karlsson',
          title: 'CFO',
          location: 'Stockholm, Sweden',
          linkedinUrl: profile('anna-karlsson-cfo'),
          emails: ['anna.karlsson@polaris-energy.se'],
          role: 'economic_buyer',
          influence: 'high',
          stance: 'neutral',
          relationship: 'none',
          lastContactAt: ago(130),
        },
        {
          slug: 'johan-nilsson',
          name: 'Johan Nilsson',
          title: 'Head of IT Architecture',
          location: 'Göteborg, Sweden',
          emails: ['johan.nilsson@polaris-energy.se'],
          role: 'technical_evaluator',
          influence: 'medium',
          stance: 'skeptic',
          relationship: 'weak',
          reportsTo: 'erik-lindqvist',
          lastContactAt: ago(40),
          notes: 'Microsoft shop: would rather standardise on Power BI under the EA.',
        },
      ],
      plan: {
        context:
          'Nordic utility (grid + retail energy). Customer for 3 years on Plateforme Analytics for the grid business. ' +
          'Contract renews in 6 weeks; procurement-led RFP, our sponsor Erik Lindqvist has just left for Nordkraft Energi.',
        priorities: '1. Cost cutting after the 2024 price cap.\n2. Consolidate BI tooling on the Microsoft stack (IT architecture).',
        objectives: [
          { id: 'sample-obj-polaris-renewal', title: 'Renew the 3-year contract at ≥ current value', owner: SAMPLE_OWNER, dueAt: day(45), status: 'at_risk' },
          { id: 'sample-obj-polaris-sponsor', title: 'Identify and meet a new executive sponsor', owner: SAMPLE_OWNER, dueAt: day(14), status: 'not_started' },
        ],
        strategy: 'Get to the CFO with a value review of the last 3 years before the RFP scoring; neutralise the Power BI bundle argument on TCO.',
        valueProposition: 'Proven grid-loss forecasting accuracy (+18 %) that Power BI alone does not provide.',
        whitespace: [
          { id: 'sample-ws-polaris-analytics-grid', offering: 'Plateforme Analytics', entity: 'Polaris Grid', status: 'ours', value: 240_000 },
          {
            id: 'sample-ws-polaris-analytics-retail',
            offering: 'Plateforme Analytics',
            entity: 'Polaris Retail Energy',
            status: 'competitor',
            value: 50_000,
            competitor: 'Power BI (Microsoft EA)',
          },
          { id: 'sample-ws-polaris-previsions-grid', offering: 'Module Prévisions', entity: 'Polaris Grid', status: 'in_house', value: 30_000 },
          { id: 'sample-ws-polaris-previsions-retail', offering: 'Module Prévisions', entity: 'Polaris Retail Energy', status: 'unknown' },
        ],
        risks: [
          {
            id: 'sample-risk-polaris-sponsor',
            title: 'Sponsor leaving — Erik Lindqvist joined Nordkraft Energi',
            severity: 'high',
            mitigation: 'Ask Erik for an intro to his successor; executive call with the CFO; keep Erik as a reference (and a prospect at Nordkraft).',
          },
          {
            id: 'sample-risk-polaris-powerbi',
            title: 'Competitor: Power BI bundled in the Microsoft EA',
            severity: 'high',
            mitigation: 'TCO comparison including forecasting accuracy; workshop with Johan Nilsson on Azure integration.',
          },
          { id: 'sample-risk-polaris-price', title: 'Procurement pushing a 15 % price cut', severity: 'medium', mitigation: 'Trade price for term (3 years) and scope (Retail Energy).' },
        ],
        productFeedback: '- Native Azure AD / Entra ID provisioning.\n- Power BI connector so both tools can coexist.',
        createdAt: ago(850),
        updatedAt: ago(70),
      },
      actions: [
        {
          slug: 'intro-successor',
          stakeholder: 'erik-lindqvist',
          title: 'Ask Erik Lindqvist for an intro to his successor',
          dueAt: day(-2),
          priority: 'high',
          kind: 'email',
          createdAt: ago(5),
        },
        {
          slug: 'cfo-call',
          stakeholder: 'anna-karlsson',
          title: 'Executive call with Anna Karlsson (CFO): 3-year value review',
          dueAt: day(6),
          priority: 'high',
          kind: 'meeting',
          createdAt: ago(5),
        },
        {
          slug: 'rfp-answer',
          stakeholder: 'ingrid-svensson',
          title: 'Submit the renewal RFP answer to Ingrid Svensson',
          dueAt: day(21),
          priority: 'high',
          kind: 'task',
          createdAt: ago(12),
        },
      ],
      notes: [
        {
          slug: 'rfp',
          stakeholder: 'ingrid-svensson',
          body: 'Ingrid: the renewal goes through a formal RFP, Power BI is invited. Scoring 40 % price. She did not know who replaces Erik.',
          source: { site: 'outlook', subject: 'Polaris – renewal process' },
          createdAt: ago(12),
        },
        {
          slug: 'erik-left',
          stakeholder: 'erik-lindqvist',
          body: 'Vu sur LinkedIn : Erik est parti chez Nordkraft Energi (CDO). Plus de sponsor côté Polaris — urgent avant le renouvellement.',
          source: { site: 'linkedin', url: 'https://www.linkedin.com/in/erik-lindqvist/' },
          createdAt: ago(5),
        },
      ],
    },

    // ------------------------------------------------------------------ Mutuelle Atlantique (tier B)
    {
      account: {
        slug: 'mutuelle-atlantique',
        name: 'Mutuelle Atlantique',
        aliases: ['MA Mutuelle'],
        domains: ['mutuelle-atlantique.fr'],
        linkedinUrls: [company('mutuelle-atlantique')],
        website: 'https://www.mutuelle-atlantique.fr/',
        industry: 'Assurance / mutuelle santé',
        tier: 'B',
        scores: { revenue: 3, potential: 4, growth: 3, strategicFit: 3, relationship: 3, access: 2 },
        currentRevenue: 95_000,
        potentialRevenue: 380_000,
        renewalAt: day(190),
        reviewCadenceDays: 30,
        nextReviewAt: day(9),
        owner: SAMPLE_OWNER,
        tags: ['assurance', 'Grand Ouest'],
        createdAt: ago(500),
        updatedAt: ago(8),
      },
      stakeholders: [
        {
          slug: 'nathalie-guerin',
          name: 'Nathalie Guérin',
          title: 'Directrice de la Transformation Digitale',
          location: 'Nantes, Pays de la Loire',
          linkedinUrl: profile('nathalie-guerin-transformation'),
          emails: ['nathalie.guerin@mutuelle-atlantique.fr'],
          role: 'sponsor',
          influence: 'high',
          stance: 'supporter',
          relationship: 'good',
          lastContactAt: ago(25),
        },
        {
          slug: 'olivier-lambert',
          name: 'Olivier Lambert',
          title: 'Directeur Administratif et Financier',
          location: 'Nantes, Pays de la Loire',
          emails: ['olivier.lambert@mutuelle-atlantique.fr'],
          role: 'economic_buyer',
          influence: 'high',
          stance: 'neutral',
          relationship: 'weak',
          lastContactAt: ago(100),
          notes: 'Pas revu depuis la signature. À réactiver avant le budget N+1.',
        },
        {
          slug: 'karim-benali',
          name: 'Karim Benali',
          title: 'Responsable Pilotage de la Performance',
          location: 'La Rochelle, Nouvelle-Aquitaine',
          linkedinUrl: profile('karim-benali'),
          emails: ['karim.benali@mutuelle-atlantique.fr'],
          role: 'champion',
          influence: 'medium',
          stance: 'champion',
          relationship: 'strong',
          reportsTo: 'nathalie-guerin',
          lastContactAt: ago(8),
        },
      ],
      plan: {
        context: 'Mutuelle santé régionale (≈ 600 000 adhérents) issue d’une fusion de trois mutuelles. Équipée de la Plateforme Analytics pour le pilotage de la performance.',
        priorities: '1. Réussir l’intégration post-fusion (référentiels, reporting).\n2. Maîtriser les frais de gestion (exigence ACPR).',
        objectives: [
          { id: 'sample-obj-ma-previsions', title: 'Vendre le Module Prévisions (sinistralité) à la Direction Technique', owner: SAMPLE_OWNER, dueAt: day(120), status: 'on_track' },
          { id: 'sample-obj-ma-daf', title: 'Remettre le DAF dans la boucle (revue de valeur)', owner: SAMPLE_OWNER, dueAt: day(30), status: 'not_started' },
        ],
        strategy: 'S’appuyer sur Karim pour démontrer la valeur au comité de direction ; positionner les prévisions de sinistralité.',
        valueProposition: 'Un pilotage unique post-fusion et des prévisions de sinistralité pour maîtriser les frais de gestion.',
        whitespace: [
          { id: 'sample-ws-ma-analytics-siege', offering: 'Plateforme Analytics', entity: 'Siège Nantes', status: 'ours', value: 95_000 },
          { id: 'sample-ws-ma-previsions-technique', offering: 'Module Prévisions', entity: 'Direction Technique', status: 'none', value: 180_000 },
          { id: 'sample-ws-ma-analytics-agences', offering: 'Plateforme Analytics', entity: 'Réseau d’agences', status: 'in_house', value: 105_000 },
        ],
        risks: [{ id: 'sample-risk-ma-daf', title: 'DAF peu engagé : risque d’arbitrage budgétaire', severity: 'medium', mitigation: 'Revue de valeur avec Olivier Lambert avant le budget.' }],
        productFeedback: '- Hébergement HDS (données de santé) demandé pour le Module Prévisions.',
        createdAt: ago(450),
        updatedAt: ago(40),
      },
      actions: [
        {
          slug: 'revue-valeur',
          stakeholder: 'olivier-lambert',
          title: 'Planifier une revue de valeur avec Olivier Lambert (DAF)',
          dueAt: day(15),
          kind: 'meeting',
          createdAt: ago(8),
        },
        { slug: 'hds', title: 'Vérifier avec l’équipe produit la roadmap hébergement HDS', kind: 'task', priority: 'low', createdAt: ago(40) },
      ],
      notes: [
        {
          slug: 'karim-point',
          stakeholder: 'karim-benali',
          body: 'Point avec Karim : la Direction Technique cherche un outil de prévision de la sinistralité, budget possible en début d’année. Il peut organiser une démo.',
          source: { site: 'gmail', subject: 'Re: Prévisions sinistralité' },
          createdAt: ago(8),
        },
      ],
    },

    // ------------------------------------------------------------------ Banque Brabant (tier A, mature)
    {
      account: {
        slug: 'banque-brabant',
        name: 'Banque Brabant NV',
        aliases: ['Banque Brabant', 'Bank Brabant'],
        domains: ['banquebrabant.be'],
        linkedinUrls: [company('banque-brabant')],
        website: 'https://www.banquebrabant.be/',
        industry: 'Banque / services financiers',
        tier: 'A',
        scores: { revenue: 5, potential: 2, growth: 2, strategicFit: 4, relationship: 4, access: 3 },
        currentRevenue: 310_000,
        potentialRevenue: 450_000,
        renewalAt: day(320),
        reviewCadenceDays: 30,
        nextReviewAt: day(21),
        owner: SAMPLE_OWNER,
        tags: ['Benelux', 'banque', 'référence'],
        createdAt: ago(1100),
        updatedAt: ago(14),
      },
      stakeholders: [
        {
          slug: 'pieter-janssens',
          name: 'Pieter Janssens',
          title: 'Chief Risk Officer',
          location: 'Brussels, Belgium',
          linkedinUrl: profile('pieter-janssens-cro'),
          emails: ['pieter.janssens@banquebrabant.be'],
          role: 'economic_buyer',
          influence: 'high',
          stance: 'supporter',
          relationship: 'good',
          lastContactAt: ago(30),
        },
        {
          slug: 'sofie-peeters',
          name: 'Sofie Peeters',
          title: 'Head of Finance Data Office',
          location: 'Leuven, Belgium',
          linkedinUrl: profile('sofie-peeters'),
          emails: ['sofie.peeters@banquebrabant.be'],
          role: 'champion',
          influence: 'medium',
          stance: 'champion',
          relationship: 'strong',
          reportsTo: 'pieter-janssens',
          lastContactAt: ago(14),
        },
        {
          slug: 'benoit-lemaire',
          name: 'Benoît Lemaire',
          title: 'Responsable Sécurité des SI (RSSI)',
          location: 'Brussels, Belgium',
          emails: ['benoit.lemaire@banquebrabant.be'],
          role: 'gatekeeper',
          influence: 'medium',
          stance: 'skeptic',
          relationship: 'weak',
          lastContactAt: ago(60),
          notes: 'DORA : exige le registre des prestataires TIC et les clauses de sortie.',
        },
      ],
      plan: {
        context: 'Banque régionale belge, client historique (risques et finance). Compte mature : l’enjeu est la rétention et la référence, moins l’expansion.',
        priorities: '1. Conformité DORA d’ici janvier.\n2. Automatiser le reporting réglementaire (COREP/FINREP).',
        objectives: [
          { id: 'sample-obj-brabant-dora', title: 'Passer l’audit DORA prestataire TIC', owner: SAMPLE_OWNER, dueAt: day(60), status: 'on_track' },
          { id: 'sample-obj-brabant-reference', title: 'Publier le cas client « reporting réglementaire »', owner: 'Marketing', dueAt: day(100), status: 'not_started' },
        ],
        strategy: 'Protéger le socle (DORA), puis étendre au reporting réglementaire via Sofie Peeters.',
        valueProposition: 'Reporting réglementaire fiable et auditable, conforme DORA.',
        whitespace: [
          { id: 'sample-ws-brabant-analytics-risk', offering: 'Plateforme Analytics', entity: 'Risk', status: 'ours', value: 210_000 },
          { id: 'sample-ws-brabant-analytics-finance', offering: 'Plateforme Analytics', entity: 'Finance', status: 'ours', value: 100_000 },
          { id: 'sample-ws-brabant-previsions-finance', offering: 'Module Prévisions', entity: 'Finance', status: 'competitor', value: 140_000, competitor: 'Anaplan' },
        ],
        risks: [{ id: 'sample-risk-brabant-dora', title: 'Audit DORA : clauses de réversibilité insuffisantes', severity: 'medium', mitigation: 'Avenant contractuel préparé avec le juridique.' }],
        advocacy: [
          { id: 'sample-adv-brabant-reference', kind: 'reference', text: 'Pieter Janssens accepte des appels de référence avec d’autres banques.' },
          { id: 'sample-adv-brabant-testimonial', kind: 'testimonial', text: 'Citation de Sofie Peeters validée pour le site web.' },
        ],
        createdAt: ago(1000),
        updatedAt: ago(14),
      },
      actions: [
        {
          slug: 'avenant-dora',
          stakeholder: 'benoit-lemaire',
          title: 'Envoyer l’avenant DORA à Benoît Lemaire',
          dueAt: day(3),
          priority: 'high',
          kind: 'email',
          createdAt: ago(14),
        },
      ],
      notes: [
        {
          slug: 'sofie-reporting',
          stakeholder: 'sofie-peeters',
          body: 'Sofie wants to automate COREP/FINREP next year; Anaplan is used for planning in Finance but she is not happy with it.',
          source: { site: 'dashboard' },
          createdAt: ago(14),
        },
      ],
    },

    // ------------------------------------------------------------------ TransAlpes (tier C)
    {
      account: {
        slug: 'transalpes',
        name: 'TransAlpes Logistique SAS',
        aliases: ['TransAlpes'],
        domains: ['transalpes-logistique.fr'],
        linkedinUrls: [company('transalpes-logistique')],
        industry: 'Transport & logistique',
        tier: 'C',
        scores: { revenue: 1, potential: 2, growth: 2, strategicFit: 2, relationship: 3, access: 3 },
        currentRevenue: 28_000,
        potentialRevenue: 90_000,
        renewalAt: day(95),
        reviewCadenceDays: 90,
        nextReviewAt: day(40),
        owner: SAMPLE_OWNER,
        tags: ['PME', 'Auvergne-Rhône-Alpes'],
        createdAt: ago(380),
        updatedAt: ago(35),
      },
      stakeholders: [
        {
          slug: 'laurent-girard',
          name: 'Laurent Girard',
          title: 'Directeur Supply Chain',
          location: 'Chambéry, Auvergne-Rhône-Alpes',
          linkedinUrl: profile('laurent-girard-supply-chain'),
          emails: ['laurent.girard@transalpes-logistique.fr'],
          role: 'decision_maker',
          influence: 'high',
          stance: 'supporter',
          relationship: 'good',
          lastContactAt: ago(35),
        },
        {
          slug: 'emilie-faure',
          name: 'Émilie Faure',
          title: 'Contrôleuse de gestion',
          emails: ['emilie.faure@transalpes-logistique.fr'],
          role: 'user',
          influence: 'low',
          stance: 'neutral',
          relationship: 'none',
          reportsTo: 'laurent-girard',
        },
      ],
      plan: {
        context: 'Transporteur régional (3 plateformes : Chambéry, Lyon, Grenoble). Équipé sur Chambéry uniquement.',
        objectives: [{ id: 'sample-obj-transalpes-lyon', title: 'Étendre à la plateforme de Lyon', owner: SAMPLE_OWNER, dueAt: day(95), status: 'not_started' }],
        whitespace: [
          { id: 'sample-ws-transalpes-analytics-chambery', offering: 'Plateforme Analytics', entity: 'Chambéry', status: 'ours', value: 28_000 },
          { id: 'sample-ws-transalpes-analytics-lyon', offering: 'Plateforme Analytics', entity: 'Lyon', status: 'none', value: 32_000 },
          { id: 'sample-ws-transalpes-analytics-grenoble', offering: 'Plateforme Analytics', entity: 'Grenoble', status: 'unknown', value: 30_000 },
        ],
        createdAt: ago(300),
        updatedAt: ago(120),
      },
      actions: [
        {
          slug: 'extension-lyon',
          stakeholder: 'laurent-girard',
          title: 'Proposer à Laurent Girard un pilote sur la plateforme de Lyon',
          dueAt: day(20),
          kind: 'call',
          createdAt: ago(35),
        },
      ],
    },

    // ------------------------------------------------------------------ Officine Lombarde (new, nothing yet)
    {
      account: {
        slug: 'officine-lombarde',
        name: 'Officine Lombarde S.p.A.',
        aliases: ['Officine Lombarde'],
        domains: ['officinelombarde.it'],
        linkedinUrls: [company('officine-lombarde')],
        website: 'https://www.officinelombarde.it/',
        industry: 'Industrie manufacturière / machines-outils',
        tier: 'untiered',
        scores: { revenue: 0, potential: 4, growth: 3, strategicFit: 3, relationship: 1, access: 0 },
        currentRevenue: 0,
        potentialRevenue: 150_000,
        reviewCadenceDays: 60,
        owner: SAMPLE_OWNER,
        tags: ['prospect', 'Italie'],
        createdAt: ago(3),
        updatedAt: ago(3),
      },
      actions: [
        {
          slug: 'power-map',
          title: 'Identifier le directeur des opérations et le DSI sur LinkedIn',
          dueAt: day(2),
          kind: 'task',
          createdAt: ago(3),
        },
      ],
    },
  ];

  return build(blocks, now);
}

/** Hexagone's whitespace grid: offerings × siège / regional subsidiaries. Ours = current revenue (180 k€). */
function hexagoneWhitespace(): z.input<typeof planSchema>['whitespace'] {
  type Cell = [entity: string, status: 'ours' | 'competitor' | 'in_house' | 'none' | 'unknown', value: number | undefined, competitor?: string];
  const grid: Record<string, Cell[]> = {
    'Plateforme Analytics': [
      ['Siège', 'ours', 90_000],
      ['Hexagone Nord', 'ours', 60_000],
      ['Hexagone Sud-Ouest', 'competitor', 70_000, 'Qlik'],
      ['Hexagone Est', 'none', 70_000],
      ['Hexagone Île-de-France', 'unknown', 80_000],
      ['Autres filiales régionales (37)', 'none', 500_000],
    ],
    'Module Prévisions': [
      ['Siège', 'ours', 30_000],
      ['Hexagone Nord', 'in_house', 50_000],
      ['Hexagone Sud-Ouest', 'none', 40_000],
      ['Hexagone Est', 'none', 40_000],
      ['Hexagone Île-de-France', 'competitor', 60_000, 'SAP IBP'],
      ['Autres filiales régionales (37)', 'none', 110_000],
    ],
  };
  // short, stable ids: "sample-ws-hexagone-analytics-sud-ouest"
  const code = (s: string) => foldText(s).replace(/^(plateforme|module|hexagone) /, '').replace(/ regionales \d+$/, '').replace(/ \d+$/, '').replace(/ /g, '-').slice(0, 24);
  return Object.entries(grid).flatMap(([offering, cells]) =>
    cells.map(([entity, status, value, competitor]) => ({
      id: `sample-ws-hexagone-${code(offering)}-${code(entity)}`,
      offering,
      entity,
      status,
      ...(value !== undefined ? { value } : {}),
      ...(competitor ? { competitor } : {}),
    })),
  );
}

function build(blocks: AccountBlock[], now: number): SampleData {
  const out: SampleData = { accounts: [], plans: [], stakeholders: [], actions: [], notes: [] };
  for (const b of blocks) {
    const { slug: accSlug, ...acc } = b.account;
    const accountId = sampleAccountId(accSlug);
    out.accounts.push(accountSchema.parse({ ...acc, id: accountId, nameKey: nameKey(acc.name) }));

    const people = new Set((b.stakeholders ?? []).map((s) => s.slug));
    const stk = (slug: string | undefined): string | undefined => {
      if (slug === undefined) return undefined;
      if (!people.has(slug)) throw new Error(`sample: unknown stakeholder ${slug} in ${accSlug}`);
      return sampleStakeholderId(slug);
    };

    for (const { slug, reportsTo, ...s } of b.stakeholders ?? []) {
      const createdAt = s.createdAt ?? b.account.createdAt;
      out.stakeholders.push(
        stakeholderSchema.parse({
          ...s,
          id: sampleStakeholderId(slug),
          accountId,
          nameKey: personKey(s.name),
          ...(reportsTo ? { reportsTo: stk(reportsTo) } : {}),
          createdAt,
          updatedAt: s.updatedAt ?? Math.max(createdAt, s.lastContactAt ?? createdAt),
        }),
      );
    }
    if (b.plan) out.plans.push(planSchema.parse({ ...b.plan, id: planIdOf(accountId), accountId }));
    for (const { slug, stakeholder, ...a } of b.actions ?? []) {
      const createdAt = a.createdAt ?? now;
      out.actions.push(
        actionSchema.parse({
          ...a,
          id: `sample-act-${accSlug}-${slug}`,
          accountId,
          ...(stakeholder ? { stakeholderId: stk(stakeholder) } : {}),
          createdAt,
          updatedAt: a.updatedAt ?? createdAt,
        }),
      );
    }
    for (const { slug, stakeholder, ...n } of b.notes ?? []) {
      out.notes.push(
        noteSchema.parse({
          ...n,
          id: `sample-note-${accSlug}-${slug}`,
          accountId,
          ...(stakeholder ? { stakeholderId: stk(stakeholder) } : {}),
          updatedAt: n.createdAt,
        }),
      );
    }
  }
  return out;
}
