"""The shapes of the API's answers, as marshmallow schemas: apispec writes them into the OpenAPI
document, and the tests check every answer against that document.

Field names are French, as the national standard's are (a fabrique is written under its names).
"""

from __future__ import annotations

from marshmallow import Schema, fields

from forum.fabriques.standard import COLUMNS, LIST_FIELDS


def _text(description: str, **options) -> fields.String:
    return fields.String(required=True, metadata={"description": description}, **options)


def _nullable_text(description: str) -> fields.String:
    return _text(description, allow_none=True)


def _url(description: str, nullable: bool = False) -> fields.String:
    return fields.String(required=True, allow_none=nullable, metadata={"description": description, "format": "uri"})


def _moment(description: str, nullable: bool = False) -> fields.DateTime:
    return fields.DateTime(required=True, allow_none=nullable, metadata={"description": description})


class ErrorSchema(Schema):
    error = _text("Ce qui n'a pas pu être fait, en français.")


class FabriqueRefSchema(Schema):
    slug = _text("Identifiant de la fabrique dans les adresses du forum.")
    nom = _text("Nom de la fabrique.")
    url = _url("Page de la fabrique sur le forum.")


def _standard_field(column: str) -> fields.Field:
    description = f"Champ « {column} » du standard de données des lieux de médiation numérique (v1.0.2)."
    if column in LIST_FIELDS or column in ("courriels", "site_web"):
        return fields.List(fields.String(), required=True, allow_none=True, metadata={"description": description})
    if column in ("latitude", "longitude"):
        return fields.Float(required=True, allow_none=True, metadata={"description": description})
    return _nullable_text(description)


# The standard's 32 columns, in its order, then the forum's own fields.
FabriqueSchema = Schema.from_dict({
    **{column: _standard_field(column) for column in COLUMNS},
    "slug": _text("Identifiant de la fabrique dans les adresses du forum."),
    "url": _url("Page de la fabrique sur le forum."),
}, name="Fabrique")


class ResourceSchema(Schema):
    id = fields.Integer(required=True)
    type = _text("equipement, espace ou savoir-faire.")
    type_libelle = _text("Le type en toutes lettres.")
    titre = _text("Nom de la ressource.")
    categorie = _text("Catégorie dans le catalogue (code).")
    categorie_libelle = _text("Catégorie en toutes lettres.")
    en_pause = fields.Boolean(required=True, metadata={"description": "Indisponible pour le moment."})
    fabrique = fields.Nested(FabriqueRefSchema, required=True)
    description_markdown = _text("Description, en Markdown, telle qu'écrite.")
    description_html = _text("Description en HTML assaini, telle qu'affichée sur le forum.")
    url = _url("Page de la ressource.")
    disponibilites = _url("Page où un membre voit ses disponibilités (null pour un savoir-faire).", nullable=True)
    markdown = _url("La ressource en Markdown.")
    mis_a_jour = _moment("Dernière modification.")


class ThemeSchema(Schema):
    slug = _text("Identifiant du thème.")
    nom = _text("Nom du thème.")


class SectionSchema(Schema):
    cle = _text("context, objective, actions, outcome, problems ou lessons.")
    titre = _text("Titre de la section.")
    markdown = _text("Texte en Markdown, tel qu'écrit.")
    html = _text("Texte en HTML assaini, tel qu'affiché sur le forum.")


class PracticeSchema(Schema):
    id = fields.Integer(required=True)
    titre = _text("Titre du retour d'expérience.")
    verdict = _text("bonne-pratique, experience-mitigee ou a-eviter.")
    verdict_libelle = _text("Le verdict en toutes lettres.")
    territoire = _text("rural, qpv ou urbain.")
    periode = _nullable_text("Quand cela s'est passé.")
    themes = fields.List(fields.Nested(ThemeSchema), required=True)
    fabrique = fields.Nested(FabriqueRefSchema, required=True)
    auteurs = fields.List(fields.String(), required=True, metadata={"description": "Noms publics des auteurs."})
    licence = _text("Licence du texte (cc-by-sa, cc-by ou cc0).")
    sections = fields.List(fields.Nested(SectionSchema), required=True)
    publie_le = _moment("Date de publication.")
    mis_a_jour = _moment("Dernière modification.")
    url = _url("Page du retour d'expérience.")
    markdown = _url("Le retour d'expérience en Markdown.")


class CategorySchema(Schema):
    slug = _text("Identifiant de la catégorie.")
    nom = _text("Nom de la catégorie.")


class ThreadSchema(Schema):
    id = fields.Integer(required=True)
    titre = _text("Titre du sujet.")
    categorie = fields.Nested(CategorySchema, required=True)
    question = fields.Boolean(required=True, metadata={"description": "Le sujet pose une question."})
    resolu = fields.Boolean(required=True, metadata={"description": "Une réponse a été marquée comme solution."})
    nombre_messages = fields.Integer(required=True, metadata={
        "description": "Messages visibles : le message d'ouverture et les réponses publiées."})
    auteur = _text("Nom public de qui a ouvert le sujet (« Membre supprimé » pour un compte supprimé).")
    cree_le = _moment("Ouverture du sujet.")
    dernier_message_le = _moment("Dernier message.")
    url = _url("Page du sujet.")


class PostSchema(Schema):
    id = fields.Integer(required=True)
    position = fields.Integer(required=True)
    auteur = _text("Nom public de l'auteur (« Membre supprimé » pour un compte supprimé).")
    html = _text("Le message en HTML assaini, tel qu'affiché sur le forum.")
    solution = fields.Boolean(required=True, metadata={"description": "La réponse marquée comme solution."})
    cree_le = _moment("Envoi du message.")
    modifie_le = _moment("Dernière modification, null si aucune.", nullable=True)


class ThreadDetailSchema(ThreadSchema):
    messages = fields.List(fields.Nested(PostSchema), required=True)


class EventSchema(Schema):
    id = fields.Integer(required=True)
    titre = _text("Titre de l'événement.")
    resume = _nullable_text("Résumé en une phrase.")
    type = _text("rencontre, atelier, formation, webinaire, portes-ouvertes ou autre.")
    type_libelle = _text("Le type en toutes lettres.")
    statut = _text("prevu, reporte, complet ou annule.")
    statut_libelle = _text("Le statut en toutes lettres.")
    modalite = _text("sur-place, en-ligne ou mixte.")
    debut = _moment("Début.")
    fin = _moment("Fin.")
    adresse = _nullable_text("Adresse, pour un événement sur place.")
    lien_en_ligne = _url("Adresse de l'événement en ligne.", nullable=True)
    fabrique = fields.Nested(FabriqueRefSchema, required=True)
    description_markdown = _text("Description, en Markdown, telle qu'écrite.")
    description_html = _text("Description en HTML assaini, telle qu'affichée sur le forum.")
    url = _url("Page de l'événement.")
    mis_a_jour = _moment("Dernière modification.")


def page_schema(item: type[Schema], name: str) -> type[Schema]:
    """A page of a list: its items and the address of the next page (null on the last)."""
    return Schema.from_dict({
        "items": fields.List(fields.Nested(item), required=True),
        "next": _url("Page suivante (null sur la dernière).", nullable=True),
    }, name=name)


FabriquePageSchema = page_schema(FabriqueSchema, "FabriquePage")
ResourcePageSchema = page_schema(ResourceSchema, "ResourcePage")
PracticePageSchema = page_schema(PracticeSchema, "PracticePage")
ThreadPageSchema = page_schema(ThreadSchema, "ThreadPage")
EventPageSchema = page_schema(EventSchema, "EventPage")


class EndpointSchema(Schema):
    nom = _text("Ce que la liste contient.")
    url = _url("Adresse de la liste.")


class IndexSchema(Schema):
    listes = fields.List(fields.Nested(EndpointSchema), required=True)
    documentation = _url("La documentation lisible.")
    openapi = _url("Le document OpenAPI 3.1.")

# Every schema the document names, under its name in components/schemas.
SCHEMAS = {
    "Error": ErrorSchema, "FabriqueRef": FabriqueRefSchema, "Fabrique": FabriqueSchema, "Resource": ResourceSchema,
    "Theme": ThemeSchema, "Section": SectionSchema, "Practice": PracticeSchema, "Category": CategorySchema,
    "Thread": ThreadSchema, "Post": PostSchema, "ThreadDetail": ThreadDetailSchema, "Event": EventSchema,
    "FabriquePage": FabriquePageSchema, "ResourcePage": ResourcePageSchema, "PracticePage": PracticePageSchema,
    "ThreadPage": ThreadPageSchema, "EventPage": EventPageSchema, "Endpoint": EndpointSchema, "Index": IndexSchema,
}
