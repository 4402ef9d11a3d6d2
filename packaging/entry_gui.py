"""Entry point of the frozen window app (``xxgk-desk-gui [FILE…]``, no console on Windows)."""

import multiprocessing
import sys

from xxgk_desk.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # batch runs workers with the "spawn" start method
    sys.exit(main(["gui", *sys.argv[1:]]))
