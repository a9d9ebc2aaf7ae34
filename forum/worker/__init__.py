"""The worker: the work that outlives a request (``flask worker``, beside the web server).

It sends the e-mail outbox (forum.core.outbox), applies search changes to this host's index
(forum.search.sync), and runs the schedules (digests, loan reminders, pruning): see runner.py.
Its admin page lists the e-mails that could not be delivered (views.py).
"""
