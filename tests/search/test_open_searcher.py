"""index.open_searcher: reopening after writes reuses only what is still valid (Whoosh's refresh does not)."""

from __future__ import annotations

from whoosh.filedb.filestore import RamStorage
from whoosh.query import Every, Term
from whoosh.writing import OPTIMIZE

from forum.search.index import open_or_create, open_searcher
from forum.search.schema import build_schema, with_prefix_fields


def test_an_updated_document_is_seen_once_and_unchanged_segments_are_reused():
    ix = RamStorage().create_index(build_schema())
    with ix.writer() as writer:
        for number in range(3):
            writer.add_document(**with_prefix_fields({"key": f"fil:{number}", "kind": "fil", "title": "avant"}))
    searcher = open_searcher(ix)
    first_reader = searcher.reader().leaf_readers()[0][0]

    with ix.writer() as writer:  # a new segment, the first one untouched
        writer.add_document(**with_prefix_fields({"key": "fil:9", "kind": "fil", "title": "nouveau"}))
    assert not searcher.up_to_date()
    searcher = open_searcher(ix, previous=searcher)
    assert searcher.up_to_date()
    assert searcher.reader().leaf_readers()[0][0] is first_reader  # reused: same segment, same deletions
    assert len(list(searcher.documents(kind="fil"))) == 4

    with ix.writer() as writer:  # an update deletes in the first segment
        writer.update_document(**with_prefix_fields({"key": "fil:1", "kind": "fil", "title": "apres"}))
    searcher = open_searcher(ix, previous=searcher)
    assert searcher.reader().leaf_readers()[0][0] is not first_reader  # its deletions changed
    assert [hit["key"] for hit in searcher.search(Term("key", "fil:1"))] == ["fil:1"]
    assert searcher.search(Term("title", "avant"), limit=None).scored_length() == 2  # the old fil:1 is gone


def test_segments_merged_away_are_not_kept():
    ix = RamStorage().create_index(build_schema())
    for number in range(4):
        with ix.writer() as writer:
            writer.add_document(**with_prefix_fields({"key": f"fil:{number}", "kind": "fil", "title": "x"}))
    searcher = open_searcher(ix)
    assert len(searcher.reader().leaf_readers()) >= 2
    with ix.writer() as writer:
        writer.add_document(**with_prefix_fields({"key": "fil:4", "kind": "fil", "title": "x"}))
        writer.mergetype = OPTIMIZE  # merges every segment into one
    searcher = open_searcher(ix, previous=searcher)
    assert len(searcher.reader().leaf_readers()) == 1
    assert searcher.search(Every(), limit=None).scored_length() == 5  # no document twice


def test_whoosh_refresh_is_wrong_in_both_cases_which_is_why_we_do_not_use_it():
    ix = RamStorage().create_index(build_schema())
    for number in range(4):
        with ix.writer() as writer:
            writer.add_document(**with_prefix_fields({"key": f"fil:{number}", "kind": "fil", "title": "x"}))
    searcher = ix.searcher()
    with ix.writer() as writer:
        writer.add_document(**with_prefix_fields({"key": "fil:4", "kind": "fil", "title": "x"}))
        writer.mergetype = OPTIMIZE
    assert searcher.refresh().search(Every(), limit=None).scored_length() == 9  # 5 documents, merged ones kept
    searcher = ix.searcher()
    with ix.writer() as writer:
        writer.update_document(**with_prefix_fields({"key": "fil:1", "kind": "fil", "title": "y"}))
    assert searcher.refresh().search(Term("title", "x"), limit=None).scored_length() == 5  # 4, old fil:1 kept
    assert open_searcher(ix).search(Term("title", "x"), limit=None).scored_length() == 4


def test_opening_the_index_while_a_commit_replaces_its_table_of_contents(tmp_path, monkeypatch):
    """Whoosh lists the table of contents, then opens it: a commit in between (the worker's) deletes
    it. Opening again reads the new one; the index is never taken for missing and created anew."""
    from whoosh import index as whoosh_index

    ix = open_or_create(tmp_path)
    with ix.writer() as writer:
        writer.add_document(**with_prefix_fields({"key": "fil:1", "kind": "fil", "title": "avant"}))
    real_open_dir, raced = whoosh_index.open_dir, []

    def open_dir_during_a_commit(*args, **kwargs):
        if not raced:
            raced.append(True)
            raise FileNotFoundError(2, "No such file or directory", str(tmp_path / "_MAIN_1.toc"))
        return real_open_dir(*args, **kwargs)

    monkeypatch.setattr(whoosh_index, "open_dir", open_dir_during_a_commit)
    reopened = open_or_create(tmp_path)
    assert raced
    with reopened.searcher() as searcher:
        assert searcher.document_number(key="fil:1") is not None
