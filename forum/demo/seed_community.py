"""The demo's community layer on the forum: solutions, "Merci", bookmarks, watched threads, read positions.

``build_community`` runs after the forum, the catalogue and the practices (``forum.demo.seed``),
with its own random stream, so what came before stays the same
for a given seed. The rules of ``forum.threads.community`` hold: a solution is a reply (never
the question itself, never a deleted post) of a thread marked as a question; nobody thanks
their own post; ``Post.like_count`` matches the rows; one bookmark per member and target.
Some questions stay unsolved and some unanswered: the "Questions sans réponse" page has work.

Why rows and not the services (``forum.threads.community``, ``watching``, ``services.reply``,
``forum.moderation`` flags, ``forum.notifications.services.notify``): they stamp the present
moment and tell watchers and authors at once, while these marks are spread over the forum's
history; a held reply through ``services.reply`` would also make its author follow the thread.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import timedelta

from sqlalchemy import select

from forum.accounts.models import Role, User
from forum.core.markdown import render_markdown
from forum.core.models import HiddenKind
from forum.core.visibility import AWAITING_APPROVAL
from forum.demo.context import DemoContext
from forum.fabriques.models import Membership, MembershipStatus
from forum.moderation.models import Flag, FlagReason, TargetType
from forum.notifications.models import Notification
from forum.practices.models import Practice, PracticeStatus, practice_authors
from forum.resources.models import Resource
from forum.threads.services import APPROVED_POSTS_TO_BE_TRUSTED
from forum.threads import counters
from forum.threads.models import Bookmark, Post, PostLike, Thread, ThreadRead, Watch, WatchLevel

SOLVED_RATE = 0.55  # of the questions that have replies
THANKED_RATE = 0.3  # of the replies
MAX_THANKS = 7
BOOKMARKERS_RATE = 0.3  # of the members


def build_community(ctx: DemoContext) -> None:
    """Solutions, "Merci", bookmarks, follows and read positions, their notifications, open flags,
    and two replies awaiting approval."""
    rng = ctx.rng("community")
    user_ids = [user.id for user in ctx.users]
    threads = list(ctx.session.execute(select(Thread).order_by(Thread.id)).scalars())
    replies: dict[int, list[Post]] = defaultdict(list)
    for post in ctx.session.execute(
            select(Post).where(Post.position > 1, Post.deleted_at.is_(None)).order_by(Post.id)).scalars():
        replies[post.thread_id].append(post)

    solved = 0
    for thread in threads:
        answers = [post for post in replies[thread.id] if post.author_id != thread.author_id]
        if thread.is_question and answers and rng.random() < SOLVED_RATE:
            # Usually one of the first useful answers.
            thread.solution_post_id = rng.choice(answers[:3]).id
            solved += 1

    likes = []
    for posts in replies.values():
        for post in posts:
            if rng.random() >= THANKED_RATE:
                continue
            givers = [user_id for user_id in rng.sample(user_ids, min(len(user_ids), MAX_THANKS))
                      if user_id != post.author_id][:rng.randint(1, MAX_THANKS)]
            post.like_count = len(givers)
            likes += [PostLike(post_id=post.id, user_id=user_id,
                               created_at=post.created_at + (ctx.now - post.created_at) * rng.random() * 0.2)
                      for user_id in givers]
    ctx.session.add_all(likes)

    bookmarks = []
    for user_id in user_ids:
        if rng.random() >= BOOKMARKERS_RATE:
            continue
        for thread in rng.sample(threads, min(len(threads), rng.randint(1, 4))):
            bookmarks.append(Bookmark(user_id=user_id, thread_id=thread.id, created_at=thread.last_post_at))
        some_replies = [post for posts in rng.sample(list(replies.values()), min(len(replies), 3)) for post in posts]
        for post in rng.sample(some_replies, min(len(some_replies), rng.randint(0, 2))):
            bookmarks.append(Bookmark(user_id=user_id, post_id=post.id, created_at=post.created_at))
    ctx.session.add_all(bookmarks)

    # Starting or replying follows a thread (as forum.threads.watching does); a few members
    # follow whole categories or ignore one; everyone has read what they took part in.
    watches: dict[tuple[int, int], Watch] = {}
    reads: dict[tuple[int, int], ThreadRead] = {}
    for thread in threads:
        participants = [thread.author_id] + [post.author_id for post in replies[thread.id]]
        for user_id in dict.fromkeys(participants):
            if user_id is not None:
                watches[(user_id, thread.id)] = Watch(user_id=user_id, thread_id=thread.id,
                                                      level=WatchLevel.WATCHING, created_at=thread.created_at)
        last_seen: dict[int, int] = {}
        for post in replies[thread.id]:
            last_seen[post.author_id] = post.position
        if thread.author_id is not None:
            last_seen.setdefault(thread.author_id, 1)
        for user_id, position in last_seen.items():
            if user_id is not None:
                reads[(user_id, thread.id)] = ThreadRead(user_id=user_id, thread_id=thread.id,
                                                         last_position=position, read_at=thread.last_post_at)
    category_ids = sorted(category.id for category in ctx.categories.values())
    category_watches = []
    for user_id in rng.sample(user_ids, min(len(user_ids), 20)):
        level = WatchLevel.WATCHING if rng.random() < 0.8 else WatchLevel.MUTED
        category_watches.append(Watch(user_id=user_id, category_id=rng.choice(category_ids), level=level))
    ctx.session.add_all([*watches.values(), *category_watches, *reads.values()])
    _forum_notifications(ctx, threads, replies, watches, reads, likes)

    # A few open flags for the moderators' queue: one or two members report some recent
    # replies (never their own), with the reasons people actually give.
    reasons = [(FlagReason.OFF_TOPIC, ""), (FlagReason.DUPLICATE, ""),
               (FlagReason.OUTDATED, "Le dispositif a changé depuis."),
               (FlagReason.OTHER, "Le lien donné ne fonctionne plus.")]
    recent = sorted((post for posts in replies.values() for post in posts), key=lambda post: post.created_at)[-200:]
    flags = []
    for post in rng.sample(recent, min(len(recent), 6)):
        for reporter in rng.sample([user_id for user_id in user_ids if user_id != post.author_id],
                                   rng.randint(1, 2)):
            reason, note = rng.choice(reasons)
            flags.append(Flag(reporter_id=reporter, target_type=TargetType.POST, target_id=post.id,
                              reason=reason, note=note, created_at=post.created_at + (ctx.now - post.created_at) / 2))
    flags += _flags_beyond_posts(ctx, rng, threads, user_ids)
    ctx.session.add_all(flags)
    ctx.session.flush()
    held = _hold_newcomers_links(ctx, rng, threads)
    ctx.counts["sujets suivis"] = len(watches)
    ctx.counts["signalements à modérer"] = len(flags)
    ctx.counts["questions résolues"] = solved
    ctx.counts["mercis"] = len(likes)
    ctx.counts["favoris"] = len(bookmarks)
    ctx.counts["messages en attente de validation"] = held


def _forum_notifications(ctx: DemoContext, threads: list[Thread], replies: dict[int, list[Post]],
                         watches: dict, reads: dict, likes: list[PostLike]) -> None:
    """What the notification centre would hold after the last three weeks of the forum: replies in
    followed threads (unread past the member's read position), solutions chosen, thanks received."""
    since = ctx.now - timedelta(days=21)
    names = {user.id: user.display_name for user in ctx.users}
    posts = {post.id: post for posts in replies.values() for post in posts}
    notifications = []

    def add(user_id, actor_id, kind, text, link, moment, position=None, thread_id=None):
        if user_id is None or user_id == actor_id:
            return
        if position is None:  # thanks and solutions: read after a few days
            seen = moment < ctx.now - timedelta(days=4)
        else:  # replies: read as far as the member read the thread
            read = reads.get((user_id, thread_id))
            seen = read is not None and read.last_position >= position
        notifications.append(Notification(user_id=user_id, actor_id=actor_id, kind=kind, text=text[:300],
                                          link=link, created_at=moment, read_at=moment if seen else None))

    followers = defaultdict(list)
    for user_id, thread_id in watches:
        followers[thread_id].append(user_id)
    for thread in threads:
        for post in replies[thread.id]:
            if post.created_at < since or post.hidden_at is not None:
                continue
            text = f"{names.get(post.author_id, 'Un membre')} a répondu dans « {thread.title} »."
            for user_id in followers[thread.id]:
                add(user_id, post.author_id, "reply", text, f"/messages/{post.id}", post.created_at,
                    post.position, thread.id)
        solution = posts.get(thread.solution_post_id)
        if solution is not None and solution.created_at >= since:
            add(solution.author_id, thread.author_id, "solution",
                f"Votre réponse a été choisie comme solution à « {thread.title} ».",
                f"/messages/{solution.id}", solution.created_at + timedelta(hours=6))
    titles = {thread.id: thread.title for thread in threads}
    for like in likes:
        post = posts[like.post_id]
        if like.created_at >= since:
            add(post.author_id, like.user_id, "like", f"{names[like.user_id]} vous dit merci pour votre message "
                f"dans « {titles[post.thread_id]} ».", f"/messages/{post.id}", like.created_at)
    ctx.session.add_all(notifications)
    ctx.counts["notifications"] = ctx.counts.get("notifications", 0) + len(notifications)


def _flags_beyond_posts(ctx: DemoContext, rng, threads: list[Thread], user_ids: list[int]) -> list[Flag]:
    """One flagged thread, one resource and one practice report, each by a member who is not
    among its authors (nor, for a resource, in the fabrique that lends it)."""
    members_of = defaultdict(set)
    for user_id, fabrique_id in ctx.session.execute(select(Membership.user_id, Membership.fabrique_id)):
        members_of[fabrique_id].add(user_id)
    resource = rng.choice(list(ctx.session.execute(
        select(Resource).where(Resource.hidden_at.is_(None)).order_by(Resource.id)).scalars()))
    practice = rng.choice(list(ctx.session.execute(
        select(Practice).where(Practice.status == PracticeStatus.PUBLISHED).order_by(Practice.id)).scalars()))
    practice_authors_ids = set(ctx.session.execute(
        select(practice_authors.c.user_id).where(practice_authors.c.practice_id == practice.id)).scalars())
    thread = rng.choice([thread for thread in threads if thread.author_id is not None][-60:])
    targets = [
        (TargetType.THREAD, thread, {thread.author_id}, FlagReason.DUPLICATE,
         "La même question a déjà été posée il y a quelques mois, avec de bonnes réponses."),
        (TargetType.RESOURCE, resource, members_of[resource.fabrique_id], FlagReason.OUTDATED,
         "D'après leur lettre d'information, ce matériel a été remplacé."),
        (TargetType.PRACTICE, practice, practice_authors_ids, FlagReason.OTHER,
         "Le coût annoncé ne correspond pas au budget détaillé plus bas."),
    ]
    flags = []
    for target_type, target, excluded, reason, note in targets:
        reporter = rng.choice([user_id for user_id in user_ids if user_id not in excluded])
        flags.append(Flag(reporter_id=reporter, target_type=target_type, target_id=target.id, reason=reason,
                          note=note, created_at=ctx.now - (ctx.now - target.created_at) / 4))
    return flags


def _hold_newcomers_links(ctx: DemoContext, rng, threads: list[Thread]) -> int:
    """Two members who have hardly posted yet answer with a link: their replies wait for a
    moderator's approval, as ``forum.threads.services.reply`` holds them."""
    published = Counter(ctx.session.execute(select(Post.author_id).where(Post.hidden_at.is_(None))).scalars())
    newcomers = [user for user in ctx.users
                 if published[user.id] < APPROVED_POSTS_TO_BE_TRUSTED and user.role is Role.MEMBER][:2]
    texts = ["Bonjour, nous proposons exactement ce qu'il vous faut : https://devis-express.exemple.fr "
             "(devis gratuit).",
             "Nous avions trouvé un bon guide sur le sujet : https://documents.exemple.org/guide-mediation.pdf"]
    recent = sorted(threads, key=lambda thread: thread.last_post_at)[-30:]
    fabriques = dict(ctx.session.execute(select(Membership.user_id, Membership.fabrique_id).where(
        Membership.user_id.in_([user.id for user in newcomers]), Membership.status == MembershipStatus.ACTIVE)).all())
    for user, text in zip(newcomers, texts):
        thread = rng.choice(recent)
        _reply_awaiting_approval(ctx, thread, user, fabriques.get(user.id), text)
        # The next held reply's position reads this count.
        counters.recount_threads(ctx.session, [thread.id])
        counters.recount_categories(ctx.session, [thread.category_id])
    ctx.counts["messages"] += len(newcomers)
    return len(newcomers)


def _reply_awaiting_approval(ctx: DemoContext, thread: Thread, author: User, fabrique_id: int | None,
                             text: str) -> Post:
    """A reply at the end of ``thread``, held for a moderator's approval: the one place the demo
    holds a post. The caller recounts its thread (``forum.threads.counters``)."""
    post = Post(thread_id=thread.id, position=thread.post_count + 1, author_id=author.id, fabrique_id=fabrique_id,
                body_source=text, body_html=render_markdown(text), created_at=ctx.now, hidden_at=ctx.now,
                hidden_kind=HiddenKind.AWAITING_APPROVAL, hidden_reason=AWAITING_APPROVAL)
    ctx.session.add(post)
    return post
