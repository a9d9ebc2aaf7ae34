"""Use cases of a fabrique's memberships: asking to join, deciding, roles, leaving.

Who decides: the fabrique's active managers (and the admins). A fabrique left without an active
manager (its manager's account was deleted or closed by an admin) does not leave its requests
unanswered: the moderators decide them, and may name a new manager (``may_manage_members``).
Each request reaches those who decide, in the app and by e-mail as each prefers; the member is told
the decision.

Concurrency: every change to a fabrique's memberships locks the fabrique's row first, then reads
the memberships (lock order of forum/core/locking.py), so two managers deciding the same request,
or leaving or removing each other at the same moment, act one after the other: the "one manager
at least" rule counts what the first left. One membership per member: inserted in a savepoint, a
duplicate arriving at the same moment is a 409, not an error page.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from flask_babel import gettext as _
from flask_babel import lazy_gettext

from forum.accounts import queries as accounts_queries
from forum.accounts.models import User
from forum.core.errors import Conflict, Forbidden, NotFound
from forum.core.locking import lock
from forum.core.models import utcnow
from forum.core.visibility import is_moderator
from forum.extensions import db
from forum.fabriques.models import Fabrique, Membership, MembershipRole, MembershipStatus
from forum.fabriques.permissions import can_manage, membership_of
from forum.fabriques.services import flush_unique
from forum.notifications.services import notify

ALREADY_ELSEWHERE = lazy_gettext("Vous faites déjà partie d'une fabrique (ou votre demande est en attente) : "
                               "on ne peut appartenir qu'à une seule fabrique.")
DECIDED = lazy_gettext("Cette demande vient d'être traitée par un·e autre responsable : elle n'attend plus de réponse.")
REMOVED = lazy_gettext("Cette adhésion n'existe plus : le membre vient de partir, ou un·e autre responsable l'a retiré·e.")
NOT_A_MANAGER = lazy_gettext("Vous n'êtes pas, ou plus, responsable de cette fabrique : seuls ses responsables peuvent "
                           "faire cela (un·e autre responsable vient peut-être de changer votre rôle).")


def request_membership(actor: User, fabrique: Fabrique, site_url: str = "") -> Membership:
    """Ask to join ``fabrique``; those who decide (``deciders_of``) are told, in the app and by e-mail."""
    current = membership_of(actor)
    if current is not None:
        if current.fabrique_id == fabrique.id:
            raise Conflict(_("Vous avez déjà demandé à rejoindre cette fabrique."))
        raise Conflict(str(ALREADY_ELSEWHERE))
    membership = Membership(user_id=actor.id, fabrique=fabrique, role=MembershipRole.MEMBER,
                            status=MembershipStatus.PENDING)
    db.session.add(membership)
    flush_unique(str(ALREADY_ELSEWHERE))
    managers = active_managers(fabrique.id)
    deciders = managers or [user for user in accounts_queries.moderators() if not user.is_deleted]
    who, where = actor.display_name, fabrique.name

    def email_text() -> str:
        text = _("%(name)s vient de demander à rejoindre %(fabrique)s sur le Forum des Fabriques.",
                 name=who, fabrique=where)
        if not managers:
            text += " " + _("La fabrique n'a plus de responsable actif : en tant que modérateur·rice, vous "
                            "pouvez accepter ou refuser sa demande, et nommer un·e responsable.")
        return text + "\n\n" + _("Pour accepter ou refuser sa demande, en un clic :")

    notify(deciders, "membership_request",
           lambda: _("%(name)s demande à rejoindre %(fabrique)s.", name=who, fabrique=where),
           f"/fabriques/{fabrique.slug}/membres#demande-{membership.id}", actor=actor, site_url=site_url,
           email_subject=lambda: _("%(name)s demande à rejoindre %(fabrique)s", name=who, fabrique=where),
           email_text=email_text)
    return membership


def active_managers(fabrique_id: int) -> list[User]:
    """The fabrique's managers who may act for it now (active membership, account not deleted)."""
    return list(db.session.execute(
        select(User).join(Membership, Membership.user_id == User.id).where(
            Membership.fabrique_id == fabrique_id, Membership.role == MembershipRole.MANAGER,
            Membership.status == MembershipStatus.ACTIVE, User.deleted_at.is_(None))
        .order_by(User.display_name)).scalars())


def may_manage_members(user: User | None, fabrique: Fabrique) -> bool:
    """Whether ``user`` may decide the requests and roles of ``fabrique``: its managers and the admins,
    and the moderators when it has no active manager."""
    return can_manage(user, fabrique) or (is_moderator(user) and _active_manager_count(fabrique.id) == 0)


def get_membership(fabrique: Fabrique, membership_id: int) -> Membership:
    """A membership of ``fabrique`` with its user loaded; NotFound for another fabrique's."""
    membership = db.session.get(Membership, membership_id, options=[joinedload(Membership.user)])
    if membership is None or membership.fabrique_id != fabrique.id:
        raise NotFound(_("Cette demande d'adhésion n'existe pas."))
    return membership


def lock_memberships(fabrique_id: int, membership: Membership | None = None, *, manager: User | None = None) -> None:
    """Lock the fabrique's row (every change to its memberships starts here), then reload
    ``membership`` (Conflict when it was removed meanwhile) and check that ``manager``, acting as
    one of its managers, still may (Forbidden), as things are now, not as the page showed."""
    lock(db.session.get(Fabrique, fabrique_id), gone=NotFound(_("Cette fabrique n'existe plus.")))
    if membership is not None:
        lock(membership, gone=Conflict(str(REMOVED)))
    if manager is not None and not manager.is_admin and db.session.execute(select(Membership.id).where(
            Membership.user_id == manager.id, Membership.fabrique_id == fabrique_id,
            Membership.role == MembershipRole.MANAGER, Membership.status == MembershipStatus.ACTIVE)).first() is None:
        if not (is_moderator(manager) and _active_manager_count(fabrique_id) == 0):
            raise Forbidden(str(NOT_A_MANAGER))


def decide_membership(actor: User, membership: Membership, accept: bool, site_url: str = "") -> None:
    """Accept (the member may then act for the fabrique) or refuse (the request is removed); the member is told."""
    lock_memberships(membership.fabrique_id, membership, manager=actor)
    if membership.status is not MembershipStatus.PENDING:
        raise Conflict(str(DECIDED))
    fabrique = db.session.get(Fabrique, membership.fabrique_id)
    member = db.session.get(User, membership.user_id)
    who, where = actor.display_name, fabrique.name
    if accept:
        membership.status = MembershipStatus.ACTIVE
        membership.decided_at = utcnow()
        notify([member], "membership_accepted",
               lambda: _("Bienvenue : vous faites maintenant partie de %(fabrique)s.", fabrique=where),
               f"/fabriques/{fabrique.slug}", actor=actor, site_url=site_url,
               email_subject=lambda: _("Vous faites maintenant partie de %(fabrique)s", fabrique=where),
               email_text=lambda: _("%(name)s a accepté votre demande : vous faites maintenant partie de "
                                    "%(fabrique)s sur le Forum des Fabriques. Vous pouvez demander des prêts et "
                                    "publier des retours d'expérience en son nom.", name=who, fabrique=where)
               + "\n\n" + _("La page de votre fabrique :"))
    else:
        db.session.delete(membership)
        notify([member], "membership_refused",
               lambda: _("Votre demande pour rejoindre %(fabrique)s n'a pas été acceptée.", fabrique=where),
               f"/fabriques/{fabrique.slug}", actor=actor, site_url=site_url,
               email_subject=lambda: _("Votre demande pour rejoindre %(fabrique)s", fabrique=where),
               email_text=lambda: _("Votre demande pour rejoindre %(fabrique)s n'a pas été acceptée. Si c'est une "
                                    "erreur, écrivez à ses responsables (leurs coordonnées sont sur la page de la "
                                    "fabrique), puis demandez de nouveau :", fabrique=where))
    db.session.flush()


def _active_manager_count(fabrique_id: int) -> int:
    return db.session.execute(
        select(func.count()).select_from(Membership).join(User, User.id == Membership.user_id).where(
            Membership.fabrique_id == fabrique_id,
            Membership.role == MembershipRole.MANAGER,
            Membership.status == MembershipStatus.ACTIVE,
            User.deleted_at.is_(None),
        )
    ).scalar_one()


def set_membership_role(actor: User, membership: Membership, role: MembershipRole) -> None:
    """Managers name other managers, or make one a plain member again (one manager always remains)."""
    lock_memberships(membership.fabrique_id, membership, manager=actor)
    if membership.status is not MembershipStatus.ACTIVE:
        raise Conflict(_("Acceptez d'abord la demande de ce membre."))
    if membership.role is MembershipRole.MANAGER and role is not MembershipRole.MANAGER:
        if _active_manager_count(membership.fabrique_id) <= 1:
            raise Conflict(_("La fabrique doit garder au moins un·e responsable."))
    membership.role = role


def remove_membership(actor: User, membership: Membership) -> None:
    """A member leaves, or a manager removes a member; the last manager cannot leave (the fabrique's
    row is locked before the managers are counted: two leaving at once cannot leave none)."""
    lock_memberships(membership.fabrique_id, membership,
                     manager=actor if membership.user_id != actor.id else None)
    if membership.is_manager and _active_manager_count(membership.fabrique_id) <= 1:
        raise Conflict(_("Vous êtes le ou la seule responsable : nommez quelqu'un d'autre avant de partir."))
    db.session.delete(membership)
    db.session.flush()
