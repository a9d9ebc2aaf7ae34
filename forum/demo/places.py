"""Demo material about places: the fictitious fabriques, their buildings, streets and rooms.

Every fabrique name is invented. Small towns are invented too (generic-sounding
names); large cities are real, with invented neighbourhoods and addresses.
Department codes are real (see ``forum.fabriques.geography.DEPARTMENTS``).
"""

from __future__ import annotations

from typing import NamedTuple


class FabriqueSpec(NamedTuple):
    name: str
    department: str
    territory: str  # "rural" | "qpv" | "urbain"
    city: str
    postal_code: str | None  # None: generated from the department code
    coords: tuple[float, float] | None  # None: department centre + jitter
    modules: tuple[str, ...]
    building: str  # "une ancienne grange restaurée": what the place is, in a sentence
    neighbourhood: str = ""  # for QPV: the priority neighbourhood (invented)


FABRIQUES: tuple[FabriqueSpec, ...] = (
    # -- Rural -------------------------------------------------------------------------
    FabriqueSpec("La Grange des Possibles", "23", "rural", "Saint-Ardoin-les-Bois", None, None,
                 ("fablab", "cafe_associatif", "mediation_numerique"), "une ancienne grange restaurée"),
    FabriqueSpec("L'Établi du Haut-Plateau", "48", "rural", "Fontvalat", None, None,
                 ("atelier_partage", "fablab", "formation"), "l'ancienne école communale"),
    FabriqueSpec("Le Fournil Numérique", "32", "rural", "Lagarde-en-Astarac", None, None,
                 ("mediation_numerique", "coworking", "cuisine_partagee"),
                 "un ancien fournil sur la place du village"),
    FabriqueSpec("Les Communs du Bocage", "61", "rural", "Tessé-la-Forêt", None, None,
                 ("jardin", "ressourcerie", "cafe_associatif"), "une longère prêtée par la commune"),
    FabriqueSpec("Le Moulin des Savoirs", "07", "rural", "Vals-des-Crêtes", None, None,
                 ("espace_culturel", "mediation_numerique", "formation"), "un moulin à soie réhabilité"),
    FabriqueSpec("La Ruche des Coteaux", "47", "rural", "Montclar-d'Agenais", None, None,
                 ("coworking", "jardin", "cuisine_partagee", "cafe_associatif"),
                 "l'ancienne coopérative fruitière"),
    FabriqueSpec("La Combe Partagée", "39", "rural", "Foncine-le-Val", None, None,
                 ("fablab", "atelier_partage", "coworking"), "une ancienne fromagerie"),
    FabriqueSpec("La Fabrique de la Vallée", "58", "rural", "Brassy-la-Vallée", None, None,
                 ("mediation_numerique", "formation", "espace_culturel"), "l'ancien bureau de poste"),
    FabriqueSpec("L'Atelier de la Gare", "15", "rural", "Riom-ès-Prés", None, None,
                 ("atelier_partage", "fablab", "cafe_associatif"), "la gare désaffectée"),
    FabriqueSpec("Le Hangar à Idées", "55", "rural", "Ville-sur-Aire", None, None,
                 ("fablab", "ressourcerie", "atelier_partage"), "un hangar agricole réaménagé"),
    FabriqueSpec("La Maison Commune du Causse", "46", "rural", "Sauliac-des-Causses", None, None,
                 ("cafe_associatif", "mediation_numerique", "espace_culturel", "jardin"), "l'ancien presbytère"),
    FabriqueSpec("Le Champ Commun du Méné", "22", "rural", "Plessala-du-Méné", None, None,
                 ("jardin", "cuisine_partagee", "mediation_numerique"), "une ferme en bordure de bourg"),
    FabriqueSpec("La Cabane Numérique", "40", "rural", "Luglon-Forêt", None, None,
                 ("mediation_numerique", "coworking"), "l'ancien bureau de la scierie"),
    FabriqueSpec("L'Escale des Bruyères", "36", "rural", "Aigurande-sur-Bouzanne", None, None,
                 ("cafe_associatif", "espace_culturel", "formation"), "l'ancien café-épicerie du bourg"),
    FabriqueSpec("Le Relais des Crêtes", "08", "rural", "Signy-les-Bois", None, None,
                 ("mediation_numerique", "coworking", "fablab"), "un ancien relais de poste"),
    FabriqueSpec("La Forge Partagée", "19", "rural", "Meymac-les-Monts", None, None,
                 ("atelier_partage", "fablab", "formation", "ressourcerie"), "une forge du XIXe siècle"),
    FabriqueSpec("A Casa Cumuna", "2B", "rural", "Campana-di-Sotto", None, None,
                 ("mediation_numerique", "cafe_associatif", "espace_culturel"), "l'ancienne école du hameau"),
    FabriqueSpec("La Fabrique des Sucs", "43", "rural", "Saint-Front-des-Sucs", None, None,
                 ("fablab", "mediation_numerique", "jardin"), "une ancienne scierie"),
    FabriqueSpec("Terre & Pixels", "85", "rural", "Mouilleron-sur-Lay", None, None,
                 ("mediation_numerique", "jardin", "formation"), "une ferme pédagogique"),
    FabriqueSpec("Le Bercail", "04", "rural", "Saint-Étienne-les-Lavandes", None, None,
                 ("coworking", "cafe_associatif", "cuisine_partagee"), "une bergerie rénovée"),
    FabriqueSpec("L'Atelier du Marais", "79", "rural", "Saint-Hilaire-des-Conches", None, None,
                 ("atelier_partage", "ressourcerie", "cafe_associatif"), "un ancien chai"),
    FabriqueSpec("La Halle aux Initiatives", "89", "rural", "Villiers-sur-Serein", None, None,
                 ("coworking", "formation", "mediation_numerique"), "la halle du marché couvert"),
    # -- QPV ---------------------------------------------------------------------------
    FabriqueSpec("La Fabrique des Tilleuls", "93", "qpv", "Villeneuve-la-Plaine", "93390", (48.915, 2.492),
                 ("mediation_numerique", "fablab", "formation"), "un rez-de-chaussée d'immeuble",
                 "quartier des Tilleuls"),
    FabriqueSpec("Le Labo des Hauts-Champs", "59", "qpv", "Roubaix", "59100", (50.690, 3.181),
                 ("fablab", "mediation_numerique", "atelier_partage"), "une ancienne filature",
                 "quartier des Hauts-Champs"),
    FabriqueSpec("Le Quai Solidaire", "31", "qpv", "Toulouse", "31100", (43.575, 1.402),
                 ("mediation_numerique", "cafe_associatif", "formation"),
                 "un local commercial au pied des tours", "quartier des Amandiers"),
    FabriqueSpec("L'Atelier des Cèdres", "13", "qpv", "Marseille", "13015", (43.358, 5.363),
                 ("fablab", "ressourcerie", "mediation_numerique", "formation"), "une ancienne supérette",
                 "quartier des Cèdres"),
    FabriqueSpec("La Passerelle du Plateau", "69", "qpv", "Vaulx-en-Velin", "69120", (45.778, 4.921),
                 ("mediation_numerique", "coworking", "cuisine_partagee"), "un ancien centre commercial",
                 "quartier du Plateau"),
    FabriqueSpec("Le Cercle des Bruyères", "44", "qpv", "Nantes", "44300", (47.246, -1.523),
                 ("jardin", "cuisine_partagee", "mediation_numerique"), "une ancienne maison de quartier",
                 "quartier des Bruyères"),
    FabriqueSpec("L'Usine à Projets", "76", "qpv", "Le Havre", "76600", (49.510, 0.142),
                 ("fablab", "atelier_partage", "formation"), "un atelier de mécanique désaffecté",
                 "quartier des Écluses"),
    FabriqueSpec("Le Repaire Numérique", "67", "qpv", "Strasbourg", "67100", (48.563, 7.768),
                 ("mediation_numerique", "formation", "espace_culturel"), "l'ancienne bibliothèque de quartier",
                 "quartier des Peupliers"),
    FabriqueSpec("La Cour Commune", "34", "qpv", "Montpellier", "34080", (43.617, 3.832),
                 ("cafe_associatif", "jardin", "mediation_numerique", "espace_culturel"),
                 "une cour d'immeuble couverte", "quartier des Oliviers"),
    FabriqueSpec("La Fabrique du Square", "95", "qpv", "Argenteuil", "95100", (48.951, 2.239),
                 ("fablab", "mediation_numerique", "coworking"), "deux appartements réunis en rez-de-chaussée",
                 "quartier du Square"),
    FabriqueSpec("Le Laboratoire des Rives", "63", "qpv", "Clermont-Ferrand", "63100", (45.796, 3.101),
                 ("fablab", "formation", "ressourcerie"), "un ancien garage automobile", "quartier des Rives"),
    FabriqueSpec("Le Comptoir des Lilas", "80", "qpv", "Amiens", "80080", (49.913, 2.290),
                 ("mediation_numerique", "cafe_associatif", "cuisine_partagee"), "une ancienne boulangerie",
                 "quartier des Lilas"),
    FabriqueSpec("La Case à Savoirs", "974", "qpv", "Saint-Denis", "97400", (-20.892, 55.465),
                 ("mediation_numerique", "jardin", "formation"), "une case créole agrandie",
                 "quartier des Flamboyants"),
    FabriqueSpec("L'Atelier Mosaïque", "21", "qpv", "Dijon", "21000", (47.334, 5.055),
                 ("atelier_partage", "mediation_numerique", "espace_culturel"), "un local associatif rénové",
                 "quartier des Acacias"),
    FabriqueSpec("La Fabrique des Sablons", "72", "qpv", "Le Mans", "72100", (47.985, 0.226),
                 ("fablab", "mediation_numerique", "jardin"), "une ancienne école maternelle",
                 "quartier des Sablons-Est"),
    # -- Urbain ------------------------------------------------------------------------
    FabriqueSpec("Le Lieu-Dit", "75", "urbain", "Paris", "75020", (48.864, 2.398),
                 ("coworking", "espace_culturel", "fablab"), "un ancien atelier d'ébénisterie"),
    FabriqueSpec("L'Archipel Numérique", "35", "urbain", "Rennes", "35000", (48.112, -1.672),
                 ("fablab", "coworking", "formation", "mediation_numerique"), "un ancien entrepôt de la SNCF"),
    FabriqueSpec("Les Ateliers du Canal", "33", "urbain", "Bordeaux", "33100", (44.843, -0.553),
                 ("atelier_partage", "fablab", "ressourcerie"), "un hangar en bord de fleuve"),
    FabriqueSpec("La Manufacture Partagée", "38", "urbain", "Grenoble", "38000", (45.186, 5.712),
                 ("fablab", "atelier_partage", "coworking"), "une ancienne ganterie"),
    FabriqueSpec("La Serre Commune", "37", "urbain", "Tours", "37000", (47.392, 0.681),
                 ("jardin", "cuisine_partagee", "cafe_associatif", "coworking"), "d'anciennes serres municipales"),
    FabriqueSpec("Le Carré des Communs", "86", "urbain", "Poitiers", "86000", (46.583, 0.342),
                 ("coworking", "formation", "espace_culturel"), "un hôtel particulier prêté par la ville"),
    FabriqueSpec("L'Entrepôt des Idées", "14", "urbain", "Caen", "14000", (49.184, -0.362),
                 ("fablab", "coworking", "mediation_numerique"), "un ancien entrepôt portuaire"),
    FabriqueSpec("La Boussole", "972", "urbain", "Fort-de-France", "97200", (14.607, -61.068),
                 ("mediation_numerique", "coworking", "espace_culturel"), "une maison coloniale rénovée"),
    FabriqueSpec("Les Halles Neuves", "25", "urbain", "Besançon", "25000", (47.240, 6.025),
                 ("cafe_associatif", "espace_culturel", "coworking"), "une ancienne halle aux grains"),
    FabriqueSpec("Le Patio", "84", "urbain", "Avignon", "84000", (43.946, 4.812),
                 ("espace_culturel", "coworking", "cafe_associatif"), "un ancien couvent et son patio"),
)

# Approximate centres of the departments used above (latitude, longitude).
DEPARTMENT_CENTRES: dict[str, tuple[float, float]] = {
    "04": (44.10, 6.24), "07": (44.75, 4.42), "08": (49.62, 4.63), "13": (43.54, 5.09),
    "14": (49.10, -0.36), "15": (45.05, 2.67), "19": (45.36, 1.88), "21": (47.42, 4.77),
    "22": (48.44, -2.86), "23": (46.09, 2.02), "25": (47.17, 6.36), "2B": (42.39, 9.21),
    "31": (43.36, 1.17), "32": (43.69, 0.45), "33": (44.83, -0.57), "34": (43.58, 3.37),
    "35": (48.15, -1.64), "36": (46.78, 1.57), "37": (47.26, 0.69), "38": (45.26, 5.58),
    "39": (46.73, 5.70), "40": (43.97, -0.78), "43": (45.13, 3.80), "44": (47.36, -1.68),
    "46": (44.62, 1.60), "47": (44.37, 0.46), "48": (44.52, 3.50), "55": (48.99, 5.38),
    "57": (49.04, 6.66), "58": (47.12, 3.50), "59": (50.45, 3.22), "61": (48.62, 0.13),
    "63": (45.73, 3.14), "67": (48.67, 7.55), "69": (45.87, 4.64), "72": (48.00, 0.20),
    "75": (48.86, 2.35), "76": (49.66, 1.03), "79": (46.55, -0.32), "80": (49.96, 2.28),
    "84": (44.01, 5.19), "85": (46.67, -1.30), "86": (46.56, 0.46), "89": (47.84, 3.56),
    "93": (48.92, 2.48), "95": (49.08, 2.13), "972": (14.64, -61.02), "974": (-21.13, 55.53),
}

# Invented villages used as "neighbouring" places in texts.
NEARBY_VILLAGES: tuple[str, ...] = (
    "Saint-Aubin-des-Prés", "Lavergnac", "Montagrès", "Puyvalade", "Chassagne-le-Haut", "Vaurelle",
    "Les Essarts-sur-Lande", "Bourg-Lestrade", "Sainte-Colombe-des-Bois", "Fontenelle-sur-Ouche",
    "Villars-la-Rivière", "Courcelles-en-Brie", "Le Mesnil-Orgeval", "Saint-Julien-des-Sources",
    "Roquefeuille-d'Olt", "Valcabrère-Haut", "Pradelles-Cabardès", "Étang-sur-Arnon",
)

RURAL_STREETS: tuple[str, ...] = (
    "place de l'Église", "route de la Gare", "rue du Moulin", "chemin des Écoliers", "rue de la Fontaine",
    "impasse des Tilleuls", "route des Crêtes", "rue du Lavoir", "place du Marché", "Grande Rue",
    "rue des Forges", "chemin du Stade", "place de la Mairie", "route de la Vallée",
)
CITY_STREETS: tuple[str, ...] = (
    "rue Louise-Michel", "allée des Peupliers", "avenue Jean-Jaurès", "rue Pablo-Neruda",
    "allée Olympe-de-Gouges", "avenue de la Libération", "rue Toussaint-Louverture", "mail des Tilleuls",
    "rue des Tanneurs", "quai des Bateliers", "rue de la Manufacture", "boulevard des Filatures",
    "rue Gisèle-Halimi", "place des Cèdres", "rue Aimé-Césaire", "rue Simone-Veil",
)

OPENING_HOURS: tuple[str, ...] = (
    "Du mardi au vendredi : 9 h 30 – 12 h 30 et 14 h – 18 h\nSamedi : 10 h – 13 h",
    "Lundi, mercredi et vendredi : 14 h – 19 h\nJeudi : 14 h – 21 h (soirée fablab)\nSamedi : 10 h – 17 h",
    "Du mardi au samedi : 10 h – 18 h\nFermé la deuxième quinzaine d'août",
    "Mardi et jeudi : 9 h – 17 h (permanences numériques le matin)\nMercredi : 14 h – 18 h\n"
    "Vendredi : 17 h – 23 h (café associatif)",
    "Du lundi au vendredi : 8 h 30 – 18 h (coworking)\nAteliers ouverts au public le mercredi et le samedi",
    "Mercredi : 14 h – 19 h\nVendredi : 17 h – 22 h\nSamedi : 9 h 30 – 18 h\nL'été : ouvert aussi le dimanche matin",
    "Du mardi au vendredi : 10 h – 19 h\nSamedi : 10 h – 16 h\nSur rendez-vous le lundi",
    "Lundi au jeudi : 9 h – 12 h 30 et 13 h 30 – 17 h 30\nVendredi : 9 h – 12 h\nJardin en accès libre tous les jours",
    "Mardi, mercredi, vendredi : 13 h 30 – 18 h 30\nJeudi : 13 h 30 – 20 h\nSamedi matin : repair café un mois sur deux",
    "Du mercredi au dimanche : 11 h – 19 h\nAccueil des groupes sur réservation",
)

# Rooms by module: (name, capacity range, equipment).
SPACES_BY_MODULE: dict[str, tuple[tuple[str, tuple[int, int], str], ...]] = {
    "fablab": (
        ("Atelier de fabrication", (8, 14), "2 imprimantes 3D, découpeuse laser, découpeuse vinyle, établis"),
        ("Salle des machines", (6, 10), "fraiseuse CNC, imprimantes 3D, brodeuse numérique, aspiration"),
    ),
    "coworking": (
        ("Espace de coworking", (6, 16), "postes équipés, fibre, imprimante, casiers, cabine téléphonique"),
        ("Bureau partagé", (4, 8), "bureaux, écran externe, Wi-Fi, machine à café"),
    ),
    "mediation_numerique": (
        ("Espace numérique", (8, 12), "10 ordinateurs, 12 tablettes, imprimante-scanner, vidéoprojecteur"),
        ("Salle d'accompagnement", (3, 6), "2 postes, scanner, bureau d'accueil confidentiel"),
    ),
    "atelier_partage": (
        ("Atelier bois", (6, 10), "scie à format, raboteuse, perceuse à colonne, établis"),
        ("Atelier couture et réparation", (8, 12), "6 machines à coudre, surjeteuse, table de découpe"),
    ),
    "cafe_associatif": (
        ("Salle du café", (25, 45), "bar, cuisine ouverte, jeux de société, piano droit"),
    ),
    "cuisine_partagee": (
        ("Cuisine partagée", (8, 14), "piano de cuisson, chambre froide, plonge, autoclave"),
    ),
    "jardin": (
        ("Serre pédagogique", (10, 20), "tables de semis, outils, récupérateur d'eau"),
    ),
    "espace_culturel": (
        ("Salle de spectacle", (60, 140), "gradins amovibles, éclairage scénique, sonorisation"),
        ("Salle d'exposition", (30, 60), "cimaises, éclairage sur rails, vitrines"),
    ),
    "formation": (
        ("Salle de formation", (12, 20), "tables modulables, vidéoprojecteur, écran tactile, visio"),
    ),
    "ressourcerie": (
        ("Boutique de la ressourcerie", (15, 30), "rayonnages, caisse, atelier de remise en état"),
    ),
}
GENERIC_SPACES: tuple[tuple[str, tuple[int, int], str], ...] = (
    ("Salle de réunion", (10, 20), "vidéoprojecteur, tableau blanc, matériel de visio"),
    ("Grande salle", (40, 90), "sonorisation, scène mobile, chaises et tables pliantes"),
)

# Phrases describing each module in a fabrique's description.
MODULE_LINES: dict[str, tuple[str, ...]] = {
    "fablab": (
        "**Fablab** : imprimantes 3D, découpeuse laser et découpeuse vinyle, accessibles après une courte formation",
        "**Fablab** : un atelier de fabrication numérique ouvert aux curieux comme aux makers confirmés",
    ),
    "coworking": (
        "**Coworking** : des postes à la journée ou au mois, la fibre et un café toujours chaud",
        "**Coworking** : un espace calme pour les télétravailleurs et indépendants du territoire",
    ),
    "mediation_numerique": (
        "**Médiation numérique** : permanences sans rendez-vous et ateliers pour gagner en autonomie",
        "**Médiation numérique** : aide aux démarches en ligne, ateliers tablettes et smartphones",
    ),
    "atelier_partage": (
        "**Atelier partagé** : outils de menuiserie et de couture à disposition des adhérents",
        "**Atelier partagé** : un lieu pour réparer, bricoler et apprendre les uns des autres",
    ),
    "cafe_associatif": (
        "**Café associatif** : boissons locales, repas du vendredi soir et soirées jeux",
        "**Café associatif** : le cœur du lieu, où l'on se retrouve avant et après les ateliers",
    ),
    "jardin": (
        "**Jardin partagé** : des parcelles familiales, un potager collectif et un composteur de quartier",
        "**Jardin partagé** : on y sème, on y récolte et on y apprend, en famille ou en solo",
    ),
    "ressourcerie": (
        "**Ressourcerie** : collecte, réparation et revente d'objets à petits prix",
        "**Ressourcerie** : une seconde vie pour les meubles, les vêtements et l'électroménager",
    ),
    "cuisine_partagee": (
        "**Cuisine partagée** : une cuisine équipée pour les ateliers, les traiteurs débutants et les producteurs",
        "**Cuisine partagée** : des repas à prix libre et des ateliers de cuisine du monde",
    ),
    "espace_culturel": (
        "**Espace culturel** : concerts, expositions, résidences d'artistes et ciné-club",
        "**Espace culturel** : une programmation construite avec les habitants",
    ),
    "formation": (
        "**Formation** : des sessions pour les professionnels, les élus et les bénévoles",
        "**Formation** : des parcours courts pour découvrir un métier ou un outil",
    ),
}
