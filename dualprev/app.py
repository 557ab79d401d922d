"""Composition root: arguments → headless command, or → the GUI (Qt is imported only then)."""

import os
import sys
from collections.abc import Sequence

from dualprev import cli


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``dualprev`` command."""
    args = list(sys.argv[1:] if argv is None else argv)
    parsed = cli.parse_args(args)
    if parsed.command is not None:
        try:
            return cli.run(parsed)
        except BrokenPipeError:
            # The reader went away (`dualprev info | head`): not an error worth a traceback.
            # https://docs.python.org/3/library/signal.html#note-on-sigpipe
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            return cli.EXIT_OK
    from dualprev.ui.gui import run_gui  # Qt only for the GUI, so headless commands start fast

    return run_gui(parsed.db, argv=[sys.argv[0], *parsed.qt_args])


if __name__ == "__main__":
    raise SystemExit(main())
