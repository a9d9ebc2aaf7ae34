"""Results grouped by thread (grouping.py), replies found by their own words, titles that count."""

from __future__ import annotations

import re

import pytest

from forum.search.grouping import page_of_groups
from forum.search.index import is_current, open_searcher
from forum.search.query import parse_user_query
from forum.search.schema import TEXT_FIELDS, THREAD_FIELD, build_schema, with_prefix_fields
from tests.conftest import make_category, make_reply, make_thread, make_user
from tests.search.test_search_page import hit_urls, message_links, page

FILLER = ("Nous avons fait le point avec les bénévoles et les habitants du quartier sur les projets de "
          "l'année, les horaires d'ouverture, le budget et les partenaires. ")


@pytest.fixture
def forum(app):
    alice = make_user()
    bob = make_user("bob@exemple.fr", "Bob Leroy")
    category = make_category("Fabrication", 1)
    crowded = make_thread(alice, category, "Imprimante 3D en panne", "Notre imprimante ne chauffe plus.")
    replies = [make_reply(bob, crowded, f"Réponse {number} : vérifiez la buse de l'imprimante.")
               for number in range(5)]
    others = [make_thread(bob, category, f"Atelier du jeudi numéro {number}",
                          f"On y répare une imprimante, entre autres (séance {number}).") for number in range(9)]
    return {"alice": alice, "bob": bob, "category": category, "crowded": crowded, "replies": replies,
            "others": others}


def thread_url(thread) -> str:
    return f"/sujets/{thread.id}/{thread.slug}"


def test_a_thread_is_one_result_and_leaves_room_for_the_others(client, forum):
    html = page(client, "imprimante")
    urls = hit_urls(html)
    # Ungrouped, the crowded thread and its five replies took six of the ten places.
    assert len(urls) == len(set(urls)) == 10
    assert set(urls) == {thread_url(forum["crowded"]), *map(thread_url, forum["others"])}
    assert "10 résultats" in html
    assert re.search(rf'sujet={forum["crowded"].id}[^"]*"[^>]*>6 messages correspondent</a>', html)
    assert html.count("messages correspondent</a>") == 1  # the other threads match once each


def test_n_messages_correspondent_opens_the_threads_matches(client, forum):
    html = page(client, "imprimante")
    link = re.search(rf'href="(/recherche\?[^"]*sujet={forum["crowded"].id}[^"]*)"', html).group(1)
    inside = client.get(link.replace("&amp;", "&"))
    assert inside.status_code == 200
    inside_html = inside.get_data(as_text=True)
    assert "Dans le sujet «\u00a0Imprimante 3D en panne\u00a0»" in inside_html
    assert "6 messages correspondent" in inside_html
    urls = hit_urls(inside_html)
    assert sorted(urls) == sorted([thread_url(forum["crowded"]),
                                   *(f"/messages/{reply.id}" for reply in forum["replies"])])
    assert "Revenir aux résultats de tous les sujets" in inside_html
    back = re.search(r'href="([^"]*)">Revenir aux résultats', inside_html).group(1)
    assert "sujet=" not in back and "q=imprimante" in back


def test_a_reply_is_found_by_its_own_words_not_its_threads_title(client, forum):
    # "panne" is only in the thread's title: the replies no longer match it.
    html = page(client, "panne")
    assert hit_urls(html) == [thread_url(forum["crowded"])]
    assert "messages correspondent" not in html and message_links(html) == []
    # "buse" is only in the replies: the thread is the result, its best reply is linked.
    html = page(client, "buse")
    assert hit_urls(html) == [thread_url(forum["crowded"])]
    assert len(message_links(html)) == 1 and "5 messages correspondent" in html


def test_facet_counts_count_the_results_listed(client, forum):
    html = page(client, "imprimante")
    assert "<strong>" not in html.split("search-facets", 1)[-1].split("</aside>", 1)[0]
    assert re.search(r">Fil</a> \(10\)", html)
    assert re.search(r">Message</a> \(1\)", html)  # one result (the crowded thread) has matching replies
    replies_only = page(client, "imprimante", type="message")
    assert hit_urls(replies_only) == [thread_url(forum["crowded"])]
    assert "<strong>Message</strong> (1)" in replies_only and "1 résultat" in replies_only


def test_a_thread_within_the_page_keeps_its_rank_when_sorted_by_date(client, forum):
    make_reply(forum["alice"], forum["others"][0], "Et une imprimante de plus pour l'atelier.")
    urls = hit_urls(page(client, "imprimante", tri="date"))
    assert urls[0] == thread_url(forum["others"][0])  # its newest match is the newest of all
    assert len(urls) == len(set(urls)) == 10


def test_an_unknown_thread_filter_is_ignored_with_a_french_message(client, forum):
    html = page(client, "imprimante", sujet="abc")
    assert "Ce sujet n&#39;existe pas\u00a0: les résultats de tous les sujets sont affichés." in html
    assert len(hit_urls(html)) == 10
    assert hit_urls(page(client, "imprimante", sujet="999999")) == []


def test_a_title_holding_the_words_ranks_above_a_long_body_mentioning_them_once(client, forum):
    author, category = forum["alice"], forum["category"]
    mentioned = make_thread(author, category, "Compte rendu de l'assemblée générale",
                            FILLER * 3 + "Un atelier couture a été proposé. " + FILLER * 3)
    titled = make_thread(author, category, "Atelier couture du mercredi", FILLER * 6)
    assert hit_urls(page(client, "couture"))[:2] == [thread_url(titled), thread_url(mentioned)]
    assert hit_urls(page(client, "atelier couture"))[:2] == [thread_url(titled), thread_url(mentioned)]
    # Even against a short body: a title's words count twice.
    short = make_thread(author, category, "Des nouvelles", "Un atelier couture, enfin !")
    assert hit_urls(page(client, "couture"))[:3] == [thread_url(titled), thread_url(short), thread_url(mentioned)]


def test_an_index_without_the_thread_field_or_with_boosted_titles_must_be_rebuilt(tmp_path):
    from whoosh import index as whoosh_index
    from whoosh.fields import TEXT

    for name in ("today", "older", "boosted"):
        (tmp_path / name).mkdir()
    assert is_current(whoosh_index.create_in(str(tmp_path / "today"), build_schema()))
    older = build_schema()
    older.remove(THREAD_FIELD)
    assert not is_current(whoosh_index.create_in(str(tmp_path / "older"), older))
    boosted = build_schema()
    boosted.remove("title")
    boosted.add("title", TEXT(analyzer=build_schema()["title"].analyzer, stored=True, field_boost=2.0, phrase=False))
    assert not is_current(whoosh_index.create_in(str(tmp_path / "boosted"), boosted))


def test_an_index_from_before_the_thread_field_is_searched_ungrouped_until_rebuilt(tmp_path):
    from whoosh import index as whoosh_index

    older = build_schema()
    older.remove(THREAD_FIELD)
    ix = whoosh_index.create_in(str(tmp_path), older)
    with ix.writer() as writer:
        for number in range(3):
            writer.add_document(**with_prefix_fields({"key": f"message:{number}", "kind": "message",
                                                      "title": "", "body": "Une imprimante de plus."}))
    with open_searcher(ix) as searcher:
        found, counts = page_of_groups(searcher, parse_user_query("imprimante", TEXT_FIELDS).query, 1, 10,
                                       facet_fields=["kind"])
    assert found.total == 3 and counts["kind"] == {"message": 3}
    assert sorted(item["key"] for item in found.items) == ["message:0", "message:1", "message:2"]


def test_pages_of_groups_follow_one_another_without_repeating_a_thread(client, forum):
    extra = [make_thread(forum["bob"], forum["category"], f"Imprimante à céder {number}", "Contactez-nous.")
             for number in range(3)]
    for thread in extra:
        make_reply(forum["alice"], thread, "Je prends l'imprimante !")
    first, second = page(client, "imprimante"), page(client, "imprimante", page="2")
    assert "13 résultats" in first
    urls = hit_urls(first) + hit_urls(second)
    assert len(urls) == len(set(urls)) == 13
    assert set(urls) == {thread_url(thread) for thread in [forum["crowded"], *forum["others"], *extra]}
    # The titled threads come first: their titles hold the word.
    assert set(hit_urls(first)[:4]) == {thread_url(thread) for thread in [forum["crowded"], *extra]}


def _write(ix, documents: list[dict]) -> None:
    with ix.writer() as writer:  # one commit: one segment
        for document in documents:
            writer.add_document(**with_prefix_fields({"title": "", "category": "", "region": "", **document}))


def test_a_thread_spread_over_segments_is_one_group_counted_once_by_each_facet(tmp_path):
    from whoosh import index as whoosh_index

    ix = whoosh_index.create_in(str(tmp_path), build_schema())
    _write(ix, [{"key": "fil:1", "kind": "fil", "thread": "1", "title": "Imprimante en panne", "body": "Aide",
                 "category": "fabrication", "region": "84"},
                {"key": "pratique:7", "kind": "pratique", "body": "Une imprimante prêtée", "region": "84"}])
    _write(ix, [{"key": f"message:{number}", "kind": "message", "thread": "1", "body": "Changez l'imprimante",
                 "category": "fabrication", "region": "84"} for number in (2, 3)]
           + [{"key": "fil:9", "kind": "fil", "thread": "9", "title": "Autre", "body": "imprimante",
               "category": "fabrication", "region": "11"}])
    with open_searcher(ix) as searcher:
        assert len(searcher.subsearchers) == 2
        found, counts = page_of_groups(searcher, parse_user_query("imprimante", TEXT_FIELDS).query, 1, 10,
                                       facet_fields=["kind", "category", "region"])
    assert found.total == 3
    assert {item["key"]: item["matched"] for item in found.items} == {"fil:1": 3, "pratique:7": 1, "fil:9": 1}
    # Thread 1 has a "fil" and two "message" documents in two segments: one group for each value.
    assert counts == {"kind": {"fil": 2, "message": 1, "pratique": 1}, "category": {"fabrication": 2},
                      "region": {"84": 2, "11": 1}}


def test_postings_kept_between_searches_still_leave_out_deleted_documents(tmp_path):
    from whoosh import index as whoosh_index

    from forum.search import docsets

    ix = whoosh_index.create_in(str(tmp_path), build_schema())
    _write(ix, [{"key": f"fil:{number}", "kind": "fil", "thread": str(number), "body": "Une découpeuse laser"}
                for number in range(4)])
    query = parse_user_query("découpeuse", TEXT_FIELDS).query
    with open_searcher(ix) as searcher:
        assert page_of_groups(searcher, query, 1, 10)[0].total == 4
    cached = len(docsets.DECODED_POSTINGS.entries)
    assert cached  # the segment's postings are kept for the next search
    with ix.writer() as writer:  # the same segment, one document fewer
        writer.delete_by_term("key", "fil:2")
    with open_searcher(ix) as searcher:
        found, _ = page_of_groups(searcher, query, 1, 10)
    assert found.total == 3 and "fil:2" not in {item["key"] for item in found.items}
