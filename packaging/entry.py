"""Entry point of the frozen app: ``xxgk-desk COMMAND …`` exactly like the installed command."""

import multiprocessing
import sys

from xxgk_desk.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # batch runs workers with the "spawn" start method
    sys.exit(main())
