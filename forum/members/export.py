"""Read side of "Mes données": everything the forum holds about one member, as JSON files in a ZIP.

Each file is built with a fixed number of queries whatever the member wrote (no query per post,
report or loan), and only ever from rows tied to the member: their account, what they wrote,
what they did, what they received.
"""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date, datetime
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import func, or_, select, union
from sqlalchemy.orm import joinedload, selectinload

from forum.accounts.models import LoginSession, User
from forum.core.models import utcnow
from forum.extensions import db
from forum.fabriques.models import Fabrique, Membership, MembershipRole, MembershipStatus
from forum.messages.models import Conversation, ConversationMember, IgnoredMember, PrivateMessage
from forum.moderation.models import Flag, FlagResolution
from forum.moderation.queries import target_link
from forum.notifications.models import EmailFrequency, EmailPreference, Notification
from forum.practices.models import (
    LICENCES, SECTIONS, OutdatedFlag, Practice, PracticeComment, PracticeRevision, PracticeTrial, PracticeVote,
    practice_authors,
)
from forum.resources.models import Loan, LoanEvent, LoanMessage
from forum.threads.models import Bookmark, Category, Post, PostLike, Tag, Thread, ThreadRead, Watch, thread_tags

FILENAME_PREFIX = "donnees-forum-des-fabriques"

def readme(exported_at: str, user_id: int) -> str:
    """The LISEZMOI.txt of the archive, in the interface's language."""
    return _("""Vos données sur le Forum des Fabriques
======================================

Exportées le %(exported_at)s pour le compte n° %(user_id)s.
Chaque fichier est au format JSON (UTF-8) ; les dates sont en temps universel (UTC, ISO 8601).

- profil.json : votre compte (adresse e-mail, nom affiché, présentation, rôle, date d'inscription),
  votre adhésion à une fabrique, votre choix d'e-mails de notification et vos sessions de connexion ouvertes.
- messages.json : les sujets que vous avez ouverts et tous vos messages (texte Markdown d'origine),
  supprimés compris.
- pratiques.json : les retours d'expérience dont vous êtes auteur·rice (brouillons compris), les versions
  que vous avez enregistrées, vos commentaires, vos votes « Utile », vos témoignages « Nous l'avons
  essayé aussi » et vos signalements « plus d'actualité ».
- prets.json : les prêts que vous avez demandés ou traités, avec vos actions et les messages que vous
  y avez écrits.
- favoris.json : les sujets et messages gardés dans vos favoris.
- suivis.json : les sujets et catégories dont vous avez choisi le suivi (« Suivre », « Normal »,
  « Ignorer ») et jusqu'où vous avez lu chaque sujet.
- mercis.json : les messages auxquels vous avez dit « Merci ».
- notifications.json : les notifications que vous avez reçues.
- signalements.json : les contenus que vous avez signalés à l'équipe de modération, avec vos
  raisons et ce qu'il en est advenu.
- messages-prives.json : vos conversations privées (objet, participant·es), les messages que vous
  y avez écrits (texte Markdown d'origine) et les membres que vous ignorez.
""", exported_at=exported_at, user_id=user_id)


def _iso(value: datetime | date | None) -> str | None:
    return value.isoformat() if value is not None else None


def export_filename(day: date) -> str:
    return f"{FILENAME_PREFIX}-{day.isoformat()}.zip"


def export_zip(actor: User) -> bytes:
    """The member's data as a ZIP of indented UTF-8 JSON files (and a LISEZMOI.txt in the interface's language)."""
    files = member_data(actor)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("LISEZMOI.txt", readme(files["profil.json"]["exporte_le"], actor.id))
        for name, content in files.items():
            archive.writestr(name, json.dumps(content, ensure_ascii=False, indent=2) + "\n")
    return buffer.getvalue()


def member_data(actor: User) -> dict[str, Any]:
    """File name -> JSON-ready content, for the logged-in member ``actor`` only."""
    return {
        "profil.json": _profile(actor),
        "messages.json": _messages(actor),
        "pratiques.json": _practices(actor),
        "prets.json": _loans(actor),
        "favoris.json": _bookmarks(actor),
        "suivis.json": _watches(actor),
        "mercis.json": _likes(actor),
        "notifications.json": _notifications(actor),
        "signalements.json": _flags(actor),
        "messages-prives.json": _private_messages(actor),
    }


# -- profil.json -----------------------------------------------------------------------------


def _profile(actor: User) -> dict[str, Any]:
    membership = db.session.execute(
        select(Membership).where(Membership.user_id == actor.id).options(joinedload(Membership.fabrique))
    ).scalar_one_or_none()
    preference = db.session.get(EmailPreference, actor.id)
    sessions = db.session.execute(
        select(LoginSession.created_at, LoginSession.user_agent).where(LoginSession.user_id == actor.id)
        .order_by(LoginSession.created_at)).all()
    return {
        "exporte_le": _iso(utcnow()),
        "id": actor.id,
        "adresse_email": actor.email,
        "nom_affiche": actor.display_name,
        "presentation": actor.bio,
        "role": actor.role.value,
        "role_libelle": actor.role.label,
        "inscrit_le": _iso(actor.created_at),
        "fabrique": _membership(membership),
        "emails_de_notification": {
            "frequence": (preference.frequency if preference else EmailFrequency.IMMEDIATE).label,
            "dernier_resume_le": _iso(preference.last_digest_at) if preference else None,
        },
        "sessions_de_connexion": [{"ouverte_le": _iso(row.created_at), "navigateur": row.user_agent}
                                  for row in sessions],
    }


def _membership(membership: Membership | None) -> dict[str, Any] | None:
    if membership is None:
        return None
    return {
        "id": membership.fabrique_id,
        "nom": membership.fabrique.name,
        "adresse": f"/fabriques/{membership.fabrique.slug}",
        "role": "responsable" if membership.role is MembershipRole.MANAGER else "membre",
        "statut": "acceptée" if membership.status is MembershipStatus.ACTIVE else "en attente",
        "demandee_le": _iso(membership.requested_at),
        "decidee_le": _iso(membership.decided_at),
    }


# -- messages.json ---------------------------------------------------------------------------


def _messages(actor: User) -> dict[str, Any]:
    threads = db.session.execute(
        select(Thread.id, Thread.title, Thread.slug, Thread.is_question, Thread.solution_post_id,
               Thread.created_at, Category.name.label("category"))
        .join(Category, Category.id == Thread.category_id)
        .where(Thread.author_id == actor.id).order_by(Thread.created_at, Thread.id)).all()
    tags: dict[int, list[str]] = {}
    for thread_id, name in db.session.execute(
            select(thread_tags.c.thread_id, Tag.name).join(Tag, Tag.id == thread_tags.c.tag_id)
            .where(thread_tags.c.thread_id.in_(select(Thread.id).where(Thread.author_id == actor.id)))
            .order_by(Tag.name)):
        tags.setdefault(thread_id, []).append(name)
    posts = db.session.execute(
        select(Post.id, Post.thread_id, Post.position, Post.created_at, Post.edited_at, Post.deleted_at,
               Post.like_count, Post.body_source, Thread.title.label("thread_title"))
        .join(Thread, Thread.id == Post.thread_id)
        .where(Post.author_id == actor.id).order_by(Post.created_at, Post.id)).all()
    return {
        "sujets": [{
            "id": row.id, "titre": row.title, "categorie": row.category, "question": row.is_question,
            "resolu": row.solution_post_id is not None, "mots_cles": tags.get(row.id, []),
            "cree_le": _iso(row.created_at), "adresse": f"/sujets/{row.id}/{row.slug}",
        } for row in threads],
        "messages": [{
            "id": row.id, "sujet_id": row.thread_id, "sujet_titre": row.thread_title, "position": row.position,
            "cree_le": _iso(row.created_at), "modifie_le": _iso(row.edited_at), "supprime_le": _iso(row.deleted_at),
            "mercis_recus": row.like_count, "texte_markdown": row.body_source, "adresse": f"/messages/{row.id}",
        } for row in posts],
    }


# -- pratiques.json --------------------------------------------------------------------------


def _practices(actor: User) -> dict[str, Any]:
    authored = list(db.session.execute(
        select(Practice)
        .where(or_(Practice.id.in_(select(practice_authors.c.practice_id)
                                   .where(practice_authors.c.user_id == actor.id)),
                   Practice.created_by_id == actor.id))
        .options(joinedload(Practice.fabrique), selectinload(Practice.themes),
                 selectinload(Practice.coauthor_fabriques))
        .order_by(Practice.created_at, Practice.id)).unique().scalars())
    revisions = db.session.execute(
        select(PracticeRevision.practice_id, PracticeRevision.number, PracticeRevision.created_at,
               PracticeRevision.snapshot, Practice.title)
        .join(Practice, Practice.id == PracticeRevision.practice_id)
        .where(PracticeRevision.author_id == actor.id)
        .order_by(PracticeRevision.created_at, PracticeRevision.id)).all()
    comments = db.session.execute(
        select(PracticeComment.id, PracticeComment.practice_id, PracticeComment.created_at,
               PracticeComment.body_source, Practice.title)
        .join(Practice, Practice.id == PracticeComment.practice_id)
        .where(PracticeComment.author_id == actor.id)
        .order_by(PracticeComment.created_at, PracticeComment.id)).all()
    votes = db.session.execute(
        select(PracticeVote.practice_id, PracticeVote.created_at, Practice.title)
        .join(Practice, Practice.id == PracticeVote.practice_id)
        .where(PracticeVote.user_id == actor.id).order_by(PracticeVote.created_at)).all()
    trials = db.session.execute(
        select(PracticeTrial.practice_id, PracticeTrial.outcome, PracticeTrial.note_source,
               PracticeTrial.created_at, Practice.title, Fabrique.name.label("fabrique"))
        .join(Practice, Practice.id == PracticeTrial.practice_id)
        .join(Fabrique, Fabrique.id == PracticeTrial.fabrique_id)
        .where(PracticeTrial.author_id == actor.id).order_by(PracticeTrial.created_at)).all()
    flags = db.session.execute(
        select(OutdatedFlag.practice_id, OutdatedFlag.note, OutdatedFlag.created_at, Practice.title)
        .join(Practice, Practice.id == OutdatedFlag.practice_id)
        .where(OutdatedFlag.user_id == actor.id).order_by(OutdatedFlag.created_at)).all()
    return {
        "retours_d_experience": [_practice(practice, actor) for practice in authored],
        "versions_enregistrees": [{
            "retour_id": row.practice_id, "retour_titre": row.title, "numero": row.number,
            "enregistree_le": _iso(row.created_at), "contenu": json.loads(row.snapshot),
        } for row in revisions],
        "commentaires": [{
            "id": row.id, "retour_id": row.practice_id, "retour_titre": row.title, "cree_le": _iso(row.created_at),
            "texte_markdown": row.body_source,
        } for row in comments],
        "votes_utile": [{"retour_id": row.practice_id, "retour_titre": row.title, "le": _iso(row.created_at)}
                        for row in votes],
        "essais": [{
            "retour_id": row.practice_id, "retour_titre": row.title, "au_nom_de": row.fabrique,
            "resultat": row.outcome.label, "note_markdown": row.note_source, "le": _iso(row.created_at),
        } for row in trials],
        "signalements_plus_d_actualite": [{
            "retour_id": row.practice_id, "retour_titre": row.title, "remarque": row.note, "le": _iso(row.created_at),
        } for row in flags],
    }


def _practice(practice: Practice, actor: User) -> dict[str, Any]:
    return {
        "id": practice.id,
        "titre": practice.title,
        "type": practice.kind.label,
        "statut": "publié" if practice.is_published else "brouillon",
        "cree_par_moi": practice.created_by_id == actor.id,
        "fabrique": practice.fabrique.name,
        "fabriques_co_autrices": [fabrique.name for fabrique in practice.coauthor_fabriques],
        "themes": [theme.name for theme in practice.themes],
        "territoire": practice.territory_type.label,
        "periode": practice.period,
        "sections_markdown": {label: getattr(practice, f"{name}_source") for name, label in SECTIONS.items()},
        "cout_euros": float(practice.cost_euros) if practice.cost_euros is not None else None,
        "heures_salariees": practice.staff_hours,
        "heures_benevoles": practice.volunteer_hours,
        "partenaires": practice.partners,
        "financements": practice.funding,
        "licence": LICENCES.get(practice.licence, practice.licence),
        "cree_le": _iso(practice.created_at),
        "modifie_le": _iso(practice.updated_at),
        "publie_le": _iso(practice.published_at),
        "adresse": f"/pratiques/{practice.id}",
    }


# -- prets.json ------------------------------------------------------------------------------


def _loans(actor: User) -> dict[str, Any]:
    loan_ids = union(
        select(Loan.id).where(Loan.requested_by_id == actor.id),
        select(LoanEvent.loan_id).where(LoanEvent.actor_id == actor.id),
        select(LoanMessage.loan_id).where(LoanMessage.author_id == actor.id),
    ).subquery()
    loans = list(db.session.execute(
        select(Loan).where(Loan.id.in_(select(loan_ids)))
        .options(joinedload(Loan.resource), joinedload(Loan.owner_fabrique), joinedload(Loan.borrower_fabrique))
        .order_by(Loan.created_at, Loan.id)).scalars())
    events: dict[int, list[dict[str, Any]]] = {}
    for event in db.session.execute(select(LoanEvent).where(LoanEvent.actor_id == actor.id)
                                    .order_by(LoanEvent.created_at, LoanEvent.id)).scalars():
        events.setdefault(event.loan_id, []).append({
            "de": event.from_state.label if event.from_state else None, "vers": event.to_state.label,
            "note": event.note, "le": _iso(event.created_at)})
    messages: dict[int, list[dict[str, Any]]] = {}
    for message in db.session.execute(select(LoanMessage).where(LoanMessage.author_id == actor.id)
                                      .order_by(LoanMessage.created_at, LoanMessage.id)).scalars():
        messages.setdefault(message.loan_id, []).append({
            "id": message.id, "le": _iso(message.created_at), "texte_markdown": message.body_source})
    return {"prets": [{
        "id": loan.id,
        "ressource": loan.resource.name,
        "fabrique_preteuse": loan.owner_fabrique.name,
        "fabrique_emprunteuse": loan.borrower_fabrique.name,
        "demande_par_moi": loan.requested_by_id == actor.id,
        "message_de_demande": loan.message if loan.requested_by_id == actor.id else None,
        "etat": loan.state.label,
        "quantite": loan.quantity,
        "du": _iso(loan.start_date),
        "au": _iso(loan.end_date),
        "cree_le": _iso(loan.created_at),
        "mes_actions": events.get(loan.id, []),
        "mes_messages": messages.get(loan.id, []),
        "adresse": f"/prets/{loan.id}",
    } for loan in loans]}


# -- favoris.json, mercis.json, notifications.json -------------------------------------------


def _bookmarks(actor: User) -> list[dict[str, Any]]:
    rows = db.session.execute(
        select(Bookmark.thread_id, Bookmark.post_id, Bookmark.created_at, Thread.id.label("target_thread"),
               Thread.title, Thread.slug)
        .outerjoin(Post, Post.id == Bookmark.post_id)
        .join(Thread, Thread.id == func.coalesce(Bookmark.thread_id, Post.thread_id))
        .where(Bookmark.user_id == actor.id).order_by(Bookmark.created_at, Bookmark.id)).all()
    return [{
        "type": "sujet" if row.thread_id is not None else "message",
        "sujet_id": row.target_thread,
        "message_id": row.post_id,
        "sujet_titre": row.title,
        "ajoute_le": _iso(row.created_at),
        "adresse": (f"/sujets/{row.target_thread}/{row.slug}" if row.thread_id is not None
                    else f"/messages/{row.post_id}"),
    } for row in rows]


def _watches(actor: User) -> dict[str, Any]:
    watches = db.session.execute(
        select(Watch.thread_id, Watch.category_id, Watch.level, Watch.created_at, Thread.title, Thread.slug,
               Category.name.label("category"))
        .outerjoin(Thread, Thread.id == Watch.thread_id).outerjoin(Category, Category.id == Watch.category_id)
        .where(Watch.user_id == actor.id).order_by(Watch.created_at, Watch.id)).all()
    reads = db.session.execute(
        select(ThreadRead.thread_id, ThreadRead.last_position, ThreadRead.read_at, Thread.title)
        .join(Thread, Thread.id == ThreadRead.thread_id)
        .where(ThreadRead.user_id == actor.id).order_by(ThreadRead.read_at, ThreadRead.thread_id)).all()
    return {
        "niveaux_de_suivi": [{
            "type": "sujet" if row.thread_id is not None else "catégorie",
            "sujet_id": row.thread_id, "sujet_titre": row.title, "categorie": row.category,
            "niveau": row.level.label, "choisi_le": _iso(row.created_at),
        } for row in watches],
        "lectures": [{"sujet_id": row.thread_id, "sujet_titre": row.title, "lu_jusqu_au_message": row.last_position,
                      "le": _iso(row.read_at)} for row in reads],
    }


def _likes(actor: User) -> list[dict[str, Any]]:
    rows = db.session.execute(
        select(PostLike.post_id, PostLike.created_at, Post.thread_id, Thread.title)
        .join(Post, Post.id == PostLike.post_id).join(Thread, Thread.id == Post.thread_id)
        .where(PostLike.user_id == actor.id).order_by(PostLike.created_at, PostLike.post_id)).all()
    return [{"message_id": row.post_id, "sujet_id": row.thread_id, "sujet_titre": row.title,
             "le": _iso(row.created_at), "adresse": f"/messages/{row.post_id}"} for row in rows]


def _notifications(actor: User) -> list[dict[str, Any]]:
    rows = db.session.execute(
        select(Notification.kind, Notification.text, Notification.link, Notification.created_at,
               Notification.read_at)
        .where(Notification.user_id == actor.id).order_by(Notification.created_at, Notification.id)).all()
    return [{"type": row.kind, "texte": row.text, "adresse": row.link, "recue_le": _iso(row.created_at),
             "lue_le": _iso(row.read_at)} for row in rows]


# -- signalements.json -----------------------------------------------------------------------

_FLAG_OUTCOMES = {None: "en cours d'examen", FlagResolution.UPHELD: "retenu : contenu masqué",
                  FlagResolution.REJECTED: "examiné : contenu laissé visible"}


def _flags(actor: User) -> list[dict[str, Any]]:
    flags = db.session.execute(
        select(Flag).where(Flag.reporter_id == actor.id).order_by(Flag.created_at, Flag.id)).scalars()
    return [{
        "contenu": flag.target_type.label, "contenu_id": flag.target_id,
        "adresse": target_link(flag.target_type, flag.target_id),
        "raison": flag.reason.label, "precisions": flag.note, "signale_le": _iso(flag.created_at),
        "suite": _FLAG_OUTCOMES[flag.resolution], "examine_le": _iso(flag.resolved_at),
    } for flag in flags]


# -- messages-prives.json ----------------------------------------------------------------------


def _private_messages(actor: User) -> dict[str, Any]:
    mine = select(ConversationMember.conversation_id).where(ConversationMember.user_id == actor.id)
    conversations = db.session.execute(
        select(Conversation.id, Conversation.subject, Conversation.created_at)
        .where(Conversation.id.in_(mine)).order_by(Conversation.created_at, Conversation.id)).all()
    members: dict[int, list[str]] = {}
    for conversation_id, name in db.session.execute(
            select(ConversationMember.conversation_id, User.display_name)
            .join(User, User.id == ConversationMember.user_id)
            .where(ConversationMember.conversation_id.in_(mine)).order_by(User.display_name)):
        members.setdefault(conversation_id, []).append(name)
    written = db.session.execute(
        select(PrivateMessage.id, PrivateMessage.conversation_id, PrivateMessage.created_at, PrivateMessage.hidden_at,
               PrivateMessage.body_source, Conversation.subject)
        .join(Conversation, Conversation.id == PrivateMessage.conversation_id)
        .where(PrivateMessage.author_id == actor.id).order_by(PrivateMessage.created_at, PrivateMessage.id)).all()
    ignored = db.session.execute(
        select(User.display_name, IgnoredMember.created_at).join(IgnoredMember, IgnoredMember.ignored_id == User.id)
        .where(IgnoredMember.user_id == actor.id).order_by(User.display_name)).all()
    return {
        "conversations": [{
            "id": row.id, "objet": row.subject, "participants": members.get(row.id, []),
            "creee_le": _iso(row.created_at), "adresse": f"/messagerie/{row.id}",
        } for row in conversations],
        "messages": [{
            "id": row.id, "conversation_id": row.conversation_id, "objet": row.subject, "cree_le": _iso(row.created_at),
            "masque_le": _iso(row.hidden_at), "texte_markdown": row.body_source,
        } for row in written],
        "membres_ignores": [{"nom": row.display_name, "depuis": _iso(row.created_at)} for row in ignored],
    }
