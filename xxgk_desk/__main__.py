"""Entry point for ``python -m xxgk_desk``."""

import sys

from xxgk_desk.cli import main

if __name__ == "__main__":
    sys.exit(main())
