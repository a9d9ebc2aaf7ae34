"""Demo material about people: first and last names, jobs, bios.

Names are common French first and last names drawn at random: the people are fictitious.
"""

from __future__ import annotations

FEMALE_FIRST_NAMES: tuple[str, ...] = (
    "Hélène", "Mélanie", "Éloïse", "Noémie", "Gaëlle", "Anaïs", "Zoé", "Léa", "Chloé", "Inès", "Yasmina",
    "Fatoumata", "Claire", "Sophie", "Camille", "Manon", "Juliette", "Agathe", "Margaux", "Céline",
    "Nathalie", "Isabelle", "Sandrine", "Véronique", "Christine", "Brigitte", "Maryse", "Odile", "Josiane",
    "Amandine", "Pauline", "Laure", "Sarah", "Nadia", "Samira", "Leïla", "Aïcha", "Mariam", "Awa", "Thi Mai",
    "Élodie", "Aurélie", "Émilie", "Solène", "Maëlle", "Clémence", "Bérénice", "Ophélie", "Lucie", "Jeanne",
    "Rose", "Louise", "Alice", "Marion", "Coralie", "Estelle", "Fanny", "Gwenaëlle", "Morgane", "Annick",
    "Françoise", "Monique", "Sylvie", "Dominique", "Marie-Claire", "Anne-Sophie", "Marie-Hélène", "Rachida",
    "Soizic", "Katell", "Perrine", "Apolline", "Salomé", "Lina", "Maïwenn", "Joëlle", "Ghislaine",
)
MALE_FIRST_NAMES: tuple[str, ...] = (
    "Jérôme", "Loïc", "Maël", "Karim", "Mamadou", "Thomas", "Nicolas", "Julien", "Sébastien", "Mathieu",
    "Benoît", "Frédéric", "Stéphane", "Olivier", "Philippe", "Pascal", "Bernard", "Gérard", "Michel",
    "Hervé", "Yannick", "Gwendal", "Erwan", "Ronan", "Antoine", "Baptiste", "Théo", "Hugo", "Lucas",
    "Romain", "Guillaume", "Clément", "Adrien", "Florian", "Kévin", "Mehdi", "Rachid", "Youssef", "Samir",
    "Ibrahim", "Moussa", "Abdoulaye", "Jean-Marc", "Jean-Pierre", "Pierre-Yves", "Jean-Baptiste", "François",
    "Xavier", "Régis", "Thierry", "Didier", "Patrice", "Cédric", "Arnaud", "Damien", "Grégoire", "Raphaël",
    "Élie", "Noé", "Anatole", "Valentin", "Bastien", "Joël", "Gaël", "Titouan", "Sacha", "Amine", "Quentin",
    "Dominique", "Marc-Antoine", "Ludovic", "Aurélien",
)
LAST_NAMES: tuple[str, ...] = (
    "Lefèvre", "Moreau", "Girard", "Le Gall", "Kerbrat", "Bénard", "Fontaine", "Rousseau", "Chevallier",
    "Benali", "Haddad", "Diallo", "Traoré", "Ferreira", "Da Silva", "Nguyen", "Martin", "Petit", "Garnier",
    "Lemoine", "Delmas", "Castagné", "Roux", "Bertrand", "Faure", "Mercier", "Blanchard", "Guérin", "Boyer",
    "Perrin", "Marchand", "Dupuis", "Leroux", "Lacroix", "Carré", "Brunet", "Schmitt", "Muller", "Weber",
    "Hoarau", "Payet", "Grondin", "Rivière", "Joseph", "Boulanger", "Lebrun", "Masson", "Renaud", "Barbier",
    "Aubert", "Caron", "Collin", "Vidal", "Roche", "Fabre", "Arnaud", "Gauthier", "Morel", "Lambert",
    "Bonnet", "François", "Legrand", "Gaillard", "Rey", "Clément", "Lucas", "Brun", "Meunier", "Chauvin",
    "Poulain", "Besnard", "Le Floch", "Quéré", "Tanguy", "Jézéquel", "Cazenave", "Larrieu", "Etcheverry",
    "Peyrot", "Bousquet", "Couderc", "Vigouroux", "Estève", "Pujol", "Santoni", "Albertini", "Casanova",
    "Benmoussa", "Ait Ali", "Mansouri", "Cissé", "Koné", "Camara", "Pereira", "Lopes", "Tran", "Lemaire",
    "Marty", "Charpentier", "Herbert", "Duval", "Lemaître", "Boucher", "Deschamps", "Hamon", "Pottier",
    "Thibault", "Rolland", "Gilbert", "Maillard", "Texier", "Ménard", "Jacquet", "Vasseur", "Delattre",
    "Descamps", "Wagner", "Klein", "Heitz", "Colas", "Pelletier", "Bailly", "Chapuis", "Girod", "Bourgeois",
    "Poirier", "Sauvage", "Giraud", "Mallet", "Navarro", "Ortega", "Marques", "Lefort", "Millet", "Prévost",
    "Carpentier", "Huet", "Laine", "Gomez", "Guillot", "Cordier", "Royer", "Bouvier", "Hubert", "Tessier",
)

# (masculine, feminine)
MANAGER_JOBS: tuple[tuple[str, str], ...] = (
    ("coordinateur", "coordinatrice"), ("directeur", "directrice"),
    ("président de l'association", "présidente de l'association"), ("fabmanager", "fabmanageuse"),
    ("cogérant de la SCIC", "cogérante de la SCIC"), ("coordinateur du lieu", "coordinatrice du lieu"),
)
MEMBER_JOBS: tuple[tuple[str, str], ...] = (
    ("médiateur numérique", "médiatrice numérique"), ("conseiller numérique", "conseillère numérique"),
    ("animateur", "animatrice"), ("bénévole", "bénévole"), ("chargé de projets", "chargée de projets"),
    ("responsable du jardin", "responsable du jardin"), ("responsable du café associatif",
                                                        "responsable du café associatif"),
    ("formateur", "formatrice"), ("volontaire en service civique", "volontaire en service civique"),
    ("trésorier", "trésorière"), ("artisan en résidence", "artisane en résidence"),
    ("fabmanager", "fabmanageuse"), ("médiateur numérique", "médiatrice numérique"),
    ("chargé d'accueil", "chargée d'accueil"), ("animateur jeunesse", "animatrice jeunesse"),
)
FREE_JOBS: tuple[tuple[str, str], ...] = (
    ("agent de développement territorial", "agente de développement territorial"),
    ("porteur de projet", "porteuse de projet"), ("étudiant en master ESS", "étudiante en master ESS"),
    ("consultant indépendant", "consultante indépendante"),
    ("chargé de mission à l'intercommunalité", "chargée de mission à l'intercommunalité"),
    ("bénévole associatif", "bénévole associative"), ("élu municipal délégué au numérique",
                                                      "élue municipale déléguée au numérique"),
)
MODERATOR_JOB = ("animateur du réseau régional des tiers-lieux", "animatrice du réseau régional des tiers-lieux")

BIO_TEMPLATES: tuple[str, ...] = (
    "{Job} {a_fabrique}. {interest}",
    "{interest} {Job}, basé{e} à {ville}.",
    "Passionné{e} de {passion}, je m'occupe {activity} {a_fabrique}.",
    "{Job} depuis {since}. {interest}",
    "Je m'occupe {activity} {a_fabrique}. Toujours partant{e} pour échanger sur {topic}.",
    "{Job}. Avant, j'ai travaillé dix ans dans {previous}. {interest}",
    "Arrivé{e} à {ville} il y a quelques années, je suis {job} {a_fabrique}.",
    "{Job} {a_fabrique}, entre {passion} et {topic}.",
)
BIO_TEMPLATES_NO_FABRIQUE: tuple[str, ...] = (
    "{Job}. {interest}",
    "{Job}, je prépare un projet de tiers-lieu. {Curieux} de tout ce qui se fait ailleurs.",
    "Passionné{e} de {passion}. {Job}, à l'écoute des projets du territoire.",
)
BIO_INTERESTS: tuple[str, ...] = (
    "J'accompagne surtout des seniors sur les démarches en ligne.",
    "Fan de découpe laser et de mobilier en bois de récupération.",
    "Je m'intéresse beaucoup à la gouvernance partagée et aux SCIC.",
    "Toujours partant·e pour une visite de tiers-lieu !",
    "Je réponds volontiers aux questions sur le financement et les dossiers de subvention.",
    "Mon dada : les logiciels libres et la sobriété numérique.",
    "J'anime des ateliers avec les jeunes de la mission locale.",
    "J'ai monté notre jardin partagé et je ne m'en lasse pas.",
    "Je coordonne le repair café un samedi par mois.",
    "Ancien·ne secrétaire de mairie : les collectivités, je connais !",
    "Je cherche à échanger avec d'autres médiateurs qui travaillent seuls.",
    "Je programme les concerts et le ciné-club du lieu.",
)
BIO_PASSIONS: tuple[str, ...] = (
    "menuiserie", "jardinage en permaculture", "logiciels libres", "photographie argentique", "cuisine",
    "théâtre d'impro", "électronique", "couture", "vélo", "musique", "céramique", "randonnée",
)
BIO_ACTIVITIES: tuple[str, ...] = (
    "de l'accueil du public", "des ateliers tablettes", "de l'atelier bois", "du jardin partagé",
    "de la programmation culturelle", "de la comptabilité de l'association", "des permanences numériques",
    "du coworking", "des formations", "de la ressourcerie",
)
BIO_TOPICS: tuple[str, ...] = (
    "la médiation numérique", "les modèles économiques", "la fabrication numérique", "l'alimentation durable",
    "la vie associative", "les relations avec les élus", "l'éducation populaire",
)
BIO_PREVIOUS: tuple[str, ...] = (
    "l'industrie", "le travail social", "l'enseignement", "la grande distribution", "l'informatique",
    "une collectivité", "l'agriculture", "la restauration",
)
