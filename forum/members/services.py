"""Deleting one's account. Services flush, never commit; the caller commits once.

What a deletion does, in one transaction:
- the identity goes: e-mail replaced by a unique address that cannot receive mail (so the real
  one can register again), name "Membre supprimé", empty presentation, unusable password, role
  "membre", ``deleted_at`` set; every login session ends (logged out everywhere);
- the membership of a fabrique ends (refused for the only manager of a fabrique, and for the
  only administrator of the site: they hand over first);
- what was private or only meant something with a person behind it goes: notifications and
  e-mail preferences, bookmarks, watch levels and read positions, "Merci" (each post's count goes down), "Utile"
  votes (each report's count goes down), "plus d'actualité" flags, the flags they sent moderators once
  reviewed (open ones stay for the review, signed "Membre supprimé", without their free-text note);
  the member's name is taken out of the notifications other members received about them;
- a suspended member's address is remembered, as a keyed digest, until the suspension's end, so
  that deleting the account does not lift the suspension (``accounts.services.keep_suspension``);
- what they wrote for others stays, signed "Membre supprimé", unless they ask for their texts to
  go too: then each forum post is emptied as ``threads.services.delete_post`` does ("Message
  supprimé" in its place), the threads they started lose their title ("Sujet d'un membre
  supprimé", also in the notifications others received about them) and their tags, but stay for
  the replies others wrote in them; practice comments and loan messages are deleted, notes of "essayé
  aussi" and of loan steps are emptied, and the practice reports they wrote alone are unpublished:
  a report is written in the name of a fabrique, so it goes back to draft for that fabrique's
  managers, who may publish it again or delete it (reports with co-authors stay published).

Everything goes through the ORM or through bulk statements on tables the search index does not
read (likes, votes, counts), so the search change log follows (see forum/search/sync.py).

Concurrency: the member's row is locked first (with the administrators' rows, in id order, when
they are one: two administrators leaving at once cannot leave none), then the threads they started
when their texts go (in id order), their fabrique's last, before
the only-manager rule is checked again (threads before fabriques, the order a reply takes); a
deletion sent twice at once deletes once. Counts go down by the "Merci" and
"Utile" rows this deletion actually removed (DELETE … RETURNING), not by what it read before.
"""

from __future__ import annotations

import secrets
from collections import Counter
from dataclasses import dataclass

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import String, cast, delete, exists, func, literal, or_, select, update
from sqlalchemy.orm.attributes import set_committed_value

from forum.accounts.models import Role, User
from forum.accounts.passwords import verify_password
from forum.accounts.services import end_other_login_sessions, keep_suspension, lock_admins
from forum.core import outbox
from forum.core.errors import Conflict, Invalid
from forum.core.locking import lock, lock_ids
from forum.core.models import utcnow
from forum.core.text import slugify
from forum.core.typography import french_spacing
from forum.extensions import db
from forum.fabriques.models import Membership, MembershipRole, MembershipStatus
from forum.fabriques.permissions import membership_of
from forum.fabriques.memberships import lock_memberships, remove_membership
from forum.messages.models import Conversation, ConversationMember, IgnoredMember, PrivateMessage
from forum.moderation.models import Flag
from forum.notifications.models import EmailPreference, Notification
from forum.practices.models import (
    OutdatedFlag, Practice, PracticeComment, PracticeStatus, PracticeTrial, PracticeVote, practice_authors,
)
from forum.resources.models import Loan, LoanEvent, LoanMessage, LoanState
from forum.threads import counters
from forum.threads.models import Bookmark, Post, PostLike, Tag, Thread, ThreadRead, Watch, thread_tags

DELETED_NAME = "Membre supprimé"
# The title the threads of a member who asked for their texts to go take: the thread stays, for the
# replies others wrote in it, without what its author wrote (as forums keep a deleted account's
# topics that others answered, under a neutral title).
WITHDRAWN_TITLE = "Sujet d'un membre supprimé"
DELETED_EMAIL_DOMAIN = "compte-supprime.invalid"  # .invalid: a reserved name, never a mailbox (RFC 2606)
WRONG_PASSWORD = _l("Mot de passe incorrect : votre compte n'a pas été supprimé.")
LAST_ADMIN = _l("Vous êtes le ou la seule administrateur·rice du forum : nommez d'abord quelqu'un d'autre "
                "administrateur·rice, puis revenez supprimer votre compte.")
ALREADY_DELETED = _l("Ce compte a déjà été supprimé.")


@dataclass(frozen=True)
class Deletion:
    """What a deletion did, to tell the member."""

    posts_emptied: int = 0
    practices_unpublished: int = 0
    threads_withdrawn: int = 0


def delete_account(actor: User, password: str, *, remove_texts: bool = False) -> Deletion:
    """Erase the member's personal data and end all their sessions (see the module's docstring)."""
    if actor.role is Role.ADMIN:
        lock_admins(actor)
    else:
        lock(actor)
    if actor.is_deleted:
        raise Conflict(ALREADY_DELETED)
    if not verify_password(actor.password_hash, password or ""):
        raise Invalid(WRONG_PASSWORD, field="password")
    membership = membership_of(actor)
    _check_nobody_is_left_behind(actor, membership)
    result = _remove_texts(actor) if remove_texts else Deletion()
    _forget_activity(actor)
    if membership is not None:
        # The fabrique's row after the threads' (a reply locks its thread, then touches its
        # fabrique's activity): then the only-manager rule again, as things are now.
        lock_memberships(membership.fabrique_id, membership)
        _check_nobody_is_left_behind(actor, membership)
        remove_membership(actor, membership)
        set_committed_value(actor, "membership", None)
    keep_suspension(actor)
    _erase_identity(actor)
    end_other_login_sessions(actor, keep_key=None)
    db.session.flush()
    return result


def _check_nobody_is_left_behind(actor: User, membership: Membership | None) -> None:
    if actor.role is Role.ADMIN:
        admins = db.session.execute(
            select(func.count()).select_from(User).where(User.role == Role.ADMIN)).scalar_one()
        if admins <= 1:
            raise Conflict(LAST_ADMIN)
    if membership is not None and membership.is_manager:
        managers = db.session.execute(
            select(func.count()).select_from(Membership).where(
                Membership.fabrique_id == membership.fabrique_id, Membership.role == MembershipRole.MANAGER,
                Membership.status == MembershipStatus.ACTIVE)).scalar_one()
        if managers <= 1:
            raise Conflict(_("Vous êtes le ou la seule responsable de « %(name)s » : confiez d'abord la fabrique à "
                             "quelqu'un d'autre (nommez un·e autre responsable depuis la page des membres de la "
                             "fabrique), puis revenez supprimer votre compte.", name=membership.fabrique.name))


def _erase_identity(actor: User) -> None:
    # Other members' notifications name who acted ("Alice Martin a commenté…", "@Alice Martin").
    db.session.execute(
        update(Notification).where(Notification.actor_id == actor.id)
        .values(text=func.substr(func.replace(Notification.text, actor.display_name, DELETED_NAME), 1, 300))
        .execution_options(synchronize_session=False))
    # The e-mails still waiting for them (and the trace of those sent) go with the address.
    outbox.forget_member(db.session, actor.id, actor.email)
    actor.email = f"supprime-{actor.id}-{secrets.token_hex(8)}@{DELETED_EMAIL_DOMAIN}"
    actor.display_name = DELETED_NAME
    actor.bio = ""
    actor.password_hash = "!supprime"  # not a Werkzeug hash: no password ever matches it
    actor.role = Role.MEMBER
    actor.suspended_at = actor.suspended_until = None
    actor.suspension_reason = ""
    actor.deleted_at = utcnow()


def _forget_activity(actor: User) -> None:
    """Private traces, and reactions whose counts must stay true."""
    # Each count goes down for the rows this statement removed: a "Merci" taken back at the same
    # moment (in another tab) is removed, and counted, by one of the two only.
    liked = db.session.execute(delete(PostLike).where(PostLike.user_id == actor.id).returning(PostLike.post_id)
                               .execution_options(synchronize_session=False)).scalars().all()
    if liked:
        db.session.execute(update(Post).where(Post.id.in_(liked)).values(like_count=Post.like_count - 1)
                           .execution_options(synchronize_session=False))
    voted = db.session.execute(delete(PracticeVote).where(PracticeVote.user_id == actor.id)
                               .returning(PracticeVote.practice_id)
                               .execution_options(synchronize_session=False)).scalars().all()
    if voted:
        db.session.execute(update(Practice).where(Practice.id.in_(voted))
                           .values(useful_count=Practice.useful_count - 1)
                           .execution_options(synchronize_session=False))
    for model, owner in ((OutdatedFlag, OutdatedFlag.user_id), (Bookmark, Bookmark.user_id),
                         (Watch, Watch.user_id), (ThreadRead, ThreadRead.user_id),
                         (Notification, Notification.user_id), (EmailPreference, EmailPreference.user_id)):
        db.session.execute(delete(model).where(owner == actor.id).execution_options(synchronize_session=False))
    # They leave their private conversations (what they wrote stays, signed "Membre supprimé", unless
    # they asked for their texts to go); nobody ignores or is ignored by an account that is no more.
    db.session.execute(delete(ConversationMember).where(ConversationMember.user_id == actor.id)
                       .execution_options(synchronize_session=False))
    db.session.execute(delete(IgnoredMember).where(or_(IgnoredMember.user_id == actor.id,
                                                       IgnoredMember.ignored_id == actor.id))
                       .execution_options(synchronize_session=False))
    db.session.execute(delete(Flag).where(Flag.reporter_id == actor.id, Flag.resolved_at.is_not(None))
                       .execution_options(synchronize_session=False))
    db.session.execute(update(Flag).where(Flag.reporter_id == actor.id).values(note="")
                       .execution_options(synchronize_session=False))


def _remove_texts(actor: User) -> Deletion:
    threads = _withdraw_threads(actor)
    posts = _empty_posts(actor)
    unpublished = _unpublish_sole_reports(actor)
    commented = list(db.session.execute(
        select(PracticeComment.practice_id).where(PracticeComment.author_id == actor.id).distinct()).scalars())
    db.session.execute(delete(PracticeComment).where(PracticeComment.author_id == actor.id)
                       .execution_options(synchronize_session=False))
    if commented:
        remaining = (select(func.count()).select_from(PracticeComment)
                     .where(PracticeComment.practice_id == Practice.id).scalar_subquery())
        db.session.execute(update(Practice).where(Practice.id.in_(commented)).values(comment_count=remaining)
                           .execution_options(synchronize_session=False))
    db.session.execute(update(PracticeTrial).where(PracticeTrial.author_id == actor.id)
                       .values(note_source="", note_html="").execution_options(synchronize_session=False))
    db.session.execute(delete(LoanMessage).where(LoanMessage.author_id == actor.id)
                       .execution_options(synchronize_session=False))
    db.session.execute(update(Loan).where(Loan.requested_by_id == actor.id).values(message="")
                       .execution_options(synchronize_session=False))
    returned = select(LoanEvent.loan_id).where(LoanEvent.actor_id == actor.id,
                                               LoanEvent.to_state == LoanState.RETURNED)
    db.session.execute(update(Loan).where(Loan.id.in_(returned)).values(return_note="")
                       .execution_options(synchronize_session=False))
    db.session.execute(update(LoanEvent).where(LoanEvent.actor_id == actor.id).values(note="")
                       .execution_options(synchronize_session=False))
    _delete_private_messages(actor)
    return Deletion(posts_emptied=posts, practices_unpublished=unpublished, threads_withdrawn=threads)


def _withdraw_threads(actor: User) -> int:
    """The threads ``actor`` started lose their title (WITHDRAWN_TITLE) and their tags; they stay, so
    that the replies others wrote keep their place and their sense (their opening post is emptied
    with the member's other posts). The title also leaves the notifications other members received
    about these threads; tags no other thread carries go.

    The threads are locked first, in id order (a moderator editing a title at the same moment comes
    before or after, never half); the titles change through the ORM, so the search change log names
    each thread and, its title being in theirs, each reply (forum/search/documents.py)."""
    ids = lock_ids(Thread, db.session.execute(select(Thread.id).where(Thread.author_id == actor.id)).scalars())
    if not ids:
        return 0
    threads = db.session.execute(select(Thread).where(Thread.id.in_(ids))
                                 .execution_options(populate_existing=True)).scalars().all()
    for thread in threads:
        _forget_title_in_notifications(thread)
        thread.title, thread.slug = WITHDRAWN_TITLE, slugify(WITHDRAWN_TITLE, 150)
    tag_ids = set(db.session.execute(
        delete(thread_tags).where(thread_tags.c.thread_id.in_(ids)).returning(thread_tags.c.tag_id)
        .execution_options(synchronize_session=False)).scalars())
    if tag_ids:
        db.session.execute(delete(Tag).where(Tag.id.in_(tag_ids), ~exists().where(thread_tags.c.tag_id == Tag.id))
                           .execution_options(synchronize_session=False))
    db.session.flush()
    return len(threads)


def _forget_title_in_notifications(thread: Thread) -> None:
    """Others' notifications about ``thread`` or its posts ("Bob a répondu dans « titre »") name it
    WITHDRAWN_TITLE instead (as typed, and as French spacing stored it)."""
    post_links = select(literal("/messages/", String) + cast(Post.id, String)).where(Post.thread_id == thread.id)
    text = Notification.text
    for old in dict.fromkeys((thread.title, french_spacing(thread.title))):
        text = func.replace(text, old, WITHDRAWN_TITLE)
    db.session.execute(
        update(Notification)
        .where(or_(Notification.link.in_(post_links), Notification.link == f"/sujets/{thread.id}",
                   Notification.link.startswith(f"/sujets/{thread.id}/", autoescape=True)))
        .values(text=func.substr(text, 1, 300)).execution_options(synchronize_session=False))


def _delete_private_messages(actor: User) -> None:
    """The member's private messages go; their conversations count what remains."""
    touched = list(db.session.execute(
        delete(PrivateMessage).where(PrivateMessage.author_id == actor.id).returning(PrivateMessage.conversation_id)
        .execution_options(synchronize_session=False)).scalars())
    if touched:
        remaining = select(func.count()).where(PrivateMessage.conversation_id == Conversation.id).scalar_subquery()
        newest = select(func.coalesce(func.max(PrivateMessage.id), 0)).where(
            PrivateMessage.conversation_id == Conversation.id).scalar_subquery()
        db.session.execute(update(Conversation).where(Conversation.id.in_(set(touched)))
                           .values(message_count=remaining, last_message_id=newest)
                           .execution_options(synchronize_session=False))


def _empty_posts(actor: User) -> int:
    """Every post of ``actor`` as ``delete_post`` leaves it, in a fixed number of statements.

    Through the ORM, so that the search change log sees each post and its thread.
    """
    mine = select(Post.thread_id).where(Post.author_id == actor.id, Post.deleted_at.is_(None))
    threads = {thread.id: thread for thread in db.session.execute(
        select(Thread).where(Thread.id.in_(mine))).scalars()}
    posts = list(db.session.execute(
        select(Post).where(Post.author_id == actor.id, Post.deleted_at.is_(None))).scalars())
    now = utcnow()
    replies: Counter[int] = Counter()
    hidden: Counter[int] = Counter()
    for post in posts:
        post.body_source = post.body_html = ""
        post.deleted_at = now
        if post.position > 1:
            replies[post.thread_id] += 1
            hidden[post.thread_id] += post.hidden_at is not None  # now counted as deleted instead
        thread = threads[post.thread_id]
        if thread.solution_post_id == post.id:
            thread.solution_post_id = None  # the question is open again
    db.session.flush()
    for thread_id, count in replies.items():
        # In SQL, as delete_post does: another reply deleted at the same time still counts.
        counters.count_replies_deleted(thread_id, count, hidden[thread_id])
    return len(posts)


def _unpublish_sole_reports(actor: User) -> int:
    mine = select(practice_authors.c.practice_id).where(practice_authors.c.user_id == actor.id)
    shared = select(practice_authors.c.practice_id).where(practice_authors.c.user_id != actor.id)
    practices = list(db.session.execute(
        select(Practice).where(Practice.id.in_(mine), Practice.id.not_in(shared),
                               Practice.status == PracticeStatus.PUBLISHED)).scalars())
    for practice in practices:
        practice.status = PracticeStatus.DRAFT  # the search index drops it (drafts are not public)
    db.session.flush()
    return len(practices)
