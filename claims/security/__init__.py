"""Defences at the edge of the app: who the client is, how often it may try, what a page may load.

- client_address.py: the client's address behind NUM_PROXIES trusted proxies, the one rule
  the API throttles, the login limit and the web rate limit all use;
- rates.py: counting requests per key and window in Django's cache;
- login_limits.py: failed logins per account and per address, and the lock-out;
- login_form.py: that limit on the login forms of /login/ and /admin/login/;
- web_limits.py: the web UI's rate limit per address (middleware, 429 page);
- content_policy.py: the Content-Security-Policy of every HTML response.
"""
