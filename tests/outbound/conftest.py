from tests.outbound.server import web_server  # noqa: F401 (the fixture)
