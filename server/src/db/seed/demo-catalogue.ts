/** The demo catalogue: realistic items, services and needs of the demo structures (keys of demo-data.ts). */
type DemoItem = {
  owner: string;
  title: string;
  category: string;
  quantity: number;
  condition: 'new' | 'very_good' | 'good' | 'worn';
  value: number;
  deposit?: number;
  fee?: ['per_day' | 'per_loan', number];
  description: string;
  rules?: string;
  maxDays?: number;
  notice?: number;
  visibility?: 'networks' | 'all';
};

export const demoItems: DemoItem[] = [
  { owner: 'tonnelle', title: 'Tonnelle pliante 3x3 m', category: 'tonnelles', quantity: 4, condition: 'good', value: 180, deposit: 50, description: 'Tonnelle pliante en acier, toile blanche imperméable, livrée avec sac de transport et lests. Montage à deux en 10 minutes.', rules: 'À rendre sèche et pliée dans son sac.', maxDays: 7, notice: 2, visibility: 'all' },
  { owner: 'tonnelle', title: 'Barnum 4x8 m', category: 'barnums', quantity: 1, condition: 'very_good', value: 1200, deposit: 300, fee: ['per_loan', 30], description: 'Grand barnum pour fêtes de quartier et marchés, avec côtés amovibles. Demande 4 personnes au montage.', maxDays: 4, notice: 7 },
  { owner: 'tonnelle', title: 'Tables pliantes 180 cm', category: 'tables', quantity: 20, condition: 'good', value: 60, description: 'Tables de réception pliantes, plateau polyéthylène, 6 à 8 personnes chacune.', maxDays: 7, visibility: 'all' },
  { owner: 'tonnelle', title: 'Chaises pliantes', category: 'chaises', quantity: 80, condition: 'good', value: 15, description: 'Chaises pliantes en plastique blanc, empilables, par lots de 10.', maxDays: 7, visibility: 'all' },
  { owner: 'tonnelle', title: 'Sonorisation portable 200 W', category: 'son-lumiere', quantity: 1, condition: 'very_good', value: 400, deposit: 100, description: 'Enceinte sur batterie avec deux micros sans fil, idéale pour une prise de parole en extérieur.', maxDays: 3 },
  { owner: 'tisserands', title: 'Gobelets réutilisables (lot de 500)', category: 'cuisine-vaisselle', quantity: 3, condition: 'good', value: 250, description: 'Gobelets 25 cl sérigraphiés, rendus lavés. Caisse de transport fournie.', rules: 'Les gobelets perdus sont facturés 1 € pièce.', visibility: 'all' },
  { owner: 'tisserands', title: 'Jeux en bois géants', category: 'evenementiel', quantity: 1, condition: 'good', value: 600, description: 'Malle de 12 jeux en bois (puissance 4 géant, palet, mölkky…) pour animer une fête de quartier.', maxDays: 5 },
  { owner: 'tisserands', title: 'Vidéoprojecteur Full HD', category: 'videoprojecteurs', quantity: 1, condition: 'very_good', value: 650, deposit: 150, description: 'Vidéoprojecteur 3500 lumens, câble HDMI, sacoche. Écran non fourni.', maxDays: 3, notice: 1 },
  { owner: 'alentour', title: 'Ordinateurs portables reconditionnés', category: 'informatique', quantity: 6, condition: 'good', value: 300, deposit: 100, description: 'Portables Linux pour ateliers numériques ou formations, chargeurs inclus.', maxDays: 14 },
  { owner: 'alentour', title: 'Kakémono « Économie sociale et solidaire »', category: 'kakemonos', quantity: 2, condition: 'very_good', value: 90, description: 'Roll-up 85x200 cm présentant l’ESS, pour vos stands et forums des associations.', visibility: 'all' },
  { owner: 'alentour', title: 'Paperboard et feutres', category: 'exposition-communication', quantity: 3, condition: 'good', value: 120, description: 'Chevalet de conférence avec bloc et feutres, pour vos réunions et ateliers.' },
  { owner: 'graines', title: 'Exposition « Le climat en Hauts-de-France »', category: 'panneaux', quantity: 1, condition: 'very_good', value: 1500, deposit: 200, description: '12 panneaux roll-up sur le changement climatique dans la région, avec livret pédagogique.', maxDays: 21, notice: 7, visibility: 'all' },
  { owner: 'graines', title: 'Malle pédagogique « Fresque du climat »', category: 'autre', quantity: 2, condition: 'good', value: 80, description: 'Jeux de cartes et supports pour animer une fresque du climat avec 8 à 20 personnes.', visibility: 'all' },
  { owner: 'graines', title: 'Grilles d’exposition', category: 'panneaux', quantity: 15, condition: 'worn', value: 70, description: 'Grilles caddie 1x2 m avec pieds, pour accrocher affiches et photos.' },
  { owner: 'recyclerie', title: 'Scie sauteuse', category: 'outillage', quantity: 2, condition: 'good', value: 120, deposit: 50, description: 'Scie sauteuse pendulaire 650 W, coffret avec lames bois et métal.', rules: 'Lames usées à remplacer à l’identique.', maxDays: 7 },
  { owner: 'recyclerie', title: 'Perceuse-visseuse sans fil', category: 'outillage', quantity: 3, condition: 'very_good', value: 150, deposit: 50, description: 'Perceuse 18 V, deux batteries, chargeur et coffret d’embouts.', maxDays: 7, visibility: 'all' },
  { owner: 'recyclerie', title: 'Diable et chariot de manutention', category: 'outillage', quantity: 2, condition: 'worn', value: 90, description: 'Pour déménager vos stands et cartons, charge maximale 200 kg.' },
  { owner: 'recyclerie', title: 'Ponceuse orbitale', category: 'outillage', quantity: 1, condition: 'good', value: 110, description: 'Ponceuse excentrique 125 mm avec aspiration et abrasifs.', maxDays: 7 },
  { owner: 'velo-amiens', title: 'Vélo cargo biporteur électrique', category: 'velos-cargos', quantity: 2, condition: 'very_good', value: 4500, deposit: 500, fee: ['per_day', 5], description: 'Biporteur à assistance électrique, caisse de 100 L, 60 km d’autonomie. Prise en main de 15 minutes au retrait.', rules: 'Casque obligatoire. Batterie rendue chargée.', maxDays: 5, notice: 2, visibility: 'all' },
  { owner: 'velo-amiens', title: 'Remorque vélo de transport', category: 'remorques', quantity: 3, condition: 'good', value: 350, deposit: 100, description: 'Remorque mono-roue 80 kg, attelage universel.', maxDays: 7, visibility: 'all' },
  { owner: 'velo-amiens', title: 'Triporteur pour animation', category: 'velos-cargos', quantity: 1, condition: 'good', value: 2500, deposit: 300, description: 'Triporteur avec bac, parfait pour un stand mobile ou une distribution en centre-ville.', maxDays: 3 },
  { owner: 'velo-amiens', title: 'Caisse à outils de réparation vélo', category: 'outillage', quantity: 2, condition: 'good', value: 200, description: 'Outils pour un atelier d’autoréparation : démonte-pneus, clés, dérive-chaîne, pompe à pied.' },
  { owner: 'saint-quentin', title: 'Podium modulable 6x4 m', category: 'evenementiel', quantity: 1, condition: 'good', value: 5000, deposit: 500, description: 'Scène en praticables avec escalier et garde-corps. Montage par les services de la ville.', maxDays: 3, notice: 21 },
  { owner: 'saint-quentin', title: 'Barrières de sécurité', category: 'evenementiel', quantity: 40, condition: 'worn', value: 80, description: 'Barrières Vauban de 2 m pour délimiter un espace public.', notice: 14 },
  { owner: 'saint-quentin', title: 'Tables de brasserie', category: 'tables', quantity: 30, condition: 'good', value: 120, description: 'Ensembles table + 2 bancs pliants, 220 cm.', notice: 7, visibility: 'all' },
  { owner: 'saint-quentin', title: 'Panneaux d’exposition sur pieds', category: 'panneaux', quantity: 25, condition: 'good', value: 100, description: 'Panneaux 1x2 m en bois, face liège, pour expositions en salle.', notice: 7 },
  { owner: 'jardins-bethune', title: 'Broyeur de végétaux', category: 'jardin', quantity: 1, condition: 'good', value: 900, deposit: 200, fee: ['per_loan', 10], description: 'Broyeur thermique pour branches jusqu’à 5 cm. Formation à la prise en main obligatoire.', rules: 'Carburant à la charge de l’emprunteur.', maxDays: 2, notice: 3, visibility: 'all' },
  { owner: 'jardins-bethune', title: 'Grelinette', category: 'jardin', quantity: 3, condition: 'good', value: 90, description: 'Outil de travail du sol sans retournement, pour potagers partagés.', maxDays: 14, visibility: 'all' },
  { owner: 'jardins-bethune', title: 'Composteur pédagogique', category: 'jardin', quantity: 1, condition: 'very_good', value: 150, description: 'Composteur à parois transparentes pour animations avec les enfants.' },
  { owner: 'jardins-bethune', title: 'Kit de semis et de bouturage', category: 'jardin', quantity: 2, condition: 'good', value: 60, description: 'Godets, terreau, étiquettes et mini-serre pour un atelier semis.' },
  { owner: 'beffroi', title: 'Projecteurs LED de scène', category: 'son-lumiere', quantity: 8, condition: 'very_good', value: 180, deposit: 50, description: 'Projecteurs PAR LED RGB, pieds et câbles DMX, console simple.', maxDays: 4 },
  { owner: 'beffroi', title: 'Table de mixage et micros', category: 'son-lumiere', quantity: 1, condition: 'good', value: 700, deposit: 150, description: 'Console 12 voies, 4 micros filaires, pieds et câblage.', maxDays: 4, notice: 3 },
  { owner: 'beffroi', title: 'Pendrillons noirs', category: 'evenementiel', quantity: 10, condition: 'good', value: 120, description: 'Rideaux de scène noirs 3x6 m, pour occulter ou habiller une salle.' },
  { owner: 'regie-calais', title: 'Échafaudage roulant', category: 'outillage', quantity: 1, condition: 'good', value: 800, deposit: 200, description: 'Échafaudage aluminium, hauteur de travail 5 m, stabilisateurs.', rules: 'Montage selon la notice fournie ; port de chaussures de sécurité.', maxDays: 7, notice: 3 },
  { owner: 'regie-calais', title: 'Nettoyeur haute pression', category: 'outillage', quantity: 1, condition: 'good', value: 350, description: 'Nettoyeur 150 bars avec lance et brosse rotative.', maxDays: 3 },
  { owner: 'regie-calais', title: 'Remorque bagagère 750 kg', category: 'remorques', quantity: 1, condition: 'worn', value: 1200, deposit: 300, description: 'Remorque pour voiture, permis B suffisant. Bâche incluse.', maxDays: 3, notice: 2 },
  { owner: 'regie-calais', title: 'Escabeaux', category: 'outillage', quantity: 4, condition: 'good', value: 70, description: 'Escabeaux aluminium 5 marches.', visibility: 'all' },
  { owner: 'beauvaisis', title: 'Marmites et faitouts grande capacité', category: 'cuisine-vaisselle', quantity: 4, condition: 'good', value: 120, description: 'Marmites de 50 L en inox pour repas partagés.', visibility: 'all' },
  { owner: 'beauvaisis', title: 'Vaisselle pour 100 personnes', category: 'cuisine-vaisselle', quantity: 1, condition: 'good', value: 400, deposit: 80, description: 'Assiettes, couverts et verres en caisses, à rendre propres.', maxDays: 4, visibility: 'all' },
  { owner: 'beauvaisis', title: 'Réchaud à gaz deux feux', category: 'cuisine-vaisselle', quantity: 2, condition: 'very_good', value: 150, description: 'Réchaud professionnel avec détendeur. Bouteille de gaz non fournie.', maxDays: 4 },
  { owner: 'beauvaisis', title: 'Friteuse et plancha électriques', category: 'cuisine-vaisselle', quantity: 1, condition: 'good', value: 300, description: 'Pour une buvette ou une fête : friteuse 8 L et plancha 60 cm.', maxDays: 3 },
  { owner: 'graines', title: 'Vélo à smoothie', category: 'mobilite', quantity: 1, condition: 'good', value: 900, deposit: 150, description: 'Vélo qui actionne un blender : une animation qui fait parler d’énergie.', maxDays: 3, visibility: 'all' },
];

type DemoService = {
  owner: string;
  title: string;
  domain: 'transition_ecologique' | 'animation_facilitation' | 'pedagogie' | 'communication' | 'gestion_comptabilite' | 'numerique' | 'juridique' | 'autre';
  format: 'on_site' | 'remote' | 'both';
  minutes?: number;
  provider: string;
  participation: 'free' | 'exchange' | 'price';
  price?: number;
  description: string;
  visibility?: 'networks' | 'all';
};

export const demoServices: DemoService[] = [
  { owner: 'graines', title: 'Bilan carbone simplifié de votre structure', domain: 'transition_ecologique', format: 'both', minutes: 180, provider: 'Nadia Benali', participation: 'exchange', description: 'En une demi-journée, on mesure ensemble les principaux postes d’émissions de votre structure et on choisit trois actions réalistes.', visibility: 'all' },
  { owner: 'graines', title: 'Animation d’une Fresque du climat', domain: 'transition_ecologique', format: 'on_site', minutes: 180, provider: 'Nadia Benali', participation: 'free', description: 'Atelier collaboratif de 3 heures pour comprendre le changement climatique, pour vos salariés, bénévoles ou adhérents.', visibility: 'all' },
  { owner: 'beffroi', title: 'Facilitation de réunion et d’assemblée générale', domain: 'animation_facilitation', format: 'on_site', minutes: 120, provider: 'Hugo Lambert', participation: 'exchange', description: 'Préparer et animer une réunion où tout le monde parle : ordre du jour, tours de parole, décision par consentement.' },
  { owner: 'beffroi', title: 'Théâtre-forum pour débattre', domain: 'pedagogie', format: 'on_site', minutes: 150, provider: 'Compagnie du Beffroi', participation: 'price', price: 250, description: 'Une séance de théâtre-forum sur un sujet qui vous concerne, pour faire émerger des solutions collectives.', visibility: 'all' },
  { owner: 'alentour', title: 'Aide à la comptabilité associative', domain: 'gestion_comptabilite', format: 'both', minutes: 90, provider: 'Julien Lefebvre', participation: 'free', description: 'Un rendez-vous pour remettre à plat votre plan comptable, préparer le budget prévisionnel ou le compte de résultat.' },
  { owner: 'alentour', title: 'Accompagnement au numérique libre', domain: 'numerique', format: 'remote', minutes: 60, provider: 'Julien Lefebvre', participation: 'free', description: 'Passer aux outils libres pour vos documents partagés, agendas et visioconférences : conseils et mise en place.', visibility: 'all' },
  { owner: 'alentour', title: 'Relecture de statuts et de conventions', domain: 'juridique', format: 'remote', minutes: 60, provider: "Coop'Alentour", participation: 'exchange', description: 'Un regard extérieur sur vos statuts, règlement intérieur ou conventions de partenariat avant une assemblée.' },
  { owner: 'tisserands', title: 'Méthodes d’éducation populaire', domain: 'pedagogie', format: 'on_site', minutes: 120, provider: 'Sophie Martin', participation: 'free', description: 'Découvrir et pratiquer des outils d’éducation populaire (arpentage, débat mouvant, porteur de parole) pour vos ateliers.' },
  { owner: 'tonnelle', title: 'Conseils pour organiser une fête de quartier', domain: 'animation_facilitation', format: 'both', minutes: 60, provider: 'Karim Prêteur', participation: 'free', description: 'Autorisations, sécurité, matériel, bénévoles : on partage notre expérience de dix ans de fêtes de quartier.', visibility: 'all' },
  { owner: 'recyclerie', title: 'Atelier de communication sur les réseaux sociaux', domain: 'communication', format: 'remote', minutes: 90, provider: 'Thomas Dubois', participation: 'exchange', description: 'Construire un calendrier de publications simple et des visuels avec des outils gratuits.' },
  { owner: 'jardins-bethune', title: 'Initiation à la permaculture', domain: 'transition_ecologique', format: 'on_site', minutes: 180, provider: 'Anne Moreau', participation: 'free', description: 'Une demi-journée au jardin pour apprendre à concevoir un potager partagé économe en eau.', visibility: 'all' },
];

type DemoNeed = {
  owner: string;
  kind: 'item' | 'service';
  title: string;
  category?: string;
  domain?: DemoService['domain'];
  description: string;
  /** Days from today; the seed turns them into dates. */
  fromInDays?: number;
  untilInDays?: number;
};

export const demoNeeds: DemoNeed[] = [
  { owner: 'tisserands', kind: 'item', title: '3 tonnelles et un vélo cargo pour la fête de l’Épeule', category: 'evenementiel', description: 'Pour notre fête de quartier de juin, il nous manque trois tonnelles et un vélo cargo pour la buvette itinérante.', fromInDays: 30, untilInDays: 31 },
  { owner: 'beauvaisis', kind: 'service', title: 'Aide pour animer notre assemblée générale', domain: 'animation_facilitation', description: 'Nous cherchons quelqu’un pour nous aider à préparer une AG plus participative.' },
  { owner: 'velo-amiens', kind: 'item', title: 'Un barnum pour la Fête du vélo', category: 'barnums', description: 'Pour abriter l’atelier de réparation pendant la Fête du vélo à Amiens.', fromInDays: 45, untilInDays: 46 },
  { owner: 'regie-calais', kind: 'service', title: 'Conseils pour réduire nos déchets de chantier', domain: 'transition_ecologique', description: 'Nos chantiers d’insertion produisent beaucoup de déchets : qui peut nous aider à faire mieux ?' },
  { owner: 'jardins-bethune', kind: 'item', title: 'Une remorque vélo pour transporter le compost', category: 'remorques', description: 'Pour aller chercher du broyat chez nos voisins une fois par semaine.' },
];
