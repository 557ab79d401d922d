"""The LAN service for phones (手机端): a small web application over the same services as the GUI,
served on the factory's own network by uvicorn, only while the user has turned it on.

``limits`` guards the door (request size, rate, CSRF), ``html`` renders the mobile pages,
``app`` routes requests to the services, ``server`` runs it in a thread of the GUI or in the
foreground of ``dualprev serve``."""
