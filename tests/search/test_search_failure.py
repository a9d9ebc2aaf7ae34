"""A search that breaks inside (the index, a Whoosh internal, the parser) is logged at ERROR with its
cause and answered with an error page (503), never with an empty list of results."""

from __future__ import annotations

import logging

from forum.search import query, service, whoosh_internals
from tests.search.test_search_page import hit_urls, world  # noqa: F401 (world is a fixture)

EMPTY_RESULTS = ("0 résultat", "Aucun résultat")


class CorruptBlock(Exception):
    """Stands for whatever a changed or damaged Whoosh internal might raise."""


def errors_logged(caplog, logger: str) -> list[logging.LogRecord]:
    return [record for record in caplog.records if record.name == logger and record.levelno == logging.ERROR]


def test_an_internal_whoosh_error_is_logged_with_its_cause_and_shown_as_an_error(client, world, monkeypatch,
                                                                                  caplog):
    before = client.get("/recherche", query_string={"q": "découpeuse"})
    assert before.status_code == 200 and hit_urls(before.get_data(as_text=True))  # the real index answers

    def corrupt(matcher, weights=False, values=False):
        raise CorruptBlock("posting block 3 of 'decoup' could not be decoded")
        yield  # a generator, as the real one

    monkeypatch.setattr(whoosh_internals, "posting_blocks", corrupt)
    with caplog.at_level(logging.WARNING, logger="forum.search"):
        response = client.get("/recherche", query_string={"q": "découpeuse laser"})

    assert response.status_code == 503
    html = response.get_data(as_text=True)
    assert "La recherche n&#39;a pas pu aboutir" in html or "La recherche n'a pas pu aboutir" in html
    assert 'class="card search-empty search-failed" role="alert"' in html
    assert hit_urls(html) == [] and not any(text in html for text in EMPTY_RESULTS)
    assert "X-Page-Cache" not in response.headers  # the next visitor does not get the error page
    [error] = errors_logged(caplog, "forum.search.service")
    assert error.exc_info is not None and isinstance(error.exc_info[1], CorruptBlock)
    assert "CorruptBlock" in error.getMessage() and "could not be decoded" in error.getMessage()
    assert "découpeuse laser" in error.getMessage()

    monkeypatch.undo()  # mended: the same search answers again
    again = client.get("/recherche", query_string={"q": "découpeuse"})
    assert again.status_code == 200 and hit_urls(again.get_data(as_text=True))


def test_a_broken_parser_is_an_error_page_too(client, world, monkeypatch, caplog):
    def broken(items, state):
        raise RuntimeError("parser bug")

    monkeypatch.setattr(query, "_build", broken)
    with caplog.at_level(logging.WARNING, logger="forum.search"):
        response = client.get("/recherche", query_string={"q": "découpeuse"})

    assert response.status_code == 503
    html = response.get_data(as_text=True)
    assert "Votre recherche n&#39;a pas pu être comprise" in html or "Votre recherche n'a pas pu être comprise" in html
    assert not any(text in html for text in EMPTY_RESULTS)
    [error] = errors_logged(caplog, "forum.search.query")
    assert isinstance(error.exc_info[1], RuntimeError)


def test_nothing_to_search_is_not_an_error(client, world):
    # Only an internal error is one: a query of operators alone is an ordinary page that says why.
    response = client.get("/recherche", query_string={"q": "AND OR"})
    assert response.status_code == 200
    assert query.OPERATORS_ALONE.split(";")[0] in response.get_data(as_text=True)
    assert not service.search("AND OR").failed
