"""The OpenAPI 3.1 document of the API, built from the code by apispec: the marshmallow schemas of
forum/api/schemas.py and the YAML of each view's docstring (apispec-webframeworks' FlaskPlugin
reads the routes from the app's URL map). Built once per app, then kept.
"""

from __future__ import annotations

from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin
from apispec_webframeworks.flask import FlaskPlugin
from flask import Flask
from flask_babel import force_locale
from flask_babel import gettext as _

from forum.api.schemas import SCHEMAS
from forum.api.web import DEFAULT_LIMIT, MAX_LIMIT

OPENAPI_VERSION = "3.1.0"
API_PREFIX = "/api/v1"
_KEY = "api_openapi_document"
# The documented operations, in the document's order (a test checks that every route under
# /api/v1/ is one of them).
ENDPOINTS = ("api.index", "api.openapi", "api.fabriques", "api.fabrique", "api.resources", "api.resource",
             "api.practices", "api.practice", "api.threads", "api.thread", "api.events", "api.event")


def _error(description: str) -> dict:
    return {"description": description,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}


def _directory_parameters(spec: APISpec) -> None:
    """The directory's filters (forum.fabriques.queries), each with the values it takes."""
    from forum.fabriques.geography import DEPARTMENTS, REGIONS
    from forum.fabriques.models import MODULES, TerritoryType
    from forum.fabriques.queries import STANDARD_FILTERS
    from forum.fabriques.standard import VOCABULARIES

    def parameter(name: str, description: str, values) -> None:
        spec.components.parameter(name, "query", {
            "description": description, "schema": {"type": "string", "enum": list(dict.fromkeys(values))}})

    parameter("region", _("Code de la région (75 : Nouvelle-Aquitaine)."), REGIONS)
    parameter("departement", _("Code du département (23, 2A, 974…)."), DEPARTMENTS)
    parameter("territoire", _("Type de territoire."), (territory.value for territory in TerritoryType))
    parameter("module", _("Activité de la fabrique."), MODULES)
    for spec_filter in STANDARD_FILTERS:
        parameter(spec_filter.param, _("%(filter)s : une valeur du standard (%(fields)s).",
                                       filter=spec_filter.label, fields=", ".join(spec_filter.fields)),
                  (value for field in spec_filter.fields for value in VOCABULARIES[field]))


def _build(app: Flask, texts: dict, site_url: str) -> dict:
    spec = APISpec(title=texts["title"], version=texts["version"], openapi_version=OPENAPI_VERSION,
                   plugins=[FlaskPlugin(), MarshmallowPlugin()],
                   info={"description": texts["summary"], "license": {"name": "AGPL-3.0-or-later",
                                                                       "identifier": "AGPL-3.0-or-later"}},
                   servers=[{"url": site_url}])
    for name, schema in SCHEMAS.items():
        spec.components.schema(name, schema=schema)
    spec.components.parameter("limit", "query", {
        "description": _("Nombre d'éléments par page, de 1 à %(max)d (%(default)d par défaut).", max=MAX_LIMIT,
                         default=DEFAULT_LIMIT),
        "schema": {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT},
        "example": DEFAULT_LIMIT})
    spec.components.parameter("cursor", "query", {
        "description": _("Curseur opaque de la page suivante : reprenez tel quel l'adresse « next » de la page "
                         "précédente (ou son en-tête Link)."),
        "schema": {"type": "string"}})
    _directory_parameters(spec)
    spec.components.response("BadRequest", _error(_("Paramètre inconnu, répété ou invalide.")))
    spec.components.response("NotFound", _error(_("Rien de public à cette adresse.")))
    spec.components.response("TooManyRequests", {
        **_error(_("Trop de requêtes depuis votre adresse : réessayez après le délai de l'en-tête Retry-After.")),
        "headers": {"Retry-After": {"description": _("Secondes à attendre."), "schema": {"type": "integer"}}}})
    spec.components.response("NotModified", {
        "description": _("Votre copie est à jour (If-None-Match ou If-Modified-Since) : pas de corps.")})
    for endpoint in ENDPOINTS:
        spec.path(view=app.view_functions[endpoint], app=app)
    return spec.to_dict()


def openapi_document(app: Flask) -> dict:
    """The document (a dict), built at the first call and kept on ``app``."""
    if _KEY not in app.extensions:
        from forum.api.records import texts
        from forum.core.web import site_url

        # In French whatever the first reader's language: the document is kept for everyone (the
        # documentation page translates its sentences when it shows them).
        with force_locale("fr"):
            app.extensions[_KEY] = _build(app, texts(), site_url())
    return app.extensions[_KEY]
