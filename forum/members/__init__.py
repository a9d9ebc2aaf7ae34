"""A member's own data: "Mes données" (export as a ZIP of JSON) and account deletion.

It sits above threads, resources and practices because both use cases reach into all of them.
"""
