"""Use cases for the forum: start a thread, reply, edit, delete.

Services flush, never commit; the caller commits once.

Concurrency: a reply takes its position from the thread's counter in the UPDATE that locks the
thread row, and only while the thread is visible and open (compare-and-set: hidden, merged or
locked meanwhile, the reply is refused); counters move in SQL (``counters``, which owns them); a
change to a post locks its thread, then the post (``lock_post``), before reading them; edits check
the version their form was opened at (``edit_post``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select, update

from forum.accounts.models import User
from forum.accounts.services import require_confirmed
from forum.core import audit
from forum.core.errors import Conflict, Forbidden, Invalid, NotFound
from forum.core.languages import read_language
from forum.core.locking import NOT_CHECKED, check_version, lock
from forum.core.markdown import quote_markdown, render_markdown
from forum.core.models import HiddenKind, utcnow
from forum.core.security import parse_id
from forum.core.text import clean_line, clean_text, require_length, slugify
from forum.core.typography import french_spacing
from forum.core.visibility import AWAITING_APPROVAL, is_awaiting_approval
from forum.extensions import db
from forum.fabriques.permissions import active_fabrique_of
from forum.fabriques.services import touch_activity
from forum.threads import counters, watching
from forum.threads.models import (
    BODY_MAX_LENGTH, TITLE_MAX_LENGTH, TITLE_MIN_LENGTH, Category, Post, Tag, Thread,
)

if TYPE_CHECKING:  # the head of a thread page, which the rules take as a thread
    from forum.threads.queries import ThreadHead

MAX_TAGS = 5
_TAG_CHARS = re.compile(r"[^0-9a-zà-öø-ÿœ' -]")
# Anti-spam: until a member has this many published posts, a post of theirs with a link
# waits for a moderator's approval. Links within the site (relative addresses) do not count.
APPROVED_POSTS_TO_BE_TRUSTED = 2
_OUTSIDE_LINK = re.compile(r'<a href="(?:https?:|mailto:)', re.IGNORECASE)
# The journal's action (forum.moderation's ModerationAction) for "a hidden reply was the solution".
SOLUTION_HIDDEN = "solution_hidden"


def get_category_by_slug(slug: str) -> Category:
    category = db.session.execute(select(Category).where(Category.slug == slug)).scalar_one_or_none()
    if category is None:
        raise NotFound(_("Cette catégorie n'existe pas."))
    return category


def get_tag(name: str) -> Tag:
    """The tag called ``name`` (as typed in a URL: any case, spaces around); NotFound when there is none."""
    name = name.strip().lower()
    tag = db.session.execute(select(Tag).where(Tag.name == name)).scalar_one_or_none() if len(name) <= 40 else None
    if tag is None:
        raise NotFound(_("Aucun sujet ne porte ce mot-clé."))
    return tag


def get_thread(thread_id: int) -> Thread:
    thread = db.session.get(Thread, thread_id)
    if thread is None:
        raise NotFound(_("Ce sujet n'existe pas ou a été supprimé."))
    return thread


def get_post(post_id: int) -> Post:
    post = db.session.get(Post, post_id)
    if post is None:
        raise NotFound(_("Ce message n'existe pas."))
    return post


def clean_title(raw: str) -> str:
    """A thread's title as stored: one clean line, in French typography (« Comment faire ? » never
    leaves its « ? » alone at the start of a line)."""
    return require_length(french_spacing(clean_line(raw)), _("Le titre"), minimum=TITLE_MIN_LENGTH,
                          maximum=TITLE_MAX_LENGTH, field="title")


def clean_body(raw: str) -> str:
    body = clean_text(raw)
    return require_length(body, _("Le message"), maximum=BODY_MAX_LENGTH, field="body")


def parse_tags(raw: str) -> list[str]:
    """"Financement, médiation ; QPV" -> ["financement", "médiation", "qpv"] (Invalid past 5 or too long)."""
    names: list[str] = []
    for part in re.split(r"[,;#\n]", raw or ""):
        name = clean_line(part).lower()
        if not name:
            continue
        if _TAG_CHARS.search(name) or len(name) > 40:
            raise Invalid(_("Un mot-clé fait au plus 40 caractères : lettres, chiffres, espaces, tirets."),
                          field="tags")
        if name not in names:
            names.append(name)
    if len(names) > MAX_TAGS:
        raise Invalid(_("Au plus %(num)d mots-clés par sujet.", num=MAX_TAGS), field="tags")
    return names


def _tags_named(names: list[str]) -> list[Tag]:
    if not names:
        return []
    existing = {tag.name: tag for tag in db.session.execute(select(Tag).where(Tag.name.in_(names))).scalars()}
    tags = []
    for name in names:
        tag = existing.get(name)
        if tag is None:
            tag = Tag(name=name)
            db.session.add(tag)
        tags.append(tag)
    return tags


def needs_approval(actor: User, body_html: str) -> bool:
    """Whether a post with this HTML, by ``actor``, is held for a moderator's approval."""
    if actor.is_moderator or not _OUTSIDE_LINK.search(body_html):
        return False
    published = db.session.execute(
        select(Post.id).join(Thread, Thread.id == Post.thread_id)
        .where(Post.author_id == actor.id, Post.hidden_at.is_(None), Post.deleted_at.is_(None),
               Thread.hidden_at.is_(None))
        .limit(APPROVED_POSTS_TO_BE_TRUSTED)).all()
    return len(published) < APPROVED_POSTS_TO_BE_TRUSTED


def start_thread(actor: User, category: Category, title: str, body: str,
                 tags: list[str] | None = None, is_question: bool = False, site_url: str = "",
                 language: str | None = None) -> Thread:
    """Open a thread with its first post. Any logged-in member may, with or without a fabrique.
    ``language``: the code of the language the member says they write in (forum.core.languages;
    empty or None: not said), Invalid when unknown.

    A new member's thread with links is held (hidden, counted nowhere) until a moderator
    approves it (``is_awaiting_approval``); its watchers are told then, not now. The member must
    have confirmed their address.
    """
    require_confirmed(actor)
    title, body = clean_title(title), clean_body(body)
    language = read_language(language)
    fabrique = active_fabrique_of(actor)
    now = utcnow()
    thread = Thread(
        category=category, author_id=actor.id, fabrique_id=fabrique.id if fabrique else None,
        title=title, slug=slugify(title, 150), is_question=is_question, created_at=now,
        last_post_at=now, last_poster_id=actor.id, post_count=1, tags=_tags_named(tags or []),
    )
    db.session.add(thread)
    opening = Post(thread=thread, position=1, author_id=actor.id, fabrique_id=thread.fabrique_id,
                   body_source=body, body_html=render_markdown(body), created_at=now, language=language)
    db.session.add(opening)
    if needs_approval(actor, opening.body_html):
        thread.mark_hidden(HiddenKind.AWAITING_APPROVAL, AWAITING_APPROVAL, now)
    else:
        counters.count_new_thread(category, now)
        touch_activity(thread.fabrique_id)
    db.session.flush()
    watching.follow_if_unset(actor, thread)
    if not is_awaiting_approval(thread):
        watching.announce_post(actor, thread, opening, site_url)
    return thread


LOCKED = _l("Ce sujet est verrouillé par la modération : on ne peut plus y répondre.")
HIDDEN = _l("Ce sujet est masqué par la modération : on ne peut plus y répondre.")


def check_can_reply(actor: User, thread: Thread | ThreadHead) -> None:
    """Forbidden until ``actor`` confirmed their address, and when ``thread`` is hidden, or locked
    (moderators may still answer a locked thread)."""
    require_confirmed(actor)
    if thread.hidden_at is not None:
        raise Forbidden(HIDDEN)
    if thread.is_locked and not actor.is_moderator:
        raise Forbidden(LOCKED)


def can_reply(actor: User, thread: Thread | ThreadHead) -> bool:
    """Whether to offer ``actor`` the reply form (a suspended or unconfirmed member's reply would be refused)."""
    if actor.is_suspended or not actor.is_email_confirmed:
        return False
    try:
        check_can_reply(actor, thread)
    except Forbidden:
        return False
    return True


NOT_IN_THREAD = _l("Le message auquel vous répondez n'appartient pas à ce sujet.")


def read_reply_to(raw: str | None) -> int | None:
    """The quoted post's id from the reply form's hidden field (None when the reply quotes nothing)."""
    if not (raw or "").strip():
        return None
    post_id = parse_id(raw)
    if post_id is None:
        raise Invalid(NOT_IN_THREAD)
    return post_id


def reply(actor: User, thread: Thread, body: str, site_url: str = "", reply_to: int | None = None,
          language: str | None = None) -> Post:
    """Add a post at the end of ``thread``; positions stay dense even with concurrent replies.
    ``reply_to``: the id of the post of ``thread`` it answers (its author is told); ``language``: as
    for ``start_thread``.

    A new member's reply with links is held (``is_awaiting_approval``): it takes its place, but
    the thread's last activity and its watchers wait for a moderator's approval (``publish_held``).
    """
    check_can_reply(actor, thread)
    body = clean_body(body)
    language = read_language(language)
    if reply_to is not None:
        answered = db.session.get(Post, reply_to)
        if answered is None or answered.thread_id != thread.id:
            raise Invalid(NOT_IN_THREAD)
    body_html = render_markdown(body)
    held = needs_approval(actor, body_html)
    fabrique = active_fabrique_of(actor)
    now = utcnow()
    # Only while the thread is visible and open: a moderator may have hidden, merged or locked it
    # meanwhile (on PostgreSQL the counting statement, which locks the thread row, then waits for
    # their commit and sees the thread as it is now; SQLite already holds the write lock).
    still_open = Thread.hidden_at.is_(None) if actor.is_moderator else \
        Thread.hidden_at.is_(None) & Thread.is_locked.is_(False)
    position = counters.take_reply_position(thread.id, thread.category_id, actor.id, now, held=held,
                                            only_while=still_open)
    if position is None:
        hidden = db.session.execute(select(Thread.hidden_at).where(Thread.id == thread.id)).scalar()
        raise Forbidden(HIDDEN if hidden is not None else LOCKED)
    post = Post(thread_id=thread.id, position=position, author_id=actor.id,
                fabrique_id=fabrique.id if fabrique else None, body_source=body, body_html=body_html,
                created_at=now, reply_to_id=reply_to, language=language)
    if held:
        post.mark_hidden(HiddenKind.AWAITING_APPROVAL, AWAITING_APPROVAL, now)
    db.session.add(post)
    if not held:
        touch_activity(post.fabrique_id)
    db.session.flush()
    watching.follow_if_unset(actor, thread)
    if not held:
        watching.announce_post(actor, thread, post, site_url)
    return post


def publish_held(author: User | None, thread: Thread, post: Post, site_url: str = "") -> None:
    """What publishing a held post (or a held thread's opening post) does beyond showing it:
    the thread's and category's last activity, the fabrique's activity, the watchers told.

    The caller (moderation) has made it visible and counted it."""
    counters.count_publication(thread, post, utcnow())
    touch_activity(post.fabrique_id)
    db.session.flush()
    if author is not None:
        watching.announce_post(author, thread, post, site_url)


def reply_hidden(post: Post, actor: User | None = None) -> bool:
    """What hiding a reply (moderation, or holding it for approval) changes in its thread: one more
    hidden reply, and it is no longer the question's solution for now. Call it before setting
    ``hidden_at``, with the thread locked (``lock_post``); ``actor``: who hides it (None: the site).

    True when it was the solution: the admins' journal then says so (``SOLUTION_HIDDEN``, written
    after ``hidden_at`` is set, in the same transaction), which is how showing it again gives the
    solution back (``restore_solution``)."""
    counters.count_reply_hidden(post)
    if post.position == 1:
        return False
    # Compare-and-set: only while it is the solution (another one may have been chosen meanwhile).
    taken = db.session.execute(
        update(Thread).where(Thread.id == post.thread_id, Thread.solution_post_id == post.id)
        .values(solution_post_id=None).execution_options(synchronize_session=False)).rowcount
    db.session.expire(db.session.get(Thread, post.thread_id), ["solution_post_id"])
    if taken:
        audit.record(actor, SOLUTION_HIDDEN, "message", post.id, detail=f"message n° {post.position}")
    return bool(taken)


def reply_shown(post: Post) -> None:
    """A hidden reply is shown again (restored or approved); call it before clearing ``hidden_at``."""
    counters.count_reply_shown(post)


def restore_solution(post: Post) -> bool:
    """A reply that was the solution when it was hidden is shown again: the solution again, unless the
    question has another one by now (or is no longer a question), or the reply was deleted meanwhile.
    Call it once ``hidden_at`` is cleared, with the thread locked. True when it is the solution again.

    The post's own change re-indexes the thread's search document ("résolu")."""
    if post.position == 1 or post.is_deleted or post.hidden_at is not None:
        return False
    # Compare-and-set: a solution chosen meanwhile (by the asker, or another moderator) stays.
    restored = db.session.execute(
        update(Thread).where(Thread.id == post.thread_id, Thread.solution_post_id.is_(None),
                             Thread.is_question.is_(True))
        .values(solution_post_id=post.id).execution_options(synchronize_session=False)).rowcount
    db.session.expire(db.session.get(Thread, post.thread_id), ["solution_post_id"])
    return bool(restored)


def _check_not_deleted(post: Post) -> None:
    if post.is_deleted:
        raise Invalid(_("Ce message a été supprimé."))


MOVED_AWAY = _l("Ce message vient d'être déplacé dans un autre sujet (fusion) : rouvrez-le depuis sa nouvelle page.")


def lock_post(post: Post) -> Thread:
    """Lock the post's thread, then the post (the order of forum/core/locking.py), and reload both: a
    change to a post that may touch its thread (counters, solution, title) starts here. Conflict when
    a merge moved the post to another thread meanwhile; NotFound when it is gone."""
    thread = lock(get_thread(post.thread_id))
    lock(post, gone=NotFound(_("Ce message n'existe plus.")))
    if post.thread_id != thread.id:
        raise Conflict(MOVED_AWAY)
    return thread


def edit_post(actor: User, post: Post, body: str, title: str | None = None, *, moderation_reason: str = "",
              seen_version=NOT_CHECKED, language: str | None = None) -> bool:
    """Change a post's text (and the thread's title when it is the opening post); marks it "modifié".

    Its author may; a moderator may edit anyone's post only with a reason, which
    forum.moderation records (``moderation.thread_tools.edit_post``). True when something changed.
    ``seen_version``: the version the edit form was opened at; a save over a newer one (another
    moderator's, the author's) is a StaleEdit that shows the current text (optimistic locking; the
    rows are locked, so two saves at the same moment are caught too).
    ``language``: the code the edit form sent ("": not said); None keeps the post's language.
    """
    if post.author_id != actor.id:
        if not actor.is_moderator:
            raise Forbidden(_("Vous ne pouvez modifier que vos propres messages."))
        if not moderation_reason:
            raise Invalid(_("Indiquez la raison de la modification : elle sera montrée à l'auteur·rice."),
                          field="reason")
    thread = lock_post(post)
    _check_not_deleted(post)
    editor = db.session.get(User, post.edited_by_id or post.author_id or 0)
    check_version(seen_version, post.version, changed=_("Ce message a été modifié"),
                  who=editor.display_name if editor is not None and not editor.is_deleted else None,
                  when=post.edited_at or post.created_at,
                  current=[(_("Titre du sujet"), thread.title if post.position == 1 else ""),
                           (_("Message"), post.body_source)])
    body = clean_body(body)
    changed, now = False, utcnow()
    if language is not None:
        language = read_language(language)
        if language != post.language:
            post.language, changed = language, True
    if post.position == 1 and title is not None:
        title = clean_title(title)
        if title != thread.title:
            thread.title, thread.slug, changed = title, slugify(title, 150), True
    if body != post.body_source:
        had_links = bool(_OUTSIDE_LINK.search(post.body_html))
        post.body_source = body
        post.body_html = render_markdown(body)
        changed = True
        if post.hidden_at is None and post.author_id == actor.id and not had_links \
                and needs_approval(actor, post.body_html):
            # Links added afterwards wait like links posted at once (no way round the review); the
            # site holds it, not its author (the journal's moderator stays empty).
            reply_hidden(post)
            post.mark_hidden(HiddenKind.AWAITING_APPROVAL, AWAITING_APPROVAL, now)
    if changed:
        post.version += 1
        post.edited_at, post.edited_by_id = now, actor.id
    db.session.flush()
    return changed


def delete_post(actor: User, post: Post) -> None:
    """Remove a post's text; the thread keeps a "message supprimé" placeholder in its place.

    Only its author may: moderators hide others' posts instead (with a reason, in the log). The
    thread and the post are locked first: deleted twice at once, it is counted once."""
    if post.author_id != actor.id:
        raise Forbidden(_("Vous ne pouvez supprimer que vos propres messages ; la modération masque ceux des autres."))
    thread = lock_post(post)
    _check_not_deleted(post)
    counters.count_reply_deleted(post)  # a hidden one counts as deleted from now on
    post.body_source = ""
    post.body_html = ""
    post.deleted_at = utcnow()
    if thread.solution_post_id == post.id:
        thread.solution_post_id = None  # the question is open again
    db.session.flush()


def quote_source(post: Post, author_name: str) -> str:
    if post.is_deleted or post.hidden_at is not None:
        return ""
    return quote_markdown(post.body_source, author_name)
