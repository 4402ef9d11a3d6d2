"""Entry point of the frozen app: ``xxgk-desk COMMAND …`` exactly like the installed command."""

import multiprocessing
import sys

from xxgk_desk.cli import main
from xxgk_desk.core.install_kind import use_utf8_locale

if __name__ == "__main__":
    multiprocessing.freeze_support()  # batch runs workers with the "spawn" start method
    use_utf8_locale()  # a bare C locale: UTF-8, quietly (before Qt starts)
    sys.exit(main())
