"""Use cases for the directory: fabrique profiles and spaces (memberships: forum.fabriques.memberships).

Services flush, never commit; the caller commits once.

Concurrency: unique names are inserted in a savepoint, a duplicate arriving at the same moment is
a 409, not an error page. Profile edits check the version their form was opened at.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from flask_babel import gettext as _
from flask_babel import lazy_gettext
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from forum.accounts.models import User
from forum.core.dates import today_in_france
from forum.core.errors import Conflict, Forbidden, Invalid, NotFound
from forum.core.locking import NOT_CHECKED, check_version, lock
from forum.core.markdown import render_markdown
from forum.core.models import utcnow
from forum.core.text import clean_line, clean_text, require_length, slugify
from forum.extensions import db
from forum.fabriques import opening_hours, standard, standard_checks
from forum.fabriques.geography import DEPARTMENTS, region_of
from forum.fabriques.models import (
    MODULES,
    Fabrique,
    FabriqueModule,
    Membership,
    MembershipRole,
    MembershipStatus,
    Space,
    TerritoryType,
)
from forum.fabriques.permissions import can_manage, membership_of

DESCRIPTION_MAX_LENGTH = 20_000
# Paths under /fabriques/ that are pages, not fabriques.
RESERVED_SLUGS = frozenset({"nouvelle", "carte"})


@dataclass
class FabriqueProfile:
    """What a manager may edit on a fabrique; every field is user input until checked."""

    name: str
    department_code: str
    territory_type: str
    summary: str = ""
    description: str = ""
    address: str = ""
    postal_code: str = ""
    city: str = ""
    opening_hours: str = ""
    website: str = ""
    contact_email: str = ""
    phone: str = ""
    modules: list[str] = field(default_factory=list)
    latitude: float | None = None
    longitude: float | None = None
    # The national standard (forum.fabriques.standard): single fields...
    pivot: str = ""
    code_insee: str = ""
    complement_adresse: str = ""
    fiche_acces_libre: str = ""
    prise_rdv: str = ""
    # ... its closed lists {field: values} (a list left out is emptied) and the free one, a label a line;
    lists: dict[str, list[str]] = field(default_factory=dict)
    other_labels: str = ""
    # ... and the hours: the grid typed per weekday {"Mo": [(start, end), ...]} when it holds any,
    # else ``horaires`` (OpenStreetMap text; one the grid cannot say is kept if left unchanged).
    hours_grid: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    horaires: str = ""


def _unique_slug(name: str, exclude_id: int | None = None) -> str:
    base = slugify(name, max_length=80)
    slug, suffix = base, 2
    while True:
        statement = select(Fabrique.id).where(Fabrique.slug == slug)
        if exclude_id is not None:
            statement = statement.where(Fabrique.id != exclude_id)
        if slug not in RESERVED_SLUGS and db.session.execute(statement).first() is None:
            return slug
        slug, suffix = f"{base}-{suffix}", suffix + 1


def _check_website(url: str) -> str:
    if not url:
        return ""
    if "://" not in url:
        url = "https://" + url
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or "." not in parts.netloc or " " in url:
        raise Invalid(_("Le site web doit être une adresse comme https://exemple.fr."), field="website")
    return require_length(url, _("Le site web"), maximum=300, field="website")


def _apply_profile(fabrique: Fabrique, profile: FabriqueProfile) -> None:
    name = require_length(clean_line(profile.name), _("Le nom"), minimum=2, maximum=120, field="name")
    clash = db.session.execute(
        select(Fabrique.id).where(func.lower(Fabrique.name) == name.lower(), Fabrique.id != (fabrique.id or 0))
    ).first()
    if clash is not None:
        raise Conflict(str(NAME_TAKEN))
    if profile.department_code not in DEPARTMENTS:
        raise Invalid(_("Choisissez un département dans la liste."), field="department_code")
    try:
        territory = TerritoryType(profile.territory_type)
    except ValueError:
        raise Invalid(_("Choisissez un type de territoire : rural, QPV ou urbain."), field="territory_type") from None
    unknown = [module for module in profile.modules if module not in MODULES]
    if unknown:
        raise Invalid(_("Module inconnu\u00a0: %(modules)s", modules=", ".join(unknown[:3])), field="modules")
    if (profile.latitude is None) != (profile.longitude is None):
        raise Invalid(_("Indiquez la latitude et la longitude, ou aucune des deux."), field="latitude")
    if profile.latitude is not None and not (-90 <= profile.latitude <= 90 and -180 <= profile.longitude <= 180):
        raise Invalid(_("Ces coordonnées ne sont pas valides."), field="latitude")

    description = require_length(clean_text(profile.description), _("La description"), minimum=0,
                                 maximum=DESCRIPTION_MAX_LENGTH, field="description")
    if fabrique.name != name:
        fabrique.slug = _unique_slug(name, exclude_id=fabrique.id)
    fabrique.name = name
    fabrique.summary = require_length(clean_line(profile.summary), _("Le résumé"), minimum=0, maximum=240)
    fabrique.description_source = description
    fabrique.description_html = render_markdown(description)
    fabrique.address = require_length(clean_line(profile.address), _("L'adresse"), minimum=0, maximum=200)
    fabrique.postal_code = standard_checks.check_postal_code(profile.postal_code)
    fabrique.city = require_length(clean_line(profile.city), _("La commune"), minimum=0, maximum=100)
    fabrique.department_code = profile.department_code
    fabrique.region_code = region_of(profile.department_code)
    fabrique.territory_type = territory
    fabrique.opening_hours = require_length(clean_text(profile.opening_hours), _("Les horaires"), minimum=0, maximum=1000)
    fabrique.website = _check_website(clean_line(profile.website))
    fabrique.contact_email = require_length(clean_line(profile.contact_email), _("L'e-mail de contact"),
                                            minimum=0, maximum=254)
    fabrique.latitude, fabrique.longitude = profile.latitude, profile.longitude
    wanted = sorted(set(profile.modules))
    if fabrique.id is None or sorted(fabrique.modules) != wanted:
        fabrique.module_links = [FabriqueModule(module=module) for module in wanted]
    _apply_standard(fabrique, profile)


OTHER_LABELS_MAX = 20
HORAIRES_MAX_LENGTH = 500


def _apply_standard(fabrique: Fabrique, profile: FabriqueProfile) -> None:
    """The standard's fields, checked (forum.fabriques.standard_checks) and in its forms."""
    fabrique.phone = standard_checks.check_phone(profile.phone)
    fabrique.pivot = standard_checks.check_pivot(clean_line(profile.pivot))
    fabrique.code_insee = standard_checks.check_code_insee(profile.code_insee)
    fabrique.complement_adresse = require_length(clean_line(profile.complement_adresse), _("Le complément d'adresse"),
                                                 minimum=0, maximum=200, field="complement_adresse")
    fabrique.fiche_acces_libre = standard_checks.check_url(
        profile.fiche_acces_libre, _("La fiche Accès libre"), "fiche_acces_libre",
        required_prefix="https://acceslibre.beta.gouv.fr/")
    fabrique.prise_rdv = standard_checks.check_url(profile.prise_rdv, _("L'adresse de prise de rendez-vous"), "prise_rdv")
    fabrique.horaires = _horaires(fabrique, profile)
    unknown = [name for name in profile.lists if name not in standard.VOCABULARIES]
    if unknown:
        raise Invalid(_("«\u00a0%(name)s\u00a0» n'est pas une liste du standard.", name=unknown[0]))
    lists = {name: standard_checks.check_list(name, profile.lists.get(name, [])) for name in standard.VOCABULARIES}
    others = [line for line in clean_text(profile.other_labels).split("\n") if line.strip()]
    if len(others) > OTHER_LABELS_MAX:
        raise Invalid(_("Indiquez au plus %(num)d autres formations ou labels.", num=OTHER_LABELS_MAX),
                      field=standard.FREE_LIST_FIELD)
    lists[standard.FREE_LIST_FIELD] = standard_checks.check_list(standard.FREE_LIST_FIELD, others)
    if fabrique.id is None or any(fabrique.values_of(name) != values for name, values in lists.items()):
        standard.set_values(fabrique, lists)


def _horaires(fabrique: Fabrique, profile: FabriqueProfile) -> str:
    """The OpenStreetMap hours to store: the grid's, else the text's (canonical when it can be read)."""
    try:
        week = opening_hours.week_of_grid(profile.hours_grid)
    except opening_hours.BadTimes as error:
        raise Invalid(str(error), field="horaires") from None
    if any(week):
        return opening_hours.format_osm(week)
    text = require_length(clean_line(profile.horaires), _("Les horaires au format OpenStreetMap"), minimum=0,
                          maximum=HORAIRES_MAX_LENGTH, field="horaires")
    if not text:
        return ""
    week = opening_hours.try_parse(text)
    if week is not None:
        return opening_hours.format_osm(week)
    if text == fabrique.horaires:  # imported with rules the grid cannot say: kept as it is
        return text
    raise Invalid(_("Ces horaires ne sont pas écrits dans la partie du format OpenStreetMap que l'annuaire sait "
                  "lire (par exemple «\u00a0Mo-Fr 09:00-12:00,14:00-18:00; Sa 10:00-12:00\u00a0»)\u00a0: "
                  "remplissez plutôt la grille jour par jour."), field="horaires")


def _changed(fabrique: Fabrique) -> bool:
    """Whether applying a profile changed anything that would be written."""
    return db.session.is_modified(fabrique) or any(db.session.is_modified(row) for row in fabrique.standard_values)


ALREADY_MEMBER = lazy_gettext("Vous faites déjà partie d'une fabrique (ou votre demande est en attente) : "
                            "quittez-la avant d'en créer une autre.")
NAME_TAKEN = lazy_gettext("Une autre fabrique porte déjà ce nom.")


def flush_unique(conflict: str) -> None:
    """Flush in a savepoint: a unique key taken at the same moment by another request is ``conflict``."""
    try:
        with db.session.begin_nested():
            db.session.flush()
    except IntegrityError:
        raise Conflict(conflict) from None


def create_fabrique(actor: User, profile: FabriqueProfile) -> Fabrique:
    """A member without a fabrique creates one and becomes its manager."""
    if membership_of(actor) is not None:
        raise Conflict(str(ALREADY_MEMBER))
    fabrique = Fabrique(module_links=[], standard_values=[])
    _apply_profile(fabrique, profile)
    fabrique.date_maj = today_in_france()
    db.session.add(fabrique)
    flush_unique(str(NAME_TAKEN))
    membership = Membership(user_id=actor.id, fabrique=fabrique, role=MembershipRole.MANAGER,
                            status=MembershipStatus.ACTIVE, decided_at=utcnow())
    db.session.add(membership)
    flush_unique(str(ALREADY_MEMBER))
    return fabrique


def update_fabrique(actor: User, fabrique: Fabrique, profile: FabriqueProfile, *, seen_version=NOT_CHECKED) -> None:
    """Save a manager's edit of the profile. ``seen_version``: the version the form was opened at (a
    fabrique has several managers): a save over a newer one is a StaleEdit showing the current
    profile; the row is locked first, so two saves at the same moment are caught too."""
    lock(fabrique, gone=NotFound(_("Cette fabrique n'existe plus.")))
    if not can_manage(actor, fabrique):
        raise Forbidden(_("Seuls les responsables de cette fabrique peuvent modifier sa fiche."))
    editor = db.session.get(User, fabrique.updated_by_id or 0)
    check_version(seen_version, fabrique.version, changed=_("La fiche de la fabrique a été modifiée"),
                  who=editor.display_name if editor is not None and not editor.is_deleted else None,
                  when=fabrique.updated_at,
                  current=[(_("Nom"), fabrique.name), (_("En une phrase"), fabrique.summary),
                           (_("Présentation"), fabrique.description_source), (_("Adresse"), fabrique.address),
                           (_("Code postal"), fabrique.postal_code), (_("Commune"), fabrique.city),
                           (_("Horaires"), _hours_said(fabrique.horaires)),
                           (_("Précisions sur les horaires"), fabrique.opening_hours), (_("Site web"), fabrique.website),
                           (_("E-mail de contact"), fabrique.contact_email),
                           (_("Téléphone"), standard_checks.phone_for_display(fabrique.phone)),
                           (_("SIRET ou RNA"), fabrique.pivot)])
    _apply_profile(fabrique, profile)
    if not _changed(fabrique):
        return  # saved as it was: nothing written, the version and date_maj stay
    fabrique.version += 1
    fabrique.updated_at, fabrique.updated_by_id = utcnow(), actor.id
    fabrique.date_maj = today_in_france()
    flush_unique(str(NAME_TAKEN))


def _hours_said(horaires: str) -> str:
    week = opening_hours.try_parse(horaires)
    return opening_hours.hours_text(week) if week is not None else horaires


def _space_values(name: str, capacity: int | None, equipment: str) -> tuple[str, int, str]:
    name = require_length(clean_line(name), _("Le nom de l'espace"), maximum=120, field="name")
    if capacity is None or not 1 <= capacity <= 10_000:
        raise Invalid(_("La capacité doit être un nombre de personnes entre 1 et 10 000."), field="capacity")
    equipment = require_length(clean_line(equipment), _("L'équipement"), minimum=0, maximum=500, field="equipment")
    return name, capacity, equipment


def add_space(actor: User, fabrique: Fabrique, name: str, capacity: int | None, equipment: str) -> Space:
    if not can_manage(actor, fabrique):
        raise Forbidden(_("Seuls les responsables de cette fabrique peuvent gérer ses espaces."))
    name, capacity, equipment = _space_values(name, capacity, equipment)
    space = Space(fabrique_id=fabrique.id, name=name, capacity=capacity, equipment=equipment)
    db.session.add(space)
    db.session.flush()
    return space


def get_space(fabrique: Fabrique, space_id: int) -> Space:
    space = db.session.get(Space, space_id)
    if space is None or space.fabrique_id != fabrique.id:
        raise NotFound(_("Cet espace n'existe pas."))
    return space


SPACE_GONE = lazy_gettext("Cet espace vient d'être supprimé par un·e autre responsable.")


def update_space(actor: User, space: Space, name: str, capacity: int | None, equipment: str) -> None:
    """Change a space (the last save wins: a name and a capacity, nothing to merge); its row is locked
    first, so a space deleted meanwhile is a 404, not an error."""
    lock(space, gone=NotFound(str(SPACE_GONE)))
    if not can_manage(actor, space.fabrique):
        raise Forbidden(_("Seuls les responsables de cette fabrique peuvent gérer ses espaces."))
    space.name, space.capacity, space.equipment = _space_values(name, capacity, equipment)


def delete_space(actor: User, space: Space) -> None:
    """Delete a space; deleted twice at once (a double click), the second is a 404, not an error."""
    lock(space, gone=NotFound(str(SPACE_GONE)))
    if not can_manage(actor, space.fabrique):
        raise Forbidden(_("Seuls les responsables de cette fabrique peuvent gérer ses espaces."))
    db.session.delete(space)


def touch_activity(fabrique_id: int | None) -> None:
    """Record that the fabrique's members just did something (for "recent activity")."""
    if fabrique_id is not None:
        db.session.execute(
            Fabrique.__table__.update().where(Fabrique.id == fabrique_id).values(last_activity_at=utcnow())
        )
