"""French text material for the demo forum.

Conventions used by ``forum.demo.writer``:

- ``{slot}`` is replaced by a value: from the context (``{fabrique}``, ``{ville}``, ``{prenom_op}``...)
  or drawn from ``SLOTS``. Slots whose name starts with ``t_`` are drawn once per thread and
  keep their value in the title and in every post of that thread.
- ``⟦tu form|vous form⟧`` is resolved with the writer's register (tutoiement or vouvoiement).
- Gender agreement of the writer: ``{e}`` ("" / "e"), ``{preneur}``, ``{ravi}``, ``{curieux}``;
  ``{job}``; a capitalised slot name (``{Job}``, ``{A_fabrique}``) capitalises the value.
- "à Le …" / "de Les …" coming from proper names are contracted afterwards ("au …", "des …").
"""

from __future__ import annotations

# -- Categories and tags -------------------------------------------------------------------

# (key, name, description) in display order.
CATEGORIES: tuple[tuple[str, str, str], ...] = (
    ("gouvernance", "Gouvernance partagée",
     "Statuts, prise de décision, place des bénévoles, des salariés et des habitants : "
     "comment décider ensemble sans s'épuiser."),
    ("mediation", "Médiation numérique",
     "Accompagner les personnes éloignées du numérique : ateliers, permanences, outils, "
     "financement des postes et entraide entre médiateurs."),
    ("financement", "Modèle économique et financement",
     "Subventions, appels à projets, recettes propres, trésorerie : partager les chiffres "
     "et les montages qui tiennent dans la durée."),
    ("territoires", "Tiers-lieux ruraux et QPV",
     "Faire vivre un lieu dans un village ou dans un quartier prioritaire : mobilité, horaires, "
     "confiance avec les habitants, saisonnalité."),
    ("alimentation", "Agriculture et alimentation",
     "Jardins partagés, cuisines partagées, groupements d'achat, liens avec les producteurs "
     "et les agriculteurs du territoire."),
    ("culture", "Culture",
     "Concerts, expositions, résidences d'artistes, ciné-clubs : la programmation culturelle "
     "dans les tiers-lieux."),
    ("formation", "Formation",
     "Former les bénévoles, les médiateurs, les élus et les entreprises ; certification, "
     "tarifs et formats qui marchent."),
    ("collectivites", "Relations avec les collectivités",
     "Communes, intercommunalités, Département, Région, services de l'État : conventions, "
     "dialogue avec les élus et place du tiers-lieu dans les politiques publiques."),
    ("fablab", "Fabrication numérique (fablab)",
     "Imprimantes 3D, découpeuse laser, CNC, repair cafés : machines, sécurité, habilitations "
     "et prêt de matériel entre fabriques."),
    ("forum", "Vie du forum",
     "Présentations, fonctionnement du forum, suggestions et bonnes nouvelles de la communauté."),
)

TAGS: tuple[str, ...] = (
    "financement", "subvention", "emploi", "bénévolat", "gouvernance", "scic", "association",
    "collectivités", "élus", "conseiller numérique", "pass numérique", "inclusion numérique", "qpv",
    "rural", "jeunesse", "seniors", "fablab", "imprimante 3d", "découpeuse laser", "formation",
    "événement", "alimentation", "jardin partagé", "culture", "mobilité", "mutualisation", "locaux",
    "communication", "évaluation", "logiciels libres", "été", "retour d'expérience",
)

CATEGORY_TAGS: dict[str, tuple[str, ...]] = {
    "gouvernance": ("gouvernance", "scic", "association", "bénévolat", "retour d'expérience", "emploi"),
    "mediation": ("conseiller numérique", "pass numérique", "inclusion numérique", "seniors", "jeunesse",
                  "emploi", "évaluation", "logiciels libres"),
    "financement": ("financement", "subvention", "emploi", "collectivités", "évaluation", "association"),
    "territoires": ("rural", "qpv", "mobilité", "jeunesse", "communication", "été", "locaux"),
    "alimentation": ("alimentation", "jardin partagé", "été", "bénévolat", "rural"),
    "culture": ("culture", "événement", "été", "jeunesse", "communication"),
    "formation": ("formation", "emploi", "jeunesse", "évaluation", "bénévolat"),
    "collectivites": ("collectivités", "élus", "subvention", "locaux", "évaluation"),
    "fablab": ("fablab", "imprimante 3d", "découpeuse laser", "mutualisation", "formation",
               "logiciels libres"),
    "forum": ("communication", "événement", "retour d'expérience"),
}

# -- Slots ---------------------------------------------------------------------------------

SLOTS: dict[str, tuple[str, ...]] = {
    "n_petit": ("deux", "trois", "quatre", "cinq", "six"),
    "n": ("4", "5", "6", "7", "8", "9", "10", "12"),
    "n_grand": ("25", "30", "38", "45", "60", "72", "85", "110", "140"),
    "n_sal": ("deux", "trois", "quatre", "cinq", "six"),
    "hab": ("400", "650", "900", "1 200", "1 800", "2 500"),
    "kilos": ("150", "300", "450", "600"),
    "montant": ("3 000 €", "4 500 €", "6 000 €", "8 000 €", "12 000 €", "15 000 €", "20 000 €", "25 000 €",
                "35 000 €"),
    "montant_petit": ("300 €", "450 €", "600 €", "800 €", "1 200 €", "1 500 €"),
    "budget": ("64 000 €", "85 000 €", "120 000 €", "160 000 €", "210 000 €", "290 000 €"),
    "pourcentage": ("20 %", "30 %", "un tiers", "la moitié", "40 %", "15 %", "60 %"),
    "mois": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "septembre", "octobre",
             "novembre", "décembre"),
    "jour_num": ("3", "7", "12", "14", "18", "21", "25", "28"),
    "annee": ("2016", "2017", "2018", "2019", "2020", "2021", "2022"),
    "duree": ("trois mois", "six mois", "un an", "dix-huit mois", "deux ans", "quatre mois", "huit mois"),
    "duree_courte": ("quelques semaines", "deux mois", "trois mois", "six mois", "un mois"),
    "jour": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"),
    "jour_pl": ("le mardi soir", "le mercredi après-midi", "le jeudi", "le samedi matin", "le vendredi",
                "le lundi matin"),
    "saison": ("cet été", "l'été dernier", "à la rentrée", "cet hiver", "au printemps"),
    "machine": ("découpeuse laser", "imprimante 3D", "brodeuse numérique", "découpeuse vinyle",
                "fraiseuse CNC", "presse à chaud", "imprimante 3D résine"),
    "outil": ("imprimante 3D", "découpeuse laser", "brodeuse numérique", "découpeuse vinyle",
              "fraiseuse CNC", "presse à chaud", "scanner 3D", "imprimante 3D résine"),
    "logiciel": ("Nextcloud", "Framaforms", "Paheko", "HelloAsso", "Loomio", "Mattermost", "OpenAgenda",
                 "un tableur partagé", "Trello", "un simple pad collaboratif"),
    "dispositif": ("FDVA", "DETR", "fonds LEADER", "contrat de ville", "budget participatif",
                   "appel à projets régional", "FSE+", "AMI de la Région"),
    "financeur": ("la CAF", "le Département", "la Région", "l'intercommunalité", "la préfecture",
                  "une fondation d'entreprise", "la communauté de communes", "la ville"),
    "public": ("les seniors", "les jeunes de la mission locale", "les demandeurs d'emploi",
               "les familles du quartier", "les allocataires du RSA", "les agriculteurs", "les collégiens",
               "les personnes allophones", "les artisans"),
    "partenaire": ("la médiathèque", "le centre social", "la mairie", "le collège", "l'espace France Services",
                   "l'épicerie solidaire", "la MJC", "la mission locale", "le lycée agricole", "l'EHPAD",
                   "le CCAS"),
    "doc": ("notre modèle de convention", "notre fiche pratique", "notre budget prévisionnel",
            "notre charte d'utilisation", "la trame de bilan qu'on utilise", "notre guide d'accueil",
            "notre règlement intérieur", "le compte rendu de notre rencontre", "notre grille tarifaire",
            "notre tableau de suivi", "le déroulé de nos ateliers"),
    # Pinned per thread (t_ prefix): same value in the title and in every post.
    "t_public": ("seniors", "jeunes de la mission locale", "personnes allophones", "parents d'élèves",
                 "agriculteurs", "demandeurs d'emploi", "artisans et commerçants", "collégiens"),
    "t_machine": ("découpeuse laser", "imprimante 3D résine", "brodeuse numérique", "fraiseuse CNC",
                  "découpeuse vinyle", "presse à chaud", "thermoformeuse"),
    "t_mois": ("mars", "avril", "mai", "juin", "septembre", "octobre", "novembre"),
    "t_sujet": ("découpe laser", "bureautique", "réseaux sociaux", "compostage", "comptabilité associative",
                "premiers secours", "soudure"),
    "t_dispositif": ("FDVA", "fonds LEADER", "FSE+", "budget participatif", "contrat de ville"),
    "t_theme": ("se protéger des arnaques", "prendre rendez-vous chez le médecin en ligne",
                "utiliser sa messagerie", "découvrir le smartphone", "ranger ses photos",
                "créer son espace sur le site des impôts", "faire une visio avec ses proches"),
    "t_activite": ("la location d'une salle de réunion", "un atelier d'initiation à la découpe laser",
                   "une journée de coworking", "une formation bureautique",
                   "une animation pour une mairie", "une heure de machine au fablab"),
    "t_charge": ("la maintenance des machines", "l'assurance des locaux", "le chauffage de la grande salle",
                 "la communication", "l'expertise comptable", "le temps d'accueil"),
    "t_jour_num": ("5", "8", "12", "14", "19", "21", "26", "28"),
    "t_culture": ("les tomates", "les courges", "les fraises", "les aromatiques", "l'ail et les oignons",
                  "les haricots"),
    "t_genre": ("scène ouverte", "jazz manouche", "musiques du monde", "chanson française", "rock amateur"),
    "t_expo": ("Nos mains", "Le village d'hier", "Portraits du quartier", "Objets réparés",
               "Cuisines d'ici et d'ailleurs"),
    "t_collectivite": ("la commune", "l'intercommunalité", "le Département", "la Région"),
    # Fabrique profiles.
    "adherents": ("80", "120", "180", "250", "340", "420"),
    "equipe": ("deux salariés", "une équipe de quatre salariés", "un salarié à mi-temps", "trois salariés",
               "cinq salariés et deux volontaires en service civique"),
    "benevoles": ("une vingtaine de", "une quarantaine de", "près de soixante", "une trentaine de"),
}

# -- Topics per category ---------------------------------------------------------------------
# questions: (title, ask) ; discussions: (title, intro) ;
# families: (title with pinned slots, ask, kind) with kind in question | report | event | loan ;
# advice: answer paragraphs ; items: list lines ; experiences: first-hand facts ;
# outcomes: what happened next (the asker's follow-up).

TOPICS: dict[str, dict[str, tuple]] = {}

TOPICS["gouvernance"] = {
    "questions": (
        ("Collège des usagers dans une SCIC : comment le faire vivre vraiment ?",
         "On est passés en SCIC il y a {duree} et le collège des usagers ne se réunit quasiment plus. "
         "Les bénévoles historiques sont fatigués et les nouveaux ne se sentent pas légitimes pour voter. "
         "Comment faites-vous pour que ce collège ait un vrai poids dans les décisions ?"),
        ("Association ou SCIC : quel statut pour un tiers-lieu qui grandit ?",
         "Notre association porte aujourd'hui un café associatif, un atelier partagé et deux postes salariés. "
         "La commune et l'intercommunalité aimeraient entrer au capital, d'où l'idée de la SCIC. "
         "Qu'est-ce que ça a changé concrètement chez celles et ceux qui ont fait la bascule ?"),
        ("Prise de décision par consentement : retours d'expérience ?",
         "On voudrait sortir des votes à main levée où ce sont toujours les mêmes qui parlent. "
         "Quelqu'un pratique la décision par consentement en conseil d'administration ? "
         "Combien de temps avant que ça devienne naturel ?"),
        ("Comment accueillir les nouveaux bénévoles sans les noyer ?",
         "À chaque rentrée on a une dizaine de nouvelles personnes motivées, et trois mois après il en reste "
         "deux. Je pense qu'on les perd dans le flot d'informations (groupes de discussion, réunions, outils). "
         "Vous avez un parcours d'accueil ?"),
        ("Salariés et bénévoles dans le même conseil d'administration : bonne idée ?",
         "Notre fabmanager aimerait siéger au CA. Certains administrateurs craignent le mélange des rôles. "
         "Comment l'avez-vous organisé, et qu'en dit votre expert-comptable ?"),
        ("Quels outils pour suivre les décisions collectives ?",
         "On prend des décisions en réunion, puis plus personne ne sait qui devait faire quoi. On a essayé "
         "{logiciel}, sans grand succès. Vous utilisez quoi, concrètement ?"),
        ("Conflit entre deux structures hébergées : qui arbitre ?",
         "Deux structures hébergées partagent le même atelier et ne se parlent plus à cause de l'usage des "
         "machines. On n'a aucune procédure de médiation interne. Avez-vous une charte ou une personne "
         "référente pour ce genre de situation ?"),
        ("Rémunérer (un peu) l'engagement bénévole : fausse bonne idée ?",
         "Certains bénévoles donnent plus de dix heures par semaine. On réfléchit à des contreparties : "
         "défraiement, accès gratuit au coworking, bons d'achat… Où se situe la limite légale et éthique ?"),
        ("Comment impliquer les habitants dans la programmation ?",
         "Notre programmation est faite par trois salariés et ça se voit : toujours le même public. "
         "On aimerait ouvrir les choix aux habitants sans que ça devienne ingérable."),
        ("La mairie propriétaire des murs veut un siège au bureau",
         "La mairie nous met le bâtiment à disposition et voudrait un siège au bureau de l'association. "
         "On tient à notre indépendance mais on ne veut pas se fâcher. Comment avez-vous trouvé l'équilibre ?"),
        ("Combien de temps consacrez-vous à la vie associative ?",
         "J'ai l'impression que les réunions de gouvernance mangent une journée par semaine de mon temps de "
         "coordination. Est-ce normal ? Comment alléger sans perdre la dimension collective ?"),
        ("Rédiger une charte des valeurs : par où commencer ?",
         "On a grandi vite et les nouveaux adhérents ne savent pas trop ce qui nous rassemble. Une charte "
         "nous semble utile, mais on ne veut pas d'un texte que personne ne lit. Des exemples, des méthodes "
         "d'écriture collective ?"),
        ("Assemblée générale : comment éviter la grand-messe ennuyeuse ?",
         "Notre AG, c'est deux heures de rapport financier devant vingt personnes qui regardent leur "
         "téléphone. Vous avez des formats plus vivants à partager ?"),
        ("Transmettre la présidence après dix ans",
         "Notre présidente fondatrice souhaite passer la main et personne ne se porte candidat. "
         "On envisage une coprésidence ou une présidence tournante. Des retours ?"),
        ("Sociocratie : formation utile ou perte de temps ?",
         "On nous propose une formation à la sociocratie sur {n_petit} jours, financée en partie par "
         "{financeur}. Celles et ceux qui l'ont suivie : est-ce que ça a vraiment changé vos pratiques ?"),
        ("Comment partager les clés (au sens propre) du tiers-lieu ?",
         "Les bénévoles ouvrent le lieu le samedi, mais on a déjà eu des oublis de fermeture et une porte "
         "restée ouverte toute une nuit. Boîte à clés, serrure connectée, planning ? Comment organisez-vous "
         "l'accès ?"),
        ("Donner une vraie place aux volontaires en service civique",
         "On accueille deux volontaires en service civique chaque année. Ils assistent aux réunions mais "
         "n'osent pas intervenir. Comment leur donner une vraie place dans les décisions ?"),
        ("Gouvernance partagée et urgence : qui décide quand il faut aller vite ?",
         "Un propriétaire nous propose un local supplémentaire, réponse attendue sous dix jours. Notre CA ne "
         "se réunit qu'une fois par mois. Vous avez prévu des règles pour les décisions urgentes ?"),
    ),
    "discussions": (
        ("Retour d'expérience : un an de gouvernance en cercles",
         "Il y a un an, on a remplacé notre bureau classique par quatre cercles (accueil, programmation, lieu, "
         "finances) et un cercle de coordination. Je partage ce qui a marché… et ce qui a coincé."),
        ("Ce qu'on aurait aimé savoir avant de passer en SCIC",
         "Deux ans après notre transformation en SCIC, je liste nos erreurs pour que d'autres les évitent. "
         "Rien de dramatique, mais on aurait gagné beaucoup de temps."),
        ("Notre parcours d'accueil des nouveaux bénévoles (à copier sans modération)",
         "On a enfin un parcours d'accueil qui tient la route : un café de bienvenue, un binôme, une "
         "mission courte dès la première semaine. Voici comment c'est organisé."),
        ("Bilan de notre première AG en forum ouvert",
         "Cette année, on a tenté l'AG en forum ouvert : pas de tribune, des tables thématiques proposées "
         "par les participants eux-mêmes. Verdict : on ne reviendra pas en arrière."),
        ("Mauvaise expérience : notre collège de fondateurs a bloqué le projet",
         "Je partage une expérience douloureuse, parce que les échecs apprennent autant que les réussites. "
         "Nos statuts donnaient un droit de veto aux fondateurs, et ça a fini par tout paralyser."),
        ("Partage : notre grille de répartition des rôles entre salariés et bénévoles",
         "On a formalisé qui fait quoi entre l'équipe salariée, le CA et les bénévoles. Ça a apaisé beaucoup "
         "de tensions. Je vous mets l'essentiel ici."),
    ),
    "families": (
        ("Assemblée générale {de_fabrique} : retour sur notre nouveau format",
         "Cette année, on a complètement changé le format de notre assemblée générale : moins de rapports, plus "
         "d'ateliers, et un vote sur les priorités de l'année. Voici le déroulé et le bilan.", "report"),
        ("Gouvernance : qui décide quoi {a_fabrique} ? Avis bienvenus",
         "On remet à plat la répartition des décisions entre l'équipe salariée, le bureau et les adhérents. "
         "Je vous soumets notre schéma actuel : qu'est-ce qui vous semble bancal ?", "question"),
        ("Atelier « gouvernance partagée » à {ville} : compte rendu",
         "On a organisé un atelier sur la gouvernance partagée avec {n} tiers-lieux du coin. Voici les "
         "principaux enseignements, en vrac.", "report"),
    ),
    "advice": (
        "La gouvernance partagée, ce n'est pas tout décider à trente : c'est savoir qui décide quoi, et que "
        "tout le monde le sache.",
        "Ce qui nous a aidés, c'est de distinguer clairement les décisions du quotidien (l'équipe tranche) de "
        "celles qui engagent le projet (le CA ou l'assemblée). Sans cette distinction, tout remonte en réunion "
        "et tout le monde s'épuise.",
        "Le consentement demande un temps d'apprentissage : comptez trois ou quatre réunions avant que les gens "
        "osent formuler une objection argumentée plutôt qu'un simple « je ne suis pas d'accord ».",
        "Nommez une personne **gardienne du temps** et une autre **gardienne de la parole** à chaque réunion, "
        "en tournant. C'est tout bête mais ça change l'ambiance.",
        "Dans une SCIC, le collège des usagers ne vit que s'il a des sujets à lui : confiez-lui un budget précis "
        "(même modeste, quelques centaines d'euros) plutôt que de le consulter sur tout.",
        "Attention au mélange des rôles : un salarié peut siéger au CA, mais sans y être majoritaire, et il sort "
        "de la salle quand on parle de sa rémunération. Faites-le écrire noir sur blanc dans le règlement "
        "intérieur.",
        "On tient un **registre des décisions** tout simple : date, décision, qui s'en charge, échéance. Il est "
        "relu en début de chaque réunion. Quatre colonnes, pas plus, sinon personne ne le remplit.",
        "Pour les nouveaux bénévoles, un binôme avec une personne déjà impliquée pendant le premier mois fait "
        "plus que tous les livrets d'accueil du monde.",
        "Ne sous-estimez pas la convivialité : chez nous, la réunion mensuelle commence par un repas partagé et "
        "c'est là que se règle la moitié des sujets.",
        "La coprésidence fonctionne bien si les deux personnes se répartissent les sujets (l'une la relation "
        "aux partenaires, l'autre la vie interne) et se voient régulièrement. Sinon, chacune attend que l'autre "
        "agisse.",
        "Pour les conflits entre structures hébergées, on a écrit une procédure en trois étapes : discussion "
        "directe, puis médiation par une personne tierce du CA, puis décision collective. On ne l'a utilisée "
        "qu'une fois, mais le simple fait qu'elle existe calme les esprits.",
        "Une charte écrite à vingt, c'est long, mais c'est ce qui la rend vivante. On a fait trois ateliers de "
        "deux heures puis une relecture en AG. Le texte final tient sur une page.",
        "Côté légal, le défraiement des bénévoles doit correspondre à des frais réels et justifiés. Au-delà, "
        "l'URSSAF peut requalifier en salaire : méfiance avec les forfaits.",
        "En AG, on a remplacé la lecture du rapport d'activité par un mur de photos commentées et des tables "
        "thématiques. Le rapport complet est envoyé avant, pour celles et ceux qui veulent le lire.",
        "La mairie au bureau, on l'a évité en proposant un **comité de suivi** deux fois par an avec les élus. "
        "Ils ont de la visibilité sur le projet sans voter nos décisions internes.",
        "Les outils numériques ne règlent pas un problème de gouvernance. On a testé {logiciel} pendant six "
        "mois : parfait pour les trois personnes déjà très impliquées, invisible pour toutes les autres.",
        "Faites un tour de « météo » en début de réunion : chacun dit en une phrase comment il arrive. Ça "
        "paraît gadget, mais ça évite pas mal de malentendus.",
        "Pour les volontaires en service civique, on leur confie la préparation d'un point de l'ordre du jour. "
        "Ils présentent, animent la discussion, et la décision est prise collectivement. Ça change tout.",
        "La sociocratie, c'est utile si au moins deux ou trois personnes de l'équipe se forment ensemble et "
        "s'engagent à animer ensuite. Une seule personne formée finit par prêcher dans le désert.",
        "Pour les clés, on est passés à une boîte à code avec un planning d'ouverture partagé, et une check-list "
        "de fermeture plastifiée à côté de la porte. Depuis, plus aucun oubli.",
        "Le temps consacré à la gouvernance est du travail. On l'a chiffré dans notre budget (environ 15 % du "
        "temps salarié) et on le présente comme tel aux financeurs.",
        "Évitez de créer trop de commissions d'un coup. Commencez par une ou deux, là où il y a de l'énergie, "
        "et laissez les autres naître quand le besoin se fait sentir.",
        "Une **fiche de rôle** par mandat (trésorerie, relation mairie, accueil) permet de passer la main sans "
        "tout perdre. On la met à jour à chaque AG.",
        "Chez nous, les habitants proposent des activités via un formulaire papier au comptoir du café ; une "
        "commission ouverte se réunit une fois par mois pour choisir. Pas besoin d'être adhérent pour y "
        "participer.",
        "⟦Tu peux|Vous pouvez⟧ regarder du côté du réseau régional des tiers-lieux : ils proposent souvent un "
        "accompagnement gratuit sur les questions de statut et de gouvernance.",
        "Quand on a hésité entre association et SCIC, l'accompagnement par l'union régionale des SCOP nous a "
        "fait gagner des mois. Ils ont des modèles de statuts et connaissent les pièges.",
        "Pour les décisions urgentes, notre règlement intérieur prévoit une **consultation écrite sur 72 "
        "heures** : sans objection motivée, la proposition est adoptée. On s'en sert trois ou quatre fois par "
        "an.",
        "Méfiez-vous des droits de veto dans les statuts : ils rassurent au démarrage et deviennent un piège "
        "dès que les fondateurs ne sont plus d'accord entre eux.",
    ),
    "items": (
        "un registre des décisions partagé", "une réunion d'accueil mensuelle pour les nouveaux",
        "des mandats courts (un an) et renouvelables", "un budget délégué à chaque cercle",
        "un temps convivial avant chaque réunion", "une fiche de rôle par mission",
        "un binôme pour chaque nouvelle personne", "la rotation de l'animation des réunions",
        "un ordre du jour envoyé une semaine avant", "des comptes rendus de cinq lignes maximum",
        "une AG en ateliers plutôt qu'en rapports", "un comité de suivi avec les élus deux fois par an",
        "une consultation écrite pour les urgences",
    ),
    "experiences": (
        "Notre registre des décisions a maintenant {duree}. On l'a relu en entier avant l'AG : ça nous a "
        "rappelé tout le chemin parcouru.",
        "{A_fabrique}, la coprésidence fonctionne depuis {duree}. La règle d'or : un point téléphonique de "
        "vingt minutes chaque {jour}.",
        "Chez nous, à {ville}, l'AG de {mois} dernier a réuni {n_grand} personnes au lieu d'une vingtaine "
        "d'habitude, simplement parce qu'on l'a couplée avec un repas et le concert de l'école de musique.",
        "On a mis {duree} à passer en SCIC. Le plus long n'a pas été la rédaction des statuts mais la "
        "discussion sur la répartition des voix entre collèges.",
        "Il y a deux ans, deux bénévoles très investis sont partis fâchés après une décision prise sans eux. "
        "Depuis, {a_fabrique}, toute dépense de plus de {montant_petit} passe par une consultation écrite.",
        "En {mois}, on a organisé un séminaire de deux jours au vert pour revoir notre gouvernance. Coût : "
        "environ {montant_petit}, pris en charge par {financeur}. Ça a remis tout le monde d'accord sur "
        "l'essentiel.",
        "{A_fabrique}, les cercles se réunissent {jour_pl}, une heure pas plus, et le cercle de coordination "
        "une fois par mois. Ça tient depuis {duree}.",
    ),
    "outcomes": (
        "on a adopté le registre des décisions, et les réunions sont passées de trois heures à une heure et "
        "demie.",
        "le collège des usagers s'est vu confier le budget des animations de l'été, et il s'est réuni quatre "
        "fois en deux mois. Du jamais vu chez nous.",
        "la coprésidence est actée depuis l'AG de {mois}. C'est encore un peu flou pour la signature bancaire, "
        "mais ça avance.",
        "on a écrit la charte en trois ateliers, comme suggéré ici. Elle est affichée à l'entrée et lue à "
        "chaque accueil de nouveau bénévole.",
        "on a testé la décision par consentement sur deux CA. Premier bilan : plus lent au début, mais beaucoup "
        "moins de rancœurs après.",
    ),
}

TOPICS["mediation"] = {
    "questions": (
        ("Comment financer un poste de médiateur après la fin de la subvention ?",
         "Notre poste de conseiller numérique est financé jusqu'en {mois}, ensuite plus rien. Le médiateur fait "
         "un travail remarquable ({n_grand} personnes accompagnées le trimestre dernier) et on ne veut pas le "
         "perdre. Quelles pistes avez-vous trouvées pour pérenniser ce type de poste ?"),
        ("Pass numérique : vous les utilisez encore ?",
         "On a reçu un lot de Pass numérique il y a deux ans et il nous en reste la moitié. Les bénéficiaires "
         "ne viennent pas les utiliser. Est-ce pareil chez vous ? Comment les distribuer efficacement ?"),
        ("Accompagner quelqu'un qui ne sait pas lire sur une démarche en ligne",
         "Cette semaine, un monsieur est venu pour sa déclaration de revenus. Il ne lit pas le français et je "
         "n'ai pas de mandat pour agir à sa place. Jusqu'où peut-on aller ? Vous utilisez Aidants Connect ?"),
        ("Ateliers tablettes pour seniors : quel contenu pour la première séance ?",
         "On lance en {mois} un cycle de six ateliers tablettes avec le CCAS. Les participants ont entre 70 et "
         "85 ans et certains n'ont jamais touché un écran tactile. Par quoi commencez-vous ?"),
        ("Quelles tablettes acheter pour un parc de prêt aux familles ?",
         "On a un budget de {montant} pour constituer un parc de dix tablettes prêtées aux familles. Android "
         "ou iPad ? Quelle solution pour tout réinitialiser entre deux prêts ?"),
        ("Données personnelles des personnes accompagnées : comment faites-vous ?",
         "Les gens nous confient leurs identifiants, parfois leurs mots de passe sur un bout de papier. Comment "
         "respecter le RGPD sans alourdir l'accompagnement ?"),
        ("Seule personne en médiation dans ma structure : comment ne pas s'isoler ?",
         "Je suis la seule personne en charge de la médiation numérique de notre fabrique, à quarante minutes "
         "de la ville la plus proche. Personne à qui poser mes questions au quotidien. Comment échangez-vous "
         "entre pairs ?"),
        ("Mesurer l'impact de la médiation numérique : quels indicateurs ?",
         "Notre financeur nous demande des indicateurs d'impact et plus seulement le nombre de personnes "
         "accueillies. Qu'est-ce que vous suivez, et avec quel outil ?"),
        ("Permanences itinérantes en milieu rural : ça vaut le coup ?",
         "On réfléchit à des permanences dans les mairies des villages voisins, une demi-journée par mois "
         "chacune. Entre les trajets et l'installation, est-ce que ça vaut le coup ?"),
        ("Les jeunes savent utiliser leur téléphone mais pas envoyer un CV",
         "Avec la mission locale, on voit beaucoup de jeunes très à l'aise sur les réseaux sociaux mais "
         "incapables de joindre un fichier à un mail. Vous avez des formats d'ateliers qui marchent avec eux ?"),
        ("Sur rendez-vous ou en accueil libre ?",
         "On alterne entre accueil libre le matin et rendez-vous l'après-midi. L'accueil libre déborde, et un "
         "rendez-vous sur trois n'est pas honoré. Quel fonctionnement avez-vous trouvé ?"),
        ("Reconditionner des ordinateurs pour les familles : par où commencer ?",
         "Une entreprise locale nous propose une trentaine d'ordinateurs portables réformés. On aimerait les "
         "reconditionner sous Linux et les donner à des familles. Quelles étapes, quelles précautions ?"),
        ("Accompagner les personnes allophones : quels outils ?",
         "On accueille de plus en plus de personnes qui parlent peu le français. Vous utilisez des outils de "
         "traduction en direct ? Des supports visuels ?"),
        ("Orienter vers France Services sans perdre le lien avec la personne",
         "Quand une démarche dépasse notre périmètre, on oriente vers l'espace France Services du canton. "
         "Mais on perd souvent la trace des personnes. Comment travaillez-vous avec eux ?"),
        ("Ateliers parentalité numérique : des ressources ?",
         "Des parents nous demandent comment gérer les écrans à la maison. On aimerait monter un atelier, mais "
         "on n'est pas psychologues. Des ressources ou des intervenants à recommander ?"),
        ("Arnaques en ligne : comment sensibiliser sans faire peur ?",
         "Trois personnes âgées du village se sont fait avoir par de faux SMS de livraison le mois dernier. "
         "On veut organiser un atelier, mais sans les dégoûter d'internet."),
        ("Quel logiciel pour suivre les accompagnements ?",
         "Aujourd'hui on note tout dans un tableur, c'est ingérable. Vous utilisez quoi pour suivre les "
         "personnes accompagnées et sortir des statistiques pour les financeurs ?"),
        ("Démarrer en médiation numérique après une reconversion",
         "J'arrive du secteur social et je démarre en médiation numérique en {mois}. Quelles formations "
         "recommandez-vous ? Le titre professionnel vaut-il le coup ?"),
        ("Dématérialisation de la PAC : accompagner les agriculteurs",
         "Avec les déclarations PAC entièrement en ligne, on voit arriver des agriculteurs complètement "
         "démunis. Quelqu'un a monté des ateliers spécifiques, avec la chambre d'agriculture par exemple ?"),
        ("Ateliers en visio pour les personnes isolées : ça marche ?",
         "Certaines personnes ne peuvent pas se déplacer (mobilité, santé). On pense à des ateliers en visio, "
         "mais c'est un peu le serpent qui se mord la queue. Des expériences ?"),
        ("Matériel minimum pour une permanence mobile",
         "On va faire des permanences dans des salles des fêtes. Quel matériel emporter : clé 4G, imprimante "
         "portable, scanner ? Je cherche une liste éprouvée."),
        ("Comment faire venir les gens qui ne viennent jamais ?",
         "Nos ateliers sont pleins, mais toujours avec les mêmes personnes, plutôt à l'aise. Celles qui en "
         "auraient le plus besoin ne poussent jamais la porte. Comment les toucher ?"),
        ("Médiation numérique et sobriété : vous en parlez ?",
         "On aimerait intégrer des notions de sobriété numérique dans nos ateliers (durée de vie des appareils, "
         "stockage, réparation). Sans culpabiliser des personnes qui découvrent à peine l'outil. Des idées ?"),
    ),
    "discussions": (
        ("Retour d'expérience : nos permanences dans cinq mairies du canton",
         "Depuis un an, on tient une permanence numérique mensuelle dans cinq mairies autour de {ville}. "
         "Voici les chiffres, et surtout ce qu'on a appris."),
        ("Bilan de notre premier cycle d'ateliers tablettes avec le CCAS",
         "Six séances, douze participants de 68 à 91 ans, et beaucoup d'émotions. Je partage le déroulé et "
         "les supports."),
        ("Ce qui n'a pas marché : le « café numérique » du samedi matin",
         "On pensait que le format café, sans inscription, attirerait du monde. Après quatre mois, on arrête. "
         "Je vous explique pourquoi, ça peut servir."),
        ("Kit d'atelier « arnaques en ligne » à partager",
         "On a construit un atelier d'une heure trente sur les arnaques (faux SMS, faux conseillers bancaires, "
         "fausses annonces). Les supports sont libres, servez-vous."),
        ("Journée d'échanges entre médiateurs numériques de la région : qui vient ?",
         "On organise une journée d'échanges de pratiques entre médiateurs numériques, en {mois}, à {ville}. "
         "Le matin en ateliers, l'après-midi en visite."),
        ("Témoignage : deux ans de conseillère numérique dans un QPV",
         "Mon contrat se termine, et avant de passer à autre chose je voulais partager ce que ces deux années "
         "m'ont appris sur la médiation en quartier prioritaire."),
    ),
    "families": (
        ("Atelier « {t_theme} » : vos supports ?",
         "On prépare un atelier « {t_theme} » pour {public}. Vous avez des supports à partager, ou un déroulé "
         "qui fonctionne bien ?", "question"),
        ("Conseiller numérique autour de {ville} : qui pour échanger ?",
         "Je cherche d'autres médiateurs et conseillers numériques dans le coin de {ville} pour échanger sur nos "
         "pratiques, peut-être une fois par mois autour d'un café. Qui est partant ?", "question"),
        ("Ateliers numériques pour {t_public} : quels formats marchent ?",
         "On voudrait monter un cycle d'ateliers numériques pour {t_public}. Durée, fréquence, contenu : "
         "qu'est-ce qui fonctionne chez vous ? Et qu'est-ce qui a fait un flop ?", "question"),
    ),
    "advice": (
        "Pour pérenniser le poste, on a combiné trois sources : une convention avec la communauté de communes "
        "pour les permanences, une prestation pour le CCAS et des ateliers payants pour les entreprises du "
        "territoire. Aucune ne suffit seule, les trois ensemble couvrent un temps plein.",
        "Commencez la première séance **sans la tablette** : on parle de ce que les gens veulent faire (voir "
        "les photos des petits-enfants, prendre un rendez-vous médical…). Ensuite seulement on allume "
        "l'appareil.",
        "Pour le parc de tablettes, on a pris des modèles Android d'entrée de gamme avec un outil de gestion de "
        "flotte. La réinitialisation prend dix minutes par appareil, on le fait le lundi matin.",
        "Pour les Pass numérique, le plus efficace chez nous a été de les faire distribuer par les travailleurs "
        "sociaux du Département plutôt qu'à l'accueil : ils connaissent les personnes et les accompagnent "
        "jusqu'à la porte.",
        "Ne gardez jamais les mots de passe des personnes, même sur papier. On leur fait un petit carnet "
        "personnel qu'elles gardent chez elles, et on ne note dans notre suivi que la nature de la démarche.",
        "Aidants Connect a vraiment changé notre façon de travailler : on peut agir pour la personne de manière "
        "tracée et sécurisée. L'habilitation prend quelques semaines, lancez-la tôt.",
        "Sur les indicateurs, on suit trois choses : le nombre de personnes, le nombre de démarches menées à "
        "bout, et la progression en autonomie (une grille en quatre niveaux remplie avec la personne au début "
        "et à la fin du parcours).",
        "Les permanences itinérantes ne sont pas rentables si on compte uniquement les personnes accueillies. "
        "Mais elles nous ont fait connaître dans des villages d'où personne n'aurait fait vingt kilomètres "
        "pour venir jusqu'à nous.",
        "Avec les jeunes, les ateliers qui marchent partent toujours d'un besoin concret : postuler à une offre "
        "précise, faire un CV pour le job d'été. Le mot « atelier numérique » les fait fuir.",
        "L'accueil libre déborde ? On a mis en place une **fiche de premier contact** remplie en cinq minutes, "
        "puis un rendez-vous proposé dans la semaine. Les rendez-vous pris ainsi sont beaucoup mieux honorés.",
        "Un SMS de rappel la veille fait passer le taux d'absence de 30 % à moins de 10 %. On le fait à la "
        "main, ça prend un quart d'heure par jour.",
        "Pour le reconditionnement, effacez les disques avec un outil reconnu et gardez une trace pour "
        "l'entreprise donatrice. Elle vous le demandera, c'est sa responsabilité sur les données.",
        "Pour les personnes allophones, les pictogrammes marchent mieux que les traducteurs en direct, qui font "
        "parfois des contresens gênants sur des démarches administratives.",
        "Le plus gros piège avec France Services, c'est d'orienter sans accompagner. On fait désormais un "
        "premier rendez-vous à trois, avec l'agent et la personne, et le lien tient.",
        "Sur les arnaques, partez d'exemples réels (anonymisés) reçus par les participants eux-mêmes. On fait "
        "deviner « vrai ou faux » et ça devient un jeu.",
        "⟦Ne reste pas seul·e|Ne restez pas seul·e⟧ : les réseaux de médiation numérique organisent des échanges "
        "de pratiques en visio toutes les deux semaines, c'est précieux quand on travaille en solo.",
        "On n'est pas travailleurs sociaux, et il faut le dire aux personnes. Quand une situation dépasse notre "
        "rôle (dettes, violences, santé), on oriente vers le CCAS avec l'accord de la personne.",
        "Le titre professionnel de responsable d'espace de médiation numérique est exigeant mais reconnu. Si "
        "⟦tu as|vous avez⟧ déjà de l'expérience, la VAE peut être une bonne option.",
        "Pour les agriculteurs, on a coanimé avec un conseiller de la chambre d'agriculture : lui connaît la "
        "démarche PAC, nous l'outil. Les séances ont lieu l'hiver, le mercredi après-midi, quand la ferme laisse "
        "un peu de temps.",
        "La visio pour les personnes isolées ne marche que si une première rencontre physique a eu lieu. Sans "
        "ça, l'abandon est quasi systématique.",
        "Notre kit de permanence mobile : un ordinateur portable, une clé 4G (vérifiez la couverture avant !), "
        "une petite imprimante-scanner, une multiprise et une rallonge. Et des bonbons, ça détend "
        "l'atmosphère.",
        "Pour toucher les personnes qui ne viennent jamais, il faut aller là où elles sont déjà : l'épicerie "
        "solidaire, la sortie d'école, le marché. On tient un stand avec un café gratuit devant la pharmacie "
        "une fois par mois.",
        "Pour le suivi des accompagnements, on est passés à un outil dédié, mais honnêtement un tableur bien "
        "structuré avec des listes déroulantes fait l'affaire jusqu'à deux ou trois médiateurs.",
        "Ne promettez pas aux gens qu'ils seront autonomes après trois séances. Certaines personnes auront "
        "toujours besoin d'un accompagnement, et ce n'est pas un échec.",
        "Sur la parentalité numérique, une psychologue de la PMI intervient chez nous une fois par trimestre, "
        "et entre-temps on anime des soirées jeux autour des écrans. Les parents viennent plus volontiers "
        "quand ce n'est pas présenté comme une formation.",
        "Formez-vous entre collègues : chez nous, chaque médiateur présente un outil ou une démarche aux autres "
        "une fois par mois, pendant une demi-heure.",
        "Pensez aux entreprises locales : une banque coopérative et un supermarché du coin financent une partie "
        "de nos ateliers au titre de leur engagement local.",
        "On a négocié avec {financeur} une ligne « médiation numérique » dans la convention d'objectifs "
        "pluriannuelle. C'est moins que la subvention initiale, mais c'est stable sur trois ans.",
        "La sobriété numérique passe très bien quand on parle d'argent : garder son téléphone deux ans de plus, "
        "vider son stockage plutôt que payer un abonnement. Personne ne se sent jugé.",
        "Deux personnes par tablette, jamais plus. Au-delà, il y en a toujours une qui regarde l'autre faire et "
        "qui repart sans avoir rien touché.",
    ),
    "items": (
        "un SMS de rappel la veille du rendez-vous", "un carnet de mots de passe que la personne garde chez elle",
        "des fiches pas à pas en gros caractères", "une grille d'autonomie en quatre niveaux",
        "des permanences à heure fixe, toujours le même jour", "un partenariat avec le CCAS pour l'orientation",
        "une clé 4G et une imprimante portable pour l'itinérance", "des ateliers courts, une heure maximum",
        "un café offert à l'arrivée", "deux personnes par tablette au maximum",
        "un temps de questions libres à la fin de chaque séance",
        "des Pass numérique distribués par les travailleurs sociaux", "un premier rendez-vous à trois avec France Services",
    ),
    "experiences": (
        "En {mois}, on a accompagné {n_grand} personnes sur les démarches d'impôts, dont une bonne moitié de plus "
        "de 70 ans. Sans les deux bénévoles venus en renfort le {jour}, on n'aurait jamais tenu.",
        "À {ville}, notre permanence du {jour} à la mairie accueille en moyenne {n} personnes. Ce n'est pas "
        "énorme, mais ce sont des gens qu'on ne voyait jamais avant.",
        "Notre cycle d'ateliers tablettes a démarré avec {n} inscrits et tout le monde est resté jusqu'au bout. "
        "Une participante de 84 ans nous écrit maintenant un mail tous les dimanches !",
        "L'an dernier, on a reconditionné {n_grand} ordinateurs avec des bénévoles retraités de l'informatique. "
        "Ils ont été donnés aux familles repérées par {partenaire}.",
        "Chez nous, le taux d'absence aux rendez-vous était de {pourcentage}. On a ajouté un rappel par SMS et "
        "on l'a presque divisé par trois.",
        "{A_fabrique}, la médiation numérique représente aujourd'hui {pourcentage} de notre activité, et c'est "
        "elle qui fait venir les nouveaux publics vers les autres activités du lieu.",
    ),
    "outcomes": (
        "le poste est maintenu jusqu'à la fin de l'année grâce à une convention avec l'intercommunalité, et on a "
        "déposé une demande au {dispositif} pour la suite.",
        "les ateliers tablettes ont démarré, on a suivi vos conseils (pas de tablette à la première séance) et "
        "l'ambiance est excellente.",
        "on a monté le partenariat avec les travailleurs sociaux pour les Pass numérique : {n_grand} pass "
        "distribués en un mois, contre presque rien les six mois précédents.",
        "les permanences itinérantes sont lancées dans trois villages. Peu de monde au début, mais le "
        "bouche-à-oreille commence à fonctionner.",
        "on a finalement choisi des tablettes Android avec gestion de flotte. Le prêt aux familles démarre la "
        "semaine prochaine.",
        "l'habilitation Aidants Connect est arrivée. Ça change vraiment le quotidien, merci pour le conseil.",
    ),
}

TOPICS["financement"] = {
    "questions": (
        ("Modèle économique d'un café associatif en milieu rural : vos chiffres ?",
         "On prépare l'ouverture d'un café associatif dans un village de {hab} habitants. Quel chiffre "
         "d'affaires réaliste, quelle part de bénévolat, et combien d'heures d'ouverture pour que ça tienne ?"),
        ("DETR pour l'aménagement d'un tiers-lieu : qui porte le dossier ?",
         "La commune est propriétaire du bâtiment et nous sommes locataires. Pour les travaux d'aménagement, "
         "on nous parle de DETR. C'est forcément la commune qui dépose ? Comment vous êtes-vous organisés ?"),
        ("FDVA fonctionnement : montants obtenus et conseils pour le dossier",
         "On dépose pour la première fois au FDVA, volet fonctionnement. Quels montants avez-vous obtenus ? "
         "Des conseils pour la rédaction ?"),
        ("Sortir de la dépendance aux subventions : témoignages ?",
         "Aujourd'hui, 80 % de nos ressources viennent de subventions, dont la moitié sur des appels à projets "
         "annuels. On aimerait développer des recettes propres sans trahir le projet. Comment avez-vous fait ?"),
        ("Tarifs du coworking dans une petite ville",
         "On ouvre six postes de coworking en {mois}. Quels tarifs pratiquez-vous (journée, carnet de dix, "
         "mois) dans des villes de moins de 10 000 habitants ?"),
        ("Convention d'objectifs pluriannuelle : comment la négocier ?",
         "L'intercommunalité nous propose de passer d'une subvention annuelle à une convention d'objectifs sur "
         "trois ans. Quels objectifs accepter, quels indicateurs éviter ?"),
        ("Mécénat d'entreprises locales : comment démarcher ?",
         "On n'a jamais démarché d'entreprises. Comment présenter un tiers-lieu à un chef d'entreprise du coin ? "
         "Quels montants demander ?"),
        ("Trésorerie : comment tenir en attendant le versement des subventions ?",
         "Nos subventions de l'année arrivent en {mois}, parfois plus tard. Entre janvier et l'été, la "
         "trésorerie est au plus bas. Prêt bancaire, avance remboursable, autre chose ?"),
        ("Faire payer la salle aux associations locales ?",
         "On a une grande salle de cinquante places que les associations du village utilisent gratuitement. "
         "On voudrait demander une participation, mais on a peur de les faire fuir. Quels tarifs, quelles "
         "modalités ?"),
        ("Financement participatif pour une découpeuse laser : retours ?",
         "On envisage une campagne de dons en ligne pour acheter une découpeuse laser (environ {montant}). "
         "Ça a marché chez vous ? Quelles contreparties proposer ?"),
        ("Recettes d'activité et TVA : à partir de quand ?",
         "Avec le développement des formations et de la location d'espaces, notre expert-comptable évoque la "
         "fiscalisation. À partir de quel seuil, et qu'est-ce que ça a changé pour vous ?"),
        ("Budget participatif de la ville : un tiers-lieu peut-il candidater ?",
         "Notre ville lance son budget participatif. Un projet porté par des habitants pour équiper notre "
         "atelier partagé serait-il recevable ? Quelqu'un a essayé ?"),
        ("Fonds LEADER : la complexité vaut-elle le coup ?",
         "On nous conseille le programme LEADER pour cofinancer notre projet de cuisine partagée. On nous a "
         "aussi prévenus que c'était un parcours du combattant. Retours honnêtes bienvenus."),
        ("Combien coûte réellement un fabmanager ?",
         "On monte le budget prévisionnel d'un fablab et je ne sais pas quel salaire prévoir pour un "
         "fabmanager à temps plein, ni quel coût employeur. Vos repères ?"),
        ("Comment valoriser le bénévolat dans les comptes ?",
         "Un financeur nous demande de valoriser le bénévolat dans notre budget. Quel taux horaire "
         "utilisez-vous, et comment comptez-vous les heures ?"),
        ("Adhésion à prix libre : bonne ou mauvaise idée ?",
         "On réfléchit à passer l'adhésion à prix libre, pour ne pas exclure les personnes les plus modestes. "
         "Celles et ceux qui l'ont fait : les recettes ont-elles baissé ?"),
        ("Passer le cap de la troisième année sans aide au démarrage",
         "Nos aides au démarrage s'arrêtent l'an prochain, et elles représentent {pourcentage} du budget. "
         "Comment avez-vous passé ce cap ? Qu'auriez-vous fait différemment ?"),
        ("Répondre à un AMI quand on est une petite équipe",
         "Un AMI régional correspond parfaitement à notre projet, mais le dossier fait trente pages et on est "
         "deux salariés. Vous vous faites aider ? Vous mutualisez la rédaction ?"),
        ("Fixer le prix d'un repas au café associatif",
         "On lance des repas le vendredi soir. Entre le coût des produits locaux, le temps de cuisine et "
         "l'envie de rester accessible, on hésite entre 10 et 15 €. Comment avez-vous fixé vos prix ?"),
    ),
    "discussions": (
        ("Notre budget détaillé après trois ans d'activité (transparence totale)",
         "On parle souvent de modèle économique dans l'abstrait. Voici nos vrais chiffres, recettes et "
         "dépenses, pour que ça serve à d'autres."),
        ("Mauvaise expérience : la subvention qui n'est jamais arrivée",
         "Je partage une mauvaise expérience pour que personne ne tombe dans le même piège : une subvention "
         "promise oralement, un poste créé, et un vote qui n'a jamais eu lieu."),
        ("Tableau comparatif des tarifs de coworking en zone rurale",
         "Suite à plusieurs questions ici, j'ai compilé les tarifs de coworking d'une quinzaine de tiers-lieux "
         "ruraux. Je vous mets la synthèse."),
        ("Retour sur notre campagne de financement participatif",
         "Notre campagne vient de se terminer. Objectif atteint, mais pas du tout comme on l'imaginait. "
         "Quelques enseignements."),
        ("Ce qu'on a appris en montant un dossier LEADER",
         "Dix-huit mois entre le premier contact et le versement du solde. Je vous raconte, étape par étape, "
         "avec les pièges à éviter."),
        ("Modèle de budget prévisionnel pour un tiers-lieu (à adapter)",
         "On nous demande souvent notre budget prévisionnel type. Le voici, avec les hypothèses expliquées "
         "ligne par ligne."),
    ),
    "families": (
        ("{T_charge} : comment financez-vous cette dépense ?",
         "Chaque année, {t_charge} pèse lourd dans notre budget, et aucun financeur ne veut s'en charger. "
         "Comment financez-vous ce type de dépense ? Vous la répartissez sur les activités ?", "question"),
        ("Tarifs : combien facturez-vous {t_activite} ?",
         "On cherche des repères pour fixer nos prix : combien facturez-vous {t_activite} ? Et faites-vous des "
         "tarifs différents selon les publics ?", "question"),
        ("Qui a déjà obtenu un financement {t_dispositif} pour un tiers-lieu ?",
         "On envisage de solliciter le {t_dispositif} pour un projet d'équipement et d'animation. Quels "
         "montants, quels délais, et quelles erreurs éviter dans le dossier ?", "question"),
    ),
    "advice": (
        "Un modèle économique de tiers-lieu tient rarement sur une seule jambe : chez nous, c'est un tiers de "
        "subventions, un tiers de prestations et un tiers de recettes d'activité (bar, location, adhésions).",
        "Avant de chercher de nouveaux financements, faites le point sur votre modèle économique avec le "
        "dispositif local d'accompagnement : c'est gratuit, et ça oblige à regarder les chiffres en face.",
        "Pour un café associatif rural, le bar seul ne fait pas vivre le lieu. Chez nous, ce sont la petite "
        "épicerie de dépannage et les repas du vendredi soir qui équilibrent : environ {pourcentage} des "
        "recettes.",
        "Un repère qui nous a servi : une heure d'ouverture au public coûte entre 25 et 40 € tout compris "
        "(salaire, chauffage, assurance). Ça aide à choisir les créneaux qui valent la peine.",
        "La DETR est réservée aux collectivités : c'est la commune qui dépose, et vous, vous préparez le "
        "contenu. Prévoyez une convention qui précise l'usage des locaux après travaux.",
        "Au FDVA, les dossiers courts et concrets passent mieux. On a obtenu {montant} en décrivant précisément "
        "trois actions, avec le nombre de bénévoles impliqués dans chacune.",
        "Diversifier les recettes, oui, mais en partant de ce que vous savez déjà faire : chez nous, ce sont "
        "les **formations pour les entreprises** (bureautique, découpe laser, réseaux sociaux) qui ont décollé, "
        "parce qu'on avait déjà les compétences en interne.",
        "Pour le coworking en petite ville, on pratique 12 € la journée, 100 € le carnet de dix et 150 € le "
        "mois. On est pleins trois jours sur cinq : ça couvre à peine le temps d'accueil, mais ça fait venir du "
        "monde dans le lieu.",
        "Dans une convention d'objectifs, refusez les indicateurs que vous ne maîtrisez pas (« taux de retour à "
        "l'emploi ») et proposez des indicateurs d'activité que vous pouvez suivre vous-mêmes.",
        "Pour démarcher une entreprise, venez avec un projet précis et chiffré : « financer dix ateliers pour "
        "les collégiens du canton, 2 000 € ». Un « soutien au tiers-lieu » en général ne parle à personne.",
        "Il existe des avances remboursables sur subventions et des garanties bancaires pour les associations "
        "employeuses, via les réseaux de finance solidaire. Ça nous a sauvés deux années de suite.",
        "Pensez à demander des **avances** dans les conventions : beaucoup de financeurs versent 50 % à la "
        "signature si on le demande explicitement.",
        "Pour la location de salles, on a trois tarifs : gratuit pour les associations adhérentes qui "
        "proposent des activités ouvertes à tous, prix coûtant pour leurs réunions internes, plein tarif pour "
        "les entreprises et les particuliers.",
        "Le financement participatif marche si vous avez déjà une communauté. Sans ça, vous allez surtout "
        "solliciter vos proches. Comptez aussi le temps de communication : un mi-temps pendant la campagne.",
        "La TVA, c'est une question à poser tôt à votre expert-comptable : au-delà de certains seuils de "
        "recettes commerciales, l'association devient fiscalisée. Ce n'est pas un drame, mais ça se prépare.",
        "Le budget participatif, c'est possible si le projet est porté par des habitants et profite à tous : "
        "présentez-le comme un équipement du quartier, pas comme celui de l'association.",
        "LEADER vaut le coup pour des investissements au-delà de 20 000 €. En dessous, le temps passé sur le "
        "dossier et le délai de paiement (plus d'un an chez nous) ne valent pas la chandelle.",
        "Un fabmanager expérimenté, c'est autour de 2 000 à 2 400 € brut par mois en association. Avec les "
        "charges, comptez environ 3 200 à 3 600 € de coût employeur mensuel.",
        "Pour valoriser le bénévolat, on utilise le SMIC chargé pour les tâches courantes et un taux plus élevé "
        "pour les compétences spécifiques (comptabilité, informatique). Les heures sont déclarées chaque mois "
        "via un formulaire en ligne.",
        "On a passé l'adhésion à prix libre il y a deux ans : le montant moyen a baissé de 20 %, mais le nombre "
        "d'adhérents a presque doublé. Au final, on est gagnants.",
        "Le cap de la troisième année, c'est celui où les aides au démarrage s'arrêtent. Anticipez dès la "
        "première année en testant une ou deux activités qui génèrent des recettes.",
        "Pour les AMI, on mutualise la rédaction avec deux autres tiers-lieux du département : une personne "
        "écrit la partie contexte, une autre le budget, et chacun adapte ensuite à son projet.",
        "Ne sous-estimez pas les **prestations pour les collectivités** : ateliers dans les écoles, accueil de "
        "réunions publiques, appui aux démarches en ligne. C'est du chiffre d'affaires régulier.",
        "On a arrêté de répondre à tous les appels à projets. Chaque dossier qui nous éloigne du projet nous "
        "coûte plus cher qu'il ne rapporte, en temps comme en énergie.",
        "Tenez un **plan de trésorerie** mensuel sur douze mois glissants. C'est la seule façon de voir venir "
        "les trous et de les expliquer à la banque avant qu'ils n'arrivent.",
        "Attention aux subventions d'investissement sans fonctionnement : une découpeuse laser financée à 100 %, "
        "c'est bien, mais qui paie la maintenance, les consommables et la personne qui forme les usagers ?",
        "Les fondations d'entreprise financent souvent des projets précis sur un à trois ans. Cherchez celles "
        "qui ont une antenne dans votre région : les montants sont modestes mais les dossiers légers.",
        "Chiffrez le coût complet de chaque activité au moins une fois. On a découvert que notre repair café "
        "nous coûtait bien plus que prévu, et ça a orienté nos choix.",
        "Pour le prix des repas, on affiche le coût réel (13 €) et on laisse chacun payer entre 8 et 18 €. En "
        "moyenne, on retombe sur nos pieds, et personne n'est exclu.",
    ),
    "items": (
        "une convention pluriannuelle avec l'intercommunalité", "des formations payantes pour les entreprises",
        "la location de la grande salle le week-end", "les adhésions à prix libre",
        "une épicerie de dépannage au café", "des ateliers facturés aux écoles",
        "une campagne de dons au moment des fêtes", "une avance de trésorerie sur subvention",
        "le FDVA pour le fonctionnement", "la DETR portée par la commune pour les travaux",
        "un mécénat de compétences avec un cabinet comptable", "des repas du vendredi soir à prix libre",
        "un plan de trésorerie sur douze mois glissants",
    ),
    "experiences": (
        "Notre budget annuel tourne autour de {budget} ; les subventions en représentent {pourcentage}, le "
        "reste vient de la buvette, des formations et de la location d'espaces.",
        "En {mois}, une subvention de {montant} annoncée oralement n'a jamais été votée. On avait déjà embauché. "
        "Depuis, on n'engage plus rien sans notification écrite.",
        "Notre campagne de financement participatif a rapporté {montant} en {n} semaines, avec {n_grand} "
        "contributeurs, dont beaucoup d'habitants qu'on ne connaissait pas.",
        "{A_fabrique}, la location de la salle aux entreprises du coin rapporte environ {montant_petit} par "
        "mois. Pas de quoi tout financer, mais c'est de l'argent libre d'emploi.",
        "L'an dernier, on a obtenu {montant} du {dispositif}. Le dossier nous a pris une bonne semaine de "
        "travail, et le versement est arrivé huit mois plus tard.",
    ),
    "outcomes": (
        "le dossier FDVA est passé : {montant} sur le fonctionnement. Merci pour les conseils de rédaction !",
        "on a signé la convention d'objectifs sur trois ans, avec des indicateurs qu'on a proposés nous-mêmes.",
        "la campagne de dons a atteint son objectif en {n} semaines. La découpeuse laser arrive le mois "
        "prochain.",
        "on a fixé les tarifs du coworking à 10 € la journée et 130 € le mois. Quatre personnes ont déjà pris "
        "un abonnement.",
        "l'avance de trésorerie a été accordée, on passe l'été sereinement.",
        "on a testé le prix libre sur les repas : la moyenne est à 12,50 €, et la salle est pleine.",
    ),
}

TOPICS["territoires"] = {
    "questions": (
        ("Ouvrir un tiers-lieu dans un village de 400 habitants : est-ce raisonnable ?",
         "On est un petit groupe d'habitants avec l'envie d'ouvrir un lieu dans l'ancienne école. Mais 400 "
         "habitants, c'est peu. Comment avez-vous estimé le potentiel de fréquentation ?"),
        ("Mobilité : comment faire venir les habitants des hameaux ?",
         "Notre tiers-lieu est dans le bourg, mais une partie des habitants vit dans des hameaux à dix "
         "kilomètres, sans voiture. Navette, covoiturage, transport à la demande : qu'est-ce qui marche ?"),
        ("Se faire accepter dans un quartier quand on arrive de l'extérieur",
         "Notre association s'installe dans un QPV où elle n'a pas d'histoire. On sent de la méfiance, et "
         "c'est normal. Comment avez-vous construit la confiance avec les habitants et les associations déjà "
         "présentes ?"),
        ("Recruter en zone rurale : personne ne postule",
         "Notre offre de poste de coordination est en ligne depuis deux mois : trois candidatures, dont aucune "
         "ne correspond. Comment attirer des profils dans un territoire peu connu ?"),
        ("Horaires d'ouverture adaptés aux habitants d'un QPV",
         "On ouvre du mardi au vendredi de 9 h à 17 h et on voit surtout des retraités. Les jeunes et les "
         "parents qui travaillent ne viennent jamais. Qui ouvre en soirée ou le week-end, et comment ?"),
        ("Travailler avec un bailleur social : retours ?",
         "Un bailleur social nous propose un local en pied d'immeuble à loyer symbolique. Quels engagements "
         "demande-t-il en contrepartie, et comment se passe la relation au quotidien ?"),
        ("Tiers-lieu rural et saisonnalité : comment gérer l'été ?",
         "Dans notre vallée, la population double en été avec les touristes et les résidences secondaires, puis "
         "le village se vide. Vous adaptez vos activités à la saison ?"),
        ("Les jeunes du quartier squattent l'entrée : comment en faire une chance ?",
         "Un groupe d'ados se retrouve tous les soirs devant notre porte. Il y a eu quelques tensions avec les "
         "voisins. On aimerait les faire entrer plutôt que les faire partir."),
        ("Coworking sans fibre ni 4G correcte : des solutions ?",
         "On est presque en zone blanche : la fibre n'arrive pas avant deux ans et la 4G passe mal. Des "
         "solutions provisoires pour un coworking digne de ce nom ?"),
        ("Café associatif et bar du village : concurrence ou complémentarité ?",
         "Le dernier bar du village voit d'un mauvais œil notre café associatif. On ne veut surtout pas le "
         "mettre en difficulté. Comment avez-vous géré cette cohabitation ?"),
        ("Accueillir des publics très différents dans le même lieu",
         "Entre les télétravailleurs du coworking, les familles de la médiation et les ados de l'atelier, la "
         "cohabitation n'est pas toujours simple. Comment organisez-vous les espaces et les temps ?"),
        ("Contrat de ville : comment entrer dans la programmation ?",
         "On vient d'ouvrir en QPV et on aimerait être soutenus dans le cadre du contrat de ville. À qui "
         "s'adresser ? Quel calendrier pour les appels à projets ?"),
        ("Mutualiser un véhicule entre tiers-lieux ruraux",
         "Trois tiers-lieux de notre communauté de communes ont besoin d'un utilitaire de temps en temps. "
         "Quelqu'un a mis en place un véhicule partagé ? Assurance, planning, entretien ?"),
        ("Se faire connaître sur un territoire très étendu",
         "Notre intercommunalité compte 42 communes. Affiches, bulletin municipal, radio locale, réseaux "
         "sociaux : qu'est-ce qui a réellement fait venir du monde chez vous ?"),
        ("Loger les stagiaires et les volontaires en milieu rural",
         "On pourrait accueillir des stagiaires et des services civiques, mais il n'y a aucun logement à louer "
         "au village. Comment faites-vous ?"),
        ("Tiers-lieux ruraux et QPV : quelles activités marchent partout ?",
         "On compare souvent les tiers-lieux ruraux et ceux des quartiers, comme s'ils n'avaient rien en "
         "commun. Quelles activités fonctionnent dans les deux contextes, selon vous ?"),
    ),
    "discussions": (
        ("Retour d'expérience : notre navette solidaire du samedi",
         "Depuis {duree}, une navette fait le tour des hameaux le samedi matin pour amener les habitants au "
         "marché et au tiers-lieu. Voici comment on l'a montée."),
        ("Deux ans en pied d'immeuble : ce qu'on a appris",
         "Installés au rez-de-chaussée d'une tour, on a vécu deux années intenses. Je partage nos réussites et "
         "nos erreurs."),
        ("Mauvaise expérience : l'ouverture en soirée qui a tourné court",
         "On a ouvert trois soirs par semaine pendant un trimestre. Fréquentation décevante, équipe épuisée. "
         "On a arrêté, et voici pourquoi."),
        ("Carte des tiers-lieux de notre département : aidez-nous à la compléter",
         "On recense les tiers-lieux et lieux ressources du département pour une carte partagée. Si votre lieu "
         "n'y est pas, dites-le ici."),
        ("Rural et QPV, même combat ? Ce que nos deux fabriques ont en commun",
         "Une fabrique rurale et une fabrique en quartier prioritaire se sont jumelées l'an dernier. Le bilan "
         "est surprenant : on partage bien plus de choses qu'on ne le pensait."),
    ),
    "families": (
        ("Portes ouvertes {a_fabrique} le {t_jour_num} {t_mois}",
         "On ouvre grand les portes le {t_jour_num} {t_mois} : visites, démonstrations au fablab, repas partagé "
         "et rencontre avec les associations du coin. Les fabriques voisines sont les bienvenues !", "event"),
        ("Tiers-lieux autour de {ville} : on se rencontre ?",
         "On aimerait organiser une rencontre entre les tiers-lieux situés à moins d'une heure de {ville}, pour "
         "se connaître et mutualiser ce qui peut l'être (matériel, formations, communication). Qui serait "
         "partant ?", "event"),
    ),
    "advice": (
        "En rural, le modèle économique repose beaucoup sur le bénévolat : dites-le aux financeurs, et "
        "valorisez ces heures dans les comptes.",
        "Dans un village de quelques centaines d'habitants, le tiers-lieu ne vit pas de son seul village : "
        "pensez à l'échelle du bassin de vie, vingt à trente minutes de route. C'est là qu'est votre public.",
        "Pour les hameaux, le transport à la demande de l'intercommunalité existe souvent, mais personne ne le "
        "connaît. On a fait une affiche avec le numéro et les horaires, et on réserve pour les gens qui le "
        "demandent.",
        "Dans un quartier, la confiance passe par les associations déjà présentes. Avant d'ouvrir nos propres "
        "ateliers, on a passé six mois à participer aux leurs : fête de quartier, aide aux devoirs, repas "
        "partagés.",
        "Pour recruter en rural, mettez en avant le cadre de vie et le sens du projet, pas seulement la fiche de "
        "poste. Et diffusez l'offre dans les réseaux de tiers-lieux, pas uniquement sur les sites d'emploi.",
        "On a décalé deux jours par semaine sur 12 h - 20 h. La fréquentation des actifs a doublé en trois "
        "mois. Il a fallu renégocier les horaires avec l'équipe, en compensant par des matinées libres.",
        "Avec le bailleur social, faites préciser par écrit qui paie quoi (charges, travaux, entretien des "
        "abords). Les relations restent bonnes tant que les choses sont claires.",
        "L'été, on ferme la médiation numérique trois semaines et on ouvre un café-terrasse avec des soirées "
        "concerts. Les recettes de l'été financent une partie de l'hiver.",
        "Pour les ados devant la porte, on a proposé à deux d'entre eux d'animer un créneau de jeux vidéo le "
        "vendredi soir. En quelques semaines, le groupe est devenu un allié du lieu.",
        "En attendant la fibre, un routeur 4G avec une antenne extérieure fait des miracles. On garde aussi une "
        "offre satellite en secours pour les jours de visio importants.",
        "Avec le bar du village, on a convenu de ne pas ouvrir aux mêmes horaires, et on lui achète nos "
        "boissons. Aujourd'hui, il nous envoie même des clients.",
        "Séparez les temps plutôt que les espaces : le matin pour les permanences et le coworking au calme, "
        "l'après-midi pour les ateliers et les familles, le soir pour les jeunes.",
        "Le contrat de ville, ça passe par la déléguée du préfet et par le service politique de la ville de "
        "l'intercommunalité. Demandez un rendez-vous avant l'appel à projets, pas pendant.",
        "Pour un véhicule partagé, le plus simple est qu'une seule structure en soit propriétaire et le mette à "
        "disposition des autres par convention, avec un tarif au kilomètre qui couvre assurance et entretien.",
        "Ce qui a le mieux marché pour nous en communication : le bulletin municipal (tout le monde le lit en "
        "rural) et le bouche-à-oreille des secrétaires de mairie. Les réseaux sociaux, beaucoup moins.",
        "Les habitants d'un QPV ne sont pas « un public » : ce sont des gens avec des compétences. Chez nous, "
        "les cours de cuisine sont animés par des habitantes du quartier, rémunérées pour ça.",
        "En rural, l'école est souvent la meilleure porte d'entrée : les parents viennent pour l'atelier des "
        "enfants, puis reviennent pour eux-mêmes.",
        "On s'est associés avec deux autres lieux de la vallée pour un agenda commun. Chacun garde ses "
        "activités, mais on évite de programmer la même chose le même soir.",
        "Ne comparez pas votre fréquentation à celle d'un lieu en ville. Quinze personnes un mardi soir dans un "
        "village de 500 habitants, c'est une réussite.",
        "Pour le logement des volontaires, des habitants louent une chambre à prix réduit. Ça crée aussi des "
        "liens entre le lieu et le village.",
        "Les permanences de la mairie, de la mission locale ou d'un conseiller emploi peuvent se tenir chez "
        "vous : ça fait venir des gens qui n'auraient jamais poussé la porte d'un « tiers-lieu ».",
        "Les activités qui marchent partout, d'après notre jumelage : la réparation (vélos, petit "
        "électroménager), la cuisine partagée et l'aide aux démarches en ligne. Trois besoins universels.",
    ),
    "items": (
        "un agenda commun avec les lieux voisins", "le bulletin municipal", "une navette le samedi matin",
        "des horaires en soirée deux fois par semaine", "un stand sur le marché hebdomadaire",
        "le bouche-à-oreille des secrétaires de mairie", "des ateliers animés par des habitants",
        "une fête de quartier coorganisée", "un routeur 4G avec antenne extérieure",
        "un véhicule partagé entre trois lieux", "les permanences de la mission locale dans nos murs",
        "une affiche du transport à la demande", "un café-terrasse l'été",
    ),
    "experiences": (
        "À {ville}, on a lancé une navette le samedi matin avec un minibus prêté par la commune : {n} "
        "personnes en moyenne, surtout des personnes âgées qui en profitent pour faire le marché.",
        "On a mis {duree} à être vraiment identifiés dans le quartier. Le déclic a été la fête de fin d'année "
        "coorganisée avec le centre social et l'amicale des locataires.",
        "Dans notre vallée, la fréquentation est multipliée par {n_petit} entre juillet et août. On recrute deux "
        "saisonniers et on élargit les horaires.",
        "Notre dernière offre d'emploi a mis {duree} à trouver preneur. Ce qui a marché au final : une annonce "
        "relayée par le réseau régional et une vidéo de deux minutes tournée par l'équipe.",
        "{A_fabrique}, la soirée jeux du {jour} attire {n_grand} personnes de tous âges. C'est devenu le rendez-vous "
        "de la commune, bien au-delà des adhérents.",
    ),
    "outcomes": (
        "on ouvre désormais le jeudi jusqu'à 20 h : la fréquentation des parents a nettement augmenté.",
        "les ados ont leur créneau du vendredi soir, et les tensions avec les voisins ont disparu.",
        "le routeur 4G avec antenne extérieure fait le travail en attendant la fibre. Merci pour la référence !",
        "on a rencontré la déléguée du préfet, notre projet sera présenté au prochain comité du contrat de ville.",
        "la convention de mise à disposition du véhicule est signée entre les trois lieux. Premier trajet la "
        "semaine prochaine.",
    ),
}

TOPICS["alimentation"] = {
    "questions": (
        ("Lancer un jardin partagé : combien de parcelles, quelles règles ?",
         "La mairie nous confie un terrain de 1 500 m² derrière le tiers-lieu. On aimerait un jardin partagé, "
         "mais on hésite entre parcelles individuelles et jardin collectif. Vos expériences ?"),
        ("Cuisine partagée : quelles normes pour des ateliers ouverts au public ?",
         "On équipe une cuisine pour des ateliers et pour des petits producteurs qui voudraient transformer "
         "leurs produits. Quelles normes respecter ? Faut-il un agrément ?"),
        ("Monter un groupement d'achat avec des producteurs locaux",
         "Plusieurs adhérents voudraient commander directement aux producteurs du coin : légumes, fromage, "
         "farine. Quel outil pour les commandes, et comment gérer les paiements ?"),
        ("Composteur collectif : comment éviter les odeurs ?",
         "Les voisins se plaignent de l'odeur du composteur. On a sûrement fait des erreurs. Des conseils pour "
         "le gérer correctement ?"),
        ("Faire venir les agriculteurs au tiers-lieu : sur quels sujets ?",
         "Notre fabrique est entourée d'exploitations, mais les agriculteurs ne viennent jamais. Quels sujets "
         "les intéressent ? Comment les approcher sans paraître donneurs de leçons ?"),
        ("Arrosage du jardin partagé pendant l'été",
         "Chaque été, c'est la même histoire : les jardiniers partent en vacances et tout grille en juillet. "
         "Comment organisez-vous l'arrosage ? Récupération d'eau de pluie, goutte-à-goutte, planning ?"),
        ("Repas partagés et aide alimentaire : concilier dignité et solidarité",
         "On aimerait ouvrir nos repas du vendredi aux personnes orientées par l'épicerie solidaire, sans "
         "qu'elles se sentent à part. Comment faites-vous ?"),
        ("Conserverie partagée : quelqu'un a franchi le pas ?",
         "On réfléchit à une conserverie partagée pour les surplus des maraîchers et des jardiniers. "
         "Investissement, normes, modèle économique : par où commencer ?"),
        ("Jardin en pied d'immeuble : la terre est-elle polluée ?",
         "Le bailleur nous propose une bande de terrain au pied des tours. On a un doute sur la qualité du sol. "
         "Faut-il faire une analyse ? Cultiver en bacs ?"),
        ("Cantine scolaire et produits locaux : un tiers-lieu peut-il jouer un rôle ?",
         "La commune veut plus de produits locaux à la cantine mais ne sait pas par où commencer. On se demande "
         "si le tiers-lieu peut faire le lien avec les producteurs. Des exemples ?"),
        ("Ateliers cuisine avec des enfants : assurance et encadrement",
         "On voudrait proposer des ateliers cuisine le mercredi pour les 8-12 ans. Quelles précautions côté "
         "assurance, hygiène et taux d'encadrement ?"),
        ("Vendre des paniers de légumes au tiers-lieu : quelles conditions ?",
         "Un maraîcher voisin nous propose de déposer ses paniers chez nous le jeudi. Qui vend, qui encaisse, et "
         "est-ce que ça pose un problème pour l'association ?"),
        ("Semences paysannes : organiser une grainothèque",
         "On aimerait une grainothèque en libre accès dans le café. Comment la faire vivre, et comment éviter "
         "qu'elle se vide en deux semaines ?"),
    ),
    "discussions": (
        ("Notre jardin partagé a trois ans : bilan et erreurs à éviter",
         "Trois saisons, une quarantaine de jardiniers, et pas mal d'apprentissages. Je fais le point, en "
         "espérant que ça aide celles et ceux qui se lancent."),
        ("Retour d'expérience : la cuisine partagée, un an après",
         "Il y a un an, on inaugurait notre cuisine partagée. Entre les ateliers, les traiteurs en test et les "
         "repas du vendredi, voici le bilan."),
        ("Mauvaise expérience : notre groupement d'achat a implosé",
         "Je raconte l'histoire de notre groupement d'achat, qui a tenu huit mois avant de s'effondrer. "
         "Les causes sont très banales, c'est justement pour ça que je les partage."),
        ("Guide pratique : installer un récupérateur d'eau de pluie",
         "On vient d'installer deux cuves sur le toit de l'atelier. Matériel, coût, erreurs à éviter : tout "
         "est là."),
    ),
    "families": (
        ("Jardin partagé : vos conseils pour {t_culture} ?",
         "Au jardin, on galère avec {t_culture} depuis deux saisons. Variétés, calendrier, arrosage : vos "
         "conseils de jardiniers sont les bienvenus.", "question"),
        ("Repas partagé pour quarante personnes : vos recettes qui marchent ?",
         "On lance un repas partagé mensuel {a_fabrique} et on cherche des recettes simples, de saison et pas "
         "chères pour une quarantaine de personnes. Vos classiques ?", "question"),
        ("Fête des semences à {ville} en {t_mois} : venez avec vos graines !",
         "On organise une fête des semences en {t_mois} : troc de graines, atelier de semis, repas partagé et "
         "conférence sur le sol vivant. Toutes les fabriques voisines sont les bienvenues.", "event"),
    ),
    "advice": (
        "Pour démarrer, un jardin collectif avec quelques parcelles individuelles pour les familles qui le "
        "souhaitent, c'est un bon compromis. Le collectif crée du lien, les parcelles responsabilisent.",
        "Écrivez un **règlement du jardin** court, avec les règles qui fâchent : arrosage, outils, récolte des "
        "parties communes. On l'a appris à nos dépens.",
        "Pour une cuisine ouverte au public, il faut respecter les règles d'hygiène (plan de maîtrise "
        "sanitaire, traçabilité). Si des producteurs y transforment des produits qu'ils vendent, il faut en "
        "plus déclarer l'activité auprès des services vétérinaires.",
        "Pour le groupement d'achat, un simple formulaire de commande en ligne et un paiement à la livraison "
        "suffisent au début. On a mis deux ans avant d'avoir besoin d'un vrai logiciel.",
        "Un composteur qui sent, c'est presque toujours un manque de matière sèche. Mettez un bac de broyat ou "
        "de feuilles mortes juste à côté, et demandez d'en ajouter à chaque apport.",
        "Avec les agriculteurs, on a commencé par les démarches en ligne et par la réparation de matériel à "
        "l'atelier. Des sujets concrets, de leur quotidien. La discussion sur l'alimentation est venue après.",
        "Pour l'été, on a installé un goutte-à-goutte relié à deux cuves de 1 000 litres, avec un "
        "programmateur. Coût total : environ 600 €, et plus personne ne se dispute sur le planning d'arrosage.",
        "Paillez, paillez, paillez : c'est le conseil le plus utile qu'on ait reçu. On a divisé l'arrosage par "
        "deux.",
        "Les repas à prix libre fonctionnent mieux que les repas gratuits réservés aux personnes en "
        "difficulté : tout le monde mange à la même table, personne n'a à se justifier.",
        "Sur un terrain en ville, une analyse de sol coûte quelques centaines d'euros. En attendant les "
        "résultats, on peut démarrer en bacs hors-sol avec du terreau, c'est ce qu'on a fait.",
        "Pour une conserverie, commencez par louer un autoclave ou partager celui d'un lycée agricole avant "
        "d'investir. Ça permet de tester la demande sans s'endetter.",
        "Pour les ateliers cuisine avec des enfants, vérifiez que votre assurance couvre les activités avec des "
        "mineurs, et prévoyez un adulte pour six enfants au maximum.",
        "Le lycée agricole du coin peut être un partenaire formidable : stages, prêt de matériel, élèves qui "
        "viennent animer des ateliers au jardin.",
        "La vente de paniers est simple si le producteur vend lui-même : vous ne faites que prêter l'espace. Si "
        "l'association achète pour revendre, ça devient une activité commerciale.",
        "Les jardiniers débutants ont besoin d'un calendrier : on affiche chaque mois ce qu'il faut semer, "
        "planter, récolter. C'est devenu le document le plus consulté du lieu.",
        "Pour la cantine, le plus dur n'est pas de trouver des producteurs mais d'ajuster les volumes et la "
        "logistique. Une réunion entre le cuisinier, deux producteurs et un élu a débloqué la situation chez nous.",
        "Pour la grainothèque, on demande de rapporter des graines en fin de saison et on organise un atelier "
        "« récolter ses semences » en septembre. Elle se remplit maintenant toute seule.",
    ),
    "items": (
        "un règlement du jardin affiché à l'entrée", "un bac de broyat à côté du composteur",
        "des cuves de récupération d'eau de pluie", "un calendrier des semis affiché chaque mois",
        "des repas à prix libre le vendredi", "un partenariat avec le lycée agricole",
        "des parcelles familiales et un espace collectif", "un planning d'arrosage pour l'été",
        "un formulaire de commande en ligne", "des bacs hors-sol en attendant l'analyse du sol",
        "un paillage généreux dès le mois de mai",
    ),
    "experiences": (
        "{A_fabrique}, le composteur de quartier reçoit les déchets de {n_grand} foyers. Deux bénévoles le "
        "retournent chaque semaine, {jour_pl}.",
        "Cette année, le jardin {de_fabrique} a produit plus de {kilos} kilos de légumes, dont une partie a été "
        "donnée à l'épicerie solidaire.",
        "Notre groupement d'achat réunit {n_grand} familles et {n} producteurs. Commandes le lundi, "
        "distribution le jeudi soir au tiers-lieu.",
        "En {mois}, on a organisé une journée « conserves » avec {n} jardiniers : {n_grand} bocaux de sauce "
        "tomate et de ratatouille, répartis entre les participants.",
        "Nos ateliers cuisine du {jour} affichent complet depuis {duree}, avec une liste d'attente. Ce sont des "
        "habitantes du quartier qui les animent, chacune avec ses recettes.",
    ),
    "outcomes": (
        "le goutte-à-goutte est installé, et le jardin a passé l'été sans dommage.",
        "le composteur ne sent plus rien depuis qu'on a ajouté le bac de broyat. Les voisins sont même devenus "
        "des utilisateurs.",
        "l'analyse de sol est revenue correcte, on pourra planter en pleine terre au printemps.",
        "le groupement d'achat démarre avec {n} producteurs. Première distribution le mois prochain.",
        "le règlement du jardin a été adopté en assemblée de jardiniers. Les disputes sur les outils ont "
        "cessé, comme par magie.",
    ),
}

TOPICS["culture"] = {
    "questions": (
        ("Concerts au tiers-lieu : faut-il une licence d'entrepreneur de spectacles ?",
         "On organise de plus en plus de concerts (six l'an dernier). Faut-il une licence d'entrepreneur de "
         "spectacles ? Et comment gérer les droits d'auteur ?"),
        ("Résidences d'artistes en milieu rural : comment les financer ?",
         "On a un petit logement au-dessus de l'atelier et on aimerait accueillir des artistes en résidence "
         "deux ou trois fois par an. Qui finance quoi ? Combien rémunérer l'artiste ?"),
        ("Comment faire venir du public à une exposition ?",
         "Notre dernière expo était superbe… et presque vide. Vernissage compris. Qu'est-ce qui marche pour "
         "faire venir les habitants ?"),
        ("Projets croisés culture et médiation numérique : des exemples ?",
         "On aimerait monter un projet qui mêle médiation numérique et pratique artistique (création sonore, "
         "vidéo, podcast). Des exemples ou des artistes à recommander ?"),
        ("Projection de films : quelles autorisations ?",
         "On voudrait organiser un ciné-club mensuel. Comment obtenir les droits de diffusion ? Quels coûts ?"),
        ("Travailler avec la médiathèque sans se marcher dessus",
         "La médiathèque du village propose aussi des ateliers numériques et des animations. On sent une "
         "forme de concurrence. Comment avez-vous trouvé votre place ?"),
        ("Scène ouverte : gérer le son avec peu de moyens",
         "On lance une scène ouverte mensuelle au café associatif. Quel matériel son minimum, et qui s'en "
         "occupe ?"),
        ("Fête du tiers-lieu : combien de temps de préparation ?",
         "On veut organiser notre première grande fête pour les cinq ans du lieu, en juin. Combien de temps "
         "avant faut-il s'y mettre ? Quelles autorisations ?"),
        ("Numériser les archives photo du village",
         "Les anciens du village ont des centaines de photos et de cartes postales. On aimerait les numériser "
         "et monter une exposition. Matériel, droits, méthode ?"),
        ("Programmer sans budget : vos astuces ?",
         "Notre budget culturel annuel est quasi nul. Comment proposez-vous une programmation de qualité "
         "sans moyens, et sans faire travailler les artistes gratuitement ?"),
    ),
    "discussions": (
        ("Retour sur notre premier festival : chiffres, galères et joies",
         "Deux jours, {n_grand} bénévoles, une pluie diluvienne le samedi et un dimanche magique. Je vous "
         "raconte tout, budget compris."),
        ("Notre programme de résidences d'artistes : appel à candidatures",
         "On ouvre deux résidences de création pour l'automne, avec un temps de médiation auprès des "
         "habitants. Les conditions sont détaillées ci-dessous."),
        ("Une expo photo réalisée avec les habitants du quartier",
         "Pendant six mois, un photographe a accompagné vingt habitants du quartier. L'expo vient d'ouvrir et "
         "on voulait partager la démarche."),
        ("Ce qui a raté : la soirée théâtre où personne n'est venu",
         "Une compagnie formidable, une soirée bien préparée… et onze spectateurs. On a fait l'autopsie de "
         "l'échec, je partage nos conclusions."),
    ),
    "families": (
        ("Soirée {t_genre} {a_fabrique} : on cherche des groupes",
         "On organise une soirée {t_genre} {saison} et on cherche des groupes ou musiciens amateurs du coin. "
         "Défraiement, repas et public chaleureux garantis !", "event"),
        ("Exposition « {t_expo} » : appel à contributions",
         "On prépare une exposition participative intitulée « {t_expo} » et on cherche des contributions "
         "d'habitants : photos, objets, témoignages. Toutes les fabriques peuvent participer.", "event"),
        ("Festival {de_fabrique} : appel à bénévoles",
         "Notre festival revient {saison} ! On cherche des bénévoles pour la buvette, l'accueil, le montage et "
         "le démontage. Hébergement possible chez l'habitant pour celles et ceux qui viennent de loin.", "event"),
    ),
    "advice": (
        "Au-delà de six représentations par an, la licence d'entrepreneur de spectacles devient obligatoire. En "
        "dessous, une déclaration suffit. Pour la musique, pensez aussi à déclarer chaque événement aux "
        "sociétés d'auteurs.",
        "Pour les projections, passez par un distributeur spécialisé dans le non-commercial : les droits "
        "coûtent entre 100 et 200 € par séance selon le film.",
        "Une résidence d'artiste, ça se finance à plusieurs : les services culturels de l'État pour la "
        "création, le Département pour l'action culturelle, et vous pour l'hébergement et le lieu. L'artiste "
        "doit être rémunéré pour le temps passé avec les habitants.",
        "Pour faire venir du monde à une expo, faites participer les gens à sa création. Une expo faite par "
        "vingt habitants, c'est vingt familles au vernissage.",
        "Avec la médiathèque, on s'est réparti les rôles : elle garde la lecture et le prêt, nous la "
        "fabrication et la médiation numérique. Et on organise un événement commun chaque trimestre.",
        "Pour une scène ouverte, une petite table de mixage et deux enceintes actives suffisent. Le plus "
        "important, c'est un bénévole qui sait s'en servir et qui reste derrière toute la soirée.",
        "Pour numériser des photos anciennes : un bon scanner à plat, un tableur pour l'inventaire, et surtout "
        "un formulaire de cession de droits signé par chaque prêteur.",
        "Comptez trois mois de préparation pour une fête qui réunit plusieurs centaines de personnes : "
        "autorisations, buvette, sécurité, bénévoles, communication.",
        "Les projets croisés art et numérique marchent très bien avec les ados : musique sur tablette, stop "
        "motion, podcast. Notre podcast monté avec le collège passe sur la radio associative locale.",
        "Pour les artistes en coworking, on applique un tarif réduit en échange d'un atelier ouvert par "
        "trimestre. Tout le monde y gagne.",
        "Ne programmez pas en concurrence avec le club de foot ou la fête du village voisin : en rural, tout le "
        "monde va au même endroit le même soir.",
        "Sans budget, misez sur les échanges : une salle et un public contre une répétition publique ou une "
        "sortie de résidence. Et mutualisez les tournées avec les lieux voisins pour partager les cachets.",
        "Le bouche-à-oreille reste imbattable pour la culture : chez nous, chaque bénévole s'engage à venir "
        "avec deux personnes qui ne connaissent pas le lieu.",
    ),
    "items": (
        "un formulaire de cession de droits pour chaque prêteur", "un bénévole dédié au son",
        "une déclaration aux sociétés d'auteurs avant chaque concert",
        "un événement commun avec la médiathèque chaque trimestre", "une expo construite avec les habitants",
        "un tarif réduit pour les artistes en échange d'ateliers", "un vernissage le vendredi soir",
        "une buvette tenue par les bénévoles", "une tournée mutualisée avec les lieux voisins",
    ),
    "experiences": (
        "L'été dernier, notre soirée concert en plein air a réuni {n_grand} personnes, pour un budget de "
        "{montant_petit}. La buvette a tout remboursé.",
        "{A_fabrique}, l'exposition de photos des habitants est restée trois mois, et elle tourne maintenant "
        "dans les médiathèques du département.",
        "Notre dernière scène ouverte a réuni {n_grand} personnes et {n} musiciens amateurs, dont un groupe de "
        "collégiens qui jouait pour la première fois en public.",
        "Le ciné-club {de_fabrique} tourne depuis {duree} : une séance par mois, en moyenne {n_grand} "
        "spectateurs, et un débat après chaque film.",
        "En {mois}, on a accueilli une illustratrice en résidence pendant trois semaines. Elle a animé {n} "
        "ateliers avec l'école, et la fresque est toujours sur le mur du préau.",
    ),
    "outcomes": (
        "la première séance du ciné-club a eu lieu : {n_grand} personnes ! Les droits sont passés par un "
        "distributeur non commercial, comme conseillé.",
        "l'expo de photos anciennes a été inaugurée en {mois}, avec les formulaires de cession de droits signés "
        "par tous les prêteurs.",
        "la scène ouverte tourne tous les mois, avec une table de mixage prêtée par l'école de musique.",
    ),
}

TOPICS["formation"] = {
    "questions": (
        ("Devenir organisme de formation : Qualiopi, ça vaut le coup ?",
         "On propose de plus en plus de formations (découpe laser, bureautique, réseaux sociaux). Les "
         "entreprises demandent si elles peuvent les faire financer. Faut-il se lancer dans Qualiopi ?"),
        ("Former les bénévoles à l'accueil du public",
         "Nos bénévoles tiennent l'accueil deux jours par semaine. Certains se sentent démunis face à des "
         "situations tendues. Vous les formez comment ?"),
        ("Former les élus et les secrétaires de mairie au numérique",
         "Une communauté de communes nous demande de former ses élus et ses secrétaires de mairie aux outils "
         "numériques. Quel contenu, quelle durée, quel tarif ?"),
        ("Quel format pour une formation « découpe laser » ?",
         "On veut proposer une formation d'initiation à la découpe laser. Durée, nombre de participants, "
         "contenu : qu'est-ce qui marche ?"),
        ("Accueillir des stagiaires : quelles conventions, quelles missions ?",
         "On reçoit de plus en plus de demandes de stage (BTS, licence pro, master). Quelles obligations, et "
         "quelles missions leur confier pour que ce soit utile aux deux parties ?"),
        ("Formations à distance : quels outils libres pour la visio ?",
         "On voudrait proposer certaines formations en visio, sans dépendre des grandes plateformes. Qu'est-ce "
         "que vous utilisez ?"),
        ("Un parcours pour des jeunes sortis du système scolaire",
         "Avec la mission locale, on voudrait proposer un parcours de trois mois autour de la fabrication "
         "numérique pour des jeunes décrocheurs. Des exemples de parcours qui ont fonctionné ?"),
        ("Former de futurs fabmanagers : quels contenus essentiels ?",
         "On nous sollicite pour accueillir des personnes en reconversion vers le métier de fabmanager. Quels "
         "contenus vous semblent indispensables ?"),
        ("Badges numériques : reconnaître les compétences acquises au tiers-lieu",
         "On aimerait valoriser les compétences acquises par les bénévoles et les usagers. Les badges "
         "numériques, ça vous parle ? Les employeurs les reconnaissent-ils ?"),
        ("Combien facturer une journée de formation ?",
         "Pour une journée de formation (7 h) dans une entreprise, quel tarif pratiquez-vous ? Et pour une "
         "collectivité ou une association ?"),
        ("Formation continue des médiateurs : comment dégager du temps ?",
         "Notre équipe de médiation est sous l'eau et la formation passe toujours après l'urgence. Comment "
         "protégez-vous du temps pour vous former ?"),
    ),
    "discussions": (
        ("Retour d'expérience : notre certification Qualiopi, étape par étape",
         "On vient d'obtenir la certification après huit mois de préparation. Je partage notre calendrier, "
         "nos documents et les questions de l'audit."),
        ("Programme de formation « Animer un atelier numérique » à partager",
         "On a conçu une formation de deux jours pour les bénévoles qui animent des ateliers. Le programme est "
         "libre de droits, reprenez-le."),
        ("Mauvaise expérience : la formation que personne n'a suivie jusqu'au bout",
         "Un cycle de dix séances, quinze inscrits au départ, trois à la fin. On a analysé ce qui n'a pas "
         "fonctionné."),
    ),
    "families": (
        ("Retour sur la formation {t_sujet} organisée à {ville}",
         "On a accueilli une session de formation en {t_sujet} le mois dernier. Voici le programme, le bilan et "
         "ce qu'on changerait pour la prochaine fois.", "report"),
        ("Cherche formateur ou formatrice en {t_sujet} autour de {ville}",
         "On cherche une personne pour animer une session en {t_sujet} pour nos adhérents, idéalement dans un "
         "rayon d'une heure autour de {ville}. Vous avez des contacts à recommander ?", "question"),
        ("Formation « Animer un atelier numérique » à {ville} en {t_mois}",
         "On organise deux jours de formation en {t_mois} pour les bénévoles et salariés qui animent des "
         "ateliers numériques. Gratuit pour les membres des fabriques, places limitées à douze.", "event"),
    ),
    "advice": (
        "Qualiopi, c'est lourd la première année (six mois de préparation chez nous, un audit de deux jours), "
        "mais ensuite ça ouvre les financements de la formation professionnelle. Au-delà de 20 000 € de "
        "formations par an, ça vaut le coup.",
        "Une alternative à Qualiopi : s'associer à un organisme de formation déjà certifié qui porte "
        "administrativement vos sessions. Vous êtes sous-traitant, il prend une commission.",
        "Pour les élus, deux demi-journées espacées de trois semaines valent mieux qu'une journée entière. Ils "
        "testent entre les deux séances et reviennent avec de vraies questions.",
        "Sur une formation découpe laser, on fait : une heure de sécurité et de réglages, deux heures de dessin "
        "vectoriel, puis chacun repart avec un objet fabriqué. Six personnes au maximum.",
        "Pour les stagiaires, la convention est signée par l'établissement, par vous et par l'étudiant. Au-delà "
        "de deux mois, la gratification est obligatoire. Donnez-leur une vraie mission avec un livrable, pas du "
        "rangement.",
        "Pour la visio, on utilise un outil libre hébergé par une association du réseau. Ça marche très bien "
        "jusqu'à une vingtaine de personnes.",
        "Avec des jeunes décrocheurs, le parcours doit aboutir à quelque chose de visible : un objet, une "
        "exposition, un petit chantier pour une association. Les cours théoriques, c'est ce qu'ils ont fui.",
        "Pour une journée en intra, on est autour de 900 à 1 200 € pour une entreprise, et de 600 à 800 € pour "
        "une collectivité ou une association. Plus les frais de déplacement.",
        "Les badges numériques valorisent des compétences que les diplômes ignorent. Mais il faut que les "
        "employeurs du territoire les connaissent, sinon ça reste symbolique.",
        "Formez les bénévoles à l'accueil avec des mises en situation : une personne en colère, une personne "
        "perdue, une personne qui ne parle pas français. Une demi-journée suffit et ça rassure énormément.",
        "Pour qu'une formation soit suivie jusqu'au bout, limitez le nombre de séances et donnez toutes les "
        "dates dès l'inscription. Les cycles « à la carte » se vident au bout de trois semaines.",
        "Faites un questionnaire de positionnement avant la formation : ça évite d'avoir dans le même groupe "
        "quelqu'un qui découvre la souris et quelqu'un qui veut apprendre les macros d'un tableur.",
        "Bloquez la formation dans l'agenda comme un rendez-vous avec un usager : une demi-journée par mois, "
        "non négociable. Sinon l'urgence gagne toujours.",
        "Pour les futurs fabmanagers : sécurité des machines, maintenance de base, accueil des publics et "
        "gestion d'un planning. La technique s'apprend vite, la posture d'accueil beaucoup moins.",
    ),
    "items": (
        "un questionnaire de positionnement avant la session", "six personnes maximum par machine",
        "des supports imprimés à emporter", "un objet fabriqué par chaque participant",
        "toutes les dates fixées dès l'inscription", "une évaluation à chaud et une autre un mois après",
        "des mises en situation pour les bénévoles", "deux demi-journées plutôt qu'une journée entière",
        "une demi-journée de formation par mois bloquée dans l'agenda",
    ),
    "experiences": (
        "On a testé les formations en visio pendant {duree}. Résultat : très bien pour les pros, beaucoup "
        "d'abandons chez les bénévoles. On est revenus au présentiel pour eux.",
        "Notre dernière session découpe laser a réuni {n} personnes, dont deux artisans qui sont devenus "
        "adhérents depuis.",
        "L'an dernier, on a formé {n_grand} personnes, dont {n} secrétaires de mairie. Les retours étaient si bons "
        "que l'intercommunalité a reconduit pour deux ans.",
        "Notre certification Qualiopi nous a pris {duree}. Le plus dur : formaliser ce qu'on faisait déjà, "
        "avec des preuves pour chaque indicateur.",
        "{A_fabrique}, on accueille {n_petit} stagiaires par an. La dernière a conçu toute la signalétique du "
        "lieu à la découpeuse laser.",
    ),
    "outcomes": (
        "on passe finalement par un organisme certifié partenaire plutôt que de se lancer seuls dans Qualiopi. "
        "Première session financée en {mois}.",
        "la formation des élus a eu lieu en deux demi-journées, comme conseillé ici. Très bons retours, une "
        "deuxième session est prévue.",
        "on a fait la demi-journée de mises en situation avec les bénévoles de l'accueil. Ils se sentent "
        "beaucoup plus à l'aise.",
    ),
}

TOPICS["collectivites"] = {
    "questions": (
        ("Changement de majorité municipale : comment préserver le partenariat ?",
         "Les élections approchent et la future équipe ne connaît pas notre projet. Comment avez-vous préparé "
         "la transition avec une nouvelle municipalité ?"),
        ("Présenter le tiers-lieu en conseil communautaire : conseils ?",
         "On a dix minutes devant le conseil communautaire le mois prochain pour présenter notre bilan. Comment "
         "convaincre des élus qui ne sont jamais venus ?"),
        ("Locaux mis à disposition par la commune : convention ou bail ?",
         "La commune nous prête un bâtiment depuis trois ans, sans aucun écrit. On aimerait sécuriser tout ça. "
         "Convention d'occupation, bail, autre chose ?"),
        ("Les élus nous voient comme un prestataire : comment changer ça ?",
         "La commune nous demande de plus en plus de services (animations, permanences) sans que le soutien "
         "financier suive. On a l'impression d'être un prestataire à bas coût. Comment avez-vous posé les "
         "limites ?"),
        ("Faire venir les élus au tiers-lieu",
         "On invite les élus à chaque événement, ils ne viennent jamais. Qu'est-ce qui a marché chez vous ?"),
        ("Répondre à un marché public quand on est une association",
         "L'intercommunalité a lancé un marché public pour des ateliers de médiation numérique. On est les "
         "seuls à le faire sur le territoire, mais on n'a jamais répondu à un marché. Des conseils ?"),
        ("Rapport d'activité pour les collectivités : quel format ?",
         "Chaque financeur veut son propre format de bilan. On y passe un temps fou. Comment rationalisez-vous "
         "les rapports d'activité ?"),
        ("L'intercommunalité veut ouvrir son propre espace numérique à côté de chez nous",
         "Notre intercommunalité annonce l'ouverture d'un espace numérique en régie, à cinq kilomètres. Comment "
         "éviter la concurrence et proposer une complémentarité ?"),
        ("Subvention de fonctionnement pluriannuelle de la Région : qui l'a obtenue ?",
         "On entend dire que la Région soutient le fonctionnement de certains tiers-lieux sur plusieurs "
         "années. Quelqu'un est concerné ? Comment ça s'est passé ?"),
        ("Siéger dans les instances locales : est-ce que ça sert ?",
         "On nous propose de siéger au conseil de développement du territoire et dans deux comités de "
         "pilotage. C'est chronophage. Est-ce que ça vaut le coup ?"),
        ("Secrétaires de mairie : comment travailler avec elles et eux ?",
         "On a compris que les secrétaires de mairie étaient centraux dans les petites communes. Comment "
         "travaillez-vous avec elles et eux ?"),
        ("Présenter le tiers-lieu aux services de l'État",
         "On a rendez-vous avec la sous-préfecture pour présenter notre projet. Quel angle adopter, quels "
         "documents apporter ?"),
        ("La collectivité veut tout évaluer : comment garder la main sur les indicateurs ?",
         "Notre nouvelle convention prévoit une évaluation annuelle très détaillée. On craint de passer plus "
         "de temps à compter qu'à faire. Comment négociez-vous ce point ?"),
    ),
    "discussions": (
        ("Retour d'expérience : notre convention tripartite commune, interco, association",
         "Après un an de négociation, on a signé une convention à trois. Je vous explique le montage et ce "
         "que chacun y gagne."),
        ("Mauvaise expérience : l'élu qui voulait faire du tiers-lieu sa vitrine",
         "On a vécu une année compliquée avec un élu très (trop) présent. Je partage ce qu'on a appris, "
         "sans nommer personne évidemment."),
        ("Notre rapport d'activité en une page (modèle)",
         "On a réussi à faire tenir notre bilan annuel sur un recto-verso, et les élus le lisent enfin. "
         "Voici la structure."),
        ("Rencontre élus et tiers-lieux à la préfecture : compte rendu",
         "J'étais à la rencontre entre élus et tiers-lieux organisée à la préfecture. Voici mes notes, "
         "forcément partielles."),
    ),
    "families": (
        ("Rendez-vous avec les élus de {ville} : comment le préparer ?",
         "On a enfin obtenu un rendez-vous avec le maire et deux adjoints. Une heure pour présenter le lieu et "
         "demander un soutien. Comment préparez-vous ce genre de rencontre ?", "question"),
        ("Convention avec {t_collectivite} : relecture bienvenue",
         "On négocie une convention avec {t_collectivite}. Avant de signer, j'aimerais l'avis de celles et ceux "
         "qui sont passés par là : quels points doivent absolument y figurer ?", "question"),
        ("Atelier « budget participatif » avec les élus de {ville}",
         "On coanime avec la mairie de {ville} un atelier pour aider les habitants à déposer des projets au "
         "budget participatif. Si vous avez déjà fait l'exercice, vos conseils sont bienvenus.", "event"),
    ),
    "advice": (
        "Avant les élections, on a invité toutes les listes candidates à visiter le lieu, sans exception. Ça "
        "nous a protégés de toute récupération, et la nouvelle équipe nous connaissait déjà le jour de son "
        "installation.",
        "Dix minutes devant des élus, c'est deux chiffres, une histoire et une demande. Une habitante qui "
        "raconte en deux minutes ce que le lieu a changé pour elle vaut tous les graphiques.",
        "Pour les locaux, une **convention d'occupation** est plus souple qu'un bail, mais elle est précaire. "
        "Faites préciser la durée, les conditions de résiliation et qui prend en charge les gros travaux.",
        "Quand une collectivité demande un nouveau service, on répond toujours par un devis, même si on sait "
        "qu'il sera en partie couvert par la subvention. Ça rend visible le coût réel de ce qu'on fait.",
        "Les élus viennent quand on les invite à faire quelque chose, pas à regarder : couper un ruban, "
        "remettre les attestations d'un atelier, tenir la buvette à la fête du lieu.",
        "Pour un marché public, lisez attentivement le règlement de consultation et respectez le format "
        "demandé à la lettre. Un dossier incomplet est éliminé, même si vous êtes les meilleurs.",
        "Le rapport d'activité, on le fait en deux versions : un recto-verso avec les chiffres clés et des "
        "photos pour les élus, et un document complet pour les services.",
        "Face au projet concurrent de l'interco, on a proposé d'animer leur espace une demi-journée par "
        "semaine. Ils avaient le local, nous les compétences. Le projet est devenu commun.",
        "Les secrétaires de mairie savent tout ce qui se passe dans le village et orientent les gens. Une "
        "rencontre annuelle avec elles et eux, autour d'un café, c'est notre meilleur investissement.",
        "Le conseil de développement, c'est chronophage, mais c'est là qu'on rencontre les techniciens de "
        "l'interco et qu'on apprend les projets avant qu'ils ne soient décidés.",
        "Avec les services de l'État, parlez le langage des politiques publiques : inclusion numérique, "
        "revitalisation des centres-bourgs, emploi. Le tiers-lieu devient une réponse à leurs objectifs.",
        "Une convention tripartite évite le ping-pong entre collectivités : chacune sait ce qu'elle finance, et "
        "personne ne peut renvoyer la balle à l'autre.",
        "Ne vous laissez pas enfermer dans le rôle de prestataire : rappelez régulièrement aux élus que le "
        "projet est porté par des habitants, et invitez-les à l'assemblée générale.",
        "Sur l'évaluation, proposez vous-mêmes vos indicateurs avant qu'on vous les impose. Cinq indicateurs "
        "bien choisis valent mieux que trente qu'on remplit à la va-vite.",
        "La collectivité n'est pas un bloc : les élus, les services techniques et le cabinet du maire n'ont pas "
        "les mêmes attentes. Identifiez une personne relais dans chaque sphère.",
    ),
    "items": (
        "une visite du lieu pour chaque liste candidate", "un rapport d'activité recto-verso avec des photos",
        "une rencontre annuelle avec les secrétaires de mairie", "un devis pour chaque nouveau service demandé",
        "un comité de suivi deux fois par an", "le témoignage d'une habitante en conseil communautaire",
        "une convention tripartite commune, interco, association", "cinq indicateurs proposés par nous-mêmes",
    ),
    "experiences": (
        "Chez nous, le comité de suivi avec la commune se réunit deux fois par an, en {mois} et en décembre. "
        "Une heure, un ordre du jour court, et les élus repartent avec une photo du lieu plein de monde.",
        "L'an dernier, l'intercommunalité nous a demandé un bilan en urgence pour un conseil communautaire. On "
        "avait notre recto-verso prêt : ça nous a valu une subvention de {montant} sur deux ans.",
        "{A_fabrique}, on invite chaque nouvel élu à une visite guidée d'une heure. En {duree}, on a reçu "
        "{n} élus, dont le président de l'intercommunalité.",
        "Après les dernières municipales, on a rencontré la nouvelle équipe dès {mois}. En {duree}, la subvention "
        "communale est passée de {montant_petit} à {montant}, parce qu'on a su montrer ce que le lieu apportait.",
        "À {ville}, le maire est venu pour la première fois à la fête du lieu et a tenu la buvette pendant deux "
        "heures. Depuis, il parle de nous à chaque conseil municipal.",
        "Notre convention avec l'intercommunalité court sur {n_petit} ans. On présente un bilan chaque année en "
        "commission, avec {n} indicateurs qu'on a choisis ensemble.",
    ),
    "outcomes": (
        "la présentation en conseil communautaire s'est bien passée, avec le témoignage d'une habitante comme "
        "suggéré. La subvention est reconduite.",
        "on a signé une convention d'occupation de six ans avec la commune, avec une clause sur les gros travaux.",
        "toutes les listes sont venues visiter le lieu. Quelle que soit l'issue du scrutin, on part sur de "
        "bonnes bases.",
    ),
}

TOPICS["fablab"] = {
    "questions": (
        ("Quelle imprimante 3D pour un fablab qui démarre ?",
         "On a un budget d'environ 1 500 € pour une première imprimante 3D. Elle sera utilisée par des "
         "débutants, des enfants et quelques makers confirmés. Quel modèle recommandez-vous ?"),
        ("Découpeuse laser : extraction des fumées et sécurité",
         "On vient d'acheter une découpeuse laser et on hésite sur l'extraction : gaine vers l'extérieur ou "
         "filtre ? Et quelles règles de sécurité affichez-vous ?"),
        ("Former les usagers avant l'utilisation des machines : vous faites comment ?",
         "On voudrait rendre les machines accessibles en autonomie, mais seulement aux personnes formées. "
         "Comment gérez-vous les habilitations ? Badge, carnet, liste ?"),
        ("Maintenance de la découpeuse laser : qui s'en occupe ?",
         "Notre laser a de moins en moins de puissance et personne ne sait vraiment l'entretenir. Quelle "
         "routine de maintenance suivez-vous ?"),
        ("Tarifs d'utilisation des machines : à l'heure, au forfait ?",
         "On hésite entre un tarif horaire par machine et un forfait mensuel. Qu'est-ce qui marche le mieux "
         "chez vous, pour les particuliers comme pour les pros ?"),
        ("Monter un projet de technologie avec le collège",
         "Le professeur de technologie du collège voisin voudrait venir au fablab avec ses classes. Quel "
         "projet sur l'année, avec quelle organisation ?"),
        ("Que faire des impressions 3D ratées ?",
         "On remplit un carton de plastique raté par mois. Recyclage, broyage, filament maison : des "
         "solutions réalistes ?"),
        ("Brodeuse numérique : vraiment utile dans un fablab ?",
         "On nous propose une brodeuse numérique d'occasion. Est-ce que ça attire du monde, ou est-ce que ça "
         "finit dans un coin ?"),
        ("Assurance des machines et responsabilité en cas d'accident",
         "Si un usager se blesse sur une machine pendant un créneau en autonomie, qui est responsable ? Votre "
         "assurance couvre-t-elle ce cas ?"),
        ("Organiser un repair café : par où commencer ?",
         "On voudrait lancer un repair café mensuel au fablab. Bénévoles, outillage, règles : quelle est la "
         "recette ?"),
        ("Logiciels libres pour la conception 2D et 3D : lesquels enseigner ?",
         "Pour nos ateliers d'initiation, on voudrait s'appuyer uniquement sur des logiciels libres. Lesquels "
         "enseignez-vous, et dans quel ordre ?"),
        ("Fraiseuse CNC pour le bois dans un petit atelier",
         "On rêve d'une fraiseuse CNC pour fabriquer du mobilier. Mais notre atelier fait 40 m² et il y a des "
         "voisins. Quel type de machine, et quelles précautions ?"),
        ("Open lab du samedi : comment encadrer sans fabmanager ?",
         "Notre fabmanager ne travaille pas le week-end, mais la demande est forte le samedi. Comment "
         "organisez-vous les créneaux ouverts sans salarié ?"),
        ("Prêt de machines entre fablabs : des expériences ?",
         "On a une découpeuse vinyle qui sert peu, et on aurait besoin ponctuellement d'une brodeuse. Vous "
         "pratiquez le prêt de matériel entre fabriques ? Avec quelles règles ?"),
    ),
    "discussions": (
        ("Mauvaise expérience : départ de feu dans notre découpeuse laser",
         "Rien de grave au final, mais on a eu très peur. Je raconte ce qui s'est passé et ce qu'on a changé "
         "depuis, pour que ça n'arrive pas chez vous."),
        ("Nos fiches d'habilitation machines (à réutiliser)",
         "On a rédigé une fiche par machine : risques, réglages, vérifications avant et après. Elles sont "
         "libres, adaptez-les."),
        ("Retour sur un an de repair café : chiffres et anecdotes",
         "Douze séances, des centaines d'objets, quelques victoires mémorables (et un grille-pain "
         "irrécupérable). Le bilan."),
        ("Bilan du défi « fabriquer le mobilier du tiers-lieu »",
         "Pendant trois mois, les adhérents ont conçu et fabriqué les tables, étagères et panneaux du lieu. "
         "Voici ce que ça a donné."),
    ),
    "families": (
        ("Repair café géant à {ville} le {t_jour_num} {t_mois}",
         "On organise un repair café géant le {t_jour_num} {t_mois}, avec une vingtaine de réparateurs "
         "bénévoles, un atelier vélo et un stand couture. Si votre fabrique veut tenir une table, c'est avec "
         "plaisir !", "event"),
        ("{T_machine} : retour d'expérience après un an d'utilisation",
         "Ça fait un an que notre {t_machine} est arrivée au fablab. Je partage ce qu'on en fait vraiment, les "
         "pannes, et l'usage réel par les adhérents.", "report"),
        ("Cherche {t_machine} à emprunter autour de {ville}",
         "On a un projet avec une école qui nécessite une {t_machine} pendant une quinzaine de jours. Une "
         "fabrique pas trop loin de {ville} pourrait-elle nous en prêter une ? On viendrait la chercher.", "loan"),
    ),
    "advice": (
        "Pour démarrer, prenez une imprimante 3D robuste et bien documentée plutôt que la plus rapide. Avec des "
        "débutants, ce qui compte, c'est une grande communauté d'utilisateurs et des pièces faciles à trouver.",
        "Une découpeuse laser sans extraction vers l'extérieur, c'est non. Prévoyez une gaine vers l'extérieur "
        "ou un filtre à charbon actif, et un extincteur CO₂ à portée de main.",
        "**Ne laissez jamais une découpe laser sans surveillance**, même cinq minutes. Notre seul incident est "
        "arrivé pendant qu'un usager était allé chercher un café.",
        "Pour les habilitations, on utilise un carnet machine : une formation d'une heure par machine, signée "
        "par le fabmanager, et la liste des personnes habilitées affichée à côté de chaque machine.",
        "Maintenance de la laser : nettoyage de l'optique chaque semaine, vérification de l'alignement chaque "
        "mois. On a formé trois bénévoles pour que ça ne repose pas sur une seule personne.",
        "Nos tarifs : une adhésion annuelle, puis le prix des consommables seulement (au poids pour le "
        "filament, à la plaque pour le bois). Le temps machine est gratuit pour les adhérents.",
        "Avec le collège, on a monté un projet sur l'année : les élèves conçoivent des nichoirs en classe, les "
        "découpent au fablab, puis les installent dans le jardin partagé.",
        "Les impressions ratées, on les collecte dans un bac. Une fois par an, un lycée technique les broie et "
        "en refait du filament. C'est symbolique, mais très pédagogique.",
        "La brodeuse numérique attire un public qui ne viendrait jamais au fablab : couturières, clubs sportifs, "
        "parents qui veulent des étiquettes. C'est une excellente porte d'entrée.",
        "Vérifiez avec votre assureur que les machines sont couvertes, et que la responsabilité civile inclut "
        "l'usage par des personnes non salariées. Une charte d'utilisation signée par chaque usager est "
        "indispensable.",
        "Pour un repair café, il faut surtout des bénévoles qui savent réparer et des règles claires : la "
        "personne reste pendant la réparation, on ne garantit rien, et on ne touche pas aux appareils "
        "dangereux.",
        "Pour la 2D, Inkscape ; pour la 3D, un outil en ligne très simple pour les débutants, puis FreeCAD. "
        "Blender pour celles et ceux qui veulent des formes organiques. Surtout, n'enseignez pas tout en même "
        "temps.",
        "Pour l'open lab du samedi, on a formé des « référents bénévoles » qui ouvrent et tiennent l'atelier. "
        "Seules les machines simples sont accessibles quand le fabmanager n'est pas là.",
        "On prête déjà notre découpeuse vinyle et nos kits Arduino à deux tiers-lieux voisins : une convention "
        "d'une page, une caution symbolique, et un état des lieux au départ et au retour.",
        "Pour une fraiseuse CNC destinée au bois, privilégiez un bâti rigide et une aspiration intégrée. Le "
        "bruit et la poussière sont les vrais sujets dans un petit atelier, bien plus que la précision.",
        "Les défis de fabrication collective (mobilier, signalétique) sont un excellent moyen de former sans "
        "cours : on apprend en faisant quelque chose d'utile au lieu.",
        "Pour l'imprimante 3D, achetez d'emblée une deuxième buse et un plateau de rechange. Ça évite trois "
        "semaines d'arrêt à la première casse.",
        "Affichez les règles de sécurité sous forme de pictogrammes près de chaque machine, pas dans un "
        "classeur. Personne ne lit le classeur.",
    ),
    "items": (
        "un carnet d'habilitation par machine", "un extincteur CO₂ à côté de la laser",
        "une charte d'utilisation signée", "le temps machine gratuit pour les adhérents",
        "des consommables vendus à prix coûtant", "des référents bénévoles le samedi",
        "un bac pour les impressions ratées", "une convention de prêt d'une page",
        "une formation d'une heure par machine", "un planning de réservation des machines",
        "un nettoyage de l'optique chaque semaine", "des pictogrammes de sécurité près de chaque machine",
    ),
    "experiences": (
        "En {mois}, notre découpeuse laser a pris feu pendant une découpe de contreplaqué. Heureusement, "
        "l'extincteur était à côté. Depuis, la règle est simple : jamais sans surveillance.",
        "Notre repair café, c'est un samedi par mois depuis {duree} : environ {n_grand} objets apportés à chaque "
        "fois, et près des deux tiers réparés.",
        "On a imprimé en 3D {n_grand} pièces détachées l'an dernier pour des habitants : poignées, clips, "
        "engrenages d'électroménager. C'est notre activité la plus populaire.",
        "{A_fabrique}, la {machine} tourne surtout {jour_pl}, quand les bénévoles sont là pour accompagner les "
        "débutants.",
        "On prête notre {machine} à {n_petit} lieux voisins. En {duree}, aucun incident, juste un câble oublié "
        "qu'on a récupéré la semaine suivante.",
    ),
    "outcomes": (
        "on a pris l'imprimante 3D recommandée ici, elle tourne depuis trois mois sans panne majeure. Les "
        "enfants adorent.",
        "on a installé l'extraction vers l'extérieur et acheté un extincteur CO₂. La laser est de nouveau en "
        "service.",
        "les carnets d'habilitation sont en place : {n_grand} usagers formés en deux mois.",
        "premier repair café le mois dernier : {n} objets réparés, et une liste d'attente pour le suivant !",
        "la convention de prêt est signée avec deux fabriques voisines. La découpeuse vinyle part la semaine "
        "prochaine.",
    ),
}

TOPICS["forum"] = {
    "questions": (
        ("Comment être prévenu des réponses à mes sujets ?",
         "Petite question pratique : est-ce qu'il y a un moyen d'être averti quand quelqu'un répond à un sujet "
         "que j'ai lancé ? Je passe à côté de certaines réponses."),
        ("Peut-on créer une catégorie pour notre réseau régional ?",
         "On est une dizaine de fabriques dans la même région et on aimerait un espace pour nos échanges. "
         "C'est possible d'avoir une catégorie dédiée, ou vaut-il mieux utiliser les mots-clés ?"),
        ("Comment retrouver un ancien fil sur le financement ?",
         "Je me souviens d'un échange très complet sur le financement d'un poste de médiateur, mais impossible "
         "de remettre la main dessus. Des astuces pour chercher efficacement ?"),
        ("Peut-on joindre des fichiers aux messages ?",
         "J'aimerais partager notre modèle de convention, mais je ne vois pas comment joindre un fichier. "
         "Comment faites-vous ?"),
        ("Marquer une réponse comme solution : comment ça marche ?",
         "J'ai posé une question et j'ai reçu la réponse parfaite. Est-ce qu'on peut la signaler comme solution "
         "pour que les suivants la trouvent plus vite ?"),
        ("Modifier le nom de ma fabrique sur son profil",
         "Notre association vient de changer de nom. Comment mettre à jour la fiche de la fabrique ? Est-ce que "
         "les anciens messages suivront ?"),
    ),
    "discussions": (
        ("Idée : un fil mensuel des bonnes nouvelles",
         "On parle beaucoup de problèmes ici (c'est normal, c'est fait pour ça). Et si on ouvrait chaque mois "
         "un fil pour partager les bonnes nouvelles de nos fabriques ?"),
        ("Vos suggestions pour améliorer le forum",
         "Le forum a quelques mois maintenant. Qu'est-ce qui vous manque ? Qu'est-ce qui vous agace ? "
         "Toutes les remarques sont bienvenues, on les transmet à l'équipe."),
        ("Les bonnes nouvelles du mois dans nos fabriques",
         "Comme proposé dans un autre fil, voici le premier fil des bonnes nouvelles. Je commence : notre "
         "fabrique a enfin obtenu sa convention pluriannuelle !"),
        ("Ce forum remplace-t-il nos listes de diffusion ?",
         "Dans notre réseau, on échange encore beaucoup par listes de diffusion et groupes de messagerie. "
         "Comment articulez-vous ce forum avec vos outils existants ?"),
    ),
    "families": (),
    "advice": (
        "Pour retrouver un fil, tapez les mots comme ils vous viennent, avec ou sans accents : « tiers lieu rural "
        "modele economique » fonctionne aussi bien que la version correcte.",
        "Les modérateurs peuvent déplacer un sujet dans la bonne catégorie : n'hésitez pas à le leur signaler.",
        "Si une réponse vous a aidé, dites-le dans le fil : c'est aussi ce qui donne envie aux autres de "
        "répondre.",
        "Pour les échanges très locaux, un fil par département ou par réseau, avec un mot-clé commun, marche "
        "très bien.",
        "Pensez à compléter la fiche de votre fabrique : les autres membres s'en servent pour savoir qui "
        "contacter et ce qui peut se prêter.",
        "Une lettre mensuelle qui reprendrait les fils les plus utiles, ce serait précieux. Qui est pour ?",
        "Le plus simple est d'utiliser la recherche avec deux ou trois mots-clés, sans se soucier des accents "
        "ni du pluriel : elle retrouve aussi les passages dans les réponses.",
        "Pour partager un document, le mieux est de le déposer sur le site de votre fabrique ou sur un cloud, "
        "puis de coller le lien dans le message.",
        "Les mots-clés sont plus souples qu'une nouvelle catégorie : ajoutez le nom de votre région comme "
        "mot-clé, et tout le monde pourra suivre vos échanges.",
        "L'auteur d'une question peut indiquer la réponse qui l'a aidé : elle apparaît alors en tête du fil.",
        "Les responsables d'une fabrique peuvent modifier sa fiche à tout moment depuis la page de la fabrique. "
        "Les anciens messages restent rattachés à la fabrique, avec son nouveau nom.",
        "Pour les échanges du quotidien, la messagerie de votre réseau reste pratique ; le forum sert surtout "
        "pour ce qui mérite d'être retrouvé plus tard.",
        "Bonne idée ! Je la relaie à l'équipe d'animation du forum.",
        "Un conseil : donnez à vos sujets un titre qui ressemble à la question que quelqu'un taperait dans la "
        "recherche. C'est ce qui aide le plus les suivants.",
    ),
    "items": (
        "des titres qui ressemblent à une vraie question", "un ou deux mots-clés par sujet",
        "un lien plutôt qu'un long copier-coller", "une réponse marquée comme solution quand c'est réglé",
        "une recherche avant de poser une question",
    ),
    "experiences": (
        "Dans notre réseau, on a basculé les questions techniques sur le forum depuis {duree}. On retrouve enfin "
        "les réponses au lieu de les reposer tous les trois mois.",
        "Chez nous, on garde la messagerie instantanée pour l'organisation du quotidien, et on renvoie vers le "
        "forum dès qu'une question revient deux fois.",
        "J'ai retrouvé la semaine dernière un fil vieux d'un an qui répondait exactement à ma question. C'est "
        "exactement pour ça que ce forum est utile.",
        "{A_fabrique}, on a pris l'habitude de partager chaque mois une bonne nouvelle ici. Ça fait du bien au "
        "moral de l'équipe.",
    ),
    "outcomes": (
        "j'ai retrouvé le fil grâce à la recherche, merci !",
        "on a ajouté le nom de notre région en mot-clé, ça marche très bien.",
    ),
}

# -- Opening posts ---------------------------------------------------------------------------

OP_GREETINGS: tuple[str, ...] = (
    "Bonjour à toutes et à tous,", "Bonjour,", "Bonjour à tous,", "Salut tout le monde,", "Hello,",
    "Bonsoir,", "Bonjour la communauté,", "Bonjour à toutes et tous !", "", "", "",
)
OP_CONTEXT: dict[str, tuple[str, ...]] = {
    "rural": (
        "Je suis {job} {a_fabrique}, un tiers-lieu rural à {ville}.",
        "Petit contexte : nous sommes une association d'une trentaine de bénévoles actifs et {n_sal} salariés, "
        "dans un village de {hab} habitants.",
        "Chez nous, à {ville}, on anime un tiers-lieu depuis {duree}, dans une commune rurale où le bus passe "
        "deux fois par jour.",
        "Je vous écris depuis {fabrique}, à vingt-cinq minutes de la première ville un peu importante.",
        "Pour situer : {fabrique}, c'est {building} dans un bourg de {hab} habitants.",
    ),
    "qpv": (
        "Je travaille {a_fabrique}, dans un quartier prioritaire de {ville}.",
        "Pour situer : notre fabrique est installée au cœur du {quartier}, à {ville}, avec {n_sal} salariés et "
        "une belle équipe de bénévoles.",
        "Je suis {job} {a_fabrique}, dans le {quartier} ({ville}).",
        "Contexte : un tiers-lieu en QPV, {building}, ouvert depuis {duree}.",
    ),
    "urbain": (
        "Je coordonne une partie des activités {de_fabrique}, à {ville}.",
        "Notre tiers-lieu, en plein centre de {ville}, accueille chaque semaine des publics très différents.",
        "Je suis {job} {a_fabrique} ({ville}) : {building}, avec un coworking toujours plein.",
        "Pour le contexte : {fabrique}, à {ville}, une équipe de {n_sal} salariés et pas mal de bénévoles.",
    ),
    "network": (
        "J'anime le réseau régional des tiers-lieux, et cette question revient souvent dans nos rencontres.",
        "Je relaie ici une question posée lors de notre dernière rencontre régionale.",
    ),
    "none": (
        "Je ne fais partie d'aucune fabrique pour l'instant : je suis {job} et je prépare un projet de "
        "tiers-lieu près de {village}.",
        "Je suis {job}, et je me renseigne avant de lancer un projet avec quelques habitants de {village}.",
        "Je suis {job} ; je découvre le monde des tiers-lieux et j'ai beaucoup de questions.",
    ),
}
OP_TRIED_INTROS: tuple[str, ...] = (
    "Ce qu'on a déjà essayé :", "Pour l'instant, on a testé :", "Nos pistes actuelles :",
    "Ce qu'on a en tête :", "Ce qui est déjà en place :",
)
OP_CLOSERS: tuple[str, ...] = (
    "Merci d'avance pour vos retours !", "Toute expérience, bonne ou mauvaise, m'intéresse.",
    "Je suis {preneur} de tous les retours, même partiels.", "Merci pour vos lumières !",
    "Si vous avez des documents à partager, je prends aussi.", "D'avance merci, et au plaisir de vous lire.",
    "Les expériences qui ont mal tourné m'intéressent autant que les réussites !",
    "Merci !", "Belle journée à toutes et à tous.", "", "",
)
REPORT_SECTIONS: tuple[tuple[str, str], ...] = (
    ("Ce qui a marché :", "Ce qui a coincé :"),
    ("**Les points forts**", "**Les difficultés**"),
    ("Ce qu'on referait sans hésiter :", "Ce qu'on ferait autrement :"),
    ("Les bonnes surprises :", "Les moins bonnes :"),
)
REPORT_CLOSERS: tuple[str, ...] = (
    "Je réponds volontiers à vos questions.", "Si ça peut servir à d'autres, tant mieux !",
    "N'hésitez pas si vous voulez plus de détails, je peux aussi partager nos documents.",
    "{Curieux} de savoir si vous avez vécu la même chose.",
    "Vos retours m'intéressent, surtout si vous avez fait autrement.", "",
)

# -- Replies ---------------------------------------------------------------------------------

REPLY_GREETINGS: tuple[str, ...] = (
    "Bonjour {prenom_op},", "Salut {prenom_op} !", "Hello {prenom_op},", "Bonjour,", "Hello,",
    "Bonjour à tous,", "Salut,", "", "", "", "", "",
)
CONNECTORS: tuple[str, ...] = (
    "De notre côté, ", "Chez nous, ", "Pour compléter ce qui a été dit : ", "Autre piste : ",
    "Pour info, ", "Franchement, ", "Honnêtement, ", "D'expérience, ", "Je rejoins {prenom_prev} : ",
    "Petite nuance : ", "Ce qui a changé la donne pour nous : ", "Un conseil : ", "", "", "", "", "",
)
GENERIC_ADVICE: tuple[str, ...] = (
    "Avant de ⟦te lancer|vous lancer⟧, ⟦va|allez⟧ voir deux ou trois lieux qui l'ont déjà fait. Une demi-journée "
    "de visite vaut dix heures de lecture.",
    "Le réseau régional des tiers-lieux peut souvent mettre en relation avec des structures qui ont vécu la "
    "même situation. Ça vaut le coup de les appeler.",
    "Écrivez ce que vous décidez, même en trois lignes. Dans six mois, plus personne ne se souviendra des "
    "raisons du choix.",
    "Commencez petit, testez sur trois mois, puis ajustez. Les grands plans sur trois ans ne résistent jamais "
    "au terrain.",
    "Il faut aussi accepter que certaines choses ne marchent pas. On a arrêté deux activités l'an dernier, et "
    "c'était la bonne décision.",
    "Gardez une trace des chiffres dès le début (fréquentation, heures de bénévolat, coûts). C'est ce qu'on "
    "vous demandera en premier, et c'est impossible à reconstituer après coup.",
    "Ne portez pas ça seul·e : trouvez au moins une autre personne dans l'équipe qui s'approprie le sujet.",
    "⟦Pense|Pensez⟧ à demander aux habitants ce qu'ils en pensent avant de décider. Ils ont souvent des idées plus "
    "simples que les nôtres.",
    "Mutualiser avec les lieux voisins, c'est moins de travail pour chacun et plus de poids face aux "
    "financeurs.",
    "Le plus dur, c'est de tenir dans la durée. Prévoyez dès maintenant qui prendra le relais si la personne "
    "moteur s'en va.",
)
SHORT_REPLIES: tuple[str, ...] = (
    "Même question chez nous, je suis ce fil avec attention.",
    "Rien à ajouter, tout est dit. Merci {prenom_prev} pour la réponse très complète.",
    "On a eu exactement le même souci l'an dernier. Courage, ça se règle !",
    "Juste pour dire que ce fil m'a beaucoup servi. Merci à toutes et à tous.",
)
# Or, more often, an opening and a follow-up put together.
SHORT_OPENINGS: tuple[str, ...] = (
    "Même question chez nous.", "+1.", "Pareil ici.", "Très intéressant, merci pour le partage.",
    "Merci pour ce sujet.", "Je confirme ce qui a été dit plus haut.", "Excellent retour.",
    "Intéressé{e} aussi par les retours.", "Je plussoie !", "Ah, le sujet qui fâche…",
)
SHORT_FOLLOWS: tuple[str, ...] = (
    "Je suis ce fil avec attention.", "On vit exactement la même chose {a_fabrique}.",
    "Si quelqu'un a la solution miracle, on prend !", "Je le fais suivre à notre CA.",
    "Je garde ça sous le coude.", "On démarre un projet similaire {saison}.",
    "Il tombe à pic : on en parlait justement en réunion d'équipe {jour} dernier.",
    "Et ça vaut le coup d'en parler au réseau régional.", "C'est aussi notre expérience {a_fabrique}.",
    "Je m'abonne au sujet.", "On en discute en équipe la semaine prochaine.",
)
CLARIFY_QUESTIONS: tuple[str, ...] = (
    "Avant de ⟦te|vous⟧ répondre : combien de salariés êtes-vous, et sous quel statut ?",
    "⟦Tu parles|Vous parlez⟧ de quel budget, à peu près ?",
    "C'est pour quel public, principalement ?",
    "Vous êtes propriétaires des locaux ou locataires ? Ça change pas mal de choses.",
    "Question bête : la commune est-elle déjà partenaire, ou c'est à construire ?",
    "Quel est ⟦ton|votre⟧ calendrier ? Si c'est pour la rentrée, il faut se dépêcher.",
    "⟦Tu as|Vous avez⟧ déjà sollicité le réseau régional là-dessus ?",
    "Combien de personnes sont concernées, à la louche ?",
)
CLARIFY_ANSWERS: tuple[str, ...] = (
    "On est {n_sal} salariés en association loi 1901, avec une quarantaine de bénévoles.",
    "Le budget serait autour de {montant}, avec déjà {pourcentage} d'autofinancement.",
    "Surtout des personnes âgées et des familles monoparentales, mais on aimerait toucher plus de jeunes.",
    "Locataires : la commune est propriétaire, et le bail court encore sur cinq ans.",
    "La commune est partenaire, mais sans convention écrite. C'est peut-être bien le problème !",
    "On vise {mois}, donc on a encore un peu de temps… mais pas beaucoup.",
    "Pas encore, mais c'est une bonne idée, je les appelle cette semaine.",
    "Une cinquantaine de personnes par mois, avec de fortes variations selon la saison.",
)
DISCUSSION_PREFIXES: tuple[str, ...] = (
    "Merci pour ce partage très honnête.", "Super retour !", "Très intéressant.", "Merci {prenom_op} !",
    "Bravo pour le projet.", "Passionnant, merci.", "Merci, ça fait du bien de lire un retour aussi concret.",
    "", "", "",
)
DISCUSSION_QUESTIONS: tuple[str, ...] = (
    "Combien de personnes étiez-vous au départ ?",
    "Qu'est-ce que ⟦tu referais|vous referiez⟧ différemment, si c'était à refaire ?",
    "Comment avez-vous convaincu le CA de tenter l'expérience ?",
    "⟦Tu aurais|Vous auriez⟧ des documents à partager ?",
    "Combien de temps ça vous a pris, en tout ?",
    "Et côté budget, ça a représenté quoi ?",
    "Est-ce que les habitants ont été associés dès le début ?",
)
# Aligned with DISCUSSION_QUESTIONS: several possible answers to each question.
DISCUSSION_ANSWERS: tuple[tuple[str, ...], ...] = (
    ("On était une dizaine au départ, dont trois très moteurs. Le noyau a grossi petit à petit.",
     "Quatre, autour d'une table de cuisine ! Aujourd'hui on est une trentaine de bénévoles réguliers.",
     "Une petite équipe : deux salariés et cinq ou six bénévoles très investis."),
    ("Je prendrais plus de temps au démarrage pour expliquer la démarche. On a voulu aller trop vite.",
     "J'associerais les partenaires beaucoup plus tôt. On les a mis devant le fait accompli, et ça s'est senti.",
     "Je prévoirais un vrai budget communication. C'est le poste qu'on a complètement sous-estimé."),
    ("Le CA était partagé ; on a proposé un test de six mois avec un bilan à la clé. Ça a rassuré tout le monde.",
     "Avec des chiffres : on a montré ce que coûtait la situation actuelle. Le débat a été vite tranché.",
     "Honnêtement, on ne l'a pas vraiment convaincu : on a fait un petit pilote, et les résultats ont parlé."),
    ("Oui, je les mets en ligne sur le site de la fabrique cette semaine et je poste le lien ici.",
     "Bien sûr ! Écris-moi en privé, je ⟦t'|vous ⟧envoie tout ça.",
     "Je dois d'abord les anonymiser, mais oui, d'ici la fin du mois."),
    ("Environ {duree} entre la première réunion et le résultat final.",
     "Plus que prévu : {duree}, dont une bonne partie à attendre des réponses.",
     "À peu près {duree}, en comptant la préparation."),
    ("Autour de {montant_petit} de dépenses directes, et surtout beaucoup de temps bénévole.",
     "Environ {montant}, financés en partie par {financeur}.",
     "Presque rien en argent, mais des dizaines d'heures de bénévolat."),
    ("Pas assez au début, c'est justement une des leçons. Maintenant, oui, systématiquement.",
     "Oui, dès la première réunion : c'est même eux qui ont eu l'idée.",
     "En partie. On a fait une réunion publique, mais peu de monde est venu au départ."),
)
THANKS_OPENINGS: tuple[str, ...] = (
    "Merci beaucoup {prenom_prev} !", "Merci à toutes et à tous pour ces réponses.", "Super, merci !",
    "Un grand merci pour ce retour détaillé.", "Merci {prenom_prev}, c'est très clair.",
    "Merci, ça me rassure de voir qu'on n'est pas les seuls !", "Génial, merci.",
    "Merci pour vos messages, ça aide vraiment.", "Merci {prenom_prev}, top !", "Ah, merci, c'est précieux.",
)
THANKS_FOLLOWS: tuple[str, ...] = (
    "Je vais montrer ça à notre CA.", "J'ai de quoi nourrir notre prochaine réunion d'équipe.",
    "Je ⟦te|vous⟧ tiens au courant de la suite.", "Ça nous évite sûrement quelques erreurs.",
    "Je n'avais pas du tout vu les choses sous cet angle.",
    "Petite question complémentaire : ⟦tu as|vous avez⟧ un modèle de document à partager ?",
    "On en reparle en équipe {jour} et je reviens vers vous.", "Je note tout ça précieusement.",
    "Je ⟦t'|vous ⟧écris en privé pour en parler plus longuement, si ça ⟦te|vous⟧ va.", "", "",
)
FOLLOWUP_INTROS: tuple[str, ...] = (
    "Petit retour {duree_courte} plus tard : ", "Je reviens vers vous comme promis : ",
    "Mise à jour pour celles et ceux qui tomberont sur ce fil : ", "Des nouvelles : ",
    "Retour d'expérience, puisque vous m'avez bien aidé{e} : ", "Pour clore le sujet : ",
)
GENERIC_OUTCOMES: tuple[str, ...] = (
    "on a suivi plusieurs de vos conseils, et ça avance bien. Merci !",
    "on a fait un mélange de vos suggestions ; c'est encore imparfait, mais on a nettement progressé.",
    "on a présenté vos retours au CA, et la décision est prise : on se lance {saison}.",
    "on a finalement choisi la solution la plus simple, comme plusieurs d'entre vous le suggéraient. Pour "
    "l'instant, ça tient.",
    "on a testé deux des pistes proposées ici. La première n'a rien donné, la seconde fonctionne très bien.",
    "on a rencontré une fabrique voisine qui avait vécu la même chose, grâce à ce fil. Ça nous a fait gagner "
    "un temps fou.",
)
FOLLOWUP_CLOSERS: tuple[str, ...] = (
    "Merci encore à toutes et à tous.", "Encore merci pour vos conseils !", "Ce forum est précieux.",
    "Je marque le sujet comme résolu.", "", "",
)
QUOTE_REACTIONS: tuple[str, ...] = (
    "C'est exactement ça.", "Je confirme à 100 %.", "Je nuancerais un peu :", "Tout à fait d'accord, et j'ajoute :",
    "Ça, c'est le point clé à mon avis.", "Pas tout à fait notre expérience :", "Oui, mille fois oui.",
    "Intéressant, chez nous c'est un peu différent :",
)
LINK_SENTENCES: tuple[str, ...] = (
    "On a mis {doc} en ligne, ⟦n'hésite pas|n'hésitez pas⟧ à le reprendre : [{doc_titre}]({url}).",
    "Je ⟦te|vous⟧ mets le lien vers {doc} : {url}",
    "Pour aller plus loin : [{doc_titre}]({url}), c'est librement réutilisable.",
    "Si ça peut aider, {doc} est ici : {url}",
)
LIST_INTROS: tuple[str, ...] = (
    "Ce qui fonctionne chez nous :", "Dans l'ordre, je dirais :", "En pratique, on a mis en place :",
    "Les trois choses qui ont tout changé :", "Ma petite liste :", "Concrètement :",
)
SIGNOFFS: tuple[str, ...] = (
    "Bon courage !", "Belle journée,", "Au plaisir,", "Bonne continuation !", "⟦Tiens-nous|Tenez-nous⟧ au courant !",
    "À ⟦ta|votre⟧ disposition si besoin.", "Courage, ça vaut le coup !", "Bien à vous,", "Amicalement,",
    "À bientôt, peut-être lors d'une rencontre régionale !",
)
EDIT_NOTES: tuple[str, ...] = (
    "_Édit : lien corrigé._", "_Édit : j'avais oublié un chiffre._", "_Édit : coquilles._",
    "_Édit : précision ajoutée suite à un message privé._",
)

# -- Special threads -------------------------------------------------------------------------

PRESENTATION_TITLES: tuple[str, ...] = (
    "Présentation : {prenom}, {job} à {ville}", "Bonjour de {ville} ! ({prenom}, {fabrique})",
    "Nouvelle venue : {prenom}, {job}", "Présentation de {prenom}, {fabrique}",
)
PRESENTATION_TITLES_MALE: tuple[str, ...] = (
    "Présentation : {prenom}, {job} à {ville}", "Bonjour de {ville} ! ({prenom}, {fabrique})",
    "Nouveau venu : {prenom}, {job}", "Présentation de {prenom}, {fabrique}",
)
PRESENTATION_OPENINGS: tuple[str, ...] = (
    "Bonjour à toutes et à tous ! Je m'appelle {prenom}, je suis {job} {a_fabrique} ({ville}) depuis {duree}.",
    "Hello ! {prenom}, {job} {a_fabrique}. Le lieu ? {Building}, à {ville}.",
    "Bonjour ! Je me présente : {prenom}, {job} {a_fabrique}, à {ville}.",
)
PRESENTATION_INTERESTS: tuple[str, ...] = (
    "Je m'occupe surtout des ateliers tablettes et des permanences administratives.",
    "Mon quotidien, c'est l'accueil, le café associatif et beaucoup de bricolage.",
    "Je fais tourner le fablab : imprimantes 3D, découpeuse laser, et pas mal de réparations.",
    "Je suis sur tout ce qui touche au jardin partagé et à la cuisine.",
    "Je m'occupe des dossiers de financement et des relations avec les collectivités.",
    "J'anime la programmation culturelle et les soirées du vendredi.",
    "Je forme les bénévoles et j'organise les sessions de formation pour les pros du territoire.",
)
PRESENTATION_ASKS: tuple[str, ...] = (
    "Je serais {ravi} d'échanger avec d'autres personnes qui animent des jardins partagés.",
    "Si vous passez par chez nous, la porte est ouverte et le café est chaud !",
    "J'espère trouver ici des pairs pour échanger sur nos pratiques de médiation.",
    "Je cherche notamment des retours sur les modèles économiques des cafés associatifs.",
    "Hâte de lire vos retours d'expérience, et d'apporter les nôtres.",
    "On a une découpeuse laser qui ne sert pas assez : avis aux fabriques voisines !",
)
WELCOME_OPENINGS: tuple[str, ...] = (
    "Bienvenue {prenom_op} !", "Bienvenue parmi nous !", "Bienvenue !", "Salut {prenom_op}, bienvenue !",
    "Bienvenue sur le forum, {prenom_op} !", "Bonjour {prenom_op}, et bienvenue !", "Hello et bienvenue !",
)
WELCOME_FOLLOWS: tuple[str, ...] = (
    "Au plaisir d'échanger ici.", "On est à {ville}, pas si loin : passe nous voir quand tu veux.",
    "⟦Tu trouveras|Vous trouverez⟧ plein de retours utiles dans la catégorie médiation numérique.",
    "{Ravi} de voir arriver une nouvelle fabrique sur le forum.", "Bon courage pour la suite !",
    "On a pas mal de points communs, je t'écris en privé.",
    "Si ⟦tu cherches|vous cherchez⟧ des contacts dans le coin, n'⟦hésite|hésitez⟧ pas à demander.",
    "Ton projet m'intéresse beaucoup, on en reparle ?", "Hâte de lire tes prochains messages.",
    "Si un jour tu passes par {ville}, le café est offert !", "",
)
PRESENTATION_THANKS: tuple[str, ...] = (
    "Merci à toutes et à tous pour l'accueil !", "Merci pour vos messages, je me sens déjà chez moi ici.",
    "Merci ! Je passerai sûrement vous voir cet été.",
)
ADMIN_REPLIES: tuple[str, ...] = (
    "Merci pour ce nouvel espace ! Enfin un endroit où les échanges ne se perdent pas.",
    "Super initiative, merci à l'équipe.", "Merci, c'est clair et court : parfait.",
    "Bravo pour le lancement ! Je fais passer le mot dans notre réseau.",
    "Bonne idée de rappeler qu'on peut partager aussi ce qui n'a pas marché.",
    "Merci ! On attendait ça depuis longtemps dans notre réseau.",
    "Bravo et merci. Je viens de compléter la fiche de notre fabrique.",
    "Très bonne nouvelle. Les listes de diffusion, c'était devenu ingérable !",
    "Merci pour le travail. Hâte de voir le forum se remplir.",
    "Chouette ! Je propose d'en parler à notre prochaine rencontre régionale pour embarquer tout le monde.",
    "Ça fait plaisir de voir ce forum ouvert. Bon vent !",
    "Merci. La règle sur les données des personnes accompagnées est essentielle, bien vu.",
    "Parfait, je relaie auprès des médiateurs de notre département.",
    "Hello ! Content{e} d'être là, merci pour l'accueil.",
)
EVENT_REPLIES: tuple[str, ...] = (
    "Super initiative ! Je viens avec deux collègues.", "Est-ce que ce sera aussi accessible en visio ?",
    "Inscrit{e} ! Hâte d'y être.", "Dommage, on a notre AG le même jour. Vous ferez un compte rendu ?",
    "Y a-t-il un covoiturage organisé depuis la gare ?", "On relaie auprès de notre réseau.",
    "Merci pour l'invitation, on sera là.", "Chouette programme ! On vient en famille.",
    "On partage l'info sur notre page, et on tient une table si vous voulez.",
    "Trop loin pour nous cette fois, mais bravo pour l'initiative !",
    "Faut-il s'inscrire à l'avance, ou on peut passer librement ?",
    "On sera trois {de_fabrique}. Besoin d'un coup de main pour le montage ?",
)
# Index in EVENT_REPLIES of a question -> index of its answer in EVENT_ANSWERS (default: the last one).
EVENT_ANSWER_FOR: dict[int, int] = {1: 0, 3: 1, 4: 2, 10: 3, 11: 4}
EVENT_ANSWERS: tuple[str, ...] = (
    "Oui, une partie sera retransmise, le lien sera envoyé la veille.",
    "Bien sûr, on publiera un compte rendu ici même.",
    "On organise un covoiturage depuis la gare, dites-le-moi en privé.",
    "Entrée libre, mais un petit message nous aide à prévoir le repas !",
    "Avec grand plaisir, le montage commence à 9 h.",
    # Answers to a reply that asked nothing:
    "Avec plaisir, à bientôt !", "Merci, on compte sur vous !", "Super, à très vite !", "Merci pour le relais !",
    "On vous attend avec impatience.",
)
EVENT_ANSWERS_GENERIC_FROM = 5
LOAN_OFFERS: tuple[str, ...] = (
    "On en a une {a_fabrique}, à {ville}. Je regarde le planning de réservation et je ⟦te|vous⟧ redis ça "
    "demain.",
    "Pas de machine chez nous, mais je ⟦te|vous⟧ conseille d'appeler {fabrique_voisine} : ils prêtent "
    "volontiers.",
    "La nôtre est en réparation jusqu'à la fin du mois, désolé. Si ça peut attendre, elle sera dispo ensuite.",
    "On a ce qu'il ⟦te|vous⟧ faut {a_fabrique}, à {ville}. Elle est libre la deuxième quinzaine du mois, "
    "écris-moi en privé pour caler les dates.",
    "On peut ⟦te|vous⟧ la prêter, avec une petite convention et une caution symbolique. Par contre il faudra "
    "venir la chercher à {ville}.",
    "Chez nous elle est réservée tout le mois, désolé. Mais {fabrique_voisine} en a une, demande-leur !",
    "On en a une, mais elle est fragile au transport. Si ⟦ton|votre⟧ projet peut se faire chez nous, "
    "⟦tu es le bienvenu|vous êtes les bienvenus⟧ {jour_pl}.",
)
LOAN_CLOSERS: tuple[str, ...] = (
    "Merci d'avance !", "On prend soin du matériel, promis.", "En échange, on peut prêter notre atelier bois !",
    "Merci pour vos réponses.", "",
)
LOAN_THANKS: tuple[str, ...] = (
    "Merci {prenom_prev} ! Je ⟦t'|vous ⟧écris tout de suite.",
    "Parfait, merci. On vient la chercher la semaine prochaine.",
    "Merci à tous, c'est réglé : on a trouvé une machine à une demi-heure de chez nous.",
)

ADMIN_WELCOME_TITLE = "Bienvenue sur le Forum des Fabriques : mode d'emploi"
ADMIN_WELCOME_BODY = """Bonjour à toutes et à tous, et bienvenue !

Ce forum est l'espace d'entraide des **fabriques de territoire** et des tiers-lieux qui gravitent autour. \
Il est fait pour :

- poser vos questions (et trouver les réponses déjà données) ;
- partager vos **bonnes pratiques autant que vos mauvaises expériences** : ce qui a raté, et pourquoi, \
est souvent le plus utile ;
- trouver du matériel, des salles et des compétences à mutualiser entre fabriques.

Quelques conseils pour bien démarrer :

1. Complétez votre profil et la fiche de votre fabrique.
2. Avant de poser une question, faites une recherche : quelqu'un l'a peut-être déjà posée.
3. Donnez à vos sujets un titre explicite, qui ressemble à ce que vous taperiez dans la recherche.

> Un forum vivant, c'est un forum où l'on répond autant qu'on demande.

Bonne découverte, et au plaisir de vous lire !"""
ADMIN_CHARTER_TITLE = "Charte de bonne conduite du forum"
ADMIN_CHARTER_BODY = """Pour que ce forum reste un lieu d'entraide agréable, merci de respecter ces quelques règles :

- **Bienveillance** : on critique les idées, jamais les personnes.
- **Confidentialité** : pas de données personnelles sur les personnes accompagnées, même anonymisées \
à la va-vite.
- **Pas de publicité** : partager une ressource utile, oui ; démarcher, non.
- **Un sujet par question** : c'est plus facile à retrouver ensuite.

Les modératrices et modérateurs peuvent modifier ou retirer un message qui ne respecte pas la charte. \
En cas de doute, écrivez-nous : https://forum.exemple.fr/contact

Merci à toutes et à tous !"""

# -- Fabrique profiles -----------------------------------------------------------------------

SUMMARY_TEMPLATES: dict[str, tuple[str, ...]] = {
    "rural": ("{modules} dans {building}, au cœur du bourg de {ville}.",
              "Tiers-lieu rural à {ville} : {modules_lower}, dans {building}.",
              "{modules} pour les habitants de {ville} et des villages alentour."),
    "qpv": ("{modules} au cœur du {quartier}, à {ville}.",
            "Fabrique de quartier à {ville} : {modules_lower}, dans {building}.",
            "{modules}, par et pour les habitants du {quartier}."),
    "urbain": ("{modules} dans {building}, en plein centre de {ville}.",
               "Tiers-lieu urbain à {ville} : {modules_lower}.",
               "{modules} à deux pas de la gare de {ville}."),
}
DESCRIPTION_ORIGINS: dict[str, tuple[str, ...]] = {
    "rural": (
        "Dans un territoire rural où les services publics se sont éloignés, une poignée d'habitants de {ville} "
        "a décidé en {annee} de faire revivre {building}. Aujourd'hui, l'association compte {adherents} "
        "adhérents et {equipe}.",
        "Ici, le premier supermarché est à vingt minutes et le bus passe deux fois par jour. C'est justement "
        "pour ça qu'on a ouvert le lieu en {annee} : pour que {ville} garde un endroit où se retrouver, "
        "apprendre et entreprendre.",
    ),
    "qpv": (
        "Au cœur du {quartier}, le lieu est né en {annee} à l'initiative d'habitantes et d'associations du "
        "quartier. On y vient pour une démarche, on y reste pour un café, on revient pour un atelier.",
        "Ouvert en {annee} dans {building}, le tiers-lieu est d'abord un lieu de quartier : la plupart des "
        "activités sont proposées et animées par des habitants du {quartier}.",
    ),
    "urbain": (
        "Installé dans {building} depuis {annee}, le tiers-lieu réunit sous un même toit des indépendants, des "
        "associations et des habitants qui ne se seraient sans doute jamais croisés ailleurs.",
        "Né en {annee} d'un collectif d'artisans et d'associations de {ville}, le lieu a été labellisé fabrique "
        "de territoire et joue aujourd'hui un rôle de ressource pour les tiers-lieux de la métropole.",
    ),
    "any": (
        "Tout a commencé en {annee} par un repair café mensuel dans une salle prêtée par la mairie. Le succès a "
        "été tel qu'il a fallu trouver plus grand : ce fut {building}.",
        "Ici, on croit qu'un lieu ouvert à toutes et à tous change la vie d'un territoire. Depuis {annee}, "
        "l'association fait vivre {building} avec {equipe} et une équipe de bénévoles fidèles.",
        "Le projet est né en {annee}, quand une dizaine de bénévoles ont décidé d'investir {building}. "
        "L'association compte aujourd'hui {adherents} adhérents et {equipe}.",
        "Fabrique de territoire depuis {annee}, le lieu rassemble des activités qui se croisent rarement "
        "ailleurs : c'est notre force, et parfois notre casse-tête.",
    ),
}
DESCRIPTION_HIGHLIGHTS: dict[str, tuple[str, ...]] = {
    "fablab": ("Notre fierté : le repair café du premier samedi du mois, où des bénévoles redonnent vie à des "
               "objets qu'on croyait perdus.",
               "Les mercredis après-midi, le fablab accueille les collégiens du coin pour des projets de robotique "
               "et d'impression 3D."),
    "coworking": ("Le coworking accueille une quinzaine d'indépendants et de télétravailleurs, qui partagent aussi "
                  "leurs compétences lors de petits-déjeuners mensuels.",),
    "mediation_numerique": ("La médiation numérique, c'est plus de {n_grand} personnes accompagnées chaque mois, sans "
                            "rendez-vous le matin et sur rendez-vous l'après-midi.",
                            "Nos conseillers numériques tiennent aussi des permanences dans les mairies voisines."),
    "atelier_partage": ("Dans l'atelier partagé, les outils sont à disposition des adhérents, et un bénévole est "
                        "toujours là pour montrer comment s'en servir.",),
    "cafe_associatif": ("Le café associatif propose chaque vendredi un repas à prix libre, préparé avec les "
                        "producteurs du coin.",
                        "Au café, on trouve des jeux de société, des journaux et une grainothèque en libre accès."),
    "jardin": ("Le jardin partagé compte une trentaine de parcelles familiales et un grand potager collectif "
               "entretenu par les bénévoles.",),
    "ressourcerie": ("La ressourcerie collecte chaque année plusieurs tonnes d'objets, revendus à petits prix ou "
                     "réparés lors d'ateliers.",),
    "cuisine_partagee": ("La cuisine partagée accueille des ateliers, des traiteurs qui testent leur activité et "
                         "les repas de quartier.",),
    "espace_culturel": ("Côté culture : un concert par mois, un ciné-club, et des résidences d'artistes ouvertes au "
                        "public.",),
    "formation": ("Nous formons chaque année des bénévoles, des agents de collectivités et des professionnels du "
                  "territoire aux outils numériques.",),
}
DESCRIPTION_ACTIVITY_INTROS: tuple[str, ...] = (
    "Ce que vous trouverez chez nous :", "Nos activités :", "Au programme, toute l'année :",
    "Le lieu en quelques mots :",
)
DESCRIPTION_PEOPLE: tuple[str, ...] = (
    "Nous travaillons main dans la main avec {partenaire} et {partenaire}, et accueillons chaque semaine "
    "{public} comme {public}.",
    "Le lieu vit grâce à {benevoles} bénévoles et {equipe}. Les grandes décisions sont prises en assemblée "
    "mensuelle, ouverte à tous les adhérents.",
    "Nos portes sont ouvertes à toutes et à tous : {public}, {public}, mais aussi les curieux de passage. "
    "L'adhésion est à prix libre.",
    "Le lieu est géré collectivement : salariés, bénévoles et usagers siègent ensemble au conseil "
    "d'administration, et chacun peut proposer une activité.",
    "Nos partenaires de tous les jours : {partenaire}, {partenaire} et une dizaine d'associations qui "
    "utilisent nos salles.",
    "Chaque année, nous accueillons aussi des stagiaires, des volontaires en service civique et des porteurs "
    "de projet qui testent leur activité avant de se lancer.",
)
DESCRIPTION_ACCESS: dict[str, tuple[str, ...]] = {
    "rural": (
        "Accès facile depuis la départementale, parking dans la cour. Pour les habitants des hameaux, une "
        "navette solidaire passe le samedi matin : renseignez-vous !",
        "Vous nous trouverez sur la place, à côté de la mairie. Le café reste ouvert même quand les ateliers "
        "sont fermés.",
    ),
    "city": (
        "Arrêt de bus à deux minutes, local de plain-pied accessible en fauteuil roulant.",
        "L'entrée est libre pendant les horaires d'ouverture ; pour les ateliers, l'inscription se fait sur "
        "place ou par téléphone.",
    ),
}
REPORT_DIFFICULTIES: tuple[str, ...] = (
    "le temps : tout a pris deux fois plus longtemps que prévu",
    "la communication : on a mis des mois à toucher les bons publics",
    "l'essoufflement des bénévoles après le lancement",
    "le budget, sous-estimé d'environ {pourcentage}",
    "la coordination entre l'équipe salariée et les bénévoles",
    "la météo (l'été dernier, trois animations annulées sur cinq)",
    "les démarches administratives, interminables",
    "la difficulté à faire venir de nouveaux publics",
)
NEUTRAL_LIST_INTROS: tuple[str, ...] = ("L'essentiel :", "En bref :", "Les grandes lignes :", "Dans les grandes lignes :")
