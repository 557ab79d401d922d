"""dualprev — 双重预防机制 desktop application for small factories.

Kept import-light: the CLI's ``--version`` and the bundle smoke test import only this module.
"""

__version__ = "0.1.0"

APP_NAME = "dualprev"
APP_DISPLAY_NAME = "双重预防管理"
ORG_NAME = "dualprev"
ORG_DOMAIN = "dualprev.local"
