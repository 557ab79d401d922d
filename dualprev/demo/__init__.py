"""The demo factory: a realistic small machining plant, built through the services.

It sits above the services (the ui and cli call it) and below nothing else: no service imports it.
"""
