"""Demo content for ``flask seed-demo``: a living forum loaded into an empty database.

- ``corpus``: French text material for the forum (categories, tags, topics, reply material);
- ``people`` and ``places``: fictitious members and fabriques;
- ``writer``: composes texts from that material (no database);
- ``seed``: ``seed_demo()``, which runs the ``seed_*`` steps in order on one ``context.DemoContext``
  and writes everything to the database.
"""
