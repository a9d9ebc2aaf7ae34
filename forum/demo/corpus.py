"""French text material for the demo forum.

Conventions used by ``forum.demo.writer``:

- ``{slot}`` is replaced by a value: from the context (``{fabrique}``, ``{ville}``, ``{prenom_op}``...)
  or drawn from ``SLOTS``. Slots whose name starts with ``t_`` are drawn once per thread and
  keep their value in the title and in every post of that thread.
- ``⟦tu form|vous form⟧`` is resolved with the writer's register (tutoiement or vouvoiement).
- Gender agreement of the writer: ``{e}`` ("" / "e"), ``{preneur}``, ``{ravi}``, ``{seul}``,
  ``{eux}`` ("eux" / "euse"), ``{Job}`` / ``{job}``.
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
    "n_sal": ("deux", "trois", "quatre", "un·e seul·e", "cinq"),
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
    "t_outil": ("Découpeuse laser", "Imprimante 3D résine", "Brodeuse numérique", "Fraiseuse CNC",
                "Découpeuse vinyle", "Presse à chaud", "Scanner 3D"),
    "t_sujet": ("découpe laser", "bureautique", "réseaux sociaux", "compostage", "comptabilité associative",
                "premiers secours", "soudure"),
    "t_dispositif": ("FDVA", "fonds LEADER", "FSE+", "budget participatif", "contrat de ville"),
}

# -- Topics per category ---------------------------------------------------------------------
# questions: (title, ask) ; discussions: (title, intro) ; families: (title, ask, is_question)
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
        ("Atelier « gouvernance partagée » à {ville} : compte rendu",
         "On a organisé un atelier sur la gouvernance partagée avec {n} tiers-lieux du coin. Voici les "
         "principaux enseignements, en vrac.", False),
    ),
    "advice": (
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
        "Chez nous, à {ville}, l'AG de {mois} dernier a réuni {n_grand} personnes au lieu d'une vingtaine "
        "d'habitude, simplement parce qu'on l'a couplée avec un repas et le concert de l'école de musique.",
        "On a mis {duree} à passer en SCIC. Le plus long n'a pas été la rédaction des statuts mais la "
        "discussion sur la répartition des voix entre collèges.",
        "Il y a deux ans, deux bénévoles très investis sont partis fâchés après une décision prise sans eux. "
        "Depuis, à {fabrique}, toute dépense de plus de {montant_petit} passe par une consultation écrite.",
        "En {mois}, on a organisé un séminaire de deux jours au vert pour revoir notre gouvernance. Coût : "
        "environ {montant_petit}, pris en charge par {financeur}. Ça a remis tout le monde d'accord sur "
        "l'essentiel.",
        "À {fabrique}, les cercles se réunissent {jour_pl}, une heure pas plus, et le cercle de coordination "
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
        ("Ateliers numériques pour {t_public} : quels formats marchent ?",
         "On voudrait monter un cycle d'ateliers numériques pour {t_public}. Durée, fréquence, contenu : "
         "qu'est-ce qui fonctionne chez vous ? Et qu'est-ce qui a fait un flop ?", True),
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
        "À {fabrique}, la médiation numérique représente aujourd'hui {pourcentage} de notre activité, et c'est "
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
        ("Qui a déjà obtenu un financement {t_dispositif} pour un tiers-lieu ?",
         "On envisage de solliciter le {t_dispositif} pour un projet d'équipement et d'animation. Quels "
         "montants, quels délais, et quelles erreurs éviter dans le dossier ?", True),
    ),
    "advice": (
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
        "À {fabrique}, la location de la salle aux entreprises du coin rapporte environ {montant_petit} par "
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
        ("Tiers-lieux autour de {ville} : on se rencontre ?",
         "On aimerait organiser une rencontre entre les tiers-lieux situés à moins d'une heure de {ville}, pour "
         "se connaître et mutualiser ce qui peut l'être (matériel, formations, communication). Qui serait "
         "partant ?", False),
    ),
    "advice": (
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
        "À {fabrique}, la soirée jeux du {jour} attire {n_grand} personnes de tous âges. C'est devenu le rendez-vous "
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
