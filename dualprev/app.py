"""Composition root: arguments → headless command, or → the GUI (Qt is imported only then)."""

import sys
from collections.abc import Sequence

from dualprev import cli


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``dualprev`` command."""
    args = list(sys.argv[1:] if argv is None else argv)
    parsed = cli.parse_args(args)
    if parsed.command is not None:
        return cli.run(parsed)
    from dualprev.ui.gui import run_gui  # Qt only for the GUI, so headless commands start fast

    return run_gui(parsed.db, argv=[sys.argv[0], *parsed.qt_args])


if __name__ == "__main__":
    raise SystemExit(main())
