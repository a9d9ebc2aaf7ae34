"""Demo material for the shared catalogue: equipment, rooms and know-how the fabriques share.

Plain data, no database and no randomness: ``forum.demo.seed_catalogue`` picks from it.
Names of products are common makes of equipment; every organisation and person is invented.
The ``word`` of an item is drawn on its demo photo: plain ASCII capitals (the bundled font
has no accents).
"""

from __future__ import annotations

from typing import NamedTuple


class EquipmentItem(NamedTuple):
    category: str
    names: tuple[str, ...]  # variants: one is chosen per fabrique
    word: str
    blurb: str  # the description's first paragraph (Markdown)
    includes: tuple[str, ...]  # "Fourni avec" list
    quantity: tuple[int, int] = (1, 1)  # how many the fabrique has (min, max)
    deposits: tuple[int | None, ...] = (None,)  # caution in euros, None: no deposit
    days: tuple[int, int] = (7, 14)  # maximum loan length (min, max), in days


E = EquipmentItem

EQUIPMENT: tuple[EquipmentItem, ...] = (
    # -- Fabrication numérique -----------------------------------------------------------
    E("fabrication-numerique", ("Découpeuse laser 60 W", "Découpeuse laser CO₂ 40 W (format A3)"), "LASER",
      "Une découpeuse laser CO₂ pour découper et graver le bois, le carton, le cuir ou l'acrylique "
      "(jusqu'à 6 mm de contreplaqué). Elle voyage sur sa desserte à roulettes, mais il faut un utilitaire "
      "et deux personnes pour la transporter.",
      ("extracteur de fumées et son tuyau", "plateau nid d'abeille", "lunettes de protection",
       "guide de démarrage plastifié"),
      (1, 1), (800, 1000, 1500), (7, 21)),
    E("fabrication-numerique", ("Imprimante 3D Prusa MK4", "Imprimante 3D Prusa Mini+",
                                "Imprimante 3D Creality Ender 3 V2", "Imprimante 3D Bambu Lab A1"), "3D",
      "Une imprimante 3D à filament fiable, réglée et prête à imprimer : idéale pour un atelier de découverte "
      "ou pour fabriquer de petites pièces de réparation. Volume d'impression d'environ 25 × 21 × 22 cm.",
      ("plateau flexible", "bobine de PLA entamée", "clé USB avec des modèles testés", "spatule et pince"),
      (1, 3), (200, 300, 400), (7, 30)),
    E("fabrication-numerique", ("Découpeuse vinyle Silhouette Cameo 4", "Plotter de découpe vinyle 60 cm"),
      "VINYLE",
      "Pour découper du vinyle adhésif, du flex textile ou du papier épais : signalétique, autocollants, "
      "personnalisation de tee-shirts. Se branche sur n'importe quel ordinateur portable.",
      ("tapis de découpe", "lames de rechange", "chutes de vinyle pour s'entraîner", "crochet d'échenillage"),
      (1, 2), (None, 100, 150), (7, 21)),
    E("fabrication-numerique", ("Presse à chaud textile 38 × 38 cm",), "PRESSE",
      "Une presse à chaud pour transférer le flex ou la sublimation sur les tee-shirts, sacs en toile et "
      "tabliers. Elle complète très bien la découpeuse vinyle pour un atelier de personnalisation.",
      ("feuilles de papier sulfurisé", "tapis de protection", "notice de températures par support"),
      (1, 2), (None, 80, 100), (5, 14)),
    E("fabrication-numerique", ("Brodeuse numérique Brother", "Brodeuse numérique à un cadre"), "BRODERIE",
      "Une brodeuse numérique pour broder des logos, des prénoms ou des motifs dessinés par les participants, "
      "à partir de fichiers préparés sur ordinateur (Inkstitch, gratuit).",
      ("deux cadres (10 × 10 et 13 × 18 cm)", "assortiment de fils", "stabilisateur", "aiguilles de rechange"),
      (1, 1), (200, 300), (7, 21)),
    E("fabrication-numerique", ("Scanner 3D portable",), "SCAN 3D",
      "Un scanner 3D à main pour numériser un objet, une sculpture ou une personne, puis retravailler le "
      "modèle avant impression. Demande un ordinateur assez puissant (carte graphique dédiée).",
      ("mallette de transport", "plateau tournant", "pastilles de repérage"),
      (1, 1), (300, 500), (5, 14)),
    E("fabrication-numerique", ("Kits Arduino de découverte", "Kits micro:bit pour ateliers"), "ARDUINO",
      "Des kits d'électronique programmable pour faire clignoter, mesurer et faire bouger : parfaits pour "
      "un atelier jeunes ou une fête de la science. Chaque kit est rangé dans sa boîte, composants comptés.",
      ("carte et câble USB", "plaque d'essai et fils", "capteurs et LED", "fiches d'activités imprimées"),
      (6, 12), (None, 50, 100), (7, 30)),
    E("fabrication-numerique", ("Fraiseuse CNC 3018", "Petite fraiseuse numérique de bureau"), "CNC",
      "Une petite fraiseuse numérique pour graver des circuits, usiner du bois tendre, du plastique ou de "
      "l'aluminium fin. Bruyante : prévoir une pièce où l'on peut fermer la porte.",
      ("jeu de fraises", "bridage", "capot de protection", "fichiers d'exemple"),
      (1, 1), (150, 250), (7, 21)),
    E("fabrication-numerique", ("Robots Thymio pour ateliers", "Robots pédagogiques programmables"), "ROBOTS",
      "Des petits robots pédagogiques que les enfants programment en glissant des blocs, puis en Python pour "
      "les plus grands. Ils se rechargent en USB et tiennent une demi-journée d'atelier.",
      ("câbles de recharge", "tapis de circuit", "fiches défis (du CE2 au lycée)"),
      (4, 10), (None, 100, 200), (7, 30)),
    # -- Audiovisuel --------------------------------------------------------------------
    E("audiovisuel", ("Kit de micros pour podcast", "Studio podcast nomade"), "PODCAST",
      "Tout ce qu'il faut pour enregistrer un podcast à quatre voix, dans une salle ou sur un marché : "
      "l'enregistreur enregistre chaque micro sur sa piste, sans ordinateur.",
      ("4 micros dynamiques sur bras", "enregistreur 4 pistes et carte SD", "4 casques",
       "câbles et multiprise", "fiche « réussir sa première émission »"),
      (1, 1), (200, 300), (3, 14)),
    E("audiovisuel", ("Vidéoprojecteur Full HD", "Vidéoprojecteur portable 3 000 lumens"), "PROJECTEUR",
      "Un vidéoprojecteur lumineux, utilisable sans faire le noir complet, pour une réunion, une formation "
      "ou une projection en plein air à la tombée de la nuit.",
      ("câble HDMI de 10 m", "adaptateur USB-C", "télécommande", "sacoche"),
      (1, 3), (None, 100, 150), (3, 14)),
    E("audiovisuel", ("Écran de projection sur pied 2 m", "Écran de projection gonflable 4 m"), "ECRAN",
      "Un écran de projection qui se monte en cinq minutes, pour les salles sans mur blanc ou les projections "
      "en extérieur.",
      ("housse de transport", "sangles et piquets pour l'extérieur"),
      (1, 2), (None, 50), (3, 10)),
    E("audiovisuel", ("Sonorisation portable 2 × 300 W", "Enceinte sur batterie avec micros sans fil"), "SONO",
      "Une sono simple à installer pour une assemblée générale, une fête de quartier ou un concert "
      "acoustique : deux enceintes, une petite table de mixage et deux micros sans fil.",
      ("2 enceintes et leurs pieds", "table de mixage 6 voies", "2 micros sans fil", "câblage complet"),
      (1, 2), (150, 200, 300), (3, 7)),
    E("audiovisuel", ("Appareil photo hybride et deux objectifs", "Appareil photo reflex Canon et objectif 18-55"),
      "PHOTO",
      "Un appareil photo pour documenter vos ateliers, réaliser des portraits d'habitants ou monter une "
      "exposition. Deux batteries chargées et une carte mémoire vide au départ.",
      ("objectif grand angle et objectif portrait", "2 batteries et chargeur", "carte SD 64 Go", "sac photo"),
      (1, 1), (300, 400), (3, 14)),
    E("audiovisuel", ("Caméra 4K et trépied", "Kit de tournage pour vidéos courtes"), "CAMERA",
      "Une caméra légère et un trépied fluide pour filmer un témoignage, une captation de conférence ou un "
      "atelier vidéo avec des jeunes. Un micro-cravate sans fil complète le kit.",
      ("trépied vidéo", "micro-cravate sans fil", "2 batteries", "carte SD"),
      (1, 1), (300, 500), (3, 10)),
    E("audiovisuel", ("Enregistreur audio Zoom H5", "Enregistreur de terrain et micro canon"), "SON",
      "Un enregistreur de poche pour collecter des paroles d'habitants, des sons de marché ou une conférence. "
      "Simple à prendre en main, il enregistre en qualité radio.",
      ("bonnette anti-vent", "casque fermé", "piles rechargeables", "perche"),
      (1, 3), (None, 100), (5, 21)),
    E("audiovisuel", ("Kit d'éclairage LED pour tournage",), "LUMIERE",
      "Trois panneaux LED sur pied, à température de couleur réglable, pour des vidéos et des portraits "
      "nets même dans une salle sombre.",
      ("3 panneaux LED et pieds", "diffuseurs", "valise de transport"),
      (1, 1), (None, 100), (3, 10)),
    E("audiovisuel", ("Fond vert pliable 2 × 2 m",), "FOND VERT",
      "Un fond vert sur cadre pliable pour les ateliers vidéo et les « journaux télévisés » réalisés par les "
      "enfants : on remplace le fond au montage, même sur une tablette.",
      ("cadre et pinces", "housse de transport"),
      (1, 2), (None,), (7, 21)),
    E("audiovisuel", ("Casques de réalité virtuelle", "Casques de réalité virtuelle autonomes"), "VR",
      "Des casques de réalité virtuelle autonomes, avec une sélection d'applications de visite et de "
      "découverte déjà installées. Très demandés pour les fêtes de la science et les ateliers seniors.",
      ("manettes et dragonnes", "lingettes de nettoyage", "câbles de recharge", "mallette"),
      (2, 6), (200, 300), (3, 10)),
    # -- Informatique -------------------------------------------------------------------
    E("informatique", ("Lot de 12 tablettes", "Lot de 10 tablettes avec coques renforcées"), "TABLETTES",
      "Un lot de tablettes Android identiques, préparées pour la médiation numérique : comptes de "
      "démonstration, applications des services publics installées, réinitialisation en un geste après "
      "chaque atelier.",
      ("valise de recharge et de transport", "coques renforcées", "stylets", "fiche de réinitialisation"),
      (1, 1), (300, 500), (7, 21)),
    E("informatique", ("Tablettes Android 10 pouces", "Tablettes iPad (9e génération)"), "TABLETTE",
      "Des tablettes à l'unité, pour compléter un lot ou équiper une permanence itinérante. Chacune a sa "
      "coque et son chargeur.",
      ("coque", "chargeur", "fiche des applications installées"),
      (4, 12), (None, 50, 100), (7, 30)),
    E("informatique", ("Ordinateurs portables reconditionnés", "PC portables sous Linux pour ateliers"), "PC",
      "Des ordinateurs portables reconditionnés par une ressourcerie partenaire, sous Linux Mint ou "
      "Windows 10, avec une session « atelier » qui se remet à zéro à chaque démarrage.",
      ("chargeur", "souris", "housse"),
      (4, 12), (None, 80, 150), (7, 30)),
    E("informatique", ("Valise de 8 ordinateurs portables",), "VALISE",
      "Une valise à roulettes avec huit ordinateurs portables qui se rechargent dedans : on arrive dans la "
      "salle, on ouvre la valise, l'atelier peut commencer.",
      ("valise de recharge", "8 souris", "borne Wi-Fi", "multiprise"),
      (1, 1), (400, 600), (7, 21)),
    E("informatique", ("Borne Wi-Fi 4G pour ateliers nomades", "Routeur 4G et forfait associatif"), "WIFI",
      "Une borne 4G qui crée un réseau Wi-Fi pour une quinzaine de personnes là où il n'y a pas de connexion : "
      "marché, salle des fêtes, camion itinérant.",
      ("carte SIM avec forfait (50 Go par mois)", "batterie externe", "câble de recharge"),
      (1, 3), (None, 50), (7, 30)),
    E("informatique", ("Imprimante-scanner multifonction",), "SCANNER",
      "Une imprimante-scanner qui scanne en recto verso : indispensable pour les permanences d'aide aux "
      "démarches (justificatifs, dossiers CAF, demandes de titres).",
      ("câble USB", "cartouches de rechange", "ramette de papier"),
      (1, 2), (None, 50), (7, 30)),
    E("informatique", ("Écran tactile interactif 65 pouces sur pied",), "TACTILE",
      "Un grand écran tactile sur pied à roulettes, pour animer une réunion, montrer un site en grand ou "
      "faire travailler un groupe sur le même document.",
      ("pied mobile", "stylets", "câble HDMI et USB"),
      (1, 1), (500, 800), (3, 10)),
    E("informatique", ("Smartphones Android pour ateliers", "Smartphones reconditionnés pour ateliers"),
      "MOBILE",
      "Des smartphones d'atelier, avec des comptes fictifs, pour s'entraîner à installer une application, "
      "prendre rendez-vous en ligne ou utiliser FranceConnect sans risquer ses propres données.",
      ("coque", "chargeur", "carte « identifiants de démonstration »"),
      (5, 10), (None, 50), (7, 30)),
    E("informatique", ("Kit de réparation de smartphones et d'ordinateurs",), "REPARE",
      "Une mallette d'outils de précision pour ouvrir, diagnostiquer et réparer téléphones et ordinateurs "
      "portables : écrans, batteries, nettoyage. Parfait pour un repair café numérique.",
      ("tournevis de précision", "ventouses et médiators", "bracelet antistatique", "multimètre"),
      (1, 2), (None, 50), (7, 30)),
    E("informatique", ("Casques audio avec micro", "Casques-micros USB"), "CASQUES",
      "Des casques avec micro pour les visioconférences, les formations en ligne ou les ateliers où chacun "
      "regarde sa vidéo tutoriel.",
      ("adaptateurs jack et USB", "protections d'oreillettes de rechange"),
      (8, 15), (None,), (7, 30)),
    E("informatique", ("Kit de visioconférence (caméra 360° et micro)", "Barre de visioconférence"), "VISIO",
      "Une caméra 360° avec micro et haut-parleur intégrés : les personnes à distance voient et entendent "
      "toute la table, pas seulement celle qui est près de l'ordinateur.",
      ("câble USB long", "housse", "notice de branchement"),
      (1, 2), (None, 100), (3, 14)),
    # -- Outillage -----------------------------------------------------------------------
    E("outillage", ("Perceuse-visseuse sans fil 18 V", "Perceuse-visseuse et perforateur sans fil"), "PERCEUSE",
      "Une perceuse-visseuse puissante avec deux batteries : monter des étagères, assembler des meubles en "
      "palettes, fixer une signalétique.",
      ("2 batteries et chargeur", "coffret de forets et d'embouts", "niveau à bulle"),
      (1, 4), (None, 50, 80), (3, 14)),
    E("outillage", ("Scie sur table portative", "Scie circulaire et rail de guidage"), "SCIE",
      "Une scie pour débiter proprement les panneaux et les planches lors d'un chantier participatif. "
      "Prêtée uniquement à une personne qui sait s'en servir.",
      ("lame bois de rechange", "poussoir", "lunettes et casque antibruit"),
      (1, 1), (150, 200), (3, 10)),
    E("outillage", ("Ponceuse excentrique et aspirateur d'atelier",), "PONCEUSE",
      "Une ponceuse reliée à un aspirateur d'atelier : on ponce sans mettre de la poussière partout, même "
      "dans une salle partagée.",
      ("abrasifs de grains 80 à 240", "aspirateur et son tuyau", "masques FFP2"),
      (1, 2), (None, 80), (3, 14)),
    E("outillage", ("Caisse à outils complète pour repair café", "Malle du repair café"), "REPAIR",
      "La caisse que nous emportons à chaque repair café : de quoi ouvrir, tester et réparer petit "
      "électroménager, lampes, jouets et vêtements.",
      ("tournevis, pinces et clés", "multimètre et testeur de prise", "fer à souder", "colles et gaines",
       "kit de couture"),
      (1, 2), (None, 50), (3, 14)),
    E("outillage", ("Machines à coudre", "Machines à coudre électroniques"), "COUTURE",
      "Des machines à coudre simples et robustes, révisées chaque année, pour les ateliers couture et les "
      "cafés-réparation.",
      ("pédale et câble", "canettes et aiguilles", "housse"),
      (2, 8), (None, 50), (7, 30)),
    E("outillage", ("Surjeteuse 4 fils",), "SURJET",
      "Une surjeteuse pour des coutures propres sur les tissus extensibles et les finitions : le complément "
      "des machines à coudre pour un atelier de confection ou d'upcycling.",
      ("cônes de fil", "pince à épiler", "notice d'enfilage illustrée"),
      (1, 1), (None, 80), (7, 21)),
    E("outillage", ("Échafaudage roulant 4 m",), "CHANTIER",
      "Un échafaudage roulant aux normes pour peindre une façade, poser une fresque ou installer une "
      "exposition en hauteur. Se transporte dans un utilitaire.",
      ("plateaux et garde-corps", "stabilisateurs", "notice de montage"),
      (1, 1), (200, 300), (5, 21)),
    E("outillage", ("Nettoyeur haute pression",), "PRESSION",
      "Pour nettoyer une terrasse, des bacs de jardin ou du mobilier de récupération avant de le remettre "
      "en état.",
      ("lance rotative", "tuyau de 10 m", "brosse de lavage"),
      (1, 1), (None, 50), (3, 7)),
    E("outillage", ("Stations de soudure électronique",), "SOUDURE",
      "Des stations de soudure à température réglable, avec extraction des fumées, pour les ateliers "
      "d'électronique et les réparations.",
      ("pannes de rechange", "étain sans plomb", "tapis silicone", "pompe à dessouder"),
      (2, 6), (None, 30, 50), (7, 30)),
    E("outillage", ("Kit d'outils pour l'atelier vélo", "Pied d'atelier et outils vélo"), "VELO",
      "Le matériel de notre atelier d'autoréparation de vélos : on le prête pour une fête du vélo, une "
      "bourse aux vélos ou une journée de remise en selle.",
      ("pied d'atelier", "clés et démonte-pneus", "pompe à pied", "dérive-chaîne", "rustines"),
      (1, 2), (None, 50), (3, 14)),
    # -- Mobilier ------------------------------------------------------------------------
    E("mobilier", ("Tables pliantes 180 × 75 cm", "Tables pliantes en résine"), "TABLES",
      "Des tables pliantes légères et solides, pour un repas partagé, un marché ou une assemblée générale.",
      ("chariot de transport (selon le nombre)",),
      (6, 15), (None,), (3, 14)),
    E("mobilier", ("Chaises pliantes (par lots de 10)", "Lots de 10 chaises empilables"), "CHAISES",
      "Des chaises pliantes rangées par lots de dix sur chariot : indiquez le nombre de lots voulus.",
      ("chariot par lot",),
      (2, 8), (None,), (3, 14)),
    E("mobilier", ("Grilles d'exposition", "Grilles d'exposition et pieds"), "EXPO",
      "Des grilles caddie avec leurs pieds et crochets, pour accrocher photos, affiches et panneaux lors "
      "d'une exposition ou d'un forum.",
      ("pieds", "crochets et colliers"),
      (6, 15), (None, 50), (7, 30)),
    E("mobilier", ("Paperboards mobiles",), "PAPERBOARD",
      "Des paperboards sur roulettes avec leur bloc de papier et des feutres qui marchent (nous vérifions).",
      ("bloc de papier", "feutres"),
      (2, 5), (None,), (3, 21)),
    E("mobilier", ("Mange-debout pliants", "Mange-debout et housses blanches"), "BAR",
      "Des mange-debout pour un apéritif, un vernissage ou une soirée de lancement.",
      ("housses lavées",),
      (4, 10), (None,), (3, 7)),
    E("mobilier", ("Cloisons mobiles acoustiques",), "CLOISONS",
      "Des cloisons sur roulettes, en feutre acoustique, pour créer des petits espaces de travail ou d'accueil "
      "confidentiel dans une grande salle.",
      ("pieds stabilisateurs",),
      (2, 8), (None, 100), (7, 30)),
    E("mobilier", ("Bancs en palettes", "Salon de jardin en palettes"), "BANCS",
      "Des bancs fabriqués en palettes lors d'un chantier participatif : robustes, un peu lourds, et toujours "
      "appréciés en extérieur.",
      ("coussins (sur demande)",),
      (2, 8), (None,), (3, 14)),
    E("mobilier", ("Coin lecture : poufs, tapis et bacs à livres",), "LECTURE",
      "De quoi installer un coin lecture ou un espace enfants accueillant : poufs, grand tapis, bacs à livres "
      "sur roulettes.",
      ("4 poufs", "tapis 2 × 3 m", "2 bacs à livres"),
      (1, 1), (None,), (7, 21)),
    # -- Jardin --------------------------------------------------------------------------
    E("jardin", ("Broyeur de végétaux", "Broyeur de végétaux thermique"), "BROYEUR",
      "Un broyeur pour transformer les branches de taille (jusqu'à 4 cm) en paillage pour le jardin partagé "
      "plutôt que de les apporter en déchetterie.",
      ("lunettes, gants et casque antibruit", "bidon d'essence vide", "fiche d'entretien"),
      (1, 1), (150, 200, 300), (3, 7)),
    E("jardin", ("Motobineuse", "Motobineuse électrique"), "BINEUSE",
      "Une motobineuse pour préparer de nouvelles parcelles au printemps : on l'utilise une fois par an, "
      "autant la partager.",
      ("fraises de rechange", "notice"),
      (1, 1), (100, 150), (3, 7)),
    E("jardin", ("Outils de jardin pour un chantier collectif", "Lot de grelinettes et d'outils de jardin"),
      "JARDIN",
      "Un lot d'outils pour un chantier collectif au jardin : chacun a un outil en main, même à vingt.",
      ("bêches et grelinettes", "râteaux et binettes", "brouettes", "gants de toutes tailles"),
      (1, 2), (None,), (3, 14)),
    E("jardin", ("Pressoir à pommes et broyeur à fruits", "Presse à jus de pommes"), "POMMES",
      "Un pressoir et son broyeur pour transformer les pommes du verger en jus, lors d'une fête de "
      "l'automne ou d'un atelier avec l'école.",
      ("broyeur à fruits", "toiles de pressage", "bassines et entonnoirs"),
      (1, 1), (100, 150), (3, 7)),
    E("jardin", ("Lombricomposteur pédagogique",), "COMPOST",
      "Un lombricomposteur transparent pour montrer aux enfants (et aux adultes) comment les vers "
      "transforment les épluchures. Les vers sont fournis, bien vivants.",
      ("vers et litière", "livret d'animation"),
      (1, 3), (None,), (7, 30)),
    E("jardin", ("Taille-haie et sécateurs sur batterie",), "TAILLE",
      "Pour l'entretien des haies et la taille du verger sans bruit de moteur ni essence.",
      ("2 batteries", "gants et lunettes", "fourreau"),
      (1, 1), (None, 80), (3, 7)),
    E("jardin", ("Kit de greffage et de taille fruitière",), "GREFFE",
      "Le matériel de nos ateliers de greffe et de taille : greffoirs, mastic, liens, et les fiches que "
      "nous avons rédigées avec un arboriculteur du coin.",
      ("greffoirs et sécateurs", "mastic et liens", "fiches pas à pas"),
      (1, 2), (None,), (7, 21)),
    # -- Cuisine -------------------------------------------------------------------------
    E("cuisine", ("Plaques à induction mobiles",), "INDUCTION",
      "Des plaques à induction portables pour un atelier cuisine dans une salle sans cuisine : une prise "
      "classique suffit par plaque.",
      ("casseroles adaptées", "rallonges de section suffisante"),
      (2, 6), (None, 30), (3, 14)),
    E("cuisine", ("Robot pâtissier 6,7 L",), "ROBOT",
      "Un robot pâtissier professionnel pour les ateliers pain et pâtisserie, et les gros volumes de pâte à "
      "crêpes.",
      ("fouet, crochet et batteur", "bol supplémentaire"),
      (1, 1), (None, 100), (3, 14)),
    E("cuisine", ("Marmites de 50 litres et réchauds", "Grande marmite et brûleur à gaz"), "MARMITE",
      "De quoi cuisiner pour cent personnes en extérieur : soupe du marché, repas de quartier, banquet.",
      ("réchauds et détendeurs", "louches et spatules"),
      (1, 3), (None, 50), (3, 7)),
    E("cuisine", ("Déshydrateur alimentaire 10 clayettes",), "SECHAGE",
      "Pour sécher fruits, légumes et herbes des jardins partagés et éviter le gaspillage en fin d'été.",
      ("10 clayettes", "feuilles antiadhésives"),
      (1, 2), (None,), (7, 21)),
    E("cuisine", ("Machine sous vide",), "SOUS VIDE",
      "Une machine sous vide pour conserver les préparations d'un atelier ou d'une cuisine solidaire.",
      ("rouleaux de sacs",),
      (1, 1), (None, 50), (7, 21)),
    E("cuisine", ("Percolateur 100 tasses", "Percolateurs 40 et 100 tasses"), "CAFE",
      "Le percolateur qui sauve toutes les assemblées générales et les matinées d'accueil.",
      ("filtre", "notice de détartrage"),
      (1, 2), (None,), (3, 7)),
    E("cuisine", ("Stérilisateur à bocaux",), "BOCAUX",
      "Un stérilisateur électrique pour les ateliers conserves et les récoltes abondantes du jardin partagé.",
      ("thermomètre", "pince à bocaux", "14 bocaux"),
      (1, 2), (None,), (7, 21)),
    E("cuisine", ("Vaisselle réutilisable pour 100 personnes", "Kit de vaisselle lavable (100 couverts)"),
      "VAISSELLE",
      "Assiettes, verres et couverts lavables pour un événement sans vaisselle jetable. Rendue propre, "
      "elle se prête encore et encore.",
      ("caisses de rangement numérotées", "fiche de comptage"),
      (1, 3), (None, 50), (3, 7)),
    E("cuisine", ("Crêpières électriques", "Billigs électriques"), "CREPES",
      "Des crêpières professionnelles pour une fête de quartier, un goûter ou un stand à la kermesse.",
      ("rozells et spatules", "rallonges"),
      (2, 6), (None, 30), (3, 7)),
    # -- Événementiel ---------------------------------------------------------------------
    E("evenementiel", ("Barnum 3 × 6 m", "Barnum pliant 3 × 3 m"), "BARNUM",
      "Un barnum pliant qui se monte à quatre personnes en un quart d'heure, pour un stand, un marché ou "
      "une buvette.",
      ("parois latérales", "poids de lestage", "sac de transport"),
      (1, 3), (None, 100, 150), (3, 7)),
    E("evenementiel", ("Tente de réception 5 × 10 m",), "TENTE",
      "Une grande tente de réception pour abriter un repas ou un concert. Montage en une demi-journée : nous "
      "pouvons venir aider au premier montage.",
      ("bâches et parois", "lestage", "plan de montage"),
      (1, 1), (300, 500), (3, 7)),
    E("evenementiel", ("Guirlandes guinguette 50 m", "Guirlandes lumineuses d'extérieur"), "GUINGUETTE",
      "Des guirlandes d'ampoules pour donner un air de guinguette à une cour ou un jardin, étanches et "
      "basse consommation.",
      ("rallonges étanches", "crochets et colliers"),
      (1, 4), (None,), (3, 14)),
    E("evenementiel", ("Jeux en bois géants", "Malle de jeux en bois"), "JEUX",
      "Une quinzaine de jeux en bois géants (palets, puissance 4, billard hollandais, mikado…) fabriqués au "
      "fablab : succès garanti pour une fête de quartier.",
      ("liste des jeux et règles", "caisses de transport"),
      (1, 1), (None, 100), (3, 10)),
    E("evenementiel", ("Talkies-walkies",), "RADIO",
      "Des talkies-walkies pour coordonner les bénévoles sur un grand site : parking, accueil, buvette, "
      "scène.",
      ("chargeurs", "oreillettes"),
      (4, 10), (None, 50), (3, 7)),
    E("evenementiel", ("Scène démontable 6 × 4 m",), "SCENE",
      "Des praticables pour monter une scène de 6 × 4 m à 40 cm de haut, avec escalier et jupe noire.",
      ("praticables et pieds", "escalier", "jupe de scène"),
      (1, 1), (300, 400), (3, 7)),
    E("evenementiel", ("Gobelets réutilisables (caisses de 500)",), "GOBELETS",
      "Des gobelets réutilisables sérigraphiés, pour une buvette sans déchets : prévoir une consigne.",
      ("caisses de rangement",),
      (2, 10), (None,), (3, 10)),
    E("evenementiel", ("Vélo à smoothies",), "SMOOTHIE",
      "Un vélo qui fait tourner un blender : on pédale, on mixe, on boit. Animation très appréciée sur les "
      "stands sur l'alimentation ou l'énergie.",
      ("blender et bol de rechange", "support de roue"),
      (1, 1), (None, 100), (3, 7)),
    E("evenementiel", ("Photomaton maison",), "PHOTOMATON",
      "Un photomaton fabriqué au fablab : un appareil photo, une tablette, un gros bouton et un cadre en "
      "bois. Les photos s'impriment ou s'envoient par QR code.",
      ("accessoires de déguisement", "imprimante photo"),
      (1, 1), (100, 200), (3, 7)),
)

# Weight of each equipment category for a fabrique with each module (a base weight is added).
CATEGORY_WEIGHTS: dict[str, dict[str, float]] = {
    "fablab": {"fabrication-numerique": 5, "outillage": 2, "informatique": 1, "audiovisuel": 1},
    "coworking": {"informatique": 2, "mobilier": 2, "audiovisuel": 1},
    "mediation_numerique": {"informatique": 5, "audiovisuel": 2},
    "atelier_partage": {"outillage": 5, "fabrication-numerique": 1, "mobilier": 1},
    "cafe_associatif": {"evenementiel": 3, "cuisine": 2, "mobilier": 2, "audiovisuel": 1},
    "jardin": {"jardin": 5, "outillage": 1, "cuisine": 1},
    "ressourcerie": {"outillage": 3, "mobilier": 3},
    "cuisine_partagee": {"cuisine": 5, "evenementiel": 1},
    "espace_culturel": {"audiovisuel": 4, "evenementiel": 3, "mobilier": 2},
    "formation": {"informatique": 3, "audiovisuel": 2, "mobilier": 1},
}
BASE_CATEGORY_WEIGHT = 0.4

# Conditions of use by equipment category (two or three are chosen).
USAGE_CONDITIONS: dict[str, tuple[str, ...]] = {
    "fabrication-numerique": (
        "Prêt à une personne formée à la machine : si besoin, une formation d'une heure est possible chez nous.",
        "Matériaux et consommables non fournis.",
        "Ne pas déplacer la machine sans la vider et la caler (voir la fiche de transport).",
        "Signaler tout réglage modifié au retour.",
        "Utilisation en présence d'un adulte pour les ateliers jeunes.",
    ),
    "audiovisuel": (
        "Batteries rechargées avant le retour, s'il vous plaît.",
        "Attestation d'assurance de votre structure demandée au retrait.",
        "Pas d'utilisation sous la pluie sans protection.",
        "Cartes mémoire vidées et rendues formatées.",
        "Vérification du matériel ensemble au retrait et au retour (10 minutes).",
    ),
    "informatique": (
        "Ne pas installer de logiciel sans nous prévenir ; les appareils sont réinitialisés au retour.",
        "Attestation d'assurance de votre structure demandée au retrait.",
        "Appareils rendus chargés et rangés dans leur valise.",
        "Signaler tout écran fêlé ou appareil qui ne démarre plus : ça arrive, il suffit de le dire.",
        "Pas de prêt à des particuliers : uniquement pour des ateliers collectifs.",
    ),
    "outillage": (
        "Prêt à une personne majeure qui sait se servir de l'outil.",
        "Équipements de protection à porter (fournis).",
        "Outils rendus propres ; les lames et forets cassés sont à signaler, pas à cacher.",
        "Attestation d'assurance de votre structure demandée au retrait.",
    ),
    "mobilier": (
        "Transport à votre charge : prévoir un utilitaire.",
        "Matériel rendu propre et sec.",
        "Comptage ensemble au retrait et au retour.",
        "Pas d'adhésif directement sur le mobilier.",
    ),
    "jardin": (
        "Matériel rendu nettoyé (terre et végétaux retirés).",
        "Plein d'essence à votre charge, mélange 2 temps fourni.",
        "Port des équipements de protection obligatoire.",
        "Prêt à une personne majeure, après une démonstration de dix minutes.",
    ),
    "cuisine": (
        "Matériel rendu propre et sec, prêt à servir.",
        "Réservé à des activités encadrées par une personne formée à l'hygiène alimentaire.",
        "Comptage ensemble au retrait et au retour.",
        "Pièce cassée : remplacée ou remboursée au prix d'achat, sans drame.",
    ),
    "evenementiel": (
        "Transport à votre charge : prévoir un utilitaire ou une remorque.",
        "Montage à quatre personnes minimum.",
        "Matériel rendu sec (à faire sécher chez vous si nécessaire).",
        "Ne pas utiliser par vent fort (plus de 40 km/h).",
        "Attestation d'assurance de votre structure demandée au retrait.",
    ),
}

# Closing paragraphs by equipment category (one may be added to the description).
TIPS: dict[str, tuple[str, ...]] = {
    "fabrication-numerique": (
        "**Bon à savoir :** nous pouvons préparer avec vous les premiers fichiers, c'est souvent ce qui bloque.",
        "Idéal pour une fête de la science, un stage maker pendant les vacances ou un atelier avec un collège.",
        "Les fichiers de nos ateliers sont sur le wiki de la fabrique : n'hésitez pas à les réutiliser.",
    ),
    "audiovisuel": (
        "**Bon à savoir :** nous pouvons vous montrer les réglages au retrait, prévoyez vingt minutes.",
        "Nous l'avons utilisé pour notre podcast de territoire et pour des captations de conférences.",
        "Pensez à faire signer les autorisations de droit à l'image avant de filmer.",
    ),
    "informatique": (
        "**Bon à savoir :** les appareils sont à jour et réinitialisés avant chaque prêt.",
        "Nous prêtons aussi nos fiches d'atelier, imprimées ou en PDF : demandez-les dans la conversation.",
        "Idéal pour des permanences numériques itinérantes ou une journée d'accès aux droits.",
    ),
    "outillage": (
        "**Bon à savoir :** un ou une bénévole de l'atelier peut venir avec l'outil pour un chantier participatif.",
        "Nous l'utilisons pour le repair café du premier samedi du mois : évitez ce week-end-là.",
    ),
    "mobilier": (
        "**Bon à savoir :** nous pouvons livrer dans un rayon de 20 km contre une participation à l'essence.",
        "Plusieurs fabriques du réseau en ont aussi : regardez la carte pour trouver les plus proches.",
    ),
    "jardin": (
        "**Bon à savoir :** le matériel est très demandé en mars-avril et en octobre-novembre, réservez tôt.",
        "Nous pouvons vous montrer son utilisation lors d'un chantier au jardin partagé.",
    ),
    "cuisine": (
        "**Bon à savoir :** la cuisine partagée peut aussi se réserver si vous n'avez pas de lieu.",
        "Parfait pour une disco soupe, une fête de la pomme ou un repas de quartier.",
    ),
    "evenementiel": (
        "**Bon à savoir :** le matériel est très demandé de mai à septembre, réservez tôt.",
        "Nous pouvons venir aider au montage si la date nous le permet : demandez dans la conversation.",
    ),
}

PICKUP_PLACES: tuple[str, ...] = (
    "À l'accueil de {fabrique}, {address}, {postal_code} {city}",
    "{address}, {postal_code} {city} — sonnez à l'atelier",
    "Sur rendez-vous, {address}, {city}",
    "À l'accueil de {fabrique} aux heures d'ouverture",
    "{address}, {city} (entrée par la cour, accès utilitaire possible)",
)


class RoomItem(NamedTuple):
    category: str
    names: tuple[str, ...]  # "{proper}" is replaced by a room name, "{places}" by the capacity
    word: str
    blurb: str  # "{places}" and "{surface}" are replaced
    capacity: tuple[int, int]  # the main capacity (min, max)
    layout: str  # "meeting", "workshop", "hall", "office" or "outdoor": which capacities apply
    equipment: tuple[str, ...]
    modules: tuple[str, ...] = ()  # only in a fabrique with one of these modules (empty: any fabrique)


R = RoomItem

ROOMS: tuple[RoomItem, ...] = (
    R("salle-de-reunion", ("Salle {proper} ({places} places)",), "REUNION",
      "Une salle de réunion lumineuse de {surface} m², au calme, avec une grande table modulable pour "
      "{places} personnes.",
      (12, 30), "meeting",
      ("vidéoprojecteur", "écran", "tableau blanc", "paperboard", "Wi-Fi par la fibre", "matériel de visio",
       "bouilloire et machine à café")),
    R("salle-de-reunion", ("Petite salle de réunion ({places} places)", "Salle de réunion {proper}"),
      "REUNION",
      "Une petite salle pour les réunions de bureau, les entretiens ou les comités de pilotage : {places} "
      "personnes autour de la table, {surface} m².",
      (6, 12), "meeting",
      ("écran de 55 pouces", "tableau blanc", "Wi-Fi", "matériel de visio", "paperboard")),
    R("salle-de-reunion", ("Salle de visioconférence ({places} places)",), "VISIO",
      "Une salle équipée pour les réunions hybrides : caméra 360°, micro de table et grand écran, pour que "
      "les personnes à distance suivent aussi bien que celles sur place.",
      (6, 10), "meeting",
      ("caméra 360° et micro de table", "écran de 65 pouces", "Wi-Fi par la fibre", "tableau blanc")),
    R("atelier", ("Atelier bois", "Atelier de menuiserie partagé"), "ATELIER",
      "Un atelier bois de {surface} m² avec ses machines stationnaires, pour un chantier participatif, une "
      "formation ou la fabrication d'un mobilier. Un ou une bénévole référent·e est présent·e.",
      (6, 12), "workshop",
      ("scie à format", "raboteuse-dégauchisseuse", "perceuse à colonne", "établis", "aspiration",
       "outillage à main"),
      ("atelier_partage", "fablab", "ressourcerie")),
    R("atelier", ("Atelier couture", "Atelier couture et réparation"), "COUTURE",
      "Un atelier couture avec ses machines et une grande table de coupe, pour un atelier de réparation, "
      "une formation ou une session d'upcycling de {places} personnes.",
      (6, 12), "workshop",
      ("6 machines à coudre", "surjeteuse", "table de coupe", "fer et table à repasser", "mannequins"),
      ("atelier_partage", "ressourcerie")),
    R("atelier", ("Cuisine partagée", "Cuisine partagée (laboratoire aux normes)"), "CUISINE",
      "Une cuisine équipée aux normes, pour un atelier cuisine, un traiteur qui démarre ou la préparation "
      "d'un repas de quartier. {surface} m², jusqu'à {places} personnes en atelier.",
      (6, 14), "workshop",
      ("piano de cuisson", "four mixte", "chambre froide", "plonge", "batterie de cuisine complète"),
      ("cuisine_partagee",)),
    R("atelier", ("Atelier de fabrication numérique", "Fablab (privatisation)"), "FABLAB",
      "Le fablab réservé pour votre groupe : machines, postes de conception et une personne de l'équipe "
      "pour accompagner. Jusqu'à {places} personnes en atelier.",
      (6, 14), "workshop",
      ("2 imprimantes 3D", "découpeuse laser", "découpeuse vinyle", "6 postes de conception", "établis"),
      ("fablab",)),
    R("atelier", ("Atelier céramique (four compris)",), "CERAMIQUE",
      "Un atelier terre avec tours, tables de modelage et four électrique : la cuisson peut être comprise "
      "si vous réservez deux jours.",
      (6, 10), "workshop",
      ("2 tours de potier", "tables de modelage", "four électrique", "évier à décantation"),
      ("atelier_partage", "espace_culturel")),
    R("salle-polyvalente", ("Grande salle polyvalente ({places} places)", "Salle {proper} ({places} places)"),
      "SALLE",
      "Une grande salle de {surface} m² pour une assemblée générale, un spectacle, un repas ou une journée de "
      "rencontres : jusqu'à {places} personnes assises.",
      (40, 120), "hall",
      ("sonorisation", "vidéoprojecteur et écran", "scène mobile", "tables et chaises pliantes",
       "office avec réfrigérateur", "rideaux occultants")),
    R("salle-polyvalente", ("Salle du café associatif", "Salle du café (hors ouverture)"), "CAFE",
      "La salle du café associatif, réservable en dehors des heures d'ouverture : une ambiance chaleureuse "
      "pour une soirée, une conférence gesticulée ou un atelier.",
      (25, 50), "hall",
      ("bar", "cuisine ouverte", "sonorisation légère", "piano droit", "jeux de société"),
      ("cafe_associatif",)),
    R("salle-polyvalente", ("Salle d'exposition", "Galerie du rez-de-chaussée"), "EXPO",
      "Une salle d'exposition avec cimaises et éclairage sur rails, pour accrocher une exposition d'une "
      "semaine ou un vernissage.",
      (30, 60), "hall",
      ("cimaises et crochets", "éclairage sur rails", "vitrines", "grilles d'exposition"),
      ("espace_culturel",)),
    R("salle-polyvalente", ("Salle de formation ({places} places)",), "FORMATION",
      "Une salle de formation modulable en îlots ou en U, avec un écran tactile : {places} places en "
      "réunion, {surface} m².",
      (12, 24), "meeting",
      ("écran tactile", "vidéoprojecteur", "tables modulables", "10 ordinateurs portables", "paperboards")),
    R("bureau", ("Bureau partagé à la journée", "Poste de coworking à la journée"), "BUREAU",
      "Un poste de travail dans l'espace de coworking, pour une personne de passage sur le territoire : "
      "fibre, imprimante et café compris.",
      (1, 1), "office",
      ("fibre", "imprimante", "écran externe", "casier", "cabine téléphonique"),
      ("coworking",)),
    R("bureau", ("Bureau fermé (2 personnes)", "Bureau individuel fermé"), "BUREAU",
      "Un bureau fermé, au calme, pour deux personnes : idéal pour une journée de rédaction ou des "
      "entretiens.",
      (1, 2), "office",
      ("2 postes", "écran externe", "Wi-Fi", "armoire fermant à clé")),
    R("bureau", ("Salle d'accompagnement confidentielle",), "ACCUEIL",
      "Une petite pièce fermée pour les entretiens individuels et l'aide aux démarches, quand on parle "
      "d'argent, de santé ou de papiers.",
      (2, 4), "office",
      ("poste informatique", "imprimante-scanner", "bureau d'accueil", "boîte de mouchoirs"),
      ("mediation_numerique",)),
    R("exterieur", ("Jardin partagé et sa tonnelle", "Jardin et tonnelle"), "JARDIN",
      "Le jardin partagé et sa grande tonnelle, pour un pique-nique, un atelier nature ou une fête de fin "
      "d'année. Toilettes et point d'eau accessibles.",
      (20, 60), "outdoor",
      ("tonnelle", "tables de pique-nique", "point d'eau", "toilettes sèches", "prise électrique extérieure"),
      ("jardin",)),
    R("exterieur", ("Cour intérieure", "Cour pavée et préau"), "COUR",
      "Une cour fermée et son préau, pour un marché, un concert ou une fête de quartier, à l'abri des voitures.",
      (40, 150), "outdoor",
      ("préau", "prises électriques", "point d'eau", "guirlandes lumineuses")),
    R("exterieur", ("Terrain pour événements en plein air", "Pré du bas (événements)"), "PLEIN AIR",
      "Un grand terrain enherbé pour un festival, un cinéma de plein air ou un rassemblement : électricité "
      "et eau à proximité, parking voisin.",
      (80, 300), "outdoor",
      ("raccordement électrique", "point d'eau", "parking voisin"),
      ("jardin", "cafe_associatif", "espace_culturel")),
    R("exterieur", ("Serre pédagogique", "Serre et potager pédagogique"), "SERRE",
      "Une serre de {surface} m² pour les ateliers semis, rempotage et découverte du potager avec des "
      "groupes d'enfants ou d'adultes.",
      (10, 20), "workshop",
      ("tables de semis", "outils", "récupérateur d'eau", "terreau"),
      ("jardin",)),
)

# The rooms of a fabrique's profile (forum.demo.places.SPACES_BY_MODULE) as catalogue spaces:
# name -> (category, layout, word, blurb).
PROFILE_ROOMS: dict[str, tuple[str, str, str, str]] = {
    "Atelier de fabrication": ("atelier", "workshop", "FABLAB",
                               "Notre atelier de fabrication, réservable pour un groupe : machines, établis et "
                               "une personne de l'équipe pour accompagner."),
    "Salle des machines": ("atelier", "workshop", "MACHINES",
                           "La salle des machines du fablab, pour un groupe déjà formé ou accompagné par "
                           "notre fabmanager."),
    "Espace de coworking": ("bureau", "office", "COWORKING",
                            "L'espace de coworking entier, pour une équipe en séminaire ou une journée de "
                            "travail entre fabriques."),
    "Bureau partagé": ("bureau", "office", "BUREAU",
                       "Un bureau partagé pour quelques personnes, au calme, à la journée ou à la demi-journée."),
    "Espace numérique": ("salle-de-reunion", "meeting", "NUMERIQUE",
                         "L'espace numérique et ses postes, pour une formation ou un atelier collectif."),
    "Salle d'accompagnement": ("bureau", "office", "ACCUEIL",
                               "Une petite salle fermée pour les entretiens individuels et l'aide aux démarches."),
    "Atelier bois": ("atelier", "workshop", "ATELIER",
                     "L'atelier bois et ses machines, pour un chantier participatif ou une formation."),
    "Atelier couture et réparation": ("atelier", "workshop", "COUTURE",
                                      "L'atelier couture et réparation, pour un atelier collectif ou une "
                                      "session d'upcycling."),
    "Salle du café": ("salle-polyvalente", "hall", "CAFE",
                      "La salle du café associatif, réservable en dehors des heures d'ouverture."),
    "Cuisine partagée": ("atelier", "workshop", "CUISINE",
                         "La cuisine partagée, équipée aux normes, pour un atelier ou la préparation d'un repas."),
    "Serre pédagogique": ("exterieur", "workshop", "SERRE",
                          "La serre pédagogique, pour les ateliers semis et découverte du potager."),
    "Salle de spectacle": ("salle-polyvalente", "hall", "SCENE",
                           "La salle de spectacle avec ses gradins amovibles et son éclairage scénique."),
    "Salle d'exposition": ("salle-polyvalente", "hall", "EXPO",
                           "La salle d'exposition, avec cimaises et éclairage sur rails."),
    "Salle de formation": ("salle-polyvalente", "meeting", "FORMATION",
                           "La salle de formation, modulable en îlots ou en U."),
    "Boutique de la ressourcerie": ("salle-polyvalente", "hall", "BOUTIQUE",
                                    "La boutique de la ressourcerie, réservable le lundi pour une vente "
                                    "éphémère ou une exposition."),
    "Salle de réunion": ("salle-de-reunion", "meeting", "REUNION",
                         "Notre salle de réunion, avec une grande table et le matériel de visio."),
    "Grande salle": ("salle-polyvalente", "hall", "SALLE",
                     "La grande salle, pour une assemblée générale, un spectacle ou un repas."),
}

ROOM_PROPER_NAMES: tuple[str, ...] = (
    "du Lavoir", "des Tilleuls", "de la Forge", "du Préau", "des Archives", "de la Verrière", "du Four à pain",
    "des Moissons", "de la Halle", "du Cèdre", "Louise-Michel", "Simone-Veil", "Olympe-de-Gouges", "des Canuts",
    "du Belvédère", "de la Source", "du Pressoir", "de la Tannerie", "des Écluses", "du Marronnier",
    "Gisèle-Halimi", "Aimé-Césaire", "de la Filature", "du Grenier",
)
ROOM_MAX_DAYS: tuple[int, ...] = (1, 1, 2, 2, 3, 5, 7)

ACCESSIBILITY: tuple[str, ...] = (
    "Plain-pied, accessible en fauteuil roulant, toilettes adaptées",
    "Accès de plain-pied par la cour, toilettes adaptées, boucle magnétique",
    "Rampe d'accès côté parking, toilettes adaptées",
    "À l'étage avec ascenseur, toilettes adaptées au rez-de-chaussée",
    "À l'étage sans ascenseur : non accessible en fauteuil roulant (salle du bas possible sur demande)",
    "Accès par deux marches, rampe amovible sur demande",
    "Terrain plat et stabilisé, accessible en fauteuil par temps sec",
)
PRICES: tuple[str, ...] = (
    "Gratuit pour les fabriques du réseau",
    "Gratuit pour les fabriques du réseau, participation au ménage appréciée",
    "Participation aux frais : 30 € la journée",
    "Participation aux frais : 15 € la demi-journée, 25 € la journée",
    "Gratuit en semaine, 80 € le week-end (ménage compris)",
    "Prix libre pour les associations, 120 € la journée pour les autres",
    "Gratuit en échange d'un atelier ou d'un coup de main (troc de services)",
    "Participation aux frais : 50 € la journée, chauffage compris",
)
# "Idéal pour" list of some room descriptions.
ROOM_USES: tuple[str, ...] = (
    "un séminaire d'équipe", "une formation de deux jours", "une réunion de réseau", "un atelier avec des élus",
    "une résidence d'artistes", "une assemblée générale", "un atelier de co-construction avec les habitants",
    "une journée de travail entre fabriques",
)
# A sentence added to some room descriptions.
ROOM_NOTES: tuple[str, ...] = (
    "Les clés se récupèrent la veille à l'accueil ; un état des lieux rapide est fait au départ et au retour.",
    "La salle est chauffée, lumineuse, et donne sur le jardin.",
    "Café, thé et bouilloire à disposition ; merci de laisser la salle comme vous l'avez trouvée.",
    "Le parking voisin est gratuit ; une gare est à dix minutes à pied.",
    "Nous pouvons vous mettre en relation avec un traiteur solidaire du quartier pour les repas.",
    "Pendant les vacances scolaires, la salle est souvent prise par les stages jeunes : réservez tôt.",
)


class KnowHowItem(NamedTuple):
    category: str
    name: str
    word: str
    body: str  # the content (Markdown)


K = KnowHowItem

KNOW_HOW: tuple[KnowHowItem, ...] = (
    # -- Guides --------------------------------------------------------------------------
    K("guide", "Guide : monter un repair café", "REPAIR",
      "Ce guide rassemble ce que nous avons appris en trois ans de repair café mensuel : "
      "les bénévoles, le matériel, l'assurance et la communication.\n\n"
      "## Ce que vous y trouverez\n\n"
      "- la liste du matériel de départ (moins de 300 €) ;\n"
      "- la fiche d'accueil des visiteurs et la décharge de responsabilité ;\n"
      "- comment trouver des réparateurs bénévoles (et les garder) ;\n"
      "- ce qui n'a **pas** marché : les réparations sur rendez-vous, abandonnées au bout de six mois."),
    K("guide", "Guide : animer un atelier sur la sobriété numérique", "SOBRIETE",
      "Un déroulé d'atelier de deux heures pour parler de l'impact du numérique sans culpabiliser : "
      "d'où viennent nos appareils, combien de temps les garder, comment trier ses données.\n\n"
      "## Déroulé\n\n"
      "1. Le jeu des appareils de la maison (20 min)\n"
      "2. Ce que contient un smartphone (30 min)\n"
      "3. Atelier pratique : faire du tri dans son téléphone (45 min)\n"
      "4. Ce que je change dès demain (25 min)"),
    K("guide", "Guide : accueillir un conseiller numérique dans sa structure", "ACCUEIL",
      "Tout ce que nous aurions aimé savoir avant l'arrivée de notre premier conseiller numérique : "
      "fiche de poste, formation, outils, place dans l'équipe et financement après la fin de l'aide.\n\n"
      "- les trois premiers mois, semaine par semaine ;\n"
      "- les partenaires à rencontrer (CCAS, France services, médiathèque) ;\n"
      "- les pièges : un poste isolé, sans relais quand la personne est absente."),
    K("guide", "Guide : ouvrir un café associatif", "CAFE",
      "Licence, hygiène, bénévoles, prix : un guide pratique écrit après l'ouverture de notre café "
      "associatif, avec les documents que nous utilisons encore.\n\n"
      "## Au sommaire\n\n"
      "- les démarches (licence, déclaration en mairie, formation hygiène) ;\n"
      "- le planning des bénévoles et la caisse ;\n"
      "- fixer ses prix sans perdre d'argent ni exclure personne ;\n"
      "- notre erreur de départ : trop de produits, trop de stock."),
    K("guide", "Guide : créer une SCIC pour son tiers-lieu", "SCIC",
      "Pourquoi nous sommes passés d'association à SCIC, comment nous avons réparti les collèges de "
      "sociétaires et ce que cela a changé pour la gouvernance.\n\n"
      "- le calendrier réel (dix-huit mois, pas six) ;\n"
      "- les statuts commentés ;\n"
      "- le rôle des collectivités au capital ;\n"
      "- ce que nous referions autrement."),
    K("guide", "Guide : lancer une grainothèque", "GRAINES",
      "Une grainothèque, c'est une boîte, des enveloppes et des gens qui échangent des graines. Ce guide "
      "explique comment la faire vivre au-delà de la première saison.\n\n"
      "- fabriquer le meuble (plans fournis) ;\n"
      "- les règles d'échange et l'étiquetage ;\n"
      "- organiser une bourse aux graines au printemps."),
    K("guide", "Guide : tenir une permanence d'aide aux démarches en ligne", "DEMARCHES",
      "Organisation, confidentialité, limites de l'aide, orientation vers les bons partenaires : notre guide "
      "pour les médiateurs et les bénévoles qui tiennent une permanence.\n\n"
      "## Les points clés\n\n"
      "- ne jamais garder les identifiants des personnes ;\n"
      "- savoir dire « je ne peux pas faire à votre place » ;\n"
      "- le mandat Aidants Connect, quand et comment ;\n"
      "- la fiche d'orientation vers les partenaires du territoire."),
    K("guide", "Guide : la sécurité dans un fablab", "SECURITE",
      "Règles d'accès aux machines, équipements de protection, formation des bénévoles, registre des "
      "incidents : le guide que nous remettons à chaque nouvel adhérent.\n\n"
      "- les machines en accès libre et celles qui demandent une habilitation ;\n"
      "- l'affichage à prévoir ;\n"
      "- que faire en cas de départ de feu sur la découpeuse laser."),
    K("guide", "Guide : répondre à un appel à projets LEADER", "LEADER",
      "Comment nous avons obtenu un financement LEADER pour aménager notre atelier, et surtout comment "
      "nous avons survécu au délai de paiement.\n\n"
      "- lire l'appel à projets et parler au GAL avant d'écrire ;\n"
      "- le plan de financement et l'avance de trésorerie ;\n"
      "- les pièces justificatives à garder dès le premier jour."),
    K("guide", "Guide : mettre en place un compost de quartier", "COMPOST",
      "Du premier bac à la tournée des bio-seaux : le guide de notre compost de quartier, écrit avec les "
      "habitants référents.\n\n"
      "- choisir l'emplacement avec la mairie et le bailleur ;\n"
      "- former des référents et tenir un planning ;\n"
      "- gérer les odeurs, les moucherons et les mauvais apports."),
    K("guide", "Guide : organiser une journée portes ouvertes", "PORTES",
      "Une journée portes ouvertes réussie se prépare six semaines avant. Voici notre rétroplanning, la "
      "liste des tâches et le bilan des trois dernières éditions.\n\n"
      "- ce qui attire du monde (démonstrations, repas) et ce qui n'attire personne (les discours) ;\n"
      "- la communication locale qui marche encore : affiches, radio associative, bouche-à-oreille."),
    # -- Kits de formation ------------------------------------------------------------------
    K("kit-de-formation", "Kit de formation « Premiers pas sur smartphone »", "SMARTPHONE",
      "Un parcours de quatre séances pour les personnes qui découvrent le smartphone, testé avec plus de "
      "deux cents participants.\n\n"
      "## Contenu du kit\n\n"
      "- le déroulé des quatre séances (allumer, appeler, photographier, installer une application) ;\n"
      "- des fiches mémo en gros caractères à distribuer ;\n"
      "- un questionnaire de positionnement ;\n"
      "- des conseils pour animer un groupe aux niveaux très différents."),
    K("kit-de-formation", "Kit de formation « Démarches en ligne : CAF, impôts, santé »", "DEMARCHES",
      "Des ateliers pour apprendre à faire ses démarches soi-même, avec des comptes de démonstration et des "
      "captures d'écran à jour.\n\n"
      "- trois ateliers de deux heures ;\n"
      "- les fiches pas à pas ;\n"
      "- un quiz pour vérifier ce qui est acquis."),
    K("kit-de-formation", "Kit d'animation « Initiation à l'impression 3D »", "3D",
      "Un atelier de trois heures pour des collégiens ou des adultes débutants : de l'idée à l'objet "
      "imprimé.\n\n"
      "- présentation projetable ;\n"
      "- modèles simples à personnaliser sur Tinkercad ;\n"
      "- fiche de réglages testés pour le PLA."),
    K("kit-de-formation", "Kit de formation « Repérer les arnaques en ligne »", "ARNAQUES",
      "Faux SMS de livraison, faux conseillers bancaires, faux sites administratifs : un atelier d'une heure "
      "trente, avec de vrais exemples anonymisés.\n\n"
      "- un jeu « vrai ou arnaque ? » en cartes imprimables ;\n"
      "- les réflexes à retenir sur une seule page ;\n"
      "- où signaler une arnaque."),
    K("kit-de-formation", "Kit de formation « La visio en famille »", "VISIO",
      "Pour les grands-parents qui veulent voir leurs petits-enfants : un atelier de découverte de la visio "
      "sur tablette, avec un appel en direct à la fin.\n\n"
      "- déroulé d'une séance de deux heures ;\n"
      "- fiches illustrées pour trois applications ;\n"
      "- conseils pour organiser l'appel test avec les familles."),
    K("kit-de-formation", "Kit de formation des bénévoles à l'accueil", "BENEVOLES",
      "Une demi-journée pour former les nouveaux bénévoles : accueillir, orienter, dire non, passer le "
      "relais.\n\n"
      "- jeux de rôle à partir de situations vécues ;\n"
      "- le livret d'accueil du bénévole (modifiable) ;\n"
      "- la grille de suivi après un mois."),
    K("kit-de-formation", "Kit d'atelier « Réparer son vélo »", "VELO",
      "Trois séances pour apprendre à régler ses freins, changer une chambre à air et entretenir sa chaîne.\n\n"
      "- fiches illustrées par réparation ;\n"
      "- la liste des outils (et où les emprunter) ;\n"
      "- conseils de sécurité pour l'atelier."),
    K("kit-de-formation", "Kit de formation « Gouvernance partagée : les bases »", "GOUVERNANCE",
      "Une journée pour découvrir l'élection sans candidat, la prise de décision par consentement et les "
      "rôles tournants, avec des exercices à faire sur vos vrais sujets.\n\n"
      "- le déroulé minute par minute ;\n"
      "- les cartes de rôles à imprimer ;\n"
      "- notre retour d'expérience : ce qui a tenu, ce qui n'a pas tenu."),
    K("kit-de-formation", "Kit d'atelier « Cuisine anti-gaspi »", "ANTI-GASPI",
      "Un atelier cuisine à partir des invendus du marché : recettes, organisation, affiches et conseils "
      "d'hygiène.\n\n"
      "- douze recettes testées avec des groupes ;\n"
      "- la convention type avec les commerçants ;\n"
      "- la fiche hygiène simplifiée."),
    K("kit-de-formation", "Kit de formation « Créer son adresse mail et la garder »", "MAIL",
      "Un atelier pour créer une adresse électronique, choisir un mot de passe qu'on retient et retrouver "
      "son compte quand on l'a oublié.\n\n"
      "- fiche « mon carnet de mots de passe » ;\n"
      "- déroulé pas à pas ;\n"
      "- exercices en binôme."),
    # -- Modèles --------------------------------------------------------------------------
    K("modele", "Modèle de convention de mise à disposition", "CONVENTION",
      "La convention que nous utilisons pour mettre une salle ou du matériel à disposition d'une autre "
      "structure. Relue par une juriste, à adapter à votre cas.\n\n"
      "- objet, durée et conditions financières ;\n"
      "- assurance et responsabilité ;\n"
      "- état des lieux en annexe."),
    K("modele", "Modèle de charte d'utilisation du fablab", "CHARTE",
      "Une charte d'une page, écrite avec les adhérents, que chacun signe à son arrivée.\n\n"
      "- accès aux machines et habilitations ;\n"
      "- rangement et partage des consommables ;\n"
      "- documentation des projets."),
    K("modele", "Modèle de contrat de prêt de matériel", "CONTRAT",
      "Un contrat de prêt simple : matériel prêté, état au départ, caution, date de retour et ce qui se "
      "passe en cas de casse.\n\n"
      "Le document existe en version papier et en formulaire à remplir."),
    K("modele", "Modèle de budget prévisionnel de tiers-lieu", "BUDGET",
      "Le tableur de budget prévisionnel sur trois ans que nous avons présenté à nos financeurs, avec les "
      "hypothèses expliquées.\n\n"
      "- charges et produits par activité ;\n"
      "- trésorerie mois par mois ;\n"
      "- onglet « scénario pessimiste », le plus utile."),
    K("modele", "Modèle de règlement intérieur du coworking", "REGLEMENT",
      "Horaires, bruit, cuisine, invités, impressions : le règlement intérieur de notre espace de coworking, "
      "court et lisible."),
    K("modele", "Modèle de convention de partenariat avec une commune", "CONVENTION",
      "La convention pluriannuelle d'objectifs signée avec notre commune : engagements de chacun, "
      "indicateurs, comité de suivi.\n\n"
      "- les indicateurs que nous avons négociés (et ceux que nous avons refusés) ;\n"
      "- le calendrier du comité de suivi."),
    K("modele", "Modèle de fiche d'état des lieux pour un prêt de salle", "ETAT",
      "Une fiche d'une page pour l'état des lieux d'entrée et de sortie d'une salle : mobilier, matériel, "
      "propreté, clés."),
    K("modele", "Modèle de bilan annuel d'activité pour les financeurs", "BILAN",
      "La trame de notre bilan annuel : chiffres clés, récits, photos, perspectives. Les financeurs nous ont "
      "dit le lire en entier, ce qui est rare.\n\n"
      "- une page de chiffres, pas plus ;\n"
      "- trois histoires de personnes accompagnées (avec leur accord) ;\n"
      "- ce qui n'a pas marché et ce que nous en tirons."),
    K("modele", "Modèle de fiche de poste : médiateur ou médiatrice numérique", "POSTE",
      "Une fiche de poste complète, avec les missions, les compétences attendues et la place du poste dans "
      "l'équipe. Utilisée pour deux recrutements."),
    # -- Compétences -----------------------------------------------------------------------
    K("competence", "Accompagnement à la création d'une SCIC", "SCIC",
      "Notre coordinatrice a accompagné trois tiers-lieux dans leur passage en SCIC. Elle peut vous aider à "
      "poser les bonnes questions avant de vous lancer : une visio d'une heure, gratuite entre fabriques du "
      "réseau."),
    K("competence", "Formation des bénévoles à la médiation numérique", "MEDIATION",
      "Nous formons des bénévoles à l'accompagnement numérique depuis quatre ans. Nous pouvons venir chez "
      "vous animer une journée de formation, ou accueillir vos bénévoles lors de nos permanences."),
    K("competence", "Conseil en aménagement d'atelier partagé", "AMENAGEMENT",
      "Circulation, électricité, aspiration, rangements : notre équipe a aménagé deux ateliers et peut "
      "relire votre plan ou venir une demi-journée sur place."),
    K("competence", "Animation de réunions en gouvernance partagée", "ANIMATION",
      "Deux personnes de l'équipe sont formées à la facilitation. Elles peuvent animer une assemblée "
      "générale, un séminaire ou une réunion difficile, en tiers neutre."),
    K("competence", "Aide au montage de dossiers européens (LEADER, FSE+)", "EUROPE",
      "Nous avons monté quatre dossiers européens, dont deux ont abouti. Nous pouvons relire le vôtre et "
      "partager nos tableaux de suivi des dépenses."),
    K("competence", "Maintenance des imprimantes 3D", "3D",
      "Notre fabmanager répare et règle les imprimantes 3D du réseau : buse bouchée, plateau mal nivelé, "
      "carte mère grillée. Diagnostic à distance possible."),
    K("competence", "Réalisation de vidéos courtes pour les réseaux sociaux", "VIDEO",
      "Nous formons à la réalisation de vidéos courtes au smartphone : écriture, tournage, montage, "
      "sous-titres. Une journée suffit pour repartir avec une première vidéo."),
    K("competence", "Conception de mobilier en bois sur mesure", "MOBILIER",
      "L'atelier bois conçoit et fabrique du mobilier pour les tiers-lieux : comptoirs, bacs de jardin, "
      "rangements. Nous partageons les plans et pouvons animer un chantier participatif."),
    # -- Contacts --------------------------------------------------------------------------
    K("contact", "Contact : une juriste spécialisée dans les associations employeuses", "JURISTE",
      "Une juriste indépendante qui connaît bien les associations employeuses et les tiers-lieux : contrats, "
      "conventions collectives, rupture conventionnelle. Tarif solidaire pour les fabriques du réseau."),
    K("contact", "Contact : le réseau des ressourceries du département", "RESSOURCERIES",
      "Le réseau départemental des ressourceries, pour trouver du mobilier de récupération, du matériel "
      "informatique reconditionné ou des bénévoles de la réparation."),
    K("contact", "Contact : un fournisseur de matériel reconditionné", "RECONDITIONNE",
      "Une entreprise d'insertion qui reconditionne ordinateurs et tablettes, avec des prix adaptés aux "
      "structures de médiation numérique. Nous leur avons acheté trente ordinateurs."),
    K("contact", "Contact : un groupement d'employeurs pour partager un poste", "EMPLOI",
      "Un groupement d'employeurs associatif qui permet de partager un poste (comptable, fabmanager, "
      "médiateur) entre plusieurs structures du territoire."),
    K("contact", "Contact : une assurance pour le prêt de matériel entre associations", "ASSURANCE",
      "Un courtier qui a trouvé une formule pour assurer le matériel que nous prêtons, y compris pendant le "
      "transport. Mentionnez le réseau des fabriques, il connaît."),
    K("contact", "Contact : un collectif d'architectes pour les chantiers participatifs", "ARCHITECTES",
      "Un collectif d'architectes et de constructeurs qui accompagne les tiers-lieux dans leurs travaux, en "
      "associant les usagers au chantier."),
)

LICENCE_WEIGHTS: tuple[tuple[str, int], ...] = (("cc-by-sa", 14), ("cc-by", 3), ("cc0", 2), ("tous-droits", 2))

KNOW_HOW_ENDINGS: dict[str, tuple[str, ...]] = {
    "guide": (
        "Le guide est téléchargeable en PDF ; la version modifiable est envoyée sur demande.",
        "Vos retours sont les bienvenus : la prochaine version intégrera les expériences des autres fabriques.",
        "Nous le présentons volontiers en visio d'une heure aux équipes qui se lancent.",
    ),
    "kit-de-formation": (
        "Le kit est en ligne en PDF ; la version modifiable est envoyée sur demande.",
        "Nous pouvons animer la première séance avec vous pour vous la transmettre.",
        "Le kit a été testé avec des groupes de six à dix personnes.",
    ),
    "modele": (
        "Le modèle est disponible en format texte modifiable : demandez-le au contact indiqué.",
        "À adapter à votre situation : ce n'est pas un conseil juridique.",
    ),
    "competence": (
        "Écrivez au contact indiqué en précisant votre projet et vos dates.",
        "Entre fabriques du réseau, nous fonctionnons en échange de services.",
    ),
    "contact": (
        "Présentez-vous de la part du réseau des fabriques : l'accueil est meilleur.",
        "Nous n'avons aucun intérêt commercial : c'est juste un bon contact.",
    ),
}

# -- Loans --------------------------------------------------------------------------------

# What borrowers need the resource for, by category (equipment) or for any room.
PURPOSES: dict[str, tuple[str, ...]] = {
    "fabrication-numerique": (
        "un atelier de découverte avec des collégiens", "la fête de la science", "un stage maker pendant les "
        "vacances", "la fabrication de la signalétique de notre lieu", "un atelier parents-enfants",
    ),
    "audiovisuel": (
        "l'enregistrement de notre podcast de territoire", "une soirée ciné-débat", "la captation d'une "
        "conférence", "un atelier vidéo avec les jeunes du quartier", "notre assemblée générale",
    ),
    "informatique": (
        "des ateliers numériques à la médiathèque", "une journée d'accès aux droits", "des permanences "
        "numériques itinérantes", "la formation de nos bénévoles", "un atelier avec le club des aînés",
    ),
    "outillage": (
        "un chantier participatif", "notre repair café", "la rénovation de notre local",
        "un atelier d'upcycling", "la fabrication de bacs pour le jardin",
    ),
    "mobilier": (
        "notre assemblée générale", "un forum des associations", "une exposition de fin d'année",
        "un repas partagé", "une journée de rencontres entre fabriques",
    ),
    "jardin": (
        "l'entretien du jardin partagé", "une journée de taille au verger", "la fête des récoltes",
        "la création de nouvelles parcelles", "un chantier nature avec l'école",
    ),
    "cuisine": (
        "un repas partagé de quartier", "un atelier cuisine avec les familles", "la fête de la pomme",
        "une disco soupe", "le goûter de fin d'année",
    ),
    "evenementiel": (
        "notre fête de quartier", "un marché de producteurs", "le festival du village", "nos dix ans",
        "une guinguette d'été",
    ),
    "espace": (
        "notre séminaire d'équipe", "une formation de deux jours", "la réunion du réseau régional",
        "un atelier avec des élus", "une résidence d'artistes", "une journée de travail entre fabriques",
        "notre conseil d'administration", "un atelier de co-construction avec les habitants",
    ),
}

# The request's message (plain text). {purpose}, {resource}, {quantity}, {first_name}, {fabrique}.
REQUEST_MESSAGES: tuple[str, ...] = (
    "Bonjour,\nNous organisons {purpose} et « {resource} » nous rendrait bien service{quantity}. "
    "Nous pouvons venir le chercher la veille.\nMerci d'avance,\n{first_name}",
    "Bonjour à l'équipe !\nC'est pour {purpose}. Nous avons déjà travaillé avec ce type de matériel, pas "
    "besoin de formation.\n{first_name}, {fabrique}",
    "Bonjour, nous aurions besoin de « {resource} »{quantity} pour {purpose}. Est-ce possible à ces dates ? "
    "Bonne journée, {first_name}",
    "Bonjour,\nJe me permets de vous solliciter pour {purpose}. Nous prenons en charge le transport et "
    "pouvons fournir une attestation d'assurance.\nBien à vous,\n{first_name} ({fabrique})",
    "Hello ! Pour {purpose}, on cherche « {resource} »{quantity}. On s'adapte pour l'heure de retrait.\n"
    "{first_name}",
    "",  # some requests come without a message
)
ROOM_REQUEST_MESSAGES: tuple[str, ...] = (
    "Bonjour,\nNous cherchons une salle pour {purpose}, nous serons une quinzaine. Votre salle semble "
    "parfaite. Est-elle libre à ces dates ?\n{first_name}",
    "Bonjour, c'est pour {purpose}. Nous aurions besoin de la salle de 9 h à 17 h. Merci !\n"
    "{first_name}, {fabrique}",
    "Bonjour à vous,\nPour {purpose}, nous aimerions réserver « {resource} ». Nous apportons le repas, "
    "et nous laisserons tout propre.\nBien à vous,\n{first_name}",
    "",
)

# Conversation lines (Markdown): {other} is the other side's first name. Questions and answers go in pairs.
QUESTIONS: tuple[tuple[str, str], ...] = (
    ("Bonjour {other}, est-ce qu'on peut passer le récupérer **vendredi vers 17 h** ?",
     "Bonjour {other}, oui pas de souci. Demandez-moi à l'accueil, je serai là jusqu'à 18 h."),
    ("Bonjour ! Une attestation d'assurance par mail, ça ⟦te|vous⟧ va ?",
     "Une attestation par mail suffit, merci !"),
    ("Bonjour {other}, faut-il prévoir un utilitaire ou ça rentre dans une voiture ?",
     "Ça rentre dans un grand break, sièges rabattus. Sinon on peut ⟦t'|vous⟧ aider à charger."),
    ("Est-ce qu'il y a une notice ? Ce sera la première fois que notre équipe l'utilise.",
     "Il y a une notice plastifiée avec le matériel, et je ⟦te|vous⟧ montre l'essentiel au retrait : "
     "dix minutes suffisent."),
    ("Bonjour, on pourrait le récupérer un jour plus tôt ? Sinon pas grave, on s'adapte.",
     "Bonjour {other}, oui c'est possible, il n'est pas pris la veille."),
)
CONSUMABLE_QUESTIONS: tuple[tuple[str, str], ...] = (  # fabrication and workshop equipment
    ("Petite question : les consommables sont fournis, ou ⟦tu préfères|vous préférez⟧ qu'on apporte les nôtres ?",
     "Les consommables ne sont pas fournis, mais on peut ⟦te|vous⟧ dépanner si besoin (au prix coûtant)."),
)
DEPOSIT_QUESTIONS: tuple[tuple[str, str], ...] = (
    ("Pour la caution, un chèque, ça ⟦te|vous⟧ va ?",
     "Oui, un chèque à l'ordre de la fabrique : on ne l'encaisse pas, il ⟦te|vous⟧ est rendu au retour."),
)
ROOM_QUESTIONS: tuple[tuple[str, str], ...] = (
    ("Bonjour {other}, est-ce qu'on peut arriver à **8 h 30** pour installer la salle ?",
     "Bonjour {other}, oui, quelqu'un de l'équipe ouvre à 8 h 30."),
    ("Est-ce qu'on peut utiliser la cuisine pour réchauffer le repas du midi ?",
     "Oui, l'office est accessible, merci juste de laisser la vaisselle propre."),
    ("Où est-ce qu'on peut se garer ? Nous viendrons à quatre voitures.",
     "Il y a un parking gratuit juste derrière, et la gare est à dix minutes à pied."),
    ("Bonjour, la salle a-t-elle un vidéoprojecteur et un câble HDMI ?",
     "Oui, tout est sur place ; prévoyez un adaptateur si ⟦ton|votre⟧ ordinateur n'a pas de prise HDMI."),
)
LOGISTICS: tuple[str, ...] = (
    "C'est noté de notre côté. À bientôt !",
    "Parfait, à bientôt ! Si besoin, mon numéro est sur la fiche de la fabrique.",
    "Nous avons vérifié le matériel ce matin : tout est prêt.",
)
DEPOSIT_LOGISTICS: tuple[str, ...] = (
    "C'est noté de notre côté. Pensez à apporter la caution (chèque) au moment du retrait.",
)
ROOM_LOGISTICS: tuple[str, ...] = (
    "C'est noté. Les clés seront à l'accueil la veille à partir de 14 h.",
    "Je ⟦te|vous⟧ confirme la réservation. Le code du portail est dans le mail de confirmation.",
    "Parfait, la salle sera prête, chauffée et les tables installées en U.",
)
DURING: tuple[str, ...] = (
    "Tout fonctionne, merci ! On ⟦te|vous⟧ le ramène comme prévu.",
    "Premier atelier ce matin avec le matériel : les participants étaient ravis.",
)
ROOM_DURING: tuple[str, ...] = (
    "Nous sommes installés, la salle est parfaite. Merci pour l'accueil !",
    "Première journée terminée, tout se passe bien. Merci !",
)
THANKS_AFTER: tuple[str, ...] = (
    "Merci encore, l'atelier s'est super bien passé ! On ⟦t'|vous⟧ envoie quelques photos ?",
    "Merci à vous, c'était parfait. À charge de revanche : notre matériel est aussi dans le catalogue.",
    "Encore merci pour la souplesse sur les horaires. À bientôt !",
    "Merci ! Tout s'est bien passé, nous referons appel à vous l'an prochain.",
)
OVERDUE_REMINDERS: tuple[str, ...] = (
    "Bonjour {other}, le prêt devait se terminer le {end} : ⟦tu peux|pouvez-vous⟧ me dire quand "
    "⟦tu penses|vous pensez⟧ le rapporter ? Nous en avons besoin bientôt.",
    "Bonjour, petit rappel : le retour était prévu le {end}. Rien de grave, dites-nous juste quand.",
)
OVERDUE_ANSWERS: tuple[str, ...] = (
    "Désolée pour le retard, notre camion est en panne. On le rapporte **mardi** au plus tard.",
    "Toutes nos excuses, la personne qui devait le ramener est malade. Je m'en occupe cette semaine.",
    "Oups, désolé ! Je passe le déposer dès que possible, promis.",
)
DECLINE_NOTES: tuple[str, ...] = (
    "Désolés, la machine part en maintenance à ces dates.",
    "Nous en avons besoin pour notre propre événement ce week-end-là.",
    "La fabrique est fermée pendant ces dates, personne ne pourra faire le retrait.",
    "Nous ne le prêtons pas pour une durée aussi longue : pouvez-vous refaire une demande plus courte ?",
    "",
)
AFTER_DECLINE: tuple[str, ...] = (
    "Pas de souci, merci pour la réponse rapide !",
    "Dommage ! Nous tenterons une autre date.",
)
CANCEL_NOTES: tuple[str, ...] = (
    "Notre événement est reporté, nous annulons.",
    "Finalement la mairie nous prête du matériel, merci quand même !",
    "Atelier annulé faute d'inscrits.",
    "",
)
ACCEPT_NOTES: tuple[str, ...] = (
    "Avec plaisir ! Retrait à l'accueil aux heures d'ouverture.",
    "C'est bon pour nous. Caution à prévoir au retrait.",
    "",
    "",
)
RETURN_NOTES: tuple[str, ...] = (
    "Rendu complet et propre, merci !",
    "Rendu avec un jour d'avance, impeccable.",
    "RAS, matériel nettoyé.",
    "Tout est en ordre, merci pour le soin.",
    "Tout est là, rien à signaler.",
)
# Return notes that only make sense for some equipment categories.
CATEGORY_RETURN_NOTES: dict[str, tuple[str, ...]] = {
    "audiovisuel": ("Tout est là. Une des batteries tient moins bien la charge, on la surveille.",
                    "Il manquait un câble, rapporté le lendemain. Tout est en ordre."),
    "informatique": ("Tous les appareils sont revenus chargés ; réinitialisation faite.",
                     "Il manquait un chargeur, rapporté le lendemain. Tout est en ordre."),
    "fabrication-numerique": ("Machine rendue propre. La buse était un peu encrassée, nettoyée au retour.",),
    "outillage": ("Un foret cassé, signalé et remplacé. Merci !",),
    "evenementiel": ("Rendu en bon état. Pensez à sécher la bâche la prochaine fois !",),
    "jardin": ("Rendu propre et graissé, merci !",),
    "cuisine": ("Tout est revenu propre et complet.",),
}
ROOM_RETURN_NOTES: tuple[str, ...] = (
    "Salle rendue propre et rangée, merci !",
    "Tout est en ordre, les clés sont revenues à l'accueil.",
    "RAS. Un paperboard a été laissé, nous le gardons pour vous.",
    "Salle rendue en bon état.",
)
