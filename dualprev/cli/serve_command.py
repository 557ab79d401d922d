"""``dualprev serve``: the phone service (手机端) on the LAN, headless, until Ctrl+C."""

import argparse
import sys
from pathlib import Path

from dualprev.cli.common import EXIT_OK, add_db_option, require_db


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    serve = sub.add_parser("serve", help="在局域网提供手机访问服务（Ctrl+C 停止）")
    add_db_option(serve)
    serve.add_argument("--host", default=None, help="监听的地址（默认：本机的局域网地址）")
    serve.add_argument("--port", type=int, default=None, help="端口（默认 8765）")
    serve.add_argument("--pair", metavar="NAME", default=None, help="启动时为该人员生成一个手机配对码")
    serve.add_argument("--role", choices=("worker", "manager"), default="worker", help="配对手机的权限")
    serve.set_defaults(handler=_serve)


def _serve(args: argparse.Namespace) -> int:
    from dualprev.domain.phone import PhoneRole
    from dualprev.errors import UserError
    from dualprev.lan.server import DEFAULT_PORT, Address, default_host, serve_forever
    from dualprev.services import database_lock, organisation_service
    from dualprev.services.phone import devices
    from dualprev.storage.db import open_database

    path: Path = require_db(args)
    host = args.host or default_host()
    port = args.port if args.port is not None else DEFAULT_PORT
    with database_lock.held(path, create=False):
        db = open_database(path, create=False)
        try:
            code = None
            if args.pair:
                person = next((p for p in organisation_service.list_people(db) if p.name == args.pair), None)
                if person is None or person.id is None:
                    raise UserError(f"没有名为“{args.pair}”的人员")
                code = devices.create_pairing(db, person.id, PhoneRole(args.role), actor="命令行")

            def started(address: Address) -> None:
                print(f"手机访问服务已启动：{address.url}（Ctrl+C 停止）", flush=True)
                if code is not None:
                    print(f"配对码：{code.code}（{code.person_name}，10 分钟内有效）", flush=True)
                sys.stdout.flush()

            serve_forever(db, host, port, on_started=started)
            print("手机访问服务已停止。", flush=True)
        finally:
            db.close()
    return EXIT_OK
