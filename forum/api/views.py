"""The public read API at /api/v1/: JSON lists (cursor pages) and items, and its OpenAPI document.

Each view's docstring holds its OpenAPI operation (YAML after ``---``): forum/api/spec.py builds
the document from them, and the tests check every documented path against the answers.
"""

from __future__ import annotations

from flask import Blueprint, current_app, request

from forum.api import queries, records
from forum.api.spec import openapi_document
from forum.api.web import (
    absolute, add_cors_headers, json_answer, list_parameters, next_url, refuse_unknown_parameters,
)
from forum.core.errors import NotFound
from forum.core.limits import per_address_reads
from forum.core.sessions import serve_statelessly
from forum.fabriques.queries import FILTER_PARAMETERS as DIRECTORY_FILTERS
from forum.fabriques.queries import DirectoryFilters

blueprint = Blueprint("api", __name__, url_prefix="/api/v1")
RATE_LIMITED = "Trop de requêtes à l'API depuis votre adresse."


def limited(view):
    """Every API view counts against the per-address limit API_RATE_LIMIT."""
    return per_address_reads("API_RATE_LIMIT", RATE_LIMITED)(view)


def _in_api() -> bool:
    # Every address under the prefix, its unknown ones (404) included: they match no rule of the blueprint.
    return request.path.startswith(blueprint.url_prefix + "/")


@blueprint.before_app_request
def _stateless():
    if _in_api():
        serve_statelessly()


@blueprint.after_app_request
def _cors(response):
    return add_cors_headers(response) if _in_api() else response


def _page(found: queries.Slice, limit: int, record, changed_at=None, filters: dict[str, str] | None = None):
    items = found.items
    following = next_url(items[-1].id if found.more else None, limit, filters)
    newest = records.changed_at(*(changed_at(item) for item in items)) if changed_at else None
    return json_answer({"items": [record(item) for item in items], "next": following}, newest, next_page=following)


def _item(item, record, changed_at, message: str):
    refuse_unknown_parameters()
    if item is None:
        raise NotFound(message)
    return json_answer(record(item), changed_at(item), honour_modified_since=True)


@blueprint.get("/")
@limited
def index():
    """L'index de l'API : ses listes et sa documentation.
    ---
    get:
      operationId: index
      summary: Index
      responses:
        200:
          description: Les listes de l'API.
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Index'}
        304: NotModified
        400: BadRequest
        429: TooManyRequests
    """
    refuse_unknown_parameters()
    texts = records.texts()
    return json_answer({"listes": [{"nom": entry["name"], "url": absolute(entry["endpoint"])}
                                   for entry in texts["lists"]],
                        "documentation": absolute("api_docs.documentation"),
                        "openapi": absolute("api.openapi")})


@blueprint.get("/openapi.json")
@limited
def openapi():
    """Le document OpenAPI 3.1 de l'API, produit à partir du code.
    ---
    get:
      operationId: openapi
      summary: Document OpenAPI
      responses:
        200:
          description: Le document OpenAPI 3.1.
          content:
            application/json:
              schema: {type: object, required: [openapi, info, paths]}
        304: NotModified
        400: BadRequest
        429: TooManyRequests
    """
    refuse_unknown_parameters()
    return json_answer(openapi_document(current_app))


@blueprint.get("/fabriques")
@limited
def fabriques():
    """Les fabriques, sous les noms de champs du standard des lieux de médiation numérique.
    ---
    get:
      operationId: listFabriques
      summary: Fabriques
      description: Les fabriques de l'annuaire, par ordre d'inscription, avec les 32 champs du
        standard de données des lieux de médiation numérique (v1.0.2), puis slug et url. Les filtres
        sont ceux de l'annuaire et se combinent.
      parameters: [limit, cursor, region, departement, territoire, module, service, public, frais, accompagnement, label, itinerance]
      responses:
        200:
          description: Une page de fabriques.
          content:
            application/json:
              schema: {$ref: '#/components/schemas/FabriquePage'}
        304: NotModified
        400: BadRequest
        429: TooManyRequests
    """
    after, limit = list_parameters(DIRECTORY_FILTERS)
    filters = DirectoryFilters.from_args(request.args)
    return _page(queries.fabriques(after, limit, filters), limit, records.fabrique_record,
                 records.fabrique_changed_at, filters.as_args(tri=""))


@blueprint.get("/fabriques/<slug>")
@limited
def fabrique(slug: str):
    """Une fabrique.
    ---
    get:
      operationId: getFabrique
      summary: Une fabrique
      parameters:
        - name: slug
          in: path
          required: true
          description: "Le champ slug de la fabrique."
          schema: {type: string}
          example: la-fabrique-des-possibles
      responses:
        200:
          description: La fabrique.
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Fabrique'}
        304: NotModified
        400: BadRequest
        404: NotFound
        429: TooManyRequests
    """
    return _item(queries.fabrique(slug), records.fabrique_record, records.fabrique_changed_at,
                 "Cette fabrique n'existe pas.")


@blueprint.get("/ressources")
@limited
def resources():
    """Les ressources du catalogue partagé (matériel, salles, savoir-faire).
    ---
    get:
      operationId: listResources
      summary: Ressources
      description: Les ressources que les fabriques prêtent ou partagent, par ordre d'ajout ; celles en
        pause y sont (en_pause), celles masquées par la modération non.
      parameters: [limit, cursor]
      responses:
        200:
          description: Une page de ressources.
          content:
            application/json:
              schema: {$ref: '#/components/schemas/ResourcePage'}
        304: NotModified
        400: BadRequest
        429: TooManyRequests
    """
    after, limit = list_parameters()
    return _page(queries.resources(after, limit), limit, records.resource_record, records.resource_changed_at)


@blueprint.get("/ressources/<id:resource_id>")
@limited
def resource(resource_id: int):
    """Une ressource du catalogue.
    ---
    get:
      operationId: getResource
      summary: Une ressource
      parameters:
        - name: resource_id
          in: path
          required: true
          description: "Le champ id de la ressource."
          schema: {type: integer, minimum: 1}
          example: 1
      responses:
        200:
          description: La ressource.
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Resource'}
        304: NotModified
        400: BadRequest
        404: NotFound
        429: TooManyRequests
    """
    return _item(queries.resource(resource_id), records.resource_record, records.resource_changed_at,
                 "Cette ressource n'existe pas ou a été retirée du catalogue.")


@blueprint.get("/pratiques")
@limited
def practices():
    """Les retours d'expérience publiés.
    ---
    get:
      operationId: listPractices
      summary: Retours d'expérience
      description: Les retours d'expérience publiés (bonnes pratiques et expériences à éviter), par ordre
        de création, avec leurs sections en Markdown et en HTML assaini ; jamais les brouillons.
      parameters: [limit, cursor]
      responses:
        200:
          description: Une page de retours d'expérience.
          content:
            application/json:
              schema: {$ref: '#/components/schemas/PracticePage'}
        304: NotModified
        400: BadRequest
        429: TooManyRequests
    """
    after, limit = list_parameters()
    return _page(queries.practices(after, limit), limit, records.practice_record, records.practice_changed_at)


@blueprint.get("/pratiques/<id:practice_id>")
@limited
def practice(practice_id: int):
    """Un retour d'expérience publié.
    ---
    get:
      operationId: getPractice
      summary: Un retour d'expérience
      parameters:
        - name: practice_id
          in: path
          required: true
          description: "Le champ id du retour d'expérience."
          schema: {type: integer, minimum: 1}
          example: 1
      responses:
        200:
          description: Le retour d'expérience.
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Practice'}
        304: NotModified
        400: BadRequest
        404: NotFound
        429: TooManyRequests
    """
    return _item(queries.practice(practice_id), records.practice_record, records.practice_changed_at,
                 "Ce retour d'expérience n'existe pas.")


@blueprint.get("/sujets")
@limited
def threads():
    """Les sujets publics du forum.
    ---
    get:
      operationId: listThreads
      summary: Sujets
      description: Les sujets du forum, par ordre d'ouverture ; ceux masqués par la modération ou
        fusionnés dans un autre n'y sont pas.
      parameters: [limit, cursor]
      responses:
        200:
          description: Une page de sujets.
          content:
            application/json:
              schema: {$ref: '#/components/schemas/ThreadPage'}
        304: NotModified
        400: BadRequest
        429: TooManyRequests
    """
    after, limit = list_parameters()
    return _page(queries.threads(after, limit), limit, records.thread_record,
                 lambda thread: thread.last_post_at)


@blueprint.get("/sujets/<id:thread_id>")
@limited
def thread(thread_id: int):
    """Un sujet et ses messages visibles.
    ---
    get:
      operationId: getThread
      summary: Un sujet
      description: Le sujet et ses messages publiés, dans l'ordre, en HTML assaini ; ni les messages
        supprimés, ni ceux masqués ou en attente de validation.
      parameters:
        - name: thread_id
          in: path
          required: true
          description: "Le champ id du sujet."
          schema: {type: integer, minimum: 1}
          example: 1
      responses:
        200:
          description: Le sujet.
          content:
            application/json:
              schema: {$ref: '#/components/schemas/ThreadDetail'}
        304: NotModified
        400: BadRequest
        404: NotFound
        429: TooManyRequests
    """
    refuse_unknown_parameters()
    found = queries.thread(thread_id)
    if found is None:
        raise NotFound("Ce sujet n'existe pas.")
    posts = queries.visible_posts(found.id)
    # A post shown again after moderation changes no time: this item revalidates by its ETag only.
    newest = records.changed_at(found.last_post_at, *(post.edited_at for post in posts))
    return json_answer(records.thread_detail(found, posts), newest)


@blueprint.get("/evenements")
@limited
def events():
    """Les événements de l'agenda.
    ---
    get:
      operationId: listEvents
      summary: Événements
      description: Les événements des fabriques, par ordre de création, passés et à venir ; les
        événements annulés y sont (statut annule), ceux masqués par la modération non.
      parameters: [limit, cursor]
      responses:
        200:
          description: Une page d'événements.
          content:
            application/json:
              schema: {$ref: '#/components/schemas/EventPage'}
        304: NotModified
        400: BadRequest
        429: TooManyRequests
    """
    after, limit = list_parameters()
    return _page(queries.events(after, limit), limit, records.event_record, records.event_changed_at)


@blueprint.get("/evenements/<id:event_id>")
@limited
def event(event_id: int):
    """Un événement.
    ---
    get:
      operationId: getEvent
      summary: Un événement
      parameters:
        - name: event_id
          in: path
          required: true
          description: "Le champ id de l'événement."
          schema: {type: integer, minimum: 1}
          example: 1
      responses:
        200:
          description: L'événement.
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Event'}
        304: NotModified
        400: BadRequest
        404: NotFound
        429: TooManyRequests
    """
    return _item(queries.event(event_id), records.event_record, records.event_changed_at,
                 "Cet événement n'existe pas.")

