"""Demo content for ``flask seed-demo``: a living forum loaded into an empty database.

- ``corpus``: French text material for the forum (categories, tags, topics, reply material);
- ``people`` and ``places``: fictitious members and fabriques;
- ``catalogue`` and ``practice_texts``: material for the shared catalogue and the practice reports;
- those five modules only declare the types of their material: the text itself lives in
  ``forum/demo/data/*.toml`` (one file per module), read strictly by ``loading``;
- ``writer``: composes texts from that material (no database);
- ``seed``: ``seed_demo()``, which runs the ``seed_*`` steps in order on one ``context.DemoContext``
  and writes everything to the database.
"""
