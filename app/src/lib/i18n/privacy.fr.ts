/** The privacy strings, in French (the source of truth; privacy.en.ts has the same keys). Keys start with « privacy. ». */
export const privacyFr = {
  // « Mon compte » › « Mes données personnelles »
  'privacy.account.title': 'Mes données personnelles',
  'privacy.account.lead':
    'Téléchargez tout ce que Mutua garde sur vous, ou supprimez votre compte. Ce qui est gardé, et pourquoi, est expliqué sur la page Confidentialité.',
  'privacy.account.download': 'Télécharger mes données (JSON)',
  'privacy.account.downloadHint':
    'Un fichier avec votre profil, vos sessions, vos structures, vos demandes de prêt, vos messages, vos notifications et vos préférences. Les autres personnes n’y figurent pas.',
  'privacy.account.policyLink': 'Confidentialité : ce que nous gardons et pourquoi',
  'privacy.delete.title': 'Supprimer mon compte',
  'privacy.delete.lead':
    'Votre compte sera effacé 7 jours après votre demande. Vous serez déconnecté·e de tous vos appareils tout de suite ; pour annuler, il suffit de vous reconnecter avant la date.',
  'privacy.delete.kept':
    'Ce qui reste : les prêts et les demandes de vos structures restent dans leur historique, sans votre nom ; vos messages y gardent leur place, sans leur texte. Votre profil, vos sessions, vos notifications et vos préférences sont effacés.',
  'privacy.delete.lastManager':
    'Si vous êtes le ou la dernière gestionnaire d’une structure qui a des prêts en cours, nommez d’abord un·e autre gestionnaire.',
  'privacy.delete.open': 'Je veux supprimer mon compte',
  'privacy.delete.password': 'Votre mot de passe',
  'privacy.delete.passwordHint': 'Pour confirmer que c’est bien vous.',
  'privacy.delete.confirm': 'Je comprends que mon compte sera effacé dans 7 jours, sauf si je me reconnecte avant.',
  'privacy.delete.submit': 'Supprimer mon compte',
  'privacy.delete.wrongPassword': 'Ce n’est pas votre mot de passe.',
  'privacy.delete.confirmRequired': 'Cochez la case pour confirmer.',
  'privacy.delete.blockedBy': 'Structures concernées :',
  // After the request: signed out.
  'privacy.scheduled.title': 'Votre compte va être supprimé',
  'privacy.scheduled.when': 'Il sera effacé le {date}.',
  'privacy.scheduled.whenUnknown': 'Il sera effacé dans 7 jours.',
  'privacy.scheduled.signedOut': 'Vous êtes déconnecté·e de tous vos appareils. Un e-mail vous le confirme.',
  'privacy.scheduled.cancel':
    'Vous avez changé d’avis ? Reconnectez-vous avant cette date : la suppression sera annulée, et votre compte restera tel quel.',
  'privacy.scheduled.signIn': 'Me reconnecter',
  'privacy.scheduled.policy': 'Ce qui est gardé après la suppression',
  // The privacy page (/confidentialite).
  'privacy.page.title': 'Confidentialité et données personnelles',
  'privacy.page.lead':
    'Mutua sert aux structures d’un réseau à se prêter du matériel et à échanger des services. Voici ce que la plateforme garde sur les personnes qui agissent pour ces structures, pourquoi, qui le voit, combien de temps, et comment le reprendre ou l’effacer.',
  'privacy.page.collected.title': 'Ce que nous recueillons',
  'privacy.page.collected.account':
    'Votre compte : votre nom, votre adresse e-mail, votre langue, et votre mot de passe, gardé sous une forme que personne ne peut relire.',
  'privacy.page.collected.sessions':
    'Vos connexions : quand, depuis quel navigateur et quelle adresse IP, pour que vous voyiez où votre compte est ouvert et pour le protéger des tentatives répétées.',
  'privacy.page.collected.activity':
    'Ce que vous faites pour vos structures : les annonces, les demandes de prêt et leurs étapes, les messages, les réponses aux besoins, les signalements.',
  'privacy.page.collected.notifications':
    'Les notifications qui vous sont adressées, dans l’application et par e-mail, et vos préférences.',
  'privacy.page.collected.audit':
    'Le journal des actions sensibles : validations, suspensions, rôles, exports et suppressions de données, avec qui a agi et quand.',
  'privacy.page.collected.cookies':
    'Deux cookies seulement, nécessaires : celui de votre session et celui de votre langue. Aucune publicité, aucun traceur.',
  'privacy.page.why.title': 'Pourquoi',
  'privacy.page.why.lending':
    'Faire fonctionner les prêts et les services entre structures : savoir qui demande, qui répond, quand on se retrouve.',
  'privacy.page.why.moderation':
    'Permettre au réseau de faire respecter sa charte (modération, signalements) et de rendre compte de ses décisions.',
  'privacy.page.why.impact':
    'Mesurer ce que le partage apporte : les statistiques d’impact comptent les prêts, les jours d’usage et les structures, jamais les personnes.',
  'privacy.page.who.title': 'Qui les voit',
  'privacy.page.who.structures':
    'Les structures avec lesquelles vous échangez voient votre nom sur les demandes et les messages ; les coordonnées affichées sont celles de la structure, pas les vôtres.',
  'privacy.page.who.admins':
    'Les administrateur·rices et modérateur·rices de vos réseaux voient ce qu’il faut pour modérer, et le journal de leurs réseaux.',
  'privacy.page.who.nobodyElse': 'Personne d’autre : vos données ne sont ni vendues ni prêtées.',
  'privacy.page.howLong.title': 'Combien de temps',
  'privacy.page.howLong.sessions': 'Une session dure au plus 30 jours, et s’arrête dès que vous vous déconnectez.',
  'privacy.page.howLong.account': 'Votre compte, vos notifications et vos préférences, tant que votre compte existe.',
  'privacy.page.howLong.audit':
    'Le journal des actions est gardé sans limite, pour que le réseau puisse rendre compte de ses décisions ; il désigne les personnes par un identifiant, pas par leur nom ni leur adresse, et un compte effacé n’y a plus de nom.',
  'privacy.page.howLong.erased':
    'Un compte supprimé est effacé 7 jours après la demande. Les prêts restent dans l’historique des structures et dans les statistiques, anonymisés : sans votre nom, sans ce que vous avez écrit.',
  'privacy.page.rights.title': 'Vos droits, et comment les exercer',
  'privacy.page.rights.access': 'Consulter et emporter vos données : « Télécharger mes données » dans Mon compte.',
  'privacy.page.rights.rectify': 'Corriger votre nom, votre adresse ou votre langue : dans Mon compte.',
  'privacy.page.rights.erase':
    'Effacer votre compte : « Supprimer mon compte » dans Mon compte, avec 7 jours pour changer d’avis.',
  'privacy.page.rights.ask':
    'Sans accès à votre compte, ou pour toute autre demande : écrivez aux administrateur·rices de votre réseau. Ils et elles peuvent exporter ou effacer vos données à votre demande, et chaque fois c’est inscrit au journal.',
  'privacy.page.rights.cnil': 'Si la réponse ne vous satisfait pas, vous pouvez saisir la CNIL (cnil.fr).',
  'privacy.page.contact.title': 'Contact',
  'privacy.page.contact.text':
    'Les administrateur·rices de votre réseau répondent aux questions sur vos données : écrivez au réseau dont votre structure est membre, à l’adresse qu’il vous a donnée en vous accueillant.',
  'privacy.page.accountLink': 'Aller à Mon compte',
  'privacy.footerLink': 'Confidentialité',
  'privacy.admin.toggle': 'Données personnelles, à sa demande',
  'privacy.admin.export': 'Exporter ses données (JSON)',
  'privacy.admin.exportLabel': 'Exporter les données de {name} (JSON)',
  'privacy.admin.note': 'La demande reçue',
  'privacy.admin.noteHint':
    'Quand et comment la personne l’a demandé. N’écrivez ni son nom ni son adresse : le journal garde cette note pour toujours.',
  'privacy.admin.confirm': 'La personne a demandé la suppression de son compte',
  'privacy.admin.submit': 'Supprimer son compte',
  'privacy.admin.submitLabel': 'Supprimer le compte de {name}',
  'privacy.admin.noteRequired': 'Indiquez la demande reçue.',
  'privacy.admin.confirmRequired': 'Cochez la case : la suppression se fait à la demande de la personne.',
  'privacy.admin.scheduled':
    'Le compte de {name} sera effacé le {date}. D’ici là, la personne peut annuler en se connectant.',
} satisfies Record<string, string>;
