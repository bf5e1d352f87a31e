"""The platform: the HTTP service that owns catalogue, orders, customers and tasks of many shops.

Public entry points: ``server.api.create_app``, ``server.runner.PlatformThread`` and
``server.runner.serve``, ``server.cli.platform_main``, and ``server.seed.seed``.
"""
