"""Demo content for ``flask seed-demo``: a living forum loaded into an empty database.

- ``corpus``: French text material for the forum (categories, tags, topics, reply material);
- ``people`` and ``places``: fictitious members and fabriques;
- ``writer``: composes texts from that material (no database);
- ``seed``: ``seed_demo()`` and ``DemoBuilder``, which write everything to the database.
"""
