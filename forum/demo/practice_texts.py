"""French material for the demo's practice reports (retours d'expérience), used by ``forum.demo.seed_practices``.

A report is composed from one ``Topic`` (its title, context, objective, steps, outcome, problems
and lessons, chosen for its kind) and from the generic pools below (how a fabrique presents
itself, blame-free framings, lessons that hold everywhere, comments, "essayé aussi" notes).

Conventions (resolved by ``seed_practices.Composer``):

- ``{fabrique}``, ``{ville}``, ``{lieu}`` (what the building is), ``{quartier}`` (QPV only),
  ``{voisine}`` (a neighbouring village), ``{annee}`` (the year the action started);
- ``{12-40}`` is a number drawn in that range, ``{1000-4000/100}`` rounded to a step of 100
  (thousands written "1 200"); in an earlier version of a report the numbers of its outcome are
  smaller (first figures, updated later);
- ``[[rural|qpv|urbain]]`` picks the text for the report's territory;
- kinds: ``good`` (bonne pratique), ``mixed`` (expérience mitigée), ``avoid`` (expérience à éviter).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Topic:
    key: str
    themes: tuple[str, ...]  # forum category keys, the main one first
    modules: tuple[str, ...]  # fabrique modules that make the topic likely (empty: any fabrique)
    territories: tuple[str, ...]  # territories where it happens (empty: anywhere)
    titles: dict[str, tuple[str, ...]]
    context: tuple[str, ...]
    objective: tuple[str, ...]
    steps: tuple[str, ...]  # in the order they happen
    pitfalls: tuple[str, ...]  # what was done and turned out badly (mixed and "à éviter" reports)
    outcome: dict[str, tuple[str, ...]]
    problems: dict[str, tuple[str, ...]]
    lessons: tuple[str, ...]
    questions: tuple[tuple[str, str], ...]  # (a reader's question, the author's answer)
    cost: tuple[int, int]
    staff: tuple[int, int]
    volunteers: tuple[int, int]
    partners: tuple[str, ...]
    funding: tuple[str, ...]
    links: tuple[str, ...] = ()  # words (lower case, no accents) of thread titles and resource names it may cite
    outdated: tuple[str, ...] = ()  # what a reader may say when the report no longer holds


# -- How a fabrique presents itself in the "context" section ----------------------------------

CONTEXT_OPENERS: dict[str, tuple[str, ...]] = {
    "rural": (
        "Notre tiers-lieu, {fabrique}, est installé dans {lieu}, à {ville}, un bourg de {600-2400/50} habitants à "
        "{20-45} minutes de la première gare.",
        "Nous sommes un tiers-lieu rural : {fabrique}, à {ville}, ouvert depuis {annee_ouverture} dans {lieu}.",
        "À {ville}, {fabrique} occupe {lieu}. Autour de nous, une quinzaine de communes, peu de transports en "
        "commun et beaucoup de bonne volonté.",
        "{fabrique} ({ville}) rayonne sur une communauté de communes de {9000-22000/500} habitants, très étendue : "
        "certains hameaux sont à {15-30} km du lieu.",
        "Le contexte : à {ville}, les bénévoles de {fabrique} ont rénové petit à petit {lieu}, qui accueille "
        "aujourd'hui des activités toute l'année.",
        "Notre lieu, {fabrique}, est à {ville}, en zone de revitalisation rurale. Le bus passe deux fois par jour, "
        "la fibre est arrivée il y a deux ans.",
        "Le projet de {fabrique} est né en {annee_ouverture} de l'envie d'une poignée d'habitants de {ville} et de {voisine} "
        "d'avoir un lieu où se retrouver.",
        "On est à {ville}, dans {lieu}. {fabrique} est l'un des rares lieux ouverts à l'année entre {voisine} "
        "et la sous-préfecture.",
    ),
    "qpv": (
        "Notre tiers-lieu, {fabrique}, est implanté au cœur du {quartier}, à {ville}, dans {lieu}.",
        "Nous sommes dans le {quartier} à {ville}, un quartier prioritaire de {4000-9000/100} habitants où "
        "{fabrique} a ouvert en {annee_ouverture}.",
        "{fabrique} occupe {lieu}, au pied des immeubles du {quartier} ({ville}). Beaucoup de familles, beaucoup de "
        "jeunes, et peu d'équipements publics ouverts le soir.",
        "Le lieu : {lieu}, au {quartier}. {fabrique} y accueille chaque semaine des habitants de tous âges, "
        "dont beaucoup ne fréquentent aucune autre structure.",
        "À {ville}, {fabrique} travaille dans le {quartier}, classé en quartier prioritaire de la politique de la "
        "ville. Près d'un habitant sur trois y a moins de vingt-cinq ans.",
        "{fabrique} est un tiers-lieu de quartier : {lieu}, une vitrine sur la place du {quartier} à {ville}, "
        "et une équipe qui connaît les habitants par leur prénom.",
    ),
    "urbain": (
        "Notre tiers-lieu, {fabrique}, a pris place dans {lieu}, à {ville}.",
        "Nous sommes un tiers-lieu urbain : {fabrique}, à {ville}, dans {lieu}, ouvert depuis {annee_ouverture}.",
        "À {ville}, {fabrique} réunit sous le même toit des activités très différentes, dans {lieu}.",
        "{fabrique} ({ville}) accueille chaque mois plusieurs centaines de personnes : usagers du coworking, "
        "habitants du quartier, associations hébergées.",
        "Le lieu : {lieu}, en centre-ville de {ville}. {fabrique} y fait cohabiter une communauté d'usagers réguliers "
        "et des publics de passage.",
    ),
}

TEAM_LINES: tuple[str, ...] = (
    "L'équipe : {2-4} salariés (dont un à temps partiel) et une vingtaine de bénévoles réguliers.",
    "Nous fonctionnons avec {2-3} salariés et un noyau de {8-15} bénévoles très investis.",
    "L'association compte environ {80-320/10} adhérents, {2-5} salariés et deux volontaires en service civique.",
    "Côté équipe, {2-3} postes salariés, dont un financé par un contrat aidé, et un conseil d'administration de "
    "{7-12} personnes.",
    "Une seule salariée à temps plein, une coordinatrice à mi-temps, et des bénévoles qui tiennent les "
    "permanences du soir.",
    "La structure est petite : {2-3} équivalents temps plein, un budget annuel autour de {70-190/5} 000 €.",
    "Nous sommes {3-6} dans l'équipe salariée, épaulés par des bénévoles dont le nombre varie beaucoup selon les "
    "saisons.",
    "L'équipe a beaucoup changé depuis l'ouverture ; aujourd'hui, {2-4} salariés et une quinzaine de bénévoles "
    "actifs.",
)

OBJECTIVE_EXTRAS: tuple[str, ...] = (
    "Nous voulions aussi que l'action tienne sans reposer sur une seule personne.",
    "Il fallait que ce soit tenable avec l'équipe actuelle, sans recruter.",
    "L'idée était aussi de tester avant de s'engager sur plusieurs années.",
    "Avec une contrainte forte : ne pas alourdir la charge des bénévoles déjà très sollicités.",
    "En arrière-plan, l'envie de mieux nous faire connaître des habitants qui ne poussent jamais la porte.",
    "Et, si possible, de dégager quelques recettes pour équilibrer le budget.",
    "Nous nous étions fixé un délai : un an pour voir si ça prenait.",
    "Nous voulions surtout documenter la démarche pour qu'elle serve à d'autres lieux du réseau.",
    "Le conseil d'administration avait demandé un bilan chiffré au bout de six mois.",
    "Enfin, nous voulions associer les partenaires dès le départ plutôt que de les mettre devant le fait accompli.",
)

ACTION_INTROS: tuple[str, ...] = (
    "", "", "", "Les grandes étapes :", "Dans l'ordre :", "Concrètement :", "Voici comment nous nous y sommes pris :",
    "Ce que nous avons fait, étape par étape :",
)

OUTCOME_EXTRAS: dict[str, tuple[str, ...]] = {
    "good": (
        "Au-delà des chiffres, c'est l'ambiance qui a changé : les gens reviennent et amènent d'autres personnes.",
        "Les partenaires nous sollicitent maintenant d'eux-mêmes pour la suite.",
        "L'action fait désormais partie du programme régulier du lieu.",
        "Plusieurs bénévoles ont rejoint l'équipe grâce à cette action.",
        "Les retours recueillis à chaud sont très positifs (questionnaire papier, {70-95} % de satisfaits).",
        "Deux autres tiers-lieux de la région nous ont demandé notre déroulé pour le reprendre.",
        "Et l'équipe en est sortie soudée, ce qui n'était pas gagné.",
    ),
    "mixed": (
        "Le bilan est donc partagé : des réussites réelles, mais pas là où nous les attendions.",
        "Nous avons gardé une partie du dispositif et abandonné le reste.",
        "L'action continue, sous une forme plus modeste.",
        "Les participants étaient contents ; l'équipe, elle, a fini épuisée.",
        "Financièrement, nous sommes à peu près à l'équilibre, mais sans marge pour recommencer.",
    ),
    "avoid": (
        "Nous avons arrêté au bout de quelques mois, d'un commun accord.",
        "L'action n'a pas été reconduite.",
        "Il a fallu plusieurs mois pour s'en remettre, financièrement et humainement.",
        "Avec le recul, c'était une bonne idée mal engagée, pas une mauvaise idée.",
        "Nous en parlons aujourd'hui sans amertume, et c'est pour ça que nous l'écrivons ici.",
    ),
}

# Figures added to an outcome that has none of its own.
FIGURE_LINES: dict[str, tuple[str, ...]] = {
    "good": (
        "En chiffres : {40-160} personnes touchées la première année, {8-20} bénévoles impliqués, {3-6} partenaires.",
        "Quelques repères : {12-30} séances ou réunions, {60-220/5} participants en tout, {70-95} % de retours "
        "positifs au questionnaire de fin.",
        "Sur {10-18} mois : {25-90} personnes concernées directement, et {4-9} structures partenaires.",
        "Les chiffres : {15-40} réunions de travail, {30-120} personnes associées, {2-4} articles dans la presse locale.",
    ),
    "mixed": (
        "En chiffres : {30-90} personnes touchées, quand nous en espérions plus de {120-200/10}.",
        "Quelques repères : {10-25} réunions, {40-110} participants, mais {30-50} % d'abandons en cours de route.",
        "Sur {8-16} mois : {20-60} personnes concernées, {3-6} partenaires, dont deux se sont retirés.",
    ),
    "avoid": (
        "En chiffres : {4-9} mois d'efforts, {15-50} personnes concernées, et {2-5} bénévoles qui ont arrêté.",
        "Quelques repères : {6-15} réunions de préparation pour {3-8} séances réellement tenues.",
        "Au total, {10-40} personnes touchées et {3-7} mois avant l'arrêt.",
    ),
}

# Blame-free framings for mixed and "à éviter" reports: the organisation is looked at, not people.
PROBLEM_FRAMES: tuple[str, ...] = (
    "Personne n'a démérité : c'est l'organisation que nous avions choisie qui ne tenait pas.",
    "Avec le recul, chacun a fait de son mieux avec les informations qu'il avait ; c'est le cadre qui manquait.",
    "Nous l'écrivons sans chercher de coupable : les mêmes causes produiraient les mêmes effets ailleurs.",
    "Rien de tout cela n'est dramatique, mais la somme des petits écarts a fait dérailler le projet.",
    "Le point commun de ces difficultés : nous avons sous-estimé le temps de coordination.",
    "On aurait pu voir venir certaines difficultés ; nous ne nous étions simplement pas donné le temps de les "
    "anticiper.",
    "Ce sont des difficultés d'organisation, pas de personnes : l'équipe était motivée du début à la fin.",
)

MINOR_PROBLEMS: tuple[str, ...] = (
    "Le démarrage a été plus lent que prévu : il a fallu deux ou trois mois pour que le bouche-à-oreille fonctionne.",
    "La communication papier (affiches, flyers) n'a presque rien donné ; tout est passé par le bouche-à-oreille et "
    "les partenaires.",
    "Le suivi des chiffres a été fait de manière irrégulière au début, ce qui rend le bilan de la première année "
    "approximatif.",
    "Nous avons eu du mal à tenir les horaires l'été, avec moins de bénévoles disponibles.",
    "Le temps de préparation a été sous-estimé d'environ un tiers.",
    "Un partenaire s'est retiré en cours de route (changement d'interlocuteur), sans conséquence grave mais avec "
    "quelques semaines de flottement.",
)

GENERIC_LESSONS: tuple[str, ...] = (
    "Désigner une personne référente, avec du temps dédié, plutôt que de compter sur la bonne volonté de tous.",
    "Faire un point d'étape à trois mois, même court, et l'écrire.",
    "Compter les participants dès le premier jour : c'est impossible à reconstituer après coup.",
    "Associer les partenaires à la préparation, pas seulement à l'inauguration.",
    "Prévoir un budget pour les imprévus (10 % au moins).",
    "Commencer plus petit, puis élargir quand ça marche.",
    "Écrire le déroulé dès la première édition, pour pouvoir le transmettre.",
    "Demander l'avis des personnes concernées avant de lancer, pas après.",
    "Garder une trace des décisions et de leurs raisons (un simple cahier partagé suffit).",
    "Remercier publiquement les bénévoles, régulièrement : ça compte plus qu'on ne le croit.",
    "Ne pas hésiter à demander de l'aide aux autres fabriques du réseau : beaucoup ont déjà essayé.",
    "Fixer dès le départ ce qui fera dire « on arrête » : ça évite de s'acharner.",
    "Prévoir la fin du financement dès le début du financement.",
)

PERIOD_FORMATS: tuple[str, ...] = (
    "De {debut} à {fin}", "{debut} – {fin}", "Depuis {debut}", "De {debut} à {fin} (et ça continue)",
)

# -- Comments ----------------------------------------------------------------------------------

COMMENT_OPENINGS: tuple[str, ...] = (
    "Merci pour ce retour très complet !", "Merci de partager ça, c'est précieux.", "Super retour, merci.",
    "Merci pour la franchise de ce retour.", "Très intéressant, merci.", "Bravo pour le travail, et merci d'avoir "
    "pris le temps de l'écrire.", "Merci, ça tombe à pic pour nous.", "", "", "",
)

COMMENT_BODIES: tuple[str, ...] = (
    "On se lance dans un projet proche à {ville} et je vais faire lire ça à toute l'équipe.",
    "Chez nous, à {fabrique}, on a vécu presque la même chose il y a deux ans. Le point sur le temps de "
    "coordination est tellement vrai.",
    "C'est exactement le genre de retour qu'on ne trouve nulle part ailleurs. Les chiffres aident beaucoup à se "
    "projeter.",
    "Je partage le constat sur la communication : chez nous aussi, tout passe par le bouche-à-oreille.",
    "J'ajouterais une chose : impliquer la mairie très tôt, même si elle ne finance pas. Ça nous a ouvert des portes.",
    "Ce qui me frappe, c'est la place des bénévoles dans votre organisation. On a beaucoup à apprendre là-dessus.",
    "On a essayé une variante avec un rythme mensuel plutôt qu'hebdomadaire : moins de monde à chaque fois, mais "
    "des gens plus fidèles.",
    "Je me permets de le relayer au réseau régional, il y a plusieurs lieux qui se posent la question.",
    "Le passage sur « si c'était à refaire » mériterait d'être affiché dans tous les tiers-lieux.",
    "Ça rejoint ce qu'on a entendu aux dernières rencontres nationales des fabriques.",
    "Très utile pour préparer notre prochain conseil d'administration, merci.",
    "On a fait le choix inverse (tout en interne) et, honnêtement, je ne suis pas sûr que ce soit mieux.",
)

COMMENT_QUOTE_REACTIONS: tuple[str, ...] = (
    "Tellement vrai. On l'a appris à nos dépens.",
    "Je retiens surtout ça.",
    "C'est le point que je vais défendre à notre prochaine réunion d'équipe.",
    "Exactement notre expérience à {fabrique}.",
    "On devrait tous l'écrire en gros au-dessus de la machine à café.",
)

AUTHOR_REPLIES: tuple[str, ...] = (
    "Merci à vous ! N'hésitez pas à nous écrire si vous voulez les documents.",
    "Merci pour ces retours, ça fait plaisir de voir que ça sert.",
    "Avec plaisir ! Si vous passez par {ville}, venez voir sur place.",
    "Merci ! On mettra à jour la fiche avec les chiffres de cette année.",
)

# -- "Nous l'avons essayé aussi" --------------------------------------------------------------

TRIAL_NOTES: dict[str, tuple[str, ...]] = {
    "a-marche": (
        "Repris presque tel quel, avec un rythme adapté à notre territoire. Ça marche très bien.",
        "On a suivi les étapes à la lettre. Résultat au rendez-vous, merci !",
        "Fonctionne aussi chez nous, avec un public un peu différent.",
        "Bonne expérience : le conseil sur la personne référente a tout changé.",
        "Essayé sur six mois, on continue. Les chiffres sont comparables aux vôtres.",
        "Adapté à une plus petite échelle : ça marche, et c'est moins lourd que ce qu'on craignait.",
        "",
    ),
    "en-partie": (
        "Une partie a bien marché (l'accueil), l'autre beaucoup moins (la régularité).",
        "Ça a pris, mais plus lentement que chez vous. On persévère.",
        "Le principe fonctionne ; la question du financement reste entière chez nous.",
        "Bien pour le démarrage, plus difficile à tenir dans la durée.",
        "Nous avons dû simplifier fortement : mi-figue, mi-raisin.",
        "",
    ),
    "pas-marche": (
        "Pas pris chez nous, sans doute pour des raisons de territoire : trop peu de monde en semaine.",
        "On a tenté, mais sans personne pour porter l'action dans la durée, ça s'est arrêté.",
        "Même difficultés que vous, même conclusion. Merci d'avoir écrit ce retour, ça nous a aidés à arrêter à temps.",
        "Essayé, pas concluant. Le contexte local n'était pas mûr.",
        "",
    ),
}

OUTDATED_NOTES: tuple[str, ...] = (
    "Les règles du financement ont changé depuis, il faudrait mettre à jour les montants.",
    "Le dispositif décrit a été remplacé l'an dernier.",
    "Les chiffres datent un peu : est-ce que l'action continue ?",
    "Les contacts cités ne sont plus les bons, je crois.",
    "",
)

# Short edits an author adds to a later version.
UPDATE_NOTES: tuple[str, ...] = (
    "*Chiffres mis à jour en {date}.*",
    "*Mise à jour ({date}) : chiffres de l'année complète.*",
    "*Bilan actualisé en {date}.*",
)
PROVISIONAL_NOTES: tuple[str, ...] = (
    "*Premier bilan, à compléter.*",
    "*Chiffres provisoires, après quelques mois seulement.*",
    "*Bilan d'étape : nous compléterons.*",
)


# -- Topics ------------------------------------------------------------------------------------

TOPICS: list[Topic] = []

TOPICS.append(Topic(
    key="repair_cafe", themes=("fablab", "territoires", "formation"),
    modules=("atelier_partage", "ressourcerie", "fablab"), territories=(),
    titles={
        "good": ("Un repair café mensuel qui tient depuis deux ans", "Repair café : fidéliser les bénévoles réparateurs",
                 "Le repair café du samedi matin, de zéro à {25-40} réparations par séance",
                 "Repair café itinérant dans les villages : notre organisation"),
        "mixed": ("Repair café : beaucoup de monde, peu de réparations",
                  "Un repair café avec le centre social : réussi à moitié"),
        "avoid": ("Le repair café qui reposait sur un seul réparateur",
                  "Repair café sans assurance ni fiche de suivi : à ne pas reproduire"),
    },
    context=(
        "Beaucoup d'habitants nous apportaient déjà des objets à réparer « en passant », sans cadre : grille-pain, "
        "lampes, vélos d'enfants, ordinateurs portables.",
        "La déchetterie la plus proche déborde d'appareils encore réparables, et le dernier réparateur "
        "d'électroménager de [[la vallée|du quartier|l'arrondissement]] a fermé il y a trois ans.",
        "Plusieurs retraités du coin (un ancien électricien, une couturière, un bricoleur de génie) cherchaient à "
        "transmettre leur savoir-faire.",
    ),
    objective=(
        "Proposer un rendez-vous régulier où chacun vient réparer son objet avec l'aide d'un bénévole, plutôt que "
        "de le jeter, et créer du lien entre générations.",
        "Réduire les déchets et apprendre aux habitants à réparer eux-mêmes, en faisant du repair café un moment "
        "convivial et pas un service après-vente gratuit.",
    ),
    steps=(
        "Réunion de lancement avec une douzaine de bricoleurs repérés par le bouche-à-oreille",
        "Adhésion au réseau national des repair cafés pour profiter de la charte, des affiches et de l'assurance",
        "Achat d'un petit stock d'outillage et de consommables (fer à souder, multimètre, fusibles, fil à coudre)",
        "Mise en place d'une fiche de suivi par objet : panne, diagnostic, réparé ou non, poids évité",
        "Fixation d'un rendez-vous fixe, le premier samedi du mois de 9 h 30 à 12 h 30",
        "Accueil avec café et gâteaux pendant l'attente, tenu par deux bénévoles « non réparateurs »",
        "Bilan trimestriel avec les réparateurs, et un repas de fin de saison pour les remercier",
        "Séances délocalisées dans [[les salles des fêtes des villages voisins|le hall de la résidence Les Peupliers|la médiathèque du quartier]] deux fois par an",
    ),
    pitfalls=(
        "Ouverture à tous les objets sans limite de nombre par personne",
        "Lancement avec un seul réparateur expérimenté, en comptant recruter les autres « en route »",
        "Pas de fiche de suivi : « on verra bien combien on répare »",
    ),
    outcome={
        "good": (
            "En {18-26} mois : {22-24} séances, {380-620/10} objets apportés et {58-72} % réparés. Environ "
            "{900-1800/50} kg de déchets évités selon nos fiches. Une équipe stable de {9-16} réparateurs bénévoles.",
            "Chaque séance accueille entre {15-25} et {30-45} personnes. Le taux de réparation est passé de "
            "{40-48} % la première année à {60-68} % la deuxième, grâce à l'expérience des réparateurs.",
        ),
        "mixed": (
            "La fréquentation est bonne ({25-40} personnes par séance) mais seuls {30-40} % des objets repartent "
            "réparés, contre plus de 60 % dans d'autres repair cafés. Les files d'attente découragent une partie "
            "des visiteurs.",
            "Les séances au lieu marchent bien ; celles dans [[les villages|les halls d'immeuble|les autres quartiers]] "
            "n'ont attiré que {3-8} personnes en moyenne et ont été arrêtées.",
        ),
        "avoid": (
            "Après {4-7} séances, le repair café s'est arrêté. Le réparateur principal, sollicité de toutes parts, a "
            "jeté l'éponge ; il n'y avait personne pour prendre le relais.",
            "Un appareil rendu « réparé » a pris feu chez son propriétaire quelques jours plus tard (sans blessé). "
            "Faute de fiche de suivi et d'assurance adaptée, nous avons suspendu les séances.",
        ),
    },
    problems={
        "good": ("Les objets électroniques récents (smartphones, cafetières à capsules) restent très difficiles à "
                 "réparer, faute de pièces détachées.",),
        "mixed": (
            "Nous avons accepté tous les objets, sans limite : les premières personnes arrivées monopolisaient les "
            "réparateurs avec trois ou quatre appareils chacune.",
            "L'accueil était mal pensé : pas de tickets, pas d'estimation du temps d'attente. Beaucoup de gens sont "
            "repartis avant leur tour, un peu frustrés.",
            "Les séances délocalisées n'avaient pas de relais local : une affiche à la mairie ne suffit pas à faire "
            "venir les gens.",
        ),
        "avoid": (
            "Tout reposait sur une seule personne compétente en électricité. Sans elle, impossible de faire tourner "
            "la séance ; avec elle, une pression énorme.",
            "Nous n'avions pas de fiche signée par les participants précisant que la réparation est faite par eux, "
            "avec l'aide d'un bénévole, sans garantie. L'assurance de l'association ne couvrait pas cette activité.",
            "Pas de suivi écrit : impossible de savoir après coup qui avait réparé quoi, ni comment.",
        ),
    },
    lessons=(
        "Limiter à un ou deux objets par personne et par séance, et distribuer des tickets à l'arrivée.",
        "Faire signer une fiche d'engagement (la charte du réseau) à chaque participant.",
        "Vérifier avec l'assureur que l'activité est couverte, par écrit.",
        "Recruter au moins trois réparateurs avant de lancer, dont un pour l'électricité.",
        "Tenir un accueil séparé de l'atelier : le café et les gâteaux font patienter.",
        "Garder les fiches de suivi : elles font les bilans, et convainquent les financeurs.",
    ),
    questions=(
        ("Comment gérez-vous les appareils électriques qui nécessitent d'ouvrir le boîtier ? Vous avez une règle "
         "particulière ?",
         "Oui : seul un bénévole habilité (un ancien électricien chez nous) ouvre les appareils branchés sur le "
         "secteur, et on fait toujours un test avec un disjoncteur différentiel à la fin."),
        ("Vous demandez une participation financière aux visiteurs ?",
         "Une boîte à prix libre, c'est tout. Elle couvre à peu près les consommables et le café."),
    ),
    cost=(300, 2500), staff=(20, 120), volunteers=(150, 900),
    partners=("le réseau des repair cafés", "la communauté de communes (service déchets)", "la ressourcerie voisine",
              "le centre social", "le syndicat de collecte des déchets"),
    funding=("fonds propres", "appel à projets « économie circulaire » du syndicat de déchets",
             "dons des visiteurs (prix libre)", "FDVA fonctionnement"),
    links=("repair cafe", "reparation"),
))

TOPICS.append(Topic(
    key="cafe_associatif", themes=("financement", "territoires", "alimentation"),
    modules=("cafe_associatif",), territories=(),
    titles={
        "good": ("Café associatif : atteindre l'équilibre en trois ans",
                 "Notre café associatif, point de rencontre du village", "Un café associatif tenu par {12-25} bénévoles",
                 "Café associatif et licence III : comment nous avons fait"),
        "mixed": ("Ouvrir le café tous les soirs : trop ambitieux pour nous",
                  "Café associatif : le public est là, la caisse beaucoup moins"),
        "avoid": ("Café associatif : ne pas concurrencer le bar du village",
                  "Un café associatif ouvert sans licence ni règles d'hygiène claires"),
    },
    context=(
        "Le dernier café de [[la commune|la place|la rue]] a fermé il y a quelques années. Les habitants n'avaient "
        "plus d'endroit pour se croiser en dehors du marché.",
        "Le café était prévu dès le projet d'origine : c'est la porte d'entrée du lieu, celle que l'on pousse sans "
        "avoir besoin de raison particulière.",
        "Nous avions une salle, une cuisine aux normes et beaucoup d'envie, mais aucune expérience de la "
        "restauration.",
    ),
    objective=(
        "Faire du café un lieu de convivialité ouvert à tous, qui amène ensuite les gens vers les autres activités "
        "du tiers-lieu, tout en couvrant au moins ses propres coûts.",
        "Ouvrir un café associatif à prix accessibles, avec des produits locaux, sans dépendre d'une subvention "
        "pour le faire tourner.",
    ),
    steps=(
        "Étude rapide : visites de {3-5} cafés associatifs de la région et questionnaire aux habitants",
        "Demande de licence (petite licence restaurant puis licence III par transfert, avec la mairie)",
        "Formation hygiène alimentaire (HACCP) pour {3-6} bénévoles et le permis d'exploitation pour la présidente",
        "Choix de fournisseurs locaux : bière de la brasserie voisine, jus de pommes du verger, café torréfié "
        "dans le département",
        "Planning des bénévoles sur un tableau partagé, avec des binômes de deux heures",
        "Caisse enregistreuse simple et comptabilité séparée pour suivre la rentabilité du café",
        "Soirées thématiques mensuelles (quiz, concert, soupe partagée) pour faire venir de nouvelles têtes",
        "Révision des prix après un an, en assemblée, chiffres à l'appui",
    ),
    pitfalls=(
        "Ouverture six soirs sur sept dès le départ, pour « installer l'habitude »",
        "Prix très bas fixés sans calcul du coût de revient",
        "Ouverture les mêmes soirs que le bar du village, avec une carte similaire",
    ),
    outcome={
        "good": (
            "Le café est ouvert {3-4} jours par semaine et accueille en moyenne {35-60} personnes par jour "
            "d'ouverture. Chiffre d'affaires annuel : {28-46} 000 €, avec un excédent de {1500-4500/100} € qui "
            "finance une partie des autres activités.",
            "En {2-3} ans, le café est passé d'un déficit de {3000-6000/500} € à un léger excédent. "
            "Il réunit {20-35} bénévoles et il est devenu le lieu où se décident pas mal de choses au village.",
        ),
        "mixed": (
            "Le café est plein le vendredi soir ({60-90} personnes), presque vide le reste de la semaine. Sur "
            "l'année, il perd environ {2000-5000/250} €, comblés par les locations de salle.",
            "Les habitants sont au rendez-vous, mais la marge sur les consommations ne couvre ni l'énergie ni le "
            "temps de coordination salarié ({6-10} heures par semaine).",
        ),
        "avoid": (
            "Au bout de {5-9} mois, le patron du bar voisin est venu se plaindre en conseil municipal. Les relations "
            "avec la mairie se sont tendues et nous avons dû réduire l'ouverture à un soir par semaine.",
            "Un contrôle sanitaire a relevé plusieurs manquements (traçabilité, chaîne du froid). Fermeture "
            "temporaire de {3-6} semaines et une perte de confiance difficile à rattraper.",
        ),
    },
    problems={
        "good": ("Le planning des bénévoles reste fragile en été et pendant les vacances scolaires.",),
        "mixed": (
            "Nous avons voulu ouvrir trop souvent. Les bénévoles se sont épuisés et les soirées creuses coûtaient plus "
            "qu'elles ne rapportaient.",
            "Les prix avaient été fixés « pour être accessibles », sans calcul. Un demi à {2-3} € ne couvre pas "
            "son coût réel une fois l'électricité et les pertes comptées.",
            "Personne n'était chargé de suivre les comptes du café séparément : nous avons découvert le déficit à la "
            "clôture des comptes.",
        ),
        "avoid": (
            "Nous n'avions pas rencontré le bar du village avant d'ouvrir. Vu de chez lui, nous étions une "
            "concurrence déloyale, subventionnée et tenue par des bénévoles.",
            "La formation hygiène avait été suivie par une seule personne, qui n'était pas présente à toutes les "
            "ouvertures. Les consignes circulaient mal.",
            "Nous avons confondu convivialité et improvisation : pas de procédure écrite pour la fermeture, le froid, "
            "les dates de péremption.",
        ),
    },
    lessons=(
        "Rencontrer les commerçants du coin avant d'ouvrir, et chercher la complémentarité (horaires, carte, "
        "événements communs).",
        "Calculer le coût de revient de chaque produit, énergie et pertes comprises.",
        "Commencer avec peu de créneaux bien tenus, puis élargir.",
        "Afficher les procédures d'hygiène derrière le comptoir et former au moins trois personnes.",
        "Tenir une comptabilité analytique du café, distincte du reste.",
        "Un café associatif n'est pas qu'une buvette : c'est une porte d'entrée, il faut la relier au reste du lieu.",
    ),
    questions=(
        ("Vous êtes passés par quelle licence finalement ? On hésite entre la licence restaurant et une licence III.",
         "Licence III, par transfert d'une licence dormante de la commune : la mairie nous l'a louée pour un euro "
         "symbolique. Ça a pris quatre mois."),
        ("Combien de bénévoles faut-il au minimum pour tenir une soirée ?",
         "Deux au bar et une personne « volante » pour l'accueil et la vaisselle. En dessous, on ferme plus tôt."),
    ),
    cost=(2000, 15000), staff=(80, 400), volunteers=(400, 2500),
    partners=("la mairie", "la brasserie artisanale voisine", "les producteurs du marché", "le comité des fêtes",
              "le réseau régional des cafés associatifs"),
    funding=("recettes du café", "fonds propres", "FDVA fonctionnement", "aide au démarrage de la communauté de communes",
             "financement participatif"),
    links=("cafe associatif", "repas", "bar du village"),
))

TOPICS.append(Topic(
    key="permanences_mediation", themes=("mediation", "territoires", "collectivites"),
    modules=("mediation_numerique",), territories=(),
    titles={
        "good": ("Permanences numériques dans {4-6} mairies : l'itinérance qui marche",
                 "Des permanences de médiation numérique sans rendez-vous",
                 "Permanences numériques et secrétaires de mairie : un duo gagnant",
                 "Médiation numérique : une permanence fixe le jour du marché"),
        "mixed": ("Permanences itinérantes : utiles mais épuisantes pour l'équipe",
                  "Permanences numériques sur rendez-vous : moins de monde, mieux accompagné"),
        "avoid": ("Permanences numériques dans des lieux sans connexion fiable : à éviter",
                  "Une permanence numérique annoncée mais jamais identifiée par les habitants"),
    },
    context=(
        "Les démarches administratives passent presque toutes en ligne et beaucoup d'habitants n'ont ni "
        "ordinateur, ni connexion, ni l'envie de se faire aider par leurs enfants.",
        "[[Le territoire compte {12-25} communes et une seule maison France Services, à {20-35} minutes de route.|"
        "Dans le quartier, beaucoup de démarches se font au téléphone avec un voisin ou un enfant qui traduit.|"
        "Les services sociaux nous orientaient déjà de nombreuses personnes, sans que nous ayons de créneau prévu pour elles.]]",
        "Notre conseillère numérique passait une grande partie de son temps à répondre à des demandes urgentes, "
        "sans organisation.",
    ),
    objective=(
        "Proposer une aide aux démarches en ligne au plus près des habitants, à des horaires fixes et connus, et "
        "rendre les personnes plus autonomes au fil des rendez-vous.",
        "Structurer l'accompagnement individuel pour libérer du temps pour les ateliers collectifs, tout en "
        "répondant aux urgences.",
    ),
    steps=(
        "Repérage des besoins avec les secrétaires de mairie, le CCAS et l'assistante sociale de secteur",
        "Convention simple avec chaque commune : une salle, une connexion, un affichage en mairie",
        "Calendrier fixe (« le 2e mardi du mois à {voisine} ») imprimé et distribué dans les boîtes aux lettres",
        "Kit mobile : deux ordinateurs portables, un routeur 4G, un scanner, une imprimante",
        "Fiche de suivi anonymisée : type de démarche, durée, autonomie de la personne",
        "Orientation vers France Services pour les démarches complexes, avec un contact direct",
        "Point mensuel avec les secrétaires de mairie pour ajuster les créneaux",
        "Utilisation d'Aidants Connect pour les démarches faites à la place des personnes",
    ),
    pitfalls=(
        "Créneaux choisis sans consulter les communes, souvent en même temps que d'autres services",
        "Permanences dans des salles sans connexion testée au préalable",
        "Communication limitée à une affiche en mairie et à la page Facebook du lieu",
    ),
    outcome={
        "good": (
            "En un an : {380-720/10} accompagnements dans {4-6} communes, dont {35-55} % de personnes de plus de "
            "70 ans. Un tiers des personnes reviennent pour apprendre à faire seules, et {20-40} ont rejoint un atelier "
            "collectif.",
            "Les permanences affichent complet {2-3} semaines à l'avance. Les secrétaires de mairie estiment avoir "
            "gagné {2-4} heures par semaine, et nous orientent les personnes avec une fiche de liaison.",
        ),
        "mixed": (
            "{250-400/10} personnes accompagnées en un an, c'est beaucoup ; mais les trajets représentent près de "
            "{25-35} % du temps de travail de notre médiatrice, et deux permanences sur cinq ont été supprimées.",
            "Les rendez-vous ont permis des accompagnements plus longs (45 minutes en moyenne), mais la fréquentation "
            "a baissé de moitié : l'accueil sans rendez-vous correspondait mieux aux habitudes.",
        ),
        "avoid": (
            "Sur {6-10} permanences, {3-6} ont été perturbées par une connexion défaillante. Des personnes venues "
            "avec leurs papiers sont reparties sans avoir pu faire leur démarche.",
            "Après {4-6} mois, la fréquentation ne dépassait toujours pas deux personnes par permanence. Les habitants ne "
            "savaient pas que le service existait.",
        ),
    },
    problems={
        "good": ("Certaines démarches (retraite, titre de séjour) dépassent largement nos compétences et demandent "
                 "une orientation rapide.",),
        "mixed": (
            "Le temps de trajet n'avait pas été compté dans la charge de travail : il a fini par manger le temps des "
            "ateliers.",
            "Les créneaux avaient été calés sur nos disponibilités, pas sur celles des habitants (beaucoup travaillent "
            "en journée).",
            "Nous n'avons pas de remplaçant quand la médiatrice est absente : les permanences sautent.",
        ),
        "avoid": (
            "Nous avons fait confiance à la connexion des salles municipales sans la tester. Le routeur 4G est arrivé "
            "trop tard.",
            "La communication était pensée pour des gens connectés (Facebook, site) alors que le public visé ne l'est "
            "justement pas.",
            "Aucun relais humain dans la commune (secrétaire, élu, commerçant) ne parlait de la permanence.",
        ),
    },
    lessons=(
        "Tester la connexion de chaque salle avant la première permanence, et avoir toujours un routeur 4G.",
        "Faire connaître la permanence par les personnes que les habitants croisent : secrétaire de mairie, "
        "pharmacien, facteur.",
        "Compter le temps de trajet dans la charge de travail.",
        "Garder un créneau sans rendez-vous, même court.",
        "Chaque accompagnement doit laisser la personne un peu plus autonome : on fait avec, pas à la place.",
        "Une fiche de liaison avec France Services évite de « perdre » les personnes orientées.",
    ),
    questions=(
        ("Vous utilisez quel outil pour la fiche de suivi ? On cherche quelque chose de simple et conforme au RGPD.",
         "Un formulaire sur notre Nextcloud, sans nom ni date de naissance : type de démarche, tranche d'âge, commune, "
         "durée. Ça suffit pour les bilans."),
        ("Les communes participent financièrement ?",
         "Trois sur cinq versent une petite participation (entre 300 et 800 € par an). Les autres prêtent la salle "
         "et impriment les affiches."),
    ),
    cost=(1500, 9000), staff=(200, 900), volunteers=(0, 120),
    partners=("les mairies du canton", "le CCAS", "la maison France Services", "l'assistante sociale de secteur",
              "le Département"),
    funding=("poste de conseiller numérique (État)", "Département (inclusion numérique)", "participation des communes",
             "fonds propres"),
    links=("permanence", "france services", "mediation", "itinerante"),
    outdated=("Le financement des postes de conseillers numériques a changé : il faudrait préciser comment le poste "
              "est financé aujourd'hui.",),
))

TOPICS.append(Topic(
    key="pass_numerique", themes=("mediation", "financement"),
    modules=("mediation_numerique",), territories=(),
    titles={
        "good": ("Pass numérique : comment nous les avons vraiment fait circuler",
                 "Distribuer les Pass numériques avec les travailleurs sociaux",
                 "Pass numérique : un parcours de {3-5} ateliers plutôt que des séances isolées",
                 "Pass numérique et ateliers collectifs : le bon dosage"),
        "mixed": ("Pass numérique : des chéquiers distribués, mais peu utilisés",
                  "Pass numérique : beaucoup d'administratif pour peu de personnes"),
        "avoid": ("Pass numérique : ne pas les distribuer sans accompagnement",
                  "Devenir lieu qualifié Pass numérique sans en mesurer la charge"),
    },
    context=(
        "Nous sommes lieu qualifié pour accueillir les bénéficiaires de Pass numériques, ces chéquiers qui "
        "permettent de payer des ateliers de médiation.",
        "Le Département avait acheté un stock important de Pass numériques et cherchait des lieux pour les "
        "accueillir sur [[le territoire rural|les quartiers prioritaires|l'agglomération]].",
        "Les travailleurs sociaux repéraient beaucoup de personnes en difficulté avec le numérique, sans solution à "
        "leur proposer.",
    ),
    objective=(
        "Faire en sorte que les Pass numériques distribués arrivent réellement jusqu'aux ateliers, et que les "
        "personnes suivent un parcours complet plutôt qu'une séance isolée.",
        "Financer une partie de nos ateliers grâce aux Pass numériques, sans perdre de vue les personnes.",
    ),
    steps=(
        "Qualification du lieu et formation de l'équipe à l'encaissement des chèques",
        "Rencontre des prescripteurs (CCAS, Pôle emploi devenu France Travail, mission locale, assistantes sociales)",
        "Création d'un parcours type de {3-5} ateliers : prise en main, messagerie, démarches, sécurité",
        "Remise des Pass en main propre lors d'un premier rendez-vous au tiers-lieu, jamais par courrier",
        "Appel de rappel la veille de chaque atelier",
        "Tableau de suivi des chèques reçus et des remboursements",
        "Bilan semestriel avec le Département et les prescripteurs",
    ),
    pitfalls=(
        "Envoi des carnets par courrier aux bénéficiaires repérés par les prescripteurs",
        "Accueil des porteurs de Pass sur les créneaux d'ateliers existants, déjà pleins",
    ),
    outcome={
        "good": (
            "{120-240/5} personnes accueillies avec un Pass numérique en {12-18} mois ; {65-80} % ont suivi au moins "
            "trois ateliers. Les remboursements ont représenté {4-9} 000 € de recettes.",
            "Le taux d'utilisation des chèques distribués sur notre secteur est passé de {15-25} % à {55-70} % après "
            "la mise en place de la remise en main propre.",
        ),
        "mixed": (
            "{300-500/10} chèques distribués, mais seulement {25-35} % utilisés. Les personnes qui viennent sont "
            "bien accompagnées ; les autres, on ne les voit jamais.",
            "Les Pass ont rapporté {2-4} 000 € ; la gestion (saisie, remboursements, relances) nous a pris environ "
            "{60-120/10} heures de travail salarié.",
        ),
        "avoid": (
            "Sur {150-300/10} carnets envoyés par courrier, moins d'une vingtaine ont été utilisés. Le stock restant "
            "est arrivé à expiration.",
            "Les ateliers ont été saturés en quelques semaines et nous avons dû refuser du monde, y compris des "
            "habitués. Le remboursement des chèques a pris jusqu'à {4-6} mois.",
        ),
    },
    problems={
        "good": ("Les délais de remboursement restent longs (deux à trois mois) et pèsent sur la trésorerie.",),
        "mixed": (
            "Un chèque sans rendez-vous n'engage à rien : les personnes qui en avaient le plus besoin ne sont pas "
            "venues.",
            "La gestion administrative des chèques n'était pas prévue dans les fiches de poste.",
            "Les prescripteurs connaissaient mal le contenu des ateliers et présentaient le Pass comme une aide "
            "ponctuelle.",
        ),
        "avoid": (
            "La distribution par courrier supposait que les personnes fassent la démarche de nous appeler : c'est "
            "justement ce qui leur coûte le plus.",
            "Nous avions accepté un volume de Pass sans adapter le nombre de créneaux d'ateliers.",
            "Nous n'avions pas anticipé les délais de remboursement, et la trésorerie a souffert.",
        ),
    },
    lessons=(
        "Remettre le Pass en main propre, avec une date de premier atelier déjà fixée.",
        "Présenter le Pass comme un parcours, pas comme un bon d'achat.",
        "Prévoir les créneaux avant d'accepter un volume de chèques.",
        "Former les prescripteurs au contenu des ateliers : c'est eux qui « vendent » le Pass.",
        "Suivre les chèques dans un tableau dès le premier jour et relancer les remboursements chaque mois.",
    ),
    questions=(
        ("Le dispositif est encore actif chez vous ? Chez nous, le Département n'en a plus racheté.",
         "Il nous reste un petit stock, mais plus de nouvelle commande depuis l'an dernier. On réfléchit à un "
         "parcours financé autrement."),
        ("Combien d'ateliers un carnet permet-il de financer, en pratique ?",
         "Chez nous, un carnet de dix chèques couvre cinq ateliers de deux heures. On l'explique dès la remise."),
    ),
    cost=(200, 1500), staff=(60, 350), volunteers=(0, 60),
    partners=("le Département", "le CCAS", "la mission locale", "France Travail", "les assistantes sociales de secteur"),
    funding=("remboursement des Pass numériques", "Département", "fonds propres"),
    links=("pass numerique",),
    outdated=("Le dispositif Pass numérique n'est plus financé de la même manière dans notre département ; "
              "est-ce encore d'actualité chez vous ?", "Les Pass numériques ont été remplacés chez nous par un autre "
              "dispositif départemental."),
))

TOPICS.append(Topic(
    key="conseiller_numerique", themes=("mediation", "financement", "collectivites"),
    modules=("mediation_numerique",), territories=(),
    titles={
        "good": ("Pérenniser le poste de conseiller numérique après la fin de l'aide de l'État",
                 "Conseiller numérique France Services : un poste partagé entre trois structures",
                 "Conseillère numérique : organiser sa semaine entre ateliers et rendez-vous",
                 "Un conseiller numérique qui forme aussi les bénévoles"),
        "mixed": ("Conseiller numérique : un poste utile, un financement toujours fragile",
                  "Un poste de conseiller numérique mutualisé avec l'intercommunalité : le bilan"),
        "avoid": ("Recruter un conseiller numérique sans plan de financement pour l'après",
                  "Conseiller numérique seul dans sa structure : ce qu'il aurait fallu prévoir"),
    },
    context=(
        "Nous avons recruté un conseiller numérique France Services en {annee}, grâce à l'aide de l'État, dégressive "
        "depuis.",
        "Notre conseillère numérique est la seule personne formée à la médiation dans un rayon de "
        "[[{25-40} km|plusieurs quartiers|plusieurs arrondissements]].",
        "Le poste est devenu central : ateliers, permanences, accompagnement des associations, formation des "
        "bénévoles.",
    ),
    objective=(
        "Trouver un financement durable pour le poste de conseiller numérique, sans sacrifier le temps passé avec "
        "les habitants.",
        "Donner au conseiller numérique un cadre de travail tenable et des collègues à qui parler.",
    ),
    steps=(
        "Calcul du coût complet du poste (salaire, charges, frais de déplacement, formation, matériel)",
        "Bilan chiffré de deux années d'activité, présenté aux élus avec des témoignages d'habitants",
        "Rencontre avec l'intercommunalité, le Département et deux communes pour un cofinancement",
        "Mise en place d'une convention pluriannuelle de trois ans avec des objectifs partagés",
        "Prestations facturées : formation des agents municipaux, ateliers pour l'EHPAD et la résidence autonomie",
        "Participation au réseau régional des médiateurs (analyse de pratiques une fois par mois)",
        "Répartition de la semaine en blocs fixes : ateliers, permanences, rendez-vous, administratif",
    ),
    pitfalls=(
        "Recrutement lancé sur la base de l'aide de l'État seule, sans budget pour les années suivantes",
        "Aucun temps prévu pour la formation continue ni les échanges entre pairs",
    ),
    outcome={
        "good": (
            "Le poste est financé pour trois ans : {35-45} % par l'intercommunalité, {20-30} % par le Département, le "
            "reste par nos prestations et nos fonds propres. {600-1100/10} personnes accompagnées par an.",
            "La conseillère numérique anime désormais {4-7} ateliers collectifs par semaine et a formé {12-25} "
            "bénévoles ; son temps administratif est passé de près de la moitié à moins d'un quart.",
        ),
        "mixed": (
            "Le poste est maintenu, mais à {60-80} % et seulement pour un an. Nous refaisons un dossier de "
            "financement tous les six mois.",
            "Le partage du poste entre trois structures fonctionne sur le papier ; en pratique, chaque structure "
            "aimerait plus de temps et le conseiller passe beaucoup de temps sur la route.",
        ),
        "avoid": (
            "À la fin de l'aide, nous n'avions pas de solution. Le contrat n'a pas été renouvelé, les ateliers se "
            "sont arrêtés, et il a fallu {8-14} mois pour relancer une activité de médiation.",
            "Notre conseiller, isolé, a quitté le poste au bout de {10-16} mois. Le recrutement suivant a pris "
            "cinq mois.",
        ),
    },
    problems={
        "good": ("Le renouvellement de la convention reste soumis aux budgets annuels des collectivités.",),
        "mixed": (
            "Chaque financeur veut ses propres indicateurs et son propre bilan : trois rapports différents pour un "
            "même poste.",
            "Le temps de coordination entre les structures n'était compté nulle part.",
            "Nous avons accepté des objectifs chiffrés ambitieux pour obtenir le financement.",
        ),
        "avoid": (
            "Nous avions considéré l'aide de l'État comme un financement durable, alors qu'elle était dégressive et "
            "limitée dans le temps.",
            "Personne dans l'équipe ne connaissait la médiation numérique : le conseiller n'avait aucun interlocuteur "
            "pour parler de son métier.",
            "Les élus ont découvert l'existence du poste au moment où nous leur demandions de le financer.",
        ),
    },
    lessons=(
        "Commencer à chercher le financement de l'après dès la première année du poste.",
        "Montrer régulièrement aux élus ce que fait le conseiller (invitations, chiffres, témoignages).",
        "Un bilan unique, partagé entre tous les financeurs, plutôt que trois.",
        "Prévoir du temps pour l'analyse de pratiques et les échanges avec d'autres médiateurs.",
        "Facturer certaines prestations (formation d'agents, ateliers en établissement) sans transformer le poste "
        "en prestataire.",
    ),
    questions=(
        ("Quel tarif pratiquez-vous pour la formation des agents municipaux ?",
         "350 € la demi-journée pour un groupe de huit agents maximum, supports compris."),
        ("Comment avez-vous présenté le bilan aux élus ? En conseil communautaire ?",
         "D'abord en commission, avec deux habitantes accompagnées qui ont accepté de témoigner. Le conseil "
         "communautaire est venu ensuite, avec une fiche d'une page."),
    ),
    cost=(28000, 42000), staff=(1200, 1600), volunteers=(0, 80),
    partners=("l'intercommunalité", "le Département", "la préfecture", "le hub régional d'inclusion numérique",
              "les communes membres"),
    funding=("aide de l'État au poste de conseiller numérique", "intercommunalité", "Département",
             "prestations de formation", "fonds propres"),
    links=("conseiller numerique", "financer un poste", "mediateur", "seule personne en mediation"),
    outdated=("Les modalités de financement des conseillers numériques ont changé depuis : à actualiser ?",),
))

TOPICS.append(Topic(
    key="ateliers_seniors", themes=("mediation", "formation"),
    modules=("mediation_numerique",), territories=(),
    titles={
        "good": ("Ateliers tablettes pour seniors : un cycle de {6-10} séances",
                 "Se protéger des arnaques en ligne : l'atelier que tout le monde redemande",
                 "Ateliers numériques à la résidence autonomie", "Des ateliers smartphone en petits groupes de cinq"),
        "mixed": ("Ateliers tablettes avec prêt de matériel : une bonne idée à moitié",
                  "Ateliers numériques en visio pour les personnes isolées : peu de monde"),
        "avoid": ("Ateliers numériques en grand groupe : ce qui n'a pas marché",
                  "Acheter des tablettes avant de savoir qui allait s'en servir"),
    },
    context=(
        "Beaucoup de personnes âgées du [[canton|quartier|secteur]] ont reçu une tablette ou un smartphone de "
        "leurs enfants et n'osent pas s'en servir.",
        "Le CCAS nous sollicitait régulièrement pour des personnes isolées, qui ne sortent presque plus de chez elles.",
        "Nos ateliers « tout public » étaient fréquentés à plus de moitié par des retraités, avec des attentes très "
        "différentes de celles des actifs.",
    ),
    objective=(
        "Permettre à des seniors de prendre en main leur tablette ou leur smartphone à leur rythme, jusqu'à une "
        "autonomie sur quelques usages concrets : appeler en visio, envoyer des photos, éviter les arnaques.",
        "Rompre l'isolement par le numérique, sans que le numérique devienne une source d'angoisse.",
    ),
    steps=(
        "Questionnaire remis par le CCAS et les aides à domicile pour recueillir les envies",
        "Groupes de {5-8} personnes maximum, deux animateurs par séance",
        "Cycle de séances d'une heure trente, le même jour et à la même heure chaque semaine",
        "Un thème par séance : allumer et naviguer, photos, visio avec la famille, messagerie, arnaques",
        "Fiches mémo imprimées en gros caractères, à garder chez soi",
        "Prêt de tablettes entre les séances pour celles et ceux qui n'en ont pas",
        "Goûter de fin de cycle avec remise d'un petit « diplôme » et inscription aux ateliers suivants",
    ),
    pitfalls=(
        "Groupes de quinze personnes ou plus avec un seul animateur",
        "Achat d'un parc de tablettes avant d'avoir constitué les groupes",
        "Séances en visio pour des personnes qui découvraient la tablette",
    ),
    outcome={
        "good": (
            "{6-10} cycles organisés en un an, {45-80} participants, {80-95} % d'assiduité. À la fin du cycle, "
            "{70-85} % savent faire seuls un appel vidéo avec leur famille.",
            "L'atelier « arnaques » est complet à chaque session ({10-14} places). {3-6} participantes sont devenues "
            "bénévoles pour accueillir les nouveaux.",
        ),
        "mixed": (
            "Le prêt de tablettes a permis à {12-20} personnes de pratiquer chez elles ; mais {2-4} tablettes ne sont "
            "jamais revenues et plusieurs ont été réinitialisées, perdant les réglages faits en atelier.",
            "Les ateliers en visio ont réuni {2-4} personnes en moyenne, contre {8-10} en présentiel. Ceux qui s'y "
            "connectaient étaient déjà à l'aise.",
        ),
        "avoid": (
            "Avec {15-20} personnes et un seul animateur, chaque séance se transformait en file d'attente de "
            "questions individuelles. La moitié du groupe ne revenait pas la semaine suivante.",
            "Les {10-15} tablettes achetées sont restées dans leur carton plusieurs mois : les personnes avaient "
            "déjà un appareil, ou n'en voulaient pas.",
        ),
    },
    problems={
        "good": ("Les niveaux restent très hétérogènes, même en petit groupe : il faut parfois scinder.",),
        "mixed": (
            "Le prêt de matériel demande un suivi (convention de prêt, réinitialisation, recharge) que nous n'avions "
            "pas prévu.",
            "La visio suppose de savoir déjà se connecter : c'est mettre la charrue avant les bœufs.",
            "Sans transport organisé, les personnes les plus isolées ne pouvaient pas venir.",
        ),
        "avoid": (
            "Nous avions calqué le format sur nos ateliers pour adultes actifs, sans tenir compte du rythme "
            "d'apprentissage.",
            "L'achat de tablettes répondait à une opportunité de financement, pas à un besoin exprimé.",
            "Il n'y avait pas de temps d'accueil : les personnes arrivaient stressées et repartaient découragées.",
        ),
    },
    lessons=(
        "Huit personnes maximum par groupe, deux animateurs si possible.",
        "Partir des appareils des personnes, pas d'un matériel acheté pour l'occasion.",
        "Des fiches mémo en gros caractères, une par thème.",
        "Toujours le même jour, la même heure, la même salle.",
        "Commencer par ce qui fait envie (les photos des petits-enfants) avant ce qui fait peur (les démarches).",
        "Organiser le transport avec le CCAS ou des bénévoles pour les personnes isolées.",
    ),
    questions=(
        ("Vos fiches mémo sont-elles partageables ? On démarre un cycle similaire.",
         "Oui, elles sont sous licence libre. Écrivez-nous et on vous envoie les fichiers modifiables."),
        ("Vous faites payer les ateliers ?",
         "Deux euros la séance ou adhésion à prix libre. Personne n'a jamais été refusé pour une question d'argent."),
    ),
    cost=(300, 6000), staff=(60, 300), volunteers=(20, 200),
    partners=("le CCAS", "la résidence autonomie", "le service d'aide à domicile", "la médiathèque", "le club des aînés"),
    funding=("conférence des financeurs de la prévention de la perte d'autonomie", "CCAS", "caisse de retraite",
             "fonds propres"),
    links=("seniors", "tablettes", "arnaques", "smartphone"),
))

TOPICS.append(Topic(
    key="atelier_velo", themes=("territoires", "formation", "fablab"),
    modules=("atelier_partage", "ressourcerie"), territories=(),
    titles={
        "good": ("Un atelier vélo participatif : réparer soi-même, avec de l'aide",
                 "Atelier vélo et vélos reconditionnés pour les jeunes en insertion",
                 "Remettre des vélos en circulation : {60-140/5} vélos en un an", "L'atelier vélo du mercredi, version itinérante"),
        "mixed": ("Atelier vélo : beaucoup de dons, pas assez de place",
                  "Vente de vélos d'occasion à petit prix : équilibre difficile"),
        "avoid": ("Atelier vélo ouvert sans encadrement sur les outils",
                  "Prêter des vélos sans contrat ni suivi : notre mauvaise expérience"),
    },
    context=(
        "[[Sans voiture, beaucoup de jeunes et de personnes âgées sont coincés au village : le vélo (électrique ou "
        "non) est souvent la seule option.|Dans le quartier, beaucoup de vélos dorment dans les caves, crevés ou "
        "rouillés, faute de savoir les réparer.|La ville développe ses pistes cyclables, mais peu d'habitants savent "
        "entretenir un vélo.]]",
        "La déchetterie nous proposait de récupérer les vélos déposés, une dizaine par mois.",
        "Deux bénévoles passionnés de mécanique cycle faisaient déjà des réparations dans la cour, de façon informelle.",
    ),
    objective=(
        "Ouvrir un atelier où chacun apprend à entretenir et réparer son vélo, et remettre en circulation des vélos "
        "récupérés pour celles et ceux qui n'en ont pas.",
        "Faciliter la mobilité des habitants sans voiture grâce au vélo, en misant sur l'autonomie plutôt que sur "
        "un service de réparation.",
    ),
    steps=(
        "Convention avec la déchetterie pour récupérer les vélos abandonnés",
        "Aménagement d'un coin atelier : deux pieds d'atelier, un établi, un stock de pièces d'occasion",
        "Adhésion au réseau L'Heureux Cyclage et formation d'un bénévole à l'animation d'atelier",
        "Ouverture deux demi-journées par semaine, sur adhésion annuelle à {5-15} €",
        "Règle d'or affichée : « on vous aide à réparer, on ne répare pas à votre place »",
        "Partenariat avec la mission locale pour des vélos reconditionnés à prix solidaire",
        "Sorties « remise en selle » pour les adultes qui n'ont pas fait de vélo depuis longtemps",
        "Bourse aux vélos au printemps, sur la place [[du village|du quartier|du marché]]",
    ),
    pitfalls=(
        "Acceptation de tous les dons sans tri, jusqu'à saturer le local",
        "Accès libre aux outils sans animateur présent",
        "Prêt de vélos sur simple parole, sans dépôt de garantie ni fiche",
    ),
    outcome={
        "good": (
            "En un an, {150-260/10} adhérents, {60-140/5} vélos remis en circulation (dont {20-45} pour des jeunes "
            "suivis par la mission locale) et {400-700/10} passages à l'atelier.",
            "La moitié des adhérents sont revenus au moins trois fois. {5-9} d'entre eux animent aujourd'hui l'atelier "
            "avec les deux fondateurs.",
        ),
        "mixed": (
            "Nous avons récupéré plus de {150-250/10} vélos, mais n'en avons remis en état qu'une soixantaine. Le "
            "reste encombre la cour et décourage les voisins.",
            "Les vélos vendus entre 30 et 60 € trouvent preneur, mais la vente couvre à peine les pièces : le temps "
            "bénévole n'est pas compté.",
        ),
        "avoid": (
            "Un usager s'est blessé à la main avec un démonte-pneu mal utilisé un soir sans animateur. Plus de peur "
            "que de mal, mais nous avons fermé l'accès libre.",
            "Sur {20-30} vélos prêtés, près de la moitié ne sont jamais revenus, et nous n'avions aucun moyen de "
            "joindre les emprunteurs.",
        ),
    },
    problems={
        "good": ("Le local devient trop petit ; l'hiver, l'atelier se vide et les bénévoles aussi.",),
        "mixed": (
            "Nous n'avons jamais osé refuser un don, par peur de vexer. Résultat : un stock ingérable.",
            "Le prix de vente avait été fixé par comparaison avec les vide-greniers, pas à partir de nos coûts.",
            "Le tri et le démontage des épaves prennent beaucoup de temps et n'intéressent personne.",
        ),
        "avoid": (
            "Nous avions confondu ouverture et accès libre : sans quelqu'un pour montrer les gestes, les outils "
            "deviennent dangereux.",
            "Le prêt reposait sur la confiance, sans trace écrite ni dépôt de garantie.",
            "Aucune personne n'était chargée de suivre les prêts et les retours.",
        ),
    },
    lessons=(
        "Trier les dons à l'arrivée et refuser poliment ce qu'on ne pourra pas réparer.",
        "Toujours un animateur formé pendant les heures d'ouverture.",
        "Un contrat de prêt simple, une pièce d'identité et un petit dépôt de garantie.",
        "Afficher clairement la règle : on aide à réparer, on ne répare pas à la place.",
        "Organiser une journée de démontage des épaves par trimestre, avec un repas à la clé.",
    ),
    questions=(
        ("Vous êtes assurés comment pour l'atelier ? Notre assureur tique sur l'usage des outils par le public.",
         "Extension de notre responsabilité civile, après avoir envoyé le règlement de l'atelier à l'assureur. Le "
         "réseau des ateliers vélo a un contrat groupé qui peut aider."),
        ("À quel prix vendez-vous les vélos reconditionnés ?",
         "Entre 30 et 80 €, et 10 € pour les jeunes orientés par la mission locale, avec un antivol."),
    ),
    cost=(800, 5000), staff=(40, 250), volunteers=(200, 1200),
    partners=("la déchetterie intercommunale", "la mission locale", "le réseau des ateliers vélo participatifs",
              "la police municipale (marquage des vélos)", "le collège"),
    funding=("adhésions", "vente de vélos reconditionnés", "appel à projets mobilité de la Région", "fonds propres"),
    links=("velo", "mobilite"),
))

TOPICS.append(Topic(
    key="fablab_scolaires", themes=("fablab", "formation"),
    modules=("fablab",), territories=(),
    titles={
        "good": ("Accueillir des classes au fablab : notre format de demi-journée",
                 "Un projet de technologie avec le collège, du croquis à l'objet",
                 "Fablab et lycée professionnel : un partenariat sur toute l'année",
                 "Des mercredis fablab pour les {10-14} ans"),
        "mixed": ("Classes au fablab : les élèves ravis, les enseignants moins",
                  "Un club fablab au collège : bien parti, vite essoufflé"),
        "avoid": ("Recevoir une classe entière sur les machines : à éviter",
                  "Un projet avec l'école monté sans l'équipe enseignante"),
    },
    context=(
        "Le [[collège du canton|collège du quartier|lycée professionnel voisin]] est à quelques minutes à pied, et "
        "le professeur de technologie venait déjà emprunter notre imprimante 3D.",
        "Les jeunes de {11-15} ans fréquentaient peu le lieu, à part pour le Wi-Fi.",
        "Nos machines étaient sous-utilisées en journée, en semaine.",
    ),
    objective=(
        "Faire découvrir la fabrication numérique à des élèves, en lien avec leur programme, et leur donner envie "
        "de revenir au fablab en dehors de l'école.",
        "Construire un partenariat durable avec l'établissement scolaire, plutôt que des visites ponctuelles.",
    ),
    steps=(
        "Rencontre avec le principal et l'équipe de technologie pour caler un projet sur le programme",
        "Demi-journées en demi-groupes de {12-15} élèves, par rotation sur trois ateliers",
        "Conception sur des logiciels libres (Inkscape, FreeCAD) avant de passer aux machines",
        "Fabrication d'un objet utile choisi par la classe (boîte à livres, signalétique, mobilier de cour)",
        "Une fiche sécurité par machine, lue et signée par chaque élève",
        "Restitution au collège devant les parents, avec les objets fabriqués",
        "Invitation aux « mercredis fablab » ouverts aux jeunes, sur inscription",
    ),
    pitfalls=(
        "Accueil de la classe entière (vingt-huit élèves) avec deux animateurs",
        "Projet conçu par l'équipe du fablab puis « proposé » à l'école",
    ),
    outcome={
        "good": (
            "{6-10} classes accueillies dans l'année, {150-260/10} élèves. {12-20} jeunes sont revenus au moins une fois "
            "le mercredi, et l'établissement a inscrit le partenariat dans son projet d'établissement.",
            "La boîte à livres fabriquée par les élèves de 4e est installée devant la mairie. Le partenariat est "
            "reconduit pour trois ans, avec {2500-4500/100} € par an versés par le collège et le Département.",
        ),
        "mixed": (
            "Les élèves ont adoré, mais les enseignants trouvaient le temps de conception trop court pour être "
            "évalué. Sur {4-6} classes prévues, {2-3} sont venues.",
            "Le club du mercredi a démarré avec {12-18} jeunes et en comptait {3-5} en fin d'année.",
        ),
        "avoid": (
            "Avec une classe entière, impossible d'encadrer correctement la découpeuse laser. Un élève s'est brûlé "
            "légèrement ; la séance a été interrompue et le collège a suspendu les sorties.",
            "Le projet n'avait pas été construit avec les enseignants. Ils ne s'en sont jamais emparés et il s'est "
            "arrêté au bout de deux séances.",
        ),
    },
    problems={
        "good": ("Les transports scolaires imposent des horaires serrés : la demi-journée fait en réalité deux heures "
                 "trente.",),
        "mixed": (
            "Nous n'avions pas anticipé les contraintes de l'évaluation scolaire.",
            "Le club reposait sur un seul animateur, qui a changé de poste en cours d'année.",
            "Le mercredi après-midi est déjà occupé par le sport et la musique pour beaucoup de jeunes.",
        ),
        "avoid": (
            "Nous avons accepté le format proposé (classe entière) pour ne pas perdre le partenariat.",
            "La sécurité machine était présentée à l'oral, vite, au début de la séance.",
            "Nous avions pensé le projet pour l'école, pas avec elle.",
        ),
    },
    lessons=(
        "Demi-groupes obligatoires, et jamais plus de quatre élèves par machine.",
        "Construire le projet avec les enseignants, à partir de leur programme.",
        "Fiche sécurité écrite pour chaque machine, lue avant la séance.",
        "Prévoir une restitution : les élèves sont fiers de montrer ce qu'ils ont fait.",
        "Garder les machines dangereuses (laser, CNC) pour la démonstration avec les plus jeunes.",
    ),
    questions=(
        ("Vous facturez les séances au collège ? Si oui, combien ?",
         "150 € la demi-journée par demi-groupe, matériaux compris. Le Département prend en charge une partie via "
         "son dispositif d'éducation artistique et culturelle."),
        ("Quel logiciel utilisez-vous avec les 11-12 ans ?",
         "Inkscape pour la découpe, Tinkercad pour une première approche de la 3D, puis FreeCAD avec les plus "
         "grands."),
    ),
    cost=(500, 4000), staff=(60, 300), volunteers=(20, 150),
    partners=("le collège", "le lycée professionnel", "le Département", "la Délégation académique au numérique",
              "les parents d'élèves"),
    funding=("participation de l'établissement", "Département (éducation artistique et culturelle)", "Pass Culture "
             "(part collective)", "fonds propres"),
    links=("college", "scolaire", "projet de technologie", "logiciels libres"),
))

TOPICS.append(Topic(
    key="jardin_partage", themes=("alimentation", "territoires"),
    modules=("jardin",), territories=(),
    titles={
        "good": ("Un jardin partagé en parcelles collectives plutôt qu'individuelles",
                 "Jardin partagé : trois ans de récoltes et de rencontres",
                 "Le jardin partagé au pied des immeubles", "Un jardin pédagogique avec l'école et l'EHPAD"),
        "mixed": ("Jardin partagé : l'été sans arrosage a tout compromis",
                  "Jardin partagé : beaucoup d'inscrits, peu de jardiniers"),
        "avoid": ("Créer un jardin partagé sans consulter les habitants du quartier",
                  "Jardin partagé : les parcelles individuelles qui ont divisé le groupe"),
    },
    context=(
        "Un terrain de {300-1200/50} m² jouxte le lieu, [[prêté par la commune|appartenant au bailleur social|mis à "
        "disposition par la ville]] et laissé en friche depuis des années.",
        "Beaucoup d'habitants n'ont pas de jardin, et plusieurs avaient exprimé l'envie de cultiver.",
        "Le centre social cherchait une activité à partager entre générations.",
    ),
    objective=(
        "Créer un jardin cultivé ensemble, ouvert aux habitants, où l'on apprend à jardiner sans pesticides et où "
        "les récoltes sont partagées.",
        "Faire du jardin un lieu de rencontre entre habitants qui ne se croisent pas ailleurs.",
    ),
    steps=(
        "Trois réunions d'habitants pour définir les règles et le plan du jardin",
        "Analyse de la terre (recherche de métaux lourds) avant toute plantation",
        "Convention d'occupation avec le propriétaire du terrain",
        "Chantiers participatifs : bacs surélevés, cabane à outils, composteur, récupérateur d'eau de pluie",
        "Planning d'arrosage partagé, affiché sur la cabane et dans un groupe de messagerie",
        "Ateliers mensuels animés par un maraîcher ou une association de jardiniers",
        "Fête des récoltes en septembre, avec repas partagé",
        "Accueil d'une classe de l'école et des résidents de l'EHPAD sur des bacs accessibles",
    ),
    pitfalls=(
        "Plan du jardin dessiné par l'équipe et présenté comme acquis",
        "Aucune organisation prévue pour l'arrosage pendant les vacances",
        "Attribution de parcelles individuelles par tirage au sort",
    ),
    outcome={
        "good": (
            "{25-45} jardiniers réguliers, {8-14} bacs cultivés, environ {300-700/50} kg de légumes récoltés et "
            "partagés la deuxième année. Le jardin est devenu un lieu de passage pour tout le [[bourg|quartier|secteur]].",
            "La classe de CE2 vient chaque semaine au printemps, les résidents de l'EHPAD deux fois par mois. "
            "Le compost collectif reçoit les déchets de {20-40} foyers.",
        ),
        "mixed": (
            "Au printemps, tout allait bien ; en juillet, sans arrosage organisé, la moitié des cultures a séché. "
            "Une partie des jardiniers ne sont pas revenus à la rentrée.",
            "{40-60} personnes inscrites la première année, mais une dizaine seulement venait régulièrement. Les "
            "parcelles non entretenues ont découragé les autres.",
        ),
        "avoid": (
            "Le jardin, dessiné sans les habitants, a été perçu comme « le jardin de l'association ». Quelques "
            "dégradations, peu de participation : il a été repensé entièrement un an plus tard.",
            "Les parcelles individuelles ont créé des tensions (limites, vols de récolte, parcelles abandonnées). "
            "Le groupe s'est divisé et plusieurs jardiniers sont partis.",
        ),
    },
    problems={
        "good": ("Le point d'eau reste insuffisant en été malgré les récupérateurs.",),
        "mixed": (
            "L'arrosage estival reposait sur la bonne volonté de chacun ; en juillet, tout le monde part en même temps.",
            "L'inscription était trop facile : s'inscrire n'engageait à rien.",
            "Nous n'avions pas prévu d'animation régulière pour maintenir le groupe.",
        ),
        "avoid": (
            "Nous avons confondu consultation et information : les habitants ont découvert un projet déjà décidé.",
            "Le tirage au sort des parcelles individuelles ne créait aucun collectif.",
            "Les règles n'étaient pas écrites : chacun avait les siennes.",
        ),
    },
    lessons=(
        "Dessiner le jardin avec les futurs jardiniers, sur place, avec des craies et des piquets.",
        "Faire analyser la terre avant de planter, surtout en ville.",
        "Organiser l'arrosage d'été dès le printemps : binômes, calendrier, paillage.",
        "Préférer des bacs collectifs, avec quelques espaces individuels pour ceux qui y tiennent.",
        "Écrire une charte courte, adoptée par tous, et l'afficher.",
        "Une animation par mois, au moins, pour garder le collectif vivant.",
    ),
    questions=(
        ("Le paillage a suffi pour tenir l'été ? Chez nous, même paillé, ça sèche.",
         "Paillage épais, arrosage au goutte-à-goutte sur les tomates et deux binômes par semaine. Ça tient, mais "
         "de justesse en juillet."),
        ("Comment avez-vous fait analyser la terre ? C'était coûteux ?",
         "Un laboratoire agréé, environ 200 € pour trois prélèvements. La ville a remboursé la moitié."),
    ),
    cost=(800, 6000), staff=(40, 200), volunteers=(300, 1500),
    partners=("la mairie", "le bailleur social", "le centre social", "l'école", "l'EHPAD", "une association de "
              "jardiniers"),
    funding=("contrat de ville", "appel à projets « nature en ville »", "fonds propres", "budget participatif"),
    links=("jardin partage", "jardin", "compost", "arrosage"),
))

TOPICS.append(Topic(
    key="amap", themes=("alimentation", "territoires"),
    modules=("jardin", "cuisine_partagee", "cafe_associatif"), territories=(),
    titles={
        "good": ("Accueillir la distribution de l'AMAP au tiers-lieu",
                 "Paniers de légumes et producteurs locaux : un point de retrait au tiers-lieu",
                 "AMAP et paniers solidaires pour les familles du quartier",
                 "Distribution de paniers et café associatif : le jeudi qui fait vivre le lieu"),
        "mixed": ("Paniers solidaires : bonne intention, organisation lourde",
                  "Groupement d'achat avec les producteurs : une première année en demi-teinte"),
        "avoid": ("Un groupement d'achat sans règles écrites : il a implosé",
                  "Point de retrait de paniers sans chambre froide : à éviter"),
    },
    context=(
        "Plusieurs maraîchers et éleveurs installés à moins de {10-30} km cherchaient des débouchés réguliers.",
        "[[Les habitants font souvent {20-30} km pour trouver des produits frais.|Le quartier n'a pas de marché et "
        "peu de commerces alimentaires.|Beaucoup d'usagers du coworking demandaient un point de retrait de paniers.]]",
        "Une AMAP existait déjà mais cherchait un lieu de distribution abrité.",
    ),
    objective=(
        "Rapprocher producteurs et habitants grâce à une distribution hebdomadaire au tiers-lieu, et rendre ces "
        "produits accessibles aux foyers modestes.",
        "Faire du tiers-lieu un point d'appui pour l'alimentation locale, sans devenir un commerce.",
    ),
    steps=(
        "Rencontre avec {3-6} producteurs et les bénévoles de l'AMAP",
        "Convention de mise à disposition du local pour la distribution, le jeudi de 17 h 30 à 19 h 30",
        "Contrats de saison signés entre adhérents et producteurs",
        "Paniers solidaires à moitié prix, financés par une cotisation de soutien et le CCAS",
        "Distribution couplée à un moment convivial au café",
        "Visites de fermes deux fois par an avec les familles",
    ),
    pitfalls=(
        "Commandes groupées gérées par un tableur partagé sans responsable désigné",
        "Stockage des paniers à température ambiante dans l'entrée",
    ),
    outcome={
        "good": (
            "{40-75} paniers distribués chaque semaine, dont {8-15} paniers solidaires. {4-6} producteurs "
            "partenaires, et un chiffre d'affaires de {25-50} 000 € par an qui leur revient directement.",
            "La distribution du jeudi est devenue le moment le plus fréquenté de la semaine ; {15-25} % des "
            "adhérents de l'AMAP ont ensuite participé à d'autres activités du lieu.",
        ),
        "mixed": (
            "{10-20} familles ont bénéficié de paniers solidaires, mais la gestion des paiements fractionnés et des "
            "absences a pris beaucoup de temps bénévole.",
            "Le groupement d'achat a fonctionné six mois avec {20-35} foyers, puis les commandes ont chuté de moitié.",
        ),
        "avoid": (
            "Après {5-8} mois, le groupement d'achat a cessé : erreurs de commandes, impayés, producteurs lassés.",
            "En juin, plusieurs paniers de fromages et de viande ont dû être jetés. Un producteur a préféré arrêter "
            "le partenariat.",
        ),
    },
    problems={
        "good": ("Les paniers non récupérés restent un casse-tête : nous les donnons à l'épicerie solidaire.",),
        "mixed": (
            "La solidarité reposait sur quelques bénévoles qui géraient les paiements au cas par cas.",
            "Les commandes ouvertes chaque semaine demandaient un engagement que peu de foyers tenaient.",
            "Nous n'avions pas prévu de remplaçants pendant les vacances.",
        ),
        "avoid": (
            "Personne n'était responsable du groupement : chacun pensait qu'un autre vérifiait les commandes.",
            "Les règles (délais, paiements, annulations) n'étaient écrites nulle part.",
            "Le local n'était pas adapté aux produits frais, et nous ne l'avions pas vérifié avec les producteurs.",
        ),
    },
    lessons=(
        "Un référent par producteur, clairement identifié.",
        "Des règles écrites : délais de commande, paiement, que faire des paniers non récupérés.",
        "Vérifier la chaîne du froid avec les producteurs avant la première distribution.",
        "Financer la part solidaire par une cotisation de soutien, pas par du temps bénévole.",
        "Coupler la distribution à un moment convivial : c'est là que le lien se fait.",
    ),
    questions=(
        ("Comment financez-vous exactement les paniers solidaires ?",
         "Une cotisation de soutien facultative (5 € par mois) payée par environ un tiers des adhérents, et une "
         "subvention du CCAS. Les familles paient la moitié du prix."),
        ("Le tiers-lieu prend-il une commission sur les paniers ?",
         "Non, rien. L'AMAP adhère au lieu et participe aux charges (200 € par an)."),
    ),
    cost=(300, 3000), staff=(20, 120), volunteers=(150, 700),
    partners=("l'AMAP locale", "les maraîchers du canton", "le CCAS", "l'épicerie solidaire", "la chambre d'agriculture"),
    funding=("cotisations de soutien", "CCAS", "programme alimentaire territorial", "fonds propres"),
    links=("groupement d'achat", "paniers", "producteurs"),
))

TOPICS.append(Topic(
    key="residence_artistes", themes=("culture", "territoires"),
    modules=("espace_culturel",), territories=(),
    titles={
        "good": ("Une résidence d'artistes en lien avec les habitants",
                 "Résidence d'artistes au tiers-lieu : trois semaines, un spectacle, un village mobilisé",
                 "Accueillir des compagnies en résidence en échange d'ateliers",
                 "Résidence d'artistes et collégiens : une création partagée"),
        "mixed": ("Résidence d'artistes : un beau spectacle, peu de lien avec le territoire",
                  "Résidences d'artistes sans hébergement sur place : compliqué"),
        "avoid": ("Une résidence d'artistes montée sans budget pour rémunérer les artistes",
                  "Résidence d'artistes : le conflit de calendrier avec les autres activités"),
    },
    context=(
        "Notre grande salle est libre une bonne partie de l'année en journée, et plusieurs compagnies de la région "
        "cherchaient des lieux de répétition.",
        "[[Il n'y a aucune salle de spectacle à moins de {30-50} km.|Les habitants du quartier vont peu dans les "
        "équipements culturels du centre-ville.|La ville compte beaucoup de lieux culturels, mais peu ouverts à la "
        "création avec les habitants.]]",
        "La DRAC et le Département encouragent les résidences « de territoire », avec un volet d'action culturelle.",
    ),
    objective=(
        "Accueillir des artistes en création et les faire travailler avec les habitants, pour que la culture se "
        "fabrique sur place et pas seulement « arrive » de l'extérieur.",
        "Faire connaître le lieu à de nouveaux publics à travers un projet artistique.",
    ),
    steps=(
        "Appel à candidatures auprès des compagnies de la région, avec un cahier des charges d'une page",
        "Choix collectif du projet par un jury mêlant habitants, bénévoles et partenaires",
        "Convention de résidence : dates, mise à disposition, rémunération, actions avec les habitants",
        "Hébergement chez l'habitant et repas partagés avec les bénévoles",
        "Ateliers ouverts pendant la résidence (écriture, musique, théâtre d'objets)",
        "Sortie de résidence gratuite, suivie d'un échange avec le public",
        "Bilan avec la compagnie et les partenaires, trois semaines après",
    ),
    pitfalls=(
        "Accueil de la compagnie contre la seule mise à disposition gratuite de la salle",
        "Planning de la résidence calé sans vérifier les réservations de la salle",
    ),
    outcome={
        "good": (
            "{2-4} résidences par an, {60-140/10} participants aux ateliers, {120-250/10} spectateurs à la sortie "
            "de résidence (pour un village de {500-1500/50} habitants). Deux compagnies reviennent l'an prochain.",
            "Le spectacle créé chez nous a tourné dans {6-12} lieux de la région, avec notre nom au générique.",
        ),
        "mixed": (
            "La création était de grande qualité, mais les ateliers avec les habitants ont réuni {4-8} personnes : "
            "la compagnie avait peu de temps à y consacrer.",
            "L'hébergement chez l'habitant a fonctionné pour une première résidence, puis les volontaires se sont "
            "faits rares.",
        ),
        "avoid": (
            "La compagnie, non rémunérée, a dû prendre d'autres engagements en parallèle. La résidence a été "
            "écourtée et la sortie publique annulée.",
            "La salle était réservée deux soirs pour l'assemblée générale d'une association et un loto. Tensions "
            "avec les artistes comme avec les associations.",
        ),
    },
    problems={
        "good": ("Le matériel son et lumière reste sommaire ; nous empruntons à la communauté de communes.",),
        "mixed": (
            "Le volet « habitants » n'était pas chiffré dans la convention : il est passé au second plan.",
            "La communication a commencé trop tard, une semaine avant la sortie de résidence.",
            "Nous n'avions pas d'hébergement à proposer en dur.",
        ),
        "avoid": (
            "Nous pensions qu'une salle gratuite suffisait à rendre une résidence intéressante pour une compagnie.",
            "Le planning de la salle était tenu dans deux agendas différents.",
            "Aucun budget n'avait été demandé à la DRAC ni au Département.",
        ),
    },
    lessons=(
        "Rémunérer les artistes, même modestement, et le dire dans l'appel à candidatures.",
        "Chiffrer le temps d'action culturelle dans la convention de résidence.",
        "Un seul agenda pour la salle, tenu par une seule personne.",
        "Associer des habitants au choix du projet : ce sont eux qui feront venir les autres.",
        "Prévoir l'hébergement avant l'appel à candidatures.",
    ),
    questions=(
        ("Quel montant avez-vous prévu pour rémunérer la compagnie ?",
         "1 500 € pour trois semaines, plus l'hébergement et les repas. C'est peu ; la DRAC a complété la deuxième "
         "année."),
        ("Comment avez-vous constitué le jury avec les habitants ?",
         "Un appel au café, sur le marché et dans le bulletin municipal. Six habitants, deux bénévoles, la "
         "médiathécaire."),
    ),
    cost=(2000, 12000), staff=(80, 300), volunteers=(100, 500),
    partners=("la DRAC", "le Département", "la médiathèque", "la communauté de communes", "l'école de musique"),
    funding=("DRAC (résidences de territoire)", "Département", "billetterie au chapeau", "fonds propres"),
    links=("residence", "artiste", "spectacle", "concert"),
))

TOPICS.append(Topic(
    key="budget_participatif", themes=("collectivites", "financement", "gouvernance"),
    modules=(), territories=(),
    titles={
        "good": ("Budget participatif : comment notre projet a été retenu",
                 "Accompagner les habitants à déposer des projets au budget participatif",
                 "Budget participatif : {150-400/10} votes pour l'aménagement du tiers-lieu",
                 "Budget participatif : une aide au vote en ligne au tiers-lieu"),
        "mixed": ("Budget participatif : projet lauréat, réalisation interminable",
                  "Porter un projet au budget participatif : une énergie considérable"),
        "avoid": ("Budget participatif : ne pas déposer un projet que personne ne porte",
                  "Faire campagne au budget participatif contre d'autres associations"),
    },
    context=(
        "[[La communauté de communes|La ville|La métropole]] a lancé un budget participatif doté de "
        "{50-300/10} 000 €, ouvert aux projets d'habitants et d'associations.",
        "Le lieu avait besoin d'aménagements (terrasse couverte, accessibilité, équipements) que nos financeurs "
        "habituels ne prenaient pas en charge.",
        "Des habitants fréquentant le tiers-lieu avaient des idées de projets, sans savoir comment les présenter.",
    ),
    objective=(
        "Faire financer un aménagement utile à tous grâce au budget participatif, en faisant porter le projet par "
        "les habitants eux-mêmes.",
        "Aider les habitants à s'approprier le budget participatif, au-delà de notre propre projet.",
    ),
    steps=(
        "Atelier d'idées au café avec les usagers du lieu et les voisins",
        "Rédaction du projet par un petit groupe d'habitants, avec notre aide pour le chiffrage",
        "Rencontre avec les services techniques pour vérifier la faisabilité",
        "Campagne de vote : stand au marché, porte-à-porte, aide au vote en ligne au tiers-lieu",
        "Suivi de la réalisation avec les services de la collectivité",
        "Inauguration avec les habitants porteurs du projet",
    ),
    pitfalls=(
        "Dépôt du projet par l'équipe salariée, au nom de l'association",
        "Campagne centrée sur nos propres usagers, avec des comparaisons avec les autres projets",
    ),
    outcome={
        "good": (
            "Le projet a recueilli {180-420/10} votes et a été retenu pour {15-40} 000 €. La terrasse couverte a été "
            "inaugurée {8-14} mois plus tard, en présence des {6-10} habitants qui l'avaient portée.",
            "Nous avons aidé {8-15} groupes d'habitants à déposer un projet ; {3-5} ont été retenus, dont un seul "
            "concernait directement le lieu.",
        ),
        "mixed": (
            "Le projet a été retenu, mais la réalisation a pris {18-26} mois (marchés publics, changement "
            "d'interlocuteur). Les habitants qui l'avaient porté se sont découragés.",
            "Nous avons obtenu {8-15} 000 € ; l'équipe a consacré près de {80-150/10} heures à la campagne, au "
            "détriment d'autres activités.",
        ),
        "avoid": (
            "Le projet, perçu comme celui « de l'association », a recueilli peu de votes ({40-80}). Il n'a pas été "
            "retenu, et plusieurs habitants ont regretté de ne pas avoir été associés.",
            "La campagne a été vécue comme une compétition entre associations. Des relations anciennes se sont "
            "tendues, ce qui a pesé bien après le vote.",
        ),
    },
    problems={
        "good": ("Les délais de réalisation dépendent entièrement de la collectivité : il faut les annoncer clairement.",),
        "mixed": (
            "Nous n'avions aucune prise sur le calendrier de réalisation et ne l'avions pas expliqué aux habitants.",
            "La campagne de vote a demandé une énergie considérable, sur des semaines déjà chargées.",
            "Le chiffrage initial était trop optimiste, et le projet a dû être revu à la baisse.",
        ),
        "avoid": (
            "Le budget participatif est fait pour les habitants ; en le portant nous-mêmes, nous en avons trahi "
            "l'esprit.",
            "Nous avons fait campagne comme pour une élection, au lieu de présenter sereinement le projet.",
            "Personne n'avait pris le temps de rencontrer les autres porteurs de projets.",
        ),
    },
    lessons=(
        "Faire porter le projet par des habitants, et rester en soutien.",
        "Chiffrer avec les services techniques avant le dépôt.",
        "Annoncer honnêtement les délais de réalisation.",
        "Proposer une aide au vote en ligne : c'est aussi de la médiation numérique.",
        "Rencontrer les autres porteurs : on peut soutenir plusieurs projets à la fois.",
    ),
    questions=(
        ("Le vote se faisait uniquement en ligne ? Comment avez-vous fait voter les personnes non connectées ?",
         "En ligne et sur papier à la mairie. On a tenu trois permanences d'aide au vote au tiers-lieu."),
        ("Le budget participatif peut-il financer du fonctionnement chez vous ?",
         "Non, uniquement de l'investissement. C'est la principale limite."),
    ),
    cost=(0, 1500), staff=(40, 200), volunteers=(40, 300),
    partners=("la mairie (service démocratie participative)", "les services techniques", "le conseil citoyen",
              "les associations du quartier"),
    funding=("budget participatif", "fonds propres"),
    links=("budget participatif",),
))

TOPICS.append(Topic(
    key="scic", themes=("gouvernance", "financement"),
    modules=(), territories=(),
    titles={
        "good": ("Passer d'association à SCIC : notre calendrier en dix-huit mois",
                 "SCIC : faire vivre le collège des usagers",
                 "Gouvernance partagée : une SCIC avec la commune au capital",
                 "SCIC : un capital ouvert aux habitants, à partir de {20-50} € la part"),
        "mixed": ("Transformation en SCIC : une bonne décision, un chantier sous-estimé",
                  "SCIC : les collèges existent, la participation beaucoup moins"),
        "avoid": ("SCIC : un collège des fondateurs qui bloque tout",
                  "Passer en SCIC pour de mauvaises raisons"),
    },
    context=(
        "L'association avait grandi : {3-7} salariés, des recettes d'activité en hausse, des partenaires publics "
        "et privés de plus en plus nombreux.",
        "Plusieurs partenaires (collectivité, entreprises locales, usagers) voulaient s'engager davantage, y compris "
        "au capital.",
        "La question de la gouvernance revenait à chaque assemblée générale : qui décide, et comment ?",
    ),
    objective=(
        "Adopter une forme juridique qui associe salariés, usagers, bénévoles et collectivités à la gouvernance, "
        "et qui permette de lever des fonds propres.",
        "Clarifier qui décide quoi, et donner une vraie place aux usagers et aux salariés.",
    ),
    steps=(
        "Accompagnement par l'union régionale des SCOP et SCIC (dispositif local d'accompagnement)",
        "Cycle de {4-6} réunions ouvertes pour définir les collèges et leurs droits de vote",
        "Rédaction des statuts et d'un règlement intérieur court",
        "Assemblée générale extraordinaire de transformation",
        "Campagne de souscription de parts sociales ({25-100} € la part)",
        "Formation des administrateurs à la gouvernance coopérative",
        "Réunion annuelle de chaque collège avant l'assemblée générale",
    ),
    pitfalls=(
        "Transformation décidée surtout pour accéder à de nouveaux financements",
        "Collège des fondateurs doté de la moitié des voix, « pour sécuriser le projet »",
    ),
    outcome={
        "good": (
            "La SCIC compte {60-180/10} sociétaires répartis en {4-5} collèges, dont la commune et "
            "l'intercommunalité. Capital social : {18-60} 000 €. Les décisions importantes se prennent par "
            "consentement en conseil d'administration.",
            "Le collège des usagers se réunit deux fois par an et a porté deux projets adoptés en assemblée "
            "(horaires élargis, tarif solidaire).",
        ),
        "mixed": (
            "La transformation a réussi, mais elle a occupé l'équipe pendant près de deux ans, le capital levé "
            "({10-20} 000 €) est inférieur à nos attentes et les nouvelles obligations comptables coûtent "
            "{2000-4000/500} € par an.",
            "Les {4-5} collèges existent sur le papier, mais seul celui des salariés se réunit vraiment : le collège "
            "des usagers rassemble {3-7} personnes sur {40-80} sociétaires usagers.",
        ),
        "avoid": (
            "Le collège des fondateurs a bloqué deux décisions votées par tous les autres collèges. La crise de "
            "gouvernance a duré un an et deux salariés sont partis.",
            "La SCIC n'a pas apporté les financements espérés, et la gouvernance est restée entre les mains des "
            "mêmes trois personnes.",
        ),
    },
    problems={
        "good": ("Les règles de vote par collège restent difficiles à expliquer aux nouveaux sociétaires.",),
        "mixed": (
            "Le temps nécessaire à la transformation n'était pas budgété.",
            "Les usagers ont pris des parts par sympathie, sans envie de s'impliquer dans la gouvernance.",
            "La comptabilité d'une société coopérative est plus exigeante que celle d'une association.",
        ),
        "avoid": (
            "La pondération des voix reflétait la méfiance des fondateurs envers les nouveaux venus.",
            "Le statut était vu comme une solution financière, pas comme un projet de gouvernance.",
            "Aucune procédure de résolution des désaccords n'avait été prévue.",
        ),
    },
    lessons=(
        "Se faire accompagner : l'union régionale des SCIC connaît tous les pièges.",
        "Passer en SCIC pour partager la gouvernance, pas pour obtenir des financements.",
        "Éviter qu'un collège puisse bloquer seul les décisions.",
        "Prévoir une procédure de médiation en cas de désaccord grave.",
        "Budgéter le temps de transformation : c'est un projet à part entière.",
    ),
    questions=(
        ("Combien de collèges avez-vous finalement ? Et avec quelle pondération ?",
         "Cinq collèges : salariés (25 %), usagers (25 %), bénévoles (20 %), collectivités (15 %), partenaires "
         "(15 %)."),
        ("La commune a-t-elle eu besoin d'une délibération pour entrer au capital ?",
         "Oui, une délibération du conseil municipal, préparée avec le préfet pour vérifier la légalité. Trois mois "
         "de délai."),
    ),
    cost=(2000, 9000), staff=(150, 500), volunteers=(100, 400),
    partners=("l'union régionale des SCOP et SCIC", "le dispositif local d'accompagnement", "la commune",
              "l'intercommunalité", "un cabinet d'expertise comptable"),
    funding=("dispositif local d'accompagnement", "fonds propres", "souscriptions de parts sociales"),
    links=("scic", "college", "collectif"),
))

TOPICS.append(Topic(
    key="convention_interco", themes=("collectivites", "financement"),
    modules=(), territories=(),
    titles={
        "good": ("Une convention d'objectifs pluriannuelle avec l'intercommunalité",
                 "Convention tripartite commune, intercommunalité, association : mode d'emploi",
                 "Négocier une convention de mise à disposition des locaux",
                 "Convention avec la commune : enfin des locaux sécurisés"),
        "mixed": ("Une convention d'objectifs signée, mais des versements toujours en retard",
                  "Convention avec l'intercommunalité : financés, mais jugés sur les mauvais indicateurs"),
        "avoid": ("Des locaux mis à disposition sans convention écrite",
                  "Signer une convention sans relire les objectifs chiffrés"),
    },
    context=(
        "[[La communauté de communes|L'agglomération|La métropole]] nous finançait par des subventions annuelles, "
        "votées au cas par cas, souvent en cours d'année.",
        "Les locaux appartiennent à la commune, qui nous les prête depuis l'ouverture sur simple accord oral.",
        "Nos actions répondent à plusieurs compétences de la collectivité (numérique, jeunesse, développement "
        "économique), sans interlocuteur unique.",
    ),
    objective=(
        "Obtenir une convention pluriannuelle qui sécurise le financement et clarifie ce que la collectivité "
        "attend de nous, et ce que nous attendons d'elle.",
        "Sortir de la dépendance aux décisions annuelles et à l'oral.",
    ),
    steps=(
        "Note de deux pages sur ce que le tiers-lieu apporte au territoire, avec des chiffres",
        "Rendez-vous avec le vice-président et la directrice générale des services",
        "Co-rédaction des objectifs : trois à cinq indicateurs, choisis ensemble",
        "Relecture juridique par le réseau régional des tiers-lieux",
        "Délibération du conseil communautaire et signature pour trois ans",
        "Comité de suivi annuel, avec un bilan d'une page",
    ),
    pitfalls=(
        "Acceptation des indicateurs proposés par la collectivité, pour signer vite",
        "Occupation des locaux sans convention, sur la foi d'un accord avec le maire",
    ),
    outcome={
        "good": (
            "Convention signée pour trois ans : {20-45} 000 € par an, versés à {60-80} % en début d'année. Les "
            "indicateurs sont les nôtres : fréquentation, partenariats, actions avec les communes.",
            "La mise à disposition des locaux est désormais écrite (durée, charges, travaux). Nous avons pu "
            "solliciter la DETR pour les travaux d'isolation grâce à cette convention.",
        ),
        "mixed": (
            "La convention sécurise {15-30} 000 € par an, mais les versements arrivent avec {4-7} mois de retard. "
            "Il a fallu un prêt de trésorerie.",
            "Les indicateurs retenus (nombre de créations d'entreprises) ne reflètent pas notre activité réelle ; "
            "chaque bilan annuel est un exercice d'équilibriste.",
        ),
        "avoid": (
            "Après les élections, la nouvelle équipe municipale a voulu récupérer les locaux. Sans convention, nous "
            "n'avions aucun argument juridique et avons dû déménager en {3-5} mois.",
            "Nous avons signé des objectifs chiffrés irréalistes ({300-600/50} personnes formées par an). Au bout de "
            "la première année, la collectivité a réduit sa subvention de {20-40} %.",
        ),
    },
    problems={
        "good": ("La négociation a pris près d'un an, le temps d'un cycle budgétaire complet.",),
        "mixed": (
            "Le calendrier de versement n'était pas précisé dans la convention.",
            "Nous avions accepté les indicateurs de la collectivité sans proposer les nôtres.",
            "Les interlocuteurs ont changé trois fois en trois ans.",
        ),
        "avoid": (
            "Un accord oral, même sincère, ne survit pas à un changement d'équipe.",
            "Nous étions pressés de signer et n'avons pas relu les annexes.",
            "Personne dans l'équipe n'avait l'habitude de négocier avec une collectivité.",
        ),
    },
    lessons=(
        "Tout écrire, même quand la relation est bonne.",
        "Proposer ses propres indicateurs, peu nombreux et mesurables.",
        "Préciser le calendrier de versement dans la convention.",
        "Faire relire par le réseau régional ou un juriste avant de signer.",
        "Inviter les élus et les services au moins une fois par an, hors bilan.",
    ),
    questions=(
        ("Vous avez un modèle de convention à partager ?",
         "Oui, notre convention (anonymisée) est dans les ressources du réseau régional. Je vous mets le lien en "
         "message privé."),
        ("Qui a rédigé la première version : vous ou la collectivité ?",
         "Nous. Arriver avec un texte change complètement la négociation."),
    ),
    cost=(0, 2000), staff=(40, 180), volunteers=(10, 80),
    partners=("l'intercommunalité", "la commune", "le réseau régional des tiers-lieux", "la préfecture"),
    funding=("intercommunalité", "commune", "fonds propres"),
    links=("convention", "intercommunalite", "locaux mis a disposition"),
))

TOPICS.append(Topic(
    key="elus", themes=("collectivites", "gouvernance"),
    modules=(), territories=(),
    titles={
        "good": ("Faire venir les élus au tiers-lieu : le petit-déjeuner trimestriel",
                 "Un comité de pilotage avec les élus, qui sert vraiment",
                 "Présenter le tiers-lieu en conseil communautaire en dix minutes",
                 "Inviter les secrétaires de mairie avant les élus : notre méthode"),
        "mixed": ("Inviter les élus à nos événements : présents pour la photo, absents ensuite",
                  "Changement de majorité : préserver le partenariat, à moitié"),
        "avoid": ("Laisser un élu faire du tiers-lieu sa vitrine",
                  "Ne parler aux élus qu'au moment de demander de l'argent"),
    },
    context=(
        "Les élus de [[la communauté de communes|la ville|l'agglomération]] connaissaient mal le lieu ; pour "
        "beaucoup, c'était « l'association du fablab » ou « le café ».",
        "Nos relations avec la collectivité passaient par un seul élu, très impliqué, et par les dossiers de "
        "subvention.",
        "Des élections approchaient, avec une forte probabilité de changement d'équipe.",
    ),
    objective=(
        "Faire connaître le tiers-lieu à l'ensemble des élus, toutes tendances confondues, et construire une "
        "relation qui ne dépende pas d'une seule personne.",
        "Installer un dialogue régulier avec la collectivité, en dehors des demandes de financement.",
    ),
    steps=(
        "Petit-déjeuner trimestriel d'une heure, ouvert à tous les élus, avec un usager qui témoigne",
        "Visite du lieu proposée à chaque nouvel élu et aux secrétaires de mairie",
        "Lettre d'information trimestrielle d'une page, chiffres et photos",
        "Comité de pilotage annuel avec les élus, les services et nos partenaires",
        "Invitation des élus à participer à un atelier, pas seulement à l'inauguration",
    ),
    pitfalls=(
        "Relation construite avec un seul élu, très présent dans la communication du lieu",
        "Contacts avec la collectivité limités aux dossiers de subvention",
    ),
    outcome={
        "good": (
            "{12-25} élus différents sont venus au moins une fois en un an, de toutes les communes du territoire. "
            "La convention a été renouvelée à l'unanimité du conseil communautaire.",
            "Après le changement de majorité, la nouvelle équipe connaissait déjà le lieu : {3-5} de ses membres "
            "avaient participé à nos petits-déjeuners.",
        ),
        "mixed": (
            "Les élus viennent aux inaugurations (jusqu'à {6-10} à la fête du lieu), mais aucun n'a participé à un "
            "atelier ou au comité de pilotage.",
            "La nouvelle majorité a maintenu la subvention, réduite de {15-30} %, après six mois d'incertitude.",
        ),
        "avoid": (
            "L'élu qui nous soutenait a fait du lieu un symbole de son mandat. Après sa défaite, la nouvelle équipe "
            "nous a considérés comme « son » association, et il a fallu près de deux ans pour renouer le dialogue.",
            "Nos demandes arrivaient toujours au moment du budget. Les élus nous ont perçus comme un poste de "
            "dépense, et la subvention a baissé deux années de suite.",
        ),
    },
    problems={
        "good": ("Les élus des petites communes ont peu de disponibilités en journée : le créneau de 8 h est le seul "
                 "qui marche.",),
        "mixed": (
            "Nous invitions les élus à regarder, pas à participer.",
            "Nous n'avions pas de contact direct avec les services, qui préparent pourtant les décisions.",
            "La lettre d'information était trop longue pour être lue.",
        ),
        "avoid": (
            "Nous avons laissé la communication d'un élu se confondre avec la nôtre.",
            "Le lien reposait sur une seule personne, de notre côté comme du sien.",
            "Nous parlions de nos besoins, rarement de ce que le lieu apporte au territoire.",
        ),
    },
    lessons=(
        "Parler à tous les élus, de toutes les tendances, y compris l'opposition.",
        "Garder la maîtrise de sa communication : le lieu n'appartient à aucun mandat.",
        "Montrer des usagers, pas seulement des chiffres.",
        "Entretenir la relation avec les services autant qu'avec les élus.",
        "Inviter à faire, pas seulement à regarder.",
    ),
    questions=(
        ("Combien d'élus viennent en moyenne au petit-déjeuner ?",
         "Entre quatre et dix. C'est peu, mais ce ne sont jamais exactement les mêmes."),
        ("Vous invitez aussi l'opposition municipale ?",
         "Oui, systématiquement. Ça a été déterminant après les dernières élections."),
    ),
    cost=(0, 800), staff=(20, 100), volunteers=(10, 60),
    partners=("les communes du territoire", "l'intercommunalité", "le Département", "les secrétaires de mairie"),
    funding=("fonds propres",),
    links=("elus", "conseil communautaire", "majorite"),
))

TOPICS.append(Topic(
    key="subventions", themes=("financement", "collectivites"),
    modules=(), territories=(),
    titles={
        "good": ("DETR : comment nous avons financé la rénovation du lieu",
                 "FDVA fonctionnement : un dossier simple qui a marché",
                 "Répondre à un AMI régional à trois fabriques", "Fonds LEADER : notre dossier de A à Z"),
        "mixed": ("Fonds LEADER : obtenu, mais versé deux ans plus tard",
                  "Un AMI remporté, un projet trop gros pour notre équipe"),
        "avoid": ("Lancer les travaux avant l'accord de subvention : ce qu'il en coûte",
                  "Répondre à tous les appels à projets en même temps"),
    },
    context=(
        "Notre budget repose pour {40-65} % sur des subventions, dont une part importante sur appels à projets.",
        "Nous avions un projet d'investissement (isolation, accessibilité, équipements) estimé à "
        "{40-180/10} 000 €.",
        "Personne dans l'équipe n'était chargé spécifiquement des dossiers de financement.",
    ),
    objective=(
        "Financer notre projet grâce aux bons dispositifs (DETR, FDVA, LEADER, AMI régionaux) sans épuiser l'équipe "
        "ni mettre la trésorerie en danger.",
        "Construire une méthode pour répondre aux appels à projets, réutilisable d'une année sur l'autre.",
    ),
    steps=(
        "Inventaire des dispositifs accessibles avec le réseau régional et le chargé de mission de la préfecture",
        "Dossier « socle » : présentation, budget, chiffres, photos, réutilisé pour chaque demande",
        "Calendrier annuel des dépôts, affiché dans le bureau",
        "Portage du dossier DETR par la commune, propriétaire des murs",
        "Réponse groupée avec deux fabriques voisines à l'AMI régional",
        "Tableau de suivi des versements et relances mensuelles",
        "Prêt de trésorerie auprès de France Active en attendant les versements",
    ),
    pitfalls=(
        "Démarrage des travaux avant la notification de la subvention",
        "Réponse à {5-8} appels à projets la même année, sans priorité",
    ),
    outcome={
        "good": (
            "Sur {6-8} dossiers déposés en un an, {3-5} ont été acceptés, pour un total de {45-120} 000 €. Le "
            "dossier socle nous fait gagner plusieurs jours à chaque dépôt.",
            "La DETR a couvert {35-50} % des travaux, le Département {15-25} %, et le reste a été financé par un "
            "prêt et nos fonds propres. Les travaux sont terminés et la facture de chauffage a baissé de "
            "{25-40} %.",
        ),
        "mixed": (
            "Le fonds LEADER a été accordé ({20-45} 000 €), mais versé {18-26} mois après les dépenses. Sans le "
            "prêt de trésorerie, nous aurions dû arrêter.",
            "Nous avons remporté l'AMI, mais le projet demandait l'équivalent d'un temps plein que nous n'avions pas. "
            "Il a fallu le réduire en cours de route, avec l'accord du financeur.",
        ),
        "avoid": (
            "Les travaux ont commencé deux semaines avant l'arrêté de subvention : la dépense est devenue "
            "inéligible. Perte sèche : {12-30} 000 €.",
            "Sur {6-9} dossiers déposés la même année, deux seulement ont abouti. L'équipe a passé l'hiver à écrire au lieu "
            "d'animer le lieu.",
        ),
    },
    problems={
        "good": ("Les règles de chaque dispositif changent souvent : il faut vérifier chaque année.",),
        "mixed": (
            "Les délais de versement n'avaient pas été intégrés au plan de trésorerie.",
            "Nous avions dimensionné le projet pour convaincre le financeur, pas pour notre capacité réelle.",
            "Les justificatifs demandés étaient beaucoup plus lourds que prévu.",
        ),
        "avoid": (
            "Nous ignorions la règle du commencement d'exécution : aucune dépense avant l'accusé de réception du "
            "dossier complet.",
            "Répondre à tout, c'est ne rien prioriser.",
            "Personne n'avait de vue d'ensemble sur les dossiers en cours.",
        ),
    },
    lessons=(
        "Ne rien engager avant l'accusé de réception ou l'autorisation de démarrage anticipé.",
        "Un dossier socle, mis à jour chaque année, fait gagner un temps précieux.",
        "Intégrer les délais de versement dans le plan de trésorerie.",
        "Choisir deux ou trois appels à projets par an, pas plus.",
        "Se regrouper avec d'autres fabriques pour les gros appels à projets.",
    ),
    questions=(
        ("La DETR peut-elle être demandée directement par une association ?",
         "Non, c'est réservé aux communes et intercommunalités. La commune, propriétaire, a porté le dossier."),
        ("Vous avez eu recours à quel organisme pour le prêt de trésorerie ?",
         "France Active, avec un prêt à taux zéro sur deux ans. Le dossier a pris un mois."),
    ),
    cost=(0, 3000), staff=(60, 300), volunteers=(10, 100),
    partners=("la commune", "la préfecture", "le réseau régional des tiers-lieux", "France Active", "le GAL LEADER"),
    funding=("DETR", "FDVA", "fonds LEADER", "AMI régional", "Département", "fonds propres"),
    links=("detr", "fdva", "leader", "ami", "subvention", "tresorerie"),
    outdated=("Les règles du FDVA ont changé cette année (plafonds et calendrier) : à mettre à jour ?",),
))

TOPICS.append(Topic(
    key="modele_economique", themes=("financement", "gouvernance"),
    modules=(), territories=(),
    titles={
        "good": ("Modèle économique : passer de {70-85} % à {40-55} % de subventions",
                 "Des prestations pour les entreprises qui financent l'accueil des habitants",
                 "Un budget lisible pour toute l'équipe : notre tableau de bord mensuel",
                 "Constituer un fonds de réserve de {2-4} mois de charges"),
        "mixed": ("Diversifier les recettes : plus de chiffre d'affaires, moins de temps pour le projet",
                  "Tarifs différenciés selon les publics : une bonne idée difficile à appliquer"),
        "avoid": ("Compter sur les recettes d'une activité qui n'existait pas encore",
                  "Embaucher sur un financement d'un an sans plan B"),
    },
    context=(
        "Comme beaucoup de tiers-lieux, notre modèle économique dépendait très largement des subventions, versées "
        "tard et remises en question chaque année.",
        "Le budget annuel tournait autour de {90-250/10} 000 €, pour {2-6} salariés.",
        "Les recettes propres (adhésions, location, café) étaient faibles et mal suivies.",
    ),
    objective=(
        "Augmenter la part des recettes propres sans trahir le projet associatif : l'accueil des habitants doit "
        "rester accessible.",
        "Rendre le budget compréhensible par tous, pour que les décisions soient prises en connaissance de cause.",
    ),
    steps=(
        "Analyse des coûts par activité avec un bénévole expert-comptable",
        "Grille tarifaire à trois niveaux : solidaire, normal, soutien (ou structures)",
        "Offre de prestations pour les entreprises et les collectivités : formations, séminaires, location",
        "Tableau de bord mensuel d'une page, présenté à chaque réunion d'équipe",
        "Fonds de réserve équivalent à {2-4} mois de charges, constitué progressivement",
        "Révision annuelle des tarifs en assemblée générale",
    ),
    pitfalls=(
        "Budget prévisionnel construit sur des recettes de prestations encore hypothétiques",
        "Recrutement d'un poste supplémentaire sur un financement d'un an",
    ),
    outcome={
        "good": (
            "En trois ans, les recettes propres sont passées de {15-25} % à {40-55} % du budget. Les prestations "
            "aux entreprises rapportent {18-40} 000 € par an et financent l'accueil gratuit des habitants.",
            "Le tableau de bord mensuel a changé les discussions : l'équipe arbitre désormais les projets en "
            "connaissant leur coût réel. Le fonds de réserve couvre {2-3} mois de charges.",
        ),
        "mixed": (
            "Le chiffre d'affaires a augmenté de {25-45} %, mais les salariés passent désormais près d'un tiers de "
            "leur temps sur des prestations, au détriment de l'accueil des habitants.",
            "Les tarifs différenciés sont peu appliqués : l'équipe n'ose pas demander le tarif « normal », et le "
            "tarif solidaire est devenu la règle.",
        ),
        "avoid": (
            "Les recettes prévues n'ont atteint que {20-40} % de l'objectif. Le déficit de l'exercice "
            "({15-40} 000 €) a absorbé toutes nos réserves.",
            "À la fin du financement, nous n'avons pas pu garder la personne recrutée. Son départ a été douloureux "
            "pour toute l'équipe, et les activités qu'elle portait se sont arrêtées.",
        ),
    },
    problems={
        "good": ("Il faut veiller à ce que les prestations ne prennent pas le pas sur le projet : nous avons fixé un "
                 "plafond de temps.",),
        "mixed": (
            "Aucun plafond n'avait été fixé pour le temps passé sur les prestations.",
            "Les critères du tarif solidaire n'étaient pas clairs : il fallait juger au cas par cas.",
            "Le suivi financier restait l'affaire de la seule trésorière.",
        ),
        "avoid": (
            "Le budget prévisionnel était construit pour rassurer les financeurs, pas pour piloter.",
            "Nous avons pris le risque en espérant que « ça passerait », sans scénario de repli.",
            "Les alertes de la trésorière n'ont pas été entendues à temps, faute de tableau de bord partagé.",
        ),
    },
    lessons=(
        "Construire le prévisionnel avec un scénario pessimiste, et le regarder vraiment.",
        "Un tableau de bord d'une page, chaque mois, partagé avec toute l'équipe.",
        "Fixer un plafond de temps pour les prestations.",
        "Des critères simples pour les tarifs solidaires, affichés.",
        "Ne jamais recruter sur un financement d'un an sans savoir comment continuer.",
        "Constituer une réserve, même petite, dès que possible.",
    ),
    questions=(
        ("Votre tableau de bord mensuel, il contient quoi exactement ?",
         "Trésorerie, recettes et dépenses du mois par rapport au prévisionnel, et trois indicateurs d'activité. "
         "Une page, pas plus."),
        ("Les prestations aux entreprises, c'est quel type de prestation surtout ?",
         "Séminaires d'équipe avec atelier de fabrication, formations bureautiques, location de salle avec repas "
         "du café."),
    ),
    cost=(0, 3000), staff=(60, 250), volunteers=(20, 150),
    partners=("un expert-comptable bénévole", "le dispositif local d'accompagnement", "France Active",
              "le réseau régional des tiers-lieux"),
    funding=("fonds propres", "dispositif local d'accompagnement"),
    links=("modele economique", "budget", "subventions", "tarifs", "fabmanager"),
))

TOPICS.append(Topic(
    key="location_espaces", themes=("financement", "territoires"),
    modules=(), territories=(),
    titles={
        "good": ("Louer nos salles : une grille tarifaire simple et assumée",
                 "Location d'espaces : {4000-12000/500} € de recettes par an sans trahir le projet",
                 "Réservation des salles en ligne : fini les doubles réservations",
                 "Salles à louer : une offre séminaire avec les repas du café"),
        "mixed": ("Louer la grande salle pour des fêtes privées : rentable, mais pas sans dégâts",
                  "Gratuit pour les associations, payant pour les autres : difficile à tenir"),
        "avoid": ("Louer des salles sans état des lieux ni caution",
                  "Un agenda papier pour trois salles et quatre équipes"),
    },
    context=(
        "Le lieu compte {2-4} salles, dont une de {40-120/10} places, souvent vides en semaine.",
        "Des associations, des entreprises et des particuliers nous demandaient régulièrement à louer, sans "
        "que nous ayons de règles claires.",
        "Les réservations étaient notées dans plusieurs agendas, papier et en ligne.",
    ),
    objective=(
        "Faire des salles une source de revenus régulière, tout en les gardant accessibles aux associations et aux "
        "habitants.",
        "Simplifier la gestion des réservations pour l'équipe.",
    ),
    steps=(
        "Inventaire des salles : capacité, équipement, accessibilité, photos",
        "Grille tarifaire à trois niveaux : associations du territoire, structures publiques, entreprises et "
        "particuliers",
        "Contrat de location type, avec état des lieux et caution",
        "Agenda en ligne unique, avec réservation validée par une seule personne",
        "Fiches pratiques affichées dans chaque salle : chauffage, rangement, tri des déchets, fermeture",
        "Offre « salle + repas du café » pour les séminaires",
        "Publication des salles dans le catalogue partagé du réseau des fabriques",
    ),
    pitfalls=(
        "Locations de week-end à des particuliers sans caution ni état des lieux",
        "Réservations prises par n'importe quel membre de l'équipe, dans l'agenda de son choix",
    ),
    outcome={
        "good": (
            "Les locations rapportent {4000-12000/500} € par an, avec un taux d'occupation en semaine passé de "
            "{15-25} % à {40-60} %. Les associations du territoire gardent un accès gratuit un soir par semaine.",
            "Plus aucune double réservation depuis l'agenda unique. {8-15} entreprises reviennent régulièrement pour "
            "leurs séminaires.",
        ),
        "mixed": (
            "Les fêtes privées du week-end rapportent bien ({150-350/10} € la soirée), mais entraînent plaintes des "
            "voisins, ménage et petites casses.",
            "La gratuité pour les associations a fini par représenter les trois quarts des réservations, sans "
            "contrepartie ni engagement de ménage.",
        ),
        "avoid": (
            "Après une soirée privée, la salle a été rendue dans un état déplorable, avec {800-2500/100} € de dégâts. "
            "Sans caution ni état des lieux, impossible de se retourner contre le locataire.",
            "En {3-6} mois, {4-8} doubles réservations, dont une pour un séminaire d'entreprise. Client perdu, "
            "équipe épuisée par les arbitrages.",
        ),
    },
    problems={
        "good": ("Le ménage reste le point faible : nous l'avons finalement intégré au tarif.",),
        "mixed": (
            "Nous n'avions pas pensé à l'impact des soirées sur le voisinage.",
            "La gratuité sans contrepartie n'engage à rien, ni à prévenir en cas d'annulation, ni à ranger.",
            "Le ménage n'était pas facturé ni prévu.",
        ),
        "avoid": (
            "Nous avions voulu rester « simples » et éviter les papiers ; c'était une fausse simplicité.",
            "Plusieurs agendas, plusieurs personnes habilitées à réserver : c'était écrit d'avance.",
            "Aucune règle sur les horaires, la musique et le rangement.",
        ),
    },
    lessons=(
        "Un contrat, un état des lieux et une caution, même pour les habitués.",
        "Un agenda unique et une seule personne qui valide les réservations.",
        "Intégrer le ménage au tarif.",
        "Demander une petite contrepartie aux associations (ménage, coup de main, adhésion).",
        "Fixer des horaires de fin clairs pour le voisinage.",
    ),
    questions=(
        ("Vous utilisez quel outil pour l'agenda en ligne ?",
         "Un agenda partagé sur notre Nextcloud, avec une seule personne qui a les droits d'écriture. Simple et "
         "suffisant."),
        ("Quel montant de caution demandez-vous ?",
         "500 € pour la grande salle, 200 € pour les petites. Par chèque, encaissé seulement en cas de problème."),
    ),
    cost=(200, 2000), staff=(40, 200), volunteers=(10, 80),
    partners=("les associations du territoire", "l'office de tourisme", "le réseau des fabriques"),
    funding=("recettes de location", "fonds propres"),
    links=("salle", "location", "tarifs", "reunion"),
))

TOPICS.append(Topic(
    key="coworking_rural", themes=("territoires", "financement"),
    modules=("coworking",), territories=("rural",),
    titles={
        "good": ("Un coworking rural rempli grâce aux télétravailleurs du territoire",
                 "Coworking rural : {10-20} postes, une communauté, un équilibre",
                 "Coworking et télétravail : la convention avec les employeurs du coin",
                 "Un coworking au village, ouvert par badge de 7 h à 21 h"),
        "mixed": ("Coworking rural : de la demande en hiver, le désert en été",
                  "Coworking : des postes occupés, une communauté qui ne prend pas"),
        "avoid": ("Ouvrir un coworking rural sans fibre ni étude de la demande",
                  "Tarifs de coworking copiés sur ceux des grandes villes"),
    },
    context=(
        "Depuis {annee}, de plus en plus d'habitants du canton télétravaillent, souvent depuis leur cuisine.",
        "Le lieu disposait d'un étage inoccupé de {60-150/10} m², lumineux mais à équiper.",
        "La fibre est arrivée au bourg il y a deux ans ; les hameaux restent mal desservis.",
    ),
    objective=(
        "Proposer aux télétravailleurs et indépendants du territoire un espace de travail partagé, à des tarifs "
        "adaptés, et créer une communauté qui participe à la vie du lieu.",
        "Faire du coworking une recette stable pour le tiers-lieu.",
    ),
    steps=(
        "Questionnaire diffusé par la communauté de communes et les employeurs locaux",
        "Aménagement de {8-16} postes, une salle de visio, une cabine téléphonique, une cuisine",
        "Tarifs à la journée, au carnet de dix et au mois, nettement en dessous des prix urbains",
        "Convention avec {2-4} employeurs du territoire pour le télétravail de leurs salariés",
        "Déjeuner partagé le mardi et petit-déjeuner d'accueil pour les nouveaux",
        "Accès par badge de 7 h à 21 h, sans présence salariée",
    ),
    pitfalls=(
        "Ouverture avant d'avoir vérifié la qualité de la connexion",
        "Tarifs alignés sur ceux des coworkings de la métropole",
    ),
    outcome={
        "good": (
            "Taux d'occupation moyen de {55-75} % après un an, {25-45} coworkers réguliers. Le coworking rapporte "
            "{12-25} 000 € par an et plusieurs coworkers animent des ateliers au tiers-lieu.",
            "Les conventions avec les employeurs représentent {30-45} % des journées réservées. Deux entreprises ont "
            "installé une équipe entière chez nous deux jours par semaine.",
        ),
        "mixed": (
            "L'hiver, les postes sont presque tous pris ; de juin à septembre, l'occupation tombe sous les {10-20} %, "
            "et les recettes ne couvrent pas les charges.",
            "Les postes sont occupés ({50-65} % en moyenne), mais les coworkers viennent travailler et repartent ; "
            "ils ne participent à aucune autre activité du lieu.",
        ),
        "avoid": (
            "Les premiers coworkers sont partis au bout de quelques semaines : la connexion tombait plusieurs fois par "
            "jour. Il a fallu {6-10} mois pour obtenir une ligne professionnelle fiable.",
            "À {20-25} € la journée, personne n'est venu. Nous avons divisé les tarifs par deux après {4-6} mois, "
            "mais la mauvaise réputation était installée.",
        ),
    },
    problems={
        "good": ("L'été reste creux, malgré l'arrivée de quelques télétravailleurs en vacances.",),
        "mixed": (
            "Le modèle économique supposait une occupation constante toute l'année.",
            "Aucun temps collectif n'était proposé au démarrage.",
            "Nous n'avions pas de personne chargée d'animer la communauté.",
        ),
        "avoid": (
            "Nous avons ouvert en comptant sur l'arrivée de la fibre « dans les prochaines semaines ».",
            "Les tarifs avaient été recopiés, sans tenir compte des revenus ni des habitudes locales.",
            "Aucune étude de la demande n'avait été faite.",
        ),
    },
    lessons=(
        "Tester la connexion aux heures de pointe, pendant plusieurs semaines, avant d'ouvrir.",
        "Fixer les tarifs avec les futurs usagers.",
        "Un rituel collectif par semaine suffit à créer une communauté.",
        "Prévoir une offre d'été (touristes, télétravailleurs de passage).",
        "Aller voir les employeurs du territoire : ils ont intérêt au télétravail de proximité.",
    ),
    questions=(
        ("Vous avez quel débit aujourd'hui, et quel fournisseur ?",
         "Fibre professionnelle à 1 Gb/s avec garantie de rétablissement, environ 90 € par mois. Cher, mais "
         "indispensable."),
        ("Les conventions avec les employeurs, elles prévoient quoi ?",
         "Un nombre de journées par an, facturées à l'employeur, et un accès à la salle de visio. Une page recto verso."),
    ),
    cost=(5000, 30000), staff=(80, 350), volunteers=(40, 200),
    partners=("la communauté de communes", "les employeurs du territoire", "la chambre de commerce",
              "le syndicat mixte du numérique"),
    funding=("recettes de coworking", "Région (tiers-lieux)", "fonds LEADER", "fonds propres"),
    links=("coworking", "fibre", "teletravail"),
))

TOPICS.append(Topic(
    key="qpv_aller_vers", themes=("territoires", "mediation"),
    modules=(), territories=("qpv",),
    titles={
        "good": ("Aller vers les habitants : un stand au pied des immeubles chaque semaine",
                 "Ouvrir le lieu aux jeunes du quartier sans perdre les autres publics",
                 "Recruter des habitants du quartier comme médiateurs relais",
                 "Un repas de quartier par trimestre, cuisiné par les habitants"),
        "mixed": ("Horaires du soir dans le quartier : plus de jeunes, plus de tensions",
                  "Travailler avec le bailleur social : des locaux, mais peu de marge"),
        "avoid": ("S'installer dans un quartier sans rencontrer les structures déjà présentes",
                  "Ouverture en soirée sans équipe formée : ce qui a tourné court"),
    },
    context=(
        "Les habitants du {quartier} passaient devant la vitrine sans entrer ; beaucoup pensaient que le lieu "
        "était « pour les gens de l'extérieur ».",
        "Les jeunes du quartier occupaient l'entrée de l'immeuble, et les relations avec les autres usagers "
        "étaient tendues.",
        "Le centre social, l'association de prévention et l'amicale des locataires étaient présents depuis "
        "longtemps.",
    ),
    objective=(
        "Faire du tiers-lieu un lieu que les habitants du quartier considèrent comme le leur, en allant vers eux "
        "plutôt qu'en attendant qu'ils viennent.",
        "Trouver une place aux jeunes du quartier dans le lieu, avec eux.",
    ),
    steps=(
        "Tournée de rencontre des structures du quartier : centre social, prévention, amicale des locataires, "
        "médiateurs de la ville",
        "Stand hebdomadaire au pied des immeubles avec du thé, des jeux et une tablette pour les démarches",
        "Recrutement de {2-4} habitants comme médiateurs relais, rémunérés en contrat aidé",
        "Créneau réservé aux 15-20 ans, co-animé avec l'éducateur de prévention",
        "Repas de quartier trimestriel, cuisiné par les habitants",
        "Traduction des supports en arabe, en turc et en comorien",
    ),
    pitfalls=(
        "Installation et programmation décidées sans passer par les structures du quartier",
        "Ouverture jusqu'à 22 h avec une seule personne en poste, non formée à la médiation",
    ),
    outcome={
        "good": (
            "La part d'habitants du quartier parmi les usagers est passée de {15-25} % à {45-65} % en {12-18} mois. "
            "Les médiateurs relais orientent chaque mois {30-60} personnes vers le lieu.",
            "Le créneau des 15-20 ans réunit {10-20} jeunes chaque semaine, et trois d'entre eux préparent un projet "
            "de vidéo avec le fablab.",
        ),
        "mixed": (
            "Les soirées ont attiré {15-30} jeunes, mais plusieurs incidents (bruit, dégradations légères) ont "
            "conduit à réduire l'ouverture à deux soirs.",
            "Le bailleur met les locaux à disposition gratuitement, mais chaque aménagement demande des mois "
            "d'autorisation, et nous ne pouvons pas ouvrir le week-end.",
        ),
        "avoid": (
            "Les structures du quartier ont vu notre arrivée comme une concurrence. Il a fallu près d'un an pour "
            "rétablir la confiance et travailler ensemble.",
            "Après {2-4} mois, un incident sérieux un soir a conduit à fermer en soirée. La personne en poste, "
            "seule et sans formation, n'aurait pas dû se retrouver dans cette situation.",
        ),
    },
    problems={
        "good": ("Les contrats aidés des médiateurs relais ne sont pas pérennes : nous cherchons une solution.",),
        "mixed": (
            "Le cadre des soirées n'avait pas été construit avec les jeunes eux-mêmes.",
            "Nous manquions d'adultes référents connus des jeunes.",
            "La convention avec le bailleur ne prévoyait pas les usages du soir et du week-end.",
        ),
        "avoid": (
            "Nous sommes arrivés avec un projet déjà écrit, sans connaître l'histoire du quartier.",
            "L'ouverture tardive reposait sur une seule personne, sans formation ni binôme.",
            "Aucun lien n'avait été établi avec l'équipe de prévention spécialisée.",
        ),
    },
    lessons=(
        "Rencontrer toutes les structures présentes avant d'ouvrir, et demander ce qui manque.",
        "Aller vers : les habitants ne viennent pas parce qu'on a ouvert.",
        "Jamais seul en soirée : toujours un binôme, dont une personne formée.",
        "Recruter des habitants du quartier dans l'équipe.",
        "Construire les règles des créneaux jeunes avec les jeunes.",
    ),
    questions=(
        ("Comment avez-vous financé les postes de médiateurs relais ?",
         "Adultes-relais (État, contrat de ville) pour deux postes, et un contrat aidé du Département pour le "
         "troisième."),
        ("Le stand au pied des immeubles, vous le faites par tous les temps ?",
         "Sauf grosse pluie, oui. La régularité compte plus que tout : les gens savent qu'on sera là le mercredi."),
    ),
    cost=(1000, 8000), staff=(200, 900), volunteers=(40, 300),
    partners=("le centre social", "l'association de prévention spécialisée", "l'amicale des locataires",
              "le bailleur social", "la délégation du préfet"),
    funding=("contrat de ville", "adultes-relais (État)", "bailleur social", "fonds propres"),
    links=("quartier", "qpv", "jeunes", "bailleur", "soiree"),
))

TOPICS.append(Topic(
    key="formation_benevoles", themes=("formation", "gouvernance"),
    modules=(), territories=(),
    titles={
        "good": ("Un parcours d'accueil des nouveaux bénévoles en trois temps",
                 "Former les bénévoles à l'accueil du public : notre module de deux soirées",
                 "Bénévoles référents : une formation courte, un binôme, un suivi",
                 "Le livret d'accueil des bénévoles, huit pages qui changent tout"),
        "mixed": ("Formation des bénévoles : de bons contenus, peu de participants",
                  "Une charte des bénévoles utile, mais appliquée de façon inégale"),
        "avoid": ("Confier l'accueil à des bénévoles sans les former",
                  "Formation des bénévoles obligatoire le samedi entier : mauvaise idée"),
    },
    context=(
        "Le lieu fonctionne grâce à {20-60} bénévoles, dont le nombre varie beaucoup d'une saison à l'autre.",
        "Les nouveaux bénévoles arrivaient pleins d'envie et repartaient souvent au bout de quelques semaines, "
        "faute de savoir où se mettre.",
        "Les bénévoles tiennent l'accueil le soir et le samedi, sans salarié présent.",
    ),
    objective=(
        "Accueillir et former les bénévoles pour qu'ils se sentent à l'aise et restent, et que l'accueil du "
        "public soit de qualité quelle que soit la personne présente.",
        "Donner aux bénévoles les repères essentiels (sécurité, accueil, orientation) sans les transformer en "
        "salariés non payés.",
    ),
    steps=(
        "Entretien d'accueil de trente minutes avec chaque nouveau bénévole : envies, disponibilités, compétences",
        "Visite du lieu et remise d'un livret d'accueil de huit pages",
        "Deux soirées de formation : accueil du public, situations difficiles, sécurité, orientation",
        "Binôme avec un bénévole expérimenté pendant les trois premières permanences",
        "Point individuel à trois mois",
        "Soirée annuelle des bénévoles, avec bilan et remerciements",
        "Accès gratuit aux formations du réseau régional (premiers secours, animation)",
    ),
    pitfalls=(
        "Bénévoles placés seuls à l'accueil dès leur deuxième venue",
        "Formation obligatoire d'une journée entière, un samedi",
    ),
    outcome={
        "good": (
            "{25-45} bénévoles formés en un an. La part de nouveaux bénévoles encore actifs après six mois est "
            "passée d'environ un tiers à {60-80} %.",
            "Les soirées et les samedis sont couverts {85-95} % du temps, et les incidents à l'accueil sont rares. "
            "{3-6} bénévoles sont devenus formateurs à leur tour.",
        ),
        "mixed": (
            "Les formations sont appréciées ({85-95} % de satisfaits), mais elles réunissent {4-8} personnes sur "
            "{25-40} bénévoles actifs : ceux qui en auraient le plus besoin ne viennent pas.",
            "La charte des bénévoles est signée par tous, mais certains points (ponctualité, fermeture du lieu) restent "
            "appliqués de façon très variable.",
        ),
        "avoid": (
            "Plusieurs situations difficiles (personne agressive, malaise) ont été vécues par des bénévoles seuls et "
            "non préparés. {3-5} d'entre eux ont arrêté dans les semaines qui ont suivi.",
            "La journée obligatoire a fait fuir une partie des bénévoles : {30-50} % des personnes inscrites ne sont "
            "jamais venues, et ne sont pas revenues au lieu ensuite.",
        ),
    },
    problems={
        "good": ("Le livret d'accueil doit être mis à jour tous les ans, et c'est toujours repoussé.",),
        "mixed": (
            "Les horaires de formation convenaient aux retraités, pas aux bénévoles actifs.",
            "La charte avait été écrite par le bureau, sans les bénévoles.",
            "Aucun suivi n'était prévu après la formation.",
        ),
        "avoid": (
            "Nous avions tellement besoin de monde que nous avons placé les gens avant de les accueillir.",
            "Le format « journée entière » était pensé pour nous, pas pour les bénévoles.",
            "Personne n'était chargé de l'accompagnement des bénévoles.",
        ),
    },
    lessons=(
        "Jamais seul à l'accueil pendant les premières semaines : toujours en binôme.",
        "Des formations courtes, le soir, répétées plusieurs fois dans l'année.",
        "Écrire la charte avec les bénévoles.",
        "Un référent bénévolat, même à quelques heures par mois.",
        "Remercier, souvent et concrètement.",
    ),
    questions=(
        ("Votre livret d'accueil, il est partageable ?",
         "Oui, sous licence CC BY-SA. Il faut juste l'adapter à votre lieu."),
        ("Vous valorisez le bénévolat dans vos comptes ?",
         "Oui, avec les heures déclarées sur une feuille mensuelle. Ça fait plaisir aux bénévoles et aux financeurs."),
    ),
    cost=(200, 2500), staff=(40, 180), volunteers=(60, 300),
    partners=("le réseau régional des tiers-lieux", "France Bénévolat", "la Croix-Rouge (premiers secours)",
              "le centre social"),
    funding=("FDVA formation", "fonds propres"),
    links=("benevole", "accueil", "former les benevoles"),
))

TOPICS.append(Topic(
    key="imprimante_3d", themes=("fablab", "formation"),
    modules=("fablab",), territories=(),
    titles={
        "good": ("Imprimantes 3D : une habilitation courte pour les usagers autonomes",
                 "Un parc de {3-6} imprimantes 3D entretenu par les usagers",
                 "Imprimante 3D et réparation : imprimer des pièces détachées",
                 "Une soirée maintenance mensuelle pour les imprimantes 3D"),
        "mixed": ("Imprimantes 3D en libre accès : beaucoup d'impressions, beaucoup de déchets",
                  "Imprimante 3D résine : de belles pièces, des contraintes sous-estimées"),
        "avoid": ("Acheter des imprimantes 3D d'entrée de gamme pour équiper le fablab",
                  "Imprimante 3D en libre-service sans référent technique"),
    },
    context=(
        "Les imprimantes 3D sont la machine la plus demandée du fablab, par des publics très variés : bricoleurs, "
        "lycéens, artisans, personnes qui veulent réparer un objet.",
        "Nos premières machines, achetées d'occasion, tombaient souvent en panne.",
        "Le fabmanager passait une grande partie de son temps à lancer des impressions pour les autres.",
    ),
    objective=(
        "Rendre les usagers autonomes sur les imprimantes 3D, pour libérer du temps d'accompagnement et faire de la "
        "fabrication un apprentissage plutôt qu'un service.",
        "Fiabiliser le parc de machines et réduire le gaspillage de filament.",
    ),
    steps=(
        "Choix de machines robustes et réparables, avec pièces détachées disponibles",
        "Habilitation d'une heure trente : préparation du fichier, trancheur, lancement, surveillance, retrait",
        "Carnet de bord par machine : incidents, réglages, maintenance",
        "Filament PLA d'origine européenne, vendu au poids à prix coûtant",
        "Bac de récupération des impressions ratées pour le recyclage du plastique",
        "Soirée maintenance mensuelle, ouverte aux usagers habilités",
        "Atelier « réparer avec l'impression 3D » en lien avec le repair café",
    ),
    pitfalls=(
        "Achat de {4-6} imprimantes d'entrée de gamme pour le prix d'une machine professionnelle",
        "Libre-service sans personne chargée de la maintenance",
        "Imprimante résine installée dans la salle commune, sans ventilation adaptée",
    ),
    outcome={
        "good": (
            "{80-160/5} usagers habilités en un an, et {1200-2600/100} heures d'impression. Le fabmanager consacre "
            "désormais moins de {3-5} heures par semaine au lancement des impressions, contre plus de {10-15} avant.",
            "Les machines tournent {70-85} % du temps d'ouverture, avec moins d'une panne par mois. "
            "{150-300/10} pièces détachées imprimées pour des réparations.",
        ),
        "mixed": (
            "Beaucoup d'impressions ({1500-3000/100} heures), mais près de {25-35} % ratées ou abandonnées. Le bac "
            "de déchets plastiques se remplit chaque semaine.",
            "L'imprimante résine produit des pièces magnifiques, mais la manipulation des résines (gants, ventilation, "
            "déchets) limite son usage à {3-5} personnes formées.",
        ),
        "avoid": (
            "Sur {4-6} imprimantes achetées, {2-4} étaient hors service au bout de six mois. Le temps passé à les "
            "réparer a dépassé de loin l'économie réalisée à l'achat.",
            "Sans référent, les machines se sont dégradées en quelques mois (plateaux rayés, buses bouchées). Il a "
            "fallu fermer le libre-service le temps de tout remettre en état.",
        ),
    },
    problems={
        "good": ("Les usagers occasionnels oublient vite : il faut proposer un rappel rapide après quelques mois.",),
        "mixed": (
            "Aucune vérification des fichiers avant impression : les erreurs de conception se voyaient après "
            "six heures d'impression.",
            "La résine avait été choisie pour la qualité, sans mesurer les contraintes de sécurité.",
            "Les impressions ratées n'étaient ni comptées ni analysées.",
        ),
        "avoid": (
            "Nous avons privilégié le nombre de machines à leur fiabilité.",
            "Le libre-service supposait que chacun prenne soin des machines ; sans règle ni référent, personne ne "
            "s'en sentait responsable.",
            "Pas de carnet de bord : impossible de savoir ce qui s'était passé.",
        ),
    },
    lessons=(
        "Acheter moins de machines, mais robustes et réparables.",
        "Une habilitation courte et obligatoire, avec un rappel au bout de six mois.",
        "Un carnet de bord par machine, toujours rempli.",
        "Un référent maintenance, et une soirée d'entretien régulière.",
        "Vérifier les fichiers avant de lancer les longues impressions.",
        "Réserver la résine aux personnes formées, dans une pièce ventilée.",
    ),
    questions=(
        ("Quelles machines avez-vous choisies finalement ?",
         "Des imprimantes à châssis ouvert, réparables, dont les pièces se trouvent facilement. On évite les "
         "machines fermées à consommables propriétaires."),
        ("Comment recyclez-vous le plastique des impressions ratées ?",
         "On le donne à un fablab voisin qui a une extrudeuse à filament. La qualité est moyenne, mais suffit pour "
         "les prototypes."),
    ),
    cost=(1500, 9000), staff=(60, 300), volunteers=(40, 300),
    partners=("le fablab voisin", "le repair café", "le lycée professionnel", "un revendeur local"),
    funding=("Région (équipement des tiers-lieux)", "ventes de filament à prix coûtant", "adhésions", "fonds propres"),
    links=("imprimante 3d", "impression 3d", "impressions 3d"),
))

TOPICS.append(Topic(
    key="decoupeuse_laser", themes=("fablab", "formation"),
    modules=("fablab",), territories=(),
    titles={
        "good": ("Découpeuse laser : habilitation, extraction des fumées et registre d'usage",
                 "Ouvrir la découpeuse laser aux artisans du territoire",
                 "Une formation « découpe laser » en deux soirées",
                 "Découpeuse laser : un registre d'usage qui a tout changé"),
        "mixed": ("Découpeuse laser partagée entre trois structures : pratique mais compliqué",
                  "Facturer l'heure de découpeuse laser : un tarif difficile à trouver"),
        "avoid": ("Découpeuse laser sans extraction adaptée : à ne pas reproduire",
                  "Départ de feu dans la découpeuse laser : ce que nous avons changé"),
    },
    context=(
        "La découpeuse laser est la machine phare du fablab ({40-130/10} W, plateau de 60 × 90 cm environ), "
        "achetée grâce à une subvention d'équipement.",
        "Des artisans (menuisier, graphiste, créatrice de bijoux) nous demandaient de l'utiliser pour leurs "
        "prototypes.",
        "Au début, seul le fabmanager savait s'en servir.",
    ),
    objective=(
        "Permettre un usage sûr et autonome de la découpeuse laser par des personnes formées, tout en couvrant ses "
        "coûts d'entretien.",
        "Ouvrir la machine aux professionnels du territoire sans la réserver à eux.",
    ),
    steps=(
        "Installation d'un caisson d'extraction avec filtre à charbon actif et sortie vers l'extérieur",
        "Liste des matériaux autorisés et interdits affichée à côté de la machine (jamais de PVC)",
        "Habilitation en deux soirées : sécurité, conception, réglages, entretien",
        "Registre d'usage : date, personne, matériau, durée, incident éventuel",
        "Extincteur CO2 et couverture anti-feu à portée de main ; jamais de découpe sans surveillance",
        "Tarif horaire différencié : adhérents, associations, professionnels",
        "Nettoyage des lentilles et miroirs chaque semaine, maintenance annuelle par un technicien",
    ),
    pitfalls=(
        "Extraction par simple gaine vers une fenêtre entrouverte",
        "Découpes longues lancées en fin de journée, laissées sans surveillance quelques minutes",
        "Partage de la machine entre trois structures sans règles communes",
    ),
    outcome={
        "good": (
            "{30-70} personnes habilitées en un an, dont {8-15} artisans. La machine tourne {8-15} heures par semaine "
            "et les recettes ({2500-6000/100} € par an) couvrent l'entretien et les consommables.",
            "Aucun incident depuis la mise en place du registre et de l'habilitation. Les voisins ne se plaignent plus "
            "des odeurs depuis l'installation du caisson d'extraction.",
        ),
        "mixed": (
            "La machine est bien utilisée, mais les plannings des trois structures se chevauchent et les réglages "
            "changent d'un utilisateur à l'autre ; la qualité des découpes s'en ressent.",
            "Le tarif professionnel ({15-30} € de l'heure) fait fuir les artisans, le tarif adhérent ne couvre pas "
            "l'usure du tube laser.",
        ),
        "avoid": (
            "Les fumées se sont répandues dans l'atelier et jusqu'à la salle voisine. Deux usagers se sont plaints de "
            "maux de tête, et la machine a été arrêtée {2-4} mois, le temps d'installer une vraie extraction.",
            "Un début d'incendie s'est déclaré dans la machine pendant une découpe de contreplaqué, quelques minutes "
            "après que l'usager s'est éloigné. Extincteur, pas de blessé, mais une lentille et une courroie à changer "
            "({600-1500/100} €).",
        ),
    },
    problems={
        "good": ("Le remplacement du tube laser (tous les deux à trois ans) reste une grosse dépense à anticiper.",),
        "mixed": (
            "Aucune règle commune n'avait été écrite entre les structures.",
            "Le tarif avait été fixé sans calculer le coût de l'heure machine (tube, lentilles, électricité).",
            "Personne n'était chargé de la maintenance pour les trois structures.",
        ),
        "avoid": (
            "Nous avions sous-estimé la toxicité des fumées, notamment des contreplaqués collés.",
            "La règle « ne jamais quitter la machine » n'était pas écrite ni rappelée.",
            "La formation se faisait « sur le tas », sans contenu défini.",
        ),
    },
    lessons=(
        "Ne jamais laisser une découpe sans surveillance, même une minute.",
        "Une extraction dimensionnée avant la mise en service, pas après.",
        "Liste des matériaux interdits affichée, et rappelée à chaque habilitation.",
        "Calculer le coût réel de l'heure machine avant de fixer les tarifs.",
        "Un registre d'usage, toujours rempli.",
        "Un extincteur CO2 à côté de la machine, et tout le monde sait s'en servir.",
    ),
    questions=(
        ("Quel caisson d'extraction avez-vous installé, et pour quel coût ?",
         "Un caisson à filtre à charbon actif de marque française, environ 2 800 € posé, avec une sortie murale."),
        ("Combien coûte réellement une heure de découpeuse laser chez vous ?",
         "Environ 9 € en coût complet (usure du tube, lentilles, électricité, maintenance), sans compter le temps "
         "d'accompagnement."),
    ),
    cost=(2000, 12000), staff=(60, 250), volunteers=(20, 200),
    partners=("les artisans du territoire", "la chambre de métiers", "le fablab voisin", "le SDIS (visite de prévention)"),
    funding=("Région (équipement)", "recettes d'usage", "fonds propres", "financement participatif"),
    links=("laser", "decoupeuse laser", "decoupe laser", "fumees"),
))

TOPICS.append(Topic(
    key="ete", themes=("territoires", "culture", "alimentation"),
    modules=(), territories=(),
    titles={
        "good": ("Un programme d'été avec les jeunes du territoire",
                 "Ouvrir l'été quand tout le monde ferme : nos activités estivales",
                 "Les mercredis d'été en plein air : {6-10} dates, {300-700/10} participants",
                 "Cinéma en plein air et ateliers : l'été au tiers-lieu"),
        "mixed": ("Activités d'été : beaucoup de touristes, peu d'habitants",
                  "Tenir le lieu ouvert tout l'été avec des bénévoles : difficile"),
        "avoid": ("Programmer un festival d'été sans équipe ni budget suffisants",
                  "Fermer tout l'été : ce que ça nous a coûté"),
    },
    context=(
        "[[L'été, le village double de population avec les résidences secondaires et les vacanciers, mais les "
        "jeunes du coin n'ont rien à faire.|L'été, le quartier se vide d'une partie de ses habitants, mais beaucoup "
        "de familles ne partent pas en vacances.|L'été, les structures du quartier ferment presque toutes en même "
        "temps.]]",
        "Le centre de loisirs ferme trois semaines en août.",
        "Nos activités régulières s'arrêtaient de mi-juillet à fin août, faute de bénévoles.",
    ),
    objective=(
        "Proposer des activités estivales accessibles aux habitants qui ne partent pas, et en profiter pour faire "
        "découvrir le lieu à de nouveaux publics.",
        "Garder le lieu vivant l'été sans épuiser l'équipe avant la rentrée.",
    ),
    steps=(
        "Programme construit en avril avec les jeunes et les partenaires (centre social, office de tourisme, "
        "médiathèque)",
        "Activités en plein air : cinéma, fabrication, jeux, jardin, repas partagés",
        "Recrutement de {2-3} jeunes en service civique ou en job d'été pour l'animation",
        "Roulement de l'équipe : chacun prend trois semaines de congés, personne n'est seul",
        "Communication dans les campings, les gîtes et les commerces",
        "Bilan en septembre, avec les jeunes animateurs",
    ),
    pitfalls=(
        "Programme très chargé (quatre événements par semaine) reposant sur les mêmes bénévoles",
        "Festival d'un week-end monté en deux mois, sans budget de sécurité",
    ),
    outcome={
        "good": (
            "{6-10} semaines d'ouverture, {25-40} activités, {400-900/10} participants dont plus de la moitié "
            "d'habitants du territoire. {8-15} jeunes ont participé à l'organisation.",
            "L'été est devenu la période où nous rencontrons le plus de nouvelles personnes ; {30-60} d'entre elles ont "
            "adhéré à la rentrée.",
        ),
        "mixed": (
            "Les activités ont attiré {300-600/10} personnes, mais en majorité des vacanciers ; les familles du "
            "territoire sont peu venues.",
            "Le lieu est resté ouvert, mais deux bénévoles piliers ont annoncé leur départ à la rentrée, épuisés.",
        ),
        "avoid": (
            "Le festival a attiré moins de {150-300/10} personnes pour {800-1500/100} attendues. Déficit de "
            "{4000-12000/500} €, et une équipe à bout.",
            "Après deux mois de fermeture, la reprise a été très lente : les habitudes étaient perdues, et "
            "{20-40} % des usagers réguliers ne sont pas revenus.",
        ),
    },
    problems={
        "good": ("La chaleur limite les activités en intérieur : il faut prévoir de l'ombre et de l'eau.",),
        "mixed": (
            "La communication visait les vacanciers plus que les habitants.",
            "Les horaires (fin d'après-midi) ne convenaient pas aux familles avec jeunes enfants.",
            "Le programme reposait sur trop peu de personnes.",
        ),
        "avoid": (
            "Nous avions sous-estimé le budget de sécurité et de logistique d'un événement public.",
            "Le calendrier de préparation était beaucoup trop court.",
            "La fermeture estivale n'avait pas été pensée en termes de lien avec les usagers.",
        ),
    },
    lessons=(
        "Construire le programme d'été au printemps, avec les jeunes.",
        "Moins d'activités, mais régulières : un jour fixe par semaine.",
        "Organiser les congés de l'équipe en roulement, pour que personne ne soit seul.",
        "Viser d'abord les habitants qui ne partent pas.",
        "Pour un événement, prévoir la sécurité et un budget avant la programmation.",
    ),
    questions=(
        ("Le cinéma en plein air, vous le faites avec quelle autorisation pour les films ?",
         "Via une licence de projection non commerciale achetée auprès d'un distributeur spécialisé, environ "
         "150 € la séance."),
        ("Les jeunes en job d'été, vous les avez payés comment ?",
         "Contrat d'animateur occasionnel, financé par la CAF et la communauté de communes."),
    ),
    cost=(1500, 12000), staff=(80, 400), volunteers=(150, 800),
    partners=("le centre social", "l'office de tourisme", "la médiathèque", "la CAF", "le centre de loisirs"),
    funding=("CAF", "communauté de communes", "contrat de ville", "fonds propres", "billetterie au chapeau"),
    links=("ete", "festival", "saisonnalite", "plein air"),
))

TOPICS.append(Topic(
    key="cuisine_partagee", themes=("alimentation", "formation"),
    modules=("cuisine_partagee",), territories=(),
    titles={
        "good": ("Cuisine partagée : louer aux traiteurs débutants, ouvrir aux habitants",
                 "Ateliers cuisine du monde animés par les habitantes",
                 "Une cuisine partagée aux normes pour les petits producteurs",
                 "Un plan de maîtrise sanitaire partagé par tous les usagers de la cuisine"),
        "mixed": ("Cuisine partagée : un planning qui déborde, un ménage qui ne suit pas",
                  "Ateliers cuisine avec des enfants : joyeux mais lourds à organiser"),
        "avoid": ("Ouvrir une cuisine partagée sans vérifier les normes sanitaires",
                  "Cuisine partagée : le matériel prêté qui n'est jamais revenu"),
    },
    context=(
        "Le lieu dispose d'une cuisine professionnelle de {25-50} m², aménagée lors des travaux.",
        "Plusieurs habitants voulaient lancer une activité de traiteur ou de conserverie sans pouvoir investir "
        "dans un local aux normes.",
        "Les repas partagés étaient déjà le moment le plus fédérateur du lieu.",
    ),
    objective=(
        "Faire de la cuisine un outil partagé : pour les porteurs de projets alimentaires, pour les ateliers avec "
        "les habitants et pour les repas du lieu.",
        "Rentabiliser un équipement coûteux en le faisant tourner toute la semaine.",
    ),
    steps=(
        "Visite de la direction départementale de la protection des populations pour valider l'aménagement",
        "Plan de maîtrise sanitaire écrit, affiché et expliqué à chaque utilisateur",
        "Planning en ligne par demi-journées, avec tarif horaire pour les professionnels",
        "Ateliers mensuels animés par des habitantes (cuisines d'ici et d'ailleurs)",
        "Inventaire du matériel et caisse de caution pour les prêts",
        "Grand ménage mensuel collectif, suivi d'un repas",
    ),
    pitfalls=(
        "Mise à disposition de la cuisine avant toute démarche auprès des services vétérinaires",
        "Prêt d'ustensiles et de matériel sans inventaire ni caution",
    ),
    outcome={
        "good": (
            "La cuisine est occupée {55-75} % du temps. {4-7} porteurs de projets l'utilisent chaque semaine, dont "
            "deux traiteurs qui ont depuis ouvert leur propre local. Recettes : {6000-14000/500} € par an.",
            "{10-14} ateliers cuisine par an, {12-20} participants à chaque fois. Les habitantes qui les animent "
            "ont publié un livret de recettes vendu au café.",
        ),
        "mixed": (
            "La cuisine ne désemplit pas, mais le ménage est souvent mal fait entre deux utilisateurs, et les "
            "tensions entre professionnels se multiplient.",
            "Les ateliers avec les enfants sont très appréciés, mais demandent {3-4} adultes pour {10-12} enfants et "
            "une assurance spécifique.",
        ),
        "avoid": (
            "Un contrôle a relevé que la cuisine n'était pas déclarée pour un usage professionnel partagé. Les "
            "traiteurs ont dû arrêter du jour au lendemain, et l'un d'eux a perdu un contrat important.",
            "En un an, près d'un tiers du petit matériel a disparu, ainsi qu'un robot professionnel. Personne ne "
            "savait qui avait emprunté quoi.",
        ),
    },
    problems={
        "good": ("Le planning de l'été est difficile : la cuisine chauffe et les professionnels sont plus nombreux.",),
        "mixed": (
            "Les règles de ménage étaient écrites mais ni vérifiées ni rappelées.",
            "Le temps de coordination (planning, clés, conflits) n'était confié à personne.",
            "Nous avions sous-estimé les exigences d'encadrement des ateliers enfants.",
        ),
        "avoid": (
            "Nous pensions qu'une cuisine aux normes pour nos repas l'était aussi pour des professionnels.",
            "La confiance ne remplace pas un inventaire.",
            "Aucune personne n'était responsable de la cuisine.",
        ),
    },
    lessons=(
        "Consulter les services vétérinaires avant d'ouvrir la cuisine à des professionnels.",
        "Un plan de maîtrise sanitaire écrit, et une formation pour chaque utilisateur.",
        "Un état des lieux entre deux utilisateurs, même rapide.",
        "Inventaire et caution pour tout prêt de matériel.",
        "Un référent cuisine, avec du temps dédié.",
    ),
    questions=(
        ("Quel tarif horaire pour les professionnels ?",
         "12 € de l'heure en journée, 8 € le soir, électricité comprise. Forfait mensuel possible."),
        ("La DDPP vous a-t-elle demandé des travaux ?",
         "Une marche en avant à revoir et un lave-mains supplémentaire. Environ 2 000 € au total."),
    ),
    cost=(1500, 10000), staff=(60, 300), volunteers=(80, 500),
    partners=("la direction départementale de la protection des populations", "la couveuse d'entreprises",
              "le centre social", "les producteurs locaux"),
    funding=("recettes de location", "Région (économie sociale et solidaire)", "fonds propres"),
    links=("cuisine", "conserverie", "repas"),
))

TOPICS.append(Topic(
    key="reconditionnement", themes=("mediation", "fablab"),
    modules=("mediation_numerique", "ressourcerie", "fablab"), territories=(),
    titles={
        "good": ("Reconditionner des ordinateurs pour les familles : notre filière locale",
                 "Des ordinateurs reconditionnés sous Linux pour les étudiants et les demandeurs d'emploi",
                 "Collecter les ordinateurs des entreprises du territoire",
                 "Ordinateurs reconditionnés : une séance de prise en main à chaque remise"),
        "mixed": ("Ordinateurs reconditionnés : la demande dépasse de loin nos capacités",
                  "Reconditionnement par des bénévoles : beaucoup d'efforts, peu de machines"),
        "avoid": ("Donner des ordinateurs sans accompagnement à la prise en main",
                  "Accepter tous les dons de matériel informatique"),
    },
    context=(
        "Beaucoup de familles suivies par le CCAS n'ont qu'un smartphone pour toute la famille, y compris pour les "
        "devoirs des enfants.",
        "Les entreprises et les administrations du territoire renouvellent leur parc tous les quatre ou cinq ans, "
        "et ne savent pas quoi faire des anciens postes.",
        "Deux bénévoles informaticiens réparaient déjà des ordinateurs pour leurs voisins.",
    ),
    objective=(
        "Remettre en état des ordinateurs donnés par des entreprises et les proposer, avec un accompagnement, aux "
        "familles et personnes qui n'en ont pas.",
        "Lutter contre la fracture numérique et contre le gaspillage en même temps.",
    ),
    steps=(
        "Conventions de don avec {3-6} entreprises et la communauté de communes, avec effacement certifié des "
        "données",
        "Atelier de reconditionnement deux demi-journées par semaine : tests, nettoyage, installation d'un système libre",
        "Fiche de suivi par machine et étiquette avec les caractéristiques",
        "Attribution sur orientation des travailleurs sociaux, contre une participation de {20-50} €",
        "Séance de prise en main obligatoire à la remise de l'ordinateur",
        "Service après-vente pendant six mois",
    ),
    pitfalls=(
        "Collecte ouverte à tous les particuliers, sans critères d'âge ni d'état",
        "Remise des ordinateurs sans séance de prise en main",
    ),
    outcome={
        "good": (
            "{80-200/10} ordinateurs remis en un an, à des familles, des étudiants et des demandeurs d'emploi. "
            "{85-95} % fonctionnent encore un an après, et {40-60} % des bénéficiaires ont suivi au moins un atelier.",
            "Les dons des entreprises couvrent nos besoins, et la participation des bénéficiaires finance les pièces "
            "(disques SSD, batteries).",
        ),
        "mixed": (
            "{60-90} ordinateurs remis, mais une liste d'attente de plus de {100-200/10} personnes. Les bénévoles ne "
            "suffisent pas.",
            "Le reconditionnement prend en moyenne {3-5} heures par machine ; avec deux bénévoles, le rythme reste "
            "très lent.",
        ),
        "avoid": (
            "Une bonne partie des ordinateurs donnés sans accompagnement sont restés dans leur carton ou sont revenus "
            "au bout de quelques semaines : « je n'arrive pas à m'en servir ».",
            "Le local a été envahi de matériel inutilisable (écrans cathodiques, imprimantes hors d'usage) ; "
            "l'évacuation vers une filière agréée nous a coûté {400-1200/100} €.",
        ),
    },
    problems={
        "good": ("Les familles sont parfois déroutées par un système libre ; la séance de prise en main est essentielle.",),
        "mixed": (
            "Nous n'avions pas anticipé l'ampleur de la demande.",
            "Le processus reposait sur deux bénévoles, sans relève.",
            "La collecte n'était pas triée à l'arrivée.",
        ),
        "avoid": (
            "Nous avons pensé que le matériel suffisait ; c'est l'accompagnement qui fait la différence.",
            "Refuser un don nous semblait impoli. Résultat : un local de déchets électroniques.",
            "Aucun critère de don n'avait été écrit.",
        ),
    },
    lessons=(
        "Pas d'ordinateur remis sans une séance de prise en main.",
        "Des critères de don écrits : âge maximum, état, accessoires.",
        "Conventions avec les entreprises, effacement des données certifié.",
        "Former de nouveaux bénévoles dès que la demande augmente.",
        "Un système libre, mais une interface familière pour ne pas dérouter.",
    ),
    questions=(
        ("Quelle distribution Linux installez-vous ?",
         "Une distribution grand public à interface classique, avec les logiciels les plus courants déjà "
         "installés et un raccourci vers les sites des démarches."),
        ("Comment gérez-vous l'effacement des données des entreprises ?",
         "Avec un logiciel d'effacement certifié, et un certificat remis à l'entreprise pour chaque disque."),
    ),
    cost=(500, 5000), staff=(60, 300), volunteers=(200, 900),
    partners=("les entreprises du territoire", "le CCAS", "la mission locale", "une entreprise adaptée de "
              "reconditionnement", "la communauté de communes"),
    funding=("participation des bénéficiaires", "Département (inclusion numérique)", "fondation d'entreprise",
             "fonds propres"),
    links=("reconditionn", "ordinateur", "linux"),
))

TOPICS.append(Topic(
    key="ag_participative", themes=("gouvernance",),
    modules=(), territories=(),
    titles={
        "good": ("Une assemblée générale en forum ouvert : {40-90} participants, zéro ennui",
                 "Gouvernance en cercles : un an après", "Prendre les décisions par consentement",
                 "Une assemblée générale qui donne envie de revenir"),
        "mixed": ("Gouvernance partagée : plus de monde aux décisions, des décisions plus lentes",
                  "Assemblée générale participative : beaucoup d'idées, peu de suites"),
        "avoid": ("Changer toute la gouvernance en une seule assemblée générale",
                  "Décider par consentement sans formation préalable"),
    },
    context=(
        "Nos assemblées générales réunissaient une vingtaine de personnes, toujours les mêmes, pour écouter des "
        "rapports.",
        "Le conseil d'administration décidait de tout, et les bénévoles actifs se sentaient tenus à l'écart.",
        "Plusieurs salariés souhaitaient participer aux décisions qui les concernent.",
    ),
    objective=(
        "Faire participer davantage d'adhérents, de bénévoles et de salariés aux décisions, sans alourdir le "
        "fonctionnement.",
        "Redonner du sens à l'assemblée générale.",
    ),
    steps=(
        "Formation de {6-12} personnes à la gouvernance partagée avec un organisme spécialisé",
        "Rapports envoyés à l'avance, présentés en dix minutes",
        "Forum ouvert : chacun propose un sujet, les groupes se forment librement",
        "Organisation en {3-5} cercles (programmation, lieu, finances, communication) avec un pilote chacun",
        "Décisions par consentement en cercle, comptes rendus partagés",
        "Bilan de fonctionnement au bout d'un an",
    ),
    pitfalls=(
        "Adoption en une seule AG d'une nouvelle organisation complète, statuts compris",
        "Décisions par consentement sans formation ni animateur expérimenté",
    ),
    outcome={
        "good": (
            "L'assemblée générale a réuni {40-90} personnes, contre {15-25} l'année précédente. {5-9} projets "
            "proposés en forum ouvert ont été lancés dans l'année.",
            "Les cercles fonctionnent depuis un an ; {15-30} personnes y participent régulièrement, et le conseil "
            "d'administration se concentre sur les orientations et les finances.",
        ),
        "mixed": (
            "Plus de personnes participent ({20-35} dans les cercles), mais certaines décisions simples prennent "
            "maintenant plusieurs semaines.",
            "L'assemblée en forum ouvert a produit {15-25} propositions ; un an plus tard, {2-4} ont été mises en "
            "œuvre, faute de porteurs.",
        ),
        "avoid": (
            "Adoptée en une soirée, la nouvelle organisation n'a été comprise que par ceux qui l'avaient conçue. "
            "Six mois plus tard, les cercles ne se réunissaient plus et personne ne savait qui décidait.",
            "Les réunions de consentement ont duré des heures, avec des objections sans fin ; {2-4} membres actifs "
            "ont quitté le projet, épuisés.",
        ),
    },
    problems={
        "good": ("Les nouveaux arrivants mettent du temps à comprendre l'organisation en cercles.",),
        "mixed": (
            "Nous n'avions pas distingué les décisions qui demandent du collectif et celles qui peuvent être déléguées.",
            "Chaque proposition du forum ouvert devait avoir un porteur ; ce n'était pas le cas.",
            "Le suivi des décisions n'était pas outillé.",
        ),
        "avoid": (
            "Nous avons voulu tout changer d'un coup, par enthousiasme.",
            "Le consentement était pratiqué sans cadre : objections non argumentées, animation improvisée.",
            "Aucune période d'essai n'était prévue.",
        ),
    },
    lessons=(
        "Changer progressivement, avec une période d'essai.",
        "Former au moins quelques personnes avant d'adopter le consentement.",
        "Préciser qui décide de quoi : tout ne se décide pas en collectif.",
        "Chaque idée du forum ouvert a besoin d'un porteur et d'une date.",
        "Un outil simple pour suivre les décisions (registre partagé).",
    ),
    questions=(
        ("Avec quel organisme vous êtes-vous formés ?",
         "Une coopérative spécialisée en gouvernance partagée, financée par le dispositif local d'accompagnement."),
        ("Combien de temps dure votre AG en forum ouvert ?",
         "Une journée : rapports le matin, forum ouvert l'après-midi, repas partagé au milieu."),
    ),
    cost=(0, 4000), staff=(40, 200), volunteers=(80, 400),
    partners=("le dispositif local d'accompagnement", "une coopérative de formation", "le réseau régional des "
              "tiers-lieux"),
    funding=("dispositif local d'accompagnement", "FDVA formation", "fonds propres"),
    links=("assemblee generale", "gouvernance", "consentement", "cercles", "forum ouvert", "sociocratie"),
))

TOPICS.append(Topic(
    key="mutualisation", themes=("fablab", "territoires", "financement"),
    modules=(), territories=(),
    titles={
        "good": ("Mutualiser le matériel entre {3-6} fabriques voisines",
                 "Un catalogue commun de matériel et de salles entre tiers-lieux",
                 "Prêter nos tablettes et notre découpeuse aux fabriques voisines",
                 "Une tournée mensuelle pour livrer le matériel prêté entre fabriques"),
        "mixed": ("Prêt de matériel entre tiers-lieux : utile, mais la logistique coince",
                  "Un véhicule partagé entre fabriques rurales : bilan après un an"),
        "avoid": ("Prêter du matériel sans convention ni état des lieux",
                  "Acheter du matériel en commun sans règles de partage"),
    },
    context=(
        "Avec {2-4} fabriques voisines, nous avions chacune du matériel peu utilisé (tablettes, vidéoprojecteur, "
        "découpeuse vinyle, barnums) et d'autres besoins ponctuels.",
        "Les demandes de prêt se faisaient par téléphone, au hasard des connaissances.",
        "Les distances entre nos lieux ({15-60} km) compliquent les échanges.",
    ),
    objective=(
        "Mutualiser le matériel et les salles entre fabriques voisines pour éviter des achats en double et "
        "permettre à chacune de proposer des activités qu'elle ne pourrait pas équiper seule.",
        "Créer l'habitude de travailler ensemble entre fabriques du même territoire.",
    ),
    steps=(
        "Inventaire partagé du matériel prêtable de chaque fabrique, avec photos et conditions",
        "Convention de prêt type, validée par les conseils d'administration",
        "Publication dans le catalogue du forum, avec réservation en ligne",
        "Règles de prêt : durée maximale, caution, état des lieux au départ et au retour",
        "Tournée mensuelle de livraison, mutualisée entre les fabriques",
        "Bilan semestriel entre responsables",
    ),
    pitfalls=(
        "Prêts « entre amis », sans trace écrite",
        "Achat en commun d'une machine sans règles de partage ni lieu de stockage défini",
    ),
    outcome={
        "good": (
            "{40-90} prêts en un an entre {3-6} fabriques, sans perte ni casse notable. Nous avons renoncé à "
            "{2-4} achats en double, soit environ {3000-9000/500} € d'économies.",
            "Les tablettes prêtées ont permis à deux fabriques voisines de lancer des ateliers numériques sans "
            "investissement. Les équipes se connaissent mieux et montent désormais des projets communs.",
        ),
        "mixed": (
            "Les prêts sont appréciés, mais les allers-retours ({30-90} km) coûtent du temps et du carburant ; "
            "la moitié des demandes sont abandonnées pour cette raison.",
            "Le véhicule partagé a roulé {4000-9000/500} km la première année, mais l'organisation du planning et "
            "de l'entretien a créé des frictions.",
        ),
        "avoid": (
            "Un vidéoprojecteur est revenu cassé, une série de tablettes incomplète. Sans convention, personne ne "
            "savait qui devait payer, et les relations entre deux fabriques se sont tendues.",
            "La découpeuse vinyle achetée en commun est restée chez une seule fabrique ; les autres ne l'ont presque "
            "jamais utilisée.",
        ),
    },
    problems={
        "good": ("La logistique reste la principale limite pour les fabriques les plus éloignées.",),
        "mixed": (
            "Nous n'avions pas chiffré le coût réel des déplacements.",
            "Le planning du véhicule était tenu par une seule personne, qui s'est vite lassée.",
            "Les règles de priorité entre fabriques n'étaient pas claires.",
        ),
        "avoid": (
            "Entre amis, on n'ose pas parler de caution ni d'état des lieux.",
            "L'achat commun avait été décidé sur l'enthousiasme, sans règles d'usage.",
            "Aucune trace des prêts : impossible de savoir qui avait quoi.",
        ),
    },
    lessons=(
        "Une convention de prêt type, même entre amis.",
        "État des lieux photographié au départ et au retour.",
        "Un catalogue en ligne commun, avec réservation : fini les doubles prêts.",
        "Mutualiser la logistique : une tournée mensuelle plutôt que des allers-retours.",
        "Avant un achat commun, écrire qui stocke, qui entretient, qui réserve.",
    ),
    questions=(
        ("Vous demandez une caution pour les prêts entre fabriques ?",
         "Oui, un chèque non encaissé, et surtout un état des lieux avec photos. On ne s'en est servi qu'une fois."),
        ("Le catalogue du forum vous suffit, ou vous utilisez un autre outil ?",
         "Le catalogue suffit : les réservations et les dates y sont, et personne ne réserve deux fois le même objet."),
    ),
    cost=(0, 3000), staff=(30, 150), volunteers=(20, 120),
    partners=("les fabriques voisines", "le réseau régional des tiers-lieux", "la communauté de communes"),
    funding=("fonds propres", "Région (coopération entre tiers-lieux)"),
    links=("pret", "mutualis", "emprunter", "vehicule", "tablettes", "videoprojecteur"),
))

TOPICS.append(Topic(
    key="qualiopi", themes=("formation", "financement"),
    modules=("formation",), territories=(),
    titles={
        "good": ("Devenir organisme de formation certifié Qualiopi : notre parcours",
                 "Former les agents des collectivités au numérique : une offre qui finance le lieu",
                 "Une formation de médiateurs numériques construite avec le réseau",
                 "Un audit blanc entre tiers-lieux avant la certification Qualiopi"),
        "mixed": ("Qualiopi : certifiés, mais pour trop peu de formations",
                  "Formations financées par le CPF : beaucoup d'administratif"),
        "avoid": ("Lancer une offre de formation sans étude des besoins",
                  "Se lancer dans Qualiopi sans personne pour porter la démarche"),
    },
    context=(
        "Nous faisions déjà beaucoup de formation informelle (bénévoles, agents, associations), sans pouvoir la "
        "faire financer par les fonds de la formation professionnelle.",
        "Les collectivités et les entreprises du territoire nous demandaient des formations au numérique et à la "
        "fabrication.",
        "La certification Qualiopi est obligatoire pour accéder aux financements publics et mutualisés de la "
        "formation.",
    ),
    objective=(
        "Structurer une offre de formation certifiée qui réponde aux besoins du territoire et apporte des recettes "
        "régulières au lieu.",
        "Valoriser les compétences de l'équipe au-delà de l'animation.",
    ),
    steps=(
        "Déclaration d'activité comme organisme de formation",
        "Catalogue de {4-8} formations courtes, construit à partir des demandes reçues",
        "Audit blanc avec le réseau régional, puis audit de certification",
        "Procédures écrites : recueil des besoins, évaluation, gestion des réclamations",
        "Partenariat avec le centre de gestion pour former les agents des communes",
        "Bilan annuel et mise à jour du catalogue",
    ),
    pitfalls=(
        "Catalogue de formations défini sans consulter les publics visés",
        "Démarche Qualiopi confiée « en plus » à la coordinatrice",
    ),
    outcome={
        "good": (
            "Certification obtenue en {8-14} mois. {20-45} sessions de formation la première année, "
            "{150-350/10} stagiaires, {15-40} 000 € de chiffre d'affaires.",
            "Les agents de {10-25} communes ont été formés aux outils numériques, et la satisfaction moyenne dépasse "
            "{85-95} %.",
        ),
        "mixed": (
            "La certification est obtenue, mais seules {4-8} sessions ont été financées la première année : le coût "
            "de la démarche n'est pas encore amorti.",
            "Les formations éligibles au CPF attirent du monde, mais la gestion administrative prend près de "
            "{4-8} heures par session.",
        ),
        "avoid": (
            "Sur les {6-10} formations du catalogue, deux seulement ont trouvé preneur. Le reste ne correspondait à aucune "
            "demande réelle.",
            "La démarche a duré près de deux ans, la coordinatrice s'est épuisée et l'audit a été reporté deux fois.",
        ),
    },
    problems={
        "good": ("L'audit de surveillance à dix-huit mois demande de garder toutes les preuves à jour.",),
        "mixed": (
            "Le temps administratif n'était pas compté dans le prix des formations.",
            "Nous n'avions pas assez démarché les financeurs (OPCO, centre de gestion).",
            "Le catalogue était trop large pour une petite équipe.",
        ),
        "avoid": (
            "Nous avons construit le catalogue à partir de ce que nous savions faire, pas de ce qui était demandé.",
            "La démarche qualité a été vue comme une tâche administrative de plus, pas comme un projet.",
            "Personne n'avait de temps dédié.",
        ),
    },
    lessons=(
        "Partir des demandes reçues pour construire le catalogue.",
        "Un audit blanc avant l'audit de certification.",
        "Inclure le temps administratif dans le prix des formations.",
        "Du temps dédié à la démarche qualité, identifié dans une fiche de poste.",
        "Commencer par trois ou quatre formations bien rodées.",
    ),
    questions=(
        ("Combien a coûté l'audit de certification ?",
         "Environ 2 500 € pour l'audit initial, puis l'audit de surveillance à dix-huit mois."),
        ("Vous êtes passés par un consultant pour préparer Qualiopi ?",
         "Non, par le réseau régional, qui organise des audits blancs entre tiers-lieux. Gratuit et très utile."),
    ),
    cost=(2500, 8000), staff=(150, 500), volunteers=(0, 60),
    partners=("le réseau régional des tiers-lieux", "le centre de gestion de la fonction publique territoriale",
              "un OPCO", "l'organisme certificateur"),
    funding=("recettes de formation", "fonds propres", "dispositif local d'accompagnement"),
    links=("qualiopi", "formation", "organisme de formation"),
))

TOPICS.append(Topic(
    key="navette_mobilite", themes=("territoires", "collectivites"),
    modules=(), territories=("rural",),
    titles={
        "good": ("Une navette solidaire le samedi vers le marché et le tiers-lieu",
                 "Covoiturage organisé pour venir aux ateliers : ça marche",
                 "Aller chercher les habitants des hameaux : notre minibus partagé",
                 "Des chauffeurs bénévoles formés pour la navette du samedi"),
        "mixed": ("Navette solidaire : un service apprécié, un coût difficile à tenir",
                  "Covoiturage entre usagers : bien sur le papier, peu dans les faits"),
        "avoid": ("Un transport à la demande lancé sans assurance adaptée",
                  "Acheter un minibus sans budget de fonctionnement"),
    },
    context=(
        "Une partie des habitants des hameaux n'a pas de voiture ou ne conduit plus, et le bus ne passe que deux "
        "fois par jour.",
        "Plusieurs personnes inscrites aux ateliers ne venaient pas faute de moyen de transport.",
        "La communauté de communes réfléchissait à un service de mobilité solidaire sans savoir par où commencer.",
    ),
    objective=(
        "Permettre aux habitants sans voiture de venir au tiers-lieu et au bourg, grâce à un service de transport "
        "solidaire simple, sûr et financé.",
        "Faire de la mobilité un sujet porté avec la collectivité, pas seulement par nous.",
    ),
    steps=(
        "Recensement des besoins avec les mairies et le CCAS : qui, d'où, quand",
        "Minibus de neuf places mis à disposition par la communauté de communes",
        "Chauffeurs bénévoles titulaires du permis depuis plus de trois ans, avec une formation à la conduite "
        "accompagnée de personnes fragiles",
        "Circuit fixe le samedi matin, sur réservation la veille par téléphone",
        "Participation de {1-3} € par trajet, gratuit pour les bénéficiaires des minima sociaux",
        "Bilan mensuel avec la communauté de communes",
    ),
    pitfalls=(
        "Transport organisé avec les voitures personnelles des bénévoles, sans vérification de l'assurance",
        "Achat d'un véhicule d'occasion grâce à une subvention d'investissement, sans budget pour le faire rouler",
    ),
    outcome={
        "good": (
            "{30-60} personnes différentes ont utilisé la navette en un an, pour {700-1400/50} trajets. {10-20} "
            "d'entre elles participent désormais à des ateliers qu'elles ne pouvaient pas rejoindre avant.",
            "La communauté de communes a intégré la navette à son plan de mobilité et prend en charge l'assurance et "
            "le carburant.",
        ),
        "mixed": (
            "Le service est très apprécié, mais coûte près de {3000-7000/500} € par an (carburant, entretien, "
            "assurance), couverts pour moitié seulement.",
            "Le groupe de covoiturage compte {40-70} inscrits, mais moins de {5-10} trajets partagés par mois : "
            "les horaires ne coïncident presque jamais.",
        ),
        "avoid": (
            "Après un accrochage sans gravité, nous avons découvert que l'assurance personnelle du bénévole ne "
            "couvrait pas ce type de transport. Le service a été arrêté immédiatement.",
            "Le minibus acheté d'occasion a demandé {2000-5000/500} € de réparations la première année. Faute de "
            "budget, il est resté au garage plusieurs mois.",
        ),
    },
    problems={
        "good": ("Le recrutement de chauffeurs bénévoles reste fragile : ils sont {4-7} pour tout le territoire.",),
        "mixed": (
            "Le coût de fonctionnement n'avait pas été calculé avant le lancement.",
            "Le covoiturage suppose une régularité que peu d'usagers ont.",
            "Nous dépendions de quelques chauffeurs très sollicités.",
        ),
        "avoid": (
            "Nous avions pensé à l'assurance de l'association, pas à celle des véhicules des bénévoles.",
            "La subvention couvrait l'achat, pas l'usage : nous avons confondu investissement et fonctionnement.",
            "Aucun référent n'était chargé du véhicule.",
        ),
    },
    lessons=(
        "Vérifier par écrit l'assurance de chaque véhicule et de chaque usage.",
        "Calculer le coût de fonctionnement avant d'acheter un véhicule.",
        "Porter la mobilité avec la collectivité, qui en a la compétence.",
        "Un circuit fixe, à heure fixe, plutôt que du transport à la demande.",
        "Former les chauffeurs bénévoles et les remercier.",
    ),
    questions=(
        ("Comment est assurée la navette aujourd'hui ?",
         "Par la communauté de communes, propriétaire du minibus, avec une extension pour les chauffeurs bénévoles."),
        ("Les chauffeurs bénévoles sont défrayés ?",
         "Non, mais ils ont un repas offert au café après la tournée. Et beaucoup de reconnaissance."),
    ),
    cost=(1000, 9000), staff=(40, 200), volunteers=(150, 700),
    partners=("la communauté de communes", "le CCAS", "les mairies des hameaux", "le réseau de mobilité solidaire "
              "du Département"),
    funding=("communauté de communes", "Département (mobilité solidaire)", "participations des usagers",
             "fonds propres"),
    links=("navette", "mobilite", "vehicule", "hameaux"),
))
