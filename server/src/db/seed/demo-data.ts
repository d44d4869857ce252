import type { OrganisationKind, OrganisationStatus } from '../../domain/organisations.ts';

/** The demo's two networks: a regional ESS network and its partner network. */
export const demoNetworks = [
  {
    slug: 'ess-hauts-de-france',
    name: 'Réseau ESS Hauts-de-France',
    description: "Le réseau régional des structures de l'économie sociale et solidaire.",
    isDefault: true,
  },
  {
    slug: 'environnement-solidarite',
    name: 'Réseau Environnement & Solidarité',
    description: "Le réseau partenaire des acteurs de l'environnement et de la solidarité.",
    isDefault: false,
  },
];

type DemoOrganisation = {
  key: string;
  name: string;
  kind: OrganisationKind;
  status: OrganisationStatus;
  city: string;
  postcode: string;
  address: string;
  description: string;
  networks: string[];
};

const both = ['ess-hauts-de-france', 'environnement-solidarite'];
const regional = ['ess-hauts-de-france'];

export const demoOrganisations: DemoOrganisation[] = [
  {
    key: 'tonnelle',
    name: 'La Tonnelle Solidaire',
    kind: 'association',
    status: 'active',
    city: 'Lille',
    postcode: '59000',
    address: '12 rue des Postes',
    description: "Association d'éducation populaire : fêtes de quartier, matériel événementiel partagé.",
    networks: both,
  },
  {
    key: 'tisserands',
    name: 'Centre social Les Tisserands',
    kind: 'association',
    status: 'active',
    city: 'Roubaix',
    postcode: '59100',
    address: '3 place de la Liberté',
    description: 'Centre social du quartier de l’Épeule : ateliers, accueil des familles, sorties.',
    networks: regional,
  },
  {
    key: 'alentour',
    name: "Coop'Alentour",
    kind: 'cooperative',
    status: 'active',
    city: 'Arras',
    postcode: '62000',
    address: '8 rue Gambetta',
    description: 'SCIC de services aux associations : comptabilité, numérique, communication.',
    networks: regional,
  },
  {
    key: 'graines',
    name: 'SCOP Graines de Communs',
    kind: 'cooperative',
    status: 'active',
    city: 'Lens',
    postcode: '62300',
    address: '21 rue de la Gare',
    description: 'Conseil en transition écologique et animation de démarches participatives.',
    networks: both,
  },
  {
    key: 'recyclerie',
    name: 'Recyclerie du Valenciennois',
    kind: 'entreprise',
    status: 'active',
    city: 'Valenciennes',
    postcode: '59300',
    address: '45 avenue de Saint-Amand',
    description: "Entreprise d'insertion : collecte, réparation et revente d'objets.",
    networks: both,
  },
  {
    key: 'velo-amiens',
    name: 'Vélo en Ville Amiens',
    kind: 'association',
    status: 'active',
    city: 'Amiens',
    postcode: '80000',
    address: '2 rue des Jacobins',
    description: 'Atelier vélo participatif, vélos cargos et remorques à partager.',
    networks: both,
  },
  {
    key: 'saint-quentin',
    name: 'Ville de Saint-Quentin — Vie associative',
    kind: 'collectivite',
    status: 'active',
    city: 'Saint-Quentin',
    postcode: '02100',
    address: "Hôtel de ville, place de l'Hôtel de Ville",
    description: 'Le service vie associative prête tables, chaises, grilles et panneaux d’exposition.',
    networks: regional,
  },
  {
    key: 'jardins-bethune',
    name: 'Les Jardins Partagés de Béthune',
    kind: 'association',
    status: 'active',
    city: 'Béthune',
    postcode: '62400',
    address: '17 rue du Moulin',
    description: 'Jardins collectifs, outillage et conseils de permaculture.',
    networks: ['environnement-solidarite'],
  },
  {
    key: 'beffroi',
    name: 'Compagnie du Beffroi',
    kind: 'association',
    status: 'active',
    city: 'Douai',
    postcode: '59500',
    address: '6 rue de la Mairie',
    description: 'Compagnie de théâtre : sonorisation, lumière, animation de réunions.',
    networks: regional,
  },
  {
    key: 'regie-calais',
    name: 'Régie de quartier de Calais',
    kind: 'entreprise',
    status: 'active',
    city: 'Calais',
    postcode: '62100',
    address: '30 boulevard Lafayette',
    description: "Régie de quartier : entretien, petits travaux, outillage et chantiers d'insertion.",
    networks: regional,
  },
  {
    key: 'beauvaisis',
    name: 'Épicerie solidaire du Beauvaisis',
    kind: 'association',
    status: 'active',
    city: 'Beauvais',
    postcode: '60000',
    address: '9 rue Carnot',
    description: 'Épicerie solidaire et cuisine partagée : matériel de cuisine et vaisselle réutilisable.',
    networks: both,
  },
  {
    key: 'repair-dunkerque',
    name: 'Repair Café de Dunkerque',
    kind: 'association',
    status: 'pending',
    city: 'Dunkerque',
    postcode: '59140',
    address: '4 quai de la Citadelle',
    description: 'Ateliers de réparation ouverts à tous, un samedi par mois.',
    networks: regional,
  },
  {
    key: 'soissons',
    name: 'Les Amis du Soissonnais',
    kind: 'individuel',
    status: 'pending',
    city: 'Soissons',
    postcode: '02200',
    address: '',
    description: 'Collectif d’habitants qui organise la fête des voisins.',
    networks: regional,
  },
];

/** The demo accounts listed in the README; `managerOf`/`memberOf` name a structure by its key. */
type DemoUser = { email: string; name: string; adminOf?: string[]; managerOf?: string; memberOf?: string };

export const demoUsers: DemoUser[] = [
  { email: 'admin@demo.mutua.fr', name: 'Camille Admin', adminOf: ['ess-hauts-de-france', 'environnement-solidarite'] },
  { email: 'preteur@demo.mutua.fr', name: 'Karim Prêteur', managerOf: 'tonnelle' },
  { email: 'emprunteur@demo.mutua.fr', name: 'Léa Emprunteuse', memberOf: 'tisserands' },
  { email: 'tisserands@demo.mutua.fr', name: 'Sophie Martin', managerOf: 'tisserands' },
  { email: 'alentour@demo.mutua.fr', name: 'Julien Lefebvre', managerOf: 'alentour' },
  { email: 'graines@demo.mutua.fr', name: 'Nadia Benali', managerOf: 'graines' },
  { email: 'recyclerie@demo.mutua.fr', name: 'Thomas Dubois', managerOf: 'recyclerie' },
  { email: 'velo@demo.mutua.fr', name: 'Élodie Petit', managerOf: 'velo-amiens' },
  { email: 'saint-quentin@demo.mutua.fr', name: 'Marc Leroy', managerOf: 'saint-quentin' },
  { email: 'jardins@demo.mutua.fr', name: 'Anne Moreau', managerOf: 'jardins-bethune' },
  { email: 'beffroi@demo.mutua.fr', name: 'Hugo Lambert', managerOf: 'beffroi' },
  { email: 'regie@demo.mutua.fr', name: 'Fatima Haddad', managerOf: 'regie-calais' },
  { email: 'epicerie@demo.mutua.fr', name: 'Paul Girard', managerOf: 'beauvaisis' },
  { email: 'repair@demo.mutua.fr', name: 'Inès Caron', managerOf: 'repair-dunkerque' },
  { email: 'soissons@demo.mutua.fr', name: 'Louis Fournier', managerOf: 'soissons' },
];

/** Accounts printed at start and listed in the README. */
export const demoAccountsToPrint = [
  { email: 'admin@demo.mutua.fr', role: 'administratrice des deux réseaux' },
  { email: 'preteur@demo.mutua.fr', role: 'gestionnaire de La Tonnelle Solidaire (prêteur)' },
  { email: 'emprunteur@demo.mutua.fr', role: 'membre du Centre social Les Tisserands (emprunteur)' },
];
