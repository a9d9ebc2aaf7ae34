"""Atom feeds of the latest threads, practice reports and catalogue resources."""
